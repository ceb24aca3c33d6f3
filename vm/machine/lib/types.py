# types, as gilscope provides it: the types of the objects the interpreter has
# (GeneratorType, FunctionType, GenericAlias …) and SimpleNamespace. (The plain
# interpreter, without this library, has a smaller types module of its own.)
import sys

__all__ = ['BuiltinFunctionType', 'BuiltinMethodType', 'EllipsisType', 'FunctionType',
           'GeneratorType', 'GenericAlias', 'LambdaType', 'MethodType', 'ModuleType',
           'NoneType', 'NotImplementedType', 'SimpleNamespace', 'UnionType']


def _f():
    pass


def _g():
    yield 1


class _C:
    def _m(self):
        pass


FunctionType = type(_f)
LambdaType = type(lambda: None)
GeneratorType = type(_g())
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
MethodType = type(_C()._m)
ModuleType = type(sys)
GenericAlias = type(list[int])
UnionType = type(int | None)
NoneType = type(None)
EllipsisType = type(...)
NotImplementedType = type(NotImplemented)
del _f, _g, _C


class SimpleNamespace:
    def __init__(self, **kwargs):
        for k, v in kwargs.items():
            setattr(self, k, v)

    def __repr__(self):
        items = ("{}={!r}".format(k, v) for k, v in self.__dict__.items())
        return "namespace({})".format(", ".join(items))

    def __eq__(self, other):
        if isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented
