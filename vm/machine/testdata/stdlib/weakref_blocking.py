# A weak reference's callback runs in the thread that dropped the object, before the
# program's next Python code, and may block there (join a thread, wait on a queue);
# one that raises is reported and ignored.
import threading
import queue
import time
import weakref


class Resource:
    pass


q = queue.Queue()


def waits(ref):
    t = threading.Thread(target=lambda: (time.sleep(0.01), q.put('from the thread')))
    t.start()
    t.join()
    print('callback got', q.get(), 'in', threading.current_thread().name)


def drop_in_function():
    r = Resource()
    f = weakref.finalize(r, print, 'finalized in a function')
    w = weakref.ref(r, waits)
    return w


w = drop_in_function()
print('returned, dead:', w() is None)

r = Resource()
w2 = weakref.ref(r, waits)
r = None
print('rebound')


def worker():
    x = Resource()
    wx = weakref.ref(x, waits)
    del x
    print('worker goes on')


t = threading.Thread(target=worker, name='worker')
t.start()
t.join()

class Raises:
    def __call__(self, ref):
        return 1 / 0

    def __repr__(self):
        return '<Raises>'


r = Resource()
w3 = weakref.ref(r, Raises())
del r
print('after a callback that raised')


class Holder:
    @property
    def alive(self):
        return fin.alive


obj = Resource()
fin = weakref.finalize(obj, lambda: None)
del obj
print('property sees', Holder().alive)
last = Resource()
last_ref = weakref.ref(last, waits)


def end():
    global last
    last = None


end()
