# Unpacking a generator that blocks (a queue's get): its frame runs on the thread's
# stack, so each wait releases the GIL, as in CPython.
import threading, queue, time
q = queue.Queue()
def items(n):
    for i in range(n):
        yield q.get()
def producer(n):
    for i in range(n):
        time.sleep(0.01)
        q.put(i * 10)
threading.Thread(target=producer, args=(2,)).start()
a, b = items(2)
print(a, b)
threading.Thread(target=producer, args=(4,)).start()
first, *rest = items(4)
print(first, rest)
