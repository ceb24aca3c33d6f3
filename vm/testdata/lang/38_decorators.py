def trace(f):
    def wrapper(*args, **kwargs):
        print("call", f.__name__, args)
        return f(*args, **kwargs)
    return wrapper

def twice(f):
    def w(x):
        return f(f(x))
    return w

calls = []

def register(name):
    def deco(f):
        calls.append((name, f.__name__))
        return f
    return deco

@trace
def add(a, b):
    return a + b

@register("first")
@twice
def inc(x):
    return x + 1

print(add(2, 3), inc(5), calls)

class Temperature:
    def __init__(self, c):
        self._c = c

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("too cold")
        self._c = v

    @staticmethod
    def unit():
        return "C"

    @classmethod
    def freezing(cls):
        return cls(0)

t = Temperature(20)
t.celsius = 25
print(t.celsius, Temperature.unit(), Temperature.freezing().celsius)
try:
    t.celsius = -300
except ValueError as e:
    print("error:", e)

def singleton(cls):
    return cls()

@singleton
class Config:
    debug = True

print(Config.debug, type(Config).__name__)
