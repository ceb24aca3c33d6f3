# Generators and control flow: try/finally, with, loops with break and continue,
# exceptions through frames, class bodies, closures and finalization.


class Resource:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, typ, exc, tb):
        print("exit", self.name, typ.__name__ if typ else None)
        return False


def with_resource():
    with Resource("r1") as r:
        yield r.name
        yield r.name + "!"
    print("after with")


for x in with_resource():
    print("item", x)
g = with_resource()
print(next(g))
g.close()
g = with_resource()
next(g)
try:
    g.throw(RuntimeError("inside with"))
except RuntimeError as e:
    print("RuntimeError", e)


def loop_control():
    for i in range(10):
        if i % 2:
            continue
        if i > 6:
            break
        try:
            yield i
        finally:
            print("finally", i)
    else:
        print("no break")
    n = 0
    while True:
        n += 1
        if n == 3:
            break
        yield -n


print(list(loop_control()))


def nested_try():
    try:
        try:
            yield 1
            raise ValueError("inner")
        except ValueError as e:
            print("handling", e)
            yield 2
            raise
        finally:
            print("inner finally")
    except ValueError:
        print("outer handler")
        yield 3
    finally:
        print("outer finally")


print(list(nested_try()))


# return inside try/finally inside a generator
def ret_finally():
    try:
        yield 1
        return "early"
    finally:
        print("finally on return")


g = ret_finally()
next(g)
try:
    next(g)
except StopIteration as e:
    print("value", e.value)


# exceptions propagate through the generator's frame
def faulty():
    yield 1
    return 1 / 0


try:
    for x in faulty():
        print("x", x)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)


# the exception a generator handles is its own, whoever resumes it
def in_handler():
    try:
        raise KeyError("k")
    except KeyError:
        yield 1
        raise


def context_of_new():
    yield 1
    raise IndexError("new")


g = in_handler()
next(g)
try:
    raise ValueError("resumer's")
except ValueError:
    try:
        next(g)
    except KeyError as e:
        print("re-raised the generator's own:", repr(e))
h = context_of_new()
next(h)
try:
    raise ValueError("resumer's")
except ValueError:
    try:
        next(h)
    except IndexError as e:
        print("context:", repr(e.__context__))


# PEP 479: StopIteration inside a generator becomes RuntimeError
def leaks_stop():
    yield 1
    next(iter([]))


try:
    list(leaks_stop())
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)


def leaks_stop_from():
    yield from leaks_stop()


try:
    for x in leaks_stop_from():
        pass
except RuntimeError as e:
    print("through yield from:", e)


def stop_caught():
    try:
        next(iter(()))
    except StopIteration:
        yield "caught StopIteration"


print(list(stop_caught()))


# generator expressions: the first iterable is evaluated at once, the rest lazily
def noisy(name, n):
    print("iter", name)
    return range(n)


g = (x + y for x in noisy("outer", 2) for y in noisy("inner", 2))
print("created")
print(list(g))
try:
    (x for x in 5)
except TypeError as e:
    print("TypeError:", e)
g = (1 / x for x in [1, 0])
print(next(g))
try:
    next(g)
except ZeroDivisionError:
    print("raised on the second item")


def naturals():
    n = 0
    while True:
        yield n
        n += 1


print(next(x for x in naturals() if x * x > 50))
evens = (n for n in naturals() if n % 2 == 0)
print([next(evens) for _ in range(4)])
print(list(zip(naturals(), "abc")), list(zip("xy", naturals())))
squares = map(lambda n: n * n, naturals())
print(next(squares), next(squares), next(squares))
print(next(filter(lambda n: n > 10, naturals())), next(enumerate(naturals(), 5)))
print(any(n > 100 for n in naturals()), all(n < 5 for n in naturals()))


def take(n, it):
    return [x for _, x in zip(range(n), it)]


print(take(5, (a * b for a in naturals() for b in (1, -1))))


# closures over loop variables
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
gens = (lambda: i for i in range(3))
print([f() for f in gens])
late = [(lambda: j) for j in range(3)]
print([f() for f in late])


def make_gens():
    out = []
    for k in range(3):
        out.append((k * m for m in range(2)))
    return out


print([list(g) for g in make_gens()])


def counter_gen():
    total = 0

    def add(n):
        nonlocal total
        total += n
        return total

    while True:
        n = yield add(0)
        add(n)


c = counter_gen()
next(c)
print(c.send(5), c.send(7))


# generator expressions in class bodies see the class's names only in the first iterable
class Config:
    names = ["a", "b"]
    upper = list(n.upper() for n in names)
    count = 3
    pairs = list((n, i) for n in names for i in range(2))


print(Config.upper, Config.pairs)
try:

    class Broken:
        k = 2
        values = list(x * k for x in range(3))

except NameError as e:
    print("NameError:", e)


# finalization: dropping a suspended generator runs its finally blocks
def tracked(name):
    try:
        yield 1
        yield 2
    finally:
        print("finalized", name)


g = tracked("dropped")
next(g)
g = None
print("after drop")
for x in tracked("break"):
    break
print("after break")
print(next(tracked("temporary")))
print("after temporary")
gs = [tracked(i) for i in range(3)]
for g in gs:
    next(g)
del g
while gs:
    gs.pop(0)
print("after clear")


def reentrant():
    yield 1
    yield 2


def consumer(src):
    for x in src:
        yield x * 10


print(list(consumer(consumer(reentrant()))))
