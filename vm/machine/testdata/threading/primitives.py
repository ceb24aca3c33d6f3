import threading, time
results = []
lock = threading.RLock()
cond = threading.Condition()
ev = threading.Event()
sem = threading.Semaphore(2)
bar = threading.Barrier(3)
items = []
def producer():
    for i in range(5):
        with cond:
            items.append(i)
            cond.notify()
        time.sleep(0.001)
def consumer():
    got = 0
    while got < 5:
        with cond:
            while not items:
                cond.wait()
            items.pop(0)
            got += 1
    results.append(("consumed", got))
def barrier_user(k):
    with sem:
        time.sleep(0.002)
    i = bar.wait()
    with lock:
        with lock:
            results.append(("barrier", k))
def waiter():
    ok = ev.wait(1.0)
    results.append(("event", ok))
ts = [threading.Thread(target=producer), threading.Thread(target=consumer), threading.Thread(target=waiter, name="W")]
ts += [threading.Thread(target=barrier_user, args=(k,)) for k in range(3)]
for t in ts: t.start()
time.sleep(0.01)
ev.set()
for t in ts: t.join(timeout=5)
print(sorted(results))
print(threading.current_thread().name, threading.main_thread().name, threading.active_count(), [t.is_alive() for t in ts])
print(ts[2].name, ts[0].name)
l = threading.Lock()
print(l.acquire(), l.acquire(False), l.acquire(timeout=0.01), l.locked())
l.release()
print("end")
