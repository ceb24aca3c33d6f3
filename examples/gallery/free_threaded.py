# title: Free-threaded Python: four threads, four cores
# models: cpython-3.14t cpython-3.13t cpython-3.12
# cores: 4
# seed: 1
# max_time: 1
# order: 90
#
# Four threads each run the same CPU-bound loop, on four cores. Under cpython-3.12
# the GIL lane shows one thread at a time holding it, each for about 5 ms, and the
# run takes as long as running the four loops one after another. The free-threaded
# builds (PEP 703) have no GIL: all four thread lanes are busy at once and the run
# takes about a quarter of the time. Compare the end time of the three models:
# cpython-3.13t pays for its thread safety with a slower interpreter (its
# specializing interpreter is off, ~40 % on single-threaded code), cpython-3.14t
# brings that overhead down to a few per cent.
import threading


def work(n):
    total = 0
    while n > 0:
        total += n & 3
        n -= 1
    return total


results = [0] * 4


def run(i):
    results[i] = work(200000)


threads = [threading.Thread(target=run, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(results)
