# str.translate and str.maketrans (dict, two and three strings, a table object, the
# errors), str.expandtabs, str.isprintable and str.istitle, as CPython 3.12 has them.
t = str.maketrans('abc', 'xyz', 'd')
print(sorted(t.items()), 'aabbccdd!'.translate(t))
print('Hello, World! (test)'.translate(str.maketrans('', '', '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~')))
print('abc'.translate({97: 'AA', 98: None, 99: 0x263a}), 'abc'.translate({}), ''.translate({1: 2}))
print(str.maketrans({'a': 'b', 98: None}), 'x'.maketrans('x', 'y'))
class Up:
    def __getitem__(self, k):
        if k == ord('q'):
            raise LookupError
        return chr(k).upper()
print('quiet'.translate(Up()))
for bad in [lambda: str.maketrans(1), lambda: str.maketrans('ab', 'c'), lambda: str.maketrans({'ab': 1}), lambda: str.maketrans({1.5: 1}),
            lambda: 'a'.translate({97: 1.5}), lambda: 'a'.translate({97: -1}), lambda: str.maketrans('a', 1), lambda: str.maketrans(1, 'a')]:
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(repr('a\tb\tc'.expandtabs()), repr('ab\tc\n\td'.expandtabs(4)), repr('\t'.expandtabs(0)), repr('x\ty'.expandtabs(tabsize=3)))
print('abc'.isprintable(), 'a\n'.isprintable(), ''.isprintable(), '\u00e9 x'.isprintable(), '\x7f'.isprintable())
print('Hello World'.istitle(), 'Hello world'.istitle(), 'HELLO'.istitle(), ''.istitle(), 'A1 B2'.istitle(), '123'.istitle(), "They're Bill's".istitle())
