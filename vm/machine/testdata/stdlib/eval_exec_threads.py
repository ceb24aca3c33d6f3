# eval and exec on threads: the code runs on the calling thread, may block (sleep,
# a queue), and an error in it shows <string> in the thread's traceback.
import queue
import threading
import time

results = queue.Queue()
src = compile("time.sleep(0.01 * n)\nresults.put((n, n * n))", "<worker>", "exec")


def worker(n):
    exec(src, {"time": time, "results": results, "n": n})
    results.put(("eval", eval("n + 100", {"n": n})))


threads = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted((str(k), v) for k, v in (results.get() for _ in range(8))))

q = queue.Queue()
consumer = threading.Thread(target=exec, args=("item = q.get()\nprint('got', item)", {"q": q}))
consumer.start()
time.sleep(0.01)
q.put("parcel")
consumer.join()

import traceback


def hook(args):
    lines = traceback.format_exception(args.exc_value)
    print("hook:", args.thread.name, [l for l in lines if "<string>" in l], lines[-1].strip())


threading.excepthook = hook
bad = threading.Thread(target=exec, args=("x = 1\nraise ValueError('from exec')",), name="bad")
bad.start()
bad.join()
namespace = {}
exec("def square(v):\n    return v * v\n", namespace)
with_pool = []
t = threading.Thread(target=lambda: with_pool.append(namespace["square"](7)))
t.start()
t.join()
print(with_pool, sorted(k for k in namespace if k != "__builtins__"))
