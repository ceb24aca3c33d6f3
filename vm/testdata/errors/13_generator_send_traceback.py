# An exception raised inside a generator resumed by send() and throw() from nested calls.


def worker():
    total = 0
    while True:
        try:
            x = yield total
        except KeyError:
            yield "recovered"
            continue
        total += 10 // x


def drive(g, values):
    for v in values:
        print(g.send(v))


g = worker()
next(g)
print(g.throw(KeyError("k")))
next(g)
drive(g, [1, 2, 0])
