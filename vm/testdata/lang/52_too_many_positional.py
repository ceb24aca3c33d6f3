# Calling a function with too many positional arguments: CPython 3.12's message counts
# the parameters with defaults ("from 1 to 2") and keyword-only arguments given apart.
def f(a, b=1): pass
try: f(1,2,3)
except TypeError as e: print(e)
def g(a): pass
try: g(1,2)
except TypeError as e: print(e)
def h(): pass
try: h(1)
except TypeError as e: print(e)
def k(a, *, b): pass
try: k(1,2,b=3)
except TypeError as e: print(e)
def k2(*, b, c): pass
try: k2(1, b=3, c=3)
except TypeError as e: print(e)
class C:
    def m(self, x=1): pass
try: C().m(1, 2)
except TypeError as e: print(e)
