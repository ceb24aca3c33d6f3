# string, as gilscope provides it: the constants, capwords and Template.

__all__ = ['ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'capwords', 'digits',
           'hexdigits', 'octdigits', 'printable', 'punctuation', 'whitespace', 'Template']

whitespace = ' \t\n\r\x0b\x0c'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or ' ').join([w.capitalize() for w in s.split(sep)])


def _is_ident_char(c):
    return c.isalnum() or c == '_'


class Template:
    delimiter = '$'

    def __init__(self, template):
        self.template = template

    def _sub(self, mapping, safe):
        t = self.template
        d = self.delimiter
        out = []
        i = 0
        n = len(t)
        while i < n:
            if not t.startswith(d, i):
                out.append(t[i])
                i += 1
                continue
            j = i + len(d)
            if t.startswith(d, j):
                out.append(d)
                i = j + len(d)
                continue
            if j < n and t[j] == '{':
                end = t.find('}', j)
                name = t[j + 1:end] if end > 0 else ''
                nxt = end + 1
            else:
                k = j
                while k < n and _is_ident_char(t[k]):
                    k += 1
                name = t[j:k]
                nxt = k
            if not name or not (name[0].isalpha() or name[0] == '_'):
                if safe:
                    out.append(d)
                    i = j
                    continue
                line = t[:i].count('\n') + 1
                col = i - (t.rfind('\n', 0, i) + 1) + 1
                raise ValueError('Invalid placeholder in string: line %d, col %d' % (line, col))
            if name in mapping:
                out.append(str(mapping[name]))
            elif safe:
                out.append(t[i:nxt])
            else:
                raise KeyError(name)
            i = nxt
        return ''.join(out)

    def substitute(self, mapping=None, **kws):
        return self._sub(_merge(mapping, kws), False)

    def safe_substitute(self, mapping=None, **kws):
        return self._sub(_merge(mapping, kws), True)


def _merge(mapping, kws):
    values = {}
    if mapping is not None:
        for k in mapping.keys():
            values[k] = mapping[k]
    values.update(kws)
    return values
