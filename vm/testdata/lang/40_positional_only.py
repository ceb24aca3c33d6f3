# Positional-only parameters (`/`), as CPython 3.12 binds them.
def f(a, b=2, /, c=3, *, d=4):
    return a, b, c, d
print(f(1), f(1, 5, 6, d=7), f(1, c=9))
try:
    f(a=1)
except TypeError as e:
    print(e)
def g(a, /, **kw):
    return a, kw
print(g(1, a=2))
h = lambda x, /, y: x + y
print(h(1, y=2))
