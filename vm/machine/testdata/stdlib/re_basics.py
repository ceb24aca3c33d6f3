# re: the module's functions, Pattern and Match objects, flags, templates, lookaround,
# backreferences, empty matches and CPython's compile errors.
import re
print(re.match(r'(\d+)-(\d+)', '12-345 rest'))
m = re.search(r'(?P<user>\w+)@(?P<host>[\w.]+)', 'mail bob@example.com now')
print(m, m.group(), m.group('user', 2), m.groups(), m.groupdict(), m.span(), m.start('host'), m.end(1), m.lastindex, m.lastgroup, m[0], m['host'])
print(re.findall(r'\d+', 'a1b22c333'), re.findall(r'(\w)(\d)', 'a1b2'), re.findall(r'(a)|b', 'ab'))
print(list(re.finditer(r'\w+', 'hi there')))
print(re.sub(r'(\w+) (\w+)', r'\2 \1', 'hello world, good day'), re.sub(r'\d', lambda m: str(int(m.group()) * 2), 'a1b2c3'))
print(re.subn(r'x*', '-', 'abxd'), re.sub('(?P<n>a)', r'<\g<n>\g<1>>', 'banana', count=2))
print(re.split(r'\W+', 'Words, words, words.'), re.split(r'(\W+)', 'Words, words.'), re.split(r'\W+', 'a b c', maxsplit=1), re.split('x*', 'axbc'))
print(re.fullmatch(r'\w+', 'abc'), re.fullmatch(r'\w+', 'abc!'), re.match(r'^\d+$', '123\n'), re.search(r'$', 'ab\n').span())
print(re.findall(r'^\w', 'a\nb\nc', re.M), re.findall(r'.', 'a\nb', re.S), re.findall('A', 'aA', re.I), re.findall(r'a.c', 'A\nC abc', re.I | re.S))
print(re.compile(r'''
    (\d{3})  # area
    [-.]?
    (\d{4})  # number
''', re.X).findall('555-1234 5551234'))
print(re.escape('a.b*c?(d)'), re.compile('a', re.I), re.compile(r'\d'), re.I | re.M, re.compile('x').flags)
print(re.search(r'(?<=-)\w+', 'spam-egg').group(), re.search(r'(?<!a)b', 'abcb').span(), re.findall(r'\w+(?=,)', 'a, b, c'), re.findall(r'(\w)\1', 'aabbcd'))
print(re.match(r'(a)(?:b)(c)?', 'ab').groups(), re.match(r'(a)(?:b)(c)?', 'ab').groups('x'), re.match(r'(?i)hello', 'HeLLo'))
print(re.sub(r'\s+', ' ', '  lots   of\t\nspace '), re.findall(r'[A-Z][a-z]+', 'Hello World Foo'), re.findall(r'\bfoo\b', 'foo foobar foo.'))
for bad in ['(a', 'a)', '*a', 'a**', '[a', r'\q', '(?P<1>a)', '(?<=a+)b', r'(a)\2', 'a{3,2}', '(?P=x)']:
    try:
        re.compile(bad)
    except re.error as e:
        print(type(e).__name__, e, e.pos)
try:
    re.sub('a', r'\9', 'a')
except re.error as e:
    print(e)
try:
    re.match('a', 3)
except TypeError as e:
    print(e)
print(re.match('a*?b', 'aaab').group(), re.match('(ab)+', 'ababx').group(1), re.match('a{2,3}', 'aaaa').group(), re.match('a{2}', 'aaa').group(), re.match('a{,2}', 'aaa').group(), re.match('x{', 'x{').group())
print(re.findall(r'\d+(?:\.\d+)?', 'pi 3.14 e 2.718 n 42'), re.match(r'(?P<a>x)|(?P<b>y)', 'y').lastgroup)
print(re.search('é', 'café').span(), re.findall(r'\w+', 'naïve café'), re.findall(r'\d', '١٢3'), re.findall(r'\d', '١٢3', re.A))
p = re.compile(r'(\w+)=(\d+)')
print([m.groups() for m in p.finditer('a=1, b=22, c=333')], p.pattern, p.groups, p.groupindex, p.search('zz a=1', 2, 5))
print(re.match(r'(?s:.)b', '\nb'), re.match(r'(?>a+)b', 'aaab'), re.match(r'a++a', 'aaa'), re.match(r'(a)?(?(1)b|c)', 'c'))
print(re.sub('', '-', 'abc'), re.sub('$', 'X', 'a\n'), re.findall(r'\b\w', 'hi there'), re.split(r'\b', 'a b'))
print(m.expand(r'\g<user> at \2'), m.regs, m.re, m.string, m.pos, m.endpos)
def show(f):
    try:
        print(f())
    except (re.error, IndexError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
show(lambda: re.match(r'((a)b)', 'ab').lastindex)
show(lambda: re.match(r'(a)(b)?', 'a').lastindex)
show(lambda: re.match(r'(a|b)*', 'abab').group(1))
show(lambda: re.match(r'(a|b)*c', 'ababc').span(1))
show(lambda: re.match(r'(?:(a)|b)+', 'ab').groups())
show(lambda: re.match(r'(a)|(b)', 'b').groups())
show(lambda: re.match(r'(?i)(a)\1', 'aA'))
show(lambda: re.search(r'\Aab\Z', 'ab'))
show(lambda: re.search(r'ab\Z', 'ab\n'))
show(lambda: re.findall(r'[^a-c]', 'abcdxyz'))
show(lambda: re.findall(r'[\]]', 'a]b'))
show(lambda: re.findall(r'[]a]', 'a]b'))
show(lambda: re.findall(r'[a-]', 'a-b'))
show(lambda: re.findall(r'[\w.-]+', 'x.y-z w'))
show(lambda: re.findall(r'[\D]', 'a1b2'))
show(lambda: re.findall(r'\s', 'a b\tc\u3000d'))
show(lambda: re.split(r'(,)', 'a,b,c', maxsplit=1))
show(lambda: re.sub(r'a', r'\0', 'cat'))
show(lambda: re.sub(r'(a)', r'[\g<0>]', 'cat'))
show(lambda: re.sub(r'a', r'\n', 'cat'))
show(lambda: re.sub(r'a', r'\-', 'cat'))
show(lambda: re.sub(r'a', r'\q', 'cat'))
show(lambda: re.sub(r'(?P<x>a)', r'\g<y>', 'cat'))
show(lambda: re.sub(r'(?P<x>a)', r'\g<x', 'cat'))
show(lambda: re.sub(r'(?P<x>a)', r'\g<>', 'cat'))
show(lambda: re.sub(r'(?P<x>a)', r'\g<1a>', 'cat'))
show(lambda: re.sub(r'a', 3, 'cat'))
show(lambda: re.sub(r'a', lambda m: 3, 'cat'))
show(lambda: re.search(r'(?<=^)a', 'ab'))
show(lambda: re.findall(r'a|', 'ab'))
show(lambda: re.match(r'(?:)', 'x'))
show(lambda: re.findall(r'(?x) a b  # comment', 'ab a b'))
show(lambda: re.compile(r'a(?i)b'))
show(lambda: re.findall(r'(?i:a)b', 'AB Ab ab aB'))
show(lambda: re.findall(r'(?i)a(?-i:b)', 'AB Ab ab aB'))
show(lambda: re.compile('a', re.I) is re.compile('a', re.I))
show(lambda: re.compile(re.compile('a')) )
show(lambda: re.compile(re.compile('a'), re.I))
show(lambda: re.match('a', 'a').group(2))
show(lambda: re.match('a', 'a').group('x'))
show(lambda: re.match('(a)', 'a').span(1))
show(lambda: len(re.findall(r'\w+', 'word ' * 2000)))
show(lambda: re.match(r'(\w+)\s(\w+)', 'Isaac Newton, physicist').group(0, 1, 2))
show(lambda: re.match(r"(?P<first_name>\w+) (?P<last_name>\w+)", "Malcolm Reynolds").groupdict())
show(lambda: re.findall(r"\w+ly\b", "He was carefully disguised but captured quickly by police."))
show(lambda: [m.start() for m in re.finditer(r"\w+ly\b", "He was carefully disguised but captured quickly by police.")])
show(lambda: re.split(r"\n+", "Ross McFluff: 834.345.1254 155 Elm Street\n\nRonald Heathmore: 892.345.3428 436 Finley Avenue"))
show(lambda: re.sub(r"(\w)(\w*)", lambda m: m.group(1).upper() + m.group(2), "the quick brown fox"))
show(lambda: re.compile(r"\d+\.\d*", re.X | re.I))
show(lambda: re.compile(r"(?P<a>x)(?P<b>y)").groupindex)
show(lambda: re.match(r'^(?:(\d+)\.)?(\d+)$', '12'))
show(lambda: re.search(r'\bis\b', 'This island is').span())
show(lambda: re.fullmatch(r'a|ab', 'ab'))
show(lambda: re.match(r'(a*)*b', 'aaab').groups())
show(lambda: re.match(r'(a*)+b', 'b').groups())
show(lambda: re.match(r'(?P<q>["\']).*?(?P=q)', '"hi" there').group())
show(lambda: re.findall(r'(?m)^\s*#.*$', 'x\n  # c1\ny # no\n# c2'))
show(lambda: re.sub(r'(?m)$', ';', 'a\nb'))
show(lambda: re.match('\\x41\\u00e9\\101', 'Aé A'))
show(lambda: re.match(r'[\x41-\x43]+', 'ABCD').group())
show(lambda: re.findall(r'\.', 'a.b.c'))
show(lambda: re.compile('(?P<n>a)(?P<n>b)'))
show(lambda: re.compile('(?<a>x)'))
show(lambda: re.compile('(?Z)'))
show(lambda: re.compile('a{1,2}{3}'))
show(lambda: re.compile('[z-a]'))
show(lambda: re.compile('\\'))
show(lambda: re.compile('(?'))
show(lambda: re.compile('(?i'))
show(lambda: re.compile(3))
show(lambda: re.compile('x\n(', re.X))

# pos and endpos are clamped as CPython's; a str subclass is a string

p = re.compile("a")
m = p.search("xa", -5, 100); print(m.pos, m.endpos, m)
m = p.match("ab", 0, 1); print(m.pos, m.endpos, m[0], m.group(0))
print(p.search("bbb", 5), p.match("a", 2))
try: p.search(3)
except TypeError as e: print(e)
class S(str): pass
print(p.search(S("za")))

# a repeat with nothing before it

for p in ["{2}", "a|{1,2}", "x{"]:
    try: print(re.compile(p))
    except re.error as e: print(e)

# \\b and \\B in an empty string (3.12: neither matches)

print(re.search(r"\b", ""), re.search(r"\B", ""), re.search(r"\B", "a"), re.findall(r"\B", "ab"), re.compile(r"\b").search("a", 0, 0), re.compile(r"\B").search("a", 0, 0))

# a negative maxsplit or count does nothing

print(re.split("a", "bab", maxsplit=-1), re.sub("a","x","aa",count=-1), re.subn("a","x","aa",count=-1), re.sub("a", lambda m: "y", "aa", count=-1))
