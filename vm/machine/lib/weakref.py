"""weakref, as gilscope provides it: references that do not keep their object alive.

The machine counts references as CPython does: when an object's count reaches zero
it is freed, its weak references die (they return None) and the callbacks of those
still alive run, newest first, on the thread that dropped the last reference. The
references themselves are kept by the interpreter (_gilscope_lib.weak_*). The machine
has no cycle collector: an object in a reference cycle is never freed, so its weak
references never die, where CPython's gc would eventually free it.

WeakValueDictionary, WeakKeyDictionary, WeakSet and finalize follow CPython's
weakref.py and _weakrefset.py; their iterations take a snapshot, where CPython's
defer the removals a callback makes while an iteration runs.
"""

import _gilscope_lib
import sys

__all__ = ["ref", "proxy", "getweakrefcount", "getweakrefs",
           "WeakKeyDictionary", "ReferenceType", "ProxyType",
           "CallableProxyType", "ProxyTypes", "WeakValueDictionary",
           "WeakSet", "WeakMethod", "finalize"]

_track = _gilscope_lib.weak_track
_get = _gilscope_lib.weak_get
_callback = _gilscope_lib.weak_callback
_refs = _gilscope_lib.weak_refs


def _addr(obj):
    return '0x%x' % id(obj)


class ReferenceType:
    """ref(object[, callback]): a weak reference to object."""

    def __new__(cls, ob, callback=None):
        if type(ob) is ReferenceType or type(ob) is KeyedRef:
            raise TypeError("cannot create weak reference to 'weakref.ReferenceType' object")
        if callback is None and cls is ReferenceType:
            # As CPython's, the basic reference to an object is shared.
            for r in _refs(ob):
                if type(r) is ReferenceType and _callback(r) is None:
                    return r
        self = object.__new__(cls)
        _track(self, ob, callback)
        return self

    def __init__(self, ob, callback=None):
        pass

    def __call__(self):
        return _get(self)

    def _get_callback(self):
        return _callback(self)

    __callback__ = property(_get_callback)

    def __hash__(self):
        # The object's hash, kept for when it has died. (Taken again while it lives:
        # a fork's child has copies with other ids.)
        ob = _get(self)
        if ob is None:
            h = self.__dict__.get('_hash')
            if h is None:
                raise TypeError("weak object has gone away")
            return h
        h = hash(ob)
        self._hash = h
        return h

    def __eq__(self, other):
        if not isinstance(other, ReferenceType):
            return NotImplemented
        a, b = _get(self), _get(other)
        if a is None or b is None:
            return self is other
        return a == b

    def __ne__(self, other):
        r = self.__eq__(other)
        if r is NotImplemented:
            return r
        return not r

    def __repr__(self):
        ob = _get(self)
        if ob is None:
            return '<weakref at %s; dead>' % _addr(self)
        return "<weakref at %s; to '%s' at %s>" % (_addr(self), type(ob).__name__, _addr(ob))

    def __reduce__(self):
        raise TypeError("cannot pickle 'weakref.ReferenceType' object")

    def __class_getitem__(cls, item):
        from types import GenericAlias
        return GenericAlias(cls, item)


ref = ReferenceType


def getweakrefcount(object):
    return len(_refs(object))


def getweakrefs(object):
    # CPython's order: the shared basic reference first, then the others newest first.
    refs = _refs(object)
    basic = [r for r in refs if type(r) is ReferenceType and _callback(r) is None]
    return basic[:1] + [r for r in reversed(refs) if not (basic and r is basic[0])]


class ProxyType:
    """proxy(object[, callback]): an object that forwards to object while it lives."""

    def __init__(self, ob, callback=None):
        object.__setattr__(self, '_ref', ref(ob, callback))

    def _target(self):
        ob = self.__dict__['_ref']()
        if ob is None:
            raise ReferenceError('weakly-referenced object no longer exists')
        return ob

    def __getattr__(self, name):
        return getattr(ProxyType._target(self), name)

    def __setattr__(self, name, value):
        setattr(ProxyType._target(self), name, value)

    def __str__(self):
        return str(ProxyType._target(self))

    def __repr__(self):
        ob = ProxyType._target(self)
        return "<weakproxy at %s; to '%s' at %s>" % (_addr(self), type(ob).__name__, _addr(ob))

    def __eq__(self, other):
        return ProxyType._target(self) == other

    def __len__(self):
        return len(ProxyType._target(self))

    def __iter__(self):
        return iter(ProxyType._target(self))

    def __getitem__(self, key):
        return ProxyType._target(self)[key]

    def __bool__(self):
        return bool(ProxyType._target(self))

    __hash__ = None


class CallableProxyType(ProxyType):
    def __call__(self, *args, **kwargs):
        return ProxyType._target(self)(*args, **kwargs)


ProxyTypes = (ProxyType, CallableProxyType)


def proxy(object, callback=None):
    if callable(object):
        return CallableProxyType(object, callback)
    return ProxyType(object, callback)


class WeakMethod(ref):
    """A weak reference to a bound method: it dies with the object or the function."""

    def __new__(cls, meth, callback=None):
        try:
            obj = meth.__self__
            func = meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}"
                            .format(type(meth))) from None

        def _cb(arg):
            self = self_wr()
            if self is not None and self._alive:
                self._alive = False
                if callback is not None:
                    callback(self)

        self = ref.__new__(cls, obj, _cb)
        self._func_ref = ref(func, _cb)
        self._meth_type = type(meth)
        self._alive = True
        self_wr = ref(self)
        return self

    def __call__(self):
        obj = ref.__call__(self)
        func = self._func_ref()
        if obj is None or func is None:
            return None
        return self._meth_type(func, obj)

    def __eq__(self, other):
        if isinstance(other, WeakMethod):
            if not self._alive or not other._alive:
                return self is other
            return ref.__eq__(self, other) and self._func_ref == other._func_ref
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, WeakMethod):
            return not self.__eq__(other)
        return NotImplemented

    def __hash__(self):
        return ref.__hash__(self)


class _Remover:
    """The callback a weak container gives its references: it removes the dead
    reference from the container, if the container lives. (An object, not a closure
    as CPython's, so that a fork's child gets a copy of it.)"""

    def __init__(self, owner, how):
        self._owner = ref(owner)
        self._how = how

    def __call__(self, wr):
        owner = self._owner()
        if owner is not None:
            self._how(owner.data, wr)


def _remove_value(data, wr):
    if data.get(wr.key) is wr:
        del data[wr.key]


def _remove_key(data, wr):
    data.pop(wr, None)


def _remove_item(data, wr):
    data.discard(wr)


class KeyedRef(ref):
    """A weak reference that remembers a key (WeakValueDictionary's)."""

    def __new__(cls, ob, callback, key):
        self = ref.__new__(cls, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        pass


class _WeakMapping:
    """What WeakValueDictionary and WeakKeyDictionary share, over their items()."""

    def __len__(self):
        return len(self.data)

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def keys(self):
        return [k for k, v in self.items()]

    def __iter__(self):
        return iter(self.keys())

    def values(self):
        return [v for k, v in self.items()]

    def copy(self):
        new = self.__class__()
        for key, value in self.items():
            new[key] = value
        return new

    __copy__ = copy

    def clear(self):
        self.data.clear()


class WeakValueDictionary(_WeakMapping):
    """A mapping whose values are held weakly: an entry goes when its value dies."""

    def __init__(self, other=(), /, **kw):
        self._remove = _Remover(self, _remove_value)
        self.data = {}
        self.update(other, **kw)

    def __getitem__(self, key):
        o = self.data[key]()
        if o is None:
            raise KeyError(key)
        return o

    def __delitem__(self, key):
        del self.data[key]

    def __contains__(self, key):
        try:
            o = self.data[key]()
        except KeyError:
            return False
        return o is not None

    def __setitem__(self, key, value):
        self.data[key] = KeyedRef(value, self._remove, key)

    def get(self, key, default=None):
        try:
            wr = self.data[key]
        except KeyError:
            return default
        o = wr()
        if o is None:
            return default
        return o

    def items(self):
        out = []
        for k, wr in list(self.data.items()):
            v = wr()
            if v is not None:
                out.append((k, v))
        return out

    def itervaluerefs(self):
        return iter(list(self.data.values()))

    def valuerefs(self):
        return list(self.data.values())

    def popitem(self):
        while True:
            key, wr = self.data.popitem()
            o = wr()
            if o is not None:
                return key, o

    def pop(self, key, *args):
        try:
            o = self.data.pop(key)()
        except KeyError:
            o = None
        if o is None:
            if args:
                return args[0]
            raise KeyError(key)
        return o

    def setdefault(self, key, default=None):
        try:
            o = self.data[key]()
        except KeyError:
            o = None
        if o is None:
            self.data[key] = KeyedRef(default, self._remove, key)
            return default
        return o

    def update(self, other=None, /, **kwargs):
        d = self.data
        if other is not None:
            if not hasattr(other, "keys"):
                other = dict(other)
            for key in other.keys():
                d[key] = KeyedRef(other[key], self._remove, key)
        for key, o in kwargs.items():
            d[key] = KeyedRef(o, self._remove, key)


class WeakKeyDictionary(_WeakMapping):
    """A mapping whose keys are held weakly: an entry goes when its key dies."""

    def __init__(self, dict=None):
        self.data = {}
        self._remove = _Remover(self, _remove_key)
        if dict is not None:
            self.update(dict)

    def __delitem__(self, key):
        del self.data[ref(key)]

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __setitem__(self, key, value):
        self.data[ref(key, self._remove)] = value

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self.data

    def items(self):
        out = []
        for wr, value in list(self.data.items()):
            key = wr()
            if key is not None:
                out.append((key, value))
        return out

    def keyrefs(self):
        return list(self.data)

    def popitem(self):
        while True:
            key, value = self.data.popitem()
            o = key()
            if o is not None:
                return o, value

    def pop(self, key, *args):
        return self.data.pop(ref(key), *args)

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove), default)

    def update(self, dict=None, /, **kwargs):
        d = self.data
        if dict is not None:
            if not hasattr(dict, "items"):
                dict = type({})(dict)
            for key, value in dict.items():
                d[ref(key, self._remove)] = value
        if len(kwargs):
            self.update(kwargs)


class WeakSet:
    """A set whose items are held weakly: an item goes when it dies."""

    def __init__(self, data=None):
        self.data = set()
        self._remove = _Remover(self, _remove_item)
        if data is not None:
            self.update(data)

    def __iter__(self):
        for itemref in list(self.data):
            item = itemref()
            if item is not None:
                yield item

    def __len__(self):
        return len(self.data)

    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self.data

    def __repr__(self):
        return '%s(%r)' % (self.__class__.__name__, set(self))

    def add(self, item):
        self.data.add(ref(item, self._remove))

    def clear(self):
        self.data.clear()

    def copy(self):
        return self.__class__(self)

    def pop(self):
        while True:
            try:
                itemref = self.data.pop()
            except KeyError:
                raise KeyError('pop from empty WeakSet') from None
            item = itemref()
            if item is not None:
                return item

    def remove(self, item):
        self.data.remove(ref(item))

    def discard(self, item):
        self.data.discard(ref(item))

    def update(self, other):
        for element in other:
            self.add(element)

    def __ior__(self, other):
        self.update(other)
        return self

    def difference_update(self, other):
        for item in other:
            self.discard(item)

    def __eq__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return set(self) == set(other)

    def __bool__(self):
        return len(self.data) > 0

    __hash__ = None


class finalize:
    """finalize(obj, func, *args, **kwargs): call func(*args, **kwargs) once, when obj
    is freed, when the finalizer is called, or at exit (if atexit is true)."""

    _registry = {}
    _shutdown = False
    _index_iter = [0]
    _registered_with_atexit = False

    def __init__(self, obj, func, /, *args, **kwargs):
        if not finalize._registered_with_atexit:
            import atexit
            atexit.register(finalize._exitfunc)
            finalize._registered_with_atexit = True
        info = _Info()
        info.weakref = ref(obj, self)
        info.func = func
        info.args = args
        info.kwargs = kwargs or None
        info.atexit = True
        finalize._index_iter[0] += 1
        info.index = finalize._index_iter[0]
        finalize._registry[self] = info

    def __call__(self, _=None):
        info = finalize._registry.pop(self, None)
        if info and not finalize._shutdown:
            return info.func(*info.args, **(info.kwargs or {}))

    def detach(self):
        info = finalize._registry.get(self)
        obj = info and info.weakref()
        if obj is not None and finalize._registry.pop(self, None):
            return (obj, info.func, info.args, info.kwargs or {})

    def peek(self):
        info = finalize._registry.get(self)
        obj = info and info.weakref()
        if obj is not None:
            return (obj, info.func, info.args, info.kwargs or {})

    def _get_alive(self):
        return self in finalize._registry

    alive = property(_get_alive)

    def _get_atexit(self):
        info = finalize._registry.get(self)
        return bool(info) and info.atexit

    def _set_atexit(self, value):
        info = finalize._registry.get(self)
        if info:
            info.atexit = bool(value)

    atexit = property(_get_atexit, _set_atexit)

    def __repr__(self):
        info = finalize._registry.get(self)
        obj = info and info.weakref()
        if obj is None:
            return '<%s object at %#x; dead>' % (type(self).__name__, id(self))
        return '<%s object at %#x; for %r at %#x>' % (
            type(self).__name__, id(self), type(obj).__name__, id(obj))

    def _exitfunc():
        # At exit, the finalizers still alive with atexit true run, newest first.
        try:
            if finalize._registry:
                pending = sorted(((i.index, f) for f, i in finalize._registry.items()
                                  if i.atexit), key=lambda p: p[0])
                for index, f in reversed(pending):
                    try:
                        f()
                    except Exception as e:
                        sys.stderr.write("Exception ignored in: %r\n" % (f,))
                        sys.stderr.write(_gilscope_lib.format_exception(e))
        finally:
            finalize._shutdown = True

    _exitfunc = staticmethod(_exitfunc)


class _Info:
    pass
