# del (names, subscripts, slices, attributes), assert with and without message, pass, global/nonlocal scoping rules.
x = 10
y = [1, 2, 3, 4, 5]
z = {"a": 1, "b": 2}
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
del y[0], z["a"]
print(y, z)
del y[1:3]
print(y)
a, b = 1, 2
del a, b
for name in ["a", "b"]:
    try:
        if name == "a":
            print(a)
        else:
            print(b)
    except NameError as e:
        print(e)

class Obj:
    pass

o = Obj()
o.p = 1
o.q = 2
del o.p
print(hasattr(o, "p"), hasattr(o, "q"), o.q)
try:
    del o.p
except AttributeError as e:
    print("AttributeError:", e)
try:
    del z["missing"]
except KeyError as e:
    print("KeyError:", e)
try:
    del y[99]
except IndexError as e:
    print("IndexError:", e)
assert True
assert 1 + 1 == 2, "math works"
try:
    assert 1 > 2, "one is not greater than two"
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert [], "empty list is falsy"
except AssertionError as e:
    print("AssertionError:", e, repr(e))
try:
    assert None
except AssertionError as e:
    print("bare AssertionError:", repr(e))

def check_positive(n):
    assert n > 0, "expected positive, got %d" % n
    return n

for v in [3, -2]:
    try:
        print(check_positive(v))
    except AssertionError as e:
        print("failed:", e)

def noop():
    pass

class Empty:
    pass

for i in range(3):
    pass
if True:
    pass
else:
    pass
print(noop(), type(Empty()).__name__, i)
counter = 0

def bump():
    global counter
    counter += 1

for _ in range(5):
    bump()
print("counter", counter)

def make_global():
    global created_later
    created_later = "made inside function"

make_global()
print(created_later)

def outer():
    n = 0
    def inner():
        nonlocal n
        n += 10
        def innermost():
            nonlocal n
            n *= 2
        innermost()
    inner()
    inner()
    return n

print(outer())

def read_global():
    return counter * 2

print(read_global())

def local_shadow():
    counter = "local"
    return counter

print(local_shadow(), counter)

items = list(range(10))
for idx in range(len(items) - 1, -1, -1):
    if items[idx] % 3 == 0:
        del items[idx]
print(items)
d = {k: k * k for k in range(6)}
for k in list(d):
    if k % 2:
        del d[k]
print(d)
