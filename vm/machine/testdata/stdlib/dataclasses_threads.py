# dataclasses on queues: worker threads take frozen Task dataclasses from a queue and
# put ordered Result dataclasses on another, as threaded programs pass work around.
import queue
import threading
from dataclasses import dataclass, field, asdict

import gilscope


@dataclass(frozen=True)
class Task:
    ident: int
    payload: str
    retries: int = 0


@dataclass(order=True)
class Result:
    ident: int
    worker: str = field(compare=False)
    length: int = 0
    log: list = field(default_factory=list, compare=False, repr=False)


tasks = queue.Queue()
results = queue.Queue()


def worker():
    name = threading.current_thread().name
    while True:
        task = tasks.get()
        if task is None:
            tasks.task_done()
            break
        gilscope.io(0.0002 * (task.ident % 3))
        r = Result(task.ident, name, len(task.payload) * (task.retries + 1))
        r.log.append(asdict(task))
        results.put(r)
        tasks.task_done()


threads = [threading.Thread(target=worker, name=f"w{i}") for i in range(3)]
for t in threads:
    t.start()
for i in range(12):
    tasks.put(Task(i, "x" * i, retries=i % 2))
for _ in threads:
    tasks.put(None)
tasks.join()
for t in threads:
    t.join()

collected = []
while not results.empty():
    collected.append(results.get())
collected.sort()
print(len(collected), sorted({r.worker for r in collected}) != [])
for r in collected:
    print(r.ident, r.length, r.log[0], r == Result(r.ident, "other", r.length))
print(max(collected).ident, min(collected).ident, repr(max(collected)).startswith("Result(ident=11, worker='w"))
