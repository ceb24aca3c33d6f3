# title: Deadlock: two locks taken in opposite orders
# models: cpython-3.12 cpython-3.13t ruby-gvl
# cores: 2
# seed: 1
# max_time: 1
# expect_exit: 1
# order: 60
#
# A bank moves money between two accounts, each guarded by its own lock. One thread
# locks account A then B, the other B then A. Each gets its first lock, pauses, then
# waits forever for the lock the other one holds. On the timeline both workers go to
# "blocked" and never come back; the GIL lane goes quiet, because waiting for a lock
# releases the GIL (this is not a GIL problem, and removing the GIL with
# cpython-3.13t does not help). The main thread gives up after 200 ms of waiting and exits with
# status 1. The cure is a global lock order: always take A before B.
import sys
import threading
import time

lock_a = threading.Lock()
lock_b = threading.Lock()
balances = {"A": 100, "B": 100}


def transfer(first, second, src, dst, amount):
    with first:
        time.sleep(0.01)  # something slow while holding the first lock
        with second:
            balances[src] -= amount
            balances[dst] += amount


t1 = threading.Thread(target=transfer, args=(lock_a, lock_b, "A", "B", 10), daemon=True)
t2 = threading.Thread(target=transfer, args=(lock_b, lock_a, "B", "A", 20), daemon=True)
t1.start()
t2.start()
t1.join(0.1)
t2.join(0.1)
if t1.is_alive() and t2.is_alive():
    print("deadlock: both transfers are stuck, balances", balances)
    sys.exit(1)
print("done", balances)
