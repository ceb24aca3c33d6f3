# source: none: written for gilscope in the style of the common "from multiprocessing.dummy import Pool as ThreadPool" idiom of tutorials (the original programs could not be taken verbatim)
# compare: exact
# mask: \d+\.\d+s
import threading
import time
from multiprocessing.dummy import Pool as ThreadPool


def checksum(n):
    # CPU-bound: the threads take turns holding the GIL.
    total = 0
    for i in range(n):
        total = (total + i * i) % 1000003
    return total


def download(name):
    time.sleep(0.1)
    return "%s done by a pool thread: %s" % (name, threading.current_thread().name.endswith("(worker)"))


inputs = [20000 + i for i in range(8)]

start = time.time()
serial = list(map(checksum, inputs))
print("serial: %.3fs" % (time.time() - start))

pool = ThreadPool(4)
start = time.time()
results = pool.map(checksum, inputs)
print("pool:   %.3fs" % (time.time() - start))
print(results == serial)

for line in pool.map(download, ["a", "b", "c", "d"]):
    print(line)
pool.close()
pool.join()
print(threading.active_count())
