"""binascii, as CPython's in what programs use: hexlify/b2a_hex (with a separator),
unhexlify/a2b_hex, b2a_base64/a2b_base64, crc32, Error and Incomplete."""

import _gilscope_codec as _codec

try:
    _BYTES_LIKE = (bytes, bytearray, memoryview)
except NameError:  # gilscope has no bytearray or memoryview yet
    _BYTES_LIKE = (bytes,)


class Error(ValueError):
    pass


class Incomplete(Exception):
    pass


def _bytes(data, name):
    if isinstance(data, str):
        try:
            return data.encode('ascii')
        except UnicodeEncodeError:
            raise ValueError("string argument should contain only ASCII characters")
    if isinstance(data, _BYTES_LIKE):
        return bytes(data)
    raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__)


def _buffer(data):
    if isinstance(data, _BYTES_LIKE):
        return bytes(data)
    raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__)


def hexlify(data, sep=None, bytes_per_sep=1):
    h = _codec.hexlify(_buffer(data))
    if sep is None:
        return h
    if isinstance(sep, str):
        sep = sep.encode('ascii')
    step = 2 * abs(bytes_per_sep)
    if bytes_per_sep > 0:
        parts = [h[max(0, i - step):i] for i in range(len(h), 0, -step)][::-1]
    else:
        parts = [h[i:i + step] for i in range(0, len(h), step)]
    out = parts[0] if parts else b''
    for part in parts[1:]:
        out += sep + part
    return out


b2a_hex = hexlify


def unhexlify(hexstr):
    return _codec.unhexlify(Error, _bytes(hexstr, 'unhexlify'))


a2b_hex = unhexlify


def b2a_base64(data, *, newline=True):
    out = _codec.b64encode(_buffer(data))
    if newline:
        out += b'\n'
    return out


def a2b_base64(data, *, strict_mode=False):
    return _codec.b64decode(Error, _bytes(data, 'a2b_base64'), strict_mode)


def crc32(data, value=0):
    return _codec.crc32(_buffer(data), value & 0xffffffff)
