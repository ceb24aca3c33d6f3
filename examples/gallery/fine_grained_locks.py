# title: Removing the GIL the 1996 way: a lock on every object
# models: fine-grained-locks nogil-atomic cpython-3.14t cpython-3.12
# cores: 2
# seed: 1
# max_time: 1
# order: 170
#
# Why not just replace the GIL with a lock per object? Greg Stein's free-threading
# patch for Python 1.4 did exactly that, and ordinary code ran about twice as slowly.
# This program first does some dictionary and list work in one thread, then the same
# work split across two threads. Under fine-grained-locks every dict and list access
# takes and releases the object's own lock, and every reference count update is
# atomic: compare the end of the single-threaded phase with cpython-3.12's. The two
# threads do run in parallel (no GIL lane), so the second phase gains, but it needs
# two cores to break even with one core under the GIL. cpython-3.14t shows how
# PEP 703 keeps that cost down: biased reference counts and locks only on the
# containers two threads really share.
import threading


def work(seed, n):
    d = {}
    items = []
    for i in range(n):
        key = (seed * 31 + i) % 997
        d[key] = d.get(key, 0) + 1
        items.append(key)
        if len(items) > 50:
            items.pop(0)
    return sum(d.values()) + len(items)


single = [work(1, 20000), work(2, 20000)]
results = [0, 0]


def run(i):
    results[i] = work(i + 1, 20000)


threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(single, results, single == results)
