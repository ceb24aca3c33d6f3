# Small complete programs mixing features: sieve, word frequency, matrices, RPN calculator, inventory class, roman numerals, caesar.
def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0] = is_p[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if is_p[i]:
            for j in range(i * i, n + 1, i):
                is_p[j] = False
    return [i for i, p in enumerate(is_p) if p]

primes = sieve(100)
print(len(primes), primes[-5:], sum(primes))
text = """It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness"""
freq = {}
for word in text.lower().replace(",", "").split():
    freq[word] = freq.get(word, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
for w, c in top:
    print(f"{w:<8}{c:>3} {'#' * c}")

def matmul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))] for i in range(len(a))]

def transpose(m):
    return [list(row) for row in zip(*m)]

A = [[1, 2], [3, 4], [5, 6]]
B = [[7, 8, 9], [10, 11, 12]]
C = matmul(A, B)
for row in C:
    print(" ".join("%4d" % v for v in row))
print(transpose(A), matmul(transpose(A), A))
identity = [[1 if i == j else 0 for j in range(3)] for i in range(3)]
print(matmul(C, identity) == C)

def rpn(expr):
    stack = []
    ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b, "/": lambda a, b: a / b}
    for tok in expr.split():
        if tok in ops:
            b = stack.pop()
            a = stack.pop()
            stack.append(ops[tok](a, b))
        else:
            stack.append(int(tok))
    if len(stack) != 1:
        raise ValueError("bad expression: " + expr)
    return stack[0]

for e in ["3 4 +", "5 1 2 + 4 * + 3 -", "2 3 4 * +", "10 4 /", "1 +", "1 2"]:
    try:
        print(e, "=>", rpn(e))
    except IndexError as err:
        print(e, "=> error:", err)
    except ValueError as err:
        print(e, "=> error:", err)

class InsufficientStock(Exception):
    pass

class Inventory:
    def __init__(self):
        self.stock = {}
        self.log = []

    def add(self, item, qty=1):
        self.stock[item] = self.stock.get(item, 0) + qty
        self.log.append(("add", item, qty))

    def remove(self, item, qty=1):
        have = self.stock.get(item, 0)
        if have < qty:
            raise InsufficientStock("%s: have %d, need %d" % (item, have, qty))
        self.stock[item] = have - qty
        if self.stock[item] == 0:
            del self.stock[item]
        self.log.append(("remove", item, qty))

    def __len__(self):
        return sum(self.stock.values())

    def __contains__(self, item):
        return item in self.stock

    def __str__(self):
        return ", ".join("%s x%d" % (k, v) for k, v in sorted(self.stock.items()))

inv = Inventory()
inv.add("apple", 5)
inv.add("pear", 2)
inv.add("apple")
inv.remove("pear", 2)
for item, qty in [("apple", 4), ("pear", 1), ("kiwi", 1)]:
    try:
        inv.remove(item, qty)
        print("removed", qty, item)
    except InsufficientStock as e:
        print("cannot remove:", e)
print(inv, "|", len(inv), "apple" in inv, "pear" in inv, len(inv.log))

def collatz_len(n):
    steps = 1
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps

best = max(range(1, 1000), key=collatz_len)
print("longest collatz under 1000:", best, collatz_len(best))

def to_roman(n):
    table = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
             (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for value, sym in table:
        while n >= value:
            out += sym
            n -= value
    return out

print([to_roman(n) for n in [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999]])

def caesar(s, k):
    res = []
    for ch in s:
        if ch.isalpha():
            base = ord("A") if ch.isupper() else ord("a")
            res.append(chr((ord(ch) - base + k) % 26 + base))
        else:
            res.append(ch)
    return "".join(res)

msg = caesar("Hello, World!", 3)
print(msg, caesar(msg, -3))
fizz = []
for i in range(1, 16):
    fizz.append("FizzBuzz" if i % 15 == 0 else "Fizz" if i % 3 == 0 else "Buzz" if i % 5 == 0 else str(i))
print(" ".join(fizz))
digits_sum = sum(int(d) for d in str(2 ** 1000))
print("digit sum of 2**1000:", digits_sum)
triangle = [[1]]
for _ in range(7):
    prev = triangle[-1]
    triangle.append([1] + [prev[i] + prev[i + 1] for i in range(len(prev) - 1)] + [1])
for row in triangle:
    print(" ".join(str(v) for v in row).center(30).rstrip())
