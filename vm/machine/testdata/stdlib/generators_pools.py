# Lazy results from pools: Executor.map yields each result in order as it finishes,
# with a timeout; multiprocessing's imap and imap_unordered are iterators.
import time
from concurrent.futures import ThreadPoolExecutor, TimeoutError
from multiprocessing import Pool

start = time.monotonic()


def slow_square(x):
    time.sleep(0.01 * x)
    return x * x


def elapsed():
    return round(time.monotonic() - start, 2)


if __name__ == "__main__":
    with ThreadPoolExecutor(max_workers=4) as ex:
        results = ex.map(slow_square, [1, 2, 3, 4])
        print(type(results).__name__)
        for r in results:
            print("result", r, "at about", elapsed() >= 0.01)
        it = ex.map(slow_square, [1, 30])
        print(next(it))
        try:
            next(it)
        except StopIteration:
            print("stopped")

    with ThreadPoolExecutor(max_workers=2) as ex:
        it = ex.map(slow_square, [1, 50, 2], timeout=0.1)
        got = []
        try:
            for r in it:
                got.append(r)
        except TimeoutError:
            print("TimeoutError after", got)

    def fails(x):
        if x == 2:
            raise ValueError("two")
        return x

    with ThreadPoolExecutor(max_workers=2) as ex:
        got = []
        try:
            for r in ex.map(fails, [1, 2, 3]):
                got.append(r)
        except ValueError as e:
            print("ValueError", e, "after", got)

    with Pool(2) as pool:
        it = pool.imap(abs, [-1, -2, -3])
        print(type(it).__name__, next(it), list(it))
        print(sorted(pool.imap_unordered(abs, range(-5, 0))))
        print(list(pool.imap(abs, range(-7, 0), chunksize=3)))
        print(sorted(pool.imap_unordered(abs, range(-7, 0), chunksize=2)))
        print(list(pool.imap(abs, [])))
