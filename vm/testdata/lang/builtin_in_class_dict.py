# A builtin function stored in a class's dict is no descriptor: it does not bind to
# instances (selectors.SelectSelector._select = select.select), unlike a def.
import math


class A:
    size = len
    root = math.sqrt
    pick = max

    def own(self):
        return "own"


a = A()
print(a.size([1, 2, 3]), a.root(16.0), a.pick(3, 9, 4), a.own())
print(A.size("abcd"), A.root(9.0))
f = a.size
print(f((1, 2)), a.size is len, A.root is math.sqrt)
print([1, 2].append.__self__, "x".upper())


class B(A):
    pass


print(B().size({1: 2}), B().root(4.0))
