# multiprocessing's Condition and Barrier, shared between processes: a consumer
# process waits on a Condition for a value a producer process sets; processes meet at
# a Barrier (its action runs once, wait returns each an index), and a Barrier whose
# wait times out breaks.
import multiprocessing as mp
import threading
import time


def consumer(cond, value, out):
    with cond:
        ok = cond.wait_for(lambda: value.value > 0, timeout=5)
        out.put(('consumer saw', value.value, ok))


def producer(cond, value):
    time.sleep(0.05)
    with cond:
        value.value = 42
        cond.notify_all()


def runner(barrier, out):
    time.sleep(0.01)
    index = barrier.wait()
    out.put(index)


def announce():
    print('barrier action')


def late(barrier, out):
    try:
        barrier.wait(timeout=0.05)
    except threading.BrokenBarrierError:
        out.put('broken')


if __name__ == '__main__':
    cond = mp.Condition()
    value = mp.Value('i', 0)
    out = mp.Queue()
    ps = [mp.Process(target=consumer, args=(cond, value, out)) for _ in range(2)]
    ps.append(mp.Process(target=producer, args=(cond, value)))
    for p in ps:
        p.start()
    print(sorted(out.get() for _ in range(2)))
    for p in ps:
        p.join()

    barrier = mp.Barrier(3, action=announce)
    print(barrier.parties, barrier.n_waiting, barrier.broken)
    ps = [mp.Process(target=runner, args=(barrier, out)) for _ in range(3)]
    for p in ps:
        p.start()
    print(sorted(out.get() for _ in range(3)))
    for p in ps:
        p.join()

    lonely = mp.Barrier(2)
    p = mp.Process(target=late, args=(lonely, out))
    p.start()
    p.join()
    print(out.get(), lonely.broken)
    print(type(lonely).__module__, mp.get_context().Barrier(1).parties)
    with cond:
        print(cond.wait(timeout=0.01))
