# dataclasses: the decorator with and without arguments, field(), __post_init__,
# InitVar, ClassVar, KW_ONLY, inheritance, the module's functions and CPython's errors.
import copy
import dataclasses
import json
from dataclasses import (KW_ONLY, MISSING, FrozenInstanceError, InitVar, asdict, astuple,
                         dataclass, field, fields, is_dataclass, make_dataclass, replace)
from typing import ClassVar, Dict, List, Optional


@dataclass
class Point:
    x: int
    y: int = 0


p = Point(1, 2)
print(p, p == Point(1, 2), p != Point(2, 1), p == (1, 2))
print(Point.__doc__, Point.__match_args__)
print([(f.name, f.type, f.default is MISSING, f.init, f.repr, f.compare, f.hash, f.kw_only) for f in fields(p)])
print(asdict(p), astuple(p), replace(p, y=5), p)
print(is_dataclass(p), is_dataclass(Point), is_dataclass(1), dataclasses.is_dataclass(int))
print(Point.__init__.__qualname__, Point.__repr__.__name__, Point.__eq__.__qualname__)


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    tags: tuple = ()


v = Version(1, 2)
print(v < Version(1, 3), v >= Version(1, 2), sorted([Version(2), Version(1, 5), Version(1)]))
try:
    v.major = 3
except FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
try:
    del v.minor
except FrozenInstanceError as e:
    print(repr(e))
print(hash(v) == hash(Version(1, 2)), {v: 'a'}[Version(1, 2)])
try:
    Version(1) < 2
except TypeError as e:
    print(e)


@dataclass
class Inventory:
    name: str
    items: List[str] = field(default_factory=list)
    count: ClassVar[int] = 0
    secret: str = field(default='s', repr=False, compare=False)
    scale: InitVar[int] = 1
    total: int = field(init=False, default=0)
    meta: dict = field(default_factory=dict, metadata={'unit': 'kg'})

    def __post_init__(self, scale):
        self.total = len(self.items) * scale
        Inventory.count += 1


a = Inventory('a', ['x', 'y'], scale=3)
b = Inventory('b')
b.items.append('z')
print(a, b, Inventory.count, a.total, Inventory('a', ['x', 'y'], 'other', 3) == a)
print(Inventory.__doc__)
print([f.name for f in fields(Inventory)], fields(Inventory)[-1].metadata['unit'], fields(Inventory)[-1].metadata)
print('scale' in Inventory.__dataclass_fields__, Inventory.__dataclass_fields__['count']._field_type)

for args in [(), (1, 2, 3)]:
    try:
        Point(*args)
    except TypeError as e:
        print(e)
try:
    Point(1, z=2)
except TypeError as e:
    print(e)
try:
    @dataclass
    class Bad:
        x: list = []
except ValueError as e:
    print(e)
try:
    @dataclass
    class Bad2:
        x: int = 0
        y: int
except TypeError as e:
    print(e)
try:
    @dataclass(order=True, eq=False)
    class Bad3:
        a: int
except ValueError as e:
    print(e)
try:
    @dataclass
    class Bad4:
        a: ClassVar[list] = field(default_factory=list)
except TypeError as e:
    print(e)
for bad in [1, Point]:
    try:
        print(asdict(bad))
    except TypeError as e:
        print(e)
try:
    fields(1)
except TypeError as e:
    print(e)


@dataclass(kw_only=True)
class Options:
    verbose: bool
    level: int = 2


print(Options(verbose=True), Options.__doc__)
try:
    Options(True)
except TypeError as e:
    print(e)


@dataclass
class Query:
    text: str
    _: KW_ONLY
    limit: int = 10
    offset: int = field(default=0, kw_only=True)


print(Query('q', offset=5), Query.__match_args__, Query.__doc__)


@dataclass
class Base:
    x: int = 1
    y: str = 'base'


@dataclass
class Derived(Base):
    z: float = 0.5
    x: int = 5


print(Derived(), Derived(2, 'd', 1.5), [f.name for f in fields(Derived)], isinstance(Derived(), Base))
try:
    @dataclass(frozen=True)
    class FrozenChild(Base):
        pass
except TypeError as e:
    print(e)


@dataclass(frozen=True)
class Frozen:
    a: int

    def __post_init__(self):
        object.__setattr__(self, 'double', self.a * 2)


f = Frozen(4)
print(f, f.double, replace(f, a=1).double)
try:
    replace(f, b=3)
except TypeError as e:
    print(e)


@dataclass
class WithInitFalse:
    a: int
    b: int = field(init=False, default=9)


try:
    replace(WithInitFalse(1), b=3)
except ValueError as e:
    print(e)
print(replace(WithInitFalse(1), a=4))


@dataclass(eq=False)
class Identity:
    a: int


i = Identity(1)
print(i == Identity(1), i == i, hash(i) == hash(i))


@dataclass(repr=False, unsafe_hash=True)
class Hashed:
    a: int
    b: list = field(default_factory=list, hash=False)


print(repr(Hashed(1)).startswith('<__main__.Hashed object at'), hash(Hashed(1)) == hash((1,)))


@dataclass
class Unhashable:
    a: int


try:
    hash(Unhashable(1))
except TypeError as e:
    print(e)


@dataclass
class Tree:
    name: str
    children: list = field(default_factory=list)
    parent: 'Optional[Tree]' = field(default=None, repr=False, compare=False)


root = Tree('root', [Tree('a'), Tree('b', [Tree('c')])])
print(root)
print(asdict(root))
print(json.dumps(asdict(root), sort_keys=True))
print(astuple(root))
print(copy.copy(Tree('z')), copy.deepcopy(root) == root, copy.deepcopy(root) is root)
loop = Tree('loop')
loop.children.append(loop)
print(loop)


@dataclass
class Typed:
    a: Optional[int] = None
    b: List[Dict[str, int]] = field(default_factory=list)
    c: 'int' = 0
    d: list[int] = field(default_factory=list)
    e: Point = field(default_factory=lambda: Point(0))


print(Typed.__doc__)
print(Typed(), Typed(1, [{'a': 1}]) == Typed(1, [{'a': 1}]))
P3 = make_dataclass('P3', [('x', int), 'z', ('y', int, field(default=2))],
                    namespace={'norm': lambda self: self.x + self.y}, order=True)
print(P3(1, z=0), P3(1, z=0).norm(), P3.__name__, P3.__module__, P3(1, 0, 1) < P3(1, 0, 2))
try:
    make_dataclass('Bad', ['class'])
except TypeError as e:
    print(e)


@dataclass(slots=True)
class Slotted:
    a: int
    b: str = 'b'


print(Slotted(1), Slotted.__slots__)


@dataclass
class SelfField:
    self: int
    other: int = 0


print(SelfField(3), SelfField(self=1, other=2))
print(Frozen.__dataclass_params__)
print(dataclasses.field(default=1, kw_only=True).kw_only)
