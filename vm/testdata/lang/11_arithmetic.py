# Arithmetic and bitwise operators: int/float mixing, **, //, %, unary ops, shifts, precedence.
a, b = 17, 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** 2, -a, +a, ~a)
print(a + 2.0, a - 0.5, a * 1.5, a / 2.0, a // 2.0, a % 2.0, 2 ** 0.5)
print(2 ** -1, 2 ** -3, 10 ** -1, (-2) ** -2, 2.0 ** 10, 0.5 ** 2)
print(type(2 ** -1).__name__, type(2 ** 3).__name__, type(4 / 2).__name__, type(4 // 2).__name__, type(4.0 // 2).__name__)
print(1 + 2 * 3, (1 + 2) * 3, 2 ** 3 ** 2, (2 ** 3) ** 2, -2 ** 2, (-2) ** 2, 10 - 4 - 3, 100 / 10 / 5)
print(7 // 2 * 2 + 7 % 2, 2 * 3 % 4, 2 + 3 << 1, 1 << 2 + 1, 6 & 3 | 8, 6 ^ 3 & 1)
print(a & b, a | b, a ^ b, a << 3, a >> 2, ~0, ~-1, -a >> 1, -1 >> 10)
print(0xF0 & 0x3C, 0xF0 | 0x0F, 0xFF ^ 0x0F, 1 << 10, 1024 >> 3)
print(True + True, True * 5, False - 1, True / 2, -True, ~True, True & False, True | False, True ^ True)
print(5 % 3, -5 % 3, 5 % -3, -5 % -3, 5.5 % 2, -5.5 % 2)
print(5 // 3, -5 // 3, 5 // -3, -5 // -3, 5.5 // 2, -5.5 // 2)
print(abs(-3), abs(3.5), abs(-0.0), abs(True))
x = 10
x += 5
print(x)
x -= 3
print(x)
x *= 2
print(x)
x //= 5
print(x)
x **= 3
print(x)
x %= 50
print(x)
x /= 4
print(x)
y = 0b1010
y |= 0b0101
print(y)
y &= 0b0110
print(y)
y ^= 0b1111
print(y)
y <<= 4
print(y)
y >>= 2
print(y)
print(3 * "ab", [0] * 4, (1, 2) * 2, "-" * 10)
print(1e3 + 1, 3 - 1e-3, 0.1 * 10, 1 / 4 * 4, 9 ** 0.5, round(27 ** (1 / 3), 9))
print(12345 * 6789 - 54321, 2 ** 31 - 1, -(2 ** 31), 255 * 255 * 255)
acc = 1
for i in range(1, 20):
    acc = acc * 31 + i
print(acc)
h = 0
for c in "hash me":
    h = (h * 131 + ord(c)) % 1000000007
print(h)
print(round(5 / 3, 4), round(-5 / 3, 4), 1 - 0.9, 3 * 0.1 == 0.3)
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(17.5, 5))
print(max(3, 3.0), min(3.0, 3), 3 == 3.0, 2 ** 53 == 2.0 ** 53)
