# What starting a process and pickling cost, timed inside the real interpreter with its
# own clock: the figures of gilscope's multiprocessing (docs/models.md, "Processes").
# Runs unchanged under CPython 2.7 (fork only) and 3.x; prints "name ns" lines (the
# tool sets REPS; a figure is the best of REPS samples: starting a process does the
# same work each time, and load only adds to it).
#
#   fork_start, fork_total          p.start() returning in the parent; start to join()
#                                   returning, for an empty target (fork)
#   fork_start_big, fork_total_big  the same with BIG_MB more of the parent's memory
#                                   resident (fork copies page tables; exit unmaps)
#   spawn_start, spawn_total        the same with spawn (3.4+)
#   server_first_total              forkserver's first child: the server starts too
#   server_start, server_total      its later children
#   fork_exit, spawn_exit,          from the target's last statement to join() returning:
#   server_exit                     the child's exit and the parent's wake-up (its part of
#                                   *_total)
#   fork_kill, spawn_kill,          terminate() to join() returning, for a child asleep in
#   server_kill                     its target
#   dumps_raw, loads_raw            pickling bytes, per byte
#   dumps_ints, loads_ints          pickling a list of ints, per byte of the pickle
from __future__ import print_function

import multiprocessing
import sys
import time

try:
    import cPickle as pickle  # Python 2: the C pickler, which multiprocessing uses
except ImportError:
    import pickle

clock = getattr(time, "perf_counter", None) or time.time
REPS = 1
BIG_MB = 200


def emit(name, seconds):
    print("%s %.4g" % (name, seconds * 1e9))
    sys.stdout.flush()


def noop():
    pass


def start_join(make, n):
    """The best p.start() and the best start-to-join of n processes made by make."""
    best_start = best_total = None
    for _ in range(n):
        p = make(target=noop)
        t0 = clock()
        p.start()
        t1 = clock()
        p.join()
        t2 = clock()
        if best_start is None or t1 - t0 < best_start:
            best_start = t1 - t0
        if best_total is None or t2 - t0 < best_total:
            best_total = t2 - t0
    return best_start, best_total


def stamp_end(stamp):
    stamp.value = clock()


def ready_then_sleep(ready):
    ready.set()
    time.sleep(10)


def exit_join(ctx, n):
    """The best time from the target's end (a stamp it leaves in shared memory, on a
    clock every process reads alike) to join() returning, over n processes."""
    best = None
    for _ in range(n):
        stamp = ctx.Value("d", 0.0, lock=False)
        p = ctx.Process(target=stamp_end, args=(stamp,))
        p.start()
        p.join()
        d = clock() - stamp.value
        if best is None or d < best:
            best = d
    return best


def kill_join(ctx, n):
    """The best time from terminate() to join() returning, for a child asleep."""
    best = None
    for _ in range(n):
        ready = ctx.Event()
        p = ctx.Process(target=ready_then_sleep, args=(ready,))
        p.start()
        ready.wait()
        time.sleep(0.005)
        t = clock()
        p.terminate()
        p.join()
        d = clock() - t
        if best is None or d < best:
            best = d
    return best


def per_byte(f, x, n):
    """The best time of f(x) over n calls, per byte of the pickle."""
    size = len(pickle.dumps(x, PROTOCOL))
    best = None
    for _ in range(n):
        t = clock()
        f(x)
        d = clock() - t
        if best is None or d < best:
            best = d
    return best / size


PROTOCOL = pickle.HIGHEST_PROTOCOL


def main():
    reps = max(REPS, 3)
    s, t = start_join(multiprocessing.Process, reps)
    emit("fork_start", s)
    emit("fork_total", t)
    big = b"x" * (BIG_MB << 20)  # written, so resident
    s, t = start_join(multiprocessing.Process, reps)
    emit("fork_start_big", s)
    emit("fork_total_big", t)
    del big
    emit("fork_exit", exit_join(multiprocessing, reps))
    emit("fork_kill", kill_join(multiprocessing, reps))
    if hasattr(multiprocessing, "get_context"):
        s, t = start_join(multiprocessing.get_context("spawn").Process, max(reps // 4, 3))
        emit("spawn_start", s)
        emit("spawn_total", t)
        spawn = multiprocessing.get_context("spawn")
        emit("spawn_exit", exit_join(spawn, max(reps // 4, 3)))
        emit("spawn_kill", kill_join(spawn, max(reps // 4, 3)))
        ctx = multiprocessing.get_context("forkserver")
        s, t = start_join(ctx.Process, 1)
        emit("server_first_total", t)
        s, t = start_join(ctx.Process, max(reps // 4, 3))
        emit("server_start", s)
        emit("server_total", t)
        emit("server_exit", exit_join(ctx, max(reps // 4, 3)))
        emit("server_kill", kill_join(ctx, max(reps // 4, 3)))
    raw = b"x" * (4 << 20)
    emit("dumps_raw", per_byte(lambda x: pickle.dumps(x, PROTOCOL), raw, reps))
    data = pickle.dumps(raw, PROTOCOL)
    emit("loads_raw", per_byte(lambda x: pickle.loads(data), raw, reps))
    ints = list(range(100000))
    emit("dumps_ints", per_byte(lambda x: pickle.dumps(x, PROTOCOL), ints, reps))
    data_ints = pickle.dumps(ints, PROTOCOL)
    emit("loads_ints", per_byte(lambda x: pickle.loads(data_ints), ints, reps))


if __name__ == "__main__":
    main()
