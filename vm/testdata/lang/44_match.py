# match statements (PEP 634): every kind of pattern, guards, where names are bound,
# and the errors raised while matching (the library's mappings and sequences:
# vm/machine/testdata/stdlib/match_library.py).
class Point:
    __match_args__ = ('x', 'y')
    def __init__(self, x, y):
        self.x, self.y = x, y

def where(p):
    match p:
        case Point(x=0, y=0):
            return "origin"
        case Point(0, y):
            return f"on the y axis at {y}"
        case Point(x, 0):
            return f"on the x axis at {x}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point():
            return "somewhere"
        case _:
            return "not a point"

for p in [Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 2), 7]:
    print(where(p))

def cmd(c):
    match c.split():
        case ["go", ("north" | "south" | "east" | "west") as d]:
            return "going " + d
        case ["drop", *objs]:
            return f"dropping {objs}"
        case [("quit" | "exit")]:
            return "bye"
        case [first, *_, last]:
            return f"{first}..{last}"
        case []:
            return "empty"
        case _:
            return "?"

for c in ["go north", "go up", "drop a b c", "quit", "a b c d", "", "x"]:
    print(repr(c), cmd(c))

def m(d):
    match d:
        case {"type": "circle", "r": r}:
            return f"circle {r}"
        case {"type": "rect", **rest}:
            return f"rect {rest}"
        case {1: _, 2: b}:
            return f"ints {b}"
        case {}:
            return "mapping"
        case int(n) | float(n):
            return f"number {n}"
        case str() as s:
            return f"str {s!r}"
        case None:
            return "none"
        case True:
            return "true"
        case (1, 2) | [3, 4]:
            return "pair"
        case _:
            return "other"
for d in [{"type": "circle", "r": 2}, {"type": "rect", "w": 1, "h": 2}, {1: 'a', 2: 'b', 3: 'c'}, {"x": 1}, 3, 2.5, "hi", None, True, (1, 2), [3, 4], [5]]:
    print(m(d))
x = 5
match x:
    case 1 | 2:
        print("small")
    case n if n > 3:
        print("big", n)
print(n)
match "ab":
    case [a, b]:
        print("str is a sequence?")
    case _:
        print("str is not a sequence")

# Names are bound only when the whole pattern matches, before the guard runs.
match [1, 2]:
    case [q, 3]:
        print("no")
    case [r, s] if r > 5:
        print("no")
    case _:
        print("r and s bound by the failed guard:", r, s)
try:
    print(q)
except NameError as e:
    print("NameError:", e)

# The subject is evaluated once; value patterns call __eq__.
class Loud:
    def __eq__(self, other):
        print("  __eq__", other)
        return other == 2
calls = []
def subject():
    calls.append(1)
    return 2
class K:
    loud = Loud()
    ONE = 1
match subject():
    case K.ONE:
        print("one")
    case K.loud:
        print("loud matched")
print("subject evaluated", len(calls), "time")

# Tuple subjects, nested and empty sequences, as-patterns, class keywords.
def classify(a, b):
    match a, b:
        case (0, 0):
            return "both zero"
        case (x, 0) | (0, x):
            return f"one zero, other {x}"
        case ([*items], int() as n):
            return f"list of {len(items)} and int {n}"
        case (Point(x=px, y=py) as p, _):
            return f"point {px},{py} {type(p).__name__}"
        case ((), ()):
            return "empties"
        case _:
            return "else"
for a, b in [(0, 0), (3, 0), (0, 4), ([1, 2], 5), (Point(1, 2), None), ((), ()), ("a", "b")]:
    print(classify(a, b))

# Rest of a mapping, star captures, closures and globals.
match {"k": 1, "x": 2, "y": 3}:
    case {"k": k, **others}:
        print(k, others)
counter = 0
def bump(v):
    global counter
    match v:
        case int(counter):
            pass
    return counter
print(bump(9), counter)
def outer(v):
    got = None
    def inner():
        nonlocal got
        match v:
            case [got, *_]:
                pass
    inner()
    return got
print(outer([7, 8]))

# Errors raised while matching.
class NoArgs:
    pass
class BadArgs:
    __match_args__ = ["a"]
class NotStr:
    __match_args__ = (1,)
class Two:
    __match_args__ = ("a", "b")
    a = 1
    b = 2
def attempt(label, subject, which):
    try:
        match subject:
            case NoArgs(x) if which == 1:
                pass
            case BadArgs(x) if which == 2:
                pass
            case NotStr(x) if which == 3:
                pass
            case Two(a, b, c) if which == 4:
                pass
            case Two(x, a=y) if which == 5:
                pass
            case K.ONE if which == 6:
                pass
        print(label, "no error")
    except (TypeError, ValueError) as e:
        print(label, type(e).__name__ + ":", e)
attempt("no __match_args__", NoArgs(), 1)
attempt("list __match_args__", BadArgs(), 2)
attempt("int in __match_args__", NotStr(), 3)
attempt("too many", Two(), 4)
try:
    match Two():
        case Two(x, a=y):
            pass
except TypeError as e:
    print("attribute twice: TypeError:", e)
notaclass = 3
try:
    match 1:
        case notaclass.real(): pass
except TypeError as e:
    print("TypeError:", e)
class Keys:
    a = "same"
    b = "same"
try:
    match {"same": 1, "other": 2}:
        case {Keys.a: 1, Keys.b: 1}: pass
except ValueError as e:
    print("ValueError:", e)
match 5:
    case int(x) if x > 3:
        print("int", x)
match True:
    case bool(b) | int(b):
        print("bool", b)
match 2.0:
    case int():
        print("int?")
    case float(f):
        print("float", f)
x = 0
match w := x,:
    case y as v,:
        print(w, y, v)
match (n := 5):
    case 5:
        print(n)
match *[1, 2], 3:
    case [a, b, c]:
        print(a, b, c)
