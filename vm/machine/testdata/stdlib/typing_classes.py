# typing: NamedTuple classes, Generic and Protocol subclasses, get_type_hints; sys.modules.
from typing import NamedTuple, Generic, TypeVar, Protocol, get_type_hints, Optional, List

class Point(NamedTuple):
    x: int
    y: int = 0
    label: str = "p"
    def norm(self):
        return abs(self.x) + abs(self.y)

p = Point(3, -4)
print(p, p.norm(), p._replace(x=1), p._asdict(), Point._fields, Point._field_defaults)
a, b, c = p
print(a, b, c, p[0], len(p), p == Point(3, -4), Point._make([1, 2, "q"]))
print(Point.__annotations__, type(p._replace(y=2)).__name__)
T = TypeVar("T")
class Stack(Generic[T]):
    def __init__(self):
        self.items: List[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
s = Stack[int]()
s.push(1)
print(Stack[int], s.items, type(s).__name__)
class Greeter(Protocol):
    def greet(self) -> str: ...
class Node:
    value: int
    next: Optional["Node"] = None
def f(x: "int", y: Optional[int] = None) -> "Node": pass
print(get_type_hints(f), get_type_hints(Node))
try:
    class Bad(NamedTuple):
        x: int = 1
        y: int
except TypeError as e:
    print(e)
import sys
print("typing" in sys.modules, sys.modules["__main__"].__name__)
