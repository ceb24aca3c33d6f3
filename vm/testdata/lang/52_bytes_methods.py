# bytes methods: join, replace, case, strip, split, search, affixes, codecs, hex.
b = b"  Hello, World!  "
print(b.strip(), b.lstrip(), b.rstrip(), b.strip(b" !H"), b"xxaxx".strip(b"x"))
print(b.upper(), b.lower(), b.swapcase(), b"hello world".title(), b"hELLO".capitalize())
print(b"-".join([b"a", b"bc", b""]), b"".join([]), b", ".join((b"x", b"y")))
print(b"aaa".replace(b"a", b"bb"), b"aaa".replace(b"a", b"b", 2), b"abc".replace(b"", b"-"))
print(b"a b  c\td\ne".split(), b"a,b,,c".split(b","), b"a,b,c".split(b",", 1))
print(b"a,b,c".rsplit(b",", 1), b"  a b c ".rsplit(None, 1), b"a b c".split(maxsplit=1))
print(b"hello".find(b"l"), b"hello".rfind(b"l"), b"hello".find(b"z"), b"hello".find(108))
print(b"hello".index(b"e"), b"hello".rindex(b"l"), b"hello".count(b"l"), b"hello".count(b""))
print(b"hello".find(b"l", 3), b"hello".find(b"l", -2), b"hello".count(b"l", 0, 3))
print(b"hello".startswith(b"he"), b"hello".endswith((b"x", b"lo")), b"hello".startswith(b"l", 2))
print(b"ell" in b"hello", b"" in b"x", 104 in b"hello", b"elo" in b"hello")
print(b"a=b=c".partition(b"="), b"a=b=c".rpartition(b"="), b"abc".partition(b"x"))
print(b"one\ntwo\r\nthree\r".splitlines(), b"x\ny\n".splitlines(True))
print(b"123".isdigit(), b"abc".isalpha(), b"a1".isalnum(), b" \t".isspace(), b"".isdigit())
print(b"abc".islower(), b"ABC".isupper(), b"A1".isupper(), b"\x80".isascii(), b"".isascii())
print(b"ab".ljust(5, b"*"), b"ab".rjust(5), b"ab".center(6, b"-"), b"-42".zfill(6))
print(b"prefix_x".removeprefix(b"prefix_"), b"x.py".removesuffix(b".py"))
print(b"\xde\xad\xbe\xef".hex(), b"\xde\xad\xbe\xef".hex(":"), b"\x01\x02\x03".hex("-", 2))
print(b"\x01\x02\x03".hex(" ", -2), bytes.fromhex("de ad BE ef"), bytes.fromhex(""))
print(b"caf\xc3\xa9".decode(), b"caf\xc3\xa9".decode("utf-8"), b"caf\xe9".decode("latin-1"))
print(b"abc".decode("ascii"), b"caf\xe9".decode("ascii", "replace"), b"caf\xe9".decode("utf-8", "ignore"))
print(b"caf\xe9!".decode("utf-8", errors="replace"), b"\xff\xfe".decode("utf-8", "backslashreplace"))
print("café".encode("latin-1"), "café".encode("ascii", "replace"), "café€".encode("ascii", "ignore"))
print("naïve".encode(encoding="utf-8"), "x€".encode("ascii", "backslashreplace"), "é".encode("UTF8"))
print(len(b"abc".hex()), type(bytes.fromhex("00")).__name__, b"ab" * 3 + b"c")
for bad in [lambda: b"\xff".decode(), lambda: b"ab\xe2\x82".decode(), lambda: b"\xe2\x28\xa1".decode(),
            lambda: b"\xe2\x82\x28".decode(), lambda: b"caf\xe9".decode("ascii"),
            lambda: "café".encode("ascii"), lambda: "x€y".encode("latin-1"),
            lambda: b"x".decode("nope"), lambda: bytes.fromhex("zz"), lambda: bytes.fromhex("abc"),
            lambda: b"abc".index(b"z"), lambda: b"a".join([b"x", "y"]), lambda: b"a".replace("a", "b"),
            lambda: b"a".find("a"), lambda: b"a".startswith("a"), lambda: b"a".split(b""),
            lambda: b"a".strip("a"), lambda: b"a".find(300), lambda: b"x" in "xyz"]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
try:
    b"\xff".decode()
except UnicodeDecodeError as e:
    print("caught", e)
try:
    "é".encode("ascii")
except UnicodeError as e:
    print("caught", type(e).__name__, isinstance(e, ValueError))
print(UnicodeEncodeError.__mro__)
# %-formatting of bytes, expandtabs, translate, maketrans, istitle.
print(b"%d-%s" % (5, b"x"), b"%5.2f|%-4s|%r|%c%c" % (3.14159, b"ab", "é", 65, b"B"), b"%x %%" % 255)
print(b"%(k)s=%(v)d" % {b"k": b"key", b"v": 3}, b"%s" % bytearray(b"ba"), bytearray(b"%d") % 7)
print(b"a\tbc\td".expandtabs(4), b"x\ty".expandtabs(), b"\t".expandtabs(0), b"Hello World".istitle(), b"hello".istitle())
table = bytes.maketrans(b"abc", b"xyz")
print(len(table), b"aabbcc!".translate(table), b"abc".translate(None, b"b"), b"abc".translate(table, delete=b"c"))
for bad in [lambda: b"%s" % "text", lambda: b"%d" % b"x", lambda: b"%c" % 300, lambda: b"%s %s" % (b"x",),
            lambda: b"x".translate(b"short"), lambda: bytes.maketrans(b"ab", b"c")]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
