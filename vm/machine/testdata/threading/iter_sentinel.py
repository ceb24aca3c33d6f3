# iter(callable, sentinel): a worker draining a queue until the sentinel arrives.
import threading, queue
q = queue.Queue()
out = []
def worker():
    for item in iter(q.get, None):
        out.append(item * 2)
t = threading.Thread(target=worker)
t.start()
for i in range(5):
    q.put(i)
q.put(None)
t.join()
print(out)
data = [3, 2, 1, 0, 9]
print(list(iter(data.pop, 1)), data)
it = iter(int, 1)
print(type(it).__name__, next(it))
try:
    iter(5, 1)
except TypeError as e:
    print(e)
