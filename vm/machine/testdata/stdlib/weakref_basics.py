# weakref: references die when the object's count reaches zero, callbacks newest
# first; WeakValueDictionary, WeakKeyDictionary, WeakSet, finalize (also at exit),
# WeakMethod, proxy; a callback that raises is reported and ignored.
import weakref, threading, sys
class A:
    def __init__(self, n): self.n = n
    def m(self): return self.n
    def __repr__(self): return 'A(%d)' % self.n
a = A(1)
r1 = weakref.ref(a, lambda r: print('cb1', r()))
r2 = weakref.ref(a, lambda r: print('cb2', r is r2))
r3 = weakref.ref(a)
print(r3 is weakref.ref(a), weakref.getweakrefcount(a), weakref.getweakrefs(a)[0] is r1)
print(r1() is a, hash(r1) == hash(a), r1 == r2, r1 == r3, r1.__callback__ is not None, r3.__callback__)
del a
print(r1(), r3(), repr(r3).split(';')[1])
for bad in (1, [], (), 'x', None, object(), Exception(), r1):
    try:
        weakref.ref(bad)
    except TypeError as e:
        print(e)
def f(): pass
print(weakref.ref(f)() is f, weakref.ref(A)() is A)
class L(list): pass
print(weakref.ref(L()) () )
print(type(r1), weakref.ref, weakref.ReferenceType)
d = weakref.WeakValueDictionary()
objs = [A(i) for i in range(4)]
for o in objs: d[o.n] = o
print(len(d), sorted(d.keys()), d[2], d.get(9), 3 in d)
del objs[3]
print(len(d), sorted(d.keys()), 3 in d)
objs.clear()
print(len(d), list(d.items()))
k = weakref.WeakKeyDictionary()
x, y = A(5), A(6)
k[x] = 'x'; k[y] = 'y'
print(len(k), k[x], x in k, sorted(k.values()))
del x
print(len(k), list(k.items()))
s = weakref.WeakSet()
p, q = A(7), A(8)
s.add(p); s.add(q); s.add(p)
print(len(s), p in s, sorted(o.n for o in s))
del q
print(len(s), list(s))
z = A(9)
fin = weakref.finalize(z, print, 'finalized', 9)
print(fin.alive, fin.atexit)
del z
print(fin.alive)
w = A(10)
fin2 = weakref.finalize(w, print, 'at exit', 10)
fin3 = weakref.finalize(A(11), print, 'at once')
print(fin3.alive)
fin4 = weakref.finalize(w, print, 'called')
print(fin4(), fin4(), fin4.alive)
b = A(12)
wm = weakref.WeakMethod(b.m)
print(wm()(), wm().__self__ is b)
del b
print(wm())
c = A(13)
pr = weakref.proxy(c)
print(pr.n, pr.m())
del c
try:
    pr.n
except ReferenceError as e:
    print('ReferenceError', e)
def worker(obj_ref):
    print('thread sees', obj_ref())
o = A(14)
t = threading.Thread(target=worker, args=(weakref.ref(o),)); t.start(); t.join()
class BadCallback:
    def __call__(self, r):
        raise ValueError("in callback")
    def __repr__(self):
        return "<BadCallback>"
bad_cb = BadCallback()
e = A(15)
er = weakref.ref(e, bad_cb)
del e
print('after bad callback')

# A fork's child gets copies of the references, pointing to its copies of the objects;
# a reference cannot be sent to another process.
import multiprocessing
kept = A(16)
kept_ref = weakref.ref(kept)
cache = weakref.WeakValueDictionary({'kept': kept})
members = weakref.WeakSet([kept])


def forked():
    global kept
    print('child', kept_ref() is kept, len(cache), cache['kept'] is kept, kept in members)
    del kept
    print('child after del', kept_ref(), len(cache), len(members))


if __name__ == '__main__':
    p = multiprocessing.get_context('fork').Process(target=forked)
    p.start()
    p.join()
    print(p.exitcode, kept_ref() is kept, len(cache))
    try:
        multiprocessing.Pipe()[0].send(kept_ref)
    except TypeError as e:
        print(e)
