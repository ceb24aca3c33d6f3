# The submodules of multiprocessing and concurrent.futures that programs import names
# from.
import multiprocessing
import concurrent.futures
import concurrent.futures.thread
from concurrent.futures.thread import ThreadPoolExecutor, BrokenThreadPool
from concurrent.futures.process import ProcessPoolExecutor, BrokenProcessPool
from multiprocessing.context import SpawnContext, ForkContext, BaseContext
from multiprocessing.queues import Queue, SimpleQueue, JoinableQueue
from multiprocessing.managers import SyncManager, DictProxy
from multiprocessing.process import current_process, BaseProcess
from multiprocessing.pool import Pool, ThreadPool, AsyncResult


def double(x):
    return x * 2


if __name__ == '__main__':
    print(ThreadPoolExecutor is concurrent.futures.ThreadPoolExecutor)
    print(ThreadPoolExecutor, ProcessPoolExecutor)
    print(concurrent.futures.thread.ThreadPoolExecutor is ThreadPoolExecutor)
    print(issubclass(BrokenThreadPool, concurrent.futures.BrokenExecutor),
          issubclass(BrokenProcessPool, concurrent.futures.BrokenExecutor))
    with ThreadPoolExecutor(2) as ex:
        print(list(ex.map(abs, [-1, -2])))
    with ProcessPoolExecutor(2) as ex:
        print(list(ex.map(double, [1, 2])))
    print(type(multiprocessing.get_context()).__name__,
          type(multiprocessing.get_context('spawn')).__name__)
    print(isinstance(multiprocessing.get_context('spawn'), SpawnContext),
          isinstance(multiprocessing.get_context('fork'), ForkContext),
          isinstance(multiprocessing.get_context(), BaseContext))
    print(current_process().name, issubclass(multiprocessing.Process, BaseProcess))
    print(isinstance(multiprocessing.Queue(), Queue))
    with multiprocessing.Manager() as m:
        print(isinstance(m, SyncManager))
    with Pool(2) as p:
        print(p, p.map(double, [3, 4]))
        print(isinstance(p.apply_async(double, (1,)), AsyncResult))
    with ThreadPool(2) as p:
        for r in (p.apply_async(double, (1,)), p.map_async(double, [1]), p.imap(double, [1]),
                  p.imap_unordered(double, [1])):
            print(type(r).__module__, type(r).__name__)
