# The exit of a with statement is located at the whole statement: no carets.
class CM:
    def __enter__(self): return self
    def __exit__(self, *a): raise RuntimeError("x")
def f():
    with CM() as c, CM():
        pass
def g():
    try:
        f()
    except RuntimeError as e:
        print("caught", e)
    with CM():
        raise ValueError("inner")
g()
