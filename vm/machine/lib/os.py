# os, as gilscope provides it: the simulated process's identity (getpid, getppid,
# cpu_count), a small fixed environment, and os.path. There is no file system:
# os.path.exists is False for every path.
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


def cpu_count():
    return _gilscope_lib.cpu_count()


def process_cpu_count():
    return _gilscope_lib.cpu_count()


def get_native_id():
    import threading
    return threading.get_native_id()


def _refuse(what):
    raise NotImplementedError("gilscope does not support %s yet (there is no file system)" % what)


def getcwd():
    return '/home/gilscope'


def listdir(path='.'):
    _refuse("os.listdir")


def remove(path):
    _refuse("os.remove")


def makedirs(name, mode=0o777, exist_ok=False):
    _refuse("os.makedirs")


def mkdir(path, mode=0o777):
    _refuse("os.mkdir")


import os.path as path
