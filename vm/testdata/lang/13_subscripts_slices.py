# Subscripts and slices: negative indices, steps, slice assignment, del of items/slices, strings/tuples.
a = list(range(10))
print(a[0], a[-1], a[3], a[-4])
print(a[2:5], a[:3], a[7:], a[-3:], a[:-7], a[:], a[::2], a[1::3], a[::-1], a[8:2:-2], a[-1:-4:-1])
print(a[5:2], a[20:], a[-20:2], a[3:3], a[::-3], a[2:8:10], a[9::-4])
b = a[:]
b[0] = 100
print(a[0], b[0], a is b, a == list(range(10)))
a[1:3] = [9]
print(a)
a[0:0] = [-2, -1]
print(a)
a[-2:] = []
print(a)
a[2:4] = "xy"
print(a)
a[::2] = [0] * len(a[::2])
print(a)
a[:] = [1, 2, 3]
print(a)
a[len(a):] = [4, 5]
print(a)
del a[0]
print(a)
del a[-1]
print(a)
del a[1:2]
print(a)
c = list(range(12))
del c[::3]
print(c)
del c[:]
print(c, len(c))
d = {"x": 1, "y": 2, "z": 3}
del d["y"]
print(d)
d["w"] = 0
d["x"] = 11
print(d, d["z"])
s = "abcdefghij"
print(s[1], s[-2], s[2:6], s[::3], s[::-2], s[-4:-1], s[:0] == "")
t = (10, 20, 30, 40, 50)
print(t[1], t[-1], t[1:4], t[::-1], t[::2], type(t[1:3]).__name__)
r = range(0, 20, 3)
print(r[2], r[-1], list(r[1:4]), len(r), list(r[::-1]))
m = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(m[1][2], m[-1][-1], m[0][:2], [row[1] for row in m])
m[2][0] = 70
m[0][1:3] = [20, 30, 35]
print(m)
idx = 2
print(a[idx - 2] if a else None, [5, 6, 7][idx], "xyz"[idx - 1])
nested = {"list": [1, [2, 3]], "t": (4, {"k": "v"})}
print(nested["list"][1][0], nested["t"][1]["k"])
nested["list"][1][1] = 33
print(nested)
word = "racecar"
print(word == word[::-1], "python"[::-1], "python"[1:-1])
lst = [3, 1, 2]
lst[lst[1]] = 99
print(lst)
n = [0, 1, 2, 3, 4, 5]
n[1], n[4] = n[4], n[1]
print(n)
n[-1] += 10
n[0] -= 1
print(n)
grid = [[0] * 4 for _ in range(3)]
for i in range(3):
    for j in range(4):
        grid[i][j] = i * 4 + j
print(grid, grid[2][3], grid[-1][::-1])
