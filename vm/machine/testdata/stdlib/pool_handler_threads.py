# A multiprocessing Pool runs CPython's three handler threads in the parent (worker,
# task and result handlers), so the threads made after it are numbered after them; a
# task that cannot be pickled fails its own call, and close() then join() wait for the
# handlers and the workers.
import multiprocessing as mp
import threading


def square(x):
    return x * x


def names():
    return sorted(t.name for t in threading.enumerate())


if __name__ == '__main__':
    pool = mp.Pool(2)
    print(names())
    print(pool.map(square, range(5)))
    r = pool.apply_async(lambda: 1)
    try:
        r.get(timeout=5)
    except Exception as e:
        print('unpicklable task:', type(e).__name__)
    print(pool.apply(square, (7,)))
    t = threading.Thread(target=print, args=('a thread after the pool',))
    t.start()
    t.join()
    print(t.name)
    pool.close()
    pool.join()
    print(names(), [p.exitcode for p in pool._pool])
    with mp.Pool(1) as p2:
        print(p2.map(square, [3]), len(threading.enumerate()))
    print(len(threading.enumerate()))
