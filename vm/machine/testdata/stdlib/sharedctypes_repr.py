# The reprs of multiprocessing's shared arrays: the ctypes array type is named in
# multiprocessing.sharedctypes, and an array of 'c' is a SynchronizedString.
import multiprocessing as mp
import re


def show(x):
    print(re.sub(r'0x[0-9a-f]+', 'ADDR', repr(x)))


show(mp.Array('i', 3))
show(mp.Array('d', [1.0, 2.0], lock=False))
show(mp.Array('c', 4))
show(mp.RawArray('i', 2))
show(mp.Value('f', 0.5))
show(mp.Value('i', 7, lock=False))
