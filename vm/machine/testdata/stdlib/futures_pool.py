# concurrent.futures: map, submit and as_completed, exceptions, cancellation, thread
# names, shutdown; imported in each of the ways Python allows.
import concurrent.futures
import concurrent.futures as cf
from concurrent import futures
from concurrent.futures import ThreadPoolExecutor, as_completed
import threading
import time

print(concurrent.futures is cf, futures is cf, cf.ThreadPoolExecutor is ThreadPoolExecutor)


def square(x):
    time.sleep(0.001 * (7 - x % 7))
    return x * x


with ThreadPoolExecutor(max_workers=3) as ex:
    print("map", list(ex.map(square, range(10))))
    print("map2", list(ex.map(pow, [2, 3, 4], [5, 2, 1])))
    fs = [ex.submit(square, i) for i in range(8)]
    print("as_completed", sorted(f.result() for f in as_completed(fs)))
    print("all done", all(f.done() for f in fs))


def name(_):
    time.sleep(0.002)
    return threading.current_thread().name


with ThreadPoolExecutor(max_workers=2) as ex:
    print("names", sorted(set(ex.map(name, range(6)))))
with ThreadPoolExecutor(2, thread_name_prefix="worker") as ex:
    print("prefixed", sorted(set(ex.map(name, range(4)))))


def fail(x):
    time.sleep(0.001)
    if x == 2:
        raise ValueError("bad %d" % x)
    return x


ex = ThreadPoolExecutor(2)
f = ex.submit(fail, 2)
try:
    f.result()
except ValueError as e:
    print("result raised", e)
print("exception", repr(f.exception()), f.done(), f.running(), f.cancelled())
seen = []
try:
    for r in ex.map(fail, range(5)):
        seen.append(r)
except ValueError as e:
    print("map raised", e, "after", seen)

slow = ex.submit(time.sleep, 0.05)
try:
    slow.result(timeout=0.005)
except cf.TimeoutError:
    print("result timed out")
calls = []
slow.add_done_callback(lambda fut: calls.append("callback"))
slow.result()
slow.add_done_callback(lambda fut: calls.append("late callback"))
print(calls)
ex.shutdown()
try:
    ex.submit(fail, 1)
except RuntimeError as e:
    print("RuntimeError", e)

one = ThreadPoolExecutor(max_workers=1)
first = one.submit(time.sleep, 0.02)
second = one.submit(fail, 1)
print("cancel", second.cancel(), first.cancel(), second.cancelled())
try:
    second.result()
except cf.CancelledError:
    print("CancelledError")
one.shutdown(wait=True)
print("first done", first.done(), first.result())

fut = cf.Future()
print("bare future", fut.done(), fut.running(), fut.cancel(), fut.cancel(), fut.done())
fut2 = cf.Future()
fut2.set_result(42)
print("set_result", fut2.result(), fut2.exception())
try:
    fut2.set_result(43)
except cf.InvalidStateError:
    print("InvalidStateError")
print("constants", cf.FIRST_COMPLETED, cf.FIRST_EXCEPTION, cf.ALL_COMPLETED)
