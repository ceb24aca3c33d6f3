# with statement: __enter__/__exit__, as-binding, exceptions passing through or suppressed by __exit__, nesting.
log = []

class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        log.append("enter " + self.name)
        print("enter", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            print("exit", self.name, "cleanly")
        else:
            print("exit", self.name, "with", exc_type.__name__, exc)
        log.append("exit " + self.name)
        return self.suppress

with Resource("a") as r:
    print("inside", r.name)
print("after a")
with Resource("b"):
    print("inside b without as")
try:
    with Resource("c") as r:
        print("about to fail")
        raise ValueError("boom in c")
        print("unreachable")
except ValueError as e:
    print("caught outside:", e)
with Resource("d", suppress=True):
    raise KeyError("suppressed")
print("after d, exception was suppressed")
with Resource("outer") as o, Resource("inner") as i:
    print("both:", o.name, i.name)
with Resource("n1"):
    with Resource("n2"):
        print("nested body")
try:
    with Resource("x1"):
        with Resource("x2", suppress=True):
            1 / 0
        print("after x2 block")
        [][5]
except IndexError as e:
    print("IndexError:", e)
print(log)

class Timer:
    def __enter__(self):
        self.steps = []
        return self.steps

    def __exit__(self, t, v, tb):
        self.steps.append("closed")
        return False

tm = Timer()
with tm as steps:
    steps.append("work")
print(tm.steps, steps)

def use_in_function(fail):
    with Resource("fn"):
        if fail:
            return "returned early"
        print("function body")
    return "normal return"

print(use_in_function(True))
print(use_in_function(False))
for k in range(3):
    with Resource("loop" + str(k)):
        if k == 1:
            continue
        if k == 2:
            break
        print("loop body", k)

class Transaction:
    def __init__(self, store):
        self.store = store

    def __enter__(self):
        self.snapshot = dict(self.store)
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None:
            self.store.clear()
            self.store.update(self.snapshot)
            print("rolled back due to", repr(exc))
            return True
        print("committed")
        return False

db = {"a": 1}
with Transaction(db):
    db["b"] = 2
print(db)
with Transaction(db):
    db["c"] = 3
    raise RuntimeError("bad write")
print(db)

class ExitSeesException:
    def __enter__(self):
        return None

    def __exit__(self, exc_type, exc, tb):
        print("exit sees:", exc_type is None, type(exc).__name__, isinstance(exc, ZeroDivisionError))
        return exc_type is ZeroDivisionError

with ExitSeesException() as nothing:
    print("as binds", nothing)
with ExitSeesException():
    print(10 // 0)
print("done")
