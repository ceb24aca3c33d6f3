# fnmatch and glob (CPython 3.12's) over the run's file system, in a directory the
# script makes; threads glob their own parts of the tree.
import fnmatch
import glob
import os
import threading

print(fnmatch.fnmatch('data.CSV', '*.csv'), fnmatch.fnmatchcase('data.CSV', '*.csv'))
print(fnmatch.filter(['a.py', 'b.txt', 'c.py', '.hidden.py'], '*.py'))
print(fnmatch.translate('*.[ch]'), fnmatch.translate('file?[!0-9]'))
print(fnmatch.fnmatch('x1', 'x[!a-z]'), fnmatch.fnmatch('[', '[[]'), fnmatch.fnmatch('ab', '*a*b*'))
print(glob.escape('what?[x].txt'), glob.has_magic('a*'), glob.has_magic('abc'))

root = 'gsg_root'
for d in ('logs/2024', 'logs/2025', 'src/pkg', '.cache'):
    os.makedirs(os.path.join(root, d))
for name in ('logs/2024/a.log', 'logs/2024/b.log', 'logs/2025/c.log', 'logs/index.txt',
             'src/main.py', 'src/pkg/mod.py', 'src/pkg/data.json', '.cache/x.py', '.top.py',
             'README.md'):
    with open(os.path.join(root, name), 'w') as f:
        f.write(name * 3)

print(sorted(glob.glob(root + '/*')))
print(sorted(glob.glob(root + '/*', include_hidden=True)))
print(sorted(glob.glob(root + '/**/*.py', recursive=True)))
print(sorted(glob.glob(root + '/**', recursive=True)))
print(sorted(glob.glob(root + '/**/', recursive=True)))
print(sorted(glob.glob(root + '/logs/20??/*.log')))
print(sorted(glob.glob('*.log', root_dir=os.path.join(root, 'logs', '2024'))))
print(sorted(glob.glob('**/*.json', root_dir=root, recursive=True)))
print(sorted(glob.iglob(root + '/src/[mp]*')), glob.glob(root + '/nothing*'), glob.glob(root + '/README.md'))
print(sorted(glob.glob(root + '/*/')), glob.glob(root + '/logs/index.txt/'))

counts = {}
lock = threading.Lock()


def count(pattern):
    n = sum(os.path.getsize(p) for p in glob.glob(pattern, recursive=True))
    with lock:
        counts[pattern] = n


threads = [threading.Thread(target=count, args=(root + '/' + p,)) for p in ('logs/**/*.log', 'src/**/*.py', '*.md')]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(counts.items()))

for dirpath, dirs, files in os.walk(root, topdown=False):
    for f in files:
        os.remove(os.path.join(dirpath, f))
    for d in dirs:
        os.rmdir(os.path.join(dirpath, d))
os.rmdir(root)
