# os, as gilscope provides it: the simulated process's identity (getpid, getppid,
# cpu_count), a small fixed environment, os.path (CPython's posixpath), and the file
# functions (stat, scandir, walk, rename, mkdir …) over the run's file system
# (_gilscope_fs), whose files are those the program wrote; it has no links.
import abc
import _gilscope_fs
import _gilscope_lib

# `import os.path` needs os to be a package; os.path is posixpath, put in
# sys.modules at the end as CPython's os does.
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

# open(2)'s flags, as Linux numbers them.
O_RDONLY, O_WRONLY, O_RDWR, O_APPEND, O_CREAT, O_EXCL, O_TRUNC = 0, 1, 2, 0o2000, 0o100, 0o200, 0o1000
O_DIRECTORY, O_NOFOLLOW, O_CLOEXEC, O_NONBLOCK = 0o200000, 0o400000, 0o2000000, 0o4000
SEEK_SET, SEEK_CUR, SEEK_END = 0, 1, 2

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


def fspath(path):
    """Return the file system representation of the path (os.fspath)."""
    if isinstance(path, (str, bytes)):
        return path
    path_type = type(path)
    try:
        path_repr = path_type.__fspath__(path)
    except AttributeError:
        if hasattr(path_type, '__fspath__'):
            raise
        else:
            raise TypeError("expected str, bytes or os.PathLike object, "
                            "not " + path_type.__name__)
    if isinstance(path_repr, (str, bytes)):
        return path_repr
    else:
        raise TypeError("expected {}.__fspath__() to return str or bytes, "
                        "not {}".format(path_type.__name__,
                                        type(path_repr).__name__))


class PathLike(abc.ABC):
    """Abstract base class for implementing the file system path protocol."""

    @abc.abstractmethod
    def __fspath__(self):
        """Return the file system path representation of the object."""
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, subclass):
        if cls is PathLike:
            return hasattr(subclass, '__fspath__')
        return NotImplemented


def fsencode(filename):
    filename = fspath(filename)
    if isinstance(filename, str):
        return filename.encode('utf-8', 'surrogateescape')
    return filename


def fsdecode(filename):
    filename = fspath(filename)
    if isinstance(filename, bytes):
        return filename.decode('utf-8', 'surrogateescape')
    return filename


def _str(path):
    # The run's file system names files by str: a bytes path is decoded.
    path = fspath(path)
    if isinstance(path, bytes):
        path = path.decode('utf-8', 'surrogateescape')
    elif not isinstance(path, str):
        raise TypeError('expected str, bytes or os.PathLike object, not %s' % type(path).__name__)
    if '\x00' in path:
        # (and a removed file kept for its descriptors is named by a NUL)
        raise ValueError('embedded null byte')
    return path


def getcwd():
    return _gilscope_fs.getcwd()


def getcwdb():
    return _gilscope_fs.getcwd().encode()


def chdir(path):
    errno = _gilscope_fs.chdir(_str(path))
    if errno:
        _raise(errno, path)


# The strerror of each errno the file system answers with.
_STRERROR = {2: 'No such file or directory', 13: 'Permission denied', 17: 'File exists',
             18: 'Invalid cross-device link', 20: 'Not a directory', 21: 'Is a directory',
             22: 'Invalid argument', 28: 'No space left on device', 39: 'Directory not empty'}


def _raise(errno, path, path2=None):
    # The error names the path as the program gave it, or what its __fspath__ gave.
    path = fspath(path)
    if path2 is None:
        raise OSError(errno, _STRERROR[errno], path)
    raise OSError(errno, _STRERROR[errno], path, None, fspath(path2))


def listdir(path='.'):
    p = _str(path)
    if not _gilscope_fs.isdir(p):
        _raise(20 if _gilscope_fs.exists(p) else 2, path)
    names = _gilscope_fs.listdir(p)
    if isinstance(fspath(path), bytes):
        return [n.encode() for n in names]
    return names


def remove(path, *, dir_fd=None):
    p = _str(path)
    if _gilscope_fs.isdir(p):
        _raise(21, path)
    if _fds and _gilscope_fs.exists(p):
        # A descriptor still has the file open: it keeps it, out of its directory.
        ap = _abs(p)
        recs = [rec for rec in _fds.values() if rec[0] == ap]
        if recs:
            global _hidden
            _hidden += 1
            key = '\x00%d' % _hidden
            _gilscope_fs.hide(ap, key)
            for rec in recs:
                rec[0] = key
            return
    if not _gilscope_fs.remove(p):
        _raise(_gilscope_fs.parent(p) or 2, path)


unlink = remove


def mkdir(path, mode=0o777, *, dir_fd=None):
    p = _str(path)
    errno = _gilscope_fs.mkdir(p)
    if errno:
        _raise(errno, path)
    if mode & ~_umask & 0o7777 != 0o755:
        _gilscope_fs.chmod(p, mode & ~_umask & 0o7777)


def makedirs(name, mode=0o777, exist_ok=False):
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            # Defeats race condition when another thread created the path
            pass
        cdir = curdir
        if isinstance(tail, bytes):
            cdir = bytes(curdir, 'ASCII')
        if tail == cdir:           # xxx/newdir/. exists if xxx/newdir exists
            return
    try:
        mkdir(name, mode)
    except OSError:
        # Cannot rely on checking for EEXIST, since the operating system
        # could give priority to other errors like EACCES or EROFS
        if not exist_ok or not path.isdir(name):
            raise


def rmdir(path, *, dir_fd=None):
    errno = _gilscope_fs.rmdir(_str(path))
    if errno:
        _raise(errno, path)


def removedirs(name):
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def rename(src, dst, *, src_dir_fd=None, dst_dir_fd=None):
    errno = _gilscope_fs.rename(_str(src), _str(dst))
    if errno:
        _raise(errno, src, dst)


replace = rename


def renames(old, new):
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


class stat_result(tuple):
    """stat_result: Result from stat, fstat, or lstat."""

    n_sequence_fields = 10
    n_fields = 16
    n_unnamed_fields = 3
    _fields = ('st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid', 'st_gid', 'st_size')

    def __new__(cls, seq, extra=None):
        self = tuple.__new__(cls, seq[:10])
        self._ns = extra or (seq[7] * 1000000000, seq[8] * 1000000000, seq[9] * 1000000000)
        return self

    st_mode = property(lambda self: self[0])
    st_ino = property(lambda self: self[1])
    st_dev = property(lambda self: self[2])
    st_nlink = property(lambda self: self[3])
    st_uid = property(lambda self: self[4])
    st_gid = property(lambda self: self[5])
    st_size = property(lambda self: self[6])
    st_atime = property(lambda self: self._ns[0] / 1e9)
    st_mtime = property(lambda self: self._ns[1] / 1e9)
    st_ctime = property(lambda self: self._ns[2] / 1e9)
    st_atime_ns = property(lambda self: self._ns[0])
    st_mtime_ns = property(lambda self: self._ns[1])
    st_ctime_ns = property(lambda self: self._ns[2])
    st_blksize = property(lambda self: 4096)
    st_blocks = property(lambda self: (self[6] + 511) // 512)

    def __repr__(self):
        names = self._fields + ('st_atime', 'st_mtime', 'st_ctime')
        return 'os.stat_result(%s)' % ', '.join('%s=%r' % (n, v) for n, v in zip(names, self))

    def __reduce__(self):
        return (stat_result, (tuple(self), self._ns))


# The inode numbers of the run's files, handed out as they are first asked for.
_inodes = {}


def _inode(p):
    p = path.abspath(p)
    ino = _inodes.get(p)
    if ino is None:
        ino = _inodes[p] = 1000 + len(_inodes)
    return ino


def stat(path, *, dir_fd=None, follow_symlinks=True):
    p = _str(path)
    r = _gilscope_fs.stat(p)
    if type(r) is int:
        _raise(r, path)
    isdir, size, ns, bits = r
    mode = (0o40000 if isdir else 0o100000) | bits
    t = ns // 1000000000
    return stat_result((mode, _inode(p), 2049, 2 if isdir else 1, 1000, 1000, size, t, t, t),
                       (ns, ns, ns))


lstat = stat


def readlink(path, *, dir_fd=None):
    # The run's file system has no symbolic links.
    stat(path)
    _raise(22, path)


def symlink(src, dst, target_is_directory=False, *, dir_fd=None):
    _refuse('symbolic links')


def link(src, dst, *, src_dir_fd=None, dst_dir_fd=None, follow_symlinks=True):
    _refuse('hard links')


def access(path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True):
    try:
        stat(path)
    except OSError:
        return False
    return True


F_OK, R_OK, W_OK, X_OK = 0, 4, 2, 1


def chmod(path, mode, *, dir_fd=None, follow_symlinks=True):
    errno = _gilscope_fs.chmod(_str(path), mode)
    if errno:
        _raise(errno, path)


# The process's umask, which os.open and os.mkdir apply to the mode they are given.
_umask = 0o022


def umask(mask):
    global _umask
    old, _umask = _umask, mask & 0o777
    return old


def statvfs(path):
    _refuse('os.statvfs (disk usage)')


# The functions that take dir_fd, a descriptor, or follow_symlinks: none does here.
supports_dir_fd = set()
supports_fd = set()
supports_effective_ids = set()
supports_follow_symlinks = set()


def utime(path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True):
    if times is not None and ns is not None:
        raise ValueError("utime: you may specify either 'times' or 'ns' but not both")
    if times is not None:
        ns = int(times[1] * 1000000000)
    elif ns is not None:
        ns = ns[1]
    errno = _gilscope_fs.utime(_str(path), ns)
    if errno:
        _raise(errno, path)


# The descriptors os.open gives: [absolute path, flags, position], by number, as
# the kernel's lowest free descriptor (0-2 are the standard streams). A file removed
# while open is kept under a hidden name (remove) until its last descriptor closes.
_fds = {}
_hidden = 0


def _abs(p):
    return path.abspath(p)


def _fd(fd):
    f = _fds.get(fd)
    if f is None:
        raise OSError(9, 'Bad file descriptor')
    return f


def open(path, flags, mode=0o777, *, dir_fd=None):
    p = _str(path)
    if _gilscope_fs.isdir(p):
        _raise(21, path)
    exists = _gilscope_fs.exists(p)
    if exists and flags & O_CREAT and flags & O_EXCL:
        _raise(17, path)
    if not exists:
        if not flags & O_CREAT:
            _raise(20 if _gilscope_fs.parent(p) == 20 else 2, path)
        errno = _gilscope_fs.parent(p)
        if errno:
            _raise(errno, path)
    _gilscope_fs.open(p, bool(flags & O_TRUNC) or not exists)
    if not exists and mode & ~_umask & 0o7777 != 0o644:
        _gilscope_fs.chmod(p, mode & ~_umask & 0o7777)
    fd = 3
    while fd in _fds:
        fd += 1
    _fds[fd] = [_abs(p), flags, 0]
    return fd


def close(fd):
    _fd(fd)
    _release(fd)


def _release(fd):
    # Forgets the descriptor, and a removed file that no descriptor has open.
    rec = _fds.pop(fd, None)
    if rec is not None and rec[0].startswith('\x00'):
        if not any(r[0] == rec[0] for r in _fds.values()):
            _gilscope_fs.remove(rec[0])


def write(fd, data):
    f = _fd(fd)
    if f[1] & 3 == O_RDONLY:
        raise OSError(9, 'Bad file descriptor')
    data = bytes(data)
    n = _gilscope_fs.write(f[0], -1 if f[1] & O_APPEND else f[2], data)
    f[2] = _gilscope_fs.size(f[0]) if f[1] & O_APPEND else f[2] + n
    return n


def read(fd, n):
    f = _fd(fd)
    if f[1] & 3 == O_WRONLY:
        raise OSError(9, 'Bad file descriptor')
    data = _gilscope_fs.read(f[0], f[2], n)
    f[2] += len(data)
    return data


def lseek(fd, pos, how):
    f = _fd(fd)
    if how == SEEK_CUR:
        pos += f[2]
    elif how == SEEK_END:
        pos += _gilscope_fs.size(f[0])
    if pos < 0:
        raise OSError(22, 'Invalid argument')
    f[2] = pos
    return pos


def fstat(fd):
    return stat(_fd(fd)[0])


def fdopen(fd, mode='r', buffering=-1, encoding=None, *args, **kwargs):
    # The file open() makes on the descriptor's path, which closes the
    # descriptor when it is closed.
    import _gilscope_io
    f = _fd(fd)
    # Opened as 'r+' so that neither truncates nor creates: the descriptor's file is
    # there, and its mode says what the file object may do.
    file = _gilscope_io._open(f[0], 'rb+' if 'b' in mode else 'r+', buffering, encoding, *args, **kwargs)
    file.mode = mode
    file._readable = 'r' in mode or '+' in mode
    file._writable = 'r' not in mode or '+' in mode
    file._append = 'a' in mode
    file._pos = _gilscope_fs.size(f[0]) if 'a' in mode else f[2]
    file._fd = fd
    file._rec = f
    file.name = fd
    return file


class DirEntry:
    """An entry of os.scandir: the name and path of a file or a directory."""

    def __init__(self, dirpath, name, isdir):
        self.name = name
        self.path = path.join(dirpath, name)
        self._isdir = isdir
        self._stat = None

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return '<DirEntry %r>' % self.name

    def is_dir(self, *, follow_symlinks=True):
        return self._isdir

    def is_file(self, *, follow_symlinks=True):
        return not self._isdir

    def is_symlink(self):
        return False

    def is_junction(self):
        return False

    def inode(self):
        return _inode(self.path)

    def stat(self, *, follow_symlinks=True):
        if self._stat is None:
            self._stat = stat(self.path)
        return self._stat

    def __class_getitem__(cls, item):
        return cls


class _ScandirIterator:
    def __init__(self, dirpath, entries):
        self._dirpath = dirpath
        self._it = iter(entries)

    def __iter__(self):
        return self

    def __next__(self):
        if self._it is None:
            raise StopIteration
        return next(self._it)

    def close(self):
        self._it = None

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


def scandir(path='.'):
    top = fspath(path)
    names = listdir(top)
    p = _str(top)
    entries = []
    for name in names:
        n = name.decode() if isinstance(name, bytes) else name
        entries.append(DirEntry(top, name, _gilscope_fs.isdir(p + '/' + n)))
    return _ScandirIterator(top, entries)


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Directory tree generator.

    For each directory in the directory tree rooted at top (including top
    itself, but excluding '.' and '..'), yields a 3-tuple

        dirpath, dirnames, filenames

    dirpath is a string, the path to the directory.  dirnames is a list of
    the names of the subdirectories in dirpath (including symlinks to directories,
    and excluding '.' and '..').
    filenames is a list of the names of the non-directory files in dirpath.
    Note that the names in the lists are just names, with no path components.
    To get a full path (which begins with top) to a file or directory in
    dirpath, do os.path.join(dirpath, name).

    If optional arg 'topdown' is true or not specified, the triple for a
    directory is generated before the triples for any of its subdirectories
    (directories are generated top down).  If topdown is false, the triple
    for a directory is generated after the triples for all of its
    subdirectories (directories are generated bottom up).

    When topdown is true, the caller can modify the dirnames list in-place
    (e.g., via del or slice assignment), and walk will only recurse into the
    subdirectories whose names remain in dirnames; this can be used to prune the
    search, or to impose a specific order of visiting.  Modifying dirnames when
    topdown is false has no effect on the behavior of os.walk(), since the
    directories in dirnames have already been generated by the time dirnames
    itself is generated. No matter the value of topdown, the list of
    subdirectories is retrieved before the tuples for the directory and its
    subdirectories are generated.

    By default errors from the os.scandir() call are ignored.  If
    optional arg 'onerror' is specified, it should be a function; it
    will be called with one argument, an OSError instance.  It can
    report the error to continue with the walk, or raise the exception
    to abort the walk.  Note that the filename is available as the
    filename attribute of the exception object.

    By default, os.walk does not follow symbolic links to subdirectories on
    systems that support them.  In order to get this functionality, set the
    optional argument 'followlinks' to true.

    Caution:  if you pass a relative pathname for top, don't change the
    current working directory between resumptions of walk.  walk never
    changes the current directory, and assumes that the client doesn't
    either.

    Example:

    import os
    from os.path import join, getsize
    for root, dirs, files in os.walk('python/Lib/email'):
        print(root, "consumes ")
        print(sum(getsize(join(root, name)) for name in files), end=" ")
        print("bytes in", len(files), "non-directory files")
        if 'CVS' in dirs:
            dirs.remove('CVS')  # don't visit CVS directories

    """
    sys.audit("os.walk", top, topdown, onerror, followlinks)

    stack = [fspath(top)]
    islink, join = path.islink, path.join
    while stack:
        top = stack.pop()
        if isinstance(top, tuple):
            yield top
            continue

        dirs = []
        nondirs = []
        walk_dirs = []

        # We may not have read permission for top, in which case we can't
        # get a list of the files the directory contains.
        # We suppress the exception here, rather than blow up for a
        # minor reason when (say) a thousand readable directories are still
        # left to visit.
        try:
            scandir_it = scandir(top)
        except OSError as error:
            if onerror is not None:
                onerror(error)
            continue

        cont = False
        with scandir_it:
            while True:
                try:
                    try:
                        entry = next(scandir_it)
                    except StopIteration:
                        break
                except OSError as error:
                    if onerror is not None:
                        onerror(error)
                    cont = True
                    break

                try:
                    is_dir = entry.is_dir()
                except OSError:
                    # If is_dir() raises an OSError, consider the entry not to
                    # be a directory, same behaviour as os.path.isdir().
                    is_dir = False

                if is_dir:
                    dirs.append(entry.name)
                else:
                    nondirs.append(entry.name)

                if not topdown and is_dir:
                    # Bottom-up: traverse into sub-directory, but exclude
                    # symlinks to directories if followlinks is False
                    if followlinks:
                        walk_into = True
                    else:
                        try:
                            is_symlink = entry.is_symlink()
                        except OSError:
                            # If is_symlink() raises an OSError, consider the
                            # entry not to be a symbolic link, same behaviour
                            # as os.path.islink().
                            is_symlink = False
                        walk_into = not is_symlink

                    if walk_into:
                        walk_dirs.append(entry.path)
        if cont:
            continue

        if topdown:
            # Yield before sub-directory traversal if going top down
            yield top, dirs, nondirs
            # Traverse into sub-directories
            for dirname in reversed(dirs):
                new_path = join(top, dirname)
                # bpo-23605: os.path.islink() is used instead of caching
                # entry.is_symlink() result during the loop on os.scandir() because
                # the caller can replace the directory entry during the "yield"
                # above.
                if followlinks or not islink(new_path):
                    stack.append(new_path)
        else:
            # Yield after sub-directory traversal if going bottom up
            stack.append((top, dirs, nondirs))
            # Traverse into sub-directories
            for new_path in reversed(walk_dirs):
                stack.append(new_path)


import sys
import posixpath as path
sys.modules['os.path'] = path
