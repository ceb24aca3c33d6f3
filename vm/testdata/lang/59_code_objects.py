def f(a, b=1, *args, c, d=2, **kw):
    x = 1
    def inner():
        return x + a
    return inner
def g(p, /, q):
    return p
c = f.__code__
print(c.co_name, c.co_qualname, c.co_argcount, c.co_posonlyargcount, c.co_kwonlyargcount, c.co_varnames, c.co_nlocals, c.co_cellvars, c.co_freevars)
print(f(1, c=3).__code__.co_freevars, f(1, c=3).__code__.co_qualname)
print(g.__code__.co_posonlyargcount, g.__code__.co_varnames, g.__code__.co_firstlineno)
print((lambda: 0).__code__.co_name)
co = compile("a = 1\nb = a", "calc.py", "exec")
print(co.co_name, co.co_filename, co.co_firstlineno, co.co_varnames)
def deco(fn):
    print("wrapping", fn.__code__.co_name, "with", fn.__code__.co_argcount, "args")
    return fn
@deco
def h(u, v): pass
try:
    exec(h.__code__)
except Exception as e:
    print(type(e).__name__)
try:
    exec(h.__code__)
except TypeError as e:
    print(e)
def noargs():
    print("ran noargs")
exec(noargs.__code__)
try:
    exec(f(1, c=2).__code__)
except TypeError as e:
    print(e)
