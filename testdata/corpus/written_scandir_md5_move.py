# source: none: written for gilscope in the style of Lvzhenqian/py's cleansys.py (https://github.com/Lvzhenqian/py/blob/75b63e6562414e2d2e854753dea49a09c0ff8382/cleansys.py), a dispatcher whose producer thread walks a directory with os.scandir into a Queue while a consumer compares each file's md5 with a known file's and moves the copies aside with shutil.move; it works on Windows paths of the author's, here on a tree it makes, with three consumers (the original could not be taken verbatim)
# compare: unordered
from hashlib import md5
from shutil import move as mv
import os
import threading
from queue import Queue

BASE = 'cleansys_tree'
QUARANTINE = os.path.join(BASE, 'quarantine')


class dispatcher:
    def __init__(self, sourcefile):
        self.q = Queue(maxsize=1000)
        self.source = self.md5sum(sourcefile)

    def md5sum(self, file: str) -> str:
        try:
            with open(file, 'rb') as fd:
                return md5(fd.read()).hexdigest()
        except FileNotFoundError:
            return ''

    def do_delete(self, dst):
        if not os.path.exists(QUARANTINE):
            os.makedirs(QUARANTINE, exist_ok=True)
        if self.md5sum(dst) == self.source:
            name = dst.replace(os.sep, '_')
            mv(dst, os.path.join(QUARANTINE, name))
            print('move {} successful'.format(dst))

    def ds(self, xpath):
        for entry in os.scandir(xpath):
            if entry.is_file():
                yield entry.path
            else:
                yield from self.ds(entry.path)

    def put(self, path, consumers):
        print('start producer')
        for data in self.ds(path):
            self.q.put(data)
        for _ in range(consumers):
            self.q.put(None)

    def get(self):
        while True:
            d = self.q.get()
            if d is None:
                break
            self.do_delete(d)


def make_tree():
    bad = b'\x4d\x5a' + b'payload' * 50
    os.makedirs(os.path.join(BASE, 'drivers', 'extra'))
    with open(os.path.join(BASE, 'known.sys'), 'wb') as f:
        f.write(bad)
    for i in range(8):
        sub = 'extra' if i % 3 == 0 else ''
        with open(os.path.join(BASE, 'drivers', sub, 'drv%d.sys' % i), 'wb') as f:
            f.write(bad if i in (1, 3, 6) else bad + bytes([i]))


if __name__ == '__main__':
    make_tree()
    condition = dispatcher(os.path.join(BASE, 'known.sys'))
    q = threading.Thread(target=condition.put, args=(os.path.join(BASE, 'drivers'), 3), name='put')
    gs = [threading.Thread(target=condition.get, name='consumer%d' % i) for i in range(3)]
    q.start()
    for g in gs:
        g.start()
    q.join()
    for g in gs:
        g.join()
    print(sorted(os.listdir(QUARANTINE)))
    print(sorted(os.listdir(os.path.join(BASE, 'drivers'))), sorted(os.listdir(os.path.join(BASE, 'drivers', 'extra'))))
    import shutil
    shutil.rmtree(BASE)
    print(os.path.exists(BASE))
