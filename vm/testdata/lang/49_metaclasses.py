class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        print("Meta.__new__", mcs.__name__, name, bases, sorted(k for k in ns if not k.startswith("__")), kw)
        cls = super().__new__(mcs, name, bases, ns)
        cls.registry = []
        return cls
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        print("Meta.__init__", name)
    def __call__(cls, *args, **kw):
        print("Meta.__call__", cls.__name__, args)
        inst = super().__call__(*args, **kw)
        cls.registry.append(inst)
        return inst
    def __getitem__(cls, i):
        return cls.registry[i]
    def __iter__(cls):
        return iter(cls.registry)
    def __len__(cls):
        return len(cls.registry)
    def __repr__(cls):
        return f"<meta class {cls.__name__}>"
    def describe(cls):
        return "described " + cls.__name__
    @property
    def count(cls):
        return len(cls.registry)

class Base(metaclass=Meta, flag=1):
    def __init__(self, v):
        self.v = v
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)

class Child(Base):
    pass

a = Base(1); b = Child(2)
print(type(Base), type(Child), Base, repr(Child), Base[0].v, len(Base), [x.v for x in Base], Base.describe(), Base.count)
print(isinstance(Base, Meta), isinstance(a, Base), type(a).__name__, Base.__class__)

Point = type("Point", (), {"x": 1, "f": lambda self: self.x + 1})
p = Point()
print(Point, p.x, p.f(), type(Point))

class Singleton(type):
    _instances = {}
    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]

class Config(metaclass=Singleton):
    def __init__(self):
        print("Config init")
print(Config() is Config())

class P(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print("prepare", name, bases)
        return {"injected": 42}
class Q(metaclass=P):
    pass
print(Q.injected)
try:
    class M1(type): pass
    class M2(type): pass
    class A(metaclass=M1): pass
    class B(metaclass=M2): pass
    class C(A, B): pass
except TypeError as e:
    print(e)
