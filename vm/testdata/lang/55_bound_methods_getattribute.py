# Bound methods compare equal when bound to the same object and function, and hash
# alike; object.__getattribute__ and classes that override __getattribute__.


class A:
    def f(self):
        return "f"

    def g(self):
        return "g"

    def __eq__(self, other):
        return True

    def __hash__(self):
        return 1


a, b = A(), A()
print(a.f == a.f, a.f is a.f, a.f != a.f, hash(a.f) == hash(a.f))
print(a.f == a.g, a.f == b.f, a == b, A.f == A.f)
handlers = {a.f: "registered"}
print(handlers.get(a.f), a.f in handlers, b.f in handlers, len({a.f, a.f, a.g}))
callbacks = [a.f, a.g]
callbacks.remove(a.f)
print([c() for c in callbacks])
lst = []
print(lst.append == lst.append, lst.append == [].append, lst.append is lst.append, hash(lst.append) == hash(lst.append))
print(len({lst.append, lst.append, lst.pop}))


class C:
    @classmethod
    def make(cls):
        return cls()


print(C.make == C.make, C().make == C.make)
print(object.__getattribute__(a, "f")(), object.__getattribute__(a, "__class__").__name__)


class Lazy:
    def __init__(self):
        self.loaded = "yes"

    def __getattr__(self, name):
        return "fallback:" + name


z = Lazy()
print(z.loaded, z.other, object.__getattribute__(z, "loaded"))
try:
    object.__getattribute__(z, "other")
except AttributeError as e:
    print("AttributeError", e)


class Logged:
    def __init__(self):
        self.x = 1
        self.log = []

    def __getattribute__(self, name):
        if name != "log":
            object.__getattribute__(self, "log").append(name)
        return super().__getattribute__(name)

    def method(self):
        return self.x + 1


o = Logged()
print(o.x, o.method(), getattr(o, "x"), hasattr(o, "missing"))
print(o.log)


class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)

    def __getattribute__(self, name):
        if name.startswith("_"):
            return object.__getattribute__(self, name)
        return getattr(object.__getattribute__(self, "_target"), name)


p = Proxy([3, 1, 2])
print(p.count(1), p.index(2), p._target)


class Missing:
    def __getattribute__(self, name):
        raise AttributeError("nope " + name)

    def __getattr__(self, name):
        return "getattr:" + name


print(Missing().anything)
try:
    Proxy(1).bit_length_typo
except AttributeError as e:
    print("AttributeError", e)


# A builtin type's method reached through the class checks its receiver.
class MyStr(str):
    pass
print(MyStr.upper("plain"), bytearray.fromhex("4142"), type(bytearray.fromhex("")).__name__)
for f in [lambda: str.upper(5), lambda: bytes.upper("x"), lambda: bytearray.upper(b"x"), lambda: int.to_bytes("x"),
          lambda: memoryview.tobytes(b"x"), lambda: bytes.fromhex(), lambda: bytearray.fromhex(1, 2), lambda: int.from_bytes(),
          lambda: list.append((), 1), lambda: dict.get([], 1), lambda: MyStr.upper(3)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
