# Two threads each hash 2 MB with hashlib: first fed in big buffers, which
# hashlib hashes with the GIL released, then in 1,000-byte pieces, for which
# it keeps the GIL; then two threads each make four 5 ms calls into C code
# that forgets to release the GIL.
import hashlib
import threading
import time

import gilscope

data = bytes(range(256)) * 8192  # 2 MB


def hash_in_chunks(chunk):
    h = hashlib.sha256()
    for i in range(0, len(data), chunk):
        h.update(data[i:i + chunk])


def c_calls(releases):
    for i in range(4):
        gilscope.c_call(0.005, releases)


def phase(target, arg):
    threads = [threading.Thread(target=target, args=(arg,)) for i in range(2)]
    start = time.time()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return (time.time() - start) * 1000


big = phase(hash_in_chunks, 262144)
small = phase(hash_in_chunks, 1000)
held = phase(c_calls, False)
released = phase(c_calls, True)
print("hash_big_ms %.1f" % big)
print("hash_small_ms %.1f" % small)
print("c_held_ms %.1f" % held)
print("c_released_ms %.1f" % released)
