# string: CPython's Template (custom delimiter, idpattern, pattern; get_identifiers,
# is_valid; its errors) over gilscope's re, and Formatter (parse, vformat, format_field).
import string
t = string.Template('$who likes $what; ${who}s cost $$5')
print(t.substitute(who='tim', what='kung pao'), t.safe_substitute(who='x'), t.get_identifiers(), t.is_valid())
class MyTemplate(string.Template):
    delimiter = '%'
    idpattern = '[a-z]+_[a-z]+'
m = MyTemplate('%%name: %with_underscore %notunderscored')
print(m.safe_substitute({'with_underscore': 'replaced', 'notunderscored': 'not replaced'}))
class ExpressionTemplate(string.Template):
    pattern = r'''
    \{\{(?:
    (?P<escaped>\{\{)|
    (?P<named>[_a-z][_a-z0-9]*)\}\}|
    (?P<braced>[_a-z][_a-z0-9]*)\}\}|
    (?P<invalid>)
    )
    '''
print(ExpressionTemplate('{{var}} and {{{{').safe_substitute(var='v'))
for bad in ['$', '$1', 'a\n  $ b']:
    try:
        string.Template(bad).substitute()
    except (ValueError, KeyError) as e:
        print(type(e).__name__, e)
try:
    t.substitute(who='x')
except KeyError as e:
    print('KeyError', e)
f = string.Formatter()
print(f.format('{0} {name!r:>8} {1[0]} {p.real} {{x}} {0:{w}}', 'a', [5], name='n', p=3, w=4))
print(list(f.parse('a{0!r:>{w}}b{}c{{')))
class Upper(string.Formatter):
    def format_field(self, value, spec):
        return super().format_field(value, spec).upper()
print(Upper().format('{} and {:x}', 'abc', 255), f.vformat('{a}-{b}', (), {'a': 1, 'b': 2}))
for bad in ['{', '}', '{0!}', '{0!rx}', '{0[}']:
    try:
        f.format(bad, 1)
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)
print(string.capwords('hello   world  x'), string.capwords('a-b-c', '-'), string.ascii_letters[:5], string.printable[-6:] == string.whitespace)
