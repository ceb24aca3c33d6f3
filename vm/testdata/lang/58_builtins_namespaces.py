class P:
    def __init__(self):
        self.a = 1
        self.b = [2]
p = P()
print(vars(p))
print(sorted(vars(P).keys() - {'__qualname__'}) == sorted(k for k in vars(P) if k != '__qualname__'))
try:
    vars(5)
except TypeError as e:
    print(e)
try:
    vars()
    print("vars() ok")
except TypeError as e:
    print(e)
def f(x, y=2):
    z = x + y
    return vars()
print(f(1))
print(callable(print), callable(P), callable(p), callable(5), callable(lambda: 0), callable(P.__init__))
class Q(P): pass
print(issubclass(Q, P), issubclass(Q, (int, P)), issubclass(bool, int), issubclass(P, object))
try:
    issubclass(p, P)
except TypeError as e:
    print(e)
print(hash(1), hash(1.0), hash(True), hash((1, 2)) == hash((1, 2)), hash(-1), hash(2**61), hash(0.5))
try:
    hash([])
except TypeError as e:
    print(e)
print(format(3.14159, ".2f"), format(42, "08b"), format("x", ">5"), format(1234567, ","), format(0.25, "%"), format(7))
print(round(2.5), round(3.5), round(-0.5), round(1.2345, 2), round(1234, -2), round(5, 1), type(round(2.5)), round(2.675, 2))
print(divmod(7, 2), divmod(-7, 2), divmod(7.5, 2), divmod(-7, -2))
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print(e)
print(pow(2, 10), pow(2, 10, 1000), pow(3, -1, 7), pow(2.0, 3), pow(-8, 1/3) if False else 0, pow(10, -2))
try:
    pow(2, 3, 0)
except ValueError as e:
    print(e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print(e)
print(ascii("héllo"), ascii(["ü", 1]), ascii("\n"), ascii("😀"))
print(bin(10), oct(8), hex(255), bin(-5), hex(-255), oct(0), hex(2**70))
try:
    hex(1.5)
except TypeError as e:
    print(e)
class Idx:
    def __index__(self):
        return 12
print(bin(Idx()), hex(Idx()), oct(Idx()))
print(sorted(globals().keys() & {'P', 'f', 'Idx'}))
print(isinstance(globals(), dict), globals() is globals())
def g():
    return sorted(globals()) == sorted(globals())
print(g())
def loc():
    a = 1
    l1 = locals()
    b = 2
    l2 = locals()
    return l1 is l2, sorted(l2)
print(loc())
print(__name__, __debug__)
d = {"a": 1, "b": 2, "c": 3}
print(sorted(d.keys() - {"a"}), sorted(d.keys() & ["b", "z"]), sorted(d.keys() | {"q"}), sorted(d.keys() ^ {"a", "q"}))
print(sorted({"b", "x"} - d.keys()), sorted(d.items() & {("a", 1), ("b", 5)}))
print({0.5, 1.5, 2.25, -0.1, 1e100, float("inf")}, hash(1.5), hash(-0.1), hash(1e100), hash(float("-inf")))
print(pow(3, -1, 7), pow(2, 5, -7), pow(-2, 5, 7), pow(3, -2, -7), pow(7, 3, 1))
try:
    pow(2, -1, 4)
except ValueError as e:
    print(e)
print(sorted(k for k in globals() if k.startswith("__")))
print(__doc__, __package__, __spec__, __cached__, __file__.endswith("58_builtins_namespaces.py"), __annotations__)
m = __import__("math")
print(m.floor(2.5), __import__("math", globals(), None, ["floor"], 0) is m)
try:
    __import__("no_such_module_here")
except ImportError as e:
    print(type(e).__name__)
