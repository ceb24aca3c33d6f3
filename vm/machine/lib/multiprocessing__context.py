"""multiprocessing.context, as gilscope provides it: the names of CPython's module,
from the multiprocessing module, where gilscope keeps its contexts and processes."""

from multiprocessing import (BaseContext, ForkContext, SpawnContext, ForkServerContext,
                             Process, ForkProcess, SpawnProcess, ForkServerProcess,
                             ProcessError, BufferTooShort, TimeoutError,
                             AuthenticationError)

__all__ = ()

DefaultContext = BaseContext


def get_spawning_popen():
    return None


def assert_spawning(obj):
    if get_spawning_popen() is None:
        raise RuntimeError(
            '%s objects should only be shared between processes'
            ' through inheritance' % type(obj).__name__
            )
