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
turns, they do not run in parallel.

Differences from CPython: imap and imap_unordered take their iterable whole when
called, as multiprocessing.Pool's do here; a map of nothing does not touch the change
notifier.
"""

import threading
import multiprocessing
from multiprocessing import (Pool, ApplyResult, AsyncResult, MapResult, IMapIterator,
                             IMapUnorderedIterator, TimeoutError, _pool_worker)
from queue import SimpleQueue, Empty
_Notifier = multiprocessing.SimpleQueue

__all__ = ['Pool', 'ThreadPool']

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
        self._terminated = False
        self._setup(processes, initializer, initargs, None)

    def _setup_queues(self):
        self._inqueue = SimpleQueue()
        self._outqueue = SimpleQueue()
        self._taskqueue = SimpleQueue()
        self._change_notifier = _Notifier()

    def _repopulate_pool(self):
        from multiprocessing.dummy import Process
        for i in range(self._processes - len(self._pool)):
            w = Process(target=worker,
                        args=(self._inqueue, self._outqueue, self._initializer,
                              self._initargs))
            w.daemon = True
            w.start()
            self._pool.append(w)

    def _start_handlers(self):
        self._worker_state = RUN
        self._task_state = RUN
        self._result_state = RUN
        self._worker_handler = threading.Thread(target=_handle_workers, args=(self,))
        self._worker_handler.daemon = True
        self._worker_handler.start()
        self._task_handler = threading.Thread(target=_handle_tasks, args=(self,))
        self._task_handler.daemon = True
        self._task_handler.start()
        self._result_handler = threading.Thread(target=_handle_results, args=(self,))
        self._result_handler.daemon = True
        self._result_handler.start()

    def _put_tasks(self, tasks):
        self._taskqueue.put(tasks)

    def close(self):
        if self._state == RUN:
            self._state = CLOSE
            self._worker_state = CLOSE
            self._change_notifier.put(None)

    def terminate(self):
        self._state = TERMINATE
        if self._terminated:
            return
        self._terminated = True
        # CPython's _terminate_pool.
        self._worker_state = TERMINATE
        self._change_notifier.put(None)
        self._task_state = TERMINATE
        # _help_stuff_finish: drop the tasks not started, tell the workers to stop.
        try:
            while True:
                self._inqueue.get(block=False)
        except Empty:
            pass
        for i in range(len(self._pool)):
            self._inqueue.put(None)
        if not self._result_handler.is_alive() and len(self._cache) != 0:
            raise AssertionError("Cannot have cache with result_handler not alive")
        self._result_state = TERMINATE
        self._change_notifier.put(None)
        self._outqueue.put(None)
        me = threading.current_thread()
        # The worker threads are not joined: a thread cannot be terminated.
        for t in (self._worker_handler, self._task_handler, self._result_handler):
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


def _handle_workers(pool):
    # Keep the pool full until the cache is drained, unless the pool is terminated.
    while pool._worker_state == RUN or (pool._cache and pool._worker_state != TERMINATE):
        exited = False
        for i in reversed(range(len(pool._pool))):
            w = pool._pool[i]
            if w.exitcode is not None:
                w.join()
                exited = True
                del pool._pool[i]
        if exited:
            pool._repopulate_pool()
        # Pool._wait_for_updates: wait for the notifier, then empty it.
        notifier = pool._change_notifier
        notifier.get()
        while not notifier.empty():
            notifier.get()
    pool._taskqueue.put(None)


def _handle_tasks(pool):
    while True:
        tasks = pool._taskqueue.get()
        if tasks is None:
            break
        stopped = False
        for task in tasks:
            if pool._task_state != RUN:
                stopped = True
                break
            pool._inqueue.put(task)
        if stopped:
            break
    # Tell the result handler to finish once the cache is empty, and the workers that
    # there is no more work.
    pool._outqueue.put(None)
    for p in pool._pool:
        pool._inqueue.put(None)


def _handle_results(pool):
    cache = pool._cache
    get = pool._outqueue.get
    while True:
        task = get()
        if pool._result_state != RUN:
            break
        if task is None:
            break
        _set_result(pool, task)
    while cache and pool._result_state != TERMINATE:
        task = get()
        if task is not None:
            _set_result(pool, task)


def _set_result(pool, task):
    job, i, obj = task
    r = pool._cache.get(job)
    if r is not None and r._set(i, obj):
        del pool._cache[job]
        if not pool._cache:
            # CPython's _PoolCache wakes the worker handler when it empties.
            pool._change_notifier.put(None)
