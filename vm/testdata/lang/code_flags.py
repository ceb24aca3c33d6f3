# co_flags of code objects: OPTIMIZED|NEWLOCALS for functions, VARARGS, VARKEYWORDS,
# NESTED for functions defined in functions, GENERATOR; 0 for module code.


def plain(a, b=1):
    pass


def star(*args, **kwargs):
    pass


def gen(n):
    yield n


def outer():
    def inner(x, *rest):
        return x
    lam = lambda **kw: kw
    g = (i for i in range(3))
    return inner, lam, g


class K:
    def method(self):
        pass

    @staticmethod
    def static(*a):
        pass


inner, lam, g = outer()
for f in [plain, star, gen, inner, lam, K.method, K.static, lambda: 0]:
    print(f.__qualname__, f.__code__.co_flags)
print('module', compile('x = 1', 'm', 'exec').co_flags)
