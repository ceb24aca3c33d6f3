# Comparisons (chained), and/or/not returning operands, conditional expressions, in/not in, is/is not.
a, b, c = 1, 5, 10
print(a < b < c, a < c < b, a <= 1 <= b, 1 < 2 > 0, 3 > 2 > 1 > 0, 1 == 1.0 == True)
print(a != b, a == b, b >= 5, b > 5, c <= 9, "a" < "b" < "c", [1] < [2] <= [2])
x = 7
print(0 <= x < 10, 0 <= x < 5, x > 5 and x < 9, not 0 < x)
calls = []

def val(v):
    calls.append(v)
    return v

print(val(1) < val(2) < val(0) < val(3), calls)
calls.clear()
print(val(0) and val(1), calls)
calls.clear()
print(val(2) or val(3), calls)
calls.clear()
print(val("") or val(0) or val("last"), calls)
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "d", "" and "x", [] or {}, [0] and 5)
print(not 1, not 0, not "", not "a", not [], not None, not not 3)
print(None or 0 or [] or "found", 1 and "x" and [1] and 0.0)
print(True and False or True, not True or True, not (True or True))
for v in [0, 1, -1, 15, 100]:
    kind = "zero" if v == 0 else "negative" if v < 0 else "small" if v < 10 else "large"
    print(v, kind, "even" if v % 2 == 0 else "odd")
print(3 in [1, 2, 3], 4 in [1, 2, 3], 4 not in [1, 2, 3], "b" in "abc", "bc" in "abc", "ac" in "abc")
print(1 in (1, 2), "k" in {"k": 1}, 1 in {"k": 1}, 2 in {1, 2}, 5 in range(10), 10 in range(10), 4 in range(0, 10, 2), 5 in range(0, 10, 2))
print([1, 2] in [[1, 2], [3]], (1,) in [(1,)], "" in "", None in [None])
n = None
zero = 0
print(n is None, n is not None, zero is None, [] is not None, None is None)
l1 = [1, 2]
l2 = l1
l3 = [1, 2]
print(l1 is l2, l1 is l3, l1 == l3, l1 is not l3, id(l1) == id(l2), id(l1) == id(l3))
print(True is True, (1 == 1) is True, bool(0) is False)
print(1 < 2.5, 2.5 < 3, -1 < -0.5, 0.0 == 0, 0.0 == -0.0, float("inf") > 10 ** 100)
print("abc" == "abc", "abc" != "ABC", "a" < "B", "B" < "a", "abc" < "abcd", "" < "a")
print((1, 2, 3) < (1, 2, 4), (1, 2) < (1, 2, 0), (2,) > (1, 100), [3] > [2, 9])
print(1 == "1", [] == (), {} == [], None == 0, None == None, None != False)
print(max(1, 2) if 1 < 2 else min(1, 2), (lambda: "yes")() if [] == [] else "no")
result = []
for i in range(6):
    if i % 2 == 0 and i > 0 or i == 5:
        result.append(i)
print(result)
y = 5
print(y > 3 and "big" or "small", y > 9 and "big" or "small")
print([v for v in [0, 1, "", "a", None, [], [0]] if v])
print(bool(0), bool(0.0), bool(""), bool("0"), bool(None), bool(-1), bool(0.1))
print(isinstance(True, int), True == 1, False == 0, True + 1)
print(x if x > 100 else (x * 2 if x > 5 else x * 3))
def sign(v):
    return 1 if v > 0 else (-1 if v < 0 else 0)
print([sign(v) for v in [-3, 0, 8]])
