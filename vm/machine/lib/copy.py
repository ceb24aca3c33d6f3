# copy, as gilscope provides it: shallow and deep copies of the builtin containers and
# of objects that define __copy__/__deepcopy__. Copying an instance of a user class
# otherwise needs an instance made without __init__, which the interpreter cannot make
# yet: it refuses.

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
    raise NotImplementedError("gilscope does not support copying %s objects yet" % type(x).__name__)


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
    else:
        _refuse(x)
    memo[key] = y
    return y
