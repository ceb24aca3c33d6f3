# match statements over the collections module's mappings and sequences, which CPython
# flags as mappings and sequences (its own types or through collections.abc).
# Library mappings and sequences match as in CPython.
from collections import OrderedDict, defaultdict, Counter, deque
for obj in [OrderedDict(a=1), defaultdict(int, a=2), Counter("aab"), deque([1, 2, 3]), range(3), b"ab", bytearray(b"x") if False else "s"]:
    match obj:
        case {"a": v}:
            print(type(obj).__name__, "mapping with a =", v)
        case [first, *rest]:
            print(type(obj).__name__, "sequence", first, rest)
        case _:
            print(type(obj).__name__, "neither")

