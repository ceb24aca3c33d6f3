"""pickle, as gilscope provides it: dumps and loads over the pickler multiprocessing
uses to copy objects between processes, at pickle's measured speeds, holding the GIL.
loads(dumps(x)) == x for what multiprocessing can send: None, bools, numbers, strings,
bytes, tuples, lists, dicts, sets, ranges, instances of classes (by their __dict__),
exceptions, and functions and classes by name. What CPython refuses is refused with
its errors (cannot pickle '_thread.lock' object, Can't pickle local object ...).

The bytes are gilscope's own, not CPython's: loads reads only what dumps wrote in
the run (a file written with dump can be read back with load), and refuses CPython's
bytes with UnpicklingError."""

import _gilscope_pickle

__all__ = ["PickleError", "PicklingError", "UnpicklingError", "Pickler",
           "Unpickler", "dump", "dumps", "load", "loads", "HIGHEST_PROTOCOL",
           "DEFAULT_PROTOCOL"]

HIGHEST_PROTOCOL = 5
DEFAULT_PROTOCOL = 4

PickleError = _gilscope_pickle.PickleError
PicklingError = _gilscope_pickle.PicklingError
UnpicklingError = _gilscope_pickle.UnpicklingError


def _check_protocol(protocol):
    if protocol is None:
        return
    if protocol > HIGHEST_PROTOCOL:
        raise ValueError("pickle protocol must be <= %d" % HIGHEST_PROTOCOL)


def dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    _check_protocol(protocol)
    return _gilscope_pickle.dumps(obj)


def loads(data, /, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=()):
    if isinstance(data, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    return _gilscope_pickle.loads(bytes(data))


def dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
    file.write(dumps(obj, protocol))


def load(file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=()):
    return loads(file.read())


class Pickler:
    def __init__(self, file, protocol=None, *, fix_imports=True, buffer_callback=None):
        _check_protocol(protocol)
        self._file = file

    def dump(self, obj):
        self._file.write(dumps(obj))


class Unpickler:
    def __init__(self, file, *, fix_imports=True, encoding="ASCII", errors="strict",
                 buffers=()):
        self._file = file

    def load(self):
        return loads(self._file.read())
