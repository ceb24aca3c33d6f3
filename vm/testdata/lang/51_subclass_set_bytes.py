# Subclasses of set, frozenset and bytes: the overrides CPython honours.


class Tags(set):
    def __init__(self, items=()):
        super().__init__(x.lower() for x in items)
        self.source = "tags"

    def add(self, item):
        super().add(item.lower())

    def __contains__(self, item):
        return super().__contains__(item.lower())

    def __len__(self):
        return super().__len__() * 10

    def __or__(self, other):
        return "or:" + str(sorted(set(self) | set(other)))


t = Tags(["A", "b", "B"])
t.add("C")
print(type(t).__name__, sorted(t), t.source)
print("a" in t, "A" in t, "z" in t)
print(len(t), bool(t))
print(t | {"x"})
print(sorted({"x"} | t), type({"x"} | t).__name__)
print(sorted(t & {"a", "c", "q"}), type(t & {"a"}).__name__)
print(sorted(t - {"a"}), type(t - {"a"}).__name__)
print(isinstance(t, set), issubclass(Tags, set))
print(repr(Tags()), repr(Tags(["q"])))
print(sorted(set(t)), type(set(t)).__name__)
c = t.copy()
print(type(c).__name__, sorted(c))
print(t == {"a", "b", "c"}, {"a", "b", "c"} == t)
for x in sorted(t):
    print("item", x)


class Seen(set):
    def __iter__(self):
        return iter(sorted(super().__iter__(), reverse=True))


s = Seen([3, 1, 2])
print(list(s), [x for x in s], sorted(s))


class Key(frozenset):
    def __new__(cls, *items):
        return super().__new__(cls, items)

    def __hash__(self):
        return 42

    def describe(self):
        return "+".join(str(x) for x in sorted(self))


k = Key(2, 1)
print(type(k).__name__, k.describe(), hash(k), repr(k))
d = {k: 1}
print(d[k], Key(1, 2) == k, frozenset({1, 2}) == k)
print(sorted(k | {3}), type(k | {3}).__name__)
print(isinstance(k, frozenset), len(k))


class Empty(frozenset):
    pass


print(repr(Empty()), repr(Empty([1])), hash(Empty([1])) == hash(frozenset([1])))


class Blob(bytes):
    def __new__(cls, text):
        return super().__new__(cls, text.encode())

    def __len__(self):
        return 99

    def __str__(self):
        return "Blob of " + repr(bytes(self))

    def hexed(self):
        return self.hex()


b = Blob("hi!")
print(type(b).__name__, len(b), str(b), repr(b), b.hexed())
print(b == b"hi!", b"hi!" == b, b + b"?", type(b + b"?").__name__)
print(b[0], b[1:], type(b[1:]).__name__, b.decode().upper())
print(isinstance(b, bytes), hash(b) == hash(b"hi!"), bytes(b), type(bytes(b)).__name__)
print(list(b), b"i" in b, b.decode())
b.tag = "t"
print(b.tag, vars(b))


class Sized(bytes):
    def __contains__(self, x):
        return True


print(b"zzz" in Sized(b"a"), 5 in Sized(b"a"))
