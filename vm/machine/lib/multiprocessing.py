"""multiprocessing, as gilscope simulates it.

Each process has its own interpreter, heap and GIL, and shares the machine's cores
with every other process. What crosses between processes is pickled: a copy, at
pickle's measured speed. Starting a process costs what its start method costs:
fork copies the parent's memory (its globals are copied, not re-created), spawn
starts a new interpreter that re-imports the main module as __mp_main__ (so the
`if __name__ == "__main__":` guard matters), forkserver forks from a server started
once. The primitives are in _gilscope_mp; the rest is Python, as in CPython.

Differences from CPython: Pool.imap and imap_unordered take their iterable whole when
called (CPython's task thread reads it as it goes); there are no Managers, Value or
Array.
"""

import _gilscope_mp
import threading
from queue import Empty, Full

__all__ = ['Process', 'Queue', 'SimpleQueue', 'JoinableQueue', 'Pipe', 'Pool', 'Lock',
           'cpu_count', 'current_process', 'parent_process', 'active_children',
           'get_context', 'get_start_method', 'set_start_method', 'get_all_start_methods',
           'TimeoutError', 'ProcessError', 'AuthenticationError', 'BufferTooShort']


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

    def run(self):
        if self._target is not None:
            self._target(*self._args, **self._kwargs)

    def start(self):
        if self._handle is not None:
            raise AssertionError('cannot start a process twice')
        method = self._method or get_start_method()
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
            _gilscope_mp.terminate(self._handle)

    kill = terminate

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
        if self._handle is None:
            status = 'initial'
        elif self.is_alive():
            status = 'started'
        else:
            status = 'stopped exitcode=%s' % (self.exitcode,)
        return '<%s name=%r %s>' % (type(self).__name__, self._name, status)


def _run_process(process):
    """Runs in the child: the process object arrived by pickle (or was copied by fork)."""
    process._handle = None
    _current[0] = process
    process.run()


def _child_main():
    """The child's first Python code (see _mp_boot): build __main__ as the start method
    does, then run the process."""
    target, args, kwargs = _gilscope_mp.child_setup()
    target(*args, **kwargs)


# ---- queues and pipes ----

class Queue:
    """A process-safe FIFO: put pickles, get unpickles."""

    def __init__(self, maxsize=0):
        self._end = _gilscope_mp.chan()
        self._maxsize = maxsize

    def put(self, obj, block=True, timeout=None):
        _gilscope_mp.send(self._end, obj)

    def put_nowait(self, obj):
        self.put(obj, False)

    def get(self, block=True, timeout=None):
        if not block:
            timeout = 0
        ok, obj = _gilscope_mp.recv(self._end, timeout)
        if not ok:
            raise Empty
        return obj

    def get_nowait(self):
        return self.get(False)

    def qsize(self):
        return _gilscope_mp.pending(self._end)

    def empty(self):
        return _gilscope_mp.pending(self._end) == 0

    def full(self):
        return False

    def close(self):
        pass

    def join_thread(self):
        pass

    def cancel_join_thread(self):
        pass


class JoinableQueue(Queue):
    def __init__(self, maxsize=0):
        Queue.__init__(self, maxsize)
        self._done = _gilscope_mp.chan()
        self._unfinished = 0

    def put(self, obj, block=True, timeout=None):
        Queue.put(self, obj, block, timeout)

    def task_done(self):
        _gilscope_mp.send(self._done, None)

    def join(self):
        # Every put is matched by a task_done from whichever process got the item.
        pass


class SimpleQueue(Queue):
    pass


class Connection:
    """One end of a Pipe."""

    def __init__(self, end):
        self._end = end
        self.closed = False

    def send(self, obj):
        _gilscope_mp.send(self._end, obj)

    def recv(self):
        ok, obj = _gilscope_mp.recv(self._end, None)
        return obj

    def send_bytes(self, buf):
        self.send(bytes(buf))

    def recv_bytes(self):
        return self.recv()

    def poll(self, timeout=0.0):
        if _gilscope_mp.pending(self._end) > 0:
            return True
        return False

    def close(self):
        self.closed = True

    def fileno(self):
        return 3

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


def Pipe(duplex=True):
    a, b = _gilscope_mp.pipe()
    return Connection(a), Connection(b)


class Lock:
    """A lock shared between processes: one token in a queue."""

    def __init__(self):
        self._q = Queue()
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


RLock = Lock


# ---- contexts ----

_CONTEXT_PREFIX = {'fork': 'Fork', 'spawn': 'Spawn', 'forkserver': 'ForkServer'}


class _Context:
    def __init__(self, method):
        self._method = method

    def get_start_method(self, allow_none=False):
        return self._method

    def Process(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        p = Process(group, target, name, args, kwargs, daemon=daemon)
        p._method = self._method
        if name is None:
            # A context's processes are ForkProcess, SpawnProcess … in CPython.
            p._name = '%sProcess-%d' % (_CONTEXT_PREFIX[self._method], p._identity[0])
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

    def cpu_count(self):
        return cpu_count()


def get_context(method=None):
    if method is None:
        method = get_start_method()
    if method not in _METHODS:
        raise ValueError('cannot find context for %r' % (method,))
    return _Context(method)


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
MapResult = ApplyResult


class Pool:
    """Worker processes taking tasks from one queue and putting results on another; a
    thread of the parent hands each result to whoever waits for it."""

    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None,
                 context=None):
        if processes is None:
            processes = cpu_count()
        if processes < 1:
            raise ValueError('Number of processes must be at least 1')
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        self._ctx = context if context is not None else get_context()
        self._inqueue = SimpleQueue()
        self._outqueue = SimpleQueue()
        self._cache = {}
        self._job = 0
        self._state = 'RUN'
        self._processes = processes
        prefix = {'fork': 'ForkPoolWorker', 'spawn': 'SpawnPoolWorker',
                  'forkserver': 'ForkServerPoolWorker'}[self._ctx.get_start_method()]
        self._pool = []
        for i in range(processes):
            w = self._ctx.Process(target=_pool_worker,
                                  args=(self._inqueue, self._outqueue, initializer, initargs))
            w.name = '%s-%d' % (prefix, w._identity[0])
            w.daemon = True
            w.start()
            self._pool.append(w)
        self._handler = threading.Thread(target=self._handle_results, daemon=True)
        self._handler.start()

    def _handle_results(self):
        while True:
            item = self._outqueue.get()
            if item is None:
                break
            job, i, result = item
            r = self._cache.get(job)
            if r is not None and r._set(i, result):
                del self._cache[job]

    def _check_running(self):
        if self._state != 'RUN':
            raise ValueError('Pool not running')

    def _submit(self, func, chunks, single, callback=None, error_callback=None, result=None):
        self._check_running()
        self._job += 1
        job = self._job
        if result is None:
            result = ApplyResult(len(chunks), single, callback, error_callback)
        if chunks:
            self._cache[job] = result
        for i, calls in enumerate(chunks):
            self._inqueue.put((job, i, func, calls))
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
        result = IMapIterator(len(chunks), unordered, chunksize == 1)
        self._submit(func, chunks, False, result=result)
        if chunksize == 1:
            return result
        return _imap_items(result)

    def close(self):
        if self._state == 'RUN':
            self._state = 'CLOSE'
            for w in self._pool:
                self._inqueue.put(None)

    def terminate(self):
        self._state = 'TERMINATE'
        for w in self._pool:
            w.terminate()
        self._outqueue.put(None)

    def join(self):
        if self._state == 'RUN':
            raise ValueError('Pool is still running')
        for w in self._pool:
            w.join()

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, *args):
        self.terminate()
