"""multiprocessing, as gilscope simulates it.

Each process has its own interpreter, heap and GIL, and shares the machine's cores
with every other process. What crosses between processes is pickled: a copy, at
pickle's measured speed. Starting a process costs what its start method costs:
fork copies the parent's memory (its globals are copied, not re-created), spawn
starts a new interpreter that re-imports the main module as __mp_main__ (so the
`if __name__ == "__main__":` guard matters), forkserver forks from a server started
once. The primitives are in _gilscope_mp; the rest is Python, as in CPython.

Differences from CPython: Pool.imap and imap_unordered take their iterable whole when
called (CPython's task thread reads it as it goes). Value, Array and a Manager's dict,
list and Namespace live in shared cells (_gilscope_mp.cell): a Manager starts no server
process, and a proxy's call takes a process-shared lock, reads the object, applies the
call and writes it back.

Where CPython imports a submodule on first use (Pool() imports multiprocessing.pool, a
Queue multiprocessing.queues, a Lock multiprocessing.synchronize, starting a process
its popen module), _cpython_import charges that import's measured time.
"""

import sys as _sys
import _gilscope_lib
import _gilscope_mp
import threading
from collections import deque as _deque
from queue import Empty, Full
from weakref import WeakKeyDictionary as _WeakKeyDictionary
from weakref import ref as _weakref_ref
from queue import SimpleQueue as _TaskQueue

__all__ = ['Process', 'Queue', 'SimpleQueue', 'JoinableQueue', 'Pipe', 'Pool', 'Lock',
           'RLock', 'Semaphore', 'BoundedSemaphore', 'Condition', 'Event', 'Barrier', 'Value', 'Array', 'RawValue',
           'RawArray', 'Manager', 'freeze_support', 'cpu_count', 'current_process', 'parent_process', 'active_children',
           'get_context', 'get_start_method', 'set_start_method', 'get_all_start_methods',
           'TimeoutError', 'ProcessError', 'AuthenticationError', 'BufferTooShort',
           'get_logger', 'log_to_stderr']


class ProcessError(Exception):
    pass


class BufferTooShort(ProcessError):
    pass


class TimeoutError(ProcessError):
    pass


class AuthenticationError(ProcessError):
    pass


_METHODS = ('fork', 'spawn', 'forkserver')
_start_method = [None]


def get_all_start_methods():
    return list(_METHODS)


def get_start_method(allow_none=False):
    if _start_method[0] is None:
        if allow_none:
            return None
        _start_method[0] = _gilscope_mp.default_method()
    return _start_method[0]


def set_start_method(method, force=False):
    if _start_method[0] is not None and not force:
        raise RuntimeError('context has already been set')
    if method is not None and method not in _METHODS:
        raise ValueError('cannot find context for %r' % (method,))
    _start_method[0] = method


def cpu_count():
    return _gilscope_mp.cpu_count()


# ---- processes ----

_counter = [0]
_children = []


class _MainProcess:
    name = 'MainProcess'
    daemon = False
    exitcode = None
    _identity = ()

    def _pid(self):
        return _gilscope_mp.pid(None)

    pid = property(_pid)
    ident = property(_pid)

    def is_alive(self):
        return True

    def __repr__(self):
        return '<_MainProcess name=%r parent=None started>' % (self.name,)


_current = [_MainProcess()]


def current_process():
    return _current[0]


def parent_process():
    return getattr(_current[0], '_parent', None)


def active_children():
    alive = [p for p in _children if p.is_alive()]
    _children[:] = alive
    return list(alive)


class Process:
    """A process running target(*args, **kwargs) (or run(), in a subclass)."""

    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *,
                 daemon=None):
        assert group is None, 'group argument must be None for now'
        _counter[0] += 1
        self._identity = (_counter[0],)
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs) if kwargs is not None else {}
        self._name = name if name is not None else '%s-%d' % (type(self).__name__, _counter[0])
        self._daemon = bool(daemon) if daemon is not None else False
        self._handle = None
        self._method = None
        self._parent_name = current_process().name
        self._parent_pid = _gilscope_mp.pid(None)

    def run(self):
        if self._target is not None:
            self._target(*self._args, **self._kwargs)

    def start(self):
        if self._handle is not None:
            raise AssertionError('cannot start a process twice')
        method = self._method or get_start_method()
        _cpython_import(_POPEN.get(method, 'multiprocessing.popen_fork'))
        if _log_to_stderr[0]:
            self._log_level = _logger[0].level  # spawn's preparation data carries it
        if method == 'fork':
            self._fork_states = _fork_states()
        self._handle = _gilscope_mp.start(_run_process, (self,), {}, self._name, method,
                                          self._daemon)
        _children.append(self)

    def join(self, timeout=None):
        if self._handle is None:
            raise AssertionError('can only join a started process')
        _gilscope_mp.join(self._handle, timeout)

    def is_alive(self):
        if self._handle is None:
            return False
        return _gilscope_mp.is_alive(self._handle)

    def terminate(self):
        if self._handle is not None:
            _gilscope_mp.terminate(self._handle, 15)

    def kill(self):
        if self._handle is not None:
            _gilscope_mp.terminate(self._handle, 9)

    def close(self):
        pass

    def _exitcode(self):
        if self._handle is None:
            return None
        return _gilscope_mp.exitcode(self._handle)

    def _pid(self):
        if self._handle is None:
            return None
        return _gilscope_mp.pid(self._handle)

    def _get_name(self):
        return self._name

    def _set_name(self, value):
        self._name = value

    def _get_daemon(self):
        return self._daemon

    def _set_daemon(self, value):
        if self._handle is not None:
            raise AssertionError('process has already started')
        self._daemon = bool(value)

    exitcode = property(_exitcode)
    pid = property(_pid)
    ident = property(_pid)
    name = property(_get_name, _set_name)
    daemon = property(_get_daemon, _set_daemon)

    def __repr__(self):
        # As CPython's BaseProcess.__repr__.
        exitcode = None
        if self is _current[0]:
            status = 'started'
        elif self._parent_pid != _gilscope_mp.pid(None):
            status = 'unknown'
        elif self._handle is None:
            status = 'initial'
        else:
            exitcode = self.exitcode
            status = 'started' if exitcode is None else 'stopped'
        info = [type(self).__name__, 'name=%r' % (self._name,)]
        if self._handle is not None:
            info.append('pid=%s' % (self.pid,))
        info.append('parent=%s' % (self._parent_pid,))
        info.append(status)
        if exitcode is not None:
            info.append('exitcode=%s' % (_EXITCODE_NAMES.get(exitcode, exitcode),))
        if self._daemon:
            info.append('daemon')
        return '<%s>' % ' '.join(info)


# The signal names a negative exit code is shown with (CPython's _exitcode_to_name).
_EXITCODE_NAMES = {-2: '-SIGINT', -9: '-SIGKILL', -15: '-SIGTERM'}


_POPEN = {'fork': 'multiprocessing.popen_fork', 'spawn': 'multiprocessing.popen_spawn_posix',
          'forkserver': 'multiprocessing.popen_forkserver'}


def _run_process(process):
    """Runs in the child: the process object arrived by pickle (or was copied by fork)."""
    process._handle = None
    for name, state in getattr(process, '_fork_states', ()):
        __import__(name)
        _sys.modules[name]._gilscope_fork_restore(state)
    process._fork_states = ()
    _current[0] = process
    _finalizer_registry.clear()  # a fork's copy of its parent's (CPython's _after_fork)
    threading._atexit_disabled[0] = True  # the child leaves with os._exit
    level = getattr(process, '_log_level', None)
    if level is not None and not get_logger().handlers:
        log_to_stderr(level)  # as spawn's preparation data does
    if _logger[0] is None:
        try:
            process.run()
        finally:
            _exit_function()
        return
    # CPython's BaseProcess._bootstrap, for its log: "shutting down" before a
    # traceback, the exit code once the process's threads are joined.
    exitcode = [1]
    threading._final_hooks.append(
        lambda: _log(INFO, 'process exiting with exitcode %d' % exitcode[0]))
    _log(INFO, 'child process calling self.run()')
    try:
        try:
            process.run()
            exitcode[0] = 0
        finally:
            _exit_function()
    except SystemExit as e:
        code = e.args[0] if e.args else None
        if code is None:
            exitcode[0] = 0
        elif isinstance(code, int):
            exitcode[0] = code
        raise


# ---- the log (multiprocessing.util's) ----

LOGGER_NAME = 'multiprocessing'
SUBDEBUG = 5
DEBUG = 10
INFO = 20
SUBWARNING = 25
_logger = [None]
_log_to_stderr = [False]


def _log(level, msg, *args):
    if _logger[0] is not None:
        _logger[0].log(level, msg, *args)


def get_logger():
    """The 'multiprocessing' logger; once asked for, the main process logs its
    shutting down at exit, as multiprocessing.util's exit function does."""
    import logging
    if _logger[0] is None:
        logger = logging.getLogger(LOGGER_NAME)
        logger.propagate = 0
        logging.addLevelName(SUBDEBUG, 'SUBDEBUG')
        logging.addLevelName(SUBWARNING, 'SUBWARNING')
        _logger[0] = logger
        _util_import()
    return _logger[0]


_util_imported = [False]


def _util_import():
    # CPython registers multiprocessing.util's exit function when that module is
    # first imported (by the pool module, or for the log): in the main process it
    # then runs at exit, among the atexit callbacks.
    if not _util_imported[0]:
        _util_imported[0] = True
        if _current[0].name == 'MainProcess':
            import atexit
            atexit.register(_exit_function)


# ---- finalizers (multiprocessing.util's Finalize) ----

_finalizer_registry = {}
_finalizer_counter = [0]


class _Finalize:
    """Calls callback(*args) once: when obj is freed (a weak reference's callback, in
    the thread that dropped the last reference), when called, or at exit if
    exitpriority is not None (highest first, then newest first)."""

    def __init__(self, obj, callback, args=(), kwargs=None, exitpriority=None):
        import weakref
        self._weakref = weakref.ref(obj, self)
        self._callback = callback
        self._args = args
        self._kwargs = kwargs or {}
        _finalizer_counter[0] += 1
        self._key = (exitpriority, _finalizer_counter[0])
        _finalizer_registry[self._key] = self

    def __call__(self, wr=None):
        try:
            del _finalizer_registry[self._key]
        except KeyError:
            return None  # already run
        res = self._callback(*self._args, **self._kwargs)
        self._weakref = self._callback = self._args = self._kwargs = self._key = None
        return res

    def still_active(self):
        return self._key in _finalizer_registry


def _run_finalizers(minpriority=None):
    # The finalizers whose priority is at least minpriority (all with a priority if
    # None), highest priority first, newest first among equals.
    if minpriority is None:
        keys = [k for k in list(_finalizer_registry) if k[0] is not None]
    else:
        keys = [k for k in list(_finalizer_registry) if k[0] is not None and k[0] >= minpriority]
    keys.sort(reverse=True)
    for key in keys:
        finalizer = _finalizer_registry.get(key)
        if finalizer is not None:
            try:
                finalizer()
            except Exception:
                import traceback
                traceback.print_exc()
    if minpriority is None:
        _finalizer_registry.clear()


def log_to_stderr(level=None):
    import logging
    logger = get_logger()
    formatter = logging.Formatter('[%(levelname)s/%(processName)s] %(message)s')
    handler = logging.StreamHandler()
    handler.setFormatter(formatter)
    logger.addHandler(handler)
    if level:
        logger.setLevel(level)
    _log_to_stderr[0] = True
    return logger


def _exit_function():
    # multiprocessing.util._exit_function: in the main process at exit, in a child
    # when its target has returned (its _bootstrap). The finalizers tell a Queue's
    # feeder to stop, then join it: what was put goes into the pipe first.
    _log(INFO, 'process shutting down')
    _log(DEBUG, 'running all "atexit" finalizers with priority >= 0')
    _run_finalizers(0)
    # A terminated daemon is still a child while its signal is delivered: it is
    # joined too. (CPython keeps the children in a set: its order may differ.)
    children = active_children()
    for p in children:
        if p.daemon:
            _log(INFO, 'calling terminate() for daemon %s', p.name)
            p.terminate()
    for p in children:
        _log(INFO, 'calling join() for process %s', p.name)
        p.join()
    _log(DEBUG, 'running the remaining "atexit" finalizers')
    _run_finalizers()


def _fork_states():
    """What a fork's child keeps of the library modules its parent imported. CPython's
    child has its parent's memory; gilscope's imports the library afresh, so a module
    whose state a program configures (logging's handlers and levels) gives it with
    _gilscope_fork_state() and the child takes it back with _gilscope_fork_restore."""
    return [(name, mod._gilscope_fork_state()) for name, mod in sorted(_sys.modules.items())
            if hasattr(mod, '_gilscope_fork_state')]


def _child_main():
    """The child's first Python code (see _mp_boot): build __main__ as the start method
    does, then run the process."""
    target, args, kwargs = _gilscope_mp.child_setup()
    target(*args, **kwargs)


_cpython_import = _gilscope_lib.cpython_import


# ---- queues and pipes ----

class _ChannelQueue:
    """A process-safe FIFO on a channel: put pickles and writes, get reads and
    unpickles, both in the calling thread (SimpleQueue's way, and the tokens behind
    the locks)."""

    def __init__(self, maxsize=0, os_pipe=True):
        self._end = _gilscope_mp.chan(os_pipe)
        self._maxsize = maxsize
        # A bounded queue's free places are tokens, as CPython's BoundedSemaphore:
        # put takes one (waiting while the queue is full), get gives it back.
        self._slots = None
        if maxsize > 0:
            self._slots = _token_queue()
            for _ in range(maxsize):
                self._slots.put(True)

    def _take_slot(self, block, timeout):
        if self._slots is not None:
            try:
                self._slots.get(block, timeout)
            except Empty:
                raise Full from None

    def put(self, obj, block=True, timeout=None):
        self._take_slot(block, timeout)
        _gilscope_mp.send(self._end, obj)

    def put_nowait(self, obj):
        self.put(obj, False)

    def get(self, block=True, timeout=None):
        if not block:
            timeout = 0
        ok, obj = _gilscope_mp.recv(self._end, timeout)
        if not ok:
            raise Empty
        if self._slots is not None:
            self._slots.put(True)
        return obj

    def get_nowait(self):
        return self.get(False)

    def qsize(self):
        return _gilscope_mp.pending(self._end)

    def empty(self):
        return _gilscope_mp.pending(self._end) == 0

    def full(self):
        return self._slots is not None and self._slots.qsize() == 0

    def close(self):
        pass

    def join_thread(self):
        pass

    def cancel_join_thread(self):
        pass


class _QueueLocal:
    """What a Queue has in one process only: its buffer and feeder thread. A Queue a
    child receives (pickled, or in a fork's copy) starts without them, as CPython's
    _reset."""

    def __init__(self):
        self.pid = _gilscope_mp.pid(None)
        self.notempty = threading.Condition(threading.Lock())
        self.buffer = _deque()
        self.thread = None
        self.jointhread = None
        self.joincancelled = False
        self.closed = False
        self.close = None


class Queue(_ChannelQueue):
    """CPython's multiprocessing.Queue: put appends to a buffer, and a feeder thread
    (QueueFeederThread, started by the first put) pickles what is buffered and writes
    it to the pipe, whose capacity (64 KiB) it waits on when nobody reads. A process
    that put joins its feeder at exit, so it cannot end before what it put has gone
    into the pipe: joining a child before getting what it put can deadlock, as the
    multiprocessing documentation warns."""

    def __init__(self, maxsize=0):
        _cpython_import('multiprocessing.queues')
        _util_import()  # multiprocessing.queues imports multiprocessing.util
        _ChannelQueue.__init__(self, maxsize)

    def _local(self):
        loc = _queue_locals.get(self)
        if loc is None or loc.pid != _gilscope_mp.pid(None):
            loc = _queue_locals[self] = _QueueLocal()
        return loc

    def _open_local(self):
        # This process's part of the queue, which must not be closed.
        loc = self._local()
        if loc.closed:
            raise ValueError(f"Queue {self!r} is closed")
        return loc

    def put(self, obj, block=True, timeout=None):
        loc = self._open_local()
        self._take_slot(block, timeout)
        self._enqueue(loc, obj)

    def _enqueue(self, loc, obj):
        with loc.notempty:
            if loc.thread is None:
                self._start_thread(loc)
            loc.buffer.append(obj)
            loc.notempty.notify()

    def get(self, block=True, timeout=None):
        self._open_local()
        return _ChannelQueue.get(self, block, timeout)

    def qsize(self):
        return _gilscope_mp.pending(self._end) + len(self._local().buffer)

    def empty(self):
        # The pipe's: what the feeder has not written yet is not there.
        return _gilscope_mp.pending(self._end) == 0

    def close(self):
        loc = self._local()
        loc.closed = True
        close = loc.close
        if close:
            loc.close = None
            close()

    def join_thread(self):
        loc = self._local()
        assert loc.closed, "Queue {0!r} not closed".format(self)
        if loc.jointhread:
            loc.jointhread()

    def cancel_join_thread(self):
        loc = self._local()
        loc.joincancelled = True
        try:
            loc.jointhread.cancel()
        except AttributeError:
            pass

    def _start_thread(self, loc):
        loc.thread = threading.Thread(
            target=Queue._feed, args=(loc.buffer, loc.notempty, self._end),
            name='QueueFeederThread', daemon=True)
        loc.thread.start()
        if not loc.joincancelled:
            loc.jointhread = _Finalize(loc.thread, Queue._finalize_join,
                                       [_weakref_ref(loc.thread)], exitpriority=-5)
        # The sentinel goes to the feeder when the queue is freed, or at exit.
        loc.close = _Finalize(self, Queue._finalize_close, [loc.buffer, loc.notempty],
                              exitpriority=10)

    @staticmethod
    def _finalize_join(twr):
        thread = twr()
        if thread is not None:
            thread.join()

    @staticmethod
    def _finalize_close(buffer, notempty):
        with notempty:
            buffer.append(_sentinel)
            notempty.notify()

    @staticmethod
    def _feed(buffer, notempty, end):
        while 1:
            with notempty:
                if not buffer:
                    notempty.wait()
            try:
                while 1:
                    obj = buffer.popleft()
                    if obj is _sentinel:
                        return
                    try:
                        _gilscope_mp.send(end, obj)
                    except Exception:
                        # What cannot be pickled is dropped, with its traceback
                        # (CPython's _on_queue_feeder_error).
                        import traceback
                        traceback.print_exc()
            except IndexError:
                pass


_queue_locals = _WeakKeyDictionary()
_sentinel = object()


class JoinableQueue(Queue):
    """A Queue whose join() waits until every item put has been marked done: the count
    of unfinished items is shared, and a channel holds one token while it is zero."""

    def __init__(self, maxsize=0):
        Queue.__init__(self, maxsize)
        self._unfinished = _gilscope_mp.cell(0)
        self._count_lock = Lock()
        self._zero = _gilscope_mp.chan()
        _gilscope_mp.send(self._zero, True)

    def put(self, obj, block=True, timeout=None):
        loc = self._open_local()
        self._take_slot(block, timeout)  # before the count's lock: task_done needs it
        with self._count_lock:
            n = _gilscope_mp.cell_get(self._unfinished)
            if n == 0:
                _gilscope_mp.recv(self._zero, None)
            _gilscope_mp.cell_set(self._unfinished, n + 1)
            self._enqueue(loc, obj)

    def task_done(self):
        with self._count_lock:
            n = _gilscope_mp.cell_get(self._unfinished)
            if n <= 0:
                raise ValueError('task_done() called too many times')
            _gilscope_mp.cell_set(self._unfinished, n - 1)
            if n == 1:
                _gilscope_mp.send(self._zero, True)

    def join(self):
        _gilscope_mp.recv(self._zero, None)
        _gilscope_mp.send(self._zero, True)


class SimpleQueue(_ChannelQueue):
    """CPython's SimpleQueue: put pickles and writes to the pipe itself, waiting
    while it is full."""

    def __init__(self):
        _cpython_import('multiprocessing.queues')
        _ChannelQueue.__init__(self)

    def close(self):
        pass


class Connection:
    """One end of a Pipe."""

    def __init__(self, end):
        self._end = end
        self.closed = False

    def _check_closed(self):
        if self.closed:
            raise OSError("handle is closed")

    def send(self, obj):
        self._check_closed()
        _gilscope_mp.send(self._end, obj)

    def recv(self):
        # EOFError once every process has closed (or exited with) the other end and
        # what it sent is read.
        self._check_closed()
        ok, obj = _gilscope_mp.recv(self._end, None)
        return obj

    def send_bytes(self, buf):
        self.send(bytes(buf))

    def recv_bytes(self):
        return self.recv()

    def poll(self, timeout=0.0):
        self._check_closed()
        if _gilscope_mp.pending(self._end) > 0 or _gilscope_mp.eof(self._end):
            return True
        return False

    def close(self):
        if not self.closed:
            self.closed = True
            _gilscope_mp.close(self._end)

    def fileno(self):
        return 3

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


def _token_queue():
    # The queue behind a Lock or Semaphore: no import of multiprocessing.queues, and
    # no pipe's capacity.
    return _ChannelQueue(0, False)


def Pipe(duplex=True):
    _cpython_import('multiprocessing.connection')
    a, b = _gilscope_mp.pipe()
    return Connection(a), Connection(b)


class _SemLock:
    """CPython's SemLock, the base of the locks shared between processes: its value is
    the tokens in a queue."""

    def __init__(self, value):
        _cpython_import('multiprocessing.synchronize')
        self._q = _token_queue()
        for _ in range(value):
            self._q.put(True)

    def acquire(self, block=True, timeout=None):
        try:
            self._q.get(block, timeout)
            return True
        except Empty:
            return False

    def release(self):
        self._q.put(True)

    def __enter__(self):
        self.acquire()
        return self

    def __exit__(self, *args):
        self.release()


class Lock(_SemLock):
    """A lock shared between processes: one token."""

    def __init__(self):
        _SemLock.__init__(self, 1)


class RLock(_SemLock):
    """A reentrant lock shared between processes: one token, which the thread holding
    it takes once and may acquire again (its count)."""

    def __init__(self):
        _SemLock.__init__(self, 1)
        self._owner = None
        self._count = 0

    def acquire(self, block=True, timeout=None):
        me = (_gilscope_mp.pid(None), threading.get_ident())
        if self._owner == me:
            self._count += 1
            return True
        if not _SemLock.acquire(self, block, timeout):
            return False
        self._owner = me
        self._count = 1
        return True

    def release(self):
        if self._owner != (_gilscope_mp.pid(None), threading.get_ident()):
            raise AssertionError('attempt to release recursive lock not owned by thread')
        self._count -= 1
        if self._count == 0:
            self._owner = None
            _SemLock.release(self)


class Semaphore(_SemLock):
    """A semaphore shared between processes."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError('semaphore initial value must be >= 0')
        _SemLock.__init__(self, value)

    def get_value(self):
        return self._q.qsize()


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._bound = value

    def release(self):
        if self._q.qsize() >= self._bound:
            raise ValueError('semaphore or lock released too many times')
        Semaphore.release(self)


class Event:
    """An event shared between processes: a channel that holds one token while set."""

    def __init__(self):
        self._flag = _gilscope_mp.chan()
        self._lock = Lock()

    def is_set(self):
        return _gilscope_mp.pending(self._flag) > 0

    def set(self):
        with self._lock:
            if _gilscope_mp.pending(self._flag) == 0:
                _gilscope_mp.send(self._flag, True)

    def clear(self):
        with self._lock:
            _gilscope_mp.recv(self._flag, 0)

    def wait(self, timeout=None):
        ok, _ = _gilscope_mp.recv(self._flag, timeout)
        if ok:
            _gilscope_mp.send(self._flag, True)
        return ok


class Condition:
    """A condition shared between processes, as CPython's multiprocessing.synchronize
    writes it: its lock, and three semaphores that count the sleepers, hand each
    notified one a wake-up and count those that woke."""

    def __init__(self, lock=None):
        _cpython_import('multiprocessing.synchronize')
        self._lock = lock or RLock()
        self._sleeping_count = Semaphore(0)
        self._woken_count = Semaphore(0)
        self._wait_semaphore = Semaphore(0)

    def acquire(self, block=True, timeout=None):
        return self._lock.acquire(block, timeout)

    def release(self):
        self._lock.release()

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def wait(self, timeout=None):
        self._sleeping_count.release()  # this process is going to sleep
        # An RLock taken several times is released as many times.
        count = getattr(self._lock, '_count', 1)
        for i in range(count):
            self._lock.release()
        try:
            return self._wait_semaphore.acquire(True, timeout)
        finally:
            self._woken_count.release()  # it has woken
            for i in range(count):
                self._lock.acquire()

    def notify(self, n=1):
        # Take account of the waits that timed out since the last notify: subtract
        # woken_count from sleeping_count.
        while self._woken_count.acquire(False):
            self._sleeping_count.acquire(False)
        sleepers = 0
        while sleepers < n and self._sleeping_count.acquire(False):
            self._wait_semaphore.release()  # wake up one sleeper
            sleepers += 1
        if sleepers:
            for i in range(sleepers):
                self._woken_count.acquire()  # wait for a sleeper to wake
            # Drop the wake-ups of sleepers whose wait just timed out.
            while self._wait_semaphore.acquire(False):
                pass

    def notify_all(self):
        self.notify(n=1 << 62)

    def wait_for(self, predicate, timeout=None):
        import time
        endtime = None
        waittime = timeout
        result = predicate()
        while not result:
            if waittime is not None:
                if endtime is None:
                    endtime = time.monotonic() + waittime
                else:
                    waittime = endtime - time.monotonic()
                    if waittime <= 0:
                        break
            self.wait(waittime)
            result = predicate()
        return result


class Barrier(threading.Barrier):
    """A barrier shared between processes, as CPython's: threading.Barrier's
    algorithm over a shared Condition, with its state and count in shared memory."""

    def __init__(self, parties, action=None, timeout=None):
        _cpython_import('multiprocessing.synchronize')
        self._parties = parties
        self._action = action
        self._timeout = timeout
        self._cond = Condition()
        self._array = _SharedArray('i', 2, False)

    def _get_state(self):
        return self._array[0]

    def _set_state(self, value):
        self._array[0] = value

    _state = property(_get_state, _set_state)

    def _get_count(self):
        return self._array[1]

    def _set_count(self, value):
        self._array[1] = value

    _count = property(_get_count, _set_count)


for _cls in (Condition, Barrier):
    _cls.__module__ = 'multiprocessing.synchronize'
del _cls


def freeze_support():
    """Nothing to do: a program is never a frozen Windows executable here."""


# ---- shared memory: Value and Array ----

_TYPECODES = {
    'c': ('c_char', bytes), 'b': ('c_byte', int), 'B': ('c_ubyte', int), 'h': ('c_short', int),
    'H': ('c_ushort', int), 'i': ('c_int', int), 'I': ('c_uint', int), 'l': ('c_long', int),
    'L': ('c_ulong', int), 'q': ('c_longlong', int), 'Q': ('c_ulonglong', int),
    'f': ('c_float', float), 'd': ('c_double', float), 'u': ('c_wchar', str),
}


def _ctype(typecode_or_type):
    if typecode_or_type not in _TYPECODES:
        raise TypeError('gilscope supports Value and Array of typecodes %s only'
                        % ''.join(sorted(_TYPECODES)))
    return _TYPECODES[typecode_or_type]


def _convert(kind, v):
    if kind is float:
        return float(v)
    if kind is int:
        if isinstance(v, float):
            raise TypeError("'float' object cannot be interpreted as an integer")
        return int(v)
    return v


class _Synchronized:
    """What Value and Array share: the lock given (or made) for them."""

    def get_lock(self):
        return self._lock

    def get_obj(self):
        return self

    def acquire(self, *args):
        return self._lock.acquire(*args)

    def release(self):
        return self._lock.release()

    def __enter__(self):
        self._lock.acquire()
        return self

    def __exit__(self, *args):
        self._lock.release()


class _SharedValue(_Synchronized):
    """A Value: one number in shared memory (a shared cell). Each read or write of
    .value is one step of the cell; get_lock() is the lock a read-modify-write
    (v.value += 1) must hold, as in CPython."""

    def __init__(self, typecode, value, lock):
        self._name, self._kind = _ctype(typecode)
        self._cell = _gilscope_mp.cell(_convert(self._kind, value))
        self._lock = _make_lock(lock)

    def _get(self):
        return _gilscope_mp.cell_get(self._cell)

    def _set(self, v):
        _gilscope_mp.cell_set(self._cell, _convert(self._kind, v))

    value = property(_get, _set)

    def __repr__(self):
        if self._lock is None:
            return '%s(%r)' % (self._name, self._get())
        return '<Synchronized wrapper for %s(%r)>' % (self._name, self._get())


class _SharedArray(_Synchronized):
    """An Array: a fixed number of items in shared memory (a shared cell); each item
    read or write is one step of the cell."""

    def __init__(self, typecode, size_or_initializer, lock):
        self._name, self._kind = _ctype(typecode)
        if isinstance(size_or_initializer, int):
            items = [self._kind()] * size_or_initializer
        else:
            items = [_convert(self._kind, v) for v in size_or_initializer]
        self._len = len(items)
        self._cell = _gilscope_mp.cell(items)
        self._lock = _make_lock(lock)

    def _items(self):
        return _gilscope_mp.cell_get(self._cell)

    def __len__(self):
        return self._len

    def __getitem__(self, i):
        return self._items()[i]

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            v = [_convert(self._kind, x) for x in v]
            if len(range(*i.indices(self._len))) != len(v):
                raise ValueError("Can only assign sequence of same size")
        else:
            v = _convert(self._kind, v)
        _gilscope_mp.cell_call(self._cell, _setitem, i, v)

    def __iter__(self):
        return iter(self._items())

    def _get_value(self):
        items = self._items()
        if self._kind is bytes:
            return b''.join(items)
        if self._kind is str:
            return ''.join(items)
        return items

    value = property(_get_value)

    def __repr__(self):
        # CPython's ctypes array type is made in multiprocessing.sharedctypes; an
        # array of 'c' is wrapped as a string (its .value is bytes).
        raw = '<multiprocessing.sharedctypes.%s_Array_%d object at 0x%x>' % (
            self._name, self._len, id(self))
        if self._lock is None:
            return raw
        wrapper = 'SynchronizedString' if self._kind is bytes else 'SynchronizedArray'
        return '<%s wrapper for %s>' % (wrapper, raw)


def _make_lock(lock):
    if lock is True:
        return RLock()
    if lock is False or lock is None:
        return None
    if not hasattr(lock, 'acquire'):
        raise AttributeError("%r has no method 'acquire'" % lock)
    return lock


def Value(typecode_or_type, *args, lock=True):
    _cpython_import('multiprocessing.sharedctypes')
    return _SharedValue(typecode_or_type, args[0] if args else 0, lock)


def RawValue(typecode_or_type, *args):
    _cpython_import('multiprocessing.sharedctypes')
    return _SharedValue(typecode_or_type, args[0] if args else 0, False)


def Array(typecode_or_type, size_or_initializer, *, lock=True):
    _cpython_import('multiprocessing.sharedctypes')
    return _SharedArray(typecode_or_type, size_or_initializer, lock)


def RawArray(typecode_or_type, size_or_initializer):
    _cpython_import('multiprocessing.sharedctypes')
    return _SharedArray(typecode_or_type, size_or_initializer, False)


# ---- managers ----

def _apply(obj, name, *args):
    return getattr(obj, name)(*args)


def _setitem(obj, key, value):
    obj[key] = value


def _delitem(obj, key):
    del obj[key]


class BaseProxy:
    """A proxy for an object a manager holds (a shared cell): each call reads the
    object, applies the call and writes the object back in one step, as the
    manager's server process serves one request at a time."""

    _typeid = 'object'

    def __init__(self, cell):
        self._cell = cell

    def _callmethod(self, name, args=()):
        return _gilscope_mp.cell_call(self._cell, _apply, name, *args)

    def _getvalue(self):
        return _gilscope_mp.cell_get(self._cell)

    def __str__(self):
        return str(self._getvalue())

    def __repr__(self):
        return '<%s object, typeid %r at %#x>' % (type(self).__name__, self._typeid, id(self))


class DictProxy(BaseProxy):
    _typeid = 'dict'

    def __getitem__(self, key):
        return self._getvalue()[key]

    def __setitem__(self, key, value):
        _gilscope_mp.cell_call(self._cell, _setitem, key, value)

    def __delitem__(self, key):
        _gilscope_mp.cell_call(self._cell, _delitem, key)

    def __len__(self):
        return len(self._getvalue())

    def __contains__(self, key):
        return key in self._getvalue()

    def __iter__(self):
        return iter(list(self._getvalue()))

    def get(self, key, default=None):
        return self._getvalue().get(key, default)

    def keys(self):
        return list(self._getvalue().keys())

    def values(self):
        return list(self._getvalue().values())

    def items(self):
        return list(self._getvalue().items())

    def copy(self):
        return self._getvalue()

    def clear(self):
        self._callmethod('clear')

    def pop(self, *args):
        return self._callmethod('pop', args)

    def popitem(self):
        return self._callmethod('popitem')

    def setdefault(self, key, default=None):
        return self._callmethod('setdefault', (key, default))

    def update(self, *args, **kwds):
        if kwds:
            args = args + (kwds,)
        for a in args:
            self._callmethod('update', (a,))


class ListProxy(BaseProxy):
    _typeid = 'list'

    def __getitem__(self, i):
        return self._getvalue()[i]

    def __setitem__(self, i, value):
        _gilscope_mp.cell_call(self._cell, _setitem, i, value)

    def __delitem__(self, i):
        _gilscope_mp.cell_call(self._cell, _delitem, i)

    def __len__(self):
        return len(self._getvalue())

    def __contains__(self, value):
        return value in self._getvalue()

    def __iter__(self):
        return iter(self._getvalue())

    def __iadd__(self, other):
        self._callmethod('extend', (list(other),))
        return self

    def append(self, value):
        self._callmethod('append', (value,))

    def extend(self, values):
        self._callmethod('extend', (list(values),))

    def insert(self, i, value):
        self._callmethod('insert', (i, value))

    def pop(self, *args):
        return self._callmethod('pop', args)

    def remove(self, value):
        self._callmethod('remove', (value,))

    def reverse(self):
        self._callmethod('reverse')

    def sort(self, *, key=None, reverse=False):
        if key is not None or reverse:
            raise NotImplementedError("gilscope does not support ListProxy.sort's key and reverse yet")
        self._callmethod('sort')

    def index(self, *args):
        return self._getvalue().index(*args)

    def count(self, value):
        return self._getvalue().count(value)


class NamespaceProxy(BaseProxy):
    """Attributes shared through the manager. Setting one needs the interpreter to call
    __setattr__, which it does not yet: use setattr-free code or a dict proxy."""

    _typeid = 'Namespace'

    def __init__(self, cell):
        self.__dict__['_cell'] = cell

    def __getattr__(self, name):
        if name.startswith('_'):
            raise AttributeError(name)
        attrs = self._getvalue()
        if name not in attrs:
            raise AttributeError("'Namespace' object has no attribute %r" % name)
        return attrs[name]

    def __setattr__(self, name, value):
        if name.startswith('_'):
            self.__dict__[name] = value
            return
        _gilscope_mp.cell_call(self._cell, _setitem, name, value)

    def __delattr__(self, name):
        _gilscope_mp.cell_call(self._cell, _delitem, name)

    def __repr__(self):
        attrs = self._getvalue()
        return 'Namespace(%s)' % ', '.join('%s=%r' % (k, v) for k, v in attrs.items())


def _refuse_register(cls):
    raise NotImplementedError(
        "gilscope does not support %s.register yet (a manager's objects of "
        "one's own types live in a server process, which is not simulated)"
        % cls.__name__)


class SyncManager:
    """Manager(): the objects it makes live in shared cells and the synchronization
    objects are the process-shared ones of this module; no server process is
    started (docs/stdlib.md, "multiprocessing")."""

    def __init__(self, address=None, authkey=None, serializer='pickle', ctx=None):
        self._state = 'INITIAL'

    def start(self, initializer=None, initargs=()):
        if self._state == 'STARTED':
            raise ProcessError('Already started server')
        self._state = 'STARTED'
        if initializer is not None:
            initializer(*initargs)

    def shutdown(self):
        self._state = 'SHUTDOWN'

    @classmethod
    def register(cls, typeid, callable=None, proxytype=None, exposed=None,
                 method_to_typeid=None, create_method=True):
        _refuse_register(cls)

    def join(self, timeout=None):
        pass

    def __enter__(self):
        if self._state == 'INITIAL':
            self.start()
        return self

    def __exit__(self, *args):
        self.shutdown()

    def _proxy(self, cls, value):
        if self._state != 'STARTED':
            raise ProcessError('Manager has not been started' if self._state == 'INITIAL'
                               else 'Manager has shut down')
        return cls(_gilscope_mp.cell(value))

    def dict(self, *args, **kwds):
        return self._proxy(DictProxy, dict(*args, **kwds))

    def list(self, sequence=()):
        return self._proxy(ListProxy, list(sequence))

    def Namespace(self, **kwds):
        return self._proxy(NamespaceProxy, dict(kwds))

    def Queue(self, maxsize=0):
        return Queue(maxsize)

    def JoinableQueue(self, maxsize=0):
        return JoinableQueue(maxsize)

    def Lock(self):
        return Lock()

    def RLock(self):
        return RLock()

    def Semaphore(self, value=1):
        return Semaphore(value)

    def BoundedSemaphore(self, value=1):
        return BoundedSemaphore(value)

    def Event(self):
        return Event()

    def Condition(self, lock=None):
        return Condition(lock)

    def Barrier(self, parties, action=None, timeout=None):
        return Barrier(parties, action, timeout)

    def Value(self, typecode, value, lock=True):
        return Value(typecode, value, lock=lock)

    def Array(self, typecode, sequence, lock=True):
        return Array(typecode, sequence, lock=lock)


def Manager():
    _cpython_import('multiprocessing.managers')
    m = SyncManager()
    m.start()
    return m


# ---- contexts ----

class ForkProcess(Process):
    pass


class SpawnProcess(Process):
    pass


class ForkServerProcess(Process):
    pass


_CONTEXT_PROCESS = {'fork': ForkProcess, 'spawn': SpawnProcess, 'forkserver': ForkServerProcess}


class _Context:
    def __init__(self, method):
        self._method = method

    def get_start_method(self, allow_none=False):
        return self._method

    def Process(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        # A context's processes are ForkProcess, SpawnProcess … as in CPython.
        p = _CONTEXT_PROCESS[self._method](group, target, name, args, kwargs, daemon=daemon)
        p._method = self._method
        return p

    def Pool(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None):
        return Pool(processes, initializer, initargs, maxtasksperchild, context=self)

    def Queue(self, maxsize=0):
        return Queue(maxsize)

    def SimpleQueue(self):
        return SimpleQueue()

    def JoinableQueue(self, maxsize=0):
        return JoinableQueue(maxsize)

    def Pipe(self, duplex=True):
        return Pipe(duplex)

    def Lock(self):
        return Lock()

    def RLock(self):
        return RLock()

    def Semaphore(self, value=1):
        return Semaphore(value)

    def BoundedSemaphore(self, value=1):
        return BoundedSemaphore(value)

    def Event(self):
        return Event()

    def Condition(self, lock=None):
        return Condition(lock)

    def Barrier(self, parties, action=None, timeout=None):
        return Barrier(parties, action, timeout)

    def Value(self, typecode_or_type, *args, lock=True):
        return Value(typecode_or_type, *args, lock=lock)

    def Array(self, typecode_or_type, size_or_initializer, *, lock=True):
        return Array(typecode_or_type, size_or_initializer, lock=lock)

    def Manager(self):
        return Manager()

    def freeze_support(self):
        freeze_support()

    def cpu_count(self):
        return cpu_count()


BaseContext = _Context


class ForkContext(_Context):
    pass


class SpawnContext(_Context):
    pass


class ForkServerContext(_Context):
    pass


# get_context() gives the default method's context, as CPython's DefaultContext does.
_CONTEXT_CLASSES = {'fork': ForkContext, 'spawn': SpawnContext,
                    'forkserver': ForkServerContext}


def get_context(method=None):
    if method is None:
        method = get_start_method()
    if method not in _METHODS:
        raise ValueError('cannot find context for %r' % (method,))
    return _CONTEXT_CLASSES[method](method)


# ---- pools ----

def _pool_worker(inqueue, outqueue, initializer, initargs):
    if initializer is not None:
        initializer(*initargs)
    while True:
        task = inqueue.get()
        if task is None:
            break
        job, i, func, calls = task
        try:
            result = (True, [func(*a, **k) for a, k in calls])
        except Exception as e:
            result = (False, e)
        outqueue.put((job, i, result))


class ApplyResult:
    def __init__(self, parts, single, callback=None, error_callback=None):
        self._event = threading.Event()
        self._parts = [None] * parts
        self._left = parts
        self._single = single
        self._callback = callback
        self._error_callback = error_callback
        self._success = True
        self._value = None
        if parts == 0:
            self._value = []
            self._event.set()

    def ready(self):
        return self._event.is_set()

    def successful(self):
        if not self.ready():
            raise ValueError('%r not ready' % (self,))
        return self._success

    def wait(self, timeout=None):
        self._event.wait(timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self.ready():
            raise TimeoutError
        if self._success:
            return self._value
        raise self._value

    def _set(self, i, result):
        ok, value = result
        if not ok:
            if self._success:
                self._success = False
                self._value = value
        else:
            self._parts[i] = value
        self._left -= 1
        if self._left > 0:
            return False
        if self._success:
            if self._single:
                self._value = self._parts[0][0]
            else:
                out = []
                for part in self._parts:
                    out.extend(part)
                self._value = out
            if self._callback is not None:
                self._callback(self._value)
        elif self._error_callback is not None:
            self._error_callback(self._value)
        self._event.set()
        return True


AsyncResult = ApplyResult


class IMapIterator:
    """The results of imap and imap_unordered, one chunk per task, as the pool's
    result thread hands them over: in order, or in the order they finish."""

    def __init__(self, length, unordered, single):
        self._single = single
        self._cond = threading.Condition(threading.Lock())
        self._items = []
        self._unsorted = {}
        self._index = 0
        self._length = length
        self._unordered = unordered

    def __iter__(self):
        return self

    def next(self, timeout=None):
        with self._cond:
            if not self._items:
                if self._index == self._length:
                    raise StopIteration from None
                self._cond.wait(timeout)
                if not self._items:
                    if self._index == self._length:
                        raise StopIteration from None
                    raise TimeoutError from None
            ok, value = self._items.pop(0)
        if not ok:
            raise value
        if self._single:
            return value[0]
        return value

    __next__ = next

    def _set(self, i, obj):
        with self._cond:
            if self._unordered or self._index == i:
                self._items.append(obj)
                self._index += 1
                while not self._unordered and self._index in self._unsorted:
                    self._items.append(self._unsorted.pop(self._index))
                    self._index += 1
                self._cond.notify()
            else:
                self._unsorted[i] = obj
            return self._index == self._length


def _imap_items(chunks):
    for chunk in chunks:
        yield from chunk
class MapResult(ApplyResult):
    pass


class IMapUnorderedIterator(IMapIterator):
    pass




class Pool:
    """Worker processes taking tasks from one queue and putting results on another;
    three threads of the parent, CPython's handlers, keep the pool, move the tasks and
    hand each result to whoever waits for it."""

    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None,
                 context=None):
        _cpython_import('multiprocessing.pool')
        _util_import()
        self._setup(processes, initializer, initargs, context)

    def _setup(self, processes, initializer, initargs, context):
        # Pool() less the import of multiprocessing.pool (ProcessPoolExecutor's).
        if processes is None:
            processes = cpu_count()
        if processes < 1:
            raise ValueError('Number of processes must be at least 1')
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        self._ctx = context if context is not None else get_context()
        self._setup_queues()
        self._cache = {}
        self._job = 0
        self._state = 'RUN'
        self._processes = processes
        self._initializer = initializer
        self._initargs = initargs
        self._pool = []
        self._repopulate_pool()
        self._joined = False
        self._start_handlers()

    # The hooks multiprocessing.pool.ThreadPool overrides, as CPython's does: its
    # queues, its workers and its handler threads.

    def _setup_queues(self):
        self._inqueue = SimpleQueue()
        self._outqueue = SimpleQueue()
        self._taskqueue = _TaskQueue()
        self._change_notifier = SimpleQueue()

    def _maintainer(self):
        # What keeps the pool full, and its arguments (none refers to the pool).
        return _repopulate_processes, (self._ctx, self._processes, self._inqueue,
                                       self._outqueue, self._initializer, self._initargs)

    def _repopulate_pool(self):
        maintain, args = self._maintainer()
        maintain(self._pool, *args)

    def _start_handlers(self):
        # CPython's three handler threads. Nothing they hold refers to the pool:
        # dropped, it is freed and its finalizer terminates it, as CPython's.
        maintain, args = self._maintainer()
        self._worker_handler = threading.Thread(
            target=_handle_workers,
            args=(self._cache, self._taskqueue, self._pool, self._change_notifier, maintain, args))
        self._task_handler = threading.Thread(
            target=_handle_tasks,
            args=(self._taskqueue, self._inqueue, self._outqueue, self._pool, self._cache))
        self._result_handler = threading.Thread(
            target=_handle_results, args=(self._outqueue, self._cache, self._change_notifier))
        for t in (self._worker_handler, self._task_handler, self._result_handler):
            t.daemon = True
            t._state = 'RUN'
            t.start()
        self._terminate = _Finalize(
            self, type(self)._terminate_pool,
            args=(self._taskqueue, self._inqueue, self._outqueue, self._pool,
                  self._change_notifier, self._worker_handler, self._task_handler,
                  self._result_handler, self._cache),
            exitpriority=15)

    def _put_tasks(self, tasks):
        self._taskqueue.put(tasks)

    def __repr__(self):
        # Pool is multiprocessing.pool.Pool in CPython.
        cls = self.__class__
        module = 'multiprocessing.pool' if cls.__module__ == 'multiprocessing' else cls.__module__
        return '<%s.%s state=%s pool_size=%d>' % (module, cls.__qualname__, self._state, len(self._pool))

    def _check_running(self):
        if self._state != 'RUN':
            raise ValueError('Pool not running')

    def _submit(self, func, chunks, single, callback=None, error_callback=None, result=None):
        self._check_running()
        self._job += 1
        job = self._job
        if result is None:
            cls = ApplyResult if single else MapResult
            result = cls(len(chunks), single, callback, error_callback)
        if chunks:
            self._cache[job] = result
            self._put_tasks([(job, i, func, calls) for i, calls in enumerate(chunks)])
        return result

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        return self._submit(func, [[(tuple(args), dict(kwds))]], True, callback, error_callback)

    def apply(self, func, args=(), kwds={}):
        return self.apply_async(func, args, kwds).get()

    def _chunks(self, calls, chunksize):
        if chunksize is None:
            chunksize, extra = divmod(len(calls), self._processes * 4)
            if extra:
                chunksize += 1
        chunksize = max(chunksize, 1)
        return [calls[i:i + chunksize] for i in range(0, len(calls), chunksize)]

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        calls = [((x,), {}) for x in iterable]
        return self._submit(func, self._chunks(calls, chunksize), False, callback, error_callback)

    def map(self, func, iterable, chunksize=None):
        return self.map_async(func, iterable, chunksize).get()

    def starmap_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        calls = [(tuple(args), {}) for args in iterable]
        return self._submit(func, self._chunks(calls, chunksize), False, callback, error_callback)

    def starmap(self, func, iterable, chunksize=None):
        return self.starmap_async(func, iterable, chunksize).get()

    def imap(self, func, iterable, chunksize=1):
        return self._imap(func, iterable, chunksize, False)

    def imap_unordered(self, func, iterable, chunksize=1):
        return self._imap(func, iterable, chunksize, True)

    def _imap(self, func, iterable, chunksize, unordered):
        self._check_running()
        if chunksize < 1:
            raise ValueError("Chunksize must be 1+, not {0:n}".format(chunksize))
        calls = [((x,), {}) for x in iterable]
        chunks = self._chunks(calls, chunksize)
        cls = IMapUnorderedIterator if unordered else IMapIterator
        result = cls(len(chunks), unordered, chunksize == 1)
        self._submit(func, chunks, False, result=result)
        if chunksize == 1:
            return result
        return _imap_items(result)

    def close(self):
        if self._state == 'RUN':
            self._state = 'CLOSE'
            self._worker_handler._state = 'CLOSE'
            self._change_notifier.put(None)

    def terminate(self):
        self._state = 'TERMINATE'
        self._terminate()

    @staticmethod
    def _help_stuff_finish(inqueue, task_handler, size):
        # The tasks no worker has taken are dropped.
        try:
            while True:
                inqueue.get(block=False)
        except Empty:
            pass

    @classmethod
    def _terminate_pool(cls, taskqueue, inqueue, outqueue, pool, change_notifier,
                        worker_handler, task_handler, result_handler, cache):
        # CPython's: stop the handlers, terminate the workers still running (a
        # thread cannot be: a ThreadPool's are told to stop), and wait for them.
        worker_handler._state = 'TERMINATE'
        change_notifier.put(None)
        task_handler._state = 'TERMINATE'
        cls._help_stuff_finish(inqueue, task_handler, len(pool))
        if not result_handler.is_alive() and len(cache) != 0:
            raise AssertionError("Cannot have cache with result_handler not alive")
        result_handler._state = 'TERMINATE'
        change_notifier.put(None)
        outqueue.put(None)
        me = threading.current_thread()
        if me is not worker_handler:
            worker_handler.join()
        if pool and hasattr(pool[0], 'terminate'):
            for p in pool:
                if p.exitcode is None:
                    p.terminate()
        if me is not task_handler:
            task_handler.join()
        if me is not result_handler:
            result_handler.join()
        if pool and hasattr(pool[0], 'terminate'):
            for p in pool:
                if p.is_alive():
                    p.join()

    def join(self):
        if self._state == 'RUN':
            raise ValueError('Pool is still running')
        elif self._state not in ('CLOSE', 'TERMINATE'):
            raise ValueError('In unknown state')
        self._worker_handler.join()
        self._task_handler.join()
        self._result_handler.join()
        for p in self._pool:
            p.join()

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, *args):
        self.terminate()


def _repopulate_processes(pool, ctx, processes, inqueue, outqueue, initializer, initargs):
    prefix = {'fork': 'ForkPoolWorker', 'spawn': 'SpawnPoolWorker',
              'forkserver': 'ForkServerPoolWorker'}[ctx.get_start_method()]
    for i in range(processes - len(pool)):
        w = ctx.Process(target=_pool_worker, args=(inqueue, outqueue, initializer, initargs))
        w.name = '%s-%d' % (prefix, w._identity[0])
        w.daemon = True
        w.start()
        pool.append(w)


# The pool's handler threads, CPython's (Pool and multiprocessing.pool.ThreadPool):
# the worker handler keeps the pool full until it is closed and its work done, then
# tells the task handler to stop; the task handler moves each call's tasks onto the
# workers' queue (pickling them, for processes); the result handler hands each result
# to whoever waits for it and runs the callbacks. Each reads its state from its
# thread, as CPython's do.

def _handle_workers(cache, taskqueue, pool, notifier, maintain, args):
    thread = threading.current_thread()
    while thread._state == 'RUN' or (cache and thread._state != 'TERMINATE'):
        exited = False
        for i in reversed(range(len(pool))):
            w = pool[i]
            if w.exitcode is not None:
                w.join()
                exited = True
                del pool[i]
        if exited:
            maintain(pool, *args)
        # Pool._wait_for_updates: wait for the notifier, then empty it.
        notifier.get()
        while not notifier.empty():
            notifier.get()
    taskqueue.put(None)


def _handle_tasks(taskqueue, inqueue, outqueue, pool, cache):
    thread = threading.current_thread()
    while True:
        tasks = taskqueue.get()
        if tasks is None:
            break
        stopped = False
        for task in tasks:
            if thread._state != 'RUN':
                stopped = True
                break
            try:
                inqueue.put(task)
            except Exception as e:
                # A task that cannot be pickled fails its call: its get() raises.
                r = cache.get(task[0])
                if r is not None and r._set(task[1], (False, e)):
                    del cache[task[0]]
        if stopped:
            break
    # Tell the result handler to finish once the cache is empty, and the workers that
    # there is no more work.
    outqueue.put(None)
    for p in pool:
        inqueue.put(None)


def _handle_results(outqueue, cache, notifier):
    thread = threading.current_thread()
    get = outqueue.get
    while True:
        task = get()
        if thread._state != 'RUN':
            break
        if task is None:
            break
        _set_result(cache, notifier, task)
    while cache and thread._state != 'TERMINATE':
        task = get()
        if task is not None:
            _set_result(cache, notifier, task)


def _set_result(cache, notifier, task):
    job, i, obj = task
    r = cache.get(job)
    if r is not None and r._set(i, obj):
        del cache[job]
        if not cache:
            # CPython's _PoolCache wakes the worker handler when it empties.
            notifier.put(None)


# Where CPython defines them (reprs show it).
for _cls in (Pool, ApplyResult, MapResult, IMapIterator, IMapUnorderedIterator):
    _cls.__module__ = 'multiprocessing.pool'
del _cls
