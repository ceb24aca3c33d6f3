# The iterator of iter(callable, sentinel) (see py.Interp.CallableIterator): its
# __next__ is Python code, so FOR_ITER runs the call as a frame, and the callable may
# block (for item in iter(queue.get, 'STOP')).


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
