# iter(callable, sentinel), whose calls may block: workers that read a queue until
# a sentinel arrives, as multiprocessing's documentation writes them.
import queue
import threading

q = queue.Queue()
results = queue.Queue()


def worker():
    for item in iter(q.get, 'STOP'):
        results.put(item * item)


threads = [threading.Thread(target=worker) for _ in range(3)]
for t in threads:
    t.start()
for i in range(10):
    q.put(i)
for t in threads:
    q.put('STOP')
for t in threads:
    t.join()
results.put(None)
print(sorted(iter(results.get_nowait, None)))

count = [0]


def tick():
    count[0] += 1
    return count[0]


it = iter(tick, 3)
print(type(it).__name__, next(it), list(it), list(it))
try:
    iter(5, 1)
except TypeError as e:
    print('TypeError:', e)
