# concurrent.futures.wait with each return_when, and as_completed with a timeout.
import time
from concurrent.futures import (ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION,
                                ThreadPoolExecutor, as_completed, wait)
import concurrent.futures


def sleep_then(d, v):
    time.sleep(d)
    if v == "boom":
        raise KeyError(v)
    return v


with ThreadPoolExecutor(max_workers=4) as ex:
    fs = [ex.submit(sleep_then, d, v) for d, v in ((0.03, "a"), (0.001, "b"), (0.05, "c"))]
    done, not_done = wait(fs, return_when=FIRST_COMPLETED)
    print("first", sorted(f.result() for f in done), len(not_done))
    done, not_done = wait(fs)
    print("all", sorted(f.result() for f in done), len(not_done))
    r = wait(fs, return_when=ALL_COMPLETED)
    print("fields", len(r.done), len(r.not_done), len(r))

    fs = [ex.submit(sleep_then, 0.002, "boom"), ex.submit(sleep_then, 0.1, "x")]
    done, not_done = wait(fs, return_when=FIRST_EXCEPTION)
    print("first exception", len(done), len(not_done),
          [type(f.exception()).__name__ for f in done])

    fs = [ex.submit(sleep_then, 0.1, "late")]
    done, not_done = wait(fs, timeout=0.01)
    print("timeout", len(done), len(not_done))

    fs = [ex.submit(sleep_then, 0.001, "quick"), ex.submit(sleep_then, 0.2, "slow")]
    got = []
    try:
        for f in as_completed(fs, timeout=0.05):
            got.append(f.result())
    except concurrent.futures.TimeoutError as e:
        print("as_completed timeout:", e, got)

    # A pool of its own, with gaps wide enough that a loaded machine keeps the order.
    with ThreadPoolExecutor(max_workers=3) as ex2:
        order = []
        fs = [ex2.submit(sleep_then, d, d) for d in (0.3, 0.1, 0.2)]
        for f in as_completed(fs):
            order.append(f.result())
        print("completion order", order)
