# queue: two producers and a consumer through a bounded Queue, task_done and join,
# and the other queue classes.
import queue
import threading

import gilscope

q = queue.Queue(maxsize=3)
results = []
results_lock = threading.Lock()


def producer(base):
    for i in range(20):
        q.put(base + i)
        if i % 5 == 0:
            gilscope.io(0.0005)


def consumer():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        with results_lock:
            results.append(item * 2)
        q.task_done()


threads = [threading.Thread(target=producer, args=(b,)) for b in (0, 1000)]
threads.append(threading.Thread(target=consumer))
for t in threads:
    t.start()
for t in threads[:2]:
    t.join()
q.put(None)
q.join()
threads[2].join()
print(len(results), sorted(results)[:5], sorted(results)[-3:], sum(results))
print("empty", q.empty(), "qsize", q.qsize(), "unfinished", q.unfinished_tasks)

pq = queue.PriorityQueue()
for item in [(5, "e"), (1, "a"), (3, "c"), (1, "b"), (4, "d"), (0, "z"), (3, "a")]:
    pq.put(item)
print("priority", [pq.get_nowait() for _ in range(pq.qsize())])

lq = queue.LifoQueue()
for i in range(5):
    lq.put(i)
print("lifo", [lq.get() for _ in range(5)])

bounded = queue.Queue(2)
bounded.put("a")
bounded.put_nowait("b")
print("full", bounded.full())
try:
    bounded.put("c", timeout=0.01)
except queue.Full:
    print("Full after timeout")
try:
    bounded.put_nowait("c")
except queue.Full:
    print("Full at once")
print(bounded.get(), bounded.get())
try:
    bounded.get(timeout=0.01)
except queue.Empty:
    print("Empty after timeout")
try:
    bounded.get(block=False)
except queue.Empty:
    print("Empty at once")
try:
    bounded.task_done()
    bounded.task_done()
    bounded.task_done()
except ValueError as e:
    print("ValueError", e)
try:
    bounded.get(timeout=-1)
except ValueError as e:
    print("ValueError", e)

sq = queue.SimpleQueue()
for i in range(3):
    sq.put(i * i)
print("simple", sq.qsize(), [sq.get() for _ in range(3)], sq.empty())
try:
    sq.get(timeout=0.01)
except queue.Empty:
    print("SimpleQueue Empty")

# A consumer blocked in get() is woken by a put from another thread.
handoff = queue.Queue()
got = []


def waiter():
    got.append(handoff.get())


w = threading.Thread(target=waiter)
w.start()
gilscope.io(0.002)
handoff.put("hello")
w.join()
print("handoff", got)
