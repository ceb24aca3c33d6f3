# wait() returns CPython's DoneAndNotDoneFutures named tuple: fields, unpacking,
# _asdict, _replace.
import concurrent.futures as cf
with cf.ThreadPoolExecutor(2) as ex:
    fs = [ex.submit(pow, 2, i) for i in range(3)]
    r = cf.wait(fs)
print(type(r).__name__, isinstance(r, tuple), r._fields, len(r.done), len(r.not_done), len(r))
done, not_done = r
print(sorted(f.result() for f in done), not_done, r[1], r._asdict().keys(), r == (r.done, r.not_done))
print(repr(r._replace(done=set()))[:40])
