"""gc, as gilscope provides it. The simulated interpreter frees an object when its
reference count reaches zero, as CPython does; it has no cycle collector, so objects
in a reference cycle are never freed, and collect() finds nothing to collect: it
returns 0. The switches and thresholds are kept and reported as CPython's are, with
no effect on the run."""

DEBUG_STATS = 1
DEBUG_COLLECTABLE = 2
DEBUG_UNCOLLECTABLE = 4
DEBUG_SAVEALL = 32
DEBUG_LEAK = 38

garbage = []
callbacks = []

_enabled = [True]
_threshold = [700, 10, 10]
_debug = [0]
_frozen = [0]


def enable():
    _enabled[0] = True


def disable():
    _enabled[0] = False


def isenabled():
    return _enabled[0]


def collect(generation=2):
    if generation not in (0, 1, 2):
        raise ValueError("invalid generation")
    return 0


def get_count():
    return (0, 0, 0)


def get_threshold():
    return tuple(_threshold)


def set_threshold(threshold0, threshold1=None, threshold2=None):
    _threshold[0] = threshold0
    if threshold1 is not None:
        _threshold[1] = threshold1
    if threshold2 is not None:
        _threshold[2] = threshold2


def get_debug():
    return _debug[0]


def set_debug(flags):
    _debug[0] = flags


def get_stats():
    return [{'collections': 0, 'collected': 0, 'uncollectable': 0} for _ in range(3)]


def freeze():
    pass


def unfreeze():
    pass


def get_freeze_count():
    return 0


def is_finalized(obj):
    return False


def _refuse(what):
    raise NotImplementedError("gilscope does not support %s yet" % what)


def get_objects(generation=None):
    _refuse("gc.get_objects")


def get_referrers(*objs):
    _refuse("gc.get_referrers")


def get_referents(*objs):
    _refuse("gc.get_referents")


def is_tracked(obj):
    _refuse("gc.is_tracked")
