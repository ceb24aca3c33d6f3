# PEP 479: a StopIteration escaping a generator becomes a RuntimeError whose cause is
# the StopIteration, consumed here by a builtin (list).


def first_of_each(groups):
    for g in groups:
        it = iter(g)
        yield next(it)


print(list(first_of_each([[1, 2], [3]])))
print(list(first_of_each([[1], []])))
