"""concurrent.futures.process, as gilscope provides it: the names CPython's module
defines, from concurrent.futures, where gilscope keeps the process pool executor
(built on multiprocessing.Pool)."""

import concurrent.futures as _futures
from concurrent.futures import BrokenProcessPool

ProcessPoolExecutor = _futures.ProcessPoolExecutor
