# title: Producer and consumers with queue.Queue
# models: cpython-3.12 cpython-3.13t
# cores: 2
# seed: 1
# max_time: 1
# order: 140
#
# One producer reads 24 records (each read is 2 ms of blocking I/O, gilscope.io)
# and puts them on a queue.Queue that holds at most 4; two consumers take records
# off and do some CPU work on each. queue.Queue is a lock with two condition
# variables, so an empty or full queue blocks a thread and releases the GIL. On the
# timeline, the consumers run Python while the producer waits for I/O, and they go
# to sleep in get() when the queue runs dry; look for the hand-offs when a put()
# wakes a consumer. Here the producer is the bottleneck (24 reads of 2 ms), so the
# run takes about 50 ms under every model; were the consumers the bottleneck, a
# second consumer would not help under the GIL, as the two only take turns. A None
# per consumer tells it to stop.
import queue
import threading

import gilscope

q = queue.Queue(maxsize=4)
totals = {}


def producer(n):
    for i in range(n):
        gilscope.io(0.002)  # read a record
        q.put(i)
    for i in range(2):
        q.put(None)


def consumer(name):
    total = 0
    while True:
        item = q.get()
        if item is None:
            break
        for k in range(20000):  # parse the record
            total += (item * k) % 7
    totals[name] = total


threads = [threading.Thread(target=producer, args=(24,))]
threads += [threading.Thread(target=consumer, args=(name,)) for name in ("c1", "c2")]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("records processed, checksum", sum(totals.values()))
