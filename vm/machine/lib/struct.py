"""struct, as CPython's: pack, unpack, calcsize, unpack_from, pack_into, iter_unpack
and Struct, with CPython's formats (byte order, sizes and native alignment of
linux/amd64), values and error messages (_gilscope_codec does the packing)."""

import _gilscope_codec as _codec

try:
    _BYTES_LIKE = (bytes, bytearray, memoryview)
except NameError:  # gilscope has no bytearray or memoryview yet
    _BYTES_LIKE = (bytes,)

__all__ = ['calcsize', 'pack', 'pack_into', 'unpack', 'unpack_from', 'iter_unpack',
           'Struct', 'error']


class error(Exception):
    pass


def _data(buffer):
    if isinstance(buffer, _BYTES_LIKE):
        return bytes(buffer)
    raise TypeError("a bytes-like object is required, not '%s'" % type(buffer).__name__)


def calcsize(format):
    return _codec.calcsize(error, format)


def pack(format, /, *v):
    return _codec.pack(error, format, v)


def pack_into(format, buffer, offset, /, *v):
    data = pack(format, *v)
    if offset < 0:
        offset += len(buffer)
    if offset < 0 or offset + len(data) > len(buffer):
        raise error("pack_into requires a buffer of at least %d bytes for packing %d "
                    "bytes at offset %d (actual buffer size is %d)"
                    % (offset + len(data), len(data), offset, len(buffer)))
    buffer[offset:offset + len(data)] = data


def unpack(format, buffer, /):
    return _codec.unpack(error, format, _data(buffer), 0, 'unpack')


def unpack_from(format, /, buffer, offset=0):
    return _codec.unpack(error, format, _data(buffer), offset, 'unpack_from')


def iter_unpack(format, buffer, /):
    size = calcsize(format)
    data = _data(buffer)
    if size == 0:
        raise error("cannot iteratively unpack with a struct of length 0")
    if len(data) % size:
        raise error("iterative unpacking requires a buffer of a multiple of %d bytes" % size)
    return iter([unpack(format, data[i:i + size]) for i in range(0, len(data), size)])


class Struct:

    def __init__(self, format):
        self._size = calcsize(format)
        if isinstance(format, bytes):
            format = format.decode('ascii')
        self._format = format

    def _get_format(self):
        return self._format

    def _get_size(self):
        return self._size

    format = property(_get_format)
    size = property(_get_size)

    def pack(self, *v):
        return pack(self._format, *v)

    def pack_into(self, buffer, offset, *v):
        pack_into(self._format, buffer, offset, *v)

    def unpack(self, buffer):
        return unpack(self._format, buffer)

    def unpack_from(self, buffer, offset=0):
        return unpack_from(self._format, buffer, offset)

    def iter_unpack(self, buffer):
        return iter_unpack(self._format, buffer)


Struct.__module__ = '_struct'
