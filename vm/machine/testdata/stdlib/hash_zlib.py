# hashlib and zlib compute real digests and real zlib streams.
import hashlib
import zlib

for name in ("md5", "sha1", "sha224", "sha256", "sha384", "sha512"):
    print(name, hashlib.new(name, b"gilscope").hexdigest())
print(hashlib.sha256(b"").hexdigest())
print(hashlib.md5(b"abc").digest())
h = hashlib.sha256()
h.update(b"a" * 3000)
snapshot = h.copy()
h.update(b"b" * 100)
print(h.hexdigest())
print(snapshot.hexdigest())
big = bytes(range(256)) * 4096
print(hashlib.sha256(big).hexdigest(), hashlib.md5(big).hexdigest())
try:
    hashlib.sha256("text")
except TypeError as e:
    print("TypeError", e)
try:
    hashlib.new("nope")
except ValueError as e:
    print("ValueError", e)

data = b"the quick brown fox jumps over the lazy dog " * 500
for level in (-1, 0, 1, 6, 9):
    c = zlib.compress(data, level)
    print("level", level, zlib.decompress(c) == data, len(c) < len(data) or level == 0)
print("raw", zlib.decompress(zlib.compress(data, wbits=-15), wbits=-15) == data)
print("gzip", zlib.decompress(zlib.compress(data, wbits=31), 31) == data)
print("crc32", zlib.crc32(data), zlib.crc32(b"abc"), zlib.crc32(b"def", zlib.crc32(b"abc")))
print("adler32", zlib.adler32(data), zlib.adler32(b"abc"), zlib.adler32(b"def", zlib.adler32(b"abc")))
# A stream CPython's zlib made.
print(zlib.decompress(b"x\x9c\xcbH\xcd\xc9\xc9W(\xcf/\xcaIQ\x04\x00\x1e\x89\x04~"))
try:
    zlib.decompress(b"not zlib data")
except zlib.error as e:
    print("zlib.error", e)
try:
    zlib.decompress(zlib.compress(data)[:30])
except zlib.error as e:
    print("zlib.error", e)
try:
    zlib.compress(data, 12)
except zlib.error as e:
    print("zlib.error", e)
