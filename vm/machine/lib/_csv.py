"""_csv, as gilscope provides it: CPython's C module written in Python, with the same
dialect checks, the same parser states (Modules/_csv.c) and the same quoting rules, so
csv.py (CPython 3.12's, unchanged) runs on it. Its work is bytecode here, where
CPython's is C: a reader or writer costs more simulated time per character than
CPython's does."""

__version__ = "1.0"
__doc__ = "CSV parsing and writing."

QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE, QUOTE_STRINGS, QUOTE_NOTNULL = range(6)

_field_limit = 128 * 1024
_dialects = {}


class Error(Exception):
    pass


Error.__module__ = "_csv"


def _char(name, value, allow_none):
    if value is None and allow_none:
        return None
    if not isinstance(value, str):
        raise TypeError('"%s" must be string%s, not %s' % (name, " or None" if allow_none else "",
                                                            type(value).__name__))
    if len(value) != 1:
        raise TypeError('"%s" must be a 1-character string' % name)
    return value


class Dialect:
    """CSV dialect

The Dialect type records CSV parsing and generation options.
"""

    __slots__ = ("_delimiter", "_quotechar", "_escapechar", "_doublequote", "_skipinitialspace",
                 "_lineterminator", "_quoting", "_strict")

    def __init__(self, dialect=None, **kw):
        def attr(name, default):
            if name in kw:
                return kw[name]
            if dialect is not None and hasattr(dialect, name):
                return getattr(dialect, name)
            return default
        if isinstance(dialect, str):
            dialect = get_dialect(dialect)
        quotechar = attr("quotechar", '"')
        if "quotechar" in kw and kw["quotechar"] is None and "quoting" not in kw:
            quoting = QUOTE_NONE  # quotechar=None without a quoting asks for none
        else:
            quoting = attr("quoting", QUOTE_MINIMAL)
        if not isinstance(quoting, int):
            raise TypeError('"quoting" must be an integer')
        if quoting not in range(6):
            raise TypeError('bad "quoting" value')
        self._quoting = quoting
        self._delimiter = _char("delimiter", attr("delimiter", ","), False)
        if quotechar is None and quoting != QUOTE_NONE:
            raise TypeError("quotechar must be set if quoting enabled")
        self._quotechar = _char("quotechar", quotechar, True)
        self._escapechar = _char("escapechar", attr("escapechar", None), True)
        self._doublequote = bool(attr("doublequote", True))
        self._skipinitialspace = bool(attr("skipinitialspace", False))
        lineterminator = attr("lineterminator", "\r\n")
        if not isinstance(lineterminator, str):
            raise TypeError('"lineterminator" must be a string')
        self._lineterminator = lineterminator
        self._strict = bool(attr("strict", False))
        if self._delimiter in ("\r", "\n"):
            raise ValueError("bad delimiter value")
        if self._quotechar in ("\r", "\n"):
            raise ValueError("bad quotechar value")
        if self._escapechar in ("\r", "\n"):
            raise ValueError("bad escapechar value")
        if self._lineterminator and any(c in self._lineterminator for c in
                                        (self._delimiter, self._quotechar, self._escapechar) if c):
            raise ValueError("bad lineterminator value")
        if self._delimiter == self._quotechar:
            raise ValueError("bad delimiter or quotechar value")
        if self._delimiter == self._escapechar:
            raise ValueError("bad delimiter or escapechar value")
        if self._escapechar is not None and self._escapechar == self._quotechar:
            raise ValueError("bad escapechar or quotechar value")

    delimiter = property(lambda self: self._delimiter)
    quotechar = property(lambda self: self._quotechar)
    escapechar = property(lambda self: self._escapechar)
    doublequote = property(lambda self: self._doublequote)
    skipinitialspace = property(lambda self: self._skipinitialspace)
    lineterminator = property(lambda self: self._lineterminator)
    quoting = property(lambda self: self._quoting)
    strict = property(lambda self: self._strict)


def _dialect_of(dialect, kw):
    if isinstance(dialect, Dialect) and not kw:
        return dialect
    return Dialect(dialect, **kw)


def register_dialect(name, dialect=None, **kw):
    if not isinstance(name, str):
        raise TypeError("dialect name must be a string")
    _dialects[name] = Dialect(dialect, **kw)


def unregister_dialect(name):
    if name not in _dialects:
        raise Error("unknown dialect")
    del _dialects[name]


def get_dialect(name):
    try:
        return _dialects[name]
    except (KeyError, TypeError):
        raise Error("unknown dialect")


def list_dialects():
    return list(_dialects)


def field_size_limit(*args):
    global _field_limit
    if len(args) > 1:
        raise TypeError("field_size_limit expected at most 1 argument, got %d" % len(args))
    old = _field_limit
    if args:
        if not isinstance(args[0], int):
            raise TypeError("limit must be an integer")
        _field_limit = args[0]
    return old


# The parser's states, as _csv.c names them.
(START_RECORD, START_FIELD, ESCAPED_CHAR, IN_FIELD, IN_QUOTED_FIELD, ESCAPE_IN_QUOTED_FIELD,
 QUOTE_IN_QUOTED_FIELD, EAT_CRNL, AFTER_ESCAPED_CRNL) = range(9)


class Reader:
    def __init__(self, lines, dialect):
        self._lines = iter(lines)
        self.dialect = dialect
        self.line_num = 0
        self._fields = None
        self._field = []
        self._quoted = False
        self._state = START_RECORD

    def __iter__(self):
        return self

    def _save_field(self):
        field = "".join(self._field)
        self._field = []
        if not self._quoted and self.dialect.quoting == QUOTE_NONNUMERIC and field:
            field = float(field)
        self._fields.append(field)
        self._quoted = False

    def _add_char(self, c):
        if len(self._field) >= _field_limit:
            raise Error("field larger than field limit (%d)" % _field_limit)
        self._field.append(c)

    def __next__(self):
        self._fields = []
        self._field = []
        self._quoted = False
        self._state = START_RECORD
        while True:
            try:
                line = next(self._lines)
            except StopIteration:
                if self._field or self._state == IN_QUOTED_FIELD:
                    if self.dialect.strict:
                        raise Error("unexpected end of data")
                    self._save_field()
                    return self._fields
                if self._fields:
                    self._save_field()
                    return self._fields
                raise
            if not isinstance(line, str):
                raise Error("iterator should return strings, not %.200s "
                            "(the file should be opened in text mode)" % type(line).__name__)
            self.line_num += 1
            for c in line:
                if c == "\0":
                    raise Error("line contains NUL")
                self._process(c)
            self._process(None)  # end of line
            if self._state == START_RECORD:
                return self._fields

    def _process(self, c):
        d = self.dialect
        s = self._state
        if s == START_RECORD:
            if c is None:
                return
            if c in ("\n", "\r"):
                self._state = EAT_CRNL
                return
            s = self._state = START_FIELD
        if s == START_FIELD:
            if c in ("\n", "\r", None):
                self._save_field()
                self._state = START_RECORD if c is None else EAT_CRNL
            elif c == d.quotechar and d.quoting != QUOTE_NONE:
                self._quoted = True
                self._state = IN_QUOTED_FIELD
            elif c == d.escapechar:
                self._state = ESCAPED_CHAR
            elif c == " " and d.skipinitialspace:
                pass
            elif c == d.delimiter:
                self._save_field()
            else:
                self._add_char(c)
                self._state = IN_FIELD
        elif s == ESCAPED_CHAR:
            if c in ("\n", "\r"):
                self._add_char(c)
                self._state = AFTER_ESCAPED_CRNL
                return
            if c is None:
                c = "\n"
            self._add_char(c)
            self._state = IN_FIELD
        elif s == AFTER_ESCAPED_CRNL:
            if c is None:
                return
            self._state = IN_FIELD
            self._process(c)
        elif s == IN_FIELD:
            if c in ("\n", "\r", None):
                self._save_field()
                self._state = START_RECORD if c is None else EAT_CRNL
            elif c == d.escapechar:
                self._state = ESCAPED_CHAR
            elif c == d.delimiter:
                self._save_field()
                self._state = START_FIELD
            else:
                self._add_char(c)
        elif s == IN_QUOTED_FIELD:
            if c is None:
                pass
            elif c == d.escapechar:
                self._state = ESCAPE_IN_QUOTED_FIELD
            elif c == d.quotechar and d.quoting != QUOTE_NONE:
                if d.doublequote:
                    self._state = QUOTE_IN_QUOTED_FIELD
                else:
                    self._state = IN_FIELD
            else:
                self._add_char(c)
        elif s == ESCAPE_IN_QUOTED_FIELD:
            if c is None:
                c = "\n"
            self._add_char(c)
            self._state = IN_QUOTED_FIELD
        elif s == QUOTE_IN_QUOTED_FIELD:
            if d.quoting != QUOTE_NONE and c == d.quotechar:
                self._add_char(c)
                self._state = IN_QUOTED_FIELD
            elif c == d.delimiter:
                self._save_field()
                self._state = START_FIELD
            elif c in ("\n", "\r", None):
                self._save_field()
                self._state = START_RECORD if c is None else EAT_CRNL
            elif not d.strict:
                self._add_char(c)
                self._state = IN_FIELD
            else:
                raise Error("'%c' expected after '%c'" % (d.delimiter, d.quotechar))
        elif s == EAT_CRNL:
            if c in ("\n", "\r"):
                pass
            elif c is None:
                self._state = START_RECORD
            else:
                raise Error("new-line character seen in unquoted field - "
                            "do you need to open the file with newline=''?")


def reader(csvfile, dialect="excel", **kw):
    return Reader(csvfile, _dialect_of(dialect, kw))


class Writer:
    def __init__(self, fileobj, dialect):
        if not hasattr(fileobj, "write"):
            raise TypeError('argument 1 must have a "write" method')
        self._write = fileobj.write
        self.dialect = dialect
        # The characters that make a field quoted or escaped, found once.
        self._specials = set(c for c in (dialect.delimiter, dialect.escapechar, dialect.quotechar)
                             if c is not None) | set(dialect.lineterminator) | {"\r", "\n"}

    def _field(self, field, quoted):
        d = self.dialect
        specials = self._specials
        out = []
        need_quote = quoted
        for c in field:
            want_escape = False
            if c in specials:
                if d.quoting == QUOTE_NONE:
                    want_escape = True
                else:
                    if c == d.quotechar:
                        if d.doublequote:
                            out.append(d.quotechar)
                        else:
                            want_escape = True
                    elif c == d.escapechar:
                        want_escape = True
                    if not want_escape:
                        need_quote = True
                if want_escape:
                    if d.escapechar is None:
                        raise Error("need to escape, but no escapechar set")
                    out.append(d.escapechar)
            out.append(c)
        s = "".join(out)
        if need_quote:
            s = d.quotechar + s + d.quotechar
        return s

    def writerow(self, row):
        d = self.dialect
        try:
            items = iter(row)
        except TypeError:
            raise Error("iterable expected, not %s" % type(row).__name__)
        parts = []
        n = 0
        for field in items:
            n += 1
            if d.quoting == QUOTE_NONNUMERIC:
                quoted = not isinstance(field, (int, float))
            elif d.quoting == QUOTE_ALL:
                quoted = True
            elif d.quoting == QUOTE_STRINGS:
                quoted = isinstance(field, str)
            elif d.quoting == QUOTE_NOTNULL:
                quoted = field is not None
            else:
                quoted = False
            if field is None:
                text = ""
            elif isinstance(field, str):
                text = field
            elif isinstance(field, float):
                text = repr(field)
            else:
                text = str(field)
            parts.append(self._field(text, quoted))
        if n == 1 and parts[0] == "":
            # A row of one empty field is written quoted, so that it reads back.
            if d.quoting == QUOTE_NONE:
                raise Error("single empty field record must be quoted")
            parts[0] = d.quotechar * 2
        return self._write(d.delimiter.join(parts) + d.lineterminator)

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def writer(fileobj, dialect="excel", **kw):
    return Writer(fileobj, _dialect_of(dialect, kw))
