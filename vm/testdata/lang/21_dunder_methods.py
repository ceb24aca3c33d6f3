# Special methods: __str__, __repr__, __eq__, __len__, __contains__, __getitem__, __setitem__, __add__, __call__.
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return "Vec(%r, %r)" % (self.x, self.y)

    def __str__(self):
        return "<" + str(self.x) + ", " + str(self.y) + ">"

    def __eq__(self, other):
        return isinstance(other, Vec) and self.x == other.x and self.y == other.y

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def __len__(self):
        return 2

v = Vec(1, 2)
w = Vec(3, 4)
print(v, w, v + w, repr(v), str(w), [v, w], (v,), {"k": v})
print(f"{v} {v!r}", "%s %r" % (v, v), "{} {!r}".format(v, v))
print(v == Vec(1, 2), v == w, v != Vec(1, 2), v != w, v == "Vec", len(v))
print(v + w + Vec(10, 10), Vec(0.5, -1) + Vec(0.25, 1))
print(v in [Vec(0, 0), Vec(1, 2)], w in [v], [v, w].index(Vec(3, 4)), [v, v, w].count(Vec(1, 2)))

class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"

o = OnlyRepr()
print(o, str(o), repr(o), [o])

class OnlyStr:
    def __str__(self):
        return "only-str"

print(OnlyStr(), str(OnlyStr()))

class Grid:
    def __init__(self, w, h):
        self.w = w
        self.h = h
        self.cells = {}

    def __getitem__(self, pos):
        return self.cells.get(pos, ".")

    def __setitem__(self, pos, value):
        self.cells[pos] = value

    def __contains__(self, pos):
        return pos in self.cells

    def __len__(self):
        return len(self.cells)

    def __str__(self):
        rows = []
        for y in range(self.h):
            rows.append("".join(self[(x, y)] for x in range(self.w)))
        return "\n".join(rows)

g = Grid(5, 3)
g[(0, 0)] = "#"
g[(4, 2)] = "@"
g[2, 1] = "*"
print(g)
print(len(g), (0, 0) in g, (1, 1) in g, (1, 1) not in g, g[(4, 2)], g[3, 3])

class Seq:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        if i < 0:
            i += self.n
        if i < 0 or i >= self.n:
            raise IndexError("Seq index out of range")
        return i * i

sq = Seq(5)
print(len(sq), sq[0], sq[4], sq[-1], bool(sq), bool(Seq(0)))

class Multiplier:
    def __init__(self, k):
        self.k = k
        self.calls = 0

    def __call__(self, x, extra=0):
        self.calls += 1
        return x * self.k + extra

triple = Multiplier(3)
print(triple(4), triple(5, extra=1), triple.calls, list(map(triple, [1, 2, 3])), triple.calls)

class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        if isinstance(other, int):
            return Money(self.cents + other)
        return Money(self.cents + other.cents)

    def __eq__(self, other):
        return self.cents == other.cents

    def __repr__(self):
        return "Money(%d.%02d)" % (self.cents // 100, self.cents % 100)

total = Money(0)
for c in [199, 250, 1]:
    total = total + Money(c)
print(total, total + 50, total == Money(450), Money(5) == Money(6))
total += Money(1000)
print(total)

class Bag:
    def __init__(self, *items):
        self.items = list(items)

    def __contains__(self, item):
        return item in self.items

    def __len__(self):
        return len(self.items)

    def __repr__(self):
        return "Bag(" + ", ".join(repr(i) for i in self.items) + ")"

b = Bag("apple", 3, None)
print(b, len(b), "apple" in b, "pear" in b, None in b, 4 not in b, bool(Bag()))

class Registry:
    def __init__(self):
        self.data = {}

    def __setitem__(self, key, value):
        self.data[key] = value * 2

    def __getitem__(self, key):
        return self.data[key]

r = Registry()
r["a"] = 5
r["a"] += 1
r["b"] = "x"
print(r.data, r["a"], r["b"])
print(Vec(1, 1) == Vec(1, 1), Vec(1, 1) is Vec(1, 1))
