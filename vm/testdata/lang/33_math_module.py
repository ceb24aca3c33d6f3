# math module: import forms, sqrt, floor, ceil, pi, e, pow, fabs, gcd, isqrt, log (with base), sin/cos, inf, isclose.
import math
import math as m
from math import sqrt, pi

print(math.pi, math.e, pi == math.pi, m.pi == pi, math.inf, -math.inf, math.inf > 10 ** 300)
print(math.sqrt(16), math.sqrt(2), sqrt(0.25), m.sqrt(1e10), math.sqrt(2) ** 2, type(math.sqrt(4)).__name__)
print(math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1), math.floor(5), math.ceil(5.0), type(math.floor(2.5)).__name__)
print(math.floor(1e20), math.ceil(-0.5), math.floor(-0.0))
print(math.pow(2, 10), math.pow(2, 0.5), math.pow(9, -1), math.pow(2.5, 2), type(math.pow(2, 2)).__name__)
print(math.fabs(-3), math.fabs(2.5), math.fabs(-0.0), type(math.fabs(-3)).__name__)
print(math.gcd(12, 18), math.gcd(17, 5), math.gcd(0, 9), math.gcd(-12, 18), math.gcd(2 ** 64, 2 ** 40 * 3))
print(math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(17), math.isqrt(10 ** 20), math.isqrt(2 ** 101))
# Non-exact log/pow/sin/cos results are libm-dependent in the last bit: always print them rounded.
print(math.log(1), math.log(math.e), math.log(8, 2), math.log(100, 10), round(math.log(1000, 10), 12), round(math.log(81, 3), 12))
print(round(math.log(10), 12), round(math.log(2), 12), round(math.log(5, 2), 12))
print(round(math.sin(0), 10), round(math.sin(pi / 2), 10), round(math.cos(0), 10), round(math.cos(pi), 10))
print(round(math.sin(pi / 6), 10), round(math.cos(pi / 3), 10), round(math.sin(1), 10), round(math.cos(1), 10))
print(round(math.sin(pi), 10), round(math.cos(pi / 2), 10), round(math.sin(-pi / 2), 10))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1.0, 1.1), math.isclose(1e10, 1e10 + 1), math.isclose(1, 1.0))
print(math.isclose(1.0, 1.05, rel_tol=0.1), math.isclose(0.0, 1e-12), math.isclose(0.0, 1e-12, abs_tol=1e-9))
print(m.floor(pi * 100) / 100, m.ceil(math.e * 1000) / 1000)
print([math.isqrt(n) for n in range(10)], [math.floor(x / 2) for x in range(-3, 4)])

def hypot(a, b):
    return sqrt(a * a + b * b)

print(hypot(3, 4), hypot(5, 12), round(hypot(1, 1), 6))
radius = 2.5
print("area %.4f circumference %.4f" % (pi * radius ** 2, 2 * pi * radius))
print(f"{pi:.10f} {math.e:.5f} {sqrt(2):.3f}")
angles = [0, 30, 45, 60, 90]
for deg in angles:
    rad = deg * pi / 180
    print(deg, round(math.sin(rad), 4), round(math.cos(rad), 4))

def is_perfect_square(n):
    r = math.isqrt(n)
    return r * r == n

print([n for n in range(1, 101) if is_perfect_square(n)])

def lcm(a, b):
    return a * b // math.gcd(a, b)

acc = 1
for k in range(1, 21):
    acc = lcm(acc, k)
print("lcm(1..20) =", acc)
print(math.floor(-7 / 2), -7 // 2, math.ceil(7 / 2), int(7 / 2))
print(math.sqrt(math.inf), math.inf - 1e308, math.inf == float("inf"), 1 / math.inf)
vals = [1.5, 2.5, -1.5, 2.4999, 2.5001]
print([math.floor(v + 0.5) for v in vals], [round(v) for v in vals])
print(math.pow(10, 2) == 100, math.sqrt(144) == 12, math.log(1024, 2), math.log(2 ** 20, 2))
