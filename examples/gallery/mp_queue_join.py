# title: A child that cannot exit: joining before reading a Queue
# models: cpython-3.12 cpython-3.14
# cores: 2
# seed: 1
# max_time: 2
# order: 85
#
# A worker process puts its result, a megabyte of text, on a multiprocessing.Queue, and
# the parent joins the worker before reading the queue. put() returned at once: the
# child's feeder thread (QueueFeederThread, a lane of its own) pickles the result and
# writes it to the queue's pipe. A pipe holds 64 KiB, so the feeder blocks ("pipe
# write") until someone reads, and a process does not exit before its feeder has
# written everything. The parent waits for the child, the child for its feeder, the
# feeder for the parent: without the timeout on join() this is a deadlock, the one the
# multiprocessing documentation warns about. Here the parent gives up after half a
# second, reads the result, and the child's exit follows at once. The cure is to get()
# what the workers put before joining them.
import multiprocessing


def work(q):
    q.put("x" * 1_000_000)


if __name__ == "__main__":
    q = multiprocessing.Queue()
    p = multiprocessing.Process(target=work, args=(q,))
    p.start()
    p.join(timeout=0.5)
    print("after join(timeout=0.5), is the child alive?", p.is_alive())
    result = q.get()
    p.join()
    print("read", len(result), "characters; the child's exit code:", p.exitcode)
