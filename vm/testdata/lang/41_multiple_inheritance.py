# Multiple inheritance with C3 MRO, super(), class keywords and __init_subclass__.
class A:
    def hello(self):
        return "A"
class B(A):
    def hello(self):
        return "B>" + super().hello()
class C(A):
    def hello(self):
        return "C>" + super().hello()
class D(B, C):
    def hello(self):
        return "D>" + super(D, self).hello()
print(D().hello(), [k.__name__ for k in D.__mro__], D.__bases__, D.__base__)
print(issubclass(D, C), isinstance(D(), A))
class LogMixin:
    def log(self, m):
        return f"[{type(self).__name__}] {m}"
class MyError(LogMixin, ValueError):
    pass
try:
    raise MyError("bad")
except ValueError as e:
    print(e.log(str(e)), type(e).__mro__)
class Plugin:
    registry = []
    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        cls.plugin_name = name or cls.__name__
        Plugin.registry.append(cls.plugin_name)
class P1(Plugin, name="first"): pass
class P2(Plugin): pass
print(Plugin.registry, P1.plugin_name)
try:
    class Bad(A, A): pass
except TypeError as e:
    print(e)
try:
    class X(A, B): pass
except TypeError as e:
    print(e)
try:
    class Y(foo=1): pass
except TypeError as e:
    print(e)


class Init:
    def __init__(self):
        self.x = 1


class Init2(Init):
    def __init__(self):
        super(Init2, self).__init__()
        self.y = 2


print(vars(Init2()))


try:
    class WithMeta(metaclass=type):
        pass
    print(WithMeta.__name__)
except TypeError as e:
    print(e)


class Left:
    def __init__(self):
        print("Left")
        super().__init__()


class Right:
    def __init__(self):
        print("Right")
        super().__init__()


class Both(Left, Right):
    def __init__(self):
        print("Both")
        super().__init__()


Both()
print(Both.__mro__)
