# zip, map, filter and enumerate over sources whose items come from Python code that
# blocks: a generator waiting on futures, as_completed, Executor.map.
from concurrent.futures import ThreadPoolExecutor, as_completed
import threading
import time


def work(x):
    time.sleep(0.001 * (5 - x))
    return x * x


with ThreadPoolExecutor(max_workers=5) as ex:
    futures = [ex.submit(work, x) for x in range(5)]
    done = sorted(f.result() for i, f in enumerate(as_completed(futures)))
    print("as_completed:", done)
    print("zip:", list(zip("abcde", ex.map(work, range(5)))))
    print("map:", list(map(str, ex.map(work, range(3)))))
    print("filter:", list(filter(lambda v: v % 2, ex.map(work, range(5)))))
    print("enumerate:", list(enumerate(ex.map(work, range(3)), start=1)))
    try:
        list(zip(range(2), ex.map(work, range(3)), strict=True))
    except ValueError as e:
        print("strict:", e)


def ticks(n):
    for i in range(n):
        time.sleep(0.001)
        yield i


t = threading.Thread(target=lambda: print("thread:", list(zip(ticks(3), ticks(4)))))
t.start()
t.join()
print("main:", list(enumerate(ticks(2))), list(map(lambda a, b: a + b, ticks(3), ticks(3))))
