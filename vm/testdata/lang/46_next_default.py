# next(generator, default) runs the generator's frame in the thread's loop, as next(g)
# does: a return gives the default, an exception propagates, a finished one gives it at once.
def gen():
    yield 1
    return 5
g = gen()
print(next(g, 'd'), next(g, 'd'), next(g, 'd'))
def bad():
    yield 1
    raise ValueError("boom")
b = bad()
print(next(b, 0))
try:
    next(b, 0)
except ValueError as e:
    print("ValueError", e)
print(next(b, 'after'))
print(next((x for x in []), None), next((x for x in [3]), None))
def inner():
    g = (i * i for i in range(3))
    return [next(g, -1) for _ in range(5)]
print(inner())
