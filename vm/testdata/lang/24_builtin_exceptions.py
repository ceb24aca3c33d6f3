# Built-in exceptions raised by the runtime: exact type, str() and repr() of messages that agree on 3.11-3.13.
def show(label, thunk):
    try:
        result = thunk()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
        print("   repr:", repr(e))
    else:
        print(label, "-> no error:", result)

show("1 / 0", lambda: 1 / 0)
show("1 // 0", lambda: 1 // 0)
show("1 % 0", lambda: 1 % 0)
show("1.0 / 0", lambda: 1.0 / 0)
show("divmod(1, 0)", lambda: divmod(1, 0))
show("[][1]", lambda: [][1])
show("[1, 2][-3]", lambda: [1, 2][-3])
show("(1,)[5]", lambda: (1,)[5])
show("'abc'[10]", lambda: "abc"[10])
show("range(3)[5]", lambda: range(3)[5])
show("[].pop()", lambda: [].pop())
show("[1].pop(5)", lambda: [1].pop(5))
show("{}['k']", lambda: {}["k"])
show("{1: 2}[3]", lambda: {1: 2}[3])
show("{}[('t', 1)]", lambda: {}[("t", 1)])
show("{}.pop('x')", lambda: {}.pop("x"))
show("set().remove(3)", lambda: set().remove(3))
show("int('x')", lambda: int("x"))
show("int('')", lambda: int(""))
show("int('1.5')", lambda: int("1.5"))
show("int('12', 2)", lambda: int("12", 2))
show("float('abc')", lambda: float("abc"))
show("undefined name", lambda: foo)
show("undefined in expr", lambda: undefined_name + 1)
show("(1).foo", lambda: (1).foo)
show("'s'.bar", lambda: "s".bar)
show("None.x", lambda: None.x)
show("[].nope", lambda: [].nope)
show("1 + 'a'", lambda: 1 + "a")
show("'a' + 1", lambda: "a" + 1)
show("[1] + (2,)", lambda: [1] + (2,))
show("'a' * 'b'", lambda: "a" * "b")
show("1 < 'a'", lambda: 1 < "a")
show("[] < 3", lambda: [] < 3)
show("None + 1", lambda: None + 1)
show("-'a'", lambda: -"a")
show("len(5)", lambda: len(5))
show("abs('x')", lambda: abs("x"))
show("int(None)", lambda: int(None))
show("ord('ab')", lambda: ord("ab"))
show("hash([])", lambda: hash([]))
show("{[1]}", lambda: {[1]})
show("iter(5)", lambda: iter(5))
show("[1, 2].index(5)", lambda: [1, 2].index(5))
show("'abc'.index('z')", lambda: "abc".index("z"))
show("[1].remove(9)", lambda: [1].remove(9))
show("sorted([1, 'a'])", lambda: sorted([1, "a"]))
show("'x'.join([1])", lambda: "x".join([1]))
show("list(5)", lambda: list(5))
show("'%d' % 'x'", lambda: "%d" % "x")
show("'%d %d' % (1,)", lambda: "%d %d" % (1,))
show("'%s' % (1, 2)", lambda: "%s" % (1, 2))
show("bytes([300])", lambda: bytes([300]))
show("3 in 5", lambda: 3 in 5)
show("1 in 'abc'", lambda: 1 in "abc")
show("range(1, 2, 0)", lambda: range(1, 2, 0))
show("getattr(1, 'zz')", lambda: getattr(1, "zz"))
show("next(iter([]))", lambda: next(iter([])))
show("ok", lambda: "fine")

def store(seq, i, v):
    seq[i] = v

show("'abc'[1] = 'x'", lambda: store("abc", 1, "x"))
show("x[5] = 0", lambda: store([1, 2], 5, 0))
show("d[[1]] = 2", lambda: store({}, [1], 2))

def unpack2(v):
    a, b = v
    return a, b

def unpack3(v):
    a, b, c = v
    return a, b, c

show("a, b = [1, 2, 3]", lambda: unpack2([1, 2, 3]))
show("a, b, c = [1]", lambda: unpack3([1]))
show("a, b = 5", lambda: unpack2(5))

def f(a, b):
    return a + b

def g(*, k):
    return k

class C:
    def __init__(self, a):
        self.a = a

    def m(self, x):
        return x

show("f(1)", lambda: f(1))
show("f()", lambda: f())
show("f(1, 2, 3)", lambda: f(1, 2, 3))
show("f(1, c=2)", lambda: f(1, c=2))
show("f(1, a=2)", lambda: f(1, a=2))
show("g(1)", lambda: g(1))
show("g()", lambda: g())
show("C()", lambda: C())
show("C(1).m()", lambda: C(1).m())
show("C(1).m(1, 2)", lambda: C(1).m(1, 2))
show("C(1).zz", lambda: C(1).zz)
show("C(1)()", lambda: C(1)())
show("len()", lambda: len())
try:
    assert 1 == 2, "custom assert message"
except AssertionError as e:
    print("assert ->", type(e).__name__, e, repr(e))
try:
    assert False
except AssertionError as e:
    print("bare assert ->", repr(e), str(e) == "")
for exc in [Exception(), Exception("msg"), ValueError("a", 1), KeyError("quoted"), KeyError(7), RuntimeError(), TypeError(3)]:
    print(type(exc).__name__, "str=" + str(exc), "repr=" + repr(exc))
