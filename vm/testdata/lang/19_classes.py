# Classes: __init__, methods, class vs instance attributes, bound methods, identity equality, getattr/setattr/hasattr, del attr.
class Point:
    dims = 2
    count = 0

    def __init__(self, x, y=0):
        self.x = x
        self.y = y
        Point.count += 1

    def norm2(self):
        return self.x * self.x + self.y * self.y

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)

    def scale(self, k):
        self.x *= k
        self.y *= k
        return self

    def as_tuple(self):
        return (self.x, self.y)

p = Point(3, 4)
q = Point(1)
print(p.x, p.y, q.x, q.y, p.norm2(), q.as_tuple())
print(p.moved(1, 1).as_tuple(), p.as_tuple(), p.scale(2).as_tuple(), p.as_tuple())
print(Point.dims, p.dims, Point.count)
p.dims = 3
print(Point.dims, p.dims, q.dims)
Point.dims = 4
print(Point.dims, p.dims, q.dims)
del p.dims
print(p.dims)
print(type(p).__name__, type(p) is Point, isinstance(p, Point), isinstance(3, Point))
print(Point.__name__, Point.norm2(q))

class Counter:
    def __init__(self):
        self.n = 0

    def incr(self, by=1):
        self.n += by
        return self

    def get(self):
        return self.n

c = Counter()
print(c.incr().incr().incr(5).get())
m = c.incr
m()
m(10)
print(c.n)

class Stack:
    def __init__(self):
        self.items = []

    def push(self, v):
        self.items.append(v)

    def pop(self):
        return self.items.pop()

    def peek(self):
        return self.items[-1] if self.items else None

    def empty(self):
        return not self.items

s = Stack()
for ch in "abc":
    s.push(ch)
print(s.peek(), s.pop(), s.pop(), s.empty(), s.pop(), s.empty(), s.peek())

class Shared:
    data = []

    def add(self, v):
        self.data.append(v)

a1 = Shared()
a2 = Shared()
a1.add(1)
a2.add(2)
print(a1.data, a2.data, Shared.data)

class Temp:
    pass

t = Temp()
t.value = 10
setattr(t, "other", 20)
print(t.value, getattr(t, "other"), getattr(t, "missing", "default"), hasattr(t, "value"), hasattr(t, "nope"))
del t.value
print(hasattr(t, "value"))
setattr(t, "value", "back")
print(t.value)

def is_valid(self):
    return self.value == "back"

Temp.is_valid = is_valid
print(t.is_valid())

class Node:
    def __init__(self, val, next=None):
        self.val = val
        self.next = next

head = None
for v in [5, 4, 3, 2, 1]:
    head = Node(v, head)
vals = []
node = head
while node is not None:
    vals.append(node.val)
    node = node.next
print(vals)

class BankAccount:
    interest = 0.05

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []

    def deposit(self, amount):
        self.balance += amount
        self.history.append(("dep", amount))

    def withdraw(self, amount):
        if amount > self.balance:
            self.history.append(("fail", amount))
            return False
        self.balance -= amount
        self.history.append(("wd", amount))
        return True

    def add_interest(self):
        self.balance = round(self.balance * (1 + self.interest), 2)

acct = BankAccount("ann", 100)
acct.deposit(50)
print(acct.withdraw(500), acct.withdraw(20))
acct.add_interest()
print(acct.owner, acct.balance, acct.history)
print(Point(0, 0) == Point(0, 0), p == p, Point(1, 2) != Point(1, 2))
