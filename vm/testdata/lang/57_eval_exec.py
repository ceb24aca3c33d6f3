x = 10
print(eval("x + 1"))
print(eval(" 2 * 3"))
print(eval("x", {"x": 5}))
print(eval("x + y", {"x": 1}, {"y": 2}))
g = {}
exec("a = 1\nb = a + 1", g)
print(sorted(k for k in g if k != "__builtins__"), g["b"], "__builtins__" in g)
exec("z = x * 2")
print(z)
def f():
    y = 3
    print(eval("y + 1"))
    exec("w = 5")
    print(sorted(locals()))
f()
code = compile("p = 4\nq = p * p", "<mine>", "exec")
ns = {}
exec(code, ns)
print(ns["q"], type(code).__name__)
e = compile("1 + 2", "<e>", "eval")
print(eval(e))
print(exec("1"))
for src in ["x = = 1", "def f(:\n  pass", "if x:\npass", "  x = 1", "print('a'", "1 +", "a b"]:
    try:
        exec(src)
    except SyntaxError as err:
        print(type(err).__name__, err.msg, err.lineno, err.offset, repr(err.text), str(err))
for src in ["x = 1", "1; 2", "(x:=2)", "1,2", "[i for i in range(3)]"]:
    try:
        print(repr(eval(src)))
    except SyntaxError as err:
        print(type(err).__name__, err.args)
try:
    exec("raise ValueError('inside')")
except ValueError as err:
    print("caught", err)
try:
    eval("undefined_name")
except NameError as err:
    print(err)
for bad in [(1,), ("1", []), ("1", {}, 3)]:
    try:
        eval(*bad)
    except TypeError as err:
        print(err)
    try:
        exec(*bad)
    except TypeError as err:
        print(err)
try:
    compile("1", "f", "bogus")
except ValueError as err:
    print(err)
print(eval(b"40 + 2"))
print(repr(eval("'é'")))
def g2():
    a = 1
    def inner():
        return a
    b = 2
    return locals()
print(g2().keys())
class C:
    k = 1
    print(sorted(locals()))
print(SyntaxError("m"), SyntaxError("m", ("f.py", 3, 2, "t", 3, 4)), SyntaxError().msg)
print(SyntaxError("m", ("/a/b/f.py", 3, 2, "t")).filename, IndentationError.__mro__[1].__name__, TabError.__base__.__name__)
try:
    exit(3)
except SystemExit as err:
    print("exit", err.code)
try:
    quit()
except SystemExit as err:
    print("quit", err.code)
exec("import math\nprint('floor', math.floor(2.5))")
exec("def h(v):\n    return v * 3\n")
print(h(4))
ns = {"counter": 0}
exec("for i in range(5):\n    counter += i", ns)
print(ns["counter"])
exec("class K:\n    v = 7\n    def m(self):\n        return self.v", ns)
print(ns["K"]().m(), ns["K"].__module__ if "__name__" in ns else "no __name__")
print(eval("[n * n for n in range(4)]"), eval("sum(v for v in (1, 2, 3))"))
def outer():
    secret = 41
    return eval("secret + 1")
print(outer())
try:
    exec("def bad():\n  return\n return 1")
except IndentationError as err:
    print(type(err).__name__, err.msg, err.lineno)
try:
    exec("raise KeyError('k')", {})
except KeyError as err:
    print("KeyError", err)
co = compile("a + 1", "calc.py", "eval")
print(eval(co, {"a": 1}), co.co_filename if hasattr(co, "co_filename") else "calc.py")
exec("x = = 2")
