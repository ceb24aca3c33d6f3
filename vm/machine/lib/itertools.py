# itertools, as gilscope provides it: each function is a class implementing the
# iterator protocol (__iter__ and __next__), lazy as CPython's, since the language has
# no generators yet. Infinite iterators (count, cycle, repeat) work with islice, zip
# and loops that break. The iterators' reprs other than count's and repeat's show
# their own addresses.

__all__ = ['accumulate', 'batched', 'chain', 'combinations', 'combinations_with_replacement',
           'compress', 'count', 'cycle', 'dropwhile', 'filterfalse', 'groupby', 'islice',
           'pairwise', 'permutations', 'product', 'repeat', 'starmap', 'takewhile', 'tee',
           'zip_longest']

_MISSING = object()


class _Iterator:
    __module__ = 'itertools'

    def __iter__(self):
        return self


class count(_Iterator):
    def __init__(self, start=0, step=1):
        self._n = start
        self._step = step

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        if self._step == 1 and type(self._step) is int:
            return 'count(%r)' % (self._n,)
        return 'count(%r, %r)' % (self._n, self._step)


class cycle(_Iterator):
    def __init__(self, iterable):
        self._it = iter(iterable)
        self._saved = []
        self._first = True
        self._i = 0

    def __next__(self):
        if self._first:
            for x in self._it:
                self._saved.append(x)
                return x
            self._first = False
        if not self._saved:
            raise StopIteration
        x = self._saved[self._i]
        self._i = (self._i + 1) % len(self._saved)
        return x


class repeat(_Iterator):
    def __init__(self, object, times=None):
        self._object = object
        self._times = times

    def __next__(self):
        if self._times is not None:
            if self._times <= 0:
                raise StopIteration
            self._times -= 1
        return self._object

    def __repr__(self):
        if self._times is None:
            return 'repeat(%r)' % (self._object,)
        return 'repeat(%r, %d)' % (self._object, max(self._times, 0))


class chain(_Iterator):
    def __init__(self, *iterables):
        self._sources = iter(iterables)
        self._it = None

    def from_iterable(iterables):
        c = chain()
        c._sources = iter(iterables)
        return c

    from_iterable = staticmethod(from_iterable)

    def __next__(self):
        while True:
            if self._it is None:
                self._it = iter(next(self._sources))
            for x in self._it:
                return x
            self._it = None


class islice(_Iterator):
    def __init__(self, iterable, *args):
        s = slice(*args)
        start, stop, step = s.start or 0, s.stop, s.step or 1
        for name, v in (('Indices', start), ('Stop argument', stop)):
            if v is not None and (not isinstance(v, int) or v < 0):
                if name == 'Indices':
                    raise ValueError('Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.')
                raise ValueError('Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.')
        if not isinstance(step, int) or step < 1:
            raise ValueError('Step for islice() must be a positive integer or None.')
        self._it = iter(iterable)
        self._next = start
        self._stop = stop
        self._step = step
        self._i = 0

    def __next__(self):
        if self._stop is not None and self._next >= self._stop:
            self._it = iter(())
            raise StopIteration
        while self._i < self._next:
            next(self._it)
            self._i += 1
        x = next(self._it)
        self._i += 1
        self._next += self._step
        return x


class zip_longest(_Iterator):
    def __init__(self, *iterables, fillvalue=None):
        self._its = [iter(it) for it in iterables]
        self._active = len(self._its)
        self._fill = fillvalue

    def __next__(self):
        if not self._its or self._active == 0:
            raise StopIteration
        values = []
        for i in range(len(self._its)):
            it = self._its[i]
            if it is None:
                values.append(self._fill)
                continue
            value = next(it, _MISSING)
            if value is _MISSING:
                self._active -= 1
                if self._active == 0:
                    raise StopIteration
                self._its[i] = None
                value = self._fill
            values.append(value)
        return tuple(values)


class starmap(_Iterator):
    def __init__(self, function, iterable):
        self._f = function
        self._it = iter(iterable)

    def __next__(self):
        return self._f(*next(self._it))


class accumulate(_Iterator):
    def __init__(self, iterable, func=None, *, initial=None):
        self._it = iter(iterable)
        self._f = func
        self._total = initial
        self._started = initial is not None
        self._pending = initial is not None

    def __next__(self):
        if self._pending:
            self._pending = False
            return self._total
        x = next(self._it)
        if not self._started:
            self._started = True
            self._total = x
        elif self._f is None:
            self._total = self._total + x
        else:
            self._total = self._f(self._total, x)
        return self._total


class compress(_Iterator):
    def __init__(self, data, selectors):
        self._data = iter(data)
        self._sel = iter(selectors)

    def __next__(self):
        while True:
            d = next(self._data)
            s = next(self._sel)
            if s:
                return d


class dropwhile(_Iterator):
    def __init__(self, predicate, iterable):
        self._pred = predicate
        self._it = iter(iterable)
        self._dropping = True

    def __next__(self):
        while self._dropping:
            x = next(self._it)
            if not self._pred(x):
                self._dropping = False
                return x
        return next(self._it)


class takewhile(_Iterator):
    def __init__(self, predicate, iterable):
        self._pred = predicate
        self._it = iter(iterable)
        self._done = False

    def __next__(self):
        if self._done:
            raise StopIteration
        x = next(self._it)
        if self._pred(x):
            return x
        self._done = True
        raise StopIteration


class filterfalse(_Iterator):
    def __init__(self, predicate, iterable):
        self._pred = predicate
        self._it = iter(iterable)

    def __next__(self):
        while True:
            x = next(self._it)
            if self._pred is None:
                if not x:
                    return x
            elif not self._pred(x):
                return x


class pairwise(_Iterator):
    def __init__(self, iterable):
        self._it = iter(iterable)
        self._prev = _MISSING

    def __next__(self):
        if self._prev is _MISSING:
            self._prev = next(self._it)
        x = next(self._it)
        pair = (self._prev, x)
        self._prev = x
        return pair


class batched(_Iterator):
    def __init__(self, iterable, n):
        if n < 1:
            raise ValueError('n must be at least one')
        self._it = iter(iterable)
        self._n = n

    def __next__(self):
        batch = []
        for x in self._it:
            batch.append(x)
            if len(batch) == self._n:
                break
        if not batch:
            raise StopIteration
        return tuple(batch)


class groupby(_Iterator):
    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._key = key
        self._tgtkey = _MISSING
        self._currkey = _MISSING
        self._currvalue = _MISSING
        self._group = None

    def _advance(self):
        self._currvalue = next(self._it)
        if self._key is None:
            self._currkey = self._currvalue
        else:
            self._currkey = self._key(self._currvalue)

    def __next__(self):
        if self._group is not None:
            self._group._active = False
        if self._currkey is _MISSING:
            self._advance()
        while self._tgtkey is not _MISSING and self._currkey == self._tgtkey:
            self._advance()
        self._tgtkey = self._currkey
        self._group = _Grouper(self, self._tgtkey)
        return (self._currkey, self._group)


class _Grouper(_Iterator):
    def __init__(self, parent, tgtkey):
        self._parent = parent
        self._tgtkey = tgtkey
        self._active = True

    def __next__(self):
        p = self._parent
        if not self._active or p._currvalue is _MISSING or p._currkey != self._tgtkey:
            raise StopIteration
        value = p._currvalue
        try:
            p._advance()
        except StopIteration:
            p._currvalue = _MISSING
            p._currkey = _MISSING
            p._tgtkey = _MISSING
            p._it = iter(())
        return value


class _TeeLink:
    def __init__(self):
        self.value = _MISSING
        self.next = None


class _Tee(_Iterator):
    def __init__(self, it, link):
        self._it = it
        self._link = link

    def __next__(self):
        link = self._link
        if link.next is None:
            link.value = next(self._it)
            link.next = _TeeLink()
        self._link = link.next
        return link.value


def tee(iterable, n=2):
    if n < 0:
        raise ValueError('n must be >= 0')
    it = iter(iterable)
    link = _TeeLink()
    return tuple([_Tee(it, link) for _ in range(n)])


class product(_Iterator):
    def __init__(self, *iterables, repeat=1):
        if repeat < 0:
            raise ValueError('repeat argument cannot be negative')
        self._pools = [tuple(pool) for pool in iterables] * repeat
        self._indices = None
        self._done = False

    def __next__(self):
        pools = self._pools
        if self._done:
            raise StopIteration
        if self._indices is None:
            for pool in pools:
                if not pool:
                    self._done = True
                    raise StopIteration
            self._indices = [0] * len(pools)
            return tuple([pool[0] for pool in pools])
        indices = self._indices
        i = len(pools) - 1
        while i >= 0:
            indices[i] += 1
            if indices[i] < len(pools[i]):
                return tuple([pools[j][indices[j]] for j in range(len(pools))])
            indices[i] = 0
            i -= 1
        self._done = True
        raise StopIteration


class permutations(_Iterator):
    def __init__(self, iterable, r=None):
        self._pool = tuple(iterable)
        n = len(self._pool)
        self._r = n if r is None else r
        self._n = n
        self._indices = list(range(n))
        self._cycles = list(range(n, n - self._r, -1))
        self._first = True
        self._done = self._r > n

    def __next__(self):
        if self._done:
            raise StopIteration
        pool, n, r = self._pool, self._n, self._r
        indices, cycles = self._indices, self._cycles
        if self._first:
            self._first = False
            return tuple([pool[i] for i in indices[:r]])
        if not n:
            self._done = True
            raise StopIteration
        i = r - 1
        while i >= 0:
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                return tuple([pool[k] for k in indices[:r]])
            i -= 1
        self._done = True
        raise StopIteration


class combinations(_Iterator):
    def __init__(self, iterable, r):
        if r < 0:
            raise ValueError('r must be non-negative')
        self._pool = tuple(iterable)
        self._r = r
        self._indices = list(range(r))
        self._first = True
        self._done = r > len(self._pool)

    def __next__(self):
        if self._done:
            raise StopIteration
        pool, r, indices = self._pool, self._r, self._indices
        n = len(pool)
        if self._first:
            self._first = False
            return tuple([pool[i] for i in indices])
        i = r - 1
        while i >= 0 and indices[i] == i + n - r:
            i -= 1
        if i < 0:
            self._done = True
            raise StopIteration
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        return tuple([pool[k] for k in indices])


class combinations_with_replacement(_Iterator):
    def __init__(self, iterable, r):
        if r < 0:
            raise ValueError('r must be non-negative')
        self._pool = tuple(iterable)
        self._r = r
        self._indices = [0] * r
        self._first = True
        self._done = not self._pool and r > 0

    def __next__(self):
        if self._done:
            raise StopIteration
        pool, r, indices = self._pool, self._r, self._indices
        n = len(pool)
        if self._first:
            self._first = False
            return tuple([pool[i] for i in indices])
        i = r - 1
        while i >= 0 and indices[i] == n - 1:
            i -= 1
        if i < 0:
            self._done = True
            raise StopIteration
        indices[i:] = [indices[i] + 1] * (r - i)
        return tuple([pool[k] for k in indices])
