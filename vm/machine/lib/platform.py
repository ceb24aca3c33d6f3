"""platform, as gilscope provides it: the machine is a simulated Linux x86_64 host,
and the Python version is the one the chosen model simulates (sys.version_info)."""

import sys
import os
from collections import namedtuple

try:
    from gilscope import model as _model
except ImportError:
    _model = 'cpython-3.12'

_NODE = 'gilscope'
_RELEASE = '6.1.0-gilscope'
_VERSION = '#1 SMP gilscope simulation'


def python_version_tuple():
    v = sys.version_info
    return (str(v[0]), str(v[1]), str(v[2]))


def python_version():
    return '.'.join(python_version_tuple())


def python_implementation():
    for prefix, name in (('pypy', 'PyPy'), ('jython', 'Jython'), ('ironpython', 'IronPython')):
        if _model.startswith(prefix):
            return name
    return 'CPython'


def python_build():
    return ('main', 'gilscope')


def python_compiler():
    return 'GCC'


def python_branch():
    return ''


def python_revision():
    return ''


def system():
    return 'Linux'


def node():
    return _NODE


def release():
    return _RELEASE


def version():
    return _VERSION


def machine():
    return 'x86_64'


def processor():
    return ''


def architecture(executable=None, bits='', linkage=''):
    return ('64bit', 'ELF')


uname_result = namedtuple('uname_result', 'system node release version machine')


def uname():
    return uname_result(system(), node(), release(), version(), machine())


def platform(aliased=False, terse=False):
    if terse:
        return 'Linux-%s' % release()
    return 'Linux-%s-x86_64-with-glibc2.36' % release()


def libc_ver(executable=None, lib='', version='', chunksize=16384):
    return ('glibc', '2.36')


def freedesktop_os_release():
    return {'NAME': 'Linux', 'ID': 'linux', 'PRETTY_NAME': 'Linux'}
