# gilscope's own module, for real CPython: put this folder on PYTHONPATH and a script
# written for gilscope runs unchanged under python3 (and python2.7):
#
#     PYTHONPATH=examples python3 script.py
#
# io(seconds) is blocking I/O that releases the GIL: a sleep. c_call(seconds) is C code
# holding the GIL for its whole duration: a sum over a range, a single C loop with no
# check point, sized from a calibration at import; with releases_gil=True it is C code
# that releases the GIL: a sleep.
import sys
import time

try:
    _range = xrange  # Python 2: no list
except NameError:
    _range = range

model = "cpython-%d.%d" % (sys.version_info[0], sys.version_info[1])

_clock = getattr(time, "perf_counter", time.time)


def _calibrate():
    n = 200000
    best = None
    for _ in range(3):
        start = _clock()
        sum(_range(n))
        d = _clock() - start
        if best is None or d < best:
            best = d
    return n / max(best, 1e-9)


_items_per_second = _calibrate()


def io(seconds):
    """Blocking I/O for seconds: the GIL is released while it waits."""
    time.sleep(seconds)


def c_call(seconds, releases_gil=False):
    """C code running for seconds, holding the GIL unless releases_gil."""
    if releases_gil:
        time.sleep(seconds)
        return
    sum(_range(int(seconds * _items_per_second)))
