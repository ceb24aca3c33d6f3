# multiprocessing's shared state: Value and Array (with their locks), a Manager's
# dict, list and Queue, Event, Semaphore, and JoinableQueue.join waiting for
# task_done.
import multiprocessing as mp
import time


def add(counter, arr, n):
    for _ in range(n):
        with counter.get_lock():
            counter.value += 1
    arr[0] = arr[0] + 1 if False else arr[0]
    arr[n % len(arr)] = n


def fill(d, l, q, i):
    d[i] = i * i
    l.append(i)
    q.put(('done', i))


def waiter(ev, q):
    ok = ev.wait(5)
    q.put(('event', ok))


def consume(jq, results):
    while True:
        item = jq.get()
        if item is None:
            jq.task_done()
            break
        time.sleep(0.01)
        results.put(item * 10)
        jq.task_done()


if __name__ == '__main__':
    mp.freeze_support()
    counter = mp.Value('i', 0)
    arr = mp.Array('d', 4)
    ps = [mp.Process(target=add, args=(counter, arr, n)) for n in (10, 13)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print('counter', counter.value, 'array', arr[:], len(arr))
    print(repr(mp.Value('i', 7)), mp.RawValue('d', 1.5).value, list(mp.RawArray('i', [1, 2])))

    with mp.Manager() as manager:
        d = manager.dict()
        l = manager.list()
        q = manager.Queue()
        ps = [mp.Process(target=fill, args=(d, l, q, i)) for i in range(4)]
        for p in ps:
            p.start()
        for p in ps:
            p.join()
        print(sorted(d.items()), sorted(l), len(d), 2 in d, d.get(9, 'none'))
        print(sorted(q.get() for _ in range(4)))
        l.extend([10, 11])
        l.reverse()
        print(len(l), l[0], l[-1], l.pop(), l.count(10))
        d.update({'a': 1}, b=2)
        print(d['a'], d['b'], d.pop('a'), d.setdefault('c', 3), sorted(d.keys(), key=str))

    ev = mp.Event()
    q = mp.Queue()
    w = mp.Process(target=waiter, args=(ev, q))
    w.start()
    time.sleep(0.05)
    print('is_set before', ev.is_set())
    ev.set()
    print(q.get(), ev.is_set(), ev.wait(0))
    ev.clear()
    print('cleared', ev.is_set(), ev.wait(0.01))
    w.join()

    s = mp.BoundedSemaphore(2)
    print(s.acquire(), s.acquire(), s.acquire(False))
    s.release()
    s.release()
    try:
        s.release()
    except ValueError as e:
        print('ValueError:', e)

    jq = mp.JoinableQueue()
    results = mp.Queue()
    c = mp.Process(target=consume, args=(jq, results))
    c.start()
    for i in range(5):
        jq.put(i)
    jq.join()
    print('joined', sorted(results.get() for _ in range(5)))
    jq.put(None)
    jq.join()
    c.join()
    try:
        jq.task_done()
    except ValueError as e:
        print('ValueError:', e)
