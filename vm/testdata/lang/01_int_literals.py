# Integers: literals, arbitrary precision, floor division/modulo signs, int() parsing and bases.
print(0, 7, -7, 1_000_000, 0x1F, 0o17, 0b1011)
print(2 ** 100)
print(2 ** 64 - 1, -(2 ** 63))
print(123456789 * 987654321)
print(123456789123456789 * 987654321987654321)
big = 1
for i in range(1, 31):
    big *= i
print("30! =", big)
print(big // 10 ** 20, big % 10 ** 20)
print(-big)
print(big * big - big)
print(3 ** 50 // 7 ** 10, 3 ** 50 % 7 ** 10)
# floor division and modulo with signs
for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (6, 3), (-6, 3)]:
    print(a, b, a // b, a % b, divmod(a, b))
print(-(2 ** 70) // 3, -(2 ** 70) % 3)
print((2 ** 70) // -3, (2 ** 70) % -3)
print(-1 // 10, -1 % 10, 1 // -10, 1 % -10)
# int() parsing
print(int("123"), int("-42"), int("  17  "), int("+5"))
print(int("ff", 16), int("FF", 16), int("777", 8), int("1010", 2), int("z", 36))
print(int("123456789012345678901234567890"))
print(int(3.9), int(-3.9), int(True), int(False), int())
# comparisons of big ints
print(2 ** 100 > 2 ** 99, 2 ** 100 == 2 ** 100, 2 ** 100 - 1 < 2 ** 100)
print(10 ** 30 + 1 - 10 ** 30)
# bit operations on big ints
print((2 ** 100) >> 90, 1 << 80, (2 ** 80 - 1) & 0xFFFF, (2 ** 70) | 1)
print(-(2 ** 65) >> 3, ~(2 ** 65))
print(abs(-(10 ** 25)), 3 ** 200 % 1000, 7 ** 0, 0 ** 0, (-2) ** 3, (-2) ** 4, -2 ** 4)
print(type(2 ** 100).__name__, type(10 // 3).__name__)
print(hex(2 ** 64), bin(255), hex(-255), bin(-5))
print(str(2 ** 90), repr(-(2 ** 90)), len(str(2 ** 1000)))
print(sum(range(1, 101)), sum(i * i for i in range(1, 1001)))
n = 12345678901234567890
digits = []
while n > 0:
    digits.append(n % 10)
    n //= 10
print(digits)
print(int("".join(str(d) for d in reversed(digits))))
