# Part 1 times ordinary dict and list work in one thread. Part 2 moves money
# between two accounts in two threads, taking the accounts' locks in opposite orders.
import threading
import time


def work(n):
    d = {}
    items = []
    for i in range(n):
        key = i % 97
        d[key] = d.get(key, 0) + 1
        items.append(key)
        if len(items) > 20:
            items.pop(0)
    return len(d)


start = time.time()
work(20000)
print("work_ms %.2f" % ((time.time() - start) * 1000))

lock_a = threading.Lock()
lock_b = threading.Lock()


def transfer(first, second):
    with first:
        time.sleep(0.001)
        with second:
            pass


t1 = threading.Thread(target=transfer, args=(lock_a, lock_b))
t2 = threading.Thread(target=transfer, args=(lock_b, lock_a))
t1.start()
t2.start()
t1.join()
t2.join()
print("both transfers done")
