# __del__ runs once when an object's last reference goes (PEP 442): on return, on
# rebinding, on del, for a container's items (a list's and a tuple's last first, a
# dict's in order), before the code after the drop runs; the object is alive while it
# runs and may be resurrected.
class Res:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def scope():
    r = Res("local")
    print("in scope", r.name)


scope()
print("after scope")
x = Res("rebound")
x = Res("second")
print("after rebinding")
del x
print("after del")
items = [Res("l0"), Res("l1"), Res("l2")]
items = None
pair = (Res("t0"), Res("t1"))
del pair
table = {"a": Res("d0"), "b": Res("d1")}
table.clear()
print("after containers")

saved = []


class Phoenix:
    def __del__(self):
        print("phoenix finalized once")
        saved.append(self)


Phoenix()
print("resurrected:", len(saved), type(saved[0]).__name__)
saved.clear()
print("freed again without a second call")


class Base:
    def __del__(self):
        print("base __del__ of", type(self).__name__)


class Child(Base):
    pass


Child()


class Later:
    pass


def late_del(self):
    print("assigned later")


Later.__del__ = late_del
Later()
print(sorted(Res("key").name for _ in range(1)))
print("end")
