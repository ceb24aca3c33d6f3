# Unpacking a generator or a Python iterator (a, b = gen(); first, *rest = gen()):
# its items are collected on the thread's stack, with CPython's errors and tracebacks.
def gen():
    yield 1
    yield 2
    yield 3
try:
    x, y = gen()
except ValueError as e:
    print("ValueError:", e)
try:
    x, y, z, w = gen()
except ValueError as e:
    print("ValueError:", e)
for (p, q2) in [gen2 for gen2 in [(1, 2)]]:
    print(p, q2)
class It:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration
        return self.n
u, v = It()
print(u, v)
def f():
    (a, b), c = (x for x in [(1, 2), 3])
    return a, b, c
print(f())

def gen():
    yield 1
    raise KeyError("x")

def main():
    a, b = gen()

try:
    main()
except KeyError as e:
    print('KeyError', e)
