# multiprocessing.Queue's feeder thread: put returns at once, the feeder pickles and
# writes to the pipe; what a child put reaches the parent before the child can exit.
import multiprocessing as mp
import threading


def child(q, n):
    q.put("X" * n)
    q.put(list(range(5)))


def main():
    q = mp.Queue()
    print("before put:", [t.name for t in threading.enumerate()])
    q.put(1)
    print("after put:", sorted(t.name for t in threading.enumerate()))
    print(q.get())
    # Much more than a pipe holds, read before joining: the child's feeder waits for
    # the reader, then the child exits.
    p = mp.Process(target=child, args=(q, 1_000_000))
    p.start()
    print(len(q.get()), q.get())
    p.join()
    print("exitcode", p.exitcode)
    # Less than a pipe holds: joining first is safe.
    p = mp.Process(target=child, args=(q, 1000))
    p.start()
    p.join()
    print("joined first:", len(q.get()), q.get())
    q.close()
    try:
        q.put(2)
    except ValueError as e:
        print("ValueError", "is closed" in str(e))
    q.join_thread()
    print("feeder done:", sorted(t.name for t in threading.enumerate()))
    jq = mp.JoinableQueue()
    jq.put("a")
    print(jq.get())
    jq.task_done()
    jq.join()
    print("joinable done")


if __name__ == "__main__":
    main()
