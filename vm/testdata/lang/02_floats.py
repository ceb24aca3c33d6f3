# Floats: repr, arithmetic, special values, round() incl. banker's rounding, float() parsing.
print(0.1 + 0.2, 0.1 + 0.2 == 0.3, 1.0, -0.0, 0.5, 2.5e-3)
print(1e20, 1e16, 1e15, 123456789.0, 1e-4, 1e-5, 1.5e-7, 1e22, 1e100)
print(3.0 * 1.1, 10 / 3, 1 / 3, 2 / 3, 22 / 7)
print(7 / 2, 8 / 2, -7 / 2, 1 / 8)
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 7 % -2.5)
print(2 ** 0.5, 2 ** -1, 10 ** -2, 4 ** 0.5, (-8) ** 2.0)
print(float("inf"), float("-inf"), -float("inf"), float("inf") > 1e308)
print(float("inf") + 1, float("inf") * -1, 1e308 * 10)
nan = float("nan")
print(nan, nan == nan, nan != nan, nan > 0, nan < 0, str(nan), repr(-nan))
print(float("1.5"), float("  -2.25 "), float("1e3"), float(7), float("-0"), float())
print(round(2.5), round(3.5), round(0.5), round(-0.5), round(1.5), round(-1.5))
print(round(2.675, 2), round(3.14159, 3), round(1234.5678, -2), round(1.005, 2))
print(round(7), round(7.0), round(7.7), round(-7.7), round(1234, -2), round(1250, -2), round(1350, -2))
print(type(round(2.5)).__name__, type(round(2.5, 1)).__name__, type(round(5, 1)).__name__)
print(abs(-2.5), abs(2.5), max(1.5, 2), min(1.5, 2), 1 == 1.0, 2 < 2.5)
print(int(2.999), int(-2.999), int(1e20), float(2 ** 60))
print(1.0 * 3, 3 + 0.0, 5 - 2.0, 6 / 2, 2 * 0.5)
print(0.1 * 3, 0.3 - 0.1, 100 * 1.1, 1.1 + 2.2, 3.3 * 3)
print(1 / 10 + 1 / 10 + 1 / 10, 9.95, 9.995, 1.23456789012345678)
print(str(1.5), repr(1.5), str(1e-10), repr(123.0), str(1e16), str(12345678.9))
print(divmod(7.5, 2), divmod(-7.5, 2))
total = 0.0
for i in range(10):
    total += 0.1
print(total, round(total, 10))
x = 1.0
for i in range(5):
    x = x / 3
    print(i, x)
print(round(3.14159, 2), round(-3.14159, 1), round(0.125, 2), round(0.375, 2))
print(-1.5e300 * 1e10, 1e-320, 5e-324, 2.2250738585072014e-308)
print(float(10 ** 20), 10 ** 20 / 1, 2 ** 53 + 1.0)
print(1e15 + 0.3, 123e-2, 0.000123, 1234567890123456789.0)
