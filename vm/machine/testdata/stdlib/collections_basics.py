# collections: deque (maxlen, rotation, both ends), defaultdict, Counter, OrderedDict,
# ChainMap and namedtuple; threads counting words into one Counter under a lock.
import threading
from collections import ChainMap, Counter, OrderedDict, defaultdict, deque, namedtuple

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], 3 in d)
print(d.pop(), d.popleft(), d)
d.extend([7, 8])
d.extendleft([-1, -2])
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d, list(reversed(d)), d.count(7), d.index(7))
d.remove(7)
d.reverse()
print(d, d == deque(d), d != deque([1]), bool(deque()))
recent = deque(maxlen=3)
for i in range(6):
    recent.append(i)
print(recent, recent.maxlen, list(recent))
recent.appendleft(-1)
print(recent)
for bad in (lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1])[5]):
    try:
        bad()
    except IndexError as e:
        print("IndexError:", e)
try:
    deque([1]).remove(2)
except ValueError as e:
    print("ValueError:", e)

groups = defaultdict(list)
for word in "apple avocado banana blueberry cherry".split():
    groups[word[0]].append(word)
print(groups)
print(groups["a"], groups.get("z"), "z" in groups, len(groups), sorted(groups))
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(counts, dict(counts.items()))
try:
    defaultdict(None)["missing"]
except KeyError as e:
    print("KeyError:", e)

c = Counter("abracadabra")
print(c, c["a"], c["z"], c.most_common(2), c.total())
c.update("aaz")
c.subtract({"b": 2})
print(c, sorted(c.elements()))
print(Counter(a=3, b=1) + Counter(a=1, b=2), Counter(a=3, b=1) - Counter(a=1, b=2))
print(Counter(a=3, b=1) | Counter(a=1, b=2), Counter(a=3, b=1) & Counter(a=1, b=2))
print(Counter(), Counter({"x": 2}) == Counter(x=2), list(Counter("hello")))

od = OrderedDict()
od["one"] = 1
od["two"] = 2
od["three"] = 3
od.move_to_end("one")
print(od, list(od), od.popitem(), od.popitem(last=False), od)
od["four"] = 4
od.move_to_end("four", last=False)
print(od, OrderedDict(a=1) == OrderedDict(a=1), OrderedDict())

defaults = {"color": "red", "user": "guest"}
cm = ChainMap({"user": "ada"}, defaults)
print(cm["user"], cm["color"], len(cm), sorted(cm), cm.get("x", 0))
child = cm.new_child({"color": "blue"})
print(child["color"], child.parents["color"])

Point = namedtuple("Point", "x y")
p = Point(3, y=4)
print(p, p.x, p[1], p == (3, 4), p._asdict(), p._replace(x=0), Point._fields)
x, y = p
print(x + y, len(p), list(p), Point._make([5, 6]), hash(p) == hash((3, 4)))
Employee = namedtuple("Employee", ["name", "dept", "salary"], defaults=[0])
print(Employee("ada", "eng"), Employee._field_defaults)
try:
    p.x = 10
except AttributeError as e:
    print("AttributeError:", e)
try:
    Point(1)
except TypeError as e:
    print("TypeError:", e)
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)]))

# Threads count words into one Counter; a lock makes the updates whole.
text = ("the quick brown fox jumps over the lazy dog " * 20).split()
total = Counter()
lock = threading.Lock()


def count_words(words):
    local = Counter(words)
    with lock:
        total.update(local)


chunks = [text[i::4] for i in range(4)]
threads = [threading.Thread(target=count_words, args=(chunk,)) for chunk in chunks]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(total.most_common(3), total.total() == len(text))
