"""multiprocessing.pool, as gilscope simulates it: Pool (the process pool of the
multiprocessing module, defined there) and ThreadPool, the same pool whose workers are
threads of this process.

ThreadPool is CPython's: its workers are multiprocessing.dummy's DummyProcess threads
(named 'Thread-1 (worker)' …), its task and result queues are queue.SimpleQueue, and
three daemon threads run beside them as in CPython: the worker handler, which waits on
the pool's change notifier (a multiprocessing.SimpleQueue: a pipe) to replace workers
that died and, once the pool is closed and its work done, tells the task handler to
stop; the task handler, which moves each call's tasks onto the workers' queue; the
result handler, which hands each result to whoever waits for it and runs the
callbacks. Every task runs on a thread under this process's GIL: CPU-bound calls take
turns, they do not run in parallel. As in CPython, the handlers hold no reference to the
pool, and its finalizer terminates it when the last reference goes (in the thread that
drops it) or at exit.

Differences from CPython: imap and imap_unordered take their iterable whole when
called, as multiprocessing.Pool's do here; a map of nothing does not touch the change
notifier.
"""

import threading
import multiprocessing
from multiprocessing import (Pool, ApplyResult, AsyncResult, MapResult, IMapIterator,
                             IMapUnorderedIterator, TimeoutError, _pool_worker)
from queue import SimpleQueue
_Notifier = multiprocessing.SimpleQueue

__all__ = ['Pool', 'ThreadPool']

multiprocessing._util_import()  # CPython's pool module imports multiprocessing.util

INIT = "INIT"
RUN = "RUN"
CLOSE = "CLOSE"
TERMINATE = "TERMINATE"


def worker(inqueue, outqueue, initializer=None, initargs=()):
    # CPython's worker function: its name is in the workers' thread names.
    _pool_worker(inqueue, outqueue, initializer, initargs)


class ThreadPool(Pool):
    """A pool of worker threads with Pool's interface."""

    def __init__(self, processes=None, initializer=None, initargs=()):
        # The change notifier is a multiprocessing.SimpleQueue, with a lock: its
        # creation imports multiprocessing.queues and .synchronize.
        multiprocessing._cpython_import('multiprocessing.synchronize')
        self._setup(processes, initializer, initargs, None)

    def _setup_queues(self):
        self._inqueue = SimpleQueue()
        self._outqueue = SimpleQueue()
        self._taskqueue = SimpleQueue()
        self._change_notifier = _Notifier()

    def _maintainer(self):
        return _repopulate, (self._processes, self._inqueue, self._outqueue,
                             self._initializer, self._initargs)

    @staticmethod
    def _help_stuff_finish(inqueue, task_handler, size):
        # Drop the tasks not started, and put the workers' stop sentinels first.
        Pool._help_stuff_finish(inqueue, task_handler, size)
        for i in range(size):
            inqueue.put(None)


def _repopulate(pool, processes, inqueue, outqueue, initializer, initargs):
    from multiprocessing.dummy import Process
    for i in range(processes - len(pool)):
        w = Process(target=worker, args=(inqueue, outqueue, initializer, initargs))
        w.daemon = True
        w.start()
        pool.append(w)
