# os.path as CPython's posixpath, os.stat, os.scandir, os.walk, os.rename/replace and
# os.chdir over the run's file system, in a directory the script makes (so CPython's
# run and gilscope's see the same tree), from threads.
import os
import os.path
import posixpath
import threading
from os.path import join

print(os.path is posixpath, os.path.__name__)
print(os.path.normcase('A/b'), os.path.normpath('a//b/./c/..'), os.path.normpath('/../x'))
print(os.path.split('a/b/'), os.path.splitext('a/b.tar.gz'), os.path.splitext('.bashrc'))
print(os.path.dirname('/a/b/c'), os.path.basename('/a/b/c'), os.path.isabs('a'))
print(os.path.relpath('/a/b/c', '/a/d'), os.path.relpath('x/y', 'x'), os.path.relpath('/a', '/a'))
print(os.path.commonpath(['/usr/lib', '/usr/local/lib']), os.path.commonprefix(['interest', 'internet']))
print(os.path.join('a', 'b', '/c', 'd'), os.path.splitdrive('/x/y'), os.path.splitroot('//x/y'))
print(os.path.expanduser('~') == os.environ['HOME'], os.path.expanduser('x~'))
print(os.path.abspath('gsw') == join(os.getcwd(), 'gsw'), os.path.realpath('gsw') == os.path.abspath('gsw'))
print(os.path.abspath('/a/../b'), os.path.isabs(os.getcwd()))

base = 'gsw_tree'
os.makedirs(join(base, 'src', 'pkg'), exist_ok=True)
os.makedirs(join(base, 'docs'))
files = {
    'src/main.py': 'print("main")\n',
    'src/pkg/__init__.py': '',
    'src/pkg/util.py': 'def f():\n    return 1\n',
    'docs/readme.txt': 'read me\n' * 10,
    'top.cfg': '[x]\n',
}
for name, text in files.items():
    with open(join(base, name), 'w') as f:
        f.write(text)

st = os.stat(join(base, 'docs/readme.txt'))
print(st.st_size, oct(st.st_mode), st.st_nlink, st[6], len(st), isinstance(st, tuple))
print(oct(os.stat(base).st_mode & 0o170000), type(st.st_mtime).__name__, type(st.st_mtime_ns).__name__)
print(os.path.getsize(join(base, 'top.cfg')), os.path.isfile(join(base, 'src')), os.path.isdir(join(base, 'src')))
print(os.path.exists(join(base, 'nope')), os.path.lexists(join(base, 'top.cfg')), os.path.islink(base))
print(os.path.samefile(join(base, 'top.cfg'), join(base, 'src', '..', 'top.cfg')))
print(os.path.getmtime(join(base, 'top.cfg')) >= os.path.getmtime(join(base, 'src/main.py')))

with os.scandir(base) as it:
    entries = sorted(it, key=lambda e: e.name)
for e in entries:
    print(repr(e), e.name, e.path, e.is_dir(), e.is_file(), e.is_symlink(), e.stat().st_size if e.is_file() else '-')
print(os.fspath(entries[0]), isinstance(entries[0], os.PathLike))

for root, dirs, names in os.walk(base):
    dirs.sort()
    print(root, dirs, sorted(names))
print(sorted(r for r, d, n in os.walk(base, topdown=False) if not d))
print(list(os.walk('gsw_missing')))

os.rename(join(base, 'top.cfg'), join(base, 'docs', 'top.cfg'))
os.replace(join(base, 'docs', 'readme.txt'), join(base, 'docs', 'top.cfg'))
print(sorted(os.listdir(join(base, 'docs'))), os.path.getsize(join(base, 'docs', 'top.cfg')))
os.rename(join(base, 'src'), join(base, 'lib'))
print(sorted(os.listdir(base)), sorted(os.listdir(join(base, 'lib', 'pkg'))))
for src, dst in [('gsw_nope', 'gsw_x'), (join(base, 'lib'), join(base, 'lib', 'sub')),
                 (join(base, 'docs', 'top.cfg'), join(base, 'lib')),
                 (join(base, 'lib'), join(base, 'docs')),
                 (join(base, 'lib'), join(base, 'docs', 'top.cfg'))]:
    try:
        os.rename(src, dst)
    except OSError as e:
        print(type(e).__name__, e.errno, e.filename, e.filename2)
for bad in ['gsw_nope', join(base, 'docs', 'top.cfg', 'x')]:
    try:
        os.stat(bad)
    except OSError as e:
        print(type(e).__name__, e)

here = os.getcwd()
os.chdir(base)
print(os.getcwd() == join(here, base), sorted(os.listdir('.')), os.path.isfile('docs/top.cfg'))
with open('made_here.txt', 'w') as f:
    f.write('x')
os.chdir('..')
print(os.path.isfile(join(base, 'made_here.txt')), os.getcwd() == here)
try:
    os.chdir(join(base, 'made_here.txt'))
except NotADirectoryError as e:
    print('chdir:', e)


# Threads walking and sizing the tree at once.
sizes = {}
lock = threading.Lock()


def size_of(top):
    total = 0
    for root, dirs, names in os.walk(top):
        for n in names:
            total += os.path.getsize(join(root, n))
    with lock:
        sizes[top] = total


threads = [threading.Thread(target=size_of, args=(join(base, d),)) for d in ('lib', 'docs')]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(sizes.items()))

for root, dirs, names in os.walk(base, topdown=False):
    for n in names:
        os.remove(join(root, n))
    for d in dirs:
        os.rmdir(join(root, d))
os.rmdir(base)
print(os.path.exists(base))
