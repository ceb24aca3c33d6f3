# typing: the names programs import and their subscriptions, printed as CPython
# prints them; Generic and Protocol as bases; NamedTuple and TypedDict (functional
# forms: the language has no annotations yet); a typed worker pool.
import threading
import typing
from queue import Queue
from typing import (TYPE_CHECKING, Annotated, Any, Callable, ClassVar, Dict, Final, FrozenSet,
                    Generator, Generic, Iterable, Iterator, List, Literal, Mapping, NamedTuple,
                    NewType, Optional, Protocol, Sequence, Set, Tuple, Type, TypedDict, TypeVar,
                    Union, cast, get_args, get_origin)

T = TypeVar("T")
K = TypeVar("K", bound=int)
S = TypeVar("S", int, str, covariant=True)
print(T, K, S, T.__name__, K.__bound__, S.__constraints__)
print(Optional[int], Union[int, str], Union[int, None], Union[int, str, None])
print(Optional[Union[int, str]], Union[int], Union[int, Union[str, float]], Union[int, int])
print(List[int], Dict[str, List[int]], Tuple[int, str], Tuple[()], Set[str], FrozenSet[int])
print(Callable[[int, str], bool], Callable[[], None], Iterator[int], Generator[int, None, None])
print(Iterable[str], Sequence[int], Mapping[str, int], Type[int], ClassVar[int], Final[int])
print(Literal["a", 1], Annotated[int, "meta"], List[Optional[Dict[str, Any]]])
print(Any, List, Optional, Union, Callable, ClassVar, typing.NoReturn)
print(typing.Deque[int], typing.DefaultDict[str, int], typing.Counter[str], typing.Text, typing.AnyStr)
print(List[T], Dict[K, T], List[T][int], typing.Hashable, typing.Sized)
print(Optional[int] == Optional[int], Union[int, str] == Union[str, int], List[int] == List[str])
print(get_origin(List[int]), get_args(Dict[str, int]), get_origin(Optional[int]), get_args(Optional[int]))
print(get_origin(int), get_args(int), cast(int, "not checked"), cast(List[int], None), TYPE_CHECKING)
print(typing.Deque[int]([1, 2]), typing.DefaultDict[str, int](int))
for alias in (List[int], Dict, Tuple[int]):
    try:
        alias()
    except TypeError as e:
        print("TypeError:", e)
try:
    Optional[int, str]
except TypeError as e:
    print("TypeError:", e)
try:
    Union[()]
except TypeError as e:
    print("TypeError:", e)

UserId = NewType("UserId", int)
print(UserId, UserId(42), UserId(5) + 1)
Point = NamedTuple("Point", [("x", int), ("y", int)])
p = Point(1, 2)
print(p, p.x + p.y, Point._fields)
Movie = TypedDict("Movie", {"name": str, "year": int})
print(Movie(name="Blade Runner", year=1982))


class Stack(Generic[T]):
    def __init__(self):
        self.items = []

    def push(self, item):
        self.items.append(item)

    def pop(self):
        return self.items.pop()


class Greeter(Protocol):
    def greet(self):
        pass


s = Stack()
s.push(1)
s.push(2)
print(Stack.__name__, s.pop(), isinstance(s, Stack))
print(Greeter.__name__)

# A typed worker pool: the aliases document what flows through the queue.
Job = Tuple[int, str]
Result = Dict[int, Optional[str]]
jobs = Queue()
results = {}
lock = threading.Lock()


def worker(handle):
    while True:
        job = jobs.get()
        if job is None:
            break
        n, text = job
        with lock:
            results[n] = handle(text)


def shout(text):
    return text.upper() if text else None


workers = [threading.Thread(target=worker, args=(shout,)) for _ in range(3)]
for w in workers:
    w.start()
for job in [(1, "a"), (2, ""), (3, "gil"), (4, "scope")]:
    jobs.put(job)
for _ in workers:
    jobs.put(None)
for w in workers:
    w.join()
print(Job, Result, sorted(results.items()))
