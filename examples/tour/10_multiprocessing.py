# The same four CPU-bound jobs on a pool of two threads, then on a pool of two
# processes.
import multiprocessing
import time
from concurrent.futures import ThreadPoolExecutor


def count(n):
    total = 0
    while n > 0:
        total += n % 7
        n -= 1
    return total


if __name__ == "__main__":
    jobs = [400000] * 4
    start = time.time()
    with ThreadPoolExecutor(2) as pool:
        a = list(pool.map(count, jobs))
    threads = time.time() - start
    start = time.time()
    with multiprocessing.Pool(2) as pool:
        b = pool.map(count, jobs)
    processes = time.time() - start
    print("same_results", a == b)
    print("threads_ms %.1f" % (threads * 1000))
    print("processes_ms %.1f" % (processes * 1000))
