# Builtins consuming generators: the items, the order of side effects, laziness where
# CPython is lazy, and exceptions raised inside the generator.


def noisy(n, fail_at=None):
    for i in range(n):
        if i == fail_at:
            raise ValueError(f"failed at {i}")
        print("yield", i)
        yield i


print(list(noisy(2)), tuple(noisy(2)), sorted(noisy(3), reverse=True))
print(set(noisy(2)) == {0, 1}, frozenset(noisy(1)), sum(noisy(3)), sum(noisy(3), 10))
print(min(noisy(3)), max(noisy(3), key=lambda x: -x), max(noisy(0), default="empty"))
print("-".join(str(i) for i in noisy(3)), "".join(x for x in "abc"))
items = [9]
items.extend(noisy(2))
print(items)
print(any(noisy(5)), all(noisy(5)))
print(any(x > 1 for x in noisy(5)), all(x < 1 for x in noisy(5)))
print(any(noisy(0)), all(noisy(0)))
for f in (list, tuple, sorted, sum, min, max, any, all, set):
    try:
        f(noisy(3, fail_at=1))
    except ValueError as e:
        print(f.__name__, "ValueError:", e)
try:
    "".join(noisy(2))
except TypeError as e:
    print("TypeError:", e)
try:
    sorted(x for x in [1, "a"])
except TypeError as e:
    print("TypeError:", e)
g = noisy(3)
next(g)
print("started:", list(g))
print("exhausted:", list(g), sum(g), any(g))
print(dict((str(i), i) for i in noisy(2)), list(enumerate(noisy(2), 1)))
print(list(map(str, noisy(2))), list(filter(None, noisy(3))), list(zip(noisy(5), "ab")))
print(list(reversed([x for x in noisy(2)])))
try:
    reversed(noisy(2))
except TypeError as e:
    print("TypeError:", e)
try:
    list(zip([1, 2], noisy(3), strict=True))
except ValueError as e:
    print("ValueError:", e)
try:
    list(zip(noisy(3), [1], strict=True))
except ValueError as e:
    print("ValueError:", e)
print(list(zip(noisy(2), [5, 6], strict=True)))
