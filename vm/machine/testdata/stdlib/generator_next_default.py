# next(generator, default) over a generator that blocks (a queue's get): the generator's
# frame runs on the thread's stack, so the wait releases the GIL as in CPython.
import threading, queue, time
q = queue.Queue()
def items():
    while True:
        v = q.get()
        if v is None:
            return
        yield v
def producer():
    for i in range(3):
        time.sleep(0.01)
        q.put(i)
    q.put(None)
threading.Thread(target=producer).start()
g = items()
while (v := next(g, 'done')) != 'done':
    print('got', v)
print('finished')
