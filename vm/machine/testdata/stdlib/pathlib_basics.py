# pathlib (CPython 3.12's) over the run's file system, in a directory the script
# makes: pure paths, then files and directories made, read, globbed, renamed and
# removed, and threads writing through Path objects.
import os
import threading
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath, PosixPath

p = PurePosixPath('/usr/lib/python3.12/pathlib.tar.gz')
print(p, repr(p), p.name, p.stem, p.suffix, p.suffixes, p.parent, p.anchor, p.root)
print(p.parts, list(p.parents)[:2], p.parents[-1], len(p.parents))
print(p.with_suffix('.zip'), p.with_name('x.py'), p.with_stem('y'), p.relative_to('/usr'))
print(p.is_relative_to('/usr'), p.is_relative_to('/etc'), p.is_absolute(), p.match('*.gz'), p.match('lib/*/*.gz'))
print(PurePath('a') / 'b' / 'c', 'x' / PurePosixPath('y'), PurePath('a', 'b/c', '../d'), PurePath('/a', '/b'))
print(PurePosixPath('a/b') == PurePosixPath('a//b/'), PurePosixPath('a') < PurePosixPath('b'), sorted([PurePath('b'), PurePath('a/c'), PurePath('a')]))
print(hash(PurePosixPath('a/b')) == hash(PurePosixPath('a/b')), str(PurePath()), PurePath('.').name == '')
print(PureWindowsPath(r'C:\Users\x\file.TXT').suffix, PureWindowsPath('c:/a/b').parts, PurePosixPath('/a/b').as_posix())
print(PurePosixPath('/a/b').as_uri(), PurePosixPath('a/b').joinpath('c', 'd'), os.fspath(PurePosixPath('q/r')))
try:
    PurePosixPath('a/b').relative_to('c')
except ValueError as e:
    print('ValueError:', e)
try:
    PurePosixPath('a/b').with_suffix('gz')
except ValueError as e:
    print('ValueError:', e)

print(type(Path('x')).__name__, isinstance(Path('x'), PosixPath), Path.cwd() == Path(os.getcwd()), Path.home() == Path(os.environ['HOME']))
print(Path('~/x').expanduser() == Path.home() / 'x', Path('gsp_root').absolute() == Path.cwd() / 'gsp_root')

root = Path('gsp_root')
(root / 'data' / 'raw').mkdir(parents=True)
(root / 'data' / 'raw').mkdir(parents=True, exist_ok=True)
try:
    (root / 'data').mkdir()
except FileExistsError as e:
    print('FileExistsError:', e)
try:
    (root / 'a' / 'b').mkdir()
except FileNotFoundError as e:
    print('FileNotFoundError:', e)
print((root / 'notes.txt').write_text('line 1\nline 2\n'), (root / 'blob.bin').write_bytes(bytes(range(10))))
print((root / 'notes.txt').read_text().splitlines(), (root / 'blob.bin').read_bytes()[:4])
print((root / 'notes.txt').stat().st_size, (root / 'notes.txt').exists(), (root / 'nope').exists())
print(root.is_dir(), (root / 'notes.txt').is_file(), (root / 'notes.txt').is_dir(), (root / 'data').is_file(), root.is_symlink())
with (root / 'notes.txt').open('a') as f:
    f.write('line 3\n')
with (root / 'notes.txt').open() as f:
    print([line.rstrip() for line in f])
(root / 'empty').touch()
(root / 'empty').touch()
print((root / 'empty').stat().st_size, sorted(x.name for x in root.iterdir()))
for i in range(3):
    (root / 'data' / 'raw' / f'part{i}.csv').write_text(f'{i},{i * i}\n')
print(sorted(root.glob('*.txt')), sorted(root.glob('data/*/*.csv')))
print(sorted(root.rglob('*.csv')), sorted(p.relative_to(root) for p in root.rglob('*')))
print(sorted(root.glob('**/')), (root / 'data').resolve() == Path.cwd() / root / 'data')
print(Path('gsp_root/data/../notes.txt').resolve() == (Path.cwd() / 'gsp_root/notes.txt'))
print(sorted((dp.name, sorted(dn), sorted(fn)) for dp, dn, fn in root.walk()))
print((root / 'notes.txt').samefile(root / 'data' / '..' / 'notes.txt'))

moved = (root / 'notes.txt').rename(root / 'data' / 'notes.md')
print(moved, moved.exists(), (root / 'notes.txt').exists())
moved.replace(root / 'notes.txt')
(root / 'blob.bin').unlink()
(root / 'blob.bin').unlink(missing_ok=True)
try:
    (root / 'blob.bin').unlink()
except FileNotFoundError as e:
    print('FileNotFoundError:', e)
try:
    (root / 'nope.txt').read_text()
except FileNotFoundError as e:
    print('FileNotFoundError:', e)


def worker(n):
    out = root / 'out' / f'w{n}.txt'
    out.write_text(''.join(f'{n}:{i}\n' for i in range(50)))


(root / 'out').mkdir()
threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted((p.name, len(p.read_text().splitlines())) for p in (root / 'out').iterdir()))

for p in sorted(root.rglob('*'), key=lambda p: len(p.parts), reverse=True):
    if p.is_dir():
        p.rmdir()
    else:
        p.unlink()
root.rmdir()
print(root.exists())
