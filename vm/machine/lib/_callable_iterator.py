# iter(callable, sentinel), as gilscope provides it: the iterator calls the callable
# from its __next__, a Python frame, so the callable may block (iter(q.get, None) in a
# worker waits on the queue, releasing the GIL) as CPython's C callable_iterator can.


class callable_iterator:
    __module__ = 'builtins'

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
