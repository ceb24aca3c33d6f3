# Two threads pass one shared object around: each x = shared takes a reference and
# each overwrite drops it, with no GIL to keep the two cores' updates apart.
import sys
import threading


class Token:
    pass


shared = Token()


def worker():
    box = []
    x = None
    for i in range(20000):
        x = shared
        box.append(x)
        box.pop()
    x = None


threads = [threading.Thread(target=worker) for i in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
# One reference from the global name, one from getrefcount's argument: 2 is right.
print("refcount", sys.getrefcount(shared))
