# `x in gen` runs the generator on the thread's stack, so a generator that waits for
# futures (f.result()) works inside `in`, as it does in a for loop.
import time
from concurrent.futures import ThreadPoolExecutor

def work(n):
    time.sleep(0.01 * n)
    return n * n

with ThreadPoolExecutor(4) as ex:
    fs = [ex.submit(work, n) for n in range(6)]
    print(9 in (f.result() for f in fs), 100 in (f.result() for f in fs))
    print(16 in ex.map(work, range(6)))
