# title: CPU-bound threads don't help
# models: cpython-3.12 cpython-3.13t cpython-2.7
# cores: 2
# seed: 1
# max_time: 1
# order: 10
#
# Two threads each count down from a large number. On two cores you might expect
# them to finish in half the time; watch the GIL lane instead: only one thread runs
# Python at a time, and they swap every 5 ms (the switch interval) when the waiting
# thread asks the holder to drop the GIL. Try cpython-3.13t to see both run at once,
# and cpython-2.7 to see the old GIL's constant flickering make them slower still.
import threading


def count(n):
    while n > 0:
        n -= 1


threads = [threading.Thread(target=count, args=(300_000,)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("done")
