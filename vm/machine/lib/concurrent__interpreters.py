"""concurrent.interpreters (3.14), as gilscope simulates it.

Each interpreter has its own GIL and heap in the same process; nothing is shared.
Creating one takes ~13 ms. call() runs a function in it and waits; call_in_thread()
runs it on a new thread. What crosses is copied: functions and classes of __main__ by
value (the new interpreter's __main__ is empty, so their globals are not there), the rest
pickled. exec() of source text is not simulated.
"""

import sys

if sys.version_info < (3, 14):
    raise ModuleNotFoundError("No module named 'concurrent.interpreters'")

import _gilscope_mp
import multiprocessing as _mp
import queue as _queue

__all__ = ['create', 'get_current', 'get_main', 'list_all', 'Interpreter',
           'InterpreterError', 'ExecutionFailed', 'create_queue', 'Queue',
           'QueueEmpty', 'QueueFull']


class InterpreterError(Exception):
    pass


class InterpreterNotFoundError(InterpreterError):
    pass


class ExecutionFailed(InterpreterError):
    """An exception was not caught in the interpreter."""


class NotShareableError(ValueError):
    pass


class QueueEmpty(_queue.Empty):
    pass


class QueueFull(_queue.Full):
    pass


class Queue(_mp._ChannelQueue):
    """A queue between interpreters: put copies, get receives the copy (the same
    channel as a multiprocessing SimpleQueue, without a pipe's capacity)."""

    def __init__(self, maxsize=0):
        _mp._ChannelQueue.__init__(self, maxsize, False)

    def get(self, block=True, timeout=None):
        try:
            return _mp._ChannelQueue.get(self, block, timeout)
        except _queue.Empty:
            raise QueueEmpty('queue is empty')


def create_queue(maxsize=0):
    return Queue(maxsize)


_interpreters = []


class _ThreadHandle:
    """The thread call_in_thread started."""

    def __init__(self, handle):
        self._handle = handle

    def join(self, timeout=None):
        self._handle.join(timeout)

    def is_alive(self):
        return self._handle.is_alive()


class Interpreter:
    def __init__(self, handle, id):
        self._handle = handle
        self.id = id
        self._threads = 0

    def __repr__(self):
        return 'Interpreter(%d)' % (self.id,)

    def is_running(self):
        return False

    def close(self):
        pass

    def exec(self, code):
        raise InterpreterError('gilscope does not simulate exec() of source text; use call()')

    def _start(self, results, callable, args, kwargs):
        self._threads += 1
        name = 'Interpreter-%d-%d' % (self.id, self._threads)
        return _gilscope_mp.interp_start(self._handle, _run, (results, callable, args, kwargs),
                                         {}, name)

    def call(self, callable, *args, **kwargs):
        """Runs callable(*args, **kwargs) in the interpreter and returns its result."""
        results = Queue()
        self._start(results, callable, args, kwargs).join()
        ok, value = results.get()
        if not ok:
            raise ExecutionFailed(value)
        return value

    def call_in_thread(self, callable, *args, **kwargs):
        """Runs callable(*args, **kwargs) in the interpreter on a new thread."""
        return _ThreadHandle(self._start(None, callable, args, kwargs))


def _run(results, callable, args, kwargs):
    try:
        value = callable(*args, **kwargs)
    except Exception as e:
        if results is None:
            raise
        results.put((False, '%s: %s' % (type(e).__name__, e)))
        return
    if results is not None:
        results.put((True, value))


def _thread_main():
    target, args, kwargs = _gilscope_mp.child_setup()
    target(*args, **kwargs)


class _MainInterpreter(Interpreter):
    def __init__(self):
        self._handle = None
        self.id = 0
        self._threads = 0


_main = _MainInterpreter()


def get_main():
    return _main


def get_current():
    return _main


def list_all():
    return [_main] + list(_interpreters)


def create():
    interp = Interpreter(_gilscope_mp.interp_create(), len(_interpreters) + 1)
    _interpreters.append(interp)
    return interp
