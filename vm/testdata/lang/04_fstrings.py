# f-strings: expressions, format specs (precision, width, alignment, fill, sign, grouping, bases), !r !s.
x = 3.14159
n = 42
s = "hi"
print(f"{x:.2f} {x:.0f} {x:.4f} {x:10.3f}| {x:<10.1f}| {x:e} {x:.3e} {x:g} {x:%}")
print(f"{n:>8}|{n:<5}|{n:^7}|{n:08.3f}|{n:+d}|{-n:+d}|{n: d}")
print(f"{1234567:,} {1234567.891:,.2f} {1234567:_} {n:x} {n:X} {n:o} {n:b} {n:#x} {n:#o} {n:#b}")
print(f"{255:08b} {255:#010x} {n:05d} {-n:05d} {n:*^9} {n:-<6} {n:0>4}")
print(f"{s!r} {s!s} {s:>5} {s:<5}| {s:^6}| {s:*>4} {s!r:>8}")
print(f"{'abc':.2} {'abcdef':>10.3}| {0.5:.0%} {0.123456:.1%}")
print(f"{n + 1} {n * 2} {n // 5} {n % 5} {[1, 2, 3]} {(1, 2)} {None} {True}")
print(f"{x!r} {1 / 3} {1e20} {2 ** 100}")
d = {"a": 1, "b": 2}
print(f"{d['a']} {d['b'] + 10} {len(d)} {sorted(d)}")
items = ["apple", "banana", "cherry"]
for i, item in enumerate(items):
    print(f"{i:2d}. {item:<8}|{len(item):>3}")
width = 10
prec = 3
print(f"{x:{width}.{prec}f}|{s:>{width}}|{n:^{width}}|")
print(f"{{literal braces}} {n}{{}}")
print(f"{'nested'!r} {'%s' % 'pct'} {'x' if n > 40 else 'y'}")
print(f"{3.0:g} {100000.0:g} {1e6:g} {1e-5:g} {0.0001:g} {123.456:.2g} {2.5:.0f} {3.5:.0f}")
print(f"{-0.0:.1f} {1.005:.2f} {2.675:.2f} {1e16:.0f} {123456789.0:.3e}")
print(f"{12.5:>+10.2f}|{-12.5:<+10.2f}|{12.5:^+10.2f}|{12.5:=+10.2f}|")
print(f"{True} {False!s:>6}| {True!r}")

class P:
    def __init__(self, a):
        self.a = a
    def __str__(self):
        return "P<" + str(self.a) + ">"
    def __repr__(self):
        return "P(" + repr(self.a) + ")"

p = P("q")
print(f"{p} {p!r} {p!s} {p.a} {[p]}")
rows = [("alice", 93.5), ("bob", 7.25), ("carol", 100.0)]
for name, score in rows:
    print(f"|{name:<8}|{score:>8.2f}|{score:08.2f}|")
total = sum(sc for _, sc in rows)
print(f"total={total:.3f} avg={total / len(rows):.4f}")
print(f"{'':-^20}")
print(f"{format(n, 'x')} {format(x, '.1f')} {format('s', '>3')}")
