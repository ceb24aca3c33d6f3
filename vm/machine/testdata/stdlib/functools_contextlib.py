# functools (partial, reduce, lru_cache, cache, total_ordering, cmp_to_key,
# cached_property, wraps) and contextlib (suppress, closing, nullcontext, ExitStack),
# with threads sharing a cached function and an ExitStack holding several locks.
import functools
import threading
from contextlib import ExitStack, closing, nullcontext, suppress
from functools import cache, lru_cache, partial, reduce, total_ordering


def power(base, exp, mod=None):
    if mod is None:
        return base ** exp
    return pow(base, exp, mod)


square = partial(power, exp=2)
cube_mod = partial(power, exp=3, mod=10)
print(square(7), cube_mod(4), square.args, square.keywords, square.func is power)
print(partial(partial(power, 2), 5)(), partial(power, 2, mod=7).keywords)
print(reduce(lambda a, b: a * b, range(1, 6)), reduce(max, [3, 9, 2], 0), reduce(lambda a, b: a + b, [], "x"))
try:
    reduce(lambda a, b: a + b, [])
except TypeError as e:
    print("TypeError:", e)


@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(60), fib.cache_info())
fib.cache_clear()
print(fib.cache_info(), fib.cache_parameters())


@lru_cache(maxsize=2)
def slow_double(x):
    calls.append(x)
    return 2 * x


calls = []
for x in [1, 2, 1, 3, 2, 1]:
    slow_double(x)
print(calls, slow_double.cache_info())


@lru_cache
def plain(x):
    return x + 1


@cache
def greet(name, punct="!"):
    calls.append(name)
    return "hi " + name + punct


calls = []
print(plain(1), plain.cache_info().maxsize, greet("ada"), greet("ada"), greet("ada", punct="?"), calls)


@total_ordering
class Version:
    def __init__(self, major, minor):
        self.major, self.minor = major, minor

    def __eq__(self, other):
        return (self.major, self.minor) == (other.major, other.minor)

    def __lt__(self, other):
        return (self.major, self.minor) < (other.major, other.minor)

    def __repr__(self):
        return "Version(%d, %d)" % (self.major, self.minor)


a, b = Version(1, 2), Version(1, 10)
print(a < b, a > b, a <= b, a >= b, a <= Version(1, 2), sorted([b, a, Version(0, 9)]))
print(sorted(["banana", "Apple", "cherry"], key=functools.cmp_to_key(
    lambda x, y: (x.lower() > y.lower()) - (x.lower() < y.lower()))))


class Dataset:
    def __init__(self, values):
        self.values = values

    @functools.cached_property
    def total(self):
        print("computing total")
        return sum(self.values)


ds = Dataset([1, 2, 3])
print(ds.total, ds.total)
ds.total = 100
print(ds.total)


def logged(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        print("calling with", args)
        return func(*args, **kwargs)
    return wrapper


@logged
def add(x, y):
    return x + y


print(add(2, 3))

# Threads share one cached function; a lock keeps the cache's bookkeeping whole.
cache_lock = threading.Lock()


@lru_cache(maxsize=None)
def collatz_length(n):
    return 1 if n == 1 else 1 + collatz_length(n // 2 if n % 2 == 0 else 3 * n + 1)


results = {}


def worker(lo, hi):
    for n in range(lo, hi):
        with cache_lock:
            results[n] = collatz_length(n)


threads = [threading.Thread(target=worker, args=(i * 50 + 1, i * 50 + 51)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
best = max(results, key=lambda n: (results[n], n))
print(best, results[best], len(results))

with suppress(KeyError, IndexError):
    {}["missing"]
print("suppressed")
try:
    with suppress(KeyError):
        [][1]
except IndexError as e:
    print("IndexError:", e)


class Resource:
    def __init__(self, name):
        self.name = name

    def close(self):
        print("closed", self.name)


with closing(Resource("db")) as r:
    print("using", r.name)
with nullcontext(42) as value:
    print(value)
with nullcontext() as nothing:
    print(nothing)

locks = [threading.Lock() for _ in range(3)]
with ExitStack() as stack:
    for lock in locks:
        stack.enter_context(lock)
    stack.callback(print, "callback ran", "last-in first-out")
    print([lock.locked() for lock in locks])
print([lock.locked() for lock in locks])


class Tracker:
    def __init__(self, name, swallow=False):
        self.name, self.swallow = name, swallow

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None)
        return self.swallow


with ExitStack() as stack:
    stack.enter_context(Tracker("outer", swallow=True))
    stack.enter_context(Tracker("inner"))
    raise ValueError("inside")
print("after the stack")
with ExitStack() as stack:
    stack.enter_context(Tracker("kept"))
    moved = stack.pop_all()
print("stack closed, moved not yet")
moved.close()
