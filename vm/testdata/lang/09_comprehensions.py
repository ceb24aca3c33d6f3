# List/dict/set comprehensions: filters, nested for/if, nested comprehensions, closures over loop vars.
print([x * x for x in range(10)])
print([x for x in range(20) if x % 3 == 0])
print([x if x % 2 else -x for x in range(8)])
print([(x, y) for x in range(3) for y in range(3) if x != y])
print([(x, y) for x in range(4) if x % 2 == 0 for y in "ab"])
print([[x * y for y in range(1, 4)] for x in range(1, 4)])
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[i] for row in matrix for i in range(len(row)) if i == 1])
print([[row[i] for row in matrix] for i in range(3)])
print([n for row in matrix for n in row if n % 2 == 1])
print({x: x ** 2 for x in range(6)})
print({k: v for k, v in [("a", 1), ("b", 2), ("c", 3)] if v != 2})
print({v: k for k, v in {"x": 1, "y": 2}.items()})
print({x % 5 for x in range(20)})
print(sorted({w.lower() for w in ["Apple", "apple", "BANANA", "banana", "Cherry"]}))
words = ["the", "quick", "brown", "fox", "jumps", "over", "the", "lazy", "dog"]
print([w.upper() for w in words if len(w) > 3])
print({w: len(w) for w in words})
print(sorted({len(w) for w in words}))
print([len(w) for w in words])
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print({w: c for w, c in counts.items() if c > 1})
print([c for c in "hello world" if c not in "aeiou "])
print(["".join([c.upper() if i % 2 == 0 else c for i, c in enumerate(w)]) for w in words[:4]])
pairs = [(a, b, c) for a in range(1, 21) for b in range(a, 21) for c in range(b, 21) if a * a + b * b == c * c]
print(pairs)
print([i for i in range(10)][::-1])
flat = [x for sub in [[1], [2, 3], [], [4, 5, 6]] for x in sub]
print(flat)
funcs = [lambda v, i=i: v + i for i in range(3)]
print([f(10) for f in funcs])
late = [lambda v: v + i for i in range(3)]
print([f(10) for f in late])
n = 5
print([n * k for k in range(n)])
k = "outer"
print([k for k in range(3)], k)
print([[0 for _ in range(3)] for _ in range(2)])
print({(x, y): x * y for x in range(3) for y in range(2)})
print([s for s in [str(i) for i in range(12)] if "1" in s])
primes = [p for p in range(2, 60) if all(p % q != 0 for q in range(2, p))]
print(primes)
print(dict([(i, chr(65 + i)) for i in range(5)]))
print(list(zip(*[[1, 2, 3], [4, 5, 6]])))
