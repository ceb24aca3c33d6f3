# A forked child writes to its parent's file descriptors: a stream a global holds
# is the child's own sys.stdout or sys.stderr.
import multiprocessing
import sys

out, err, saved = sys.stdout, sys.stderr, [sys.stdout]


def child():
    print('same stdout:', out is sys.stdout, saved[0] is sys.stdout, 'same stderr:', err is sys.stderr)
    print('written through the copy', file=out)
    out.flush()


if __name__ == '__main__':
    multiprocessing.set_start_method('fork')
    p = multiprocessing.Process(target=child)
    p.start()
    p.join()
    print('parent:', out is sys.stdout)
