# title: PyPy has a GIL too
# models: pypy cpython-3.12
# cores: 2
# seed: 1
# max_time: 1
# output: varies
# order: 110
#
# It is often said that only CPython has a GIL; PyPy has one as well. Two threads
# crunch numbers while a third wakes up every millisecond and measures how late it
# is. PyPy's GIL is a cheap flag: a waiting thread does not wait a 5 ms interval, a
# "stealer" checks every 100 microseconds and the holder gives way after 10,000
# bytecodes when someone is waiting. On the timeline the GIL lane is finely striped, and the
# ticker's wake-ups are late by about 0.1 ms instead of the 5 ms they suffer under
# cpython-3.12. Still only one thread runs Python at a time: the JIT makes each
# thread several times faster (see the end time), but threads still do not add up.
import threading
import time


def crunch(n):
    total = 0
    while n > 0:
        total += n % 3
        n -= 1
    return total


lateness = []


def ticker():
    for i in range(8):
        start = time.perf_counter()
        time.sleep(0.001)
        lateness.append(time.perf_counter() - start - 0.001)


workers = [threading.Thread(target=crunch, args=(400000,)) for i in range(2)]
tick = threading.Thread(target=ticker)
for t in workers:
    t.start()
tick.start()
for t in workers + [tick]:
    t.join()
print("ticker woke up %d times, worst lateness %.2f ms" % (len(lateness), max(lateness) * 1000))
