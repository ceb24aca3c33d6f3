# int.to_bytes / int.from_bytes, int's counting methods, class methods of builtin
# types (dict.fromkeys, bytes.fromhex) and the rest of the math module.
import math

print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"), (5).to_bytes(), (0).to_bytes(0, "big"))
print((-1).to_bytes(2, "big", signed=True), (-129).to_bytes(2, byteorder="little", signed=True))
print((255).to_bytes(1, "big"), (127).to_bytes(1, "big", signed=True), (2**64 - 1).to_bytes(8, "big"))
print((65).to_bytes(length=3, byteorder="big"), True.to_bytes(1, "big"))
print(int.from_bytes(b"\x04\x00", "big"), int.from_bytes(b"\x04\x00", "little"), int.from_bytes(b"\xff"))
print(int.from_bytes(b"\xff\xff", "big", signed=True), int.from_bytes([1, 2], "big"), int.from_bytes(b""))
print(int.from_bytes(bytes=b"\x80", byteorder="big", signed=True), (7).from_bytes(b"\x07", "little"))
print(bool.from_bytes(b"\x01", "big"), type(bool.from_bytes(b"\x00", "big")).__name__)
for n in [0, 1, -1, 127, 128, -128, -129, 2**100]:
    size = (n.bit_length() + 8) // 8
    data = n.to_bytes(size, "big", signed=True)
    print(n, data, int.from_bytes(data, "big", signed=True) == n)
print((255).bit_count(), (-7).bit_count(), (10).as_integer_ratio(), (3).is_integer())
print(dict.fromkeys("ab"), dict.fromkeys([1, 2], 0), {}.fromkeys((3,)), bytes.fromhex("00ff"))


class MyInt(int):
    pass


print(type(MyInt.from_bytes(b"\x01", "big")).__name__, MyInt.from_bytes(b"\x02", "big"))
print(math.frexp(8.0), math.frexp(0.0), math.frexp(-3.5), math.ldexp(0.5, 4), math.ldexp(3, -1))
print(math.modf(3.25), math.modf(-2.5), math.fmod(7, 3), math.fmod(-7, 3), math.remainder(7, 4))
print(math.lcm(4, 6), math.lcm(), math.lcm(0, 5), math.comb(5, 2), math.comb(3, 5), math.perm(5, 2), math.perm(4))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2.5, 2]), math.prod([2, 3], start=10))
print(math.dist((0, 0), (3, 4)), math.sumprod([1, 2, 3], [4, 5, 6]), math.sumprod([0.1, 0.2], [1, 1]))
print(round(math.cbrt(27.0), 12), math.exp2(10), math.expm1(0.0), math.log1p(0.0), math.erf(0.0), math.erfc(0.0))
print(math.gamma(5), math.lgamma(1), math.sinh(0), math.cosh(0), math.tanh(0), math.asinh(0))
print(math.acosh(1), math.atanh(0), round(math.sinh(1), 12), round(math.cosh(1), 12), round(math.tanh(0.5), 12))
print(round(math.erf(0.5), 12), round(math.gamma(0.5) ** 2, 12), round(math.lgamma(10), 10))
print(math.nextafter(1.0, 2.0), math.nextafter(1.0, 0.0), math.nextafter(0.0, 1.0), math.ulp(1.0), math.ulp(0.0))
print(math.nextafter(1.0, 2.0, steps=2), math.trunc(-2.5), math.isqrt(17), math.copysign(3, -0.0))
for bad in [lambda: (256).to_bytes(1, "big"), lambda: (-1).to_bytes(1, "big"),
            lambda: (128).to_bytes(1, "big", signed=True), lambda: (1).to_bytes(1, "middle"),
            lambda: (1).to_bytes(-1, "big"), lambda: int.from_bytes("ab", "big"),
            lambda: math.fmod(1, 0), lambda: math.gamma(0), lambda: math.lgamma(-1), lambda: math.acosh(0),
            lambda: math.atanh(1), lambda: math.log1p(-1), lambda: math.ldexp(1.0, 2000),
            lambda: math.ldexp(1.0, 1.5), lambda: math.comb(-1, 2), lambda: math.perm(3, -1),
            lambda: math.dist((1,), (1, 2)), lambda: math.sumprod([1], [1, 2]), lambda: math.cosh(1000),
            lambda: dict.fromkeys(), lambda: math.exp2(2000)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
