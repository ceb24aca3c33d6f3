# expect: MemoryError — repr() of a tuple of 2**60 leaves of 1000 characters grows past the run's memory
t = 'x' * 1000
for i in range(60):
    t = (t, t)
print(len(repr(t)))
