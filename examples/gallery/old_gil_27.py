# title: CPython 2.7's old GIL: threads make it slower
# models: cpython-2.7 cpython-3.12
# cores: 2
# seed: 1
# max_time: 1
# output: varies
# order: 130
#
# Before Python 3.2 the GIL was a plain lock with no queue: every 100 "ticks"
# (bytecodes) the holder released it and at once took it back. On two cores the
# other thread is woken, but by the time it runs the holder has the lock again, so
# it goes back to sleep: a futile wake-up. The program counts down twice in a row,
# then in two threads at once. On the timeline the GIL lane flickers between
# threads, both cores are busy but mostly fighting over the lock, and the threaded
# run is slower than the sequential one (David Beazley measured 1.8x on a dual
# core in 2009). Switch to cpython-3.12: the new GIL (forced hand-off after a 5 ms
# interval) brings the ratio back to about 1. This file also runs on a real
# Python 2.7.
import threading
import time


def count(n):
    while n > 0:
        n -= 1


N = 400000
start = time.time()
count(N)
count(N)
sequential = time.time() - start

threads = [threading.Thread(target=count, args=(N,)) for i in range(2)]
start = time.time()
for t in threads:
    t.start()
for t in threads:
    t.join()
threaded = time.time() - start
print("threaded / sequential: %.2f" % (threaded / sequential))
