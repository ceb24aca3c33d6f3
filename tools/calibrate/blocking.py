# Durations of the blocking calls gilscope's machine models, timed inside the real
# interpreter with its own clock. Runs unchanged under CPython 2.7 and 3.x; prints
# "name ns" lines (the tool sets REPS).
#
# Two kinds of figure, summarised differently:
#   - a call's own cost (lock acquire/release, a send+recv in one thread, a file write,
#     print): the best per-call time of REPS batches. The call does the same work every
#     time; load only adds to it (a preemption, a cold cache), so the smallest batch is the
#     nearest to the cost itself.
#   - a latency between threads or to a timer (a wake-up, sleep's overshoot, a round trip
#     between two threads): the median of REPS single samples, plus the smallest. These
#     are distributions (the scheduler's and the hardware's), not a cost plus noise: the
#     best sample is a lucky path, the median the typical one. Load lengthens the median
#     much more than the best.
from __future__ import print_function

import os
import socket
import tempfile
import threading
import time

try:
    import queue
except ImportError:  # Python 2
    import Queue as queue

clock = getattr(time, "perf_counter", None) or time.time
REPS = 1


def emit(name, seconds):
    print("%s %.0f" % (name, seconds * 1e9))


def median(xs):
    xs = sorted(xs)
    return xs[len(xs) // 2]


def per_call(f, n):
    """The best, over REPS batches, of one call's time in a batch of n."""
    best = None
    for _ in range(REPS):
        t = clock()
        f(n)
        d = (clock() - t) / n
        if best is None or d < best:
            best = d
    return best


def empty(n):
    for i in range(n):
        pass


def emit_latency(name, samples):
    emit(name + "_median", median(samples))
    emit(name + "_best", min(samples))


# time.sleep(0): a select() with a zero timeout (<= 3.10) or clock_nanosleep (3.11+).
def sleep0(n):
    s = time.sleep
    for i in range(n):
        s(0)


# time.sleep(short): how much later than asked it returns (the timer slack plus the
# wake-up).
def sleep_overshoot(d):
    out = []
    for _ in range(REPS):
        t = clock()
        time.sleep(d)
        out.append(clock() - t - d)
    return out


def lock_pair(n):
    l = threading.Lock()
    a, r = l.acquire, l.release
    for i in range(n):
        a()
        r()


# The wake-up: a waiter blocks on a lock (or an event, or a queue); the main thread
# reads the clock, wakes it and blocks at once (dropping the GIL), and the waiter reads
# the clock when it runs again.
def wake_latency(kind):
    samples = []
    gate = threading.Lock()
    done = threading.Lock()
    ev = threading.Event()
    q = queue.Queue()
    stamp = [0.0]

    def waiter():
        for _ in range(REPS):
            if kind == "lock":
                gate.acquire()
            elif kind == "event":
                ev.wait()
                ev.clear()
            else:
                q.get()
            samples.append(clock() - stamp[0])
            done.release()

    done.acquire()
    if kind == "lock":
        gate.acquire()
    t = threading.Thread(target=waiter)
    t.start()
    for _ in range(REPS):
        time.sleep(0.0002)  # let the waiter block
        stamp[0] = clock()
        if kind == "lock":
            gate.release()
        elif kind == "event":
            ev.set()
        else:
            q.put(1)
        done.acquire()
    t.join()
    return samples


def sock_one_thread(n):
    a, b = socket.socketpair()
    msg = b"x" * 16
    for i in range(n):
        a.send(msg)
        b.recv(64)
        b.send(msg)
        a.recv(64)
    a.close()
    b.close()


def sock_two_threads():
    a, b = socket.socketpair()
    msg = b"x" * 16

    def echo():
        while True:
            m = b.recv(64)
            if not m:
                break
            b.send(m)

    t = threading.Thread(target=echo)
    t.start()
    samples = []
    for _ in range(REPS):
        s = clock()
        a.send(msg)
        a.recv(64)
        samples.append(clock() - s)
    a.close()
    t.join()
    b.close()
    return samples


def file_ops():
    fd, path = tempfile.mkstemp()
    data = b"x" * 100

    def write(n):
        for i in range(n):
            os.lseek(fd, 0, 0)
            os.write(fd, data)

    def read(n):
        for i in range(n):
            os.lseek(fd, 0, 0)
            os.read(fd, 100)

    try:
        w = per_call(write, 200)
        r = per_call(read, 200)
        e = per_call(empty, 200)
    finally:
        os.close(fd)
        os.remove(path)
    return w - e, r - e


# print to a pipe: buffered (the line goes into the file's buffer) and flushed (a
# write(2) per line). The pipe is drained between batches, so it never fills.
def print_pipe():
    r, w = os.pipe()
    f = os.fdopen(w, "w")

    def drain():
        while True:
            try:
                if len(os.read(r, 65536)) < 65536:
                    return
            except OSError:
                return

    def buffered(n):
        for i in range(n):
            print("line", i, file=f)
        f.flush()
        drain()

    def flushed(n):
        for i in range(n):
            print("line", i, file=f)
            f.flush()
        drain()

    b = per_call(buffered, 200)
    fl = per_call(flushed, 200)
    f.close()
    os.close(r)
    return b, fl


loop = per_call(empty, 1000)
emit("sleep0", per_call(sleep0, 50) - loop)
emit_latency("sleep_1ms_over", sleep_overshoot(0.001))
emit("lock_pair", per_call(lock_pair, 1000) - loop)
for kind in ("lock", "event", "queue"):
    emit_latency("wake_" + kind, wake_latency(kind))
emit("sock_rt_one", per_call(sock_one_thread, 200))
emit_latency("sock_rt_two", sock_two_threads())
fw, fr = file_ops()
emit("file_write", fw)
emit("file_read", fr)
pb, pf = print_pipe()
emit("print_buffered", pb)
emit("print_flushed", pf)
