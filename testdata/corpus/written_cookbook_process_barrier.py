# source: none: written for gilscope in the style of the Python Parallel Programming Cookbook's (G. Zaccone, 2nd ed., Packt) "synchronize processes" recipe, a multiprocessing.Barrier and a Lock (the original could not be taken verbatim)
# compare: unordered
# mask: \d\d:\d\d:\d\d\.\d+
import multiprocessing
from datetime import datetime
from multiprocessing import Barrier, Lock, Process
from time import time


def with_barrier(barrier, printing):
    name = multiprocessing.current_process().name
    barrier.wait()
    now = time()
    with printing:
        print("%s passed the barrier at %s" % (name, datetime.fromtimestamp(now).time()))


def without_barrier():
    name = multiprocessing.current_process().name
    now = time()
    print("%s did not wait: %s" % (name, datetime.fromtimestamp(now).time()))


if __name__ == "__main__":
    barrier = Barrier(2)
    printing = Lock()
    workers = [Process(name="p%d-barrier" % i, target=with_barrier, args=(barrier, printing))
               for i in (1, 2)]
    workers += [Process(name="p%d-free" % i, target=without_barrier) for i in (3, 4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    print("exit codes:", [w.exitcode for w in workers])
