# Assignment forms: chained, tuple swap, nested and starred unpacking, augmented on names/attributes/subscripts.
a = b = c = 1
print(a, b, c)
a = 2
print(a, b, c)
x = y = []
x.append(1)
print(x, y, x is y)
a, b = 1, 2
a, b = b, a
print(a, b)
a, b, c = "xyz"
print(a, b, c)
(a, b), c = (1, 2), 3
print(a, b, c)
[p, q] = [10, 20]
print(p, q)
(a, (b, (c, d))) = (1, (2, (3, 4)))
print(a, b, c, d)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "hello"
print(init, last)
head, *mid, tail = range(6)
print(head, mid, tail)
one, *empty = [1]
print(one, empty)
a, *b, c = 1, 2
print(a, b, c)
(a, *b), c = "abc", "d"
print(a, b, c)
for i, (k, v) in enumerate([("a", 1), ("b", 2)]):
    print(i, k, v)
for n, *others in [(1, 2, 3), (4,), (5, 6)]:
    print(n, others)
pairs = {"x": 1, "y": 2}
for key, value in pairs.items():
    print(key, value)
fib = [0, 1]
for _ in range(10):
    fib.append(fib[-1] + fib[-2])
print(fib)
a, b = 0, 1
for _ in range(15):
    a, b = b, a + b
print(a, b)
lst = [1, 2, 3]
i = 0
i, lst[i] = 1, 99
print(i, lst)

class Box:
    pass

box = Box()
box.x = 1
box.items = []
box.x += 5
box.x *= 2
box.items += [1]
box.items.append(2)
print(box.x, box.items)
d = {"k": 1, "lst": [1]}
d["k"] += 1
d["k"] **= 3
d["new"] = d.get("new", 0) + 1
d["lst"] += [2, 3]
d["lst"][0] -= 10
print(d)
counts = {}
for ch in "mississippi":
    if ch in counts:
        counts[ch] += 1
    else:
        counts[ch] = 1
print(counts)
m = [[1, 2], [3, 4]]
m[0][1] += 40
m[1][0] *= -1
print(m)
s = "ab"
s += "cd"
s *= 2
print(s)
t = (1, 2)
t2 = t
t += (3,)
print(t, t2, t is t2)
l = [1, 2]
l2 = l
l += [3]
print(l, l2, l is l2)
l = l + [4]
print(l, l2, l is l2)
n = 10
n -= 1
n //= 2
n <<= 3
n %= 7
n |= 8
n ^= 3
n &= 14
print(n)
f = 1.5
f += 1
f /= 2
f **= 2
print(f)
v = w = 0
v += 1
print(v, w)
(x1, y1), (x2, y2) = [(0, 0), (3, 4)]
print(((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5)
a = [0, 0, 0]
a[0] = a[1] = a[2] = "same"
print(a)
