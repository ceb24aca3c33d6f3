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
                             IMapUnorderedIterator, TimeoutError, _pool_worker, _Finalize)
from queue import SimpleQueue, Empty
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

    def _repopulate_pool(self):
        _repopulate(self._pool, self._processes, self._inqueue, self._outqueue,
                    self._initializer, self._initargs)

    def _start_handlers(self):
        self._worker_handler = threading.Thread(
            target=_handle_workers,
            args=(self._cache, self._taskqueue, self._processes, self._pool, self._inqueue,
                  self._outqueue, self._initializer, self._initargs, self._change_notifier))
        self._worker_handler.daemon = True
        self._worker_handler._state = RUN
        self._worker_handler.start()
        self._task_handler = threading.Thread(
            target=_handle_tasks, args=(self._taskqueue, self._inqueue, self._outqueue, self._pool))
        self._task_handler.daemon = True
        self._task_handler._state = RUN
        self._task_handler.start()
        self._result_handler = threading.Thread(
            target=_handle_results, args=(self._outqueue, self._cache, self._change_notifier))
        self._result_handler.daemon = True
        self._result_handler._state = RUN
        self._result_handler.start()
        self._terminate = _Finalize(
            self, ThreadPool._terminate_pool,
            args=(self._taskqueue, self._inqueue, self._outqueue, self._pool,
                  self._change_notifier, self._worker_handler, self._task_handler,
                  self._result_handler, self._cache),
            exitpriority=15)

    def _put_tasks(self, tasks):
        self._taskqueue.put(tasks)

    def close(self):
        if self._state == RUN:
            self._state = CLOSE
            self._worker_handler._state = CLOSE
            self._change_notifier.put(None)

    def terminate(self):
        self._state = TERMINATE
        self._terminate()

    @staticmethod
    def _terminate_pool(taskqueue, inqueue, outqueue, pool, change_notifier,
                        worker_handler, task_handler, result_handler, cache):
        # CPython's: stop the handlers and wait for them. The worker threads are told
        # to stop, not joined: a thread cannot be terminated.
        worker_handler._state = TERMINATE
        change_notifier.put(None)
        task_handler._state = TERMINATE
        # _help_stuff_finish: drop the tasks not started, tell the workers to stop.
        try:
            while True:
                inqueue.get(block=False)
        except Empty:
            pass
        for i in range(len(pool)):
            inqueue.put(None)
        if not result_handler.is_alive() and len(cache) != 0:
            raise AssertionError("Cannot have cache with result_handler not alive")
        result_handler._state = TERMINATE
        change_notifier.put(None)
        outqueue.put(None)
        me = threading.current_thread()
        for t in (worker_handler, task_handler, result_handler):
            if me is not t:
                t.join()

    def join(self):
        if self._state == RUN:
            raise ValueError("Pool is still running")
        elif self._state not in (CLOSE, TERMINATE):
            raise ValueError("In unknown state")
        self._worker_handler.join()
        self._task_handler.join()
        self._result_handler.join()
        for p in self._pool:
            p.join()


def _repopulate(pool, processes, inqueue, outqueue, initializer, initargs):
    from multiprocessing.dummy import Process
    for i in range(processes - len(pool)):
        w = Process(target=worker, args=(inqueue, outqueue, initializer, initargs))
        w.daemon = True
        w.start()
        pool.append(w)


def _handle_workers(cache, taskqueue, processes, pool, inqueue, outqueue, initializer,
                    initargs, notifier):
    # Keep the pool full until the cache is drained, unless the pool is terminated.
    thread = threading.current_thread()
    while thread._state == RUN or (cache and thread._state != TERMINATE):
        exited = False
        for i in reversed(range(len(pool))):
            w = pool[i]
            if w.exitcode is not None:
                w.join()
                exited = True
                del pool[i]
        if exited:
            _repopulate(pool, processes, inqueue, outqueue, initializer, initargs)
        # Pool._wait_for_updates: wait for the notifier, then empty it.
        notifier.get()
        while not notifier.empty():
            notifier.get()
    taskqueue.put(None)


def _handle_tasks(taskqueue, inqueue, outqueue, pool):
    thread = threading.current_thread()
    while True:
        tasks = taskqueue.get()
        if tasks is None:
            break
        stopped = False
        for task in tasks:
            if thread._state != RUN:
                stopped = True
                break
            inqueue.put(task)
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
        if thread._state != RUN:
            break
        if task is None:
            break
        _set_result(cache, notifier, task)
    while cache and thread._state != TERMINATE:
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
