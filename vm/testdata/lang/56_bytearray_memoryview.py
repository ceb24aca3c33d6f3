# bytearray: construction, mutation, slices, methods; memoryview over bytes and
# bytearray: len, indexing, slicing, tobytes, release and the with statement.
ba = bytearray(b"hello")
print(ba, repr(ba), len(ba), ba[0], ba[-1], ba[1:3], type(ba[1:3]).__name__)
print(bytearray(), bytearray(3), bytearray([65, 66]), bytearray("hé", "utf-8"), bytearray(b"x") == b"x")
ba.append(33)
ba.extend(b" world")
ba.extend([46, 46])
print(ba, len(ba))
ba[0] = 72
ba[1:5] = b"ELLO"
print(ba)
ba[0:5] = b"Hi"
print(ba)
del ba[0]
del ba[-2:]
print(ba, ba.pop(), ba.pop(0), ba)
ba.insert(0, 0x3e)
ba.remove(ord("w"))
print(ba)
ba += b"!!"
ba *= 2
print(ba)
ba.reverse()
print(ba, ba.copy() == ba, ba.copy() is ba)
ba.clear()
print(ba, len(ba), bool(ba))
b2 = bytearray(b"a,b,c")
print(b2.split(b","), b2.upper(), b2.replace(b",", b";"), b2.decode(), b2.hex(), b2.find(b"b"))
print(b2.startswith(b"a"), b2.strip(b"ac"), bytearray(b"-").join([b"x", bytearray(b"y")]), b2.count(b","))
print(b2 + b"!", b"!" + b2, type(b2 + b"!").__name__, type(b"!" + b2).__name__, b2 * 2)
print(b"b" in b2, 99 in b2, list(b2), bytes(b2), type(bytes(b2)).__name__, b2 == bytearray(b"a,b,c"))
print(bytearray.fromhex("41 42"), b2 < b"b", sorted([bytearray(b"b"), bytearray(b"a")]))
print(str(b"caf\xc3\xa9", "utf-8"), str(bytearray(b"abc"), encoding="ascii"), bytes("é", "latin-1"))
acc = bytearray()
for chunk in [b"ab", b"cd", b"ef"]:
    acc += chunk
print(acc, acc.decode("ascii"))
out = bytearray()
for i in range(5):
    out.append(i * 10)
print(out, [x for x in out])
data = b"abcdef"
m = memoryview(data)
print(len(m), m[0], m[-1], m.tobytes(), m[1:4].tobytes(), bytes(m[2:]), m.readonly, m.nbytes)
print(m.tolist(), m.hex(), m == m, m.obj is data, list(m[:2]))
m.release()
print(repr(m).startswith("<released memory at 0x"), repr(memoryview(b"")).startswith("<memory at 0x"))
buf = bytearray(b"0123456789")
with memoryview(buf) as mv:
    mv[0] = 65
    mv[1:3] = b"BC"
    print(mv.readonly, mv[0], mv[4:6].tobytes(), len(mv))
print(buf)
mv = memoryview(buf)
try:
    buf.append(1)
except BufferError as e:
    print("BufferError", e)
mv.release()
buf.append(33)
print(buf)


def set_item(obj, key, value):
    obj[key] = value


def add_in_place(obj, value):
    obj += value
    return obj


for bad in [lambda: bytearray(b"x")[5], lambda: set_item(bytearray(b"x"), 0, 256),
            lambda: bytearray(b"x").append("a"), lambda: bytearray().pop(),
            lambda: bytearray(b"x").remove(9), lambda: hash(bytearray()), lambda: bytearray("abc"),
            lambda: m[0], lambda: len(m), lambda: memoryview("abc"), lambda: memoryview(b"x")[1],
            lambda: set_item(memoryview(b"ab"), 0, 1), lambda: add_in_place(bytearray(b"ab"), "x"), lambda: set_item(bytearray(b"ab"), slice(0, 1), 5),
            lambda: set_item(bytearray(b"abc"), slice(0, 3, 2), b"x"), lambda: set_item(memoryview(bytearray(b"ab")), 0, b"x"),
            lambda: bytearray(b"ab").extend(5), lambda: b"ab" + "c"]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

# Aliasing, extended slices, nested views and their release, strided views.
ba = bytearray(b"abcdef")
ba.extend(ba); print(ba)
ba[:] = ba; print(ba)
ba += bytes(ba); print(len(ba))
ba[::-2] = bytes(len(ba[::-2])); print(ba)
del ba[::3]; print(ba)
ba[2:2] = [1, 2, 3]; print(ba)
ba[1:4] = memoryview(b"XY"); print(ba)
m1 = memoryview(ba)
m2 = m1[2:5]
m3 = memoryview(m2)
print(m3.tobytes(), len(m3), m3[-1])
m1.release()
try:
    ba.append(1)
except BufferError as e:
    print("still exported", e)
m2.release(); m3.release()
ba.append(1); print(len(ba))
v = memoryview(bytearray(b"tmp"))
print(v.tobytes())
del v
x = bytearray(b"q")
for c in x:
    if len(x) < 5:
        x.append(c + 1)
print(x)
print(bytearray(b"abc") * 0, bytearray(b"ab") * -1, b"%s" % memoryview(b"mv"))
mv = memoryview(bytearray(b"0123456789"))
print(mv[::2].tobytes(), mv[::-1].tobytes(), mv[1::3][1], mv[::-2][::2].tobytes(), len(mv[::3]), mv[8:2:-2].tolist())
mv[::2] = b"abcde"
print(mv.obj, mv[::-3].tobytes(), bytes(mv[::4]), mv[::2] == b"abcde")
