# source: none: written for gilscope in the style of the Python documentation's multiprocessing Pool.apply_async examples, with a ThreadPool (the original programs could not be taken verbatim)
# compare: unordered
from multiprocessing.pool import ThreadPool
from multiprocessing import TimeoutError
import time

results = []


def collect(result):
    # Runs in the pool's result handler thread.
    results.append(result)


def report_error(error):
    print("task failed:", repr(error))


def task(i):
    time.sleep(0.01 * (i % 3))
    if i == 5:
        raise ValueError("no five")
    return i * i


if __name__ == "__main__":
    pool = ThreadPool(processes=3)
    handles = [pool.apply_async(task, (i,), callback=collect, error_callback=report_error)
               for i in range(8)]
    slow = pool.apply_async(time.sleep, (1,))
    try:
        slow.get(timeout=0.1)
    except TimeoutError:
        print("still sleeping after 0.1 s")
    for i, h in enumerate(handles):
        h.wait()
        print(i, "successful" if h.successful() else "failed")
    pool.close()
    pool.join()
    print(sorted(results))
    print(pool)
