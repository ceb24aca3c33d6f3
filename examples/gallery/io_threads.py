# title: I/O-bound threads do overlap
# models: cpython-3.12 cpython-2.7 cpython-3.13t
# cores: 2
# seed: 1
# max_time: 1
# order: 20
#
# Eight threads each wait for three 20 ms "network calls" (time.sleep). Run one
# after another that would be 480 ms; with threads the program is done in about
# 60 ms, even on two cores and even with the GIL. Look at the thread lanes: every
# thread spends almost all its time blocked, and a blocking call drops the GIL before
# it waits, so another thread can take it at once. The GIL lane shows only short
# holds (a few microseconds of Python between waits). The GIL only serializes running
# Python code; waiting is free to overlap. That is why threads work well for I/O.
import threading
import time

results = {}


def fetch(name):
    total = 0
    for part in range(3):
        time.sleep(0.02)  # a blocking call: the GIL is released while it waits
        total += len(name) + part
    results[name] = total


names = ["host%d" % i for i in range(8)]
threads = [threading.Thread(target=fetch, args=(n,)) for n in names]
start = time.time()
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.time() - start
print(sorted(results.items()))
print("overlapped:", elapsed < 0.45)  # one after another: at least 0.48 s
