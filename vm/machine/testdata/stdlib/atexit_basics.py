# atexit: callbacks run last registered first, after the non-daemon threads have
# ended and after concurrent.futures' workers; an exception in one is printed and the
# others still run; unregister; a multiprocessing child does not run them.
import atexit
import multiprocessing
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor


class Failing:
    def __init__(self, exc):
        self.exc = exc

    def __call__(self):
        raise self.exc

    def __repr__(self):
        return '<Failing %s>' % type(self.exc).__name__


def bye(name, punct='!'):
    print('bye', name + punct, threading.active_count())


def late_worker():
    time.sleep(0.1)
    print('worker done')


def slow_task():
    time.sleep(0.05)
    print('submitted task done')


def child():
    print('child runs')


if __name__ == '__main__':
    print(atexit.register(bye, 'a') is bye)
    atexit.register(bye, 'b', punct='?')
    atexit.register(Failing(ValueError('x')))
    atexit.register(Failing(SystemExit(3)))

    @atexit.register
    def decorated():
        print('decorated', threading.active_count())

    atexit.register(print, 'never')
    atexit.unregister(print)
    try:
        atexit.register(42)
    except TypeError as e:
        print(e)
    p = multiprocessing.Process(target=child)
    p.start()
    p.join()
    threading.Thread(target=late_worker).start()
    ThreadPoolExecutor(1).submit(slow_task)
    print('main done')
