# The same countdown done once in one thread, then split over two threads.
import threading
import time

N = 1000000


def count(n):
    while n > 0:
        n -= 1


start = time.time()
count(N)
sequential = time.time() - start

threads = [threading.Thread(target=count, args=(N // 2,)) for i in range(2)]
start = time.time()
for t in threads:
    t.start()
for t in threads:
    t.join()
threaded = time.time() - start
print("ratio_2thr %.3f" % (threaded / sequential))
