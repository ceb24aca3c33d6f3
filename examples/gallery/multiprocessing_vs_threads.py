# title: multiprocessing versus threads
# models: cpython-3.12 cpython-3.14t
# cores: 2
# seed: 1
# max_time: 2
# order: 80
#
# The same CPU-bound job, split in four, runs first on a thread pool and then on a
# multiprocessing.Pool of two worker processes. The threads share one interpreter and
# one GIL, so on the timeline they take turns and the two cores are never both busy
# with Python. Each worker process has its own interpreter and its own GIL: both
# cores run Python at once and the pool phase is shorter, once the processes are up.
# Processes are not free: look at the start-up of the pool (starting a process costs
# milliseconds, a thread microseconds) and at the arguments and results, which are
# pickled and sent through pipes. The if __name__ == "__main__": guard is required:
# with the spawn and forkserver start methods each worker imports this file again.
import multiprocessing
from concurrent.futures import ThreadPoolExecutor


def count(n):
    total = 0
    while n > 0:
        total += n % 7
        n -= 1
    return total


if __name__ == "__main__":
    jobs = [150000] * 4
    with ThreadPoolExecutor(max_workers=2) as ex:
        threaded = list(ex.map(count, jobs))
    with multiprocessing.Pool(processes=2) as pool:
        processes = pool.map(count, jobs)
    print("threads:  ", threaded)
    print("processes:", processes)
    print("same results:", threaded == processes)
