# Function definitions and calls: defaults, keyword args, *args, **kwargs, keyword-only args, unpacking in calls.
def f(a, b, c=3, d=4):
    return [a, b, c, d]

print(f(1, 2), f(1, 2, 5), f(1, 2, d=9), f(b=7, a=6), f(1, 2, 3, 4), f(*[1, 2]), f(1, *(2, 3)))
print(f(**{"a": "x", "b": "y"}), f(1, **{"d": "dd", "b": "bb"}), f(*[1], **{"b": 2, "c": 0}))

def varargs(*args):
    return args

print(varargs(), varargs(1), varargs(1, "two", [3]), varargs(*"abc"), type(varargs()).__name__)

def kwonly(a, *, key, flag=False):
    return (a, key, flag)

print(kwonly(1, key="k"), kwonly(2, flag=True, key="z"))

def everything(a, b=2, *args, c, d=4, **kwargs):
    return "a=%r b=%r args=%r c=%r d=%r kwargs=%r" % (a, b, args, c, d, kwargs)

print(everything(1, c=3))
print(everything(1, 2, 3, 4, 5, c=6, e=7, f=8))
print(everything(a=0, c=1, d=2, z=26))

def kw(**kwargs):
    return sorted(kwargs.items())

print(kw(), kw(x=1, y=2), kw(**{"p": 0}, q=1))

def show(*args, **kwargs):
    parts = [repr(a) for a in args]
    for k in kwargs:
        parts.append(k + "=" + repr(kwargs[k]))
    return "show(" + ", ".join(parts) + ")"

print(show(1, "a", k=None, z=[]))
args = (1, 2)
kwargs = {"sep": "-"}
print(*args, **kwargs)
print(*"spread", sep="|")
print(*[1, 2], *[3], 4)

def default_list(x, acc=[]):
    acc.append(x)
    return acc

print(default_list(1), default_list(2), default_list(3, []))

def default_none(x, acc=None):
    if acc is None:
        acc = []
    acc.append(x)
    return acc

print(default_none(1), default_none(2))
counter = 10

def uses_default(n=counter):
    return n

counter = 20
print(uses_default(), uses_default(5))

def nothing():
    pass

def early(x):
    if x < 0:
        return
    return x * 2

print(nothing(), early(-1), early(4))

def multi():
    return 1, "two", [3]

r = multi()
print(r, type(r).__name__)
p, q, s = multi()
print(p, q, s)

def apply(func, *args, **kwargs):
    return func(*args, **kwargs)

print(apply(max, 3, 9, 2), apply(sorted, [3, 1, 2], reverse=True), apply(f, 1, 2, c="C"))
print(apply(lambda *a, **k: (a, k), 1, x=2))

def describe(name, greeting="Hello", punctuation="!"):
    return greeting + ", " + name + punctuation

for kwargs in [{}, {"greeting": "Hi"}, {"punctuation": "?"}, {"greeting": "Yo", "punctuation": "..."}]:
    print(describe("Sam", **kwargs))
print(describe(punctuation=".", name="Ann"))
print(describe("Lee", "Bye"), describe("Kim", punctuation="!!"))
