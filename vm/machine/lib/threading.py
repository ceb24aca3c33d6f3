# threading, as gilscope provides it: the same classes as CPython's threading module,
# written (like CPython's) in Python on top of _thread's OS threads and locks.
import _thread
import _gilscope_lib

_allocate_lock = _thread.allocate_lock
get_ident = _thread.get_ident
get_native_id = _thread.get_native_id
Lock = _thread.allocate_lock
TIMEOUT_MAX = 1000000.0

_active = {}
_counter = [0]


def _deprecated(message):
    import warnings
    warnings.warn(message, DeprecationWarning, stacklevel=3)


def _refuse(what):
    raise NotImplementedError("gilscope does not support %s yet" % what)


def settrace(func):
    _refuse("threading.settrace")


def settrace_all_threads(func):
    _refuse("threading.settrace_all_threads")


def setprofile(func):
    _refuse("threading.setprofile")


def setprofile_all_threads(func):
    _refuse("threading.setprofile_all_threads")


def gettrace():
    return None


def getprofile():
    return None


def stack_size(size=0):
    if size != 0:
        _refuse("threading.stack_size")
    return 0


def _newname(target):
    _counter[0] += 1
    name = "Thread-%d" % _counter[0]
    if target is not None:
        tname = getattr(target, "__name__", None)
        if tname is not None:
            name = name + " (" + tname + ")"
    return name


class ThreadError(RuntimeError):
    pass


class Thread:
    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        assert group is None, "group argument must be None for now"
        if kwargs is None:
            kwargs = {}
        self._target = target
        self._args = args
        self._kwargs = kwargs
        if name is None:
            name = _newname(target)
        self._name = str(name)
        if daemon is None:
            daemon = current_thread().daemon
        self._daemonic = daemon
        self._handle = None
        self._ident = None
        self._started = False

    def start(self):
        if not hasattr(self, "_started"):
            raise RuntimeError("thread.__init__() not called")
        if self._started:
            raise RuntimeError("threads can only be started once")
        self._started = True
        self._handle = _thread.start_new_thread(self._bootstrap, self._name, self._daemonic)

    def _bootstrap(self):
        self._ident = get_ident()
        _active[self._ident] = self
        try:
            try:
                self.run()
            except BaseException as e:
                _thread._exception_event(e)
                self._invoke_excepthook(e)
        finally:
            del _active[self._ident]

    def _invoke_excepthook(self, e):
        hook = excepthook
        if hook is None:
            hook = __excepthook__
        try:
            hook(ExceptHookArgs(type(e), e, e.__traceback__, self))
        except BaseException as e2:
            import sys
            sys.stderr.write(_gilscope_lib.format_exception(e2))

    def run(self):
        if self._target is not None:
            self._target(*self._args, **self._kwargs)

    def join(self, timeout=None):
        if not self._started:
            raise RuntimeError("cannot join thread before it is started")
        if self._handle is None:
            raise RuntimeError("cannot join current thread")
        self._handle.join(timeout)

    def is_alive(self):
        if self._handle is None:
            # The new thread may run before start() has its handle: it is alive
            # from its bootstrap on, as CPython's is once its _started is set.
            return self._ident is not None and _active.get(self._ident) is self
        return self._handle.is_alive()

    def _get_name(self):
        return self._name

    def _set_name(self, name):
        self._name = str(name)

    name = property(_get_name, _set_name)

    def _get_ident(self):
        return self._ident

    ident = property(_get_ident)

    def _get_native_id(self):
        return self._ident

    native_id = property(_get_native_id)

    def _get_daemon(self):
        return self._daemonic

    def _set_daemon(self, daemonic):
        if self._started:
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    daemon = property(_get_daemon, _set_daemon)

    def isDaemon(self):
        _deprecated('isDaemon() is deprecated, get the daemon attribute instead')
        return self.daemon

    def setDaemon(self, daemonic):
        _deprecated('setDaemon() is deprecated, set the daemon attribute instead')
        self.daemon = daemonic

    def getName(self):
        _deprecated('getName() is deprecated, get the name attribute instead')
        return self.name

    def setName(self, name):
        _deprecated('setName() is deprecated, set the name attribute instead')
        self.name = name

    def __repr__(self):
        status = "initial"
        if self._started:
            status = "started"
        if self._started and not self.is_alive():
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (type(self).__name__, self._name, status)


class _MainThread(Thread):
    def __init__(self):
        self._target = None
        self._args = ()
        self._kwargs = {}
        self._name = "MainThread"
        self._daemonic = False
        self._handle = None
        self._ident = get_ident()
        self._started = True
        _active[self._ident] = self

    def is_alive(self):
        return True


class _DummyThread(Thread):
    def __init__(self):
        self._target = None
        self._args = ()
        self._kwargs = {}
        self._name = "Dummy-%d" % get_ident()
        self._daemonic = True
        self._handle = None
        self._ident = get_ident()
        self._started = True
        _active[self._ident] = self

    def is_alive(self):
        return True


_main_thread = _MainThread()


def current_thread():
    t = _active.get(get_ident())
    if t is None:
        return _DummyThread()
    return t


def currentThread():
    _deprecated('currentThread() is deprecated, use current_thread() instead')
    return current_thread()


def main_thread():
    return _main_thread


def active_count():
    return len(_active)


def activeCount():
    _deprecated('activeCount() is deprecated, use active_count() instead')
    return active_count()


def enumerate():
    return list(_active.values())


class RLock:
    def __init__(self):
        self._block = _allocate_lock()
        self._owner = None
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        me = get_ident()
        if self._owner == me:
            self._count += 1
            return True
        rc = self._block.acquire(blocking, timeout)
        if rc:
            self._owner = me
            self._count = 1
        return rc

    __enter__ = acquire

    def release(self):
        if self._owner != get_ident():
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1
        if self._count == 0:
            self._owner = None
            self._block.release()

    def __exit__(self, t, v, tb):
        self.release()

    def _release_save(self):
        count = self._count
        owner = self._owner
        self._count = 0
        self._owner = None
        self._block.release()
        return (count, owner)

    def _acquire_restore(self, state):
        self._block.acquire()
        self._count, self._owner = state

    def _is_owned(self):
        return self._owner == get_ident()

    def __repr__(self):
        # CPython's RLock is _thread.RLock, written in C.
        return "<%s _thread.RLock object owner=%d count=%d at %#x>" % (
            "locked" if self._block.locked() else "unlocked", self._owner or 0, self._count, id(self))


class Condition:
    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = []

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, t, v, tb):
        return self._lock.__exit__(t, v, tb)

    def _release_save(self):
        if isinstance(self._lock, RLock):
            return self._lock._release_save()
        self._lock.release()
        return None

    def _acquire_restore(self, state):
        if isinstance(self._lock, RLock):
            self._lock._acquire_restore(state)
        else:
            self._lock.acquire()

    def wait(self, timeout=None):
        waiter = _allocate_lock()
        waiter.acquire()
        self._waiters.append(waiter)
        saved = self._release_save()
        gotit = False
        try:
            if timeout is None:
                waiter.acquire()
                gotit = True
            elif timeout > 0:
                gotit = waiter.acquire(True, timeout)
            else:
                gotit = waiter.acquire(False)
            return gotit
        finally:
            self._acquire_restore(saved)
            if not gotit:
                if waiter in self._waiters:
                    self._waiters.remove(waiter)

    def wait_for(self, predicate, timeout=None):
        result = predicate()
        while not result:
            self.wait(timeout)
            result = predicate()
            if timeout is not None:
                break
        return result

    def notify(self, n=1):
        waiters = self._waiters[:n]
        for waiter in waiters:
            waiter.release()
            self._waiters.remove(waiter)

    def notify_all(self):
        self.notify(len(self._waiters))

    def notifyAll(self):
        _deprecated('notifyAll() is deprecated, use notify_all() instead')
        self.notify_all()

    def __repr__(self):
        return "<Condition(%s, %d)>" % (self._lock, len(self._waiters))


class Semaphore:
    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        rc = False
        with self._cond:
            while self._value == 0:
                if not blocking:
                    break
                if not self._cond.wait(timeout) and timeout is not None:
                    break
            else:
                self._value -= 1
                rc = True
        return rc

    __enter__ = acquire

    def release(self, n=1):
        with self._cond:
            self._value += n
            self._cond.notify(n)

    def __exit__(self, t, v, tb):
        self.release()

    def __repr__(self):
        cls = self.__class__
        return f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}: value={self._value}>"


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def release(self, n=1):
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")
            self._value += n
            self._cond.notify(n)

    def __repr__(self):
        cls = self.__class__
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}:"
                f" value={self._value}/{self._initial_value}>")


class Event:
    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False

    def is_set(self):
        return self._flag

    def isSet(self):
        _deprecated('isSet() is deprecated, use is_set() instead')
        return self.is_set()

    def set(self):
        with self._cond:
            self._flag = True
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        with self._cond:
            signaled = self._flag
            if not signaled:
                signaled = self._cond.wait(timeout)
            return signaled

    def __repr__(self):
        cls = self.__class__
        status = 'set' if self._flag else 'unset'
        return f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}: {status}>"


class BrokenBarrierError(RuntimeError):
    pass


class Barrier:
    """A barrier for a fixed number of parties, as CPython's: it fills, then drains
    (every waiter returns), and breaks on abort(), on a timeout or when the action
    raises; reset() breaks it for the current waiters and makes it usable again."""

    def __init__(self, parties, action=None, timeout=None):
        if parties < 1:
            raise ValueError("parties must be >= 1")
        self._cond = Condition(Lock())
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._state = 0  # 0 filling, 1 draining, -1 resetting, -2 broken
        self._count = 0

    def __repr__(self):
        if self.broken:
            return "<%s.%s at %#x: broken>" % (self.__class__.__module__, self.__class__.__qualname__, id(self))
        return "<%s.%s at %#x: waiters=%d/%d>" % (self.__class__.__module__, self.__class__.__qualname__,
                                                  id(self), self.n_waiting, self.parties)

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            self._enter()
            index = self._count
            self._count += 1
            try:
                if index + 1 == self._parties:
                    self._release()
                else:
                    self._wait(timeout)
                return index
            finally:
                self._count -= 1
                self._exit()

    def _enter(self):
        while self._state in (-1, 1):
            self._cond.wait()
        if self._state < 0:
            raise BrokenBarrierError
        assert self._state == 0

    def _release(self):
        try:
            if self._action:
                self._action()
            self._state = 1
            self._cond.notify_all()
        except:
            self._break()
            raise

    def _wait(self, timeout):
        if not self._cond.wait_for(lambda: self._state != 0, timeout):
            self._break()
            raise BrokenBarrierError
        if self._state < 0:
            raise BrokenBarrierError
        assert self._state == 1

    def _exit(self):
        if self._count == 0:
            if self._state in (-1, 1):
                self._state = 0
                self._cond.notify_all()

    def reset(self):
        with self._cond:
            if self._count > 0:
                if self._state == 0:
                    self._state = -1
                elif self._state == -2:
                    self._state = -1
            else:
                self._state = 0
            self._cond.notify_all()

    def abort(self):
        with self._cond:
            self._break()

    def _break(self):
        self._state = -2
        self._cond.notify_all()

    def _get_parties(self):
        return self._parties

    parties = property(_get_parties)

    def _get_n_waiting(self):
        if self._state == 0:
            return self._count
        return 0

    n_waiting = property(_get_n_waiting)

    def _get_broken(self):
        return self._state == -2

    broken = property(_get_broken)


class Timer(Thread):
    """Call a function after a specified number of seconds."""

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


class ExceptHookArgs:
    """The argument of excepthook: exc_type, exc_value, exc_traceback, thread."""

    def __init__(self, exc_type, exc_value, exc_traceback, thread):
        self.exc_type = exc_type
        self.exc_value = exc_value
        self.exc_traceback = exc_traceback
        self.thread = thread

    def __iter__(self):
        return iter((self.exc_type, self.exc_value, self.exc_traceback, self.thread))

    def __len__(self):
        return 4

    def __getitem__(self, i):
        return (self.exc_type, self.exc_value, self.exc_traceback, self.thread)[i]

    def __repr__(self):
        return "_thread._ExceptHookArgs(exc_type=%r, exc_value=%r, exc_traceback=%r, thread=%r)" % (
            self.exc_type, self.exc_value, self.exc_traceback, self.thread)


def excepthook(args):
    """Handle an uncaught exception of Thread.run(): print it, as CPython does."""
    if args.exc_type is SystemExit:
        return
    import sys
    if args.thread is not None:
        name = args.thread.name
    else:
        name = get_ident()
    sys.stderr.write("Exception in thread %s:\n" % name)
    if args.exc_value is not None:
        sys.stderr.write(_gilscope_lib.format_exception(args.exc_value))
    sys.stderr.flush()


__excepthook__ = excepthook


# Exit handlers of the library (concurrent.futures joins its workers in one): the
# machine has the main thread run _run_exit_hooks when the program's code has
# ended, before the process waits for its non-daemon threads, as CPython's
# threading._shutdown does.
_threading_atexits = []
_SHUTTING_DOWN = False


def _register_atexit(func, *arg, **kwargs):
    if _SHUTTING_DOWN:
        raise RuntimeError("can't register atexit after shutdown")
    _threading_atexits.append(lambda: func(*arg, **kwargs))


def _run_exit_hooks():
    global _SHUTTING_DOWN
    _SHUTTING_DOWN = True
    for atexit_call in reversed(_threading_atexits):
        atexit_call()
    callbacks = _atexit_callbacks and not _atexit_disabled[0]
    if callbacks or _final_hooks:
        # The atexit module's callbacks run after threading._shutdown has joined the
        # non-daemon threads, as CPython's interpreter finalization runs them.
        me = current_thread()
        for t in list(_active.values()):
            if t is not me and not t.daemon and t.is_alive():
                t.join()
        if callbacks:
            import atexit
            atexit._run_exitfuncs()
        for hook in _final_hooks:
            hook()


# The atexit module's callbacks (func, args, kwargs), kept here so that the machine
# finds them beside threading's own; a multiprocessing child never runs them (it
# leaves with os._exit).
_atexit_callbacks = []
_atexit_disabled = [False]
# What a multiprocessing child does last, once its threads are joined (its log).
_final_hooks = []


# Each thread sees its own attributes; a subclass's __init__ runs again in each
# thread that uses the object (vm/py/local.go).
local = _thread._local
