# yield from: delegation of next, send, throw and close, and the value of yield from.


def inner():
    try:
        x = yield "inner 1"
        print("inner got", x)
        y = yield "inner 2"
        print("inner got", y)
    except KeyError as e:
        print("inner caught", e)
        yield "inner recovered"
    finally:
        print("inner finally")
    return "inner result"


def outer():
    r = yield from inner()
    print("yield from gave", r)
    yield "outer done"
    return r


g = outer()
print(next(g))
print(g.send("a"))
print(g.send("b"))
try:
    next(g)
except StopIteration as e:
    print("outer returned", e.value)

# throw reaches the delegate
g = outer()
next(g)
print(g.throw(KeyError("k")))
print(next(g))
print(next(g, "end"))

# close reaches the delegate first
g = outer()
next(g)
g.close()
print("closed", g.gi_frame)

# an exception the delegate does not handle comes out through the outer generator


def guarded():
    try:
        yield from inner()
    except ValueError as e:
        print("outer caught", e)
        yield "outer recovered"


g = guarded()
next(g)
print(g.throw(ValueError("v")))


# the delegate returns when an exception is thrown in: its value is yield from's
def returns_on_throw():
    try:
        yield 1
    except KeyError:
        return "returned on throw"


def wraps():
    r = yield from returns_on_throw()
    print("r =", r)
    yield 2


g = wraps()
next(g)
print(g.throw(KeyError))

# yield from any iterable
def flatten(items):
    for x in items:
        if isinstance(x, list):
            yield from flatten(x)
        else:
            yield x


print(list(flatten([1, [2, [3, [4, [5]]]], 6, [[7]]])))


def chain(*its):
    for it in its:
        yield from it


print(list(chain("ab", range(2), (x * 2 for x in range(3)), {"k": 1}, [None])))


class Counter:
    def __init__(self, n):
        self.i = 0
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        self.i += 1
        if self.i > self.n:
            raise StopIteration
        return self.i


def from_class():
    yield from Counter(3)
    return "class done"


g = from_class()
print(list(g))


def values_sent():
    r = yield from Counter(2)
    print("r is", r)


g = values_sent()
print(next(g), next(g))
try:
    g.send(5)
except AttributeError as e:
    print("AttributeError:", e)


# recursion through yield from
def depth(n):
    if n == 0:
        yield "bottom"
        return 0
    r = yield from depth(n - 1)
    return r + 1


g = depth(50)
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("depth", e.value)


def hanoi(n, a, b, c):
    if n:
        yield from hanoi(n - 1, a, c, b)
        yield (a, c)
        yield from hanoi(n - 1, b, a, c)


moves = list(hanoi(4, "A", "B", "C"))
print(len(moves), moves[:3])


# gi_yieldfrom and gi_running while delegating
def watcher():
    yield from inner()


w = watcher()
print(w.gi_yieldfrom)
next(w)
print(type(w.gi_yieldfrom).__name__, w.gi_yieldfrom.gi_running)
w.close()


# sending None through yield from
def echo():
    while True:
        x = yield
        if x == "stop":
            return "stopped"
        print("echo", x)


def relay():
    r = yield from echo()
    print(r)


g = relay()
next(g)
g.send(1)
g.send(None)
try:
    g.send("stop")
except StopIteration:
    print("relay finished")
