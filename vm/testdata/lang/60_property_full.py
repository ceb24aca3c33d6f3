class C:
    def __init__(self):
        self._x = 1
    def getx(self):
        "the x value"
        return self._x
    def setx(self, v):
        self._x = v
    def delx(self):
        print("deleting")
        del self._x
    x = property(getx, setx, delx, "I'm the 'x' property.")
    y = property(fget=getx)
    z = property(getx, doc="zdoc")
    w = property()
    @property
    def v(self):
        "v doc"
        return 5
    @v.setter
    def v(self, val):
        print("set v", val)
    @v.deleter
    def v(self):
        print("del v")
c = C()
print(c.x, C.x.__doc__, C.y.__doc__, C.z.__doc__, C.w.__doc__, C.v.__doc__)
c.x = 3; print(c.x)
del c.x
print(hasattr(c, "_x"))
c.v = 9; del c.v; print(c.v)
try:
    del c.y
except AttributeError as e:
    print(e)
try:
    c.y = 2
except AttributeError as e:
    print(e)
print(C.x.fget is C.getx, C.x.fdel is C.delx, C.y.fset, C.w.fget)
print(type(C.x).__name__, isinstance(C.v, property))
class D(dict):
    @property
    def n(self):
        return len(self)
    @n.deleter
    def n(self):
        self.clear()
d = D(a=1)
print(d.n); del d.n; print(d.n)
p = property(lambda self: 1)
p.__doc__ = "changed"
print(p.__doc__)
try:
    property(1, 2, 3, 4, 5)
except TypeError as e:
    print(e)
