# Builtin iterators have __iter__ and __next__ of their own; builtins is a module.
it = iter([1, 2])
print(it.__next__(), next(it))
try:
    it.__next__()
except StopIteration:
    print("stop")
m = map(str, [1, 2])
print(m.__next__(), list(m), iter(m) is m, m.__iter__() is m)
print(type(iter(range(3))).__name__, iter(range(3)).__next__())
e = enumerate("ab"); print(e.__next__())
print(hasattr(iter({}), "__next__"), hasattr(iter(set()), "__next__"))
import builtins
print(builtins.len([1, 2]), builtins.__name__)
