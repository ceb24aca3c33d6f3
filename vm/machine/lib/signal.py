"""signal, as gilscope provides it: signal() and getsignal() keep each process's
handlers, with CPython's checks (only the main thread of the main interpreter sets
them; SIGKILL and SIGSTOP cannot be caught), and the constants are CPython's Signals,
Handlers and Sigmasks enumerations on Linux. A simulated program never receives a
signal: nothing outside it sends one, so a handler set here never runs. The calls that
wait for a signal or send one (alarm, pause, setitimer, raise_signal, pthread_kill,
sigwait …) refuse."""

import threading
from enum import IntEnum as _IntEnum


class Signals(_IntEnum):
    SIGHUP = 1
    SIGINT = 2
    SIGQUIT = 3
    SIGILL = 4
    SIGTRAP = 5
    SIGABRT = 6
    SIGBUS = 7
    SIGFPE = 8
    SIGKILL = 9
    SIGUSR1 = 10
    SIGSEGV = 11
    SIGUSR2 = 12
    SIGPIPE = 13
    SIGALRM = 14
    SIGTERM = 15
    SIGSTKFLT = 16
    SIGCHLD = 17
    SIGCONT = 18
    SIGSTOP = 19
    SIGTSTP = 20
    SIGTTIN = 21
    SIGTTOU = 22
    SIGURG = 23
    SIGXCPU = 24
    SIGXFSZ = 25
    SIGVTALRM = 26
    SIGPROF = 27
    SIGWINCH = 28
    SIGIO = 29
    SIGPWR = 30
    SIGSYS = 31
    SIGRTMIN = 34
    SIGRTMAX = 64


class Handlers(_IntEnum):
    SIG_DFL = 0
    SIG_IGN = 1


class Sigmasks(_IntEnum):
    SIG_BLOCK = 0
    SIG_UNBLOCK = 1
    SIG_SETMASK = 2


for _cls in (Signals, Handlers, Sigmasks):
    for _name, _member in _cls.__members__.items():
        globals()[_name] = _member
del _cls, _name, _member

NSIG = 65
SIGIOT = Signals.SIGABRT
SIGCLD = Signals.SIGCHLD
SIGPOLL = Signals.SIGIO
ITIMER_REAL = 0
ITIMER_VIRTUAL = 1
ITIMER_PROF = 2


class ItimerError(OSError):
    pass


class _DefaultIntHandler:
    """The handler CPython installs for SIGINT: it raises KeyboardInterrupt."""

    def __call__(self, signalnum, frame):
        raise KeyboardInterrupt

    def __repr__(self):
        return '<built-in function default_int_handler>'


default_int_handler = _DefaultIntHandler()

_STRSIGNAL = {
    1: 'Hangup',
    2: 'Interrupt',
    3: 'Quit',
    4: 'Illegal instruction',
    5: 'Trace/breakpoint trap',
    6: 'Aborted',
    7: 'Bus error',
    8: 'Floating point exception',
    9: 'Killed',
    10: 'User defined signal 1',
    11: 'Segmentation fault',
    12: 'User defined signal 2',
    13: 'Broken pipe',
    14: 'Alarm clock',
    15: 'Terminated',
    16: 'Stack fault',
    17: 'Child exited',
    18: 'Continued',
    19: 'Stopped (signal)',
    20: 'Stopped',
    21: 'Stopped (tty input)',
    22: 'Stopped (tty output)',
    23: 'Urgent I/O condition',
    24: 'CPU time limit exceeded',
    25: 'File size limit exceeded',
    26: 'Virtual timer expired',
    27: 'Profiling timer expired',
    28: 'Window changed',
    29: 'I/O possible',
    30: 'Power failure',
    31: 'Bad system call',
    34: 'Real-time signal 0',
    64: 'Real-time signal 30',
}

# Each process's handlers (a child made by fork starts with a copy of its parent's).
_handlers = {}


def _check(signalnum):
    if not isinstance(signalnum, int):
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(signalnum).__name__)
    if signalnum < 1 or signalnum >= NSIG:
        raise ValueError("signal number out of range")


def getsignal(signalnum):
    _check(signalnum)
    if signalnum in _handlers:
        return _handlers[signalnum]
    if signalnum == SIGINT:
        return default_int_handler
    if signalnum in (32, 33):
        return None
    return Handlers.SIG_DFL


def signal(signalnum, handler):
    _check(signalnum)
    if threading.current_thread() is not threading.main_thread():
        raise ValueError("signal only works in main thread of the main interpreter")
    if not callable(handler) and handler not in (0, 1):
        raise TypeError("signal handler must be signal.SIG_IGN, signal.SIG_DFL, "
                        "or a callable object")
    if signalnum in (SIGKILL, SIGSTOP, 32, 33):
        raise OSError(22, 'Invalid argument')
    old = getsignal(signalnum)
    if not callable(handler):
        handler = Handlers(handler)
    _handlers[signalnum] = handler
    return old


def strsignal(signalnum):
    _check(signalnum)
    return _STRSIGNAL.get(signalnum)


def valid_signals():
    return set(s for s in Signals if s not in (32, 33)) | set(range(35, 64))


def _refuse(what):
    raise NotImplementedError(
        "gilscope does not support signal.%s yet: a simulated program never "
        "receives a signal (wait with time.sleep or a threading.Event instead)" % what)


def alarm(seconds):
    _refuse("alarm")


def pause():
    _refuse("pause")


def setitimer(which, seconds, interval=0.0):
    _refuse("setitimer")


def getitimer(which):
    _refuse("getitimer")


def raise_signal(signalnum):
    _refuse("raise_signal")


def pthread_kill(thread_id, signalnum):
    _refuse("pthread_kill")


def pthread_sigmask(how, mask):
    _refuse("pthread_sigmask")


def sigwait(sigset):
    _refuse("sigwait")


def sigwaitinfo(sigset):
    _refuse("sigwaitinfo")


def sigtimedwait(sigset, timeout):
    _refuse("sigtimedwait")


def set_wakeup_fd(fd, *, warn_on_full_buffer=True):
    _refuse("set_wakeup_fd")


def sigpending():
    return set()


def siginterrupt(signalnum, flag):
    _check(signalnum)
