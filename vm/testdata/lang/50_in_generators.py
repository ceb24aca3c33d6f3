# `in` over a generator or an iterator written in Python consumes it up to the
# first equal item, as CPython does; an identical item is equal without __eq__.
def gen(n):
    for i in range(n):
        print("yield", i)
        yield i

g = gen(10)
print(3 in g, next(g), 100 in g, 5 in gen(0), 2 not in gen(5), 7 not in gen(3))
def count():
    n = 0
    while True:
        yield n
        n += 1
print(25 in (x * x for x in count()))

class It:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > 5: raise StopIteration
        return self.i
it = It()
print(3 in it, it.i, 9 in it, it.i)
nan = float("nan")
print(nan in [nan], nan in (x for x in [nan]))
def bad():
    yield 1
    raise ValueError("boom")
try:
    print(2 in bad())
except ValueError as e:
    print("ValueError", e)

class Loud:
    def __eq__(self, other):
        print("eq called")
        return False
loud = Loud()
print(loud in [loud], loud in (x for x in [loud]), loud in iter([1]))


def failing():
    yield 1
    yield 1 // 0


print(5 in failing())
