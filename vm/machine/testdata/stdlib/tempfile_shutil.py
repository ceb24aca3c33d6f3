# tempfile (CPython 3.12's, its names from the run's seeded stream) and shutil over
# the run's file system: temporary directories and files, copies, trees copied,
# moved and removed; threads writing temporary files that a pool then reads.
import os
import shutil
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor

tmp = tempfile.gettempdir()
print(os.path.isabs(tmp), os.path.isdir(tmp), tempfile.gettempdirb() == os.fsencode(tmp))
d = tempfile.mkdtemp(prefix='gst_', suffix='.d')
name = os.path.basename(d)
print(os.path.dirname(d) == tmp, name.startswith('gst_'), name.endswith('.d'), len(name), os.listdir(d))

fd, path = tempfile.mkstemp(suffix='.txt', prefix='data_', dir=d)
print(isinstance(fd, int), os.path.dirname(path) == d, os.path.basename(path)[:5], oct(os.stat(path).st_mode & 0o777))
print(os.write(fd, b'one\ntwo\n'))
os.close(fd)
fd, path2 = tempfile.mkstemp(dir=d, text=True)
with os.fdopen(fd, 'w') as f:
    f.write('via fdopen\n')
print(open(path).read().split(), open(path2).read().strip(), path != path2)

with tempfile.TemporaryDirectory(dir=d) as td:
    with open(os.path.join(td, 'inner.txt'), 'w') as f:
        f.write('inner')
    os.mkdir(os.path.join(td, 'sub'))
    print(sorted(os.listdir(td)), os.path.dirname(td) == d)
print(os.path.exists(td))
td = tempfile.TemporaryDirectory(dir=d)
print(os.path.isdir(td.name), repr(td).startswith('<TemporaryDirectory'))
td.cleanup()
print(os.path.exists(td.name))

with tempfile.NamedTemporaryFile('w+', suffix='.log', dir=d) as f:
    f.write('named\n')
    f.flush()
    print(os.path.exists(f.name), f.name.endswith('.log'), open(f.name).read().strip())
    f.seek(0)
    print(f.read().strip(), f.mode)
print(os.path.exists(f.name))
f = tempfile.NamedTemporaryFile(dir=d, delete=False)
f.write(b'kept')
f.close()
print(open(f.name, 'rb').read())
os.remove(f.name)
with tempfile.NamedTemporaryFile(dir=d, delete_on_close=False) as f:
    f.write(b'x')
    f.close()
    print(os.path.exists(f.name))
print(os.path.exists(f.name))

with tempfile.TemporaryFile(dir=d) as f:
    f.write(b'anonymous')
    f.seek(0)
    print(f.read(), len(os.listdir(d)))
with tempfile.TemporaryFile('w+', dir=d) as f:
    f.write('text')
    f.seek(0)
    print(f.read())
with tempfile.SpooledTemporaryFile(max_size=10, mode='w+') as f:
    f.write('spooled')
    f.seek(0)
    print(f.read())
print(len(os.listdir(d)))

# shutil
shutil.copyfile(path, os.path.join(d, 'copy.txt'))
print(shutil.copy(path, os.path.join(d, 'c1.txt')) == os.path.join(d, 'c1.txt'))
shutil.copy2(path, os.path.join(d, 'c2.txt'))
print(os.stat(os.path.join(d, 'c2.txt')).st_mtime == os.stat(path).st_mtime)
os.mkdir(os.path.join(d, 'into'))
print(shutil.copy(path, os.path.join(d, 'into')) == os.path.join(d, 'into', os.path.basename(path)))
try:
    shutil.copyfile(path, path)
except shutil.SameFileError as e:
    print('SameFileError')
try:
    shutil.copyfile(os.path.join(d, 'missing'), os.path.join(d, 'x'))
except FileNotFoundError as e:
    print('FileNotFoundError', os.path.basename(e.filename))
with open(path, 'rb') as src, open(os.path.join(d, 'obj.txt'), 'wb') as dst:
    shutil.copyfileobj(src, dst, 3)
print(open(os.path.join(d, 'obj.txt')).read().split())

tree = os.path.join(d, 'tree')
for sub in ('a', 'a/b', 'c'):
    os.makedirs(os.path.join(tree, sub))
for rel in ('a/one.py', 'a/b/two.py', 'a/b/skip.pyc', 'c/three.txt', 'top.py'):
    with open(os.path.join(tree, rel), 'w') as f:
        f.write(rel)
dest = shutil.copytree(tree, os.path.join(d, 'tree2'), ignore=shutil.ignore_patterns('*.pyc'))
print(sorted(os.path.relpath(os.path.join(r, n), dest) for r, _, ns in os.walk(dest) for n in ns))
shutil.copytree(tree, dest, dirs_exist_ok=True)
print(os.path.exists(os.path.join(dest, 'a/b/skip.pyc')))
try:
    shutil.copytree(tree, dest)
except FileExistsError as e:
    print('FileExistsError')
print(os.path.basename(shutil.move(os.path.join(dest, 'top.py'), os.path.join(dest, 'c'))), sorted(os.listdir(os.path.join(dest, 'c'))))
shutil.move(dest, os.path.join(d, 'tree3'))
print(os.path.exists(dest), sorted(os.listdir(os.path.join(d, 'tree3'))))
shutil.rmtree(os.path.join(d, 'tree3'))
print(os.path.exists(os.path.join(d, 'tree3')))
try:
    shutil.rmtree(os.path.join(d, 'tree3'))
except FileNotFoundError:
    print('rmtree missing: FileNotFoundError')
shutil.rmtree(os.path.join(d, 'tree3'), ignore_errors=True)
print(shutil.which('surely-not-a-command-gs'))

# Threads write temporary files; a pool reads them back.
paths = []
lock = threading.Lock()


def produce(n):
    fd, p = tempfile.mkstemp(prefix='job%d_' % n, dir=d)
    with os.fdopen(fd, 'w') as f:
        f.write('x' * (n * 100))
    with lock:
        paths.append(p)


threads = [threading.Thread(target=produce, args=(n,)) for n in range(1, 6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
with ThreadPoolExecutor(3) as ex:
    sizes = list(ex.map(os.path.getsize, sorted(paths)))
print(sorted(sizes))
shutil.rmtree(d)
print(os.path.exists(d))
