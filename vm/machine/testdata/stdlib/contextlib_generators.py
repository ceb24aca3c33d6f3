# contextlib.contextmanager: generator functions as context managers, exceptions
# thrown in at the yield, suppression, and the errors of misbehaving generators.
import contextlib
import threading
import warnings


@contextlib.contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")


with tag("b") as t:
    print("inside", t)

try:
    with tag("i"):
        raise ValueError("in the body")
except ValueError as e:
    print("ValueError propagated:", e)


@contextlib.contextmanager
def swallow(*kinds):
    try:
        yield
    except kinds as e:
        print("swallowed", type(e).__name__, e)


with swallow(KeyError):
    {}["missing"]
print("after swallow")
try:
    with swallow(KeyError):
        1 / 0
except ZeroDivisionError:
    print("ZeroDivisionError not swallowed")


@contextlib.contextmanager
def translate():
    try:
        yield
    except KeyError as e:
        raise LookupError("translated") from e


try:
    with translate():
        raise KeyError("k")
except LookupError as e:
    print("LookupError:", e, "cause:", repr(e.__cause__))


@contextlib.contextmanager
def no_yield():
    if False:
        yield


try:
    with no_yield():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)


@contextlib.contextmanager
def two_yields():
    yield 1
    yield 2


try:
    with two_yields():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    with two_yields():
        raise ValueError("not caught by the generator")
except ValueError as e:
    print("ValueError:", e)


@contextlib.contextmanager
def keeps_going():
    try:
        yield
    except ValueError:
        yield


try:
    with keeps_going():
        raise ValueError
except RuntimeError as e:
    print("RuntimeError:", e)


# StopIteration raised in the body comes out as itself, not as a RuntimeError
try:
    with tag("s"):
        raise StopIteration("from the body")
except StopIteration as e:
    print("StopIteration:", e)


# a decorator too (ContextDecorator), recreated for every call
@tag("call")
def decorated(x):
    print("decorated got", x)
    return x * 2


print(decorated(1), decorated(2))


# nested with ExitStack, and a lock held for the duration
lock = threading.Lock()


@contextlib.contextmanager
def locked(name):
    with lock:
        print("locked for", name, lock.locked())
        yield
    print("unlocked", lock.locked())


with contextlib.ExitStack() as stack:
    stack.enter_context(tag("outer"))
    stack.enter_context(locked("stack"))
    print("in the stack")


# the manager is usable once
cm = tag("once")
with cm:
    pass
try:
    with cm:
        pass
except (RuntimeError, AttributeError) as e:
    print(type(e).__name__)


# generators across threads: each worker runs its own manager
out = []


@contextlib.contextmanager
def span(name):
    out.append("start " + name)
    yield
    out.append("end " + name)


def worker(n):
    with span(f"w{n}"):
        pass


ts = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(out))


# the deprecated throw(type, value) signature warns
def g():
    try:
        yield
    except KeyError as e:
        yield "caught " + str(e)


it = g()
next(it)
print(it.throw(KeyError, "old style"))
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    it = g()
    next(it)
    print(it.throw(KeyError, KeyError("quiet"), None))
