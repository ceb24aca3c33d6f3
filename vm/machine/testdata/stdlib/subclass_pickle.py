# Instances of subclasses of builtin types cross to another process as pickle sends
# them: their class by reference, their value and their attributes.
import multiprocessing as mp

class Tally(dict):
    def __missing__(self, k):
        return 0
    def bump(self, k):
        self[k] = self[k] + 1

class Name(str):
    pass

def work(t):
    t.bump("x")
    t.label = "child"
    return t, Name("n"), type(t).__name__

if __name__ == "__main__":
    t = Tally(a=1)
    t.label = "parent"
    with mp.Pool(2) as p:
        r, n, tn = p.apply(work, (t,))
    print(r, type(r).__name__, r.label, r["zz"], n, type(n).__name__, tn, t)
