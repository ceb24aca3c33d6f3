"""atexit, as CPython's: functions registered here run when the program's code has
ended, after threading's shutdown has joined the non-daemon threads, last registered
first. An exception in one is printed as "Exception ignored in atexit callback" and the
others still run. A multiprocessing child never runs them: it leaves with os._exit, as
CPython's do."""

import sys
import threading
import _gilscope_lib

_callbacks = threading._atexit_callbacks


def register(func, *args, **kwargs):
    if not callable(func):
        raise TypeError("the first argument must be callable")
    _callbacks.append((func, args, kwargs))
    return func


def unregister(func):
    for i in range(len(_callbacks)):
        entry = _callbacks[i]
        if entry is not None and entry[0] == func:
            _callbacks[i] = None


def _clear():
    _callbacks[:] = []


def _ncallbacks():
    return len(_callbacks)


def _run_exitfuncs():
    while _callbacks:
        entry = _callbacks.pop()
        if entry is None:
            continue
        func, args, kwargs = entry
        try:
            func(*args, **kwargs)
        except BaseException as e:
            sys.stderr.write("Exception ignored in atexit callback: %r\n" % (func,))
            sys.stderr.write(_without_own_frame(_gilscope_lib.format_exception(e)))


def _without_own_frame(text):
    # CPython calls the function from C: this module's frame is not in its traceback.
    out = []
    skipping = False
    for line in text.split('\n'):
        if line.startswith('  File "<gilscope atexit>"'):
            skipping = True
            continue
        if skipping and line.startswith('    '):
            continue
        skipping = False
        out.append(line)
    return '\n'.join(out)
