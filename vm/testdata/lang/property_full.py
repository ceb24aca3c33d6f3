# property with a getter, setter, deleter and docstring, by position, keyword and decorator.
class C:
    def __init__(self):
        self._x = 1

    @property
    def x(self):
        "the x value"
        return self._x

    @x.setter
    def x(self, v):
        self._x = v

    @x.deleter
    def x(self):
        print("deleting")
        del self._x

    def _gety(self):
        return 2

    y = property(_gety, doc="why")
    z = property(fget=_gety)


c = C()
print(c.x, C.x.__doc__, C.y.__doc__, C.z.__doc__)
c.x = 5
print(c.x)
del c.x
print(hasattr(c, "_x"))
print(C.x.fdel is not None, C.y.fset, C.y.fdel)
try:
    del c.y
except AttributeError as e:
    print(e)
try:
    c.y = 3
except AttributeError as e:
    print(e)
p = property(lambda self: 1)
p.__doc__ = "changed"
print(p.__doc__)
try:
    property(1, 2, 3, 4, 5)
except TypeError as e:
    print(e)
