# sets: add, discard, remove, union/intersection/difference, | & - ^, issubset, in. Sets are printed directly only
# when all elements are ints in 0..7 (CPython then iterates in ascending order); otherwise via sorted().
s = {3, 1, 2}
s.add(4)
s.add(2)
print(s, len(s), 2 in s, 9 in s, 9 not in s)
s.discard(1)
s.discard(100)
s.remove(4)
print(s)
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b), a.union([7, 0]), a.intersection(range(3)), a.difference((1,)))
print(a.union(b, {0}), a.intersection(b, {4}), a ^ b ^ {1})
print({1, 2}.issubset(a), {1, 9}.issubset(a), a.issubset(a), set().issubset(a), {1, 2} <= a, {1, 2} < a, a < a)
print(a >= {1, 2}, a > {1, 2}, a == {4, 3, 2, 1}, a != b)
c = set()
for x in [5, 3, 5, 1, 3, 7]:
    c.add(x)
print(c, sorted(c), len(c), min(c), max(c), sum(c))
words = ["pear", "apple", "pear", "fig", "apple", "kiwi"]
uniq = set(words)
print(sorted(uniq), len(uniq), "fig" in uniq, "grape" in uniq)
vowels = set("aeiou")
print(sorted(vowels & set("programming")), sorted(set("hello") - vowels), sorted(set("abc") | set("cde")))
seen = set()
dups = []
for w in words:
    if w in seen:
        dups.append(w)
    seen.add(w)
print(dups, sorted(seen))
u = {1, 2}
u |= {3}
u &= {2, 3, 4}
u -= {9}
u ^= {4, 5}
print(u)
t = {3, 1, 2}
t2 = t.copy()
t2.add(0)
print(t, t2, t is t2)
t2.clear()
print(t2, len(t2), bool(t2), bool(t))
evens = {x for x in range(20) if x % 2 == 0}
threes = {x for x in range(20) if x % 3 == 0}
print(sorted(evens & threes), sorted(evens - threes), len(evens | threes))
print({(1, 2), (1, 2), (2, 1)} == {(2, 1), (1, 2)}, len({(1, 2), (1, 2)}), {0, 0.0, False})
empty = set()
print(empty, type(empty).__name__, {} == set(), len(empty | {1}))
try:
    {1}.remove(2)
except KeyError as e:
    print("KeyError", e)
print(sorted({"b", "c", "a"} - {"c"}), sorted({"x"} ^ {"y", "x"}))
print(list({7, 3, 5}), list({6, 0, 4}), sorted({-1, -5, 2}), set([1, 1, 1]))
