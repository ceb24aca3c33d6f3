# Writes dirnames.go: the names of the own __dict__ of each builtin class gilscope has,
# as CPython 3.12 gives them (dir() merges them along an MRO).
import builtins, types
def gen(): yield
g = gen()
classes = {
 'object': object, 'type': type, 'int': int, 'bool': bool, 'float': float, 'complex': complex,
 'str': str, 'bytes': bytes, 'bytearray': bytearray, 'memoryview': memoryview, 'list': list,
 'tuple': tuple, 'dict': dict, 'set': set, 'frozenset': frozenset, 'range': range, 'slice': slice,
 'super': super, 'staticmethod': staticmethod, 'classmethod': classmethod, 'property': property,
 'NoneType': type(None), 'NotImplementedType': type(NotImplemented), 'ellipsis': type(...),
 'function': types.FunctionType, 'builtin_function_or_method': types.BuiltinFunctionType,
 'method': types.MethodType, 'module': types.ModuleType, 'generator': types.GeneratorType,
 'code': types.CodeType, 'cell': types.CellType, 'frame': types.FrameType,
 'enumerate': enumerate, 'filter': filter, 'map': map, 'zip': zip, 'reversed': reversed,
 'list_iterator': type(iter([])), 'tuple_iterator': type(iter(())), 'set_iterator': type(iter(set())),
 'range_iterator': type(iter(range(1))), 'str_ascii_iterator': type(iter('')),
 'bytes_iterator': type(iter(b'')), 'bytearray_iterator': type(iter(bytearray())),
 'dict_keys': type({}.keys()), 'dict_values': type({}.values()), 'dict_items': type({}.items()),
 'dict_keyiterator': type(iter({})),
}
for n in dir(builtins):
    v = getattr(builtins, n)
    if isinstance(v, type) and issubclass(v, BaseException):
        classes[n] = v
print("// Code generated from CPython 3.12 (sorted(vars(cls)) of each builtin class); DO NOT EDIT.")
print("// Regenerate: python3.12 vm/py/dirnames.py > vm/py/dirnames.go && gofmt -w vm/py/dirnames.go")
print()
print("package py")
print()
print("// cpythonClassNames are the names in each builtin class's own __dict__ in CPython 3.12,")
print("// by the class's name: what dir() merges along a class's MRO.")
print("var cpythonClassNames = map[string]string{")
for n in sorted(classes):
    print('\t%s: "%s",' % ('"%s"' % n, ' '.join(sorted(vars(classes[n])))))
print("}")
