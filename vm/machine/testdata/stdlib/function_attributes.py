# Functions carry attributes, set by programs and by decorators.
import functools


def counted(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return fn(*args, **kwargs)
    wrapper.calls = 0
    return wrapper


@counted
def greet(name: str) -> str:
    """Say hello."""
    return "hello " + name


print(greet("a"), greet("b"))
print(greet.calls, greet.__name__, greet.__doc__, greet.__qualname__)
print(greet.__wrapped__.__name__, greet.__annotations__)
print(sorted(greet.__dict__))


def f(a, b=2, *, c=3):
    pass


f.label = "eff"
print(f.label, f.__dict__, hasattr(f, "missing"), getattr(f, "missing", None))
f.__name__ = "renamed"
f.__qualname__ = "Q.renamed"
f.__doc__ = "new doc"
print(f.__name__, f.__qualname__, f.__doc__, repr(f).split(" at ")[0])
f.__defaults__ = (5,)
print(f.__defaults__)
try:
    f.__name__ = 3
except TypeError as e:
    print("TypeError:", e)
try:
    print(f.nothing)
except AttributeError as e:
    print("AttributeError:", e)
lam = lambda x: x
print(lam.__name__, lam.__qualname__, lam.__doc__)
