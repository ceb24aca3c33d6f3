# concurrent.futures, as gilscope provides it: CPython's _base.py and thread.py built
# the same way, on threading.Condition, Event and a queue.SimpleQueue of work items, so
# waiting for a result is a lock wait that releases the GIL.
#
# Differences, because the subset has no generators, decorators or weak references:
# as_completed() is an iterator class whose __next__ waits for the next future; map()
# waits for all its results when called and returns an iterator over them (in the order
# CPython's generator would yield them, exceptions and timeouts included); wait()
# returns a plain object that unpacks as (done, not_done). As in CPython 3.9+, worker
# threads are not daemons: at the interpreter's exit (_python_exit, a threading exit
# handler) each is sent the shutdown sentinel and joined, so work submitted and not
# waited for still runs.
import _gilscope_lib
import threading
import queue
import sys
from time import monotonic as _time

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'
_AS_COMPLETED = '_AS_COMPLETED'

# Possible future states (for internal use by the futures package).
PENDING = 'PENDING'
RUNNING = 'RUNNING'
CANCELLED = 'CANCELLED'
CANCELLED_AND_NOTIFIED = 'CANCELLED_AND_NOTIFIED'
FINISHED = 'FINISHED'

_FUTURE_STATES = [PENDING, RUNNING, CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED]

_STATE_TO_DESCRIPTION_MAP = {
    PENDING: "pending",
    RUNNING: "running",
    CANCELLED: "cancelled",
    CANCELLED_AND_NOTIFIED: "cancelled",
    FINISHED: "finished",
}


class Error(Exception):
    """Base class for all future-related exceptions."""
    pass


class CancelledError(Error):
    """The Future was cancelled."""
    pass


TimeoutError = TimeoutError


class InvalidStateError(Error):
    """The operation is not allowed in this state."""
    pass


class BrokenExecutor(RuntimeError):
    """Raised when a executor has become non-functional after a severe failure."""
    pass


class _Waiter:
    """Provides the event that wait() and as_completed() block on."""

    def __init__(self):
        self.event = threading.Event()
        self.finished_futures = []

    def add_result(self, future):
        self.finished_futures.append(future)

    def add_exception(self, future):
        self.finished_futures.append(future)

    def add_cancelled(self, future):
        self.finished_futures.append(future)


class _AsCompletedWaiter(_Waiter):
    """Used by as_completed()."""

    def __init__(self):
        _Waiter.__init__(self)
        self.lock = threading.Lock()

    def add_result(self, future):
        with self.lock:
            _Waiter.add_result(self, future)
            self.event.set()

    def add_exception(self, future):
        with self.lock:
            _Waiter.add_exception(self, future)
            self.event.set()

    def add_cancelled(self, future):
        with self.lock:
            _Waiter.add_cancelled(self, future)
            self.event.set()


class _FirstCompletedWaiter(_Waiter):
    """Used by wait(return_when=FIRST_COMPLETED)."""

    def add_result(self, future):
        _Waiter.add_result(self, future)
        self.event.set()

    def add_exception(self, future):
        _Waiter.add_exception(self, future)
        self.event.set()

    def add_cancelled(self, future):
        _Waiter.add_cancelled(self, future)
        self.event.set()


class _AllCompletedWaiter(_Waiter):
    """Used by wait(return_when=FIRST_EXCEPTION and ALL_COMPLETED)."""

    def __init__(self, num_pending_calls, stop_on_exception):
        self.num_pending_calls = num_pending_calls
        self.stop_on_exception = stop_on_exception
        self.lock = threading.Lock()
        _Waiter.__init__(self)

    def _decrement_pending_calls(self):
        with self.lock:
            self.num_pending_calls -= 1
            if not self.num_pending_calls:
                self.event.set()

    def add_result(self, future):
        _Waiter.add_result(self, future)
        self._decrement_pending_calls()

    def add_exception(self, future):
        _Waiter.add_exception(self, future)
        if self.stop_on_exception:
            self.event.set()
        else:
            self._decrement_pending_calls()

    def add_cancelled(self, future):
        _Waiter.add_cancelled(self, future)
        self._decrement_pending_calls()


class _AcquireFutures:
    """A context manager that does an ordered acquire of Future conditions."""

    def __init__(self, futures):
        self.futures = sorted(futures, key=id)

    def __enter__(self):
        for future in self.futures:
            future._condition.acquire()

    def __exit__(self, *args):
        for future in self.futures:
            future._condition.release()


def _create_and_install_waiters(fs, return_when):
    if return_when == _AS_COMPLETED:
        waiter = _AsCompletedWaiter()
    elif return_when == FIRST_COMPLETED:
        waiter = _FirstCompletedWaiter()
    else:
        pending_count = sum(
            f._state not in [CANCELLED_AND_NOTIFIED, FINISHED] for f in fs)

        if return_when == FIRST_EXCEPTION:
            waiter = _AllCompletedWaiter(pending_count, stop_on_exception=True)
        elif return_when == ALL_COMPLETED:
            waiter = _AllCompletedWaiter(pending_count, stop_on_exception=False)
        else:
            raise ValueError("Invalid return condition: %r" % return_when)

    for f in fs:
        f._waiters.append(waiter)

    return waiter


def as_completed(fs, timeout=None):
    """An iterator over the given futures that yields each as it completes."""
    return _AsCompleted(fs, timeout)


class _AsCompleted:
    """as_completed's iterator: each __next__ waits (releasing the GIL) for the next
    future to finish, as CPython's generator does."""

    def __init__(self, fs, timeout):
        self._end = None
        if timeout is not None:
            self._end = timeout + _time()
        fs = set(fs)
        self._fs = fs
        self._total = len(fs)
        with _AcquireFutures(fs):
            finished = set(
                f for f in fs
                if f._state in [CANCELLED_AND_NOTIFIED, FINISHED])
            self._pending = fs - finished
            self._waiter = _create_and_install_waiters(fs, _AS_COMPLETED)
        # Ready futures are popped from the end, in the order CPython yields them.
        self._ready = list(finished)
        self._installed = True

    def __iter__(self):
        return self

    def _uninstall(self):
        if self._installed:
            self._installed = False
            for f in self._fs:
                with f._condition:
                    f._waiters.remove(self._waiter)

    def __next__(self):
        if self._ready:
            return self._ready.pop()
        while self._pending:
            if self._end is None:
                wait_timeout = None
            else:
                wait_timeout = self._end - _time()
                if wait_timeout < 0:
                    self._uninstall()
                    raise TimeoutError(
                        '%d (of %d) futures unfinished' % (
                            len(self._pending), self._total))
            self._waiter.event.wait(wait_timeout)
            with self._waiter.lock:
                finished = self._waiter.finished_futures
                self._waiter.finished_futures = []
                self._waiter.event.clear()
            batch = []
            for f in finished:
                if f in self._pending:
                    self._pending.remove(f)
                    batch.append(f)
            batch.reverse()
            self._ready = batch
            if self._ready:
                return self._ready.pop()
        self._uninstall()
        raise StopIteration


class DoneAndNotDoneFutures(tuple):
    """The (done, not_done) named tuple wait() returns, as collections.namedtuple
    makes it in CPython (written out, so that importing this module does not load
    collections)."""

    __slots__ = ()
    _fields = ('done', 'not_done')
    _field_defaults = {}

    def __new__(cls, done, not_done):
        return tuple.__new__(cls, (done, not_done))

    done = property(lambda self: self[0], doc='Alias for field number 0')
    not_done = property(lambda self: self[1], doc='Alias for field number 1')

    @classmethod
    def _make(cls, iterable):
        done, not_done = iterable
        return cls(done, not_done)

    def _replace(self, **kwds):
        result = self._make(map(kwds.pop, self._fields, self))
        if kwds:
            raise ValueError(f'Got unexpected field names: {list(kwds)!r}')
        return result

    def _asdict(self):
        return {'done': self[0], 'not_done': self[1]}

    def __getnewargs__(self):
        return tuple(self)

    def __repr__(self):
        return 'DoneAndNotDoneFutures(done=%r, not_done=%r)' % (self[0], self[1])


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    """Wait for the futures in fs to complete; returns (done, not_done) sets."""
    fs = set(fs)
    with _AcquireFutures(fs):
        done = set(f for f in fs
                   if f._state in [CANCELLED_AND_NOTIFIED, FINISHED])
        not_done = fs - done
        if (return_when == FIRST_COMPLETED) and done:
            return DoneAndNotDoneFutures(done, not_done)
        elif (return_when == FIRST_EXCEPTION) and done:
            if any(f for f in done
                   if not f.cancelled() and f.exception() is not None):
                return DoneAndNotDoneFutures(done, not_done)

        if len(done) == len(fs):
            return DoneAndNotDoneFutures(done, not_done)

        waiter = _create_and_install_waiters(fs, return_when)

    waiter.event.wait(timeout)
    for f in fs:
        with f._condition:
            f._waiters.remove(waiter)

    done.update(waiter.finished_futures)
    return DoneAndNotDoneFutures(done, fs - done)


class Future:
    """Represents the result of an asynchronous computation."""

    def __init__(self):
        """Initializes the future. Should not be called by clients."""
        self._condition = threading.Condition()
        self._state = PENDING
        self._result = None
        self._exception = None
        self._waiters = []
        self._done_callbacks = []

    def _invoke_callbacks(self):
        for callback in self._done_callbacks:
            try:
                callback(self)
            except Exception as e:
                _report_callback_exception(self, e)

    def __repr__(self):
        with self._condition:
            if self._state == FINISHED:
                if self._exception:
                    return '<%s at %#x state=%s raised %s>' % (
                        self.__class__.__name__,
                        id(self),
                        _STATE_TO_DESCRIPTION_MAP[self._state],
                        self._exception.__class__.__name__)
                else:
                    return '<%s at %#x state=%s returned %s>' % (
                        self.__class__.__name__,
                        id(self),
                        _STATE_TO_DESCRIPTION_MAP[self._state],
                        self._result.__class__.__name__)
            return '<%s at %#x state=%s>' % (
                self.__class__.__name__,
                id(self),
                _STATE_TO_DESCRIPTION_MAP[self._state])

    def cancel(self):
        """Cancel the future if possible.

        Returns True if the future was cancelled, False otherwise. A future cannot be
        cancelled if it is running or has already completed.
        """
        with self._condition:
            if self._state in [RUNNING, FINISHED]:
                return False

            if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]:
                return True

            self._state = CANCELLED
            self._condition.notify_all()

        self._invoke_callbacks()
        return True

    def cancelled(self):
        """Return True if the future was cancelled."""
        with self._condition:
            return self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]

    def running(self):
        """Return True if the future is currently executing."""
        with self._condition:
            return self._state == RUNNING

    def done(self):
        """Return True if the future was cancelled or finished executing."""
        with self._condition:
            return self._state in [CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED]

    def __get_result(self):
        if self._exception:
            raise self._exception
        else:
            return self._result

    def add_done_callback(self, fn):
        """Attaches a callable that will be called when the future finishes."""
        with self._condition:
            if self._state not in [CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED]:
                self._done_callbacks.append(fn)
                return
        try:
            fn(self)
        except Exception as e:
            _report_callback_exception(self, e)

    def result(self, timeout=None):
        """Return the result of the call that the future represents.

        Raises CancelledError if the future was cancelled, TimeoutError if it did not
        complete in time, and the call's exception if it raised one.
        """
        with self._condition:
            if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]:
                raise CancelledError()
            elif self._state == FINISHED:
                return self.__get_result()

            self._condition.wait(timeout)

            if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]:
                raise CancelledError()
            elif self._state == FINISHED:
                return self.__get_result()
            else:
                raise TimeoutError()

    def exception(self, timeout=None):
        """Return the exception raised by the call that the future represents."""
        with self._condition:
            if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]:
                raise CancelledError()
            elif self._state == FINISHED:
                return self._exception

            self._condition.wait(timeout)

            if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]:
                raise CancelledError()
            elif self._state == FINISHED:
                return self._exception
            else:
                raise TimeoutError()

    # The following methods should only be used by Executors and in tests.
    def set_running_or_notify_cancel(self):
        """Mark the future as running or process any cancel notifications."""
        with self._condition:
            if self._state == CANCELLED:
                self._state = CANCELLED_AND_NOTIFIED
                for waiter in self._waiters:
                    waiter.add_cancelled(self)
                # self._condition.notify_all() is not necessary because
                # self.cancel() triggers a notification.
                return False
            elif self._state == PENDING:
                self._state = RUNNING
                return True
            else:
                raise RuntimeError('Future in unexpected state')

    def set_result(self, result):
        """Sets the return value of work associated with the future."""
        with self._condition:
            if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED]:
                raise InvalidStateError('{}: {!r}'.format(self._state, self))
            self._result = result
            self._state = FINISHED
            for waiter in self._waiters:
                waiter.add_result(self)
            self._condition.notify_all()
        self._invoke_callbacks()

    def set_exception(self, exception):
        """Sets the result of the future as being the given exception."""
        with self._condition:
            if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED]:
                raise InvalidStateError('{}: {!r}'.format(self._state, self))
            self._exception = exception
            self._state = FINISHED
            for waiter in self._waiters:
                waiter.add_exception(self)
            self._condition.notify_all()
        self._invoke_callbacks()


def _report_callback_exception(future, e):
    # CPython logs this through the logging module, traceback included.
    print('exception calling callback for %r' % (future,), file=sys.stderr)
    print('%s: %s' % (type(e).__name__, e), file=sys.stderr)


class Executor:
    """This is an abstract base class for concrete asynchronous executors."""

    def submit(self, fn, *args, **kwargs):
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """Returns an iterator equivalent to map(fn, iter): every call is submitted at
        once, and the results are yielded in order as they finish."""
        if timeout is not None:
            end_time = timeout + _time()

        fs = [self.submit(fn, *args) for args in zip(*iterables)]

        # Yield must be hidden in closure so that the futures are submitted
        # before the first iterator value is required.
        def result_iterator():
            try:
                # reverse to keep finishing order
                fs.reverse()
                while fs:
                    # Careful not to keep a reference to the popped future
                    if timeout is None:
                        yield _result_or_cancel(fs.pop())
                    else:
                        yield _result_or_cancel(fs.pop(), end_time - _time())
            finally:
                for future in fs:
                    future.cancel()
        return result_iterator()

    def shutdown(self, wait=True, *, cancel_futures=False):
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False


def _result_or_cancel(fut, timeout=None):
    try:
        try:
            return fut.result(timeout)
        finally:
            fut.cancel()
    finally:
        # Break a reference cycle with the exception in self._exception
        del fut


class BrokenThreadPool(BrokenExecutor):
    """Raised when a worker thread in a ThreadPoolExecutor failed initializing."""
    pass


class _WorkItem:
    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return

        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
        else:
            self.future.set_result(result)


def _worker(executor, work_queue, initializer, initargs):
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException as e:
            print('Exception in initializer: %s: %s' % (type(e).__name__, e), file=sys.stderr)
            executor._initializer_failed()
            return
    while True:
        try:
            work_item = work_queue.get_nowait()
        except queue.Empty:
            # The queue is empty: count this worker as idle, then wait for work.
            executor._idle_semaphore.release()
            work_item = work_queue.get(block=True)

        if work_item is not None:
            work_item.run()
            # Delete references to object (as CPython does).
            del work_item
            continue

        # None is the shutdown sentinel: pass it on so every worker sees it.
        executor._shutdown = True
        work_queue.put(None)
        return


def _cpu_count():
    # The simulated cores, as CPython's os.cpu_count() counts the real ones.
    import os
    return os.cpu_count()


_executor_counter = [0]

# The interpreter's exit: every worker is sent the shutdown sentinel after the work
# queued before it, and joined, so work submitted and not waited for still runs, as
# in CPython 3.9+ (_python_exit); executors refuse new work from then on.
_threads_queues = {}
_process_executors = []
_shutdown = False


def _python_exit():
    global _shutdown
    _shutdown = True
    items = list(_threads_queues.items())
    for t, q in items:
        q.put(None)
    for t, q in items:
        t.join()
    for ex in _process_executors:
        ex.shutdown(wait=True)


threading._register_atexit(_python_exit)


class ThreadPoolExecutor(Executor):

    def __init__(self, max_workers=None, thread_name_prefix='',
                 initializer=None, initargs=()):
        """Initializes a new ThreadPoolExecutor instance.

        max_workers defaults to min(32, cpu_count + 4), as in CPython 3.8+.
        """
        if max_workers is None:
            max_workers = min(32, _cpu_count() + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")

        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")

        self._max_workers = max_workers
        self._work_queue = queue.SimpleQueue()
        self._idle_semaphore = threading.Semaphore(0)
        self._threads = set()
        self._thread_list = []
        self._broken = False
        self._shutdown = False
        self._shutdown_lock = threading.Lock()
        n = _executor_counter[0]
        _executor_counter[0] = n + 1
        self._thread_name_prefix = (thread_name_prefix or
                                    ("ThreadPoolExecutor-%d" % n))
        self._initializer = initializer
        self._initargs = initargs

    def submit(self, fn, *args, **kwargs):
        with self._shutdown_lock:
            if self._broken:
                raise BrokenThreadPool(self._broken)

            if self._shutdown:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if _shutdown:
                raise RuntimeError('cannot schedule new futures after interpreter shutdown')

            f = Future()
            w = _WorkItem(f, fn, args, kwargs)

            self._work_queue.put(w)
            self._adjust_thread_count()
            return f

    def _adjust_thread_count(self):
        # An idle worker will pick the item up: no new thread.
        if self._idle_semaphore.acquire(timeout=0):
            return

        num_threads = len(self._threads)
        if num_threads < self._max_workers:
            thread_name = '%s_%d' % (self._thread_name_prefix, num_threads)
            t = threading.Thread(name=thread_name, target=_worker,
                                 args=(self, self._work_queue,
                                       self._initializer, self._initargs))
            t.start()
            _threads_queues[t] = self._work_queue
            self._threads.add(t)
            self._thread_list.append(t)

    def _initializer_failed(self):
        with self._shutdown_lock:
            self._broken = ('A thread initializer failed, the thread pool '
                            'is not usable anymore')
            # Drain work queue and mark pending futures failed.
            while True:
                try:
                    work_item = self._work_queue.get_nowait()
                except queue.Empty:
                    break
                if work_item is not None:
                    work_item.future.set_exception(BrokenThreadPool(self._broken))

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._shutdown_lock:
            self._shutdown = True
            if cancel_futures:
                # Drain all work items from the queue, and then cancel their
                # associated futures.
                while True:
                    try:
                        work_item = self._work_queue.get_nowait()
                    except queue.Empty:
                        break
                    if work_item is not None:
                        work_item.future.cancel()

            # Send a wake-up to prevent threads calling
            # _work_queue.get(block=True) from permanently blocking.
            self._work_queue.put(None)
        if wait:
            for t in self._thread_list:
                t.join()


class BrokenProcessPool(BrokenExecutor):
    """Raised when a process in a ProcessPoolExecutor terminated abruptly."""


class _ProcessCall:
    """Completes a future from a pool's result handler thread."""

    def __init__(self, future):
        self.future = future

    def done(self, value):
        self.future.set_result(value)

    def failed(self, exc):
        self.future.set_exception(exc)


class ProcessPoolExecutor(Executor):
    """Runs calls in worker processes: each has its own interpreter and GIL, so CPU-bound
    calls run in parallel; arguments and results are pickled. Built on
    multiprocessing.Pool, whose result thread completes the futures."""

    def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=(),
                 *, max_tasks_per_child=None):
        import multiprocessing
        if max_workers is None:
            max_workers = _cpu_count()
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        ctx = mp_context if mp_context is not None else multiprocessing.get_context()
        self._pool = multiprocessing.Pool.__new__(multiprocessing.Pool)
        self._pool._setup(max_workers, initializer, initargs, ctx)
        self._shutdown = False
        self._shutdown_lock = threading.Lock()
        _process_executors.append(self)

    def submit(self, fn, *args, **kwargs):
        with self._shutdown_lock:
            if self._shutdown:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if _shutdown:
                raise RuntimeError('cannot schedule new futures after interpreter shutdown')
            f = Future()
            call = _ProcessCall(f)
            f.set_running_or_notify_cancel()
            self._pool.apply_async(fn, args, kwargs, callback=call.done,
                                   error_callback=call.failed)
            return f

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._shutdown_lock:
            if self._shutdown:
                return
            self._shutdown = True
        self._pool.close()
        if wait:
            self._pool.join()


# CPython imports the executors' modules when they are first asked for (PEP 562):
# that import is charged then.
__all__ = ('FIRST_COMPLETED', 'FIRST_EXCEPTION', 'ALL_COMPLETED', 'CancelledError',
           'TimeoutError', 'InvalidStateError', 'BrokenExecutor', 'Future', 'Executor',
           'wait', 'as_completed', 'ProcessPoolExecutor', 'ThreadPoolExecutor')
_EXECUTORS = {'ThreadPoolExecutor': ('concurrent.futures.thread', ThreadPoolExecutor),
              'ProcessPoolExecutor': ('concurrent.futures.process', ProcessPoolExecutor)}
ThreadPoolExecutor.__module__ = 'concurrent.futures.thread'
ProcessPoolExecutor.__module__ = 'concurrent.futures.process'
BrokenThreadPool.__module__ = 'concurrent.futures.thread'
BrokenProcessPool.__module__ = 'concurrent.futures.process'
del ThreadPoolExecutor, ProcessPoolExecutor


def __getattr__(name):
    if name in _EXECUTORS:
        module, cls = _EXECUTORS[name]
        _gilscope_lib.cpython_import(module)
        return cls
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# PEP 585: Queue[int] and the like are types.GenericAlias, as in CPython.
from types import GenericAlias as _GenericAlias

for _cls in (Future,):
    _cls.__class_getitem__ = classmethod(_GenericAlias)
del _cls
