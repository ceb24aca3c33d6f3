# User-defined iterators in for loops: StopIteration, else, break, nested loops, errors.
class Count:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i
for x in Count(3):
    print(x)
else:
    print("else")
print(list(Count(2)), sum(Count(4)))
def f():
    for x in Count(2):
        for y in Count(2):
            if y == 2:
                break
            print(x, y)
    return "done"
print(f())
class Bad:
    def __iter__(self): return self
    def __next__(self): raise ValueError("bad")
try:
    for x in Bad(): pass
except ValueError as e:
    print("caught", e)
