# textwrap (CPython's, over gilscope's re): wrap, fill, shorten, dedent, indent, TextWrapper
# options; pprint: pprint, pformat, pp, PrettyPrinter over containers, collections and
# dataclasses, width, depth, indent, compact, sort_dicts.
import textwrap
import pprint
s = "The quick brown fox jumped over the lazy dog. Hyphenated-words and em--dashes appear here; supercalifragilisticexpialidocious is long. " * 3
print(textwrap.wrap(s, 30))
print(textwrap.fill(s, width=50, initial_indent='* ', subsequent_indent='  '))
print(textwrap.shorten("Hello  world!  This is a test", width=12))
print(textwrap.shorten("Hello world", width=11), textwrap.shorten("Hello  world!", width=10, placeholder='...'))
print(repr(textwrap.dedent('''
    def f():
        return 1
      x
''')))
print(textwrap.indent('a\nb\n\nc', '> '), textwrap.indent('a\n\nb', '+ ', lambda line: True))
w = textwrap.TextWrapper(width=20, max_lines=2, placeholder=' [...]', break_long_words=False, break_on_hyphens=False)
print(w.wrap(s))
print(textwrap.wrap("a\tb c", 5, expand_tabs=True, tabsize=4), textwrap.wrap("", 5), textwrap.fill("word " * 5, 9, drop_whitespace=False))
print(textwrap.wrap('x' * 25, 10), textwrap.wrap("Hello. World.", 20, fix_sentence_endings=True))
try:
    textwrap.wrap('x', 0)
except ValueError as e:
    print(e)
from collections import OrderedDict, defaultdict, Counter, deque, ChainMap
from dataclasses import dataclass, field
data = {'name': 'gilscope', 'threads': [{'id': i, 'state': 'running' if i % 2 else 'blocked', 'stack': list(range(i * 3))} for i in range(4)], 'nested': {'a': (1, 2, 3), 'b': {1, 2, 3}, 'c': frozenset({'x'}), 'd': None, 'e': 1.5, 'f': 'a long string ' * 8}}
pprint.pprint(data)
pprint.pprint(data, width=40, depth=2)
pprint.pprint(data, indent=2, compact=True, sort_dicts=False)
print(pprint.pformat(list(range(40))))
print(pprint.pformat([[1, 2], [3, 4]] * 10, compact=True))
print(pprint.saferepr({'a': [1, 2]}), pprint.isreadable([1, 2]), pprint.isrecursive([1]))
pprint.pprint(OrderedDict((str(i), i) for i in range(12)))
pprint.pprint(defaultdict(list, {'k' * 20: list(range(20)), 'z': []}))
pprint.pprint(Counter('abracadabra' * 3))
pprint.pprint(deque(range(30)), width=30)
@dataclass
class Job:
    name: str
    tags: list = field(default_factory=list)
    prio: int = 0
pprint.pprint([Job('build', ['ci', 'linux', 'x86_64', 'release', 'nightly']), Job('test' * 10, list(range(15)))])
pp = pprint.PrettyPrinter(width=20)
pp.pprint({'alpha': 1, 'beta': [1, 2, 3, 4, 5, 6], 'gamma': 'abc def ghi jkl mno'})
print(pp.pformat((1,)), pp.pformat(()), pprint.pformat('x' * 100, width=30))
pprint.pp({'b': 1, 'a': 2})
print(pprint.pformat(b'bytes' * 20, width=30))
r = [1, 2]
r.append(r)
print(pprint.isrecursive(r), pprint.pformat(r).startswith('[1, 2, <Recursion on list with id='))
