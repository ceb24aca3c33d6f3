# threading's names beyond the primitives: Timer, excepthook and ExceptHookArgs, the
# name and daemon setters, the deprecated camelCase names (their warnings go to
# stderr), get_native_id, main_thread, enumerate and active_count.
import threading
import time

fired = []


def ring(who, times=1):
    fired.append((who, times))


t = threading.Timer(0.05, ring, args=("timer",), kwargs={"times": 2})
t.start()
cancelled = threading.Timer(0.05, ring, args=("cancelled",))
cancelled.start()
cancelled.cancel()
t.join()
cancelled.join()
print(fired, t.is_alive(), cancelled.is_alive(), t.finished.is_set())
print(isinstance(t, threading.Thread), t.interval, t.args, t.kwargs)

th = threading.Thread(target=lambda: None, name="first")
th.name = "renamed"
th.daemon = True
print(th.name, th.daemon, th.getName(), th.isDaemon())
th.setName(42)
th.setDaemon(False)
print(repr(th.name), th.daemon)
th.start()
th.join()
try:
    th.daemon = True
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.Thread().join()
except RuntimeError as e:
    print("RuntimeError:", e)


def fail(kind):
    if kind == "exit":
        raise SystemExit(3)
    raise ValueError("worker failed: %s" % kind)


seen = []


def hook(args):
    seen.append((args.exc_type.__name__, str(args.exc_value), args.thread.name,
                 args.exc_traceback is None or True))


print(threading.excepthook is threading.__excepthook__)
threading.excepthook = hook
for kind in ("a", "exit", "b"):
    w = threading.Thread(target=fail, args=(kind,), name="worker-" + kind)
    w.start()
    w.join()
print(seen)
threading.excepthook = threading.__excepthook__
w = threading.Thread(target=fail, args=("exit",), name="silent")
w.start()
w.join()

main = threading.main_thread()
print(main.name, threading.current_thread() is main, main.daemon, main.is_alive())
print(isinstance(threading.get_native_id(), int), threading.get_native_id() == main.native_id)
print(threading.get_ident() == main.ident)
stop = threading.Event()
ready = threading.Barrier(3)


def waiter():
    ready.wait()
    stop.wait()


ws = [threading.Thread(target=waiter, name="waiter-%d" % i) for i in range(2)]
for w in ws:
    w.start()
ready.wait()
print(threading.active_count(), sorted(t.name for t in threading.enumerate()))
stop.set()
for w in ws:
    w.join()
print(threading.active_count(), [t.name for t in threading.enumerate()])
print(threading.currentThread().name, threading.activeCount())
ev = threading.Event()
print(ev.isSet())
cond = threading.Condition()
with cond:
    cond.notifyAll()
print(threading.gettrace(), threading.getprofile(), threading.stack_size())
