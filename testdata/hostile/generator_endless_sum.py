# expect: MemoryError — sum of an endless generator: gilscope collects its items before adding them, until the run's memory is spent
def naturals():
    n = 0
    while True:
        yield n
        n += 1

print(sum(naturals()))
