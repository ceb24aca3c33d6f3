# collections.abc and abc: isinstance and issubclass of builtins, registered and derived
# classes through ABCMeta, the mixin methods of MutableSet, MutableMapping, Sequence.
import collections.abc as cabc
from collections.abc import (Iterable, Iterator, Mapping, MutableMapping, Sequence, MutableSequence,
                             Set, MutableSet, Sized, Container, Hashable, Callable, Generator, Reversible,
                             Collection, KeysView, ItemsView, ValuesView)
import collections
def g(): yield 1
vals = [1, 'ab', b'x', [1], (1,), {1: 2}, {1}, frozenset(), range(3), iter([]), g(), len, g, lambda: 0,
        {}.keys(), {}.values(), {}.items(), map(len, []), zip(), enumerate([]), None, 1.5,
        collections.deque(), collections.OrderedDict(), collections.Counter(), collections.defaultdict(int),
        collections.UserDict(), collections.UserList(), int, object()]
abcs = [Iterable, Iterator, Mapping, MutableMapping, Sequence, MutableSequence, Set, MutableSet, Sized,
        Container, Hashable, Callable, Generator, Reversible, Collection]
for v in vals:
    print(type(v).__name__, ''.join('1' if isinstance(v, a) else '.' for a in abcs))
print(issubclass(list, Sequence), issubclass(dict, Mapping), issubclass(str, Iterable), issubclass(int, Iterable))

class Bag(MutableSet):
    def __init__(self, it=()):
        self.items = list(it)
    def __contains__(self, x): return x in self.items
    def __iter__(self): return iter(self.items)
    def __len__(self): return len(self.items)
    def add(self, x):
        if x not in self.items: self.items.append(x)
    def discard(self, x):
        if x in self.items: self.items.remove(x)
b = Bag([1, 2, 3])
print(sorted(b | {4}), sorted(b & {2, 3, 9}), b <= {1, 2, 3, 4}, isinstance(b, Set), len(b))
b -= {1}
print(sorted(b))

class Registry(MutableMapping):
    def __init__(self):
        self._d = {}
    def __getitem__(self, k): return self._d[k]
    def __setitem__(self, k, v): self._d[k] = v
    def __delitem__(self, k): del self._d[k]
    def __iter__(self): return iter(self._d)
    def __len__(self): return len(self._d)
r = Registry()
r['a'] = 1
r.update(b=2, c=3)
print(dict(r), r.get('z', 0), 'a' in r, list(r.keys()), list(r.items()), r.pop('a'), r.setdefault('d', 4), len(r))
print(r == {'b': 2, 'c': 3, 'd': 4}, isinstance(r.keys(), KeysView))

class Seq(Sequence):
    def __init__(self, n): self.n = n
    def __getitem__(self, i):
        if i >= self.n: raise IndexError(i)
        return i * i
    def __len__(self): return self.n
s = Seq(5)
print(list(s), 9 in s, s.index(4), s.count(1), list(reversed(s)))
class Count:
    def __iter__(self): return self
    def __next__(self): raise StopIteration
print(isinstance(Count(), Iterator), isinstance(Count(), Iterable), issubclass(Count, Sized))
class Eq:
    def __eq__(self, o): return True
print(isinstance(Eq(), Hashable), isinstance(object(), Hashable))
try:
    Seq.register(1)
except TypeError as e: print(e)
print(cabc.Sequence, Mapping.__module__, Iterable.__abstractmethods__)
print(list[int], dict[str, int])
import abc as abc_module
from abc import ABC, ABCMeta, abstractmethod
class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @property
    @abstractmethod
    def name(self): ...
class Sq(Shape):
    def area(self): return 4
    @property
    def name(self): return 'sq'
print(Shape.__abstractmethods__ == frozenset({'area', 'name'}), Sq.__abstractmethods__)
print(isinstance(Sq(), Shape), issubclass(Sq, Shape), isinstance(1, Shape))
class Other: pass
Shape.register(Other)
print(isinstance(Other(), Shape), issubclass(Other, Shape), issubclass(int, Shape))
@Shape.register
class Third: pass
print(isinstance(Third(), Shape), Third.__name__)
class Drawable(metaclass=ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Drawable:
            return hasattr(C, 'draw')
        return NotImplemented
class Pic:
    def draw(self): pass
print(isinstance(Pic(), Drawable), isinstance(1, Drawable), issubclass(Pic, Drawable))
try:
    Shape.register(1)
except TypeError as e: print(e)
try:
    issubclass(1, Shape)
except TypeError as e: print(e)
print(type(ABC), type(Shape), abc_module.get_cache_token() >= 2)
print(isinstance(Sq(), (int, Shape)), isinstance(3, (int, Shape)))

# abstract methods are enforced at instantiation, as object.__new__ does
from abc import ABC, abstractmethod
class S(ABC):
    @abstractmethod
    def b(self): ...
    @abstractmethod
    def a(self): ...
class T(S):
    def a(self): ...
class V(T):
    def b(self): return 'ok'
for c in (S, T):
    try: c()
    except TypeError as e: print(e)
print(V().b(), V.__abstractmethods__)
import threading
class Worker(threading.Thread, ABC):
    @abstractmethod
    def work(self): ...
    def run(self): self.work()
class W(Worker):
    def work(self): print('working')
try:
    Worker()
except TypeError as e: print(e)
w = W(); w.start(); w.join()
