# The file objects of builtins.open, over the run's file system (_gilscope_fs, Go):
# files in memory that start empty. As CPython's buffered files do, reads take 8 KiB
# at a time from the file and writes are kept until 8 KiB are waiting (or flush,
# close, seek): each read or write of the file is a blocking call that releases the
# GIL for a time that grows with its size.
import _gilscope_fs

_CHUNK = 8192


class UnsupportedOperation(OSError, ValueError):
    __module__ = 'io'



class _File:
    def __init__(self, name, mode, binary, readable, writable, append, encoding):
        self.name = name
        self._name = name   # the file's path, unless it is on a descriptor
        self._fd = None     # os.open's descriptor that closing the file closes
        self._rec = None    # and its record in os._fds, whose path may change
        self.mode = mode
        self._binary = binary
        self._readable = readable
        self._writable = writable
        self._append = append
        self.encoding = encoding
        self._pos = 0       # the position of the next byte the program reads or writes
        self._rbuf = b''    # bytes read from the file at _pos, not yet returned
        self._eof = False
        self._wbuf = b''    # bytes written at _pos - len(_wbuf), not yet in the file
        self.closed = False

    @property
    def _path(self):
        # The path of the file in _gilscope_fs: on a descriptor, the descriptor's,
        # which os.remove changes while the file is open.
        if self._rec is None:
            return self._name
        return self._rec[0]

    def __repr__(self):
        if self._binary:
            kind = 'BufferedReader' if self._readable and not self._writable else 'BufferedWriter'
            if self._readable and self._writable:
                kind = 'BufferedRandom'
            return '<_io.%s name=%r>' % (kind, self.name)
        return '<_io.TextIOWrapper name=%r mode=%r encoding=%r>' % (self.name, self.mode, self.encoding)

    def _check(self, readable=False, writable=False):
        if self.closed:
            raise ValueError('I/O operation on closed file.')
        if readable and not self._readable:
            raise UnsupportedOperation('not readable')
        if writable and not self._writable:
            raise UnsupportedOperation('not writable')

    def _out(self, data):
        if self._binary:
            return data
        return data.decode(self.encoding)

    # ---- reading ----

    def _fill(self, want):
        """Reads from the file until _rbuf holds want bytes or the file ends."""
        while len(self._rbuf) < want and not self._eof:
            chunk = _gilscope_fs.read(self._path, self._pos + len(self._rbuf), max(_CHUNK, want - len(self._rbuf)))
            if not chunk:
                self._eof = True
            self._rbuf += chunk

    def read(self, size=-1):
        self._check(readable=True)
        self.flush()
        if size is None or size < 0:
            data = self._rbuf + _gilscope_fs.read(self._path, self._pos + len(self._rbuf), -1)
            self._rbuf = b''
            self._eof = True
        else:
            self._fill(size)
            data, self._rbuf = self._rbuf[:size], self._rbuf[size:]
        self._pos += len(data)
        return self._out(data)

    def readline(self, size=-1):
        self._check(readable=True)
        self.flush()
        while b'\n' not in self._rbuf and not self._eof:
            self._fill(len(self._rbuf) + _CHUNK)
        i = _gilscope_fs.newline(self._rbuf)
        end = len(self._rbuf) if i < 0 else i + 1
        if size is not None and size >= 0:
            end = min(end, size)
        data, self._rbuf = self._rbuf[:end], self._rbuf[end:]
        self._pos += len(data)
        return self._out(data)

    def readlines(self, hint=-1):
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)
            total += len(line)
            if hint is not None and 0 < hint <= total:
                return lines

    def __iter__(self):
        self._check()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    # ---- writing ----

    def write(self, s):
        self._check(writable=True)
        if self._binary:
            if isinstance(s, str):
                raise TypeError("a bytes-like object is required, not 'str'")
            data = bytes(s)
        else:
            if not isinstance(s, str):
                raise TypeError('write() argument must be str, not %s' % type(s).__name__)
            data = s.encode(self.encoding)
        if self._rbuf:
            self._rbuf = b''
            self._eof = False
        self._wbuf += data
        self._pos += len(data)
        if len(self._wbuf) >= _CHUNK:
            self.flush()
        return len(s) if not self._binary else len(data)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        if self.closed:
            raise ValueError('I/O operation on closed file.')
        if self._wbuf:
            data = self._wbuf
            at = -1 if self._append else self._pos - len(data)
            self._wbuf = b''
            _gilscope_fs.write(self._path, at, data)
            if self._append:
                self._pos = _gilscope_fs.size(self._path)

    # ---- position ----

    def tell(self):
        self._check()
        return self._pos

    def seek(self, offset, whence=0):
        self._check()
        self.flush()
        if whence == 0:
            pos = offset
        elif whence == 1:
            pos = self._pos + offset
        elif whence == 2:
            pos = _gilscope_fs.size(self._path) + offset
        else:
            raise ValueError('invalid whence (%r, should be 0, 1 or 2)' % whence)
        if pos < 0:
            raise ValueError('negative seek position %r' % pos)
        self._pos = pos
        self._rbuf = b''
        self._eof = False
        return pos

    def truncate(self, size=None):
        raise NotImplementedError('gilscope does not support truncate yet')

    # ---- the rest ----

    def readable(self):
        self._check()
        return self._readable

    def writable(self):
        self._check()
        return self._writable

    def seekable(self):
        self._check()
        return True

    def isatty(self):
        return False

    def fileno(self):
        self._check()
        return 3 if self._fd is None else self._fd

    def close(self):
        if not self.closed:
            try:
                self.flush()
            finally:
                self.closed = True
                if self._fd is not None:
                    import os
                    os._release(self._fd)

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *args):
        self.close()


def open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None,
         closefd=True, opener=None):
    if isinstance(file, (str, bytes)) and ('\x00' in file if isinstance(file, str) else b'\x00' in file):
        raise ValueError('embedded null byte')
    return _open(file, mode, buffering, encoding, errors, newline, closefd, opener)


def _open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None,
          closefd=True, opener=None):
    # open() of a path known to be fine: os.fdopen's, which may name a removed file.
    if opener is not None:
        import os
        file = opener(os.fspath(file), _flags(mode))
    if not isinstance(file, str):
        import os
        if isinstance(file, int) and not isinstance(file, bool):
            # A descriptor of os.open's (mkstemp's).
            f = os.fdopen(file, mode, buffering, encoding, errors, newline)
            if not closefd:
                f._fd = None
            return f
        file = os.fspath(file)
        if isinstance(file, bytes):
            file = file.decode('utf-8', 'surrogateescape')
    if not isinstance(mode, str):
        raise TypeError('open() argument 2 must be str, not %s' % type(mode).__name__)
    kinds = [c for c in mode if c in 'rwax']
    if len(kinds) != 1 or any(c not in 'rwaxbt+' for c in mode) or len(set(mode)) != len(mode):
        if len(kinds) != 1 and all(c in 'rwaxbt+' for c in mode) and len(set(mode)) == len(mode):
            raise ValueError('Must have exactly one of create/read/write/append mode')
        raise ValueError('invalid mode: %r' % mode)
    binary = 'b' in mode
    if binary and 't' in mode:
        raise ValueError("can't have text and binary mode at once")
    if binary and encoding is not None:
        raise ValueError("binary mode doesn't take an encoding argument")
    kind = kinds[0]
    plus = '+' in mode
    if _gilscope_fs.isdir(file):
        raise IsADirectoryError(21, 'Is a directory', file)
    exists = _gilscope_fs.exists(file)
    if not exists:
        errno = _gilscope_fs.parent(file)
        if errno == 20:
            raise NotADirectoryError(20, 'Not a directory', file)
        if kind == 'r' or errno:
            raise FileNotFoundError(2, 'No such file or directory', file)
    if kind == 'x' and exists:
        raise FileExistsError(17, 'File exists', file)
    _gilscope_fs.open(file, kind == 'w')
    f = _File(file, mode, binary, kind == 'r' or plus, kind != 'r' or plus, kind == 'a',
              None if binary else (encoding if encoding not in (None, 'locale') else 'UTF-8'))
    if kind == 'a':
        f._pos = _gilscope_fs.size(file)
    return f


def _flags(mode):
    # The flags of os.open that open(file, mode) passes an opener.
    import os
    flags = os.O_RDWR if '+' in mode else os.O_RDONLY if 'r' in mode else os.O_WRONLY
    if 'w' in mode:
        flags |= os.O_CREAT | os.O_TRUNC
    elif 'a' in mode:
        flags |= os.O_CREAT | os.O_APPEND
    elif 'x' in mode:
        flags |= os.O_CREAT | os.O_EXCL
    return flags | os.O_CLOEXEC
