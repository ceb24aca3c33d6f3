# expect: limit — dict() over an endless generator runs it in a nested loop that the run's CPU limit must reach
def pairs():
    n = 0
    while True:
        yield n, n
        n += 1
        del n
        n = 0

print(dict(pairs()))
