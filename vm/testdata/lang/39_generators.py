# Generators: yield, send, return values, close, throw and their states.


def countdown(n):
    print("start", n)
    while n > 0:
        yield n
        n -= 1
    print("end")


g = countdown(3)
print(type(g).__name__, g.__name__, g.__qualname__)
print(g.gi_running, g.gi_suspended, g.gi_frame.f_lineno)
print(next(g))
print(g.gi_suspended, g.gi_frame.f_lineno)
print(list(g))
print(g.gi_frame, g.gi_suspended)
print(list(g), next(g, "exhausted"))
for n in countdown(2):
    print("loop", n)


# yield as an expression, send, and the value of return
def accumulate():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x


acc = accumulate()
print(next(acc))
print(acc.send(10))
print(acc.send(5))
try:
    acc.send(None)
except StopIteration as e:
    print("returned", e.value, e.args)
try:
    next(acc)
except StopIteration as e:
    print("again", e.value, e.args)


def gives_none():
    yield 1
    return


it = gives_none()
next(it)
try:
    next(it)
except StopIteration as e:
    print("none:", e.value, e.args)


def gives_tuple():
    yield
    return (1, 2)


it = gives_tuple()
print(next(it))
try:
    next(it)
except StopIteration as e:
    print("tuple:", e.value, e.args)

# send to a just-started generator
g = accumulate()
try:
    g.send(3)
except TypeError as e:
    print("TypeError:", e)
print(g.send(None))


# close: GeneratorExit runs the finally block
def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")


g = with_finally()
print(next(g))
print(g.close(), g.gi_frame)
print(g.close())
g = with_finally()
g.close()
print("closing an unstarted generator runs nothing")


def ignores_exit():
    while True:
        try:
            yield "x"
        except GeneratorExit:
            print("ignoring GeneratorExit")
            if stop_ignoring:
                raise


stop_ignoring = False
g = ignores_exit()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError:", e)
stop_ignoring = True
g.close()


def catches_exit():
    try:
        yield 1
    except GeneratorExit:
        print("caught, leaving")
        raise


g = catches_exit()
next(g)
g.close()


def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        return 5


g = returns_on_exit()
next(g)
print("close ->", g.close())


def raises_on_exit():
    try:
        yield 1
    finally:
        raise ValueError("from finally")


g = raises_on_exit()
next(g)
try:
    g.close()
except ValueError as e:
    print("close raised", e)


# throw: the exception is raised at the yield
def catcher():
    while True:
        try:
            x = yield
            print("got", x)
        except KeyError as e:
            print("caught KeyError", e)
            yield "after KeyError"


g = catcher()
next(g)
g.send("a")
print(g.throw(KeyError("k")))
print(next(g))
try:
    g.throw(ValueError("boom"))
except ValueError as e:
    print("propagated", e, g.gi_frame)
try:
    g.throw(ValueError("again"))
except ValueError as e:
    print("thrown into a finished generator:", e)
g = catcher()
try:
    g.throw(KeyError("unstarted"))
except KeyError as e:
    print("unstarted:", e, g.gi_suspended)
g = catcher()
next(g)
print(g.throw(KeyError))
print(next(g))
try:
    g.throw(1)
except TypeError as e:
    print("TypeError:", e)


def stops_with(value):
    yield 1
    return value


g = stops_with([1, 2])
print(g.throw(StopIteration) if False else next(g))
try:
    g.throw(KeyError("into the last yield"))
except KeyError as e:
    print("KeyError", e)


# gi_running inside the generator, and re-entering it
def self_aware():
    print("running:", me.gi_running)
    try:
        next(me)
    except ValueError as e:
        print("ValueError:", e)
    yield 1


me = self_aware()
print(next(me), me.gi_running)

# generators are iterators
g = countdown(2)
print(iter(g) is g, hasattr(g, "__next__"), hasattr(g, "send"))
print(sorted(countdown(3)), sum(countdown(4)), max(countdown(3)), "-".join(str(x) for x in countdown(3)))
print(dict((k, k * k) for k in range(3)), tuple(countdown(1)), set(countdown(2)) == {1, 2})
print(list(zip(countdown(3), "ab")), list(enumerate(countdown(2))), any(x > 2 for x in countdown(3)))


# a lambda and a method can be generators
g = (lambda: (yield 7))()
print(next(g))


class Tree:
    def __init__(self, value, *children):
        self.value = value
        self.children = children

    def walk(self):
        yield self.value
        for c in self.children:
            yield from c.walk()

    def __iter__(self):
        return self.walk()

    @classmethod
    def sample(cls):
        yield cls(1)
        yield cls(2, cls(3))

    @staticmethod
    def numbers():
        yield from range(3)


t = Tree(1, Tree(2, Tree(4)), Tree(3))
print(list(t), [x for x in t if x % 2 == 0])
print([list(x) for x in Tree.sample()], list(Tree.numbers()))


# __init__ that yields
class Bad:
    def __init__(self):
        yield 1


try:
    Bad()
except TypeError as e:
    print("TypeError:", e)
