"""contextvars, as CPython's: ContextVar, Token, Context and copy_context. Each thread
has its own current context, and a new thread starts with an empty one, as in CPython
3.12. A Context is a mapping copied when a variable is set (CPython's is a persistent
map that shares its structure; the copy costs more here when a context holds many
variables)."""

import _thread

__all__ = ('Context', 'ContextVar', 'Token', 'copy_context')


class _Missing:
    def __repr__(self):
        return '<Token.MISSING>'


_MISSING = _Missing()
_state = _thread._local()


def _current():
    ctx = getattr(_state, 'ctx', None)
    if ctx is None:
        ctx = Context()
        _state.ctx = ctx
    return ctx


class Context:

    def __init__(self):
        self._data = {}
        self._prev = None
        self._entered = False

    def run(self, callable, *args, **kwargs):
        if self._entered:
            raise RuntimeError(
                'cannot enter context: %r is already entered' % (self,))
        self._prev = _current()
        self._entered = True
        _state.ctx = self
        try:
            return callable(*args, **kwargs)
        finally:
            _state.ctx = self._prev
            self._prev = None
            self._entered = False

    def copy(self):
        new = Context()
        new._data = self._data
        return new

    def __getitem__(self, var):
        return self._data[_key(var)]

    def get(self, var, default=None):
        return self._data.get(_key(var), default)

    def __contains__(self, var):
        return _key(var) in self._data

    def __iter__(self):
        return iter(self._data)

    def __len__(self):
        return len(self._data)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def __eq__(self, other):
        if not isinstance(other, Context):
            return NotImplemented
        return self._data == other._data

    __hash__ = None


def _key(var):
    if not isinstance(var, ContextVar):
        raise TypeError("a ContextVar key was expected, got %r" % (var,))
    return var


def copy_context():
    return _current().copy()


class ContextVar:

    def __init__(self, name, *, default=_MISSING):
        if not isinstance(name, str):
            raise TypeError("context variable name must be a str")
        self._name = name
        self._default = default

    def __init_subclass__(cls, **kwargs):
        raise TypeError("type 'ContextVar' is not an acceptable base type")

    def _get_name(self):
        return self._name

    name = property(_get_name)

    def get(self, *args):
        if len(args) > 1:
            raise TypeError('get expected at most 1 argument, got %d' % len(args))
        ctx = _current()
        try:
            return ctx._data[self]
        except KeyError:
            pass
        if args:
            return args[0]
        if self._default is not _MISSING:
            return self._default
        raise LookupError(self)

    def set(self, value):
        ctx = _current()
        data = ctx._data
        old = data.get(self, _MISSING)
        new = dict(data)
        new[self] = value
        ctx._data = new
        return Token(ctx, self, old)

    def reset(self, token):
        if not isinstance(token, Token):
            raise TypeError("expected an instance of Token, got %r" % (token,))
        if token._used:
            raise RuntimeError("%r has already been used once" % (token,))
        if token._var is not self:
            raise ValueError("%r was created by a different ContextVar" % (token,))
        ctx = _current()
        if token._ctx is not ctx:
            raise ValueError("%r was created in a different Context" % (token,))
        new = dict(ctx._data)
        if token._old_value is _MISSING:
            new.pop(self, None)
        else:
            new[self] = token._old_value
        ctx._data = new
        token._used = True

    def __class_getitem__(cls, item):
        from types import GenericAlias
        return GenericAlias(cls, item)

    def __repr__(self):
        r = '<ContextVar name=%r' % (self._name,)
        if self._default is not _MISSING:
            r += ' default=%r' % (self._default,)
        return r + ' at 0x%x>' % id(self)


class Token:

    MISSING = _MISSING

    def __init__(self, context, var, old_value):
        self._ctx = context
        self._var = var
        self._old_value = old_value
        self._used = False

    def _get_var(self):
        return self._var

    def _get_old_value(self):
        return self._old_value

    var = property(_get_var)
    old_value = property(_get_old_value)

    def __repr__(self):
        return '<Token%s var=%r at 0x%x>' % (' used' if self._used else '', self._var, id(self))


for _cls in (Context, ContextVar, Token):
    _cls.__module__ = '_contextvars'  # CPython's classes are _contextvars'
del _cls
