# bytes: literals and their repr, indexing, slicing, bytes(list), encode/decode, comparison, iteration.
b = b"abc"
print(b, repr(b), len(b), b[0], b[-1], b[1:], b[::-1])
print(b"\x00\x01\xff", b"tab\tnew\n", b"quote'", b'dq"', b"both'\"", b"\\")
print(bytes([65, 66, 67]), bytes(), bytes([0, 127, 128, 255]), bytes([104, 105]).decode())
print(b"ABC".decode(), "héllo".encode(), "héllo".encode("utf-8"), b"h\xc3\xa9llo".decode("utf-8"))
print("x".encode(), "€".encode(), len("€".encode()), len("€"))
print(b + b"def", b * 2, b"a" in b, 98 in b, b"z" in b, b == b"abc", b != b"abd")
print(list(b), tuple(b"xy"), sum(b"abc"), max(b"hello"), sorted(b"cab"))
for x in b"hi!":
    print(x, chr(x))
print(type(b).__name__, type(b[0]).__name__, type(b[0:1]).__name__)
print(b"\x7f\x80", b"\r\x0b", b"\x1b", b"~ ")
print(str(b"s"), repr(b"r"), b"" == bytes(), bool(b""), bool(b"\x00"), len(b""))
print(b"abc" < b"abd", b"ab" < b"abc", b"B" < b"a", b"abc" == "abc")
data = bytes(range(250, 256)) + bytes(range(0, 6)) + b"~ "
print(data)
print(bytes(list(range(32, 48))))
print("".join(chr(c) for c in b"shout").upper())
roundtrip = "naïve café".encode()
print(roundtrip, len(roundtrip), roundtrip.decode(), roundtrip.decode() == "naïve café")
codes = [c for c in "Hello".encode()]
print(codes, bytes(codes), bytes(c + 1 for c in codes))
print(b"a" + bytes([98]) + b"c" == b"abc", b[0:2] + b[2:] == b)
