# Annotations are evaluated and stored as CPython 3.12 stores them.
"""The module's docstring."""
import math

counter: int = 0
names: list[str]
table: dict[str, int] = {"a": 1}


def area(r: float, *sides: int, unit: str = "m", **extra: "object") -> float:
    """Area of a circle."""
    local: int  # not evaluated, but makes `local` a local name
    total: float = math.pi * r * r
    return total


print(__annotations__)
print(area.__annotations__)
print(area(2.0), area.__doc__, area.__name__, area.__qualname__, area.__module__)
print(area.__defaults__, area.__kwdefaults__)


class Point:
    """A point."""
    x: int
    y: int = 0
    tags: list = []

    def move(self, dx: int) -> "Point":
        self.x: int = dx
        self.tags: list
        return self


print(Point.__annotations__, Point.__doc__, Point.y)
print(Point.move.__annotations__, Point.move.__qualname__)
p = Point().move(3)
print(p.x)


class Empty:
    pass


print(Empty.__annotations__, Empty.__doc__)


def plain():
    pass


print(plain.__annotations__, plain.__doc__, plain.__defaults__)

for i in range(3):
    last: int = i
if counter == 0:
    flag: bool
print(__annotations__)


def evaluated_in_order():
    order = []

    def note(x):
        order.append(x)
        return x

    def f(a: note("a") = note("default"), *, b: note("b"), c=note("c")) -> note("ret"):
        pass
    print(order, f.__annotations__)


evaluated_in_order()

# Annotation targets that are not simple names are not recorded.
data = {}
data["k"]: int = 5
(paren): str = "p"
print(data, paren, "paren" in __annotations__)

try:
    undefined_thing: UndefinedType = 1
except NameError as e:
    print("NameError:", e)


def lazy():
    x: UndefinedInFunction = 5
    return x


print(lazy())
print(..., type(...).__name__, ... is Ellipsis, [1, ...][1])


def stub(): ...


print(stub())
