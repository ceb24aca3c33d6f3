# threading.local: attributes per thread; a subclass's __init__ runs again in each thread.
import threading
loc = threading.local()
loc.x = 1
class L(threading.local):
    def __init__(self, v=7):
        print("init", threading.current_thread().name, v)
        self.v = v
l = L(9)
def w():
    print(hasattr(loc, "x"), l.v)
    l.v = 3
    loc.x = 5
    print(l.v, loc.x, vars(loc))
t = threading.Thread(target=w, name="T"); t.start(); t.join()
print(loc.x, l.v, type(loc), isinstance(l, threading.local))
try:
    threading.local(1)
except TypeError as e:
    print(e)
del loc.x
print(hasattr(loc, "x"))

# A per-thread connection cache, the way programs use local.
data = threading.local()
results = {}


def handler(n):
    if not hasattr(data, "conn"):
        data.conn = "conn-%s" % threading.current_thread().name
    results[n] = data.conn


threads = [threading.Thread(target=handler, args=(i,), name="W%d" % i) for i in range(3)]
for th in threads:
    th.start()
for th in threads:
    th.join()
print(sorted(results.items()))
