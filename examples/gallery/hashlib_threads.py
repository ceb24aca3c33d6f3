# title: hashlib releases the GIL on big buffers
# models: cpython-3.12 cpython-3.13t
# cores: 2
# seed: 1
# max_time: 1
# order: 160
#
# Two threads each compute a SHA-256 over 2 MB of data. Phase 1 hands hashlib 256 KB
# at a time: for buffers of 2048 bytes or more hashlib releases the GIL while it
# hashes, so on the timeline both threads hash at once, on both cores, and the GIL
# lane is nearly empty. Phase 2 feeds the same data 1,000 bytes at a time: below
# 2048 bytes hashlib keeps the GIL (releasing it would cost more than the hashing),
# so the threads take turns and the phase takes at least twice as long. The digests
# are the same either way.
import hashlib
import threading

data = bytes(range(256)) * 8192  # 2 MB
digests = {}


def hash_in_chunks(name, chunk):
    h = hashlib.sha256()
    for i in range(0, len(data), chunk):
        h.update(data[i:i + chunk])
    digests[name] = h.hexdigest()


for chunk in (262144, 1000):
    threads = [threading.Thread(target=hash_in_chunks, args=((chunk, k), chunk)) for k in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
print(len(set(digests.values())), "distinct digest:", digests[(1000, 0)][:16])
