# dict methods: get, keys, values, items, pop, setdefault, update, copy, clear, popitem, in, insertion order.
d = {"b": 2, "a": 1, "c": 3}
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.get("a"), d.get("z"), d.get("z", 0), d["b"], "a" in d, "z" in d, "z" not in d, 1 in d)
d["d"] = 4
d["a"] = 100
print(d)
print(d.pop("b"), d.pop("zz", "default"), d)
print(d.setdefault("a", -1), d.setdefault("e", 5), d.setdefault("f", 6), d)
d.update({"a": 0, "g": 7})
d.update(h=8)
d.update([("i", 9)])
print(d)
print(d.popitem(), d.popitem(), d)
c = d.copy()
c["new"] = True
print(len(d), len(c), "new" in d, "new" in c)
c.clear()
print(c, len(c), bool(c))
for k in d:
    print(k, d[k], end="; ")
print()
for k, v in d.items():
    print(k + "=" + str(v), end=" ")
print()
print(sum(d.values()), max(d, key=lambda k: d[k]), sorted(d.items(), key=lambda kv: kv[1]))
keys = d.keys()
d["late"] = 42
print(list(keys), len(keys), "late" in keys)
order = {}
for w in ["zeta", "alpha", "mid", "alpha", "zeta", "omega"]:
    order[w] = order.get(w, 0) + 1
print(order, list(order))
del order["alpha"]
order["alpha"] = 9
print(order)
groups = {}
for word in ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]:
    groups.setdefault(word[0], []).append(word)
print(groups)
inverse = {}
for k, v in {"a": 1, "b": 2, "c": 1}.items():
    inverse.setdefault(v, []).append(k)
print(inverse)
nested = {"outer": {"inner": {"leaf": 1}}}
nested["outer"]["inner"]["leaf"] += 1
nested["outer"]["new"] = {}
print(nested, nested["outer"]["inner"].get("leaf"), nested.get("missing", {}).get("x", "deep default"))
m = dict(x=1, y=2)
m2 = dict(m, z=3)
print(m, m2, m == {"y": 2, "x": 1}, m != m2)
print({k: 0 for k in ["a", "b"]}, dict([(k, None) for k in "xy"]))
print({1: "int", "1": "str", (1,): "tuple", None: "none", 2.5: "float", True: "bool-overrides-1"})
items = list({"one": 1, "two": 2}.items())
print(items, items[0][0], [k for k, v in items if v > 1])
counts = {}
for ch in "abracadabra":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, sorted(counts, key=lambda k: (-counts[k], k)))
print(list(reversed(list(counts))), max(counts.values()), [k for k in counts if counts[k] == 1])
e = {}
print(e.get(0), e.pop(0, None), len(e), list(e.items()))
while counts:
    k, v = counts.popitem()
    print(k, v, end=" ")
print()
snapshot = {"k": [1, 2]}
cp = snapshot.copy()
cp["k"].append(3)
cp["j"] = 0
print(snapshot, cp)
print({k: v for k, v in sorted({"b": 1, "a": 2}.items())})
