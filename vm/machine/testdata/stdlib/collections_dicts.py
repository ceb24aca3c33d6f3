# defaultdict, Counter and OrderedDict are dicts: isinstance, dict(), json, **, and
# they cross to a worker process as themselves.
import copy
import json
import multiprocessing as mp
from collections import Counter, OrderedDict, defaultdict


def count_words(text):
    c = Counter(text.split())
    d = defaultdict(list)
    for w in text.split():
        d[len(w)].append(w)
    return c, d


if __name__ == "__main__":
    c = Counter("abracadabra")
    d = defaultdict(int, x=1)
    d["y"] += 2
    o = OrderedDict(a=1, b=2)
    for m in (c, d, o):
        print(type(m).__name__, isinstance(m, dict), dict(m), json.dumps(m, sort_keys=True), len(m))
    print(c, c["zz"], c.most_common(2), c.total(), sorted(c.elements())[:4])
    print(c == Counter(dict(c)), Counter(a=1) == {"a": 1}, Counter(a=1, b=0) == Counter(a=1), c != Counter())
    print(Counter(a=3, b=1) + Counter(a=1, b=2), Counter(a=3, b=1) - Counter(a=1, b=2), -Counter(a=-2), +Counter(a=2, b=-1))
    print(d, d.default_factory, {**d}, d | {"z": 0}, type(d | {"z": 0}).__name__, copy.copy(d))
    o.move_to_end("a")
    print(o, list(o), o == OrderedDict(b=2, a=1), o != OrderedDict(a=1, b=2), o == {"a": 1, "b": 2}, o.popitem(last=False))
    print(list(reversed(OrderedDict(x=1, y=2))), list(reversed({"p": 1, "q": 2})), type(copy.copy(o)).__name__, type(o.copy()).__name__)
    with mp.Pool(2) as pool:
        (wc, by_len), = pool.map(count_words, ["the cat and the hat"])
    print(type(wc).__name__, wc, type(by_len).__name__, dict(by_len), by_len[99])
