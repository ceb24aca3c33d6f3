# repr() of threading's synchronisation objects, as CPython 3.12 writes them
# (addresses and thread idents replaced).
import re
import threading


def show(x):
    print(re.sub(r'owner=[1-9]\d*', 'owner=IDENT', re.sub(r'0x[0-9a-f]+', 'ADDR', repr(x))))


lock = threading.Lock()
show(lock)
lock.acquire()
show(lock)
rlock = threading.RLock()
show(rlock)
with rlock:
    with rlock:
        show(rlock)
show(threading.Condition())
show(threading.Condition(lock))
show(threading.Semaphore(2))
show(threading.BoundedSemaphore(3))
e = threading.Event()
show(e)
e.set()
show(e)
show(threading.Barrier(2))
# The lock's public names, its old aliases included.
l2 = threading.Lock()
print([n for n in dir(l2) if not n.startswith('_')])
print(l2.acquire_lock(), l2.locked_lock())
l2.release_lock()
show(l2)
