# PEP 585 generics, PEP 604 unions and postponed annotations.
from __future__ import annotations

import collections
import queue
import types
from concurrent.futures import Future
from typing import Optional, Dict, List


def worker(q: queue.Queue[int], results: dict[str, list[int]], limit: int | None = None) -> None:
    pass


class Job:
    id: int
    tags: list[str] = []
    parent: Optional[Job] = None


print(worker.__annotations__)
print(Job.__annotations__)
x: int = 0
print(__annotations__)
print(list[int], dict[str, list[int]], tuple[int, ...], tuple[()], type[int])
print(queue.Queue[int], collections.deque[str], collections.defaultdict[str, int], queue.PriorityQueue[int])
alias = list[int]
print(alias.__origin__, alias.__args__, alias([1, 2]), type(alias) is types.GenericAlias)
u = int | str | None
print(u, u.__args__, type(u) is types.UnionType, int | int)
print(isinstance(3, int | None), isinstance(None, int | None), isinstance("x", int | float))
print(list[int] == list[int], list[int] == list[str], {list[int]: 1}[list[int]])
print((1, int) == (1, str), (1, int) == (1, int), [int, str] == [int, str])
print(pow(2, 10, None), pow(3, 4, 5))
print(Dict[str, List[int]], Optional[int])
for bad in (lambda: isinstance([], list[int]), lambda: int[0]):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)


class Registry:
    def __class_getitem__(cls, item):
        return f"{cls.__name__} of {item.__name__}"


print(Registry[int], types.GenericAlias(dict, (str, int)))
q: queue.Queue[int] = queue.Queue()
q.put(1)
print(q.get(), type(Future[int]).__name__)
