# Iterators whose pulls run as Python frames, so that what they call may block: the
# iterator of iter(callable, sentinel) (py.Interp.CallableIterator: for item in
# iter(queue.get, 'STOP')), and zip, map, filter and enumerate over a source whose
# items come from Python code (py.Interp.PythonLazyIter: enumerate(as_completed(fs)),
# zip(xs, executor.map(f, xs))).


class callable_iterator:
    def __init__(self, callable, sentinel):
        self._callable = callable
        self._sentinel = sentinel

    def __iter__(self):
        return self

    def __next__(self):
        if self._callable is None:
            raise StopIteration
        value = self._callable()
        if value == self._sentinel:
            self._callable = None
            raise StopIteration
        return value

    def __repr__(self):
        return '<callable_iterator object at %#x>' % id(self)


def lazy(kind, fn, iters, start, strict):
    """The generator doing what the builtin kind does over iters."""
    if kind == 'enumerate':
        i = start
        for v in iters[0]:
            yield (i, v)
            i += 1
    elif kind == 'filter':
        for v in iters[0]:
            if (v if fn is None else fn(v)):
                yield v
    elif kind == 'map' and len(iters) == 1:
        for v in iters[0]:
            yield fn(v)
    else:  # zip, or map over several
        while True:
            items = []
            for k, it in enumerate(iters):
                try:
                    items.append(next(it))
                except StopIteration:
                    if strict:
                        _check_strict(iters, k)
                    return
            yield fn(*items) if kind == 'map' else tuple(items)


def _check_strict(iters, k):
    """zip(strict=True): argument k ran out; the others must have too."""
    if k > 0:
        what = 'argument 1' if k == 1 else 'arguments 1-%d' % k
        raise ValueError('zip() argument %d is shorter than %s' % (k + 1, what))
    for j, it in enumerate(iters[1:], 1):
        try:
            next(it)
        except StopIteration:
            continue
        what = 'argument 1' if j == 1 else 'arguments 1-%d' % j
        raise ValueError('zip() argument %d is longer than %s' % (j + 1, what))
