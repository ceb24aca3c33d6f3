# An exception raised in a generator, delegated to with yield from, consumed by a
# for loop: the traceback runs through every generator frame.


def parse(items):
    for item in items:
        yield int(item)


def total(items):
    result = yield from parse(items)
    return result


def main():
    s = 0
    for n in total(["1", "2", "x"]):
        s += n
    return s


main()
