"""base64, as CPython's in what programs use: b64encode/b64decode (altchars,
validate), standard_ and urlsafe_ variants, b16encode/b16decode, encodebytes/
decodebytes. Base32, base85 and ascii85 refuse."""

import binascii

try:
    _BYTES_LIKE = (bytes, bytearray, memoryview)
except NameError:  # gilscope has no bytearray or memoryview yet
    _BYTES_LIKE = (bytes,)

__all__ = ['encodebytes', 'decodebytes', 'b64encode', 'b64decode', 'b16encode',
           'b16decode', 'standard_b64encode', 'standard_b64decode',
           'urlsafe_b64encode', 'urlsafe_b64decode']


def _bytes_from_decode_data(s):
    if isinstance(s, str):
        try:
            return s.encode('ascii')
        except UnicodeEncodeError:
            raise ValueError('string argument should contain only ASCII characters')
    if isinstance(s, _BYTES_LIKE):
        return bytes(s)
    raise TypeError("argument should be a bytes-like object or ASCII "
                    "string, not %r" % s.__class__.__name__) from None


def _translate(s, frm, to):
    table = dict(zip(frm, to))
    return bytes([table.get(c, c) for c in s])


def b64encode(s, altchars=None):
    encoded = binascii.b2a_base64(s, newline=False)
    if altchars is not None:
        assert len(altchars) == 2, repr(altchars)
        return _translate(encoded, b'+/', altchars)
    return encoded


def b64decode(s, altchars=None, validate=False):
    s = _bytes_from_decode_data(s)
    if altchars is not None:
        altchars = _bytes_from_decode_data(altchars)
        assert len(altchars) == 2, repr(altchars)
        s = _translate(s, altchars, b'+/')
    return binascii.a2b_base64(s, strict_mode=validate)


def standard_b64encode(s):
    return b64encode(s)


def standard_b64decode(s):
    return b64decode(s)


def urlsafe_b64encode(s):
    return b64encode(s, b'-_')


def urlsafe_b64decode(s):
    s = _bytes_from_decode_data(s)
    s = _translate(s, b'-_', b'+/')
    return b64decode(s)


def b16encode(s):
    return _translate(binascii.hexlify(s), b'abcdef', b'ABCDEF')


def b16decode(s, casefold=False):
    s = _bytes_from_decode_data(s)
    if casefold:
        s = _translate(s, b'abcdef', b'ABCDEF')
    for c in s:
        if c not in b'0123456789ABCDEF':
            raise binascii.Error('Non-base16 digit found')
    return binascii.unhexlify(s)


MAXLINESIZE = 76
MAXBINSIZE = (MAXLINESIZE // 4) * 3


def encodebytes(s):
    out = b""
    for i in range(0, len(s), MAXBINSIZE):
        out += binascii.b2a_base64(s[i: i + MAXBINSIZE])
    return out


def decodebytes(s):
    return binascii.a2b_base64(s)


def _refuse(name):
    def refused(*args, **kwargs):
        raise NotImplementedError("gilscope does not support base64.%s yet" % name)
    refused.__name__ = name
    return refused


b32encode = _refuse('b32encode')
b32decode = _refuse('b32decode')
b85encode = _refuse('b85encode')
b85decode = _refuse('b85decode')
a85encode = _refuse('a85encode')
a85decode = _refuse('a85decode')
