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


def listdir(path='.'):
    if not _gilscope_fs.isdir(path):
        raise FileNotFoundError('[Errno 2] No such file or directory: %r' % path)
    return _gilscope_fs.listdir(path)


def remove(path):
    if _gilscope_fs.isdir(path):
        raise IsADirectoryError('[Errno 21] Is a directory: %r' % path)
    if not _gilscope_fs.remove(path):
        raise FileNotFoundError('[Errno 2] No such file or directory: %r' % path)


unlink = remove


def makedirs(name, mode=0o777, exist_ok=False):
    _refuse("os.makedirs")


def mkdir(path, mode=0o777):
    _refuse("os.mkdir")


import os.path as path
