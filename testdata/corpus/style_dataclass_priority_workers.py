# source: written for gilscope's corpus around the PrioritizedItem example of the Python 3.12 documentation (library/queue.html, "queue.PriorityQueue"); not an author's program
# compare: unordered
import queue
import threading
import time
from dataclasses import dataclass, field
from typing import Any


@dataclass(order=True)
class PrioritizedItem:
    priority: int
    item: Any = field(compare=False)


@dataclass
class Job:
    name: str
    seconds: float
    attempts: int = 0


@dataclass(frozen=True)
class Outcome:
    job: str
    worker: str
    attempts: int


jobs = queue.PriorityQueue()
outcomes = queue.Queue()


def worker():
    while True:
        entry = jobs.get()
        if entry.item is None:
            jobs.task_done()
            break
        job = entry.item
        job.attempts += 1
        time.sleep(job.seconds)
        outcomes.put(Outcome(job.name, threading.current_thread().name, job.attempts))
        print(f"{threading.current_thread().name} finished {job.name} (priority {entry.priority})")
        jobs.task_done()


for i, (name, seconds) in enumerate([("backup", 0.03), ("email", 0.01), ("report", 0.02),
                                      ("index", 0.01), ("thumbnails", 0.02)]):
    jobs.put(PrioritizedItem(priority=i % 3, item=Job(name, seconds)))

workers = [threading.Thread(target=worker, name=f"worker-{n}") for n in range(2)]
for w in workers:
    w.start()
for _ in workers:
    jobs.put(PrioritizedItem(priority=99, item=None))
jobs.join()
for w in workers:
    w.join()

done = []
while not outcomes.empty():
    done.append(outcomes.get())
print("jobs done:", sorted(o.job for o in done))
print("all first attempts:", all(o.attempts == 1 for o in done))
