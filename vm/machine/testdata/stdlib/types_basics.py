# types: the types of generators, functions, methods and modules, and SimpleNamespace.
import types


def gen():
    yield 1


def f():
    pass


class C:
    def m(self):
        pass


g = gen()
print(isinstance(g, types.GeneratorType), type(g) is types.GeneratorType, types.GeneratorType.__name__)
print(isinstance((x for x in ()), types.GeneratorType), isinstance(iter([]), types.GeneratorType))
print(isinstance(f, types.FunctionType), isinstance(lambda: 0, types.LambdaType), types.FunctionType.__name__)
print(isinstance(C().m, types.MethodType), isinstance(len, types.BuiltinFunctionType), isinstance(types, types.ModuleType))
ns = types.SimpleNamespace(a=1, b="x")
ns.c = [3]
print(ns, ns.a, ns.c, ns == types.SimpleNamespace(a=1, b="x", c=[3]), ns == types.SimpleNamespace(a=1))
