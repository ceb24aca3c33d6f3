# A class body that sets __module__ names the class's module, as CPython takes it from
# the namespace.
class K:
    __module__ = 'elsewhere'
    def m(self):
        return 1
class L(K):
    pass
print(K, K.__module__, L.__module__, repr(K())[:22], K.m.__module__)
M = type('M', (), {'__module__': 'made'})
print(M, M.__module__)
