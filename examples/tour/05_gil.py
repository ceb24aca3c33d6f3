# Two threads count down at once, with nothing to wait for but the interpreter lock.
import threading


def count(n):
    while n > 0:
        n -= 1


threads = [threading.Thread(target=count, args=(2000000,)) for i in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("done")
