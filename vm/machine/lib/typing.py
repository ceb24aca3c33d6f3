# typing, as gilscope provides it: the names programs import, whose subscriptions
# (Optional[int], Dict[str, List[int]], Callable[[int], str]) give objects that print
# as CPython's. Nothing is checked, as in CPython. Generic[T] and Protocol give
# classes to inherit from whose subclasses take [T] (Stack[int]); NamedTuple works
# as a base class (its subclasses are collections.namedtuple classes, which are
# not tuples in gilscope). get_type_hints resolves string annotations that are
# names; other strings stay strings (gilscope has no eval).
import collections

__all__ = ['Annotated', 'Any', 'AnyStr', 'Awaitable', 'BinaryIO', 'Callable', 'ChainMap',
           'ClassVar', 'Collection', 'Concatenate', 'Container', 'ContextManager', 'Coroutine',
           'Counter', 'DefaultDict', 'Deque', 'Dict', 'Final', 'ForwardRef', 'FrozenSet',
           'Generator', 'Generic', 'Hashable', 'IO', 'ItemsView', 'Iterable', 'Iterator',
           'KeysView', 'List', 'Literal', 'LiteralString', 'Mapping', 'MappingView',
           'MutableMapping', 'MutableSequence', 'MutableSet', 'NamedTuple', 'Never', 'NewType',
           'NoReturn', 'Optional', 'OrderedDict', 'ParamSpec', 'Protocol', 'Reversible', 'Self',
           'Sequence', 'Set', 'Sized', 'SupportsAbs', 'SupportsFloat', 'SupportsIndex',
           'SupportsInt', 'SupportsRound', 'Text', 'TextIO', 'Tuple', 'Type', 'TypeAlias',
           'TypeGuard', 'TypeVar', 'TypedDict', 'Union', 'ValuesView', 'TYPE_CHECKING',
           'assert_never', 'assert_type', 'cast', 'final', 'get_args', 'get_origin',
           'get_type_hints', 'no_type_check', 'overload', 'override', 'reveal_type',
           'runtime_checkable']

TYPE_CHECKING = False
_NoneType = type(None)


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return '%s.%s' % (obj.__module__, obj.__qualname__)
    if isinstance(obj, list):
        return '[' + ', '.join([_type_repr(a) for a in obj]) + ']'
    if isinstance(obj, _Final):
        return repr(obj)
    if callable(obj) and hasattr(obj, '__name__') and not hasattr(obj, '__origin__'):
        return obj.__name__
    return repr(obj)


def _type_check(arg):
    if arg is None:
        return _NoneType
    return arg


def _same(a, b):
    # a == b for type arguments: classes compare by identity (comparing tuples of
    # classes fails in gilscope).
    if isinstance(a, type) or isinstance(b, type):
        return a is b
    if isinstance(a, list) and isinstance(b, list):
        return _same_all(a, b)
    return a == b


def _same_all(xs, ys):
    if len(xs) != len(ys):
        return False
    for i in range(len(xs)):
        if not _same(xs[i], ys[i]):
            return False
    return True


def _hash_arg(a):
    if isinstance(a, type) or isinstance(a, list):
        return id(a)
    return hash(a)


class _Final:
    """The base of typing's own objects."""
    __module__ = 'typing'


class _GenericAlias(_Final):
    """A subscripted name: List[int], Optional[str], Callable[[int], str]."""

    def __init__(self, name, origin, args, inst=True):
        self._name = name
        self.__origin__ = origin
        self.__args__ = tuple(args)
        self._inst = inst

    def __repr__(self):
        if self._name is None:  # a user generic class subscripted: Stack[int]
            return '%s[%s]' % (_type_repr(self.__origin__), ', '.join([_type_repr(a) for a in self.__args__]))
        if self._name == 'Union' and len(self.__args__) == 2 and _NoneType in self.__args__:
            other = self.__args__[0] if self.__args__[1] is _NoneType else self.__args__[1]
            return 'typing.Optional[%s]' % _type_repr(other)
        if self._name == 'Tuple' and not self.__args__:
            return 'typing.Tuple[()]'
        if self._name == 'Literal':
            return 'typing.Literal[%s]' % ', '.join([repr(a) for a in self.__args__])
        if self._name == 'Annotated':
            return 'typing.Annotated[%s, %s]' % (_type_repr(self.__args__[0]),
                                                  ', '.join([repr(a) for a in self.__metadata__]))
        return 'typing.%s[%s]' % (self._name, ', '.join([_type_repr(a) for a in self.__args__]))

    def __getattr__(self, name):
        if name.startswith('__') or self.__origin__ is None:
            raise AttributeError(name)
        return getattr(self.__origin__, name)

    def __mro_entries__(self, bases):
        if self._name is None:
            return (self.__origin__,)
        if self.__origin__ is None or self._name in ('List', 'Dict', 'Set', 'Tuple', 'FrozenSet', 'Type'):
            raise TypeError("gilscope does not support subclassing %r yet" % self)
        return (self.__origin__,)

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias) or self._name != other._name:
            return False
        if self._name == 'Union':
            if len(self.__args__) != len(other.__args__):
                return False
            for a in self.__args__:
                if not _contains(other.__args__, a):
                    return False
            return True
        return self.__origin__ is other.__origin__ and _same_all(self.__args__, other.__args__)

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        h = hash(self._name)
        for a in self.__args__:
            h = h ^ _hash_arg(a)
        return h

    def __getitem__(self, params):
        # List[T][int]: substitute the type variables.
        if not isinstance(params, tuple):
            params = (params,)
        params = list(params)
        args = []
        for a in self.__args__:
            if isinstance(a, TypeVar) and params:
                args.append(params.pop(0))
            else:
                args.append(a)
        return _GenericAlias(self._name, self.__origin__, args, self._inst)

    def __call__(self, *args, **kwargs):
        return _instantiate(self, args, kwargs)

    def __or__(self, other):
        return Union[self, other]


def _instantiate(alias, args, kwargs):
    # List[int]() refuses, as CPython's does; Deque[int]() makes a deque.
    if alias.__origin__ is None:
        raise TypeError("Cannot instantiate %r" % alias)
    if not alias._inst:
        raise TypeError("Type %s cannot be instantiated; use %s() instead" % (
            alias._name, alias.__origin__.__name__))
    return alias.__origin__(*args, **kwargs)


def _contains(args, a):
    for b in args:
        if _same(a, b):
            return True
    return False


class _SpecialGenericAlias(_Final):
    """An unsubscripted generic name: List, Dict, Callable …"""

    def __init__(self, name, origin, nparams=-1, inst=True):
        self._name = name
        self.__origin__ = origin
        self._nparams = nparams
        self._inst = inst

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        if self._name == 'Callable':
            if not isinstance(params, tuple) or len(params) != 2:
                raise TypeError("Callable must be used as Callable[[arg, ...], result].")
            args, result = params
            if isinstance(args, list):
                return _GenericAlias('Callable', self.__origin__,
                                     [[_type_check(a) for a in args], _type_check(result)])
            return _GenericAlias('Callable', self.__origin__, [args, _type_check(result)])
        if not isinstance(params, tuple):
            params = (params,)
        if self._name == 'Tuple' and len(params) == 0:
            return _GenericAlias('Tuple', tuple, [], False)
        params = [_type_check(p) for p in params]
        if self._nparams > 0 and len(params) != self._nparams and self._name != 'Tuple':
            raise TypeError("Too %s arguments for typing.%s; actual %d, expected %d" % (
                "many" if len(params) > self._nparams else "few", self._name, len(params), self._nparams))
        return _GenericAlias(self._name, self.__origin__, params, self._inst)

    def __call__(self, *args, **kwargs):
        return _instantiate(self, args, kwargs)

    def __eq__(self, other):
        return isinstance(other, _SpecialGenericAlias) and self._name == other._name

    def __hash__(self):
        return hash(self._name)


class _SpecialForm(_Final):
    """Any, Union, Optional, ClassVar, Final, Literal …"""

    def __init__(self, name, getitem=None):
        self._name = name
        self._getitem = getitem

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, parameters):
        if self._getitem is None:
            raise TypeError("%s is not subscriptable" % self)
        return self._getitem(self, parameters)

    def __call__(self, *args, **kwds):
        raise TypeError("Cannot instantiate %r" % self)

    def __or__(self, other):
        return Union[self, other]

    def __eq__(self, other):
        return isinstance(other, _SpecialForm) and self._name == other._name

    def __hash__(self):
        return hash(self._name)


def _union(self, parameters):
    if isinstance(parameters, tuple) and len(parameters) == 0:
        raise TypeError("Cannot take a Union of no types.")
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    args = []
    for p in parameters:
        p = _type_check(p)
        if isinstance(p, _GenericAlias) and p._name == 'Union':
            for q in p.__args__:
                if not _contains(args, q):
                    args.append(q)
        elif not _contains(args, p):
            args.append(p)
    if len(args) == 1:
        return args[0]
    return _GenericAlias('Union', None, args)


def _optional(self, parameters):
    if isinstance(parameters, tuple):
        raise TypeError("typing.Optional requires a single type. Got %r." % (parameters,))
    return _union(self, (parameters, None))


def _one(self, parameters):
    if isinstance(parameters, tuple):
        raise TypeError("%s accepts only single type." % self)
    return _GenericAlias(self._name, None, [_type_check(parameters)])


def _literal(self, parameters):
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    return _GenericAlias('Literal', None, list(parameters))


def _annotated(self, params):
    if not isinstance(params, tuple) or len(params) < 2:
        raise TypeError("Annotated[...] should be used with at least two arguments (a type and an annotation).")
    alias = _GenericAlias('Annotated', None, [params[0]])
    alias.__metadata__ = params[1:]
    return alias


Any = _SpecialForm('Any')
NoReturn = _SpecialForm('NoReturn')
Never = _SpecialForm('Never')
Self = _SpecialForm('Self')
LiteralString = _SpecialForm('LiteralString')
TypeAlias = _SpecialForm('TypeAlias')
Union = _SpecialForm('Union', _union)
Optional = _SpecialForm('Optional', _optional)
ClassVar = _SpecialForm('ClassVar', _one)
Final = _SpecialForm('Final', _one)
TypeGuard = _SpecialForm('TypeGuard', _one)
Required = _SpecialForm('Required', _one)
NotRequired = _SpecialForm('NotRequired', _one)
Unpack = _SpecialForm('Unpack', _one)
Literal = _SpecialForm('Literal', _literal)
Annotated = _SpecialForm('Annotated', _annotated)
Concatenate = _SpecialForm('Concatenate', _literal)

List = _SpecialGenericAlias('List', list, 1, inst=False)
Dict = _SpecialGenericAlias('Dict', dict, 2, inst=False)
Set = _SpecialGenericAlias('Set', set, 1, inst=False)
FrozenSet = _SpecialGenericAlias('FrozenSet', frozenset, 1, inst=False)
Tuple = _SpecialGenericAlias('Tuple', tuple, inst=False)
Type = _SpecialGenericAlias('Type', type, 1, inst=False)
Callable = _SpecialGenericAlias('Callable', None)
Deque = _SpecialGenericAlias('Deque', collections.deque, 1)
DefaultDict = _SpecialGenericAlias('DefaultDict', collections.defaultdict, 2)
OrderedDict = _SpecialGenericAlias('OrderedDict', collections.OrderedDict, 2)
Counter = _SpecialGenericAlias('Counter', collections.Counter, 1)
ChainMap = _SpecialGenericAlias('ChainMap', collections.ChainMap, 2)
Iterable = _SpecialGenericAlias('Iterable', None, 1)
Iterator = _SpecialGenericAlias('Iterator', None, 1)
Reversible = _SpecialGenericAlias('Reversible', None, 1)
Generator = _SpecialGenericAlias('Generator', None, 3)
Sequence = _SpecialGenericAlias('Sequence', None, 1)
MutableSequence = _SpecialGenericAlias('MutableSequence', None, 1)
Mapping = _SpecialGenericAlias('Mapping', None, 2)
MutableMapping = _SpecialGenericAlias('MutableMapping', None, 2)
AbstractSet = _SpecialGenericAlias('AbstractSet', None, 1)
MutableSet = _SpecialGenericAlias('MutableSet', None, 1)
Collection = _SpecialGenericAlias('Collection', None, 1)
Container = _SpecialGenericAlias('Container', None, 1)
MappingView = _SpecialGenericAlias('MappingView', None, 1)
KeysView = _SpecialGenericAlias('KeysView', None, 1)
ItemsView = _SpecialGenericAlias('ItemsView', None, 2)
ValuesView = _SpecialGenericAlias('ValuesView', None, 1)
Awaitable = _SpecialGenericAlias('Awaitable', None, 1)
Coroutine = _SpecialGenericAlias('Coroutine', None, 3)
AsyncIterable = _SpecialGenericAlias('AsyncIterable', None, 1)
AsyncIterator = _SpecialGenericAlias('AsyncIterator', None, 1)
AsyncGenerator = _SpecialGenericAlias('AsyncGenerator', None, 2)
ContextManager = _SpecialGenericAlias('ContextManager', None, 1)
AsyncContextManager = _SpecialGenericAlias('AsyncContextManager', None, 1)
Hashable = _SpecialGenericAlias('Hashable', None, 0)
Sized = _SpecialGenericAlias('Sized', None, 0)
SupportsInt = _SpecialGenericAlias('SupportsInt', None, 0)
SupportsFloat = _SpecialGenericAlias('SupportsFloat', None, 0)
SupportsIndex = _SpecialGenericAlias('SupportsIndex', None, 0)
SupportsAbs = _SpecialGenericAlias('SupportsAbs', None, 1)
SupportsRound = _SpecialGenericAlias('SupportsRound', None, 1)
IO = _SpecialGenericAlias('IO', None, 1)
TextIO = _SpecialGenericAlias('TextIO', None, 0)
BinaryIO = _SpecialGenericAlias('BinaryIO', None, 0)
Text = str


class TypeVar(_Final):
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False,
                 infer_variance=False):
        if covariant and contravariant:
            raise ValueError("Bivariant type variables are not supported.")
        if len(constraints) == 1:
            raise TypeError("A single constraint is not allowed")
        self.__name__ = name
        self.__bound__ = _type_check(bound) if bound is not None else None
        self.__constraints__ = tuple(constraints)
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)

    def __repr__(self):
        if self.__covariant__:
            prefix = '+'
        elif self.__contravariant__:
            prefix = '-'
        else:
            prefix = '~'
        return prefix + self.__name__

    def __or__(self, other):
        return Union[self, other]


class ParamSpec(TypeVar):
    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        TypeVar.__init__(self, name, bound=bound, covariant=covariant, contravariant=contravariant)


AnyStr = TypeVar('AnyStr', bytes, str)


class _GenericBase:
    """What Generic[...] and Protocol[...] give to inherit from: its subclasses
    take type arguments (Stack[int])."""

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        return _GenericAlias(None, cls, [_type_check(p) for p in params])


class _GenericForm(_Final):
    def __init__(self, name):
        self._name = name

    def __repr__(self):
        return "<class 'typing.%s'>" % self._name

    def __getitem__(self, params):
        return _GenericBase


Generic = _GenericForm('Generic')


class Protocol(_GenericBase):
    """Structural types: a class to inherit from; nothing is checked."""

    def __class_getitem__(cls, params):
        if cls is Protocol:
            return _GenericBase
        return _GenericBase.__class_getitem__.__func__(cls, params)


def runtime_checkable(cls):
    return cls


def cast(typ, val):
    return val


def assert_type(val, typ):
    return val


def assert_never(arg):
    value = repr(arg)
    if len(value) > 100:
        value = value[:100] + '...'
    raise AssertionError("Expected code to be unreachable, but got: %s" % value)


def reveal_type(obj):
    import sys
    sys.stderr.write("Runtime type is %r\n" % type(obj).__name__)
    return obj


def overload(func):
    return func


def override(method):
    return method


def final(f):
    return f


def no_type_check(arg):
    return arg


def get_origin(tp):
    if isinstance(tp, _GenericAlias):
        if tp._name == 'Union':
            return Union
        if tp._name in ('ClassVar', 'Final', 'Literal', 'Annotated', 'TypeGuard'):
            return _SpecialForm(tp._name)
        if tp._name == 'Callable':
            return None
        return tp.__origin__
    if tp is Generic:
        return Generic
    return None


def get_args(tp):
    if isinstance(tp, _GenericAlias):
        args = tp.__args__
        if tp._name == 'Annotated':
            return (args[0],) + tp.__metadata__
        return args
    return ()


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    if isinstance(obj, type):
        hints = {}
        for base in reversed(obj.__mro__):
            if base.__module__ == 'builtins':
                continue
            ann = base.__dict__.get('__annotations__', {})
            ns = globalns
            if ns is None:
                ns = _module_dict(base.__module__)
            for name, value in ann.items():
                hints[name] = _eval_hint(value, ns, localns)
        return hints
    hints = dict(getattr(obj, '__annotations__', {}))
    if globalns is None:
        globalns = getattr(obj, '__globals__', None)
        if globalns is None:
            globalns = getattr(obj, '__dict__', {})
    for name, value in hints.items():
        hints[name] = _eval_hint(value, globalns, localns)
    return hints


def _module_dict(name):
    import sys
    mod = sys.modules.get(name)
    return mod.__dict__ if mod is not None else {}


def _eval_hint(value, globalns, localns):
    # A string that names something is resolved; gilscope cannot evaluate others.
    if value is None:
        return _NoneType
    if isinstance(value, str) and value.isidentifier():
        for ns in (localns, globalns):
            if ns is not None and value in ns:
                return ns[value]
        if value in _BUILTIN_TYPES:
            return _BUILTIN_TYPES[value]
        raise NameError("name '%s' is not defined" % value)
    if isinstance(value, _GenericAlias) and value._name not in ('Literal', 'Annotated'):
        args = [_eval_hint(a, globalns, localns) for a in value.__args__]
        alias = _GenericAlias(value._name, value.__origin__, args, value._inst)
        return alias
    return value


_BUILTIN_TYPES = {t.__name__: t for t in (int, float, str, bytes, bool, list, dict, set, frozenset,
                                         tuple, type, object)}


class NewType(_Final):
    def __init__(self, name, tp):
        self.__name__ = name
        self.__qualname__ = name
        self.__supertype__ = tp
        self.__module__ = '__main__'

    def __repr__(self):
        return '%s.%s' % (self.__module__, self.__qualname__)

    def __call__(self, x):
        return x


class ForwardRef(_Final):
    def __init__(self, arg):
        self.__forward_arg__ = arg

    def __repr__(self):
        return 'ForwardRef(%r)' % (self.__forward_arg__,)


def NamedTuple(typename, fields=None, **kwargs):
    if fields is None:
        fields = list(kwargs.items())
    return collections.namedtuple(typename, [name for name, _ in fields])


class _NamedTupleBase:
    """What `class P(NamedTuple)` inherits from: the class statement's annotated
    names become the fields (with their defaults) of a namedtuple whose methods
    the new class takes, as CPython's NamedTupleMeta builds it."""

    def __init_subclass__(cls, **kwargs):
        ann = cls.__dict__.get('__annotations__', {})
        fields = list(ann)
        defaults = []
        for name in fields:
            if name in cls.__dict__:
                defaults.append(cls.__dict__[name])
            elif defaults:
                raise TypeError("Non-default namedtuple field %s cannot follow default field%s %s" % (
                    name, "s" if len(defaults) > 1 else "",
                    ", ".join(fields[len(fields) - len(defaults) - 1:fields.index(name)])))
        nt = collections.namedtuple(cls.__name__, fields, defaults=defaults, module=cls.__module__)
        for name, value in nt.__dict__.items():
            if name in ('__dict__', '__module__', '__qualname__', '__doc__', '__annotations__'):
                continue
            if name in fields or name not in cls.__dict__:
                setattr(cls, name, value)


NamedTuple.__mro_entries__ = lambda bases: (_NamedTupleBase,)


def _typeddict_mro_entries(bases):
    # Its instances are dicts: that needs __new__ or subclassing dict.
    raise TypeError("gilscope does not support TypedDict classes yet; use TypedDict('Name', {...})")


def TypedDict(typename, fields=None, *, total=True, **kwargs):
    # TypedDict('Movie', {...})(name=...) makes a plain dict, as CPython's does.
    def make(*args, **kw):
        return dict(*args, **kw)
    return make


TypedDict.__mro_entries__ = _typeddict_mro_entries
