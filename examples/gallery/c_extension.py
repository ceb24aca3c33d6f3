# title: C extensions: holding the GIL versus releasing it
# models: cpython-3.12 cpython-3.13t pypy
# cores: 2
# seed: 1
# max_time: 1
# output: varies
# order: 70
#
# gilscope.c_call(seconds, releases_gil) stands for a call into C code: a regex
# match or sorted() on a big list holds the GIL for its whole run; numpy, zlib or
# hashlib on big buffers release it. Phase 1: two threads each make four 5 ms C
# calls that hold the GIL. On the timeline the calls run strictly one after another,
# and nobody else can run Python meanwhile: a drop request can only be honoured when
# the call returns. Phase 2: the same calls, releasing the GIL: both threads' calls
# run side by side on the two cores and the phase takes half as long. Only C code
# that releases the GIL gets parallelism from threads. (Under cpython-3.13t there
# is no GIL to hold: both phases run in parallel and take the same time.)
import threading
import time

import gilscope


def worker(releases):
    for i in range(4):
        gilscope.c_call(0.005, releases)


def phase(releases):
    threads = [threading.Thread(target=worker, args=(releases,)) for i in range(2)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - start


held = phase(False)
released = phase(True)
print("releasing the GIL was faster:", released < 0.75 * held)
