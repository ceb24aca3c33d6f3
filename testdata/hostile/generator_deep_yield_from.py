# expect: RecursionError — each generator delegates to a new one with yield from: the frames resumed at once are bounded like calls
def down(n):
    yield from down(n + 1)

print(next(down(0)))
