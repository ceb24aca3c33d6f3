# Generators and threads: a second thread resuming a generator another thread is
# running gets "generator already executing"; generator bodies block and switch like
# any code; a lock makes a shared generator safe; yield from across threads.
import threading
import time


def slow_numbers():
    for i in range(3):
        time.sleep(0.05)  # blocks inside the generator: another thread runs
        yield i


shared = slow_numbers()
errors = []


def intruder():
    time.sleep(0.02)
    try:
        next(shared)
    except ValueError as e:
        errors.append(str(e))
    print("intruder sees gi_running =", shared.gi_running)


t = threading.Thread(target=intruder)
t.start()
print("main got", next(shared))
t.join()
print("errors:", errors)

# a lock around next() shares one generator between workers
lock = threading.Lock()


def produce():
    for i in range(12):
        time.sleep(0.001)
        yield i


source = produce()
taken = []


def worker(name):
    while True:
        with lock:
            try:
                item = next(source)
            except StopIteration:
                return
        taken.append(item)
        time.sleep(0.002)


workers = [threading.Thread(target=worker, args=(f"w{i}",)) for i in range(3)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print(sorted(taken))


# each thread drives its own pipeline of generators, with a switch inside them
def stage(src, k):
    for x in src:
        yield x * k


def pipeline(n, out):
    total = 0
    for v in stage(stage(range(n), 2), 3):
        total += v
    out.append(total)


results = []
ts = [threading.Thread(target=pipeline, args=(20000, results)) for _ in range(2)]
for x in ts:
    x.start()
for x in ts:
    x.join()
print(results)


# a generator that finishes in another thread than the one that started it
def two_halves():
    yield "first half in " + threading.current_thread().name
    yield "second half in " + threading.current_thread().name


g = two_halves()
print(next(g))
other = threading.Thread(target=lambda: print(next(g)), name="other")
other.start()
other.join()


# builtins consuming a generator whose body blocks: the generator runs on the thread's
# stack, so it may wait for other threads
import queue

q = queue.Queue()


def feeder():
    for i in range(4):
        time.sleep(0.01)
        q.put(i)


threading.Thread(target=feeder).start()
print(sum(q.get() for _ in range(2)), sorted(q.get() for _ in range(2)))
threading.Thread(target=feeder).start()
print(any(q.get() == 1 for _ in range(4)), ",".join(str(q.get()) for _ in range(2)))
print(q.qsize())
