# dict(generator) and dict.update(generator) over a generator that blocks (a queue's
# get): the generator is drained on the thread's stack first, as list(generator) is.
import threading, queue, time
q = queue.Queue()
def pairs():
    for i in range(3):
        yield q.get()
def producer():
    for i in range(3):
        time.sleep(0.01)
        q.put((f"k{i}", i))
threading.Thread(target=producer).start()
d = dict(pairs())
print(d)
threading.Thread(target=producer).start()
d.update((k + "!", v) for k, v in pairs())
print(d)
print(dict((x, x * x) for x in range(3)))
try:
    dict(x for x in [1, 2])
except TypeError as e:
    print("TypeError:", e)
