class D(dict):
    def __init__(self, *a, **kw):
        super().__init__(*a, **kw)
        self.hits = 0
    def __missing__(self, key):
        self.hits += 1
        return key.upper()

d = D(a=1)
print(d, d["a"], d["zz"], d.hits, d.get("zz"), len(d), isinstance(d, dict), type(d).__name__)
print(repr(d), list(d), "a" in d, d == {"a": 1})

class Counter2(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 2)
    def __getitem__(self, k):
        return super().__getitem__(k) + 1

c = Counter2()
c["x"] = 5
print(c["x"], c.get("x"), c)

class L(list):
    def push(self, x):
        self.append(x)
        return self
    def __repr__(self):
        return "L(" + super().__repr__() + ")"

l = L([1, 2])
l.push(3).push(4)
print(l, len(l), l[1:], sum(l), isinstance(l, list), l + [5])
print(str(l), f"{l}")

class Name(str):
    def shout(self):
        return self.upper() + "!"

n = Name("bob")
print(n, n.shout(), n + "x", len(n), n == "bob", {n: 1}["bob"], repr(n), type(n))

class Level(int):
    def __repr__(self):
        return f"Level({int(self)})"

lv = Level(3)
print(lv, lv + 1, lv * 2, [lv], str(lv), f"{lv}", f"{lv:>4}", lv == 3, hash(lv) == hash(3))

class P(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]

p = P(1, 2)
print(p, p.x, type(p).__name__, len(p))

class Money(float):
    pass
m = Money(2.5)
print(m, m * 2, type(m * 2).__name__, round(m))

class S(str):
    def __new__(cls, v):
        obj = super().__new__(cls, v.lower())
        obj.orig = v
        return obj
s = S("HeLLo")
print(s, s.orig, s.__dict__)

try:
    class X(dict, list):
        pass
except TypeError as e:
    print(e)
try:
    class B(bool):
        pass
except TypeError as e:
    print(e)

class A:
    def __new__(cls, *args):
        print("new", cls.__name__, args)
        return super().__new__(cls)
    def __init__(self, v):
        self.v = v
a = A(7)
print(a.v)

class Single:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
print(Single() is Single())

# dict.get and dict.copy do not call an overridden __getitem__; iteration and len
# do call overridden __iter__ and __len__; list() of a list subclass honours __iter__.
class Rev(list):
    def __iter__(self):
        return iter(self[::-1])
    def __len__(self):
        return 99
r = Rev([1, 2, 3])
print(list(r), [x for x in r], len(r), sorted(r), r[0], bool(r))

class Upper(dict):
    def __getitem__(self, k):
        return super().__getitem__(k.upper())
    def __contains__(self, k):
        return super().__contains__(k.upper())
u = Upper(A=1)
print(u["a"], u.get("a"), "a" in u, u.copy(), type(u.copy()).__name__, dict(u))

class Attr(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)
    def __setattr__(self, name, value):
        self[name] = value
ad = Attr()
ad.x = 1
print(ad, ad.x, hasattr(ad, "y"), vars(Attr(z=2)) if False else "")

class Eq(str):
    def __eq__(self, other):
        return str.__eq__(self.lower(), other.lower())
    __hash__ = str.__hash__
print(Eq("ABC") == "abc", "abc" == Eq("ABC"), Eq("ABC") != "abc", hash(Eq("x")) == hash("x"))

class Num(int):
    def __add__(self, other):
        return Num(int(self) + int(other) + 100)
    def __neg__(self):
        return "neg"
print(Num(1) + 2, 2 + Num(1), -Num(5), Num(2) * 3, type(Num(2) * 3).__name__, Num(7) > 3, abs(Num(-3)))
x = Num(1)
x += 1
print(x, type(x).__name__, int(x), type(int(x)).__name__, Num("12"), Num("ff", 16))

print(dict.__getitem__(D(q=1), "q"), list.__len__(L([1])), str.upper(Name("a")), int.__add__(Level(1), 2))
print(D.__mro__, issubclass(D, dict), Name.__bases__, type(Name("a") + "b").__name__)
print(sorted([Name("b"), Name("a")]), max(Level(1), Level(5)), "-".join([Name("a"), Name("b")]))
print({Name("k"): 1}, Level(2) in {2: 1}, [0, 1, 2][Level(1)], "%s|%d|%r" % (Name("s"), Level(4), Name("r")))

class Stack(list):
    def push(self, v):
        self.append(v)
    def peek(self):
        return self[-1]
st = Stack()
st.push(1); st.push(2); st += [3]
print(st, st.peek(), type(st).__name__, st.pop(), st, st == [1, 2], st * 2)
st.tag = "t"
print(st.tag, st.__dict__)
del st.tag
print(st.__dict__)
try:
    Name("a").missing
except AttributeError as e:
    print(e)
try:
    int.__new__(str)
except TypeError as e:
    print(e)
try:
    object.__new__(D)
except TypeError as e:
    print(e)
try:
    A()
except TypeError as e:
    print(e)

class Frozen:
    def __init__(self, v):
        object.__setattr__(self, "v", v)
    def __setattr__(self, name, value):
        raise AttributeError(f"{name} is frozen")
    def __delattr__(self, name):
        raise AttributeError(f"cannot delete {name}")
fz = Frozen(3)
print(fz.v)
for action in (lambda: setattr(fz, "v", 4), lambda: delattr(fz, "v")):
    try:
        action()
    except AttributeError as e:
        print(e)

class Logged:
    def __setattr__(self, name, value):
        print("set", name, value)
        super().__setattr__(name, value)
lg = Logged()
lg.a = 1
print(lg.a, D({1: 2}) != {1: 2}, L([1]) != [1])


class HD(dict):
    def __hash__(self):
        return 1


class NoHash(str):
    __hash__ = None


print(hash(HD()), {HD(): 1}[HD()] if False else "")
for bad in (lambda: hash(NoHash("a")), lambda: type("X", (1,), {}), lambda: str.__new__(1)):
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
print(type("X", (int,), {"a": 1})(5) + 1, int.__new__(int, "12"), type.__call__(int, "7"), list(reversed({"p": 1})))
