# uuid (the UUID class, uuid1/3/4/5), secrets and timeit with callables.
import uuid, secrets, timeit, time
u = uuid.UUID('12345678-1234-5678-1234-567812345678')
print(u, repr(u), u.hex, u.int, u.bytes, u.urn, u.version, u.variant, u.fields)
print(uuid.UUID(bytes=u.bytes) == u, uuid.UUID(int=u.int), uuid.UUID('{12345678123456781234567812345678}'), u.bytes_le)
print(uuid.uuid3(uuid.NAMESPACE_DNS, 'python.org'), uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org'))
a = uuid.uuid4()
print(a.version, a.variant, len(str(a)), a != uuid.uuid4(), str(a).count('-'), str(a)[14])
b = uuid.uuid1()
print(b.version, len(b.hex))
try: u.x = 1
except TypeError as e: print(e)
try: uuid.UUID('xyz')
except ValueError as e: print(e)
print(sorted([uuid.UUID(int=3), uuid.UUID(int=1)]), hash(u) == hash(uuid.UUID(int=u.int)))
t = secrets.token_hex(16); print(len(t), all(c in '0123456789abcdef' for c in t))
print(len(secrets.token_bytes(8)), len(secrets.token_urlsafe(16)), 0 <= secrets.randbelow(10) < 10, secrets.choice('abc') in 'abc', secrets.compare_digest('a', 'a'))
print(secrets.randbits(0), secrets.randbits(8) < 256)
def f(): return sum(range(100))
r = timeit.timeit(f, number=100)
print(isinstance(r, float), r > 0, timeit.default_timer is time.perf_counter)
print(len(timeit.repeat(f, number=10, repeat=3)), timeit.Timer(f).timeit(5) > 0)
import os, random
random.seed(3)
a = random.random()
print(len(os.urandom(16)), type(os.urandom(0)).__name__)
random.seed(3)
print(random.random() == a)
try:
    os.urandom(-1)
except ValueError as e:
    print(e)
