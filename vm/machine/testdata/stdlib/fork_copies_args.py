# A fork's child gets the parent's objects as they are: a stream, a builtin's bound
# method and a thread lock pass to it unpickled. spawn and forkserver pickle the
# arguments, and refuse what pickle refuses.
import multiprocessing
import os
import sys
import threading
from multiprocessing import synchronize
from multiprocessing.synchronize import Event


def child(stream, write, lock, held):
    stream.write('child writes to the stream\n')
    write('child calls the bound method\n')
    print('lock copied unlocked:', lock.locked(), type(lock))
    print('held lock copied held:', held.locked())
    stream.flush()


def nothing(*args):
    pass


if __name__ == '__main__':
    lock, held = threading.Lock(), threading.Lock()
    held.acquire()
    p = multiprocessing.get_context('fork').Process(
        target=child, args=(sys.stdout, sys.stdout.write, lock, held))
    print(repr(p).replace(str(os.getpid()), 'PID'))
    p.start()
    p.join()
    print(p.exitcode)
    for method in ['spawn', 'forkserver']:
        ctx = multiprocessing.get_context(method)
        for arg in [sys.stdout, lock, sys.stderr.write]:
            q = ctx.Process(target=nothing, args=(arg,))
            try:
                q.start()
            except TypeError as e:
                print(method, type(e).__name__, e)
            else:
                q.join()
    q = multiprocessing.get_context('spawn').Process(target=nothing, args=([].append, print))
    q.start()
    q.join()
    print('a list method and a builtin pickle:', q.exitcode)
    e = multiprocessing.Event()
    print(isinstance(e, synchronize.Event), isinstance(e, Event))
    print(e.is_set(), e.wait(0.01))
    e.set()
    print(e.is_set(), e.wait(0.01))
