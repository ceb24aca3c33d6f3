# Part 1: one loop alone. Part 2: four threads each run the same loop.
# Part 3: two threads add 1 to one global, with no lock.
import threading
import time


def work(n):
    total = 0
    while n > 0:
        total += n & 3
        n -= 1
    return total


def timed(k, n):
    threads = [threading.Thread(target=work, args=(n,)) for i in range(k)]
    start = time.time()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return (time.time() - start) * 1000


alone = timed(1, 60000)
four = timed(4, 60000)
print("alone_ms %.2f" % alone)
print("four_ms %.2f" % four)

counter = 0


def add(n):
    global counter
    for i in range(n):
        counter += 1


threads = [threading.Thread(target=add, args=(50000,)) for i in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("lost %d" % (100000 - counter))
