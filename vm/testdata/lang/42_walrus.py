# Assignment expressions (:=), with PEP 572's scoping in comprehensions.
if (n := 10) > 5:
    print(n)
print(y := 2, y)
data = [1, 2, 3, 4]
i = 0
while (chunk := data[i:i+2]):
    print(chunk)
    i += 2
print([y := 1, y])
vals = [v for x in range(5) if (v := x * x) > 4]
print(vals, v)
def f():
    total = [last := x for x in range(3)]
    return total, last
print(f())
def g():
    def h():
        return [(k := j) for j in range(2)], k
    return h()
print(g())
a = {1: "a"}
print(a[(z := 1)], z, a[z := 1])
x = (q := 5) + 1
print(x, q)
