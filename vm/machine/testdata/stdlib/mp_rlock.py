# multiprocessing.RLock is reentrant: the thread holding it may take it again, and
# other processes wait until it is released as many times; a Condition over it waits
# with it released whole; releasing it unowned is an error.
import multiprocessing as mp
import time


def nested(lock, out, name):
    with lock:
        with lock:
            out.put('%s in' % name)
            time.sleep(0.02)
        out.put('%s still holds it' % name)
    out.put('%s out' % name)


def notifier(cond):
    time.sleep(0.05)
    with cond:
        cond.notify_all()


if __name__ == '__main__':
    lock = mp.RLock()
    out = mp.Queue()
    ps = [mp.Process(target=nested, args=(lock, out, 'p%d' % i)) for i in range(2)]
    for p in ps:
        p.start()
    lines = [out.get() for _ in range(6)]
    for p in ps:
        p.join()
    first = lines[0].split()[0]
    print(lines[:2] == ['%s in' % first, '%s still holds it' % first])
    print(sorted(lines))
    with lock:
        print(lock.acquire(False), lock.acquire(timeout=0.01))
        lock.release()
        lock.release()
    try:
        lock.release()
    except AssertionError as e:
        print('AssertionError', e)
    v = mp.Value('i', 0)
    with v.get_lock():
        with v.get_lock():
            v.value += 1
    print(v.value)
    cond = mp.Condition(mp.RLock())
    p = mp.Process(target=notifier, args=(cond,))
    p.start()
    with cond:
        with cond:
            print('woken:', cond.wait(timeout=5))
    p.join()
