# A pool dropped without close() or terminate() is terminated by its finalizer when the
# last reference goes, in the thread that drops it (which waits for the pool's
# threads), and at exit; a weak reference's callback may block.
import atexit
import threading
import time
import weakref
import multiprocessing
from multiprocessing.pool import ThreadPool


def square(x):
    return x * x


def handlers():
    # The pool's handler threads, which its finalizer joins (its workers are told to
    # stop, not joined: how many are left is a race).
    return sorted(t.name for t in threading.enumerate() if 'worker)' not in t.name)


def settled():
    time.sleep(0.05)
    return threading.active_count()


def thread_pool_in_a_function():
    pool = ThreadPool(3)
    return pool.map(square, range(8))


def apply_in_a_function():
    pool = ThreadPool(2)
    r = pool.apply_async(square, (7,))
    return r.get()


def process_pool_in_a_function():
    pool = multiprocessing.Pool(2)
    return pool.map(square, range(5))


class Resource:
    pass


def slow_callback(ref):
    # A callback that blocks: it starts a thread and waits for it.
    t = threading.Thread(target=time.sleep, args=(0.01,))
    t.start()
    t.join()
    print("callback done, ref dead:", ref() is None)


if __name__ == "__main__":
    atexit.register(lambda: print("user atexit callback, registered first, runs last"))
    print(thread_pool_in_a_function())
    print(handlers(), settled())

    print(apply_in_a_function(), settled())

    pool = ThreadPool(2)
    print(pool.map(square, [1, 2]), threading.active_count())
    pool = None  # rebinding drops it
    print("rebound", handlers(), settled())

    print(process_pool_in_a_function(), multiprocessing.active_children())

    r = Resource()
    w = weakref.ref(r, slow_callback)
    del r
    print("after del")

    with ThreadPool(2) as p:
        print(p.map(square, [3]))
    print("with:", handlers(), settled())

    # A pool at module level, never closed: terminated at exit.
    kept = ThreadPool(4)
    print(kept.map(square, range(3)))
    print("end of program")
