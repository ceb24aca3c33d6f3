# re, as gilscope provides it: CPython 3.12's interface (Lib/re/__init__.py) and its
# Pattern and Match objects (C in CPython, Python here) over _gilscope_sre, a
# backtracking matcher written in Go with Python's syntax, semantics and compile
# errors (docs/stdlib.md). A bytes pattern matches bytes (bytes, bytearray, memoryview)
# by ASCII rules, its groups bytes, as _sre's. RegexFlag is an
# int subclass that prints as CPython's flags do (CPython's is an enum.IntFlag).
import _gilscope_sre
import sys

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split",
    "findall", "finditer", "compile", "purge", "template", "escape",
    "error", "Pattern", "Match", "A", "I", "L", "M", "S", "X", "U",
    "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE",
    "UNICODE", "NOFLAG", "RegexFlag",
]

_FLAG_NAMES = [(256, 'ASCII'), (2, 'IGNORECASE'), (4, 'LOCALE'), (32, 'UNICODE'),
               (8, 'MULTILINE'), (16, 'DOTALL'), (64, 'VERBOSE'), (1, 'TEMPLATE'),
               (128, 'DEBUG')]


class RegexFlag(int):
    def __repr__(self):
        value = int(self)
        if value == 0:
            return 're.NOFLAG'
        names = []
        for bit, name in _FLAG_NAMES:
            if value & bit:
                names.append('re.' + name)
                value &= ~bit
        if value:
            names.append(hex(value))
        return '|'.join(names)

    __str__ = __repr__

    def __or__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) | int(other))
        return NotImplemented

    __ror__ = __or__

    def __and__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) & int(other))
        return NotImplemented

    __rand__ = __and__

    def __xor__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) ^ int(other))
        return NotImplemented

    def __invert__(self):
        return RegexFlag(~int(self) & 511)

    @property
    def value(self):
        return int(self)

    @property
    def name(self):
        for bit, name in _FLAG_NAMES:
            if int(self) == bit:
                return name
        return None


NOFLAG = RegexFlag(0)
ASCII = A = RegexFlag(256)
IGNORECASE = I = RegexFlag(2)
LOCALE = L = RegexFlag(4)
UNICODE = U = RegexFlag(32)
MULTILINE = M = RegexFlag(8)
DOTALL = S = RegexFlag(16)
VERBOSE = X = RegexFlag(64)
TEMPLATE = T = RegexFlag(1)
DEBUG = RegexFlag(128)


class error(Exception):
    """Exception raised for invalid regular expressions.

    Attributes: msg, pattern, pos, lineno, colno.
    """

    __module__ = 're'

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = '%s at position %d' % (msg, pos)
            if isinstance(pattern, str):
                newline = '\n'
            else:
                newline = b'\n'
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = '%s (line %d, column %d)' % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)


PatternError = error


def _check_string(string):
    if not isinstance(string, str):
        if isinstance(string, (bytes, bytearray, memoryview)):
            raise TypeError("cannot use a string pattern on a bytes-like object")
        raise TypeError("expected string or bytes-like object, got '%s'" % type(string).__name__)


def _subject(pattern, string):
    # What a pattern matches: a str for a str pattern; the bytes of a bytes-like object
    # for a bytes pattern (groups of a bytearray are bytes, as _sre's).
    if pattern._str:
        _check_string(string)
        return string
    if type(string) is bytes:
        return string
    if isinstance(string, (bytes, bytearray, memoryview)):
        return bytes(string)
    if isinstance(string, str):
        raise TypeError("cannot use a bytes pattern on a string-like object")
    raise TypeError("expected string or bytes-like object, got '%s'" % type(string).__name__)


def _bounds(string, pos, endpos):
    n = len(string)
    if pos < 0:
        pos = 0
    if endpos is None or endpos > n:
        endpos = n
    if endpos < 0:
        endpos = 0
    return pos, endpos


class _Immutable:
    # Patterns and matches are their own copies, and take type arguments.

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __class_getitem__(cls, item):
        return GenericAlias(cls, item)


class Pattern(_Immutable):
    """Compiled regular expression object."""

    __module__ = 're'

    def __init__(self, pattern, flags, program, groups, groupindex):
        self.pattern = pattern
        self.flags = flags
        self._program = program
        self.groups = groups
        self._groupindex = groupindex
        self._names = {v: k for k, v in groupindex.items()}
        self._str = isinstance(pattern, str)

    @property
    def groupindex(self):
        import types
        return types.MappingProxyType(dict(self._groupindex))

    def __repr__(self):
        text = repr(self.pattern)[:200]
        flags = self.flags & ~32
        if flags:
            return 're.compile(%s, %r)' % (text, RegexFlag(flags))
        return 're.compile(%s)' % text

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))


    def _run(self, string, pos, endpos, mode, must_advance=False):
        text = _subject(self, string)
        pos, endpos = _bounds(text, pos, endpos)
        spans = _gilscope_sre.match(self._program, text, pos, endpos, mode, must_advance)
        if spans is None:
            return None
        return Match(self, string, pos, endpos, spans, text)

    def match(self, string, pos=0, endpos=sys.maxsize):
        text = string
        if type(string) is not str or not self._str:
            text = _subject(self, string)
        spans = _gilscope_sre.match(self._program, text, pos, endpos, 0, False)
        if spans is None:
            return None
        return Match(self, string, pos, endpos, spans, text)

    def fullmatch(self, string, pos=0, endpos=sys.maxsize):
        return self._run(string, pos, endpos, 1)

    def search(self, string, pos=0, endpos=sys.maxsize):
        text = string
        if type(string) is not str or not self._str:
            text = _subject(self, string)
        spans = _gilscope_sre.match(self._program, text, pos, endpos, 2, False)
        if spans is None:
            return None
        return Match(self, string, pos, endpos, spans, text)

    def _iter(self, string, pos, endpos):
        # The successive matches of a search, with _sre's rule for empty matches:
        # after an empty match, a match may not be empty at the same place.
        text = _subject(self, string)
        pos, endpos = _bounds(text, pos, endpos)
        must_advance = False
        while pos <= endpos:
            spans = _gilscope_sre.match(self._program, text, pos, endpos, 2, must_advance)
            if spans is None:
                return
            m = Match(self, string, pos, endpos, spans, text)
            yield m
            must_advance = spans[0] == spans[1]
            pos = spans[1]

    def finditer(self, string, pos=0, endpos=sys.maxsize):
        return self._iter(string, pos, endpos)

    def findall(self, string, pos=0, endpos=sys.maxsize):
        # In Go, as _sre's is C: no Match objects are made.
        text = _subject(self, string)
        pos, endpos = _bounds(text, pos, endpos)
        return _gilscope_sre.findall(self._program, text, pos, endpos)

    def split(self, string, maxsplit=0):
        text = _subject(self, string)
        return _gilscope_sre.split(self._program, text, 0, len(text), maxsplit)

    def _subx(self, repl, string, count):
        if callable(repl):
            expand = repl
        else:
            if self._str and not isinstance(repl, str):
                raise TypeError("decoding to str: need a bytes-like object, %s found" % type(repl).__name__)
            if not self._str:
                if isinstance(repl, str):
                    raise TypeError("sequence item 0: expected a bytes-like object, str found")
                if not isinstance(repl, (bytes, bytearray, memoryview)):
                    raise TypeError("expected a bytes-like object, %s found" % type(repl).__name__)
            # A template is expanded in Go, as _sre's C expands it.
            text = _subject(self, string)
            template = _compile_template(self, repl)
            return _gilscope_sre.sub(self._program, text, 0, len(text), template, count)
        string = _subject(self, string)
        pieces = []
        last = 0
        n = 0
        for m in self._iter(string, 0, None):
            if count and n >= count:
                break
            b, e = m.span()
            if b > last:
                pieces.append(string[last:b])
            r = expand(m)
            if r is not None:
                pieces.append(r)
            last = e
            n += 1
        if last < len(string):
            pieces.append(string[last:])
        if not self._str:
            for i, piece in enumerate(pieces):
                if not isinstance(piece, (bytes, bytearray, memoryview)):
                    raise TypeError("sequence item %d: expected a bytes-like object, %s found" % (i, type(piece).__name__))
            return b''.join(pieces), n
        for i, piece in enumerate(pieces):
            if not isinstance(piece, str):
                raise TypeError("sequence item %d: expected str instance, %s found" % (i, type(piece).__name__))
        return ''.join(pieces), n

    def sub(self, repl, string, count=0):
        return self._subx(repl, string, count)[0]

    def subn(self, repl, string, count=0):
        return self._subx(repl, string, count)

    def scanner(self, string, pos=0, endpos=None):
        raise NotImplementedError("gilscope does not support Pattern.scanner yet")


class Match(_Immutable):
    """The result of a successful match."""

    __module__ = 're'

    def __init__(self, pattern, string, pos, endpos, spans, text):
        self.re = pattern
        self.string = string
        self._text = text  # what was matched: string, or the bytes of a bytes-like one
        self.pos = pos if pos > 0 else 0
        n = len(text)
        self.endpos = endpos if 0 <= endpos <= n else (n if endpos > n else 0)
        self._spans = spans
        last = spans[-1]
        self.lastindex = None if last < 0 else last
        self.lastgroup = None if last < 0 else pattern._names.get(last)

    def _index(self, g):
        if isinstance(g, int):
            g = int(g)
            if 0 <= g <= self.re.groups:
                return g
        elif isinstance(g, str) and g in self.re._groupindex:
            return self.re._groupindex[g]
        raise IndexError("no such group")

    def _get(self, g, default=None):
        s, e = self._spans[2 * g], self._spans[2 * g + 1]
        if s < 0:
            return default
        return self._text[s:e]

    def group(self, *args):
        # The common calls are written out: CPython's Match is C.
        if not args:
            spans = self._spans
            return self._text[spans[0]:spans[1]]
        if len(args) == 1:
            g = args[0]
            if type(g) is int and 0 <= g <= self.re.groups:
                spans = self._spans
                b = spans[2 * g]
                if b < 0:
                    return None
                return self._text[b:spans[2 * g + 1]]
            return self._get(self._index(g))
        return tuple(self._get(self._index(g)) for g in args)

    def __getitem__(self, g):
        if type(g) is int and 0 <= g <= self.re.groups:
            spans = self._spans
            b = spans[2 * g]
            if b < 0:
                return None
            return self._text[b:spans[2 * g + 1]]
        return self._get(self._index(g))

    def groups(self, default=None):
        return tuple(self._get(g, default) for g in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._get(index, default) for name, index in self.re._groupindex.items()}

    def span(self, group=0):
        g = self._index(group)
        return self._spans[2 * g], self._spans[2 * g + 1]

    def start(self, group=0):
        return self._spans[2 * self._index(group)]

    def end(self, group=0):
        return self._spans[2 * self._index(group) + 1]

    @property
    def regs(self):
        return tuple((self._spans[2 * g], self._spans[2 * g + 1]) for g in range(self.re.groups + 1))

    def expand(self, template):
        return _expand_template(_compile_template(self.re, template), self)

    def __bool__(self):
        return True

    def __repr__(self):
        return '<re.Match object; span=(%d, %d), match=%s>' % (
            self._spans[0], self._spans[1], repr(self._get(0))[:50])



GenericAlias = type(list[int])

_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = int(flags)
    key = (type(pattern), pattern, flags)
    p = _cache.get(key)
    if p is not None:
        return p
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    if not isinstance(pattern, (str, bytes)):
        raise TypeError("first argument must be string or compiled pattern")
    if flags & DEBUG:
        raise NotImplementedError("gilscope does not support re.DEBUG yet")
    if isinstance(pattern, bytes):
        if flags & UNICODE:
            raise ValueError("cannot use UNICODE flag with a bytes pattern")
    elif not flags & ASCII:
        flags |= UNICODE
    r = _gilscope_sre.compile(pattern, flags)
    if len(r) == 2:
        msg, pos = r
        raise error(msg, pattern if pos >= 0 else None, pos if pos >= 0 else None)
    program, groups, groupindex, flags = r
    p = Pattern(pattern, flags, program, groups, groupindex)
    if len(_cache) >= _MAXCACHE:
        # Drop the oldest item.
        for k in _cache:
            del _cache[k]
            break
    _cache[key] = p
    return p


def compile(pattern, flags=0):
    "Compile a regular expression pattern, returning a Pattern object."
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    """Try to apply the pattern at the start of the string, returning
    a Match object, or None if no match was found."""
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    """Try to apply the pattern to all of the string, returning
    a Match object, or None if no match was found."""
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    """Scan through string looking for a match to the pattern, returning
    a Match object, or None if no match was found."""
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    """Return the string obtained by replacing the leftmost
    non-overlapping occurrences of the pattern in string by the
    replacement repl."""
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    """Return a 2-tuple containing (new_string, number)."""
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    """Split the source string by the occurrences of the pattern,
    returning a list containing the resulting substrings."""
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    """Return a list of all non-overlapping matches in the string."""
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    """Return an iterator over all non-overlapping matches in the
    string.  For each match, the iterator returns a Match object."""
    return _compile(pattern, flags).finditer(string)


def purge():
    "Clear the regular expression caches"
    _cache.clear()


def template(pattern, flags=0):
    raise NotImplementedError("gilscope does not support re.template yet (deprecated)")


_special_chars = frozenset('()[]{}?*+-|^$\\.&~# \t\n\r\v\f')


def escape(pattern):
    """Escape special characters in a string."""
    if isinstance(pattern, str):
        return ''.join(['\\' + c if c in _special_chars else c for c in pattern])
    pattern = str(pattern, 'latin1')
    return ''.join(['\\' + c if c in _special_chars else c for c in pattern]).encode('latin1')


# ---- replacement templates (Lib/re/_parser.py, parse_template) ----

_ESCAPES = {'a': '\a', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t', 'v': '\v',
            '\\': '\\'}
_OCTDIGITS = '01234567'
_DIGITS = '0123456789'
_ASCII_LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'


def _compile_template(pattern, repl):
    # The pieces of a replacement: literal strings (bytes for a bytes pattern) and
    # group numbers.
    if not pattern._str:
        return [p.encode('latin1') if isinstance(p, str) else p
                for p in _compile_template_str(pattern, str(bytes(repl), 'latin1'))]
    return _compile_template_str(pattern, repl)


def _compile_template_str(pattern, repl):
    out = []
    literal = []
    i = 0
    n = len(repl)

    def flush():
        if literal:
            out.append(''.join(literal))
            literal.clear()

    while i < n:
        c = repl[i]
        if c != '\\':
            literal.append(c)
            i += 1
            continue
        start = i
        i += 1
        if i >= n:
            raise error("bad escape (end of pattern)", repl, start)
        c = repl[i]
        i += 1
        if c == 'g':
            if i >= n or repl[i] != '<':
                raise error("missing <", repl, i)
            i += 1
            j = repl.find('>', i)
            if j < 0:
                raise error("missing >, unterminated name", repl, i)
            name = repl[i:j]
            if not name:
                raise error("missing group name", repl, i)
            if name.isdigit() and name.isascii():
                index = int(name)
                if index > pattern.groups:
                    raise error("invalid group reference %d" % index, repl, i)
            elif name.isidentifier():
                if name not in pattern._groupindex:
                    raise IndexError("unknown group name '%s'" % name)
                index = pattern._groupindex[name]
            else:
                raise error("bad character in group name %r" % name, repl, i)
            i = j + 1
            flush()
            out.append(index)
        elif c == '0':
            j = i
            while j < n and j < i + 2 and repl[j] in _OCTDIGITS:
                j += 1
            literal.append(chr(int(repl[i - 1:j], 8)))
            i = j
        elif c in _DIGITS:
            if i < n and repl[i] in _DIGITS:
                if (c in _OCTDIGITS and repl[i] in _OCTDIGITS and i + 1 < n
                        and repl[i + 1] in _OCTDIGITS):
                    value = int(repl[i - 1:i + 2], 8)
                    if value > 0o377:
                        raise error('octal escape value \\%s outside of range 0-0o377'
                                    % repl[i - 1:i + 2], repl, start)
                    literal.append(chr(value))
                    i += 2
                    continue
                index = int(repl[i - 1:i + 1])
                i += 1
            else:
                index = int(c)
            if index > pattern.groups:
                raise error("invalid group reference %d" % index, repl, start + 1)
            flush()
            out.append(index)
        elif c in _ESCAPES:
            literal.append(_ESCAPES[c])
        elif c in _ASCII_LETTERS:
            raise error('bad escape \\%s' % c, repl, start)
        else:
            literal.append('\\' + c)
    flush()
    return out


def _expand_template(template, m):
    if not m.re._str:
        return b''.join([p if isinstance(p, bytes) else m._get(p) or b'' for p in template])
    parts = []
    for piece in template:
        if isinstance(piece, str):
            parts.append(piece)
        else:
            s = m._get(piece)
            if s is not None:
                parts.append(s)
    return ''.join(parts)
