# Lambdas, closures, nonlocal, global, functions as values, higher-order functions.
square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(7), add(1), add(1, 2), (lambda: "no args")(), (lambda *a: len(a))(1, 2, 3))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)), list(map(lambda x: x + 1, [1, 2])))

def make_adder(n):
    def adder(x):
        return x + n
    return adder

add5 = make_adder(5)
add10 = make_adder(10)
print(add5(1), add10(1), make_adder(-1)(0))

def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc

c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(5), c2(), c1())

def make_account(balance):
    def deposit(x):
        nonlocal balance
        balance += x
        return balance
    def withdraw(x):
        nonlocal balance
        if x > balance:
            return "insufficient"
        balance -= x
        return balance
    def get():
        return balance
    return deposit, withdraw, get

dep, wd, get = make_account(100)
print(dep(50), wd(30), wd(500), get())
total = 0

def add_total(x):
    global total
    total += x
    return total

print(add_total(3), add_total(4), total)
g_list = []

def append_global(v):
    g_list.append(v)

append_global(1)
append_global(2)
print(g_list)
x = "global x"

def shadow():
    x = "local x"
    return x

print(shadow(), x)

def outer():
    v = "outer v"
    def middle():
        def inner():
            return v + " seen from inner"
        return inner()
    return middle()

print(outer())

def compose(f, g):
    return lambda x: f(g(x))

inc_then_sq = compose(square, lambda x: x + 1)
print(inc_then_sq(3), compose(str, abs)(-5))
fns = []
for i in range(4):
    fns.append(lambda i=i: i * 100)
print([fn() for fn in fns])
late = []
for i in range(4):
    late.append(lambda: i)
print([fn() for fn in late])

def memo_fib():
    cache = {}
    def fib(n):
        if n in cache:
            return cache[n]
        r = n if n < 2 else fib(n - 1) + fib(n - 2)
        cache[n] = r
        return r
    return fib

fib = memo_fib()
print(fib(80), fib(10))
ops = {"add": lambda a, b: a + b, "mul": lambda a, b: a * b, "pow": lambda a, b: a ** b}
for name in ["add", "mul", "pow"]:
    print(name, ops[name](3, 4))

def apply_n(f, n, x):
    for _ in range(n):
        x = f(x)
    return x

print(apply_n(lambda v: v * 2, 10, 1), apply_n(make_adder(3), 4, 0))
curry = lambda a: lambda b: lambda c: a + b + c
print(curry(1)(2)(3), curry("a")("b")("c"))

def counter_gen():
    state = [0]
    def nxt():
        state[0] += 1
        return state[0]
    return nxt

n1 = counter_gen()
print(n1(), n1(), n1())
print((lambda x, y=2, *rest, **kw: (x, y, rest, kw))(1, 3, 4, k=5))
