# An exception raised in a generator expression consumed by a builtin: the traceback
# shows the call and the generator's frame, and no frame for the builtin.


def ratios(values):
    return sorted(100 // v for v in values)


print(ratios([1, 2, 4]))
print(ratios([1, 0]))
