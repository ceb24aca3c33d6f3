# pickle: dumps/loads round trips of what multiprocessing sends, shared references,
# and CPython's errors for what cannot be pickled.
import pickle, threading
from collections import namedtuple, OrderedDict, defaultdict
class Point:
    def __init__(self, x, y): self.x, self.y = x, y
    def __eq__(self, o): return isinstance(o, Point) and (self.x, self.y) == (o.x, o.y)
    def __repr__(self): return 'Point(%r, %r)' % (self.x, self.y)
def f(): pass
class E(Exception): pass
values = [None, True, 1, -5, 2**100, 1.5, 1+2j, 'héllo', b'\x00\xff', (1, 2), [1, [2]], {'a': 1, 2: [3]},
          {1, 2}, frozenset({3}), range(1, 10, 2), Point(1, 2), f, Point, len, ValueError('x', 1), E('boom'),
          OrderedDict(a=1), defaultdict(list, {'k': [1]}), [Point(0, 0)] * 2]
for v in values:
    b = pickle.dumps(v)
    w = pickle.loads(b)
    print(type(b).__name__, type(w).__name__, w == v or repr(w) == repr(v))
shared = [1]
pair = pickle.loads(pickle.dumps([shared, shared]))
print(pair[0] is pair[1])
print(pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL, issubclass(pickle.PicklingError, pickle.PickleError))
for bad in (threading.Lock(), lambda: 0):
    try:
        pickle.dumps(bad)
    except (TypeError, pickle.PicklingError, AttributeError) as e:
        print(type(e).__name__, str(e).split(' at 0x')[0])
def g():
    def local(): pass
    return local
try:
    pickle.dumps(g())
except AttributeError as e:
    print(type(e).__name__, e)
try:
    pickle.loads(b'')
except EOFError as e:
    print('EOFError', e)
try:
    raise pickle.PicklingError('mine')
except pickle.PickleError as e:
    print(repr(e))
try:
    pickle.dumps(1, protocol=9)
except ValueError as e:
    print(e)
