# File errors as CPython raises them: OSError(errno, strerror, filename), made into
# the subclass the errno names, from open(), os.remove, os.listdir, os.mkdir,
# os.makedirs and os.rmdir.
import errno
import os


def attempt(what, fn, *args):
    try:
        fn(*args)
        print(what, 'ok')
    except OSError as e:
        print(what, type(e).__name__, e.errno, errno.errorcode.get(e.errno), e.strerror, e.filename, '|', e)


attempt('open missing', open, 'gsfs_err_missing.txt')
attempt('open missing dir', open, 'gsfs_err_nodir/x.txt', 'w')
attempt('remove missing', os.remove, 'gsfs_err_missing.txt')
attempt('listdir missing', os.listdir, 'gsfs_err_nodir')
attempt('mkdir', os.mkdir, 'gsfs_err_dir')
attempt('mkdir again', os.mkdir, 'gsfs_err_dir')
attempt('mkdir nested', os.mkdir, 'gsfs_err_a/b')
attempt('open dir', open, 'gsfs_err_dir')
attempt('remove dir', os.remove, 'gsfs_err_dir')
with open('gsfs_err_dir/inner.txt', 'w') as f:
    f.write('x')
print(os.listdir('gsfs_err_dir'), os.path.isdir('gsfs_err_dir'), os.path.exists('gsfs_err_dir'))
attempt('rmdir full', os.rmdir, 'gsfs_err_dir')
attempt('listdir file', os.listdir, 'gsfs_err_dir/inner.txt')
attempt('open under file', open, 'gsfs_err_dir/inner.txt/y', 'w')
attempt('open x', open, 'gsfs_err_dir/inner.txt', 'x')
attempt('rmdir file', os.rmdir, 'gsfs_err_dir/inner.txt')
attempt('makedirs', os.makedirs, 'gsfs_err_tree/a/b')
attempt('makedirs again', os.makedirs, 'gsfs_err_tree/a/b')
attempt('makedirs exist_ok', os.makedirs, 'gsfs_err_tree/a/b', 0o777, True)
attempt('makedirs on file', os.makedirs, 'gsfs_err_dir/inner.txt', 0o777, True)
print(sorted(os.listdir('gsfs_err_tree')), os.listdir('gsfs_err_tree/a'))
with open('gsfs_err_tree/a/b/deep.txt', 'w') as f:
    f.write('deep')
print(open('gsfs_err_tree/a/b/deep.txt').read(), os.path.getsize('gsfs_err_tree/a/b/deep.txt'))
attempt('getsize missing', os.path.getsize, 'gsfs_err_missing.txt')
try:
    open('gsfs_err_missing.txt')
except FileNotFoundError as e:
    print(repr(e), e.args)
try:
    open('gsfs_err_missing.txt')
except IOError as e:
    print('IOError is OSError:', IOError is OSError, EnvironmentError is OSError)
e = OSError(2, 'No such file or directory', 'f.txt')
print(type(e).__name__, isinstance(e, FileNotFoundError), e)
for n in (1, 3, 4, 10, 11, 13, 20, 21, 32, 103, 104, 110, 111):
    print(n, type(OSError(n, 'x')).__name__)
print(issubclass(BrokenPipeError, ConnectionError), issubclass(ConnectionError, OSError), DeprecationWarning.__mro__)
os.remove('gsfs_err_tree/a/b/deep.txt')
os.removedirs('gsfs_err_tree/a/b')
os.remove('gsfs_err_dir/inner.txt')
os.rmdir('gsfs_err_dir')
print([n for n in os.listdir('.') if n.startswith('gsfs_err')])
attempt('rmdir gone', os.rmdir, 'gsfs_err_dir')
