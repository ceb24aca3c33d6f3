# list methods: append, extend, insert, pop, remove, index, count, sort(key, reverse), reverse, copy, clear.
a = [3, 1, 2]
a.append(4)
print(a)
a.extend([5, 6])
a.extend((7,))
a.extend("ab")
a.extend(range(2))
print(a)
a.insert(0, "first")
a.insert(3, "mid")
a.insert(100, "end")
a.insert(-1, "before-end")
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a.pop(2))
print(a)
a.remove("a")
a.remove(0)
print(a, a.index(4), a.index(5), a.count(1), a.count("zz"))
b = [5, 2, 9, 1, 5, 6]
b.sort()
print(b)
b.sort(reverse=True)
print(b)
words = ["banana", "Apple", "cherry", "date", "Elder"]
words.sort()
print(words)
words.sort(key=lambda w: w.lower())
print(words)
words.sort(key=len)
print(words)
words.sort(key=len, reverse=True)
print(words)
pairs = [(1, "b"), (0, "z"), (1, "a"), (0, "a")]
pairs.sort()
print(pairs)
pairs.sort(key=lambda p: p[1])
print(pairs)
recs = [{"n": "x", "v": 3}, {"n": "y", "v": 1}, {"n": "z", "v": 3}, {"n": "w", "v": 2}]
recs.sort(key=lambda r: r["v"])
print([r["n"] for r in recs])
recs.sort(key=lambda r: -r["v"])
print([r["n"] for r in recs])
c = [1, 2, 3, 4]
c.reverse()
print(c)
d = c.copy()
d.append(99)
print(c, d, c is d, c == d[:-1])
e = c
e.clear()
print(c, e, len(c))
print([].copy(), [1].copy() == [1])
nested = [[1], [2]]
shallow = nested.copy()
shallow[0].append("shared")
shallow.append([3])
print(nested, shallow)
print(b.sort(), b.append(0), b.reverse(), b.extend([]), b.insert(0, 0), b.clear(), b)
stack = []
for i in range(5):
    stack.append(i * i)
out = []
while stack:
    out.append(stack.pop())
print(out)
queue = ["a", "b", "c"]
queue.append("d")
print(queue.pop(0), queue.pop(0), queue)
lst = [1, 2, 3, 2, 1, 2]
while 2 in lst:
    lst.remove(2)
print(lst)
nums = [5, 3, 8, 1, 9, 2]
print(sorted(nums), nums, nums.index(max(nums)), nums.index(min(nums)))
nums.sort(key=lambda x: x % 3)
print(nums)
m = [[3, "c"], [1, "a"], [2, "b"]]
m.sort(key=lambda r: r[0], reverse=True)
print(m)
x = [0] * 3
x += [1]
x.extend(x)
print(x, x.count(0), x.index(1), x.index(1, 4))
letters = list("python")
letters.sort()
print(letters, "".join(letters))
letters.sort(reverse=True)
print("".join(letters))
mixed = [3, 1.5, -2, 0, 2.25, True]
mixed.sort()
print(mixed)
strs = ["b10", "a2", "b2", "a10"]
strs.sort()
print(strs)
strs.sort(key=lambda s: (s[0], int(s[1:])))
print(strs)
