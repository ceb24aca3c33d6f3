# A forked child rebuilds globals bound to functions of library modules
# (`from time import sleep`): pickling records the module that defines them.
import multiprocessing as mp
from math import sqrt
from time import sleep


def work(x):
    sleep(0.001)
    return sqrt(x)


if __name__ == "__main__":
    with mp.Pool(2) as pool:
        print(pool.map(work, [1, 4, 9, 16]))
    p = mp.Process(target=work, args=(4,))
    p.start()
    p.join()
    print(p.exitcode)
    q = mp.Queue()
    q.put(sqrt)
    print(q.get() is sqrt, len, sqrt.__name__)
