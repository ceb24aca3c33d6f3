# -X importtime for CPython 2.7, which lacks it: run as `python -c SOURCE MODULE`,
# it imports MODULE with __import__ wrapped and writes, for each module the import
# loaded, a line as 3.7's -X importtime writes them ("import time: SELF | CUMULATIVE
# | NAME", in µs) to stderr. A module's self time is its __import__ call's time less
# that of the calls nested in it that loaded modules; when one call loads several (a
# package and its submodule), the self time goes to the last, the others are
# written with -1: loaded, their own time unknown.
import sys
import time

import __builtin__

_orig = __builtin__.__import__
_nested = []
_lines = []
_seen = set()


def _import(name, globals=None, locals=None, fromlist=None, level=-1):
    before = set(k for k, v in sys.modules.items() if v is not None)
    _nested.append(0.0)
    t0 = time.time()
    try:
        return _orig(name, globals, locals, fromlist, level)
    finally:
        dt = time.time() - t0
        inner = _nested.pop()
        new = sorted(k for k, v in sys.modules.items()
                     if v is not None and k not in before and k not in _seen)
        _seen.update(new)
        if new:
            if _nested:
                _nested[-1] += dt
            for k in new[:-1]:
                _lines.append("import time: %10d | %10d | %s" % (-1, -1, k))
            self_us = int(max(dt - inner, 0) * 1e6)
            _lines.append("import time: %10d | %10d | %s" % (self_us, int(dt * 1e6), new[-1]))


__builtin__.__import__ = _import
sys.stderr.write("--gilscope--\n")
try:
    __import__(sys.argv[1])
finally:
    __builtin__.__import__ = _orig
    sys.stderr.write("\n".join(_lines) + "\n")
