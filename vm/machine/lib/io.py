# io, as gilscope provides it: StringIO and BytesIO (in-memory streams, written in
# Python where CPython's are C, so their calls cost bytecode), open and
# UnsupportedOperation (those of builtins.open's files, _gilscope_io), the base classes
# and the SEEK_* constants. TextIOWrapper, FileIO and the Buffered* classes over a raw
# stream refuse: gilscope's files come from open().
import _gilscope_io
from _gilscope_io import UnsupportedOperation, open
from abc import ABCMeta

__all__ = ['BlockingIOError', 'open', 'IOBase', 'RawIOBase', 'FileIO', 'BytesIO', 'StringIO',
           'BufferedIOBase', 'BufferedReader', 'BufferedWriter', 'BufferedRWPair',
           'BufferedRandom', 'TextIOBase', 'TextIOWrapper', 'UnsupportedOperation',
           'SEEK_SET', 'SEEK_CUR', 'SEEK_END', 'DEFAULT_BUFFER_SIZE']

try:
    _bytes_like = (bytes, bytearray)
except NameError:  # gilscope has no bytearray
    _bytes_like = (bytes,)

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192


def text_encoding(encoding, stacklevel=2):
    # The encoding open() uses when encoding is None (UTF-8 mode is off).
    if encoding is None:
        return 'locale'
    return encoding



def _join_bytes(pieces):
    # b''.join(pieces) (gilscope's bytes has no join): pairs are added level by
    # level, so each byte is copied log2(len(pieces)) times.
    while len(pieces) > 1:
        pieces = [pieces[i] + pieces[i + 1] if i + 1 < len(pieces) else pieces[i]
                  for i in range(0, len(pieces), 2)]
    return pieces[0] if pieces else b''


class IOBase(metaclass=ABCMeta):
    """The abstract base class for all I/O classes."""

    def _unsupported(self, name):
        raise UnsupportedOperation(name)

    def _checkClosed(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")

    def seek(self, pos, whence=0):
        self._unsupported("seek")

    def tell(self):
        return self.seek(0, 1)

    def truncate(self, pos=None):
        self._unsupported("truncate")

    def flush(self):
        self._checkClosed()

    __closed = False

    def close(self):
        self.__closed = True

    @property
    def closed(self):
        return self.__closed

    def readable(self):
        return False

    def writable(self):
        return False

    def seekable(self):
        return False

    def fileno(self):
        self._unsupported("fileno")

    def isatty(self):
        self._checkClosed()
        return False

    def __enter__(self):
        self._checkClosed()
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        self._checkClosed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readlines(self, hint=None):
        if hint is None or hint <= 0:
            return list(self)
        n = 0
        lines = []
        for line in self:
            lines.append(line)
            n += len(line)
            if n >= hint:
                break
        return lines

    def writelines(self, lines):
        self._checkClosed()
        for line in lines:
            self.write(line)


class RawIOBase(IOBase):
    """Base class for raw binary I/O."""


class BufferedIOBase(IOBase):
    """Base class for buffered I/O."""

    def detach(self):
        self._unsupported("detach")


class TextIOBase(IOBase):
    """Base class for text I/O."""

    def detach(self):
        self._unsupported("detach")

    @property
    def encoding(self):
        return None

    @property
    def newlines(self):
        return None

    @property
    def errors(self):
        return None


IOBase.register(_gilscope_io._File)


def _index(size):
    # The size argument of read and readline: an int, or None for all.
    if size is None:
        return -1
    if not isinstance(size, int):
        raise TypeError("argument should be integer or None, not '%s'" % type(size).__name__)
    return size


class _Memory:
    """What StringIO and BytesIO share: the buffer, and the calls that do not
    depend on its kind. The value is _buf followed by the pieces in _tail (writes at
    the end, joined when something reads or moves), _size items in all."""

    _closed_message = "I/O operation on closed file."
    _negative_size = "negative size value %d"

    def _start(self, initial, empty):
        self._closed = False
        self._empty = empty
        self._buf = empty
        self._tail = []
        self._size = 0
        self._pos = 0
        if initial:
            self.write(initial)
            self._pos = 0

    def _check(self):
        if self._closed:
            raise ValueError(self._closed_message)

    def _value(self):
        if self._tail:
            self._buf = self._buf + self._join(self._tail)
            self._tail = []
        return self._buf

    def _put(self, s):
        # s (not empty) written at _pos.
        if self._pos == self._size:
            self._tail.append(s)
        else:
            value = self._value()
            if self._pos > self._size:
                value = value + self._pad * (self._pos - self._size)
            self._buf = value[:self._pos] + s + value[self._pos + len(s):]
        self._pos += len(s)
        self._size = max(self._size, self._pos)

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True
        self._buf = self._empty
        self._tail = []

    def readable(self):
        self._check()
        return True

    def writable(self):
        self._check()
        return True

    def seekable(self):
        self._check()
        return True

    def getvalue(self):
        self._check()
        return self._value()

    def read(self, size=-1):
        self._check()
        size = _index(size)
        value = self._value()
        end = self._size if size < 0 else min(self._size, self._pos + size)
        if self._pos >= end:
            return self._empty
        out = value[self._pos:end]
        self._pos = end
        return out

    def readline(self, size=-1):
        self._check()
        size = _index(size)
        value = self._value()
        if self._pos >= self._size:
            return self._empty
        limit = self._size if size < 0 else min(self._size, self._pos + size)
        end = self._line_end(value, self._pos, limit)
        out = value[self._pos:end]
        self._pos = end
        return out

    def __next__(self):
        self._check()
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def tell(self):
        self._check()
        return self._pos

    def truncate(self, size=None):
        self._check()
        if size is None:
            size = self._pos
        elif not isinstance(size, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(size).__name__)
        if size < 0:
            raise ValueError(self._negative_size % size)
        if size < self._size:
            self._buf = self._value()[:size]
            self._size = size
        return size

    def __enter__(self):
        self._check()
        return self


class StringIO(_Memory, TextIOBase):
    """Text I/O implementation using an in-memory buffer."""

    __module__ = '_io'
    _closed_message = "I/O operation on closed file"
    _negative_size = "Negative size value %d"
    _pad = '\0'
    _join = ''.join

    def __init__(self, initial_value='', newline='\n'):
        if newline is not None and not isinstance(newline, str):
            raise TypeError("newline must be str or None, not %s" % type(newline).__name__)
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError("illegal newline value: %r" % (newline,))
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError("initial_value must be str or None, not %s" % type(initial_value).__name__)
        self._newline = newline
        self._plain = newline not in (None, '\r', '\r\n')  # writes are not translated
        self._start(initial_value, '')

    @property
    def line_buffering(self):
        return False

    @property
    def newlines(self):
        self._check()
        return None

    def write(self, s):
        # The common case first, written out (CPython's write is C): an append at
        # the end without newline translation.
        if self._closed:
            raise ValueError("I/O operation on closed file")
        if type(s) is str and self._plain:
            pos = self._pos
            if pos == self._size:
                self._tail.append(s)
                n = len(s)
                self._pos = self._size = pos + n
                return n
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '%s'" % type(s).__name__)
        n = len(s)
        if self._newline is None:
            s = s.replace('\r\n', '\n').replace('\r', '\n')
        elif self._newline in ('\r', '\r\n'):
            s = s.replace('\n', self._newline)
        if s:
            self._put(s)
        return n

    def _line_end(self, text, start, limit):
        # The index just past the line starting at start, at most limit.
        nl = self._newline
        if nl == '':
            i = start
            while i < limit:
                c = text[i]
                if c == '\n':
                    return i + 1
                if c == '\r':
                    if i + 1 < limit and text[i + 1] == '\n':
                        return i + 2
                    return i + 1
                i += 1
            return limit
        sep = '\n' if nl is None else nl
        i = text.find(sep, start, limit)
        if i < 0:
            return limit
        return min(i + len(sep), limit)

    def seek(self, pos, whence=0):
        self._check()
        if not isinstance(pos, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(pos).__name__)
        if whence not in (0, 1, 2):
            raise ValueError("Invalid whence (%d, should be 0, 1 or 2)" % whence)
        if whence == 0 and pos < 0:
            raise ValueError("Negative seek position %d" % pos)
        if whence != 0 and pos != 0:
            raise OSError("Can't do nonzero cur-relative seeks")
        if whence == 1:
            pos = self._pos
        elif whence == 2:
            pos = self._size
        self._pos = pos
        return pos

    def detach(self):
        raise UnsupportedOperation("detach")

    def __getstate__(self):
        return (self.getvalue(), self._newline, self._pos, self.__dict__.copy())


class BytesIO(_Memory, BufferedIOBase):
    """Buffered I/O implementation using an in-memory bytes buffer."""

    __module__ = '_io'
    _pad = b'\0'

    def __init__(self, initial_bytes=b''):
        if initial_bytes is None:
            initial_bytes = b''
        if isinstance(initial_bytes, str) or not isinstance(initial_bytes, _bytes_like):
            raise TypeError("a bytes-like object is required, not '%s'" % type(initial_bytes).__name__)
        self._start(initial_bytes, b'')

    def _join(self, pieces):
        return _join_bytes(pieces)

    def getbuffer(self):
        raise NotImplementedError("gilscope does not support BytesIO.getbuffer yet (there is no memoryview)")

    def write(self, b):
        self._check()
        if isinstance(b, str) or not isinstance(b, _bytes_like):
            raise TypeError("a bytes-like object is required, not '%s'" % type(b).__name__)
        b = bytes(b)
        if b:
            self._put(b)
        return len(b)

    def read1(self, size=-1):
        return self.read(size)

    def _line_end(self, data, start, limit):
        # data.find(b'\n', ...) + 1, or limit: gilscope's bytes has no find.
        i = start
        while i < limit and data[i] != 10:
            i += 1
        return limit if i == limit else i + 1

    def seek(self, pos, whence=0):
        self._check()
        if not isinstance(pos, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(pos).__name__)
        if whence not in (0, 1, 2):
            raise ValueError("invalid whence (%d, should be 0, 1 or 2)" % whence)
        if whence == 0 and pos < 0:
            raise ValueError("negative seek value %d" % pos)
        if whence == 1:
            pos = max(0, self._pos + pos)
        elif whence == 2:
            pos = max(0, self._size + pos)
        self._pos = pos
        return pos


def _refuse(name):
    def refused(*args, **kwargs):
        raise NotImplementedError("gilscope does not support io.%s yet: its files come from open()" % name)
    refused.__name__ = name
    return refused


TextIOWrapper = _refuse('TextIOWrapper')
FileIO = _refuse('FileIO')
BufferedReader = _refuse('BufferedReader')
BufferedWriter = _refuse('BufferedWriter')
BufferedRandom = _refuse('BufferedRandom')
BufferedRWPair = _refuse('BufferedRWPair')
try:
    BlockingIOError = BlockingIOError
except NameError:  # not a builtin of gilscope's
    class BlockingIOError(OSError):
        pass
