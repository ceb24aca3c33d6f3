import math
class A:
    "doc"
    x = 1
    def f(self): pass
class B(A):
    y = 2
    def __init__(self):
        self.z = 3
class S:
    __slots__ = ('a', 'b')
class WithDir:
    def __dir__(self):
        return ['zeta', 'alpha', 'mid']
class D(dict):
    pass
class E(Exception):
    pass
class Meta(type):
    def meta_method(cls): pass
class M(metaclass=Meta):
    q = 1
print(dir(A))
print(dir(B()))
print(dir(B))
print(dir(S()))
print(dir(WithDir()))
print([n for n in dir(D()) if not n.startswith('__')])
print(dir(E("x")))
print(dir(M))
print(dir(1))
print(dir("s") == sorted(set(dir(str))))
print(dir([]))
print(dir({}))
print(dir(None))
print(dir(object()))
print(dir(3.5))
print(dir(True))
print(dir(()))
print(dir(set()))
print(dir(b""))
def fn(a, b=2):
    c = a + b
    print(dir())
    return c
fn(1)
print([n for n in dir(fn) if not n.startswith('_')])
print(dir(ValueError()))
print(dir(type))
print([n for n in dir(math) if not n.startswith('_')][:10])
print("floor" in dir(math))
print(dir(range(3)))
print(dir(slice(1)))
print(dir(lambda: 0))
g = (i for i in range(2))
print(dir(g))
print(dir(print))
print(dir(A().f))
print(dir(complex(1,2)))
print(dir(property(lambda s: 1)))
print(dir(OSError()))
print(dir(KeyError()))
print(dir(StopIteration()))
print(dir(SyntaxError()))
x = 1
print(dir())
