# os, as gilscope provides it: the simulated process's identity (getpid, getppid,
# cpu_count), a small fixed environment, os.path, and listdir and remove over the
# run's file system (_gilscope_fs), whose files are those the program wrote.
import _gilscope_fs
import _gilscope_lib

# os.path is a submodule (lib/os__path.py), imported below as importlib would.
__path__ = []

name = 'posix'
sep = '/'
altsep = None
extsep = '.'
pathsep = ':'
linesep = '\n'
curdir = '.'
pardir = '..'
defpath = '/bin:/usr/bin'
devnull = '/dev/null'

environ = {
    'HOME': '/home/gilscope',
    'LANG': 'C.UTF-8',
    'PATH': '/usr/local/bin:/usr/bin:/bin',
    'USER': 'gilscope',
}


def getenv(key, default=None):
    return environ.get(key, default)


def getpid():
    return _gilscope_lib.process()[1]


def getppid():
    return _gilscope_lib.process()[2]


def urandom(size):
    # Random bytes from a stream seeded by the run's seed, apart from random's.
    import _gilscope_codec
    return _gilscope_codec.urandom(size)


def cpu_count():
    return _gilscope_lib.cpu_count()


def process_cpu_count():
    return _gilscope_lib.cpu_count()


def get_native_id():
    import threading
    return threading.get_native_id()


def _refuse(what):
    raise NotImplementedError("gilscope does not support %s yet" % what)


def getcwd():
    return _gilscope_fs.getcwd


# The strerror of each errno the file system answers with.
_STRERROR = {2: 'No such file or directory', 13: 'Permission denied', 17: 'File exists',
             20: 'Not a directory', 21: 'Is a directory', 28: 'No space left on device',
             39: 'Directory not empty'}


def _raise(errno, path):
    raise OSError(errno, _STRERROR[errno], path)


def listdir(path='.'):
    if not _gilscope_fs.isdir(path):
        _raise(20 if _gilscope_fs.exists(path) else 2, path)
    return _gilscope_fs.listdir(path)


def remove(path):
    if _gilscope_fs.isdir(path):
        _raise(21, path)
    if not _gilscope_fs.remove(path):
        _raise(_gilscope_fs.parent(path) or 2, path)


unlink = remove


def mkdir(path, mode=0o777, *, dir_fd=None):
    errno = _gilscope_fs.mkdir(path)
    if errno:
        _raise(errno, path)


def makedirs(name, mode=0o777, exist_ok=False):
    head, tail = _path_split(name)
    if not tail:
        head, tail = _path_split(head)
    if head and tail and not _gilscope_fs.isdir(head) and not _gilscope_fs.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not _gilscope_fs.isdir(name):
            raise


def rmdir(path, *, dir_fd=None):
    errno = _gilscope_fs.rmdir(path)
    if errno:
        _raise(errno, path)


def removedirs(name):
    rmdir(name)
    head, tail = _path_split(name)
    if not tail:
        head, tail = _path_split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = _path_split(head)


def _path_split(p):
    i = p.rfind('/') + 1
    head, tail = p[:i], p[i:]
    if head and head != '/' * len(head):
        head = head.rstrip('/')
    return head, tail


import os.path as path
