# copy, as gilscope provides it: shallow and deep copies of the builtin containers, of
# objects that define __copy__/__deepcopy__, and of instances of classes deriving only
# from object (made with cls.__new__(cls) and given a copy of the __dict__, or of what
# __getstate__ returns, through __setstate__ if there is one, as CPython's
# __reduce_ex__(4) does). Instances of other classes refuse.

__all__ = ['Error', 'copy', 'deepcopy']


class Error(Exception):
    pass


error = Error

def _atomic(x):
    # Immutable values, classes and functions are their own copies.
    if x is None or isinstance(x, (int, float, bool, str, bytes, type, range)):
        return True
    return type(x).__name__ in ('function', 'builtin_function_or_method', 'method')


def _refuse(x):
    cls = type(x)
    if not hasattr(cls, '__dict__'):
        # A type of the interpreter's (a lock, a generator, a module): CPython's
        # __reduce_ex__ refuses it.
        name = cls.__name__ if cls.__module__ == 'builtins' else cls.__module__ + '.' + cls.__name__
        raise TypeError("cannot pickle '%s' object" % name)
    raise NotImplementedError("gilscope does not support copying %s objects yet" % cls.__name__)


def _plain_instance(x):
    # An instance whose class derives only from object: CPython's __reduce_ex__(4)
    # reduces it to cls.__new__(cls) and its state.
    cls = type(x)
    if cls.__module__ == 'builtins' or not hasattr(x, '__dict__'):
        return False
    for b in cls.__mro__:
        if b is not object and b.__module__ == 'builtins':
            return False
    return True


def _reconstruct(x, memo):
    cls = type(x)
    y = cls.__new__(cls)
    if memo is not None:
        memo[id(x)] = y
    if hasattr(x, '__getstate__'):
        state = x.__getstate__()
    else:
        state = x.__dict__
    if memo is not None:
        state = deepcopy(state, memo)
    if hasattr(y, '__setstate__'):
        y.__setstate__(state)
    elif state:
        if memo is None:
            state = dict(state)
        y.__dict__.update(state)
    return y


def copy(x):
    if hasattr(x, '__copy__'):
        return x.__copy__()
    if isinstance(x, list):
        return x[:]
    if isinstance(x, dict):
        return x.copy()
    if isinstance(x, set):
        return x.copy()
    if isinstance(x, (tuple, frozenset)) or _atomic(x):
        return x
    if _plain_instance(x):
        return _reconstruct(x, None)
    _refuse(x)


def deepcopy(x, memo=None):
    if memo is None:
        memo = {}
    key = id(x)
    if key in memo:
        return memo[key]
    if hasattr(x, '__deepcopy__'):
        y = x.__deepcopy__(memo)
    elif isinstance(x, list):
        y = []
        memo[key] = y
        for item in x:
            y.append(deepcopy(item, memo))
    elif isinstance(x, dict):
        y = {}
        memo[key] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
    elif isinstance(x, set):
        y = set([deepcopy(item, memo) for item in x])
    elif isinstance(x, frozenset):
        y = frozenset([deepcopy(item, memo) for item in x])
    elif isinstance(x, tuple):
        items = [deepcopy(item, memo) for item in x]
        same = True
        for i in range(len(x)):
            if items[i] is not x[i]:
                same = False
        y = x if same else tuple(items)
    elif _atomic(x):
        y = x
    elif _plain_instance(x):
        y = _reconstruct(x, memo)
    else:
        _refuse(x)
    memo[key] = y
    return y
