# multiprocessing.pool.ThreadPool and multiprocessing.dummy: the pool's threads and
# their names, map/starmap/apply/apply_async/imap/imap_unordered, callbacks and
# errors, close/join/terminate, and CPU-bound work that gains nothing from threads.
import threading
import time
from multiprocessing.pool import ThreadPool
import multiprocessing.pool
import multiprocessing.dummy as md
from multiprocessing.dummy import Pool as DummyPool, Process, current_process, Queue, Lock, active_children


def work(n):
    s = 0
    for i in range(n):
        s += i
    return (threading.current_thread().name, s)


def sq(x):
    return x * x


def bad(x):
    raise ValueError('bad %d' % x)


def io(x):
    time.sleep(0.2)
    return x


if __name__ == '__main__':
    pool = ThreadPool(3)
    print(pool)
    print(threading.active_count())
    print(sorted(t.name for t in threading.enumerate()))
    print(pool.map(sq, range(10)))
    print(pool.map(sq, []))
    print(pool.starmap(pow, [(2, 3), (3, 2)]))
    print(pool.apply(sq, (7,)))
    r = pool.apply_async(sq, (8,), callback=lambda v: print('callback', v))
    print(r.get(timeout=5), r.ready(), r.successful())
    print(pool.map_async(sq, [1, 2], callback=print).get())
    print(list(pool.imap(sq, range(5))))
    print(sorted(pool.imap_unordered(sq, range(5))))
    print(list(pool.imap(sq, range(7), chunksize=3)))
    r = pool.apply_async(bad, (1,), error_callback=lambda e: print('error_callback', repr(e)))
    try:
        r.get()
    except ValueError as e:
        print('caught', e)
    print(r.successful())
    try:
        pool.map(bad, [1, 2])
    except ValueError as e:
        print('map caught', e)
    slow = pool.apply_async(time.sleep, (0.5,))
    try:
        slow.get(timeout=0.1)
    except multiprocessing.TimeoutError:
        print('TimeoutError', slow.ready())
    slow.wait()
    names = [n for n, s in pool.map(work, [20000] * 6)]
    pool.close()
    try:
        pool.apply(sq, (1,))
    except ValueError as e:
        print(e)
    pool.join()
    print(pool)
    print(len(names), all(n.endswith(" (worker)") for n in names))
    with ThreadPool(2) as p:
        print(p.map(sq, [1, 2, 3]))
    print(p)
    try:
        ThreadPool(0)
    except ValueError as e:
        print(e)
    print(ThreadPool.__mro__[1] is multiprocessing.pool.Pool, multiprocessing.pool.Pool)

    # Sleeping threads overlap (CPU-bound ones take turns: threadpool_test.go).
    with DummyPool(4) as p:
        t = time.perf_counter()
        print(p.map(io, range(4)))
        print('sleeps overlap: %.1f s' % (time.perf_counter() - t))

    q = Queue()
    lock = Lock()

    def put(i):
        with lock:
            q.put((i, current_process().name))

    ps = [Process(target=put, args=(i,)) for i in range(3)]
    print(ps[0].exitcode, ps[0])
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print(ps[0].exitcode, active_children())
    print(sorted(q.get() for _ in range(3)))
    print(current_process().name)
    m = md.Manager()
    ns = m.Namespace(a=1, b='x')
    print(ns, m.dict(a=1), md.Value('i', 3), md.JoinableQueue is md.Queue)
    a, b = md.Pipe()
    a.send('hi')
    print(b.recv(), b.poll(), a.poll(0.01))
