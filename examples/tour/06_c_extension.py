# Two threads each make four 5 ms calls into C code: first C code that holds the
# GIL for the whole call, then C code that releases it (as hashlib does on big buffers).
import threading
import time

import gilscope


def worker(releases):
    for i in range(4):
        gilscope.c_call(0.005, releases)


def phase(releases):
    threads = [threading.Thread(target=worker, args=(releases,)) for i in range(2)]
    start = time.time()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return (time.time() - start) * 1000


held = phase(False)
released = phase(True)
print("holding_ms %.1f" % held)
print("releasing_ms %.1f" % released)
print("ratio %.2f" % (held / released))
