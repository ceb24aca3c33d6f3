# A bounded multiprocessing.Queue: put waits while it is full (a slow consumer
# process paces the producer), put with block=False or a timeout raises queue.Full,
# full() says so; a bounded JoinableQueue still counts its tasks.
import multiprocessing as mp
import queue
import time


def slow_consumer(q, out):
    for _ in range(6):
        time.sleep(0.02)
        out.put(q.get())


def joinable_worker(q):
    while True:
        item = q.get()
        q.task_done()
        if item is None:
            break


if __name__ == '__main__':
    q = mp.Queue(maxsize=2)
    out = mp.Queue()
    c = mp.Process(target=slow_consumer, args=(q, out))
    c.start()
    start = time.monotonic()
    for i in range(6):
        q.put(i)
    waited = time.monotonic() - start
    print('producer waited for room:', waited > 0.04)
    print([out.get() for _ in range(6)])
    c.join()
    small = mp.Queue(1)
    small.put('x')
    print(small.full(), small.qsize())
    for call in (lambda: small.put('y', block=False), lambda: small.put('y', timeout=0.01),
                 lambda: small.put_nowait('y')):
        try:
            call()
        except queue.Full:
            print('Full')
    print(small.get(), small.full(), small.empty())
    jq = mp.JoinableQueue(2)
    w = mp.Process(target=joinable_worker, args=(jq,))
    w.start()
    for item in [1, 2, 3, 4, None]:
        jq.put(item)
    jq.join()
    w.join()
    print('joined', w.exitcode)
