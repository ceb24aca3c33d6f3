# enum: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique; members by value and name,
# iteration, identity, repr/str/format as 3.12 prints them, and members shared by threads.
import threading
from enum import Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3


print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value, type(Color.RED))
print(Color(1), Color["GREEN"], Color(1) is Color.RED, Color.RED == 1, Color.RED == Color.RED)
print(list(Color), len(Color), [c.name for c in Color], Color, repr(Color))
print(Color.RED in Color, isinstance(Color.RED, Color), type(Color).__name__, f"{Color.BLUE}", f"{Color.BLUE!r}")
print(Color.__members__, list(Color.__members__), hash(Color.RED) == hash(Color.RED))
print({Color.RED: "r"}[Color.RED], sorted(Color, key=lambda c: c.value, reverse=True))
for bad in (lambda: Color(7), lambda: Color["PINK"]):
    try:
        bad()
    except (ValueError, KeyError) as e:
        print(type(e).__name__, e)
try:
    Color.RED = 5
except AttributeError as e:
    print("AttributeError", e)


class Status(Enum):
    PENDING = auto()
    RUNNING = auto()
    DONE = auto()
    ALIAS = 1

    def describe(self):
        return f"{self.name.lower()}={self.value}"

    @property
    def finished(self):
        return self is Status.DONE

    @classmethod
    def first(cls):
        return next(iter(cls))


print(list(Status), Status.ALIAS, Status.ALIAS is Status.PENDING, Status.DONE.describe(), Status.DONE.finished, Status.first())
print(Status.PENDING.value, Status(2).name, [s.value for s in Status])


class Prio(IntEnum):
    LOW = 1
    HIGH = 10


print(Prio.LOW, repr(Prio.HIGH), Prio.LOW < Prio.HIGH, Prio.HIGH == 10, Prio.LOW + 1, sorted([Prio.HIGH, Prio.LOW]))
print(f"{Prio.HIGH}", f"{Prio.HIGH:>4}", str(Prio.LOW), int(Prio.HIGH), [0, 1, 2][Prio.LOW], isinstance(Prio.LOW, int))


class Mode(StrEnum):
    READ = auto()
    WRITE = "w"


print(Mode.READ, repr(Mode.READ), Mode.WRITE == "w", Mode.READ.upper(), f"{Mode.WRITE}", "-".join([Mode.READ, Mode.WRITE]))


class Perm(Flag):
    R = 4
    W = 2
    X = 1


rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.R in rw, Perm.X in rw, list(rw), bool(Perm.R & Perm.X), repr(Perm.R & Perm.X), rw.value)
print(repr(~Perm.R), Perm(6) is rw, Perm(7), len(rw))


class Opt(IntFlag):
    A = auto()
    B = auto()
    C = auto()


print(Opt.A | Opt.C, repr(Opt.A | Opt.C), Opt.C.value, Opt.B | 8, repr(Opt(0)), Opt.A == 1)


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def gravity(self):
        return round(6.673e-11 * self.mass / (self.radius * self.radius), 2)


print(Planet.EARTH.value, Planet.EARTH.mass, Planet.EARTH.gravity, Planet((3.303e+23, 2.4397e6)))

try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print("ValueError", e)

Animal = Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.BEE.value, repr(Animal.CAT))
Shape = Enum("Shape", [("SQUARE", 4), ("TRIANGLE", 3)])
print(Shape(3), Shape.SQUARE.value)


class Lookup(Enum):
    A = "a"

    @classmethod
    def _missing_(cls, value):
        return cls.A


print(Lookup("zzz"), Lookup.A.value)

counts = {c: 0 for c in Color}
lock = threading.Lock()


def work(color):
    for _ in range(100):
        with lock:
            counts[color] += 1


threads = [threading.Thread(target=work, args=(c,)) for c in Color]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counts)
match Color.GREEN:
    case Color.RED:
        print("red")
    case Color.GREEN:
        print("green")


class Level(str, Enum):
    INFO = "info"
    WARN = "warn"


print(Level.INFO, repr(Level.WARN), Level.INFO == "info", f"{Level.WARN}", Level("warn"), Level.INFO.upper())
print(Color.RED.__class__, Level.__mro__[1:3], [m for m in reversed(Color)] if hasattr(Color, "__reversed__") else "")

from abc import ABC, ABCMeta, abstractmethod


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...


class Square(Shape):
    def area(self):
        return 4


print(type(Shape), type(Square).__name__, Square().area(), isinstance(Square(), Shape))
