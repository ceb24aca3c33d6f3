# title: Reference counts without a GIL
# models: nogil-unsafe nogil-atomic cpython-3.13t cpython-3.12
# cores: 2
# seed: 1
# max_time: 1
# output: varies
# expect_exit: 0 139
# order: 50
#
# Every object carries a reference count: each new reference to it adds 1, each
# dropped one subtracts 1, and at 0 the object is freed. Here two threads hand one
# shared object around in a loop: x = shared takes a reference, overwriting x drops
# one, and box.append/box.pop do the same. The GIL is what makes these plain
# increments safe. nogil-unsafe removes the GIL and keeps the plain, non-atomic
# load-add-store: when both cores update the count at once, one update is lost. A
# lost decrement leaks the object (its count never gets back to 2); a lost increment
# frees it while a thread still uses it, a use-after-free that crashes a real
# interpreter. With seed 1 the run dies of a segmentation fault within a fraction of
# a millisecond (exit status 139); try other seeds: some crash, some finish and
# print a count far above 2, a leak. Look for the refcount events on the timeline.
# nogil-atomic makes every update an atomic add: the count is always right, but
# each update costs several times more, so the same loop runs slower.
# cpython-3.13t uses biased reference counting: the owning thread counts cheaply,
# the other one atomically. Under cpython-3.12 the GIL keeps the count right.
import sys
import threading


class Token:
    pass


shared = Token()


def worker():
    box = []
    x = None
    for i in range(50000):
        x = shared
        box.append(x)
        box.pop()
    x = None


threads = [threading.Thread(target=worker) for i in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
# One reference from the global name, one from getrefcount's own argument.
print("references to shared:", sys.getrefcount(shared), "(2 when the count is right)")
