# expect: MemoryError — dict() over an endless generator takes its items first (a list that grows to the run's memory budget)
def pairs():
    n = 0
    while True:
        yield n, n
        n += 1
        del n
        n = 0

print(dict(pairs()))
