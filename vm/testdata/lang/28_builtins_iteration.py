# Iteration/attribute builtins: map, filter, iter, next(default), any, all, id, hash, hasattr, getattr, setattr, object.
print(list(map(lambda s: s.upper(), ["a", "b"])), list(map(lambda x: x * 2, range(4))), list(map(len, ["", "ab", "xyz"])))
print(list(map(lambda a, b: a + b, [1, 2, 3], [10, 20, 30])), list(map(max, [1, 5], [4, 2])))
print(list(filter(lambda x: x % 2, range(10))), list(filter(None, [0, 1, "", "a", None, [], [0]])))
print(list(filter(lambda s: s.isdigit(), ["1", "a", "22", "b3"])), list(filter(lambda s: len(s) > 2, ["ab", "abc", "abcd"])))
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "exhausted"), next(it, None))
sit = iter("ab")
print(next(sit), next(sit), next(sit, "end"))
d = {"x": 1, "y": 2}
dit = iter(d)
print(next(dit), next(dit), next(dit, "no more keys"))
rit = iter(range(100, 103))
print(next(rit), list(rit), list(rit))
m = map(lambda x: x * x, [1, 2, 3])
print(next(m), list(m))
f = filter(lambda x: x > 1, [1, 2, 3])
print(next(f), next(f), next(f, "none"))
z = zip("ab", [1, 2])
print(next(z), list(z))
e = enumerate("xy")
print(next(e), next(e), next(e, "done"))
it2 = iter([5, 6, 7, 8])
for v in it2:
    if v == 6:
        break
print("rest:", list(it2))
try:
    next(iter([]))
except StopIteration:
    print("StopIteration from empty iterator")
print(any([]), all([]), any([0, "", None]), any([0, 1]), all([1, "a", [0]]), all([1, 0]), any("abc"), all(""))
print(any(map(lambda x: x > 2, [1, 2, 3])), all(map(lambda s: s.isalpha(), ["ab", "c"])))
a = [1, 2]
b = a
c = [1, 2]
print(id(a) == id(b), id(a) == id(c), id(None) == id(None), id(a) != id(c))
print(hash(1) == 1, hash(0) == 0, hash("abc") == hash("ab" + "c"), hash((1, 2)) == hash((1, 2)), hash(1) == hash(1.0), hash(True) == hash(1))

class Obj:
    cls_attr = "class level"

    def __init__(self):
        self.inst = "instance level"

    def method(self):
        return "method result"

o = Obj()
print(hasattr(o, "inst"), hasattr(o, "cls_attr"), hasattr(o, "method"), hasattr(o, "missing"), hasattr([], "append"), hasattr(1, "zz"))
print(getattr(o, "inst"), getattr(o, "cls_attr"), getattr(o, "method")(), getattr(o, "missing", "fallback"), getattr(o, "nope", None))
setattr(o, "dynamic", 123)
setattr(o, "inst", "changed")
print(o.dynamic, o.inst, getattr(o, "dyn" + "amic"))
for name in ["alpha", "beta"]:
    setattr(o, name, len(name))
print(o.alpha, o.beta, [getattr(o, n) for n in ["alpha", "beta", "dynamic"]])
print(getattr("text", "upper")(), getattr([3, 1, 2], "count")(1), getattr(Obj, "cls_attr"))
base = object()
print(type(base).__name__, isinstance(base, object), base == base, base == object(), base is base)
print(hash("x") == hash("x"), hash(2 ** 70) == hash(2 ** 70))
pairs = list(zip(range(3), map(lambda n: n * n, range(3))))
print(pairs, dict(pairs), list(map(lambda p: p[0] + p[1], pairs)))
print(list(map(str, filter(lambda n: n % 3 == 0, range(15)))))
print(sum(map(int, "12345")), max(map(len, "a bb ccc".split())), sorted(map(abs, [-3, 1, -2])))
words = ["apple", "Banana", "cherry", "date"]
print(list(filter(lambda w: w[0].isupper(), words)), list(map(lambda w: w[:3], words)))
print(list(iter([9, 8])), list(iter("xy")), list(iter(range(2))), list(iter({"q": 1})))
