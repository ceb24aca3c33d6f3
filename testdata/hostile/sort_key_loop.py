# expect: limit — a sort key that never returns runs in a nested loop the run's CPU limit must reach
def key(x):
    while True:
        pass

print(sorted([3, 1, 2], key=key))
