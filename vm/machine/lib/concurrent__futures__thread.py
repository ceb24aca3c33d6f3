"""concurrent.futures.thread, as gilscope provides it: the names CPython's module
defines, from concurrent.futures, where gilscope keeps the thread pool executor."""

import concurrent.futures as _futures
from concurrent.futures import (BrokenThreadPool, _WorkItem, _worker, _threads_queues,
                                _python_exit)

ThreadPoolExecutor = _futures.ThreadPoolExecutor
