package syntax

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// The expectations of parseTests and errorTests were produced by CPython
// 3.12 (ast.parse and compile), except where a comment says otherwise.

// parseTests are programs that must parse; want is the Dump of each
// top-level statement, separated by "; ".
var parseTests = []struct{ desc, src, want string }{
	{`name`, `x`,
		`ExprStmt(Name('x'))`},
	{`int literals`, `0; 42; 0xff; 0o17; 0b101; 1_000_000; 00`,
		`ExprStmt(Int(0)); ExprStmt(Int(42)); ExprStmt(Int(255)); ExprStmt(Int(15)); ExprStmt(Int(5)); ExprStmt(Int(1000000)); ExprStmt(Int(0))`},
	{`big int`, `123456789012345678901234567890`,
		`ExprStmt(Int(123456789012345678901234567890))`},
	{`int64 boundary`, `9223372036854775807; 9223372036854775808`,
		`ExprStmt(Int(9223372036854775807)); ExprStmt(Int(9223372036854775808))`},
	{`float literals`, `1.5; .5; 1.; 1e-7; 1E10; 1_0.0_1e1_0; 1e400`,
		`ExprStmt(Float(1.5)); ExprStmt(Float(0.5)); ExprStmt(Float(1.0)); ExprStmt(Float(1e-07)); ExprStmt(Float(10000000000.0)); ExprStmt(Float(100100000000.0)); ExprStmt(Float(inf))`},
	{`number then keyword`, `1if x else 2`,
		`ExprStmt(IfExp(Name('x'), Int(1), Int(2)))`},
	{`constants`, `True; False; None`,
		`ExprStmt(NameConst('True')); ExprStmt(NameConst('False')); ExprStmt(NameConst('None'))`},
	{`strings`, `'a'; "b"; '''c'''; """d"""`,
		`ExprStmt(Str('a')); ExprStmt(Str('b')); ExprStmt(Str('c')); ExprStmt(Str('d'))`},
	{`string escapes`, `'\n\t\r\\\'\"\a\b\f\v\0\101\x41\u0041\U00000041'`,
		`ExprStmt(Str('\n\t\r\\\'"\a\b\f\v\x00AAAA'))`},
	{`unknown escape kept`, `'\q\8'`,
		`ExprStmt(Str('\\q\\8'))`},
	{`octal escape above 0o377`, `'\777'`,
		`ExprStmt(Str('ǿ'))`},
	{`line continuation in string`, "'a\\\nb'",
		`ExprStmt(Str('ab'))`},
	{`raw strings`, `r'\n'; R'\x'; r'\''`,
		`ExprStmt(Str('\\n')); ExprStmt(Str('\\x')); ExprStmt(Str('\\\''))`},
	{`string prefixes`, `u'x'; Rb'x'; bR'\n'; BR'y'`,
		`ExprStmt(Str('x')); ExprStmt(Bytes('x')); ExprStmt(Bytes('\\n')); ExprStmt(Bytes('y'))`},
	{`bytes escapes`, `b'\x41\101\n\u0041'`,
		`ExprStmt(Bytes('AA\n\\u0041'))`},
	{`adjacent strings`, `'a' "b" '''c'''`,
		`ExprStmt(Str('abc'))`},
	{`adjacent bytes`, `b'a' b'b'`,
		`ExprStmt(Bytes('ab'))`},
	{`triple-quoted newlines`, "'''a\nb'''",
		`ExprStmt(Str('a\nb'))`},
	{`unicode string`, `'héllo wörld ✓'`,
		`ExprStmt(Str('héllo wörld ✓'))`},
	{`unicode identifier`, `été = 1`,
		`Assign([Name('été')], Int(1))`},
	{`f-string`, `f'a{x}b'`,
		`ExprStmt(JoinedStr([Str('a'), FormattedValue(Name('x'), None, None), Str('b')]))`},
	{`f-string conversions`, `f'{x!r}{y!s}{z!a}'`,
		`ExprStmt(JoinedStr([FormattedValue(Name('x'), 'r', None), FormattedValue(Name('y'), 's', None), FormattedValue(Name('z'), 'a', None)]))`},
	{`f-string format spec`, `f'{x:>10}'`,
		`ExprStmt(JoinedStr([FormattedValue(Name('x'), None, JoinedStr([Str('>10')]))]))`},
	{`f-string nested spec`, `f'{x:{w}.{p}f}'`,
		`ExprStmt(JoinedStr([FormattedValue(Name('x'), None, JoinedStr([FormattedValue(Name('w'), None, None), Str('.'), FormattedValue(Name('p'), None, None), Str('f')]))]))`},
	{`f-string debug`, `f'{x=}'`,
		`ExprStmt(JoinedStr([Str('x='), FormattedValue(Name('x'), 'r', None)]))`},
	{`f-string debug with spaces`, `f'{x = }'`,
		`ExprStmt(JoinedStr([Str('x = '), FormattedValue(Name('x'), 'r', None)]))`},
	{`f-string debug with conversion`, `f'{x=!s}'`,
		`ExprStmt(JoinedStr([Str('x='), FormattedValue(Name('x'), 's', None)]))`},
	{`f-string debug with spec`, `f'{x=:>5}'`,
		`ExprStmt(JoinedStr([Str('x='), FormattedValue(Name('x'), None, JoinedStr([Str('>5')]))]))`},
	{`f-string brace escapes`, `f'{{}}{{{x}}}'`,
		`ExprStmt(JoinedStr([Str('{}{'), FormattedValue(Name('x'), None, None), Str('}')]))`},
	{`f-string concatenation`, `'a' f'{x}' 'b' f'{y}'`,
		`ExprStmt(JoinedStr([Str('a'), FormattedValue(Name('x'), None, None), Str('b'), FormattedValue(Name('y'), None, None)]))`},
	{`f-string without fields`, `f'abc'`,
		`ExprStmt(JoinedStr([Str('abc')]))`},
	{`empty f-string`, `f''`,
		`ExprStmt(JoinedStr([]))`},
	{`raw f-string`, `rf'\n{x}'`,
		`ExprStmt(JoinedStr([Str('\\n'), FormattedValue(Name('x'), None, None)]))`},
	{`f-string escapes`, `f'\n{x}\t'`,
		`ExprStmt(JoinedStr([Str('\n'), FormattedValue(Name('x'), None, None), Str('\t')]))`},
	{`f-string backslash before brace`, `f'\{x}'`,
		`ExprStmt(JoinedStr([Str('\\'), FormattedValue(Name('x'), None, None)]))`},
	{`f-string nested quotes`, `f'{x["a"]}'; f'{x['a']}'`,
		`ExprStmt(JoinedStr([FormattedValue(Subscript(Name('x'), Str('a')), None, None)])); ExprStmt(JoinedStr([FormattedValue(Subscript(Name('x'), Str('a')), None, None)]))`},
	{`nested f-strings`, `f'{f'{f'{x}'}'}'`,
		`ExprStmt(JoinedStr([FormattedValue(JoinedStr([FormattedValue(JoinedStr([FormattedValue(Name('x'), None, None)]), None, None)]), None, None)]))`},
	{`f-string tuple`, `f'{x, y}'; f'{*x, y}'`,
		`ExprStmt(JoinedStr([FormattedValue(Tuple([Name('x'), Name('y')]), None, None)])); ExprStmt(JoinedStr([FormattedValue(Tuple([Starred(Name('x')), Name('y')]), None, None)]))`},
	{`f-string walrus-looking spec`, `f'{x:=10}'`,
		`ExprStmt(JoinedStr([FormattedValue(Name('x'), None, JoinedStr([Str('=10')]))]))`},
	{`f-string parenthesized lambda`, `f'{(lambda: 1)()}'`,
		`ExprStmt(JoinedStr([FormattedValue(Call(Lambda(Arguments([], [], None, [], [], None), Int(1)), [], []), None, None)]))`},
	{`f-string multi-line field`, "f'''{\nx\n}'''",
		`ExprStmt(JoinedStr([FormattedValue(Name('x'), None, None)]))`},
	{`f-string empty spec`, `f'{x:}'`,
		`ExprStmt(JoinedStr([FormattedValue(Name('x'), None, JoinedStr([]))]))`},
	{`f-string spec with empty dict field`, `f'{x:{{}}}'`,
		`ExprStmt(JoinedStr([FormattedValue(Name('x'), None, JoinedStr([FormattedValue(Dict([], []), None, None)]))]))`},
	{`f-string ternary`, `f'{a if b else c}'`,
		`ExprStmt(JoinedStr([FormattedValue(IfExp(Name('b'), Name('a'), Name('c')), None, None)]))`},
	{`list`, `[]; [1]; [1, 2,]; [*a, b]`,
		`ExprStmt(List([])); ExprStmt(List([Int(1)])); ExprStmt(List([Int(1), Int(2)])); ExprStmt(List([Starred(Name('a')), Name('b')]))`},
	{`tuple`, `(); (1,); (1, 2); 1, 2; 1,`,
		`ExprStmt(Tuple([])); ExprStmt(Tuple([Int(1)])); ExprStmt(Tuple([Int(1), Int(2)])); ExprStmt(Tuple([Int(1), Int(2)])); ExprStmt(Tuple([Int(1)]))`},
	{`parenthesized`, `(x)`,
		`ExprStmt(Name('x'))`},
	{`dict`, `{}; {1: 2}; {1: 2, **d, 3: 4,}`,
		`ExprStmt(Dict([], [])); ExprStmt(Dict([Int(1)], [Int(2)])); ExprStmt(Dict([Int(1), None, Int(3)], [Int(2), Name('d'), Int(4)]))`},
	{`set`, `{1}; {1, *s,}`,
		`ExprStmt(Set([Int(1)])); ExprStmt(Set([Int(1), Starred(Name('s'))]))`},
	{`list comprehension`, `[x for x in y]`,
		`ExprStmt(ListComp(Name('x'), [Comprehension(Name('x'), Name('y'), [])]))`},
	{`comprehension with conditions`, `[x for x in y if x if not z]`,
		`ExprStmt(ListComp(Name('x'), [Comprehension(Name('x'), Name('y'), [Name('x'), UnaryOp('not', Name('z'))])]))`},
	{`nested comprehension`, `[x for y in z for x in y if x]`,
		`ExprStmt(ListComp(Name('x'), [Comprehension(Name('y'), Name('z'), []), Comprehension(Name('x'), Name('y'), [Name('x')])]))`},
	{`set comprehension`, `{x for x in y}`,
		`ExprStmt(SetComp(Name('x'), [Comprehension(Name('x'), Name('y'), [])]))`},
	{`dict comprehension`, `{k: v for k, v in d.items()}`,
		`ExprStmt(DictComp(Name('k'), Name('v'), [Comprehension(Tuple([Name('k'), Name('v')]), Call(Attribute(Name('d'), 'items'), [], []), [])]))`},
	{`generator expression`, `(x for x in y)`,
		`ExprStmt(GeneratorExp(Name('x'), [Comprehension(Name('x'), Name('y'), [])]))`},
	{`generator argument`, `f(x for x in y)`,
		`ExprStmt(Call(Name('f'), [GeneratorExp(Name('x'), [Comprehension(Name('x'), Name('y'), [])])], []))`},
	{`comprehension tuple target`, `[a for a, (b, c) in d]`,
		`ExprStmt(ListComp(Name('a'), [Comprehension(Tuple([Name('a'), Tuple([Name('b'), Name('c')])]), Name('d'), [])]))`},
	{`comprehension lambda element`, `[lambda: i for i in x]`,
		`ExprStmt(ListComp(Lambda(Arguments([], [], None, [], [], None), Name('i')), [Comprehension(Name('i'), Name('x'), [])]))`},
	{`precedence of binary operators`, `a | b ^ c & d << e + f * g ** h`,
		`ExprStmt(BinOp(Name('a'), '|', BinOp(Name('b'), '^', BinOp(Name('c'), '&', BinOp(Name('d'), '<<', BinOp(Name('e'), '+', BinOp(Name('f'), '*', BinOp(Name('g'), '**', Name('h')))))))))`},
	{`left associativity`, `a - b - c; a / b // c % d @ e`,
		`ExprStmt(BinOp(BinOp(Name('a'), '-', Name('b')), '-', Name('c'))); ExprStmt(BinOp(BinOp(BinOp(BinOp(Name('a'), '/', Name('b')), '//', Name('c')), '%', Name('d')), '@', Name('e')))`},
	{`power is right associative`, `a ** b ** c`,
		`ExprStmt(BinOp(Name('a'), '**', BinOp(Name('b'), '**', Name('c'))))`},
	{`unary binds looser than power`, `-2 ** 2`,
		`ExprStmt(UnaryOp('-', BinOp(Int(2), '**', Int(2))))`},
	{`power of unary`, `2 ** -1`,
		`ExprStmt(BinOp(Int(2), '**', UnaryOp('-', Int(1))))`},
	{`unary operators`, `-x; +x; ~x; - - x`,
		`ExprStmt(UnaryOp('-', Name('x'))); ExprStmt(UnaryOp('+', Name('x'))); ExprStmt(UnaryOp('~', Name('x'))); ExprStmt(UnaryOp('-', UnaryOp('-', Name('x'))))`},
	{`not`, `not a == b; not not a`,
		`ExprStmt(UnaryOp('not', Compare(Name('a'), ['=='], [Name('b')]))); ExprStmt(UnaryOp('not', UnaryOp('not', Name('a'))))`},
	{`boolean operators`, `a or b and c or d`,
		`ExprStmt(BoolOp('or', [Name('a'), BoolOp('and', [Name('b'), Name('c')]), Name('d')]))`},
	{`comparison chain`, `a < b <= c > d >= e == f != g`,
		`ExprStmt(Compare(Name('a'), ['<', '<=', '>', '>=', '==', '!='], [Name('b'), Name('c'), Name('d'), Name('e'), Name('f'), Name('g')]))`},
	{`membership and identity`, `a in b; a not in b; a is b; a is not b`,
		`ExprStmt(Compare(Name('a'), ['in'], [Name('b')])); ExprStmt(Compare(Name('a'), ['not in'], [Name('b')])); ExprStmt(Compare(Name('a'), ['is'], [Name('b')])); ExprStmt(Compare(Name('a'), ['is not'], [Name('b')]))`},
	{`conditional expression`, `a if b else c`,
		`ExprStmt(IfExp(Name('b'), Name('a'), Name('c')))`},
	{`nested conditional`, `a if b else c if d else e`,
		`ExprStmt(IfExp(Name('b'), Name('a'), IfExp(Name('d'), Name('c'), Name('e'))))`},
	{`lambda`, `lambda: 0`,
		`ExprStmt(Lambda(Arguments([], [], None, [], [], None), Int(0)))`},
	{`lambda parameters`, `lambda a, b=1, *c, d, e=2, **f: a`,
		`ExprStmt(Lambda(Arguments([Arg('a'), Arg('b')], [Int(1)], Arg('c'), [Arg('d'), Arg('e')], [None, Int(2)], Arg('f')), Name('a')))`},
	{`lambda bare star`, `lambda *, k: k`,
		`ExprStmt(Lambda(Arguments([], [], None, [Arg('k')], [None], None), Name('k')))`},
	{`lambda in conditional`, `lambda: a if b else c`,
		`ExprStmt(Lambda(Arguments([], [], None, [], [], None), IfExp(Name('b'), Name('a'), Name('c'))))`},
	{`conditional with lambda`, `a if b else lambda: c`,
		`ExprStmt(IfExp(Name('b'), Name('a'), Lambda(Arguments([], [], None, [], [], None), Name('c'))))`},
	{`attribute and call chain`, `a.b.c(d)[e].f`,
		`ExprStmt(Attribute(Subscript(Call(Attribute(Attribute(Name('a'), 'b'), 'c'), [Name('d')], []), Name('e')), 'f'))`},
	{`call arguments`, `f(a, *b, c=1, *d, **e, g=2, **h)`,
		`ExprStmt(Call(Name('f'), [Name('a'), Starred(Name('b')), Starred(Name('d'))], [Keyword('c', Int(1)), Keyword('', Name('e')), Keyword('g', Int(2)), Keyword('', Name('h'))]))`},
	{`call trailing comma`, `f(a,)`,
		`ExprStmt(Call(Name('f'), [Name('a')], []))`},
	{`subscript`, `a[1]; a[b, c]; a[(b, c)]`,
		`ExprStmt(Subscript(Name('a'), Int(1))); ExprStmt(Subscript(Name('a'), Tuple([Name('b'), Name('c')]))); ExprStmt(Subscript(Name('a'), Tuple([Name('b'), Name('c')])))`},
	{`slices`, `a[1:2]; a[::2]; a[:]; a[1:2:3]; a[::]`,
		`ExprStmt(Subscript(Name('a'), Slice(Int(1), Int(2), None))); ExprStmt(Subscript(Name('a'), Slice(None, None, Int(2)))); ExprStmt(Subscript(Name('a'), Slice(None, None, None))); ExprStmt(Subscript(Name('a'), Slice(Int(1), Int(2), Int(3)))); ExprStmt(Subscript(Name('a'), Slice(None, None, None)))`},
	{`tuple of slices`, `a[1:2, ::3, 4]; a[:, 1]`,
		`ExprStmt(Subscript(Name('a'), Tuple([Slice(Int(1), Int(2), None), Slice(None, None, Int(3)), Int(4)]))); ExprStmt(Subscript(Name('a'), Tuple([Slice(None, None, None), Int(1)])))`},
	{`starred subscript`, `a[*b]`,
		`ExprStmt(Subscript(Name('a'), Tuple([Starred(Name('b'))])))`},
	{`assignment`, `x = 1`,
		`Assign([Name('x')], Int(1))`},
	{`chained assignment`, `a = b = c`,
		`Assign([Name('a'), Name('b')], Name('c'))`},
	{`tuple assignment`, `a, b = 1, 2`,
		`Assign([Tuple([Name('a'), Name('b')])], Tuple([Int(1), Int(2)]))`},
	{`nested targets`, `(a, [b, c]), d = e`,
		`Assign([Tuple([Tuple([Name('a'), List([Name('b'), Name('c')])]), Name('d')])], Name('e'))`},
	{`starred assignment`, `a, *b = c; [*a] = b; *a, = b`,
		`Assign([Tuple([Name('a'), Starred(Name('b'))])], Name('c')); Assign([List([Starred(Name('a'))])], Name('b')); Assign([Tuple([Starred(Name('a'))])], Name('b'))`},
	{`attribute and subscript targets`, `a.b = c[d] = e`,
		`Assign([Attribute(Name('a'), 'b'), Subscript(Name('c'), Name('d'))], Name('e'))`},
	{`assignment from tuple with star`, `x = *a, b`,
		`Assign([Name('x')], Tuple([Starred(Name('a')), Name('b')]))`},
	{`augmented assignment`, `x += 1; x -= 1; x *= 1; x /= 1; x //= 1; x %= 1; x **= 1; x <<= 1; x >>= 1; x &= 1; x |= 1; x ^= 1; x @= 1`,
		`AugAssign(Name('x'), '+', Int(1)); AugAssign(Name('x'), '-', Int(1)); AugAssign(Name('x'), '*', Int(1)); AugAssign(Name('x'), '/', Int(1)); AugAssign(Name('x'), '//', Int(1)); AugAssign(Name('x'), '%', Int(1)); AugAssign(Name('x'), '**', Int(1)); AugAssign(Name('x'), '<<', Int(1)); AugAssign(Name('x'), '>>', Int(1)); AugAssign(Name('x'), '&', Int(1)); AugAssign(Name('x'), '|', Int(1)); AugAssign(Name('x'), '^', Int(1)); AugAssign(Name('x'), '@', Int(1))`},
	{`augmented assignment to attribute`, `a.b += 1; a[0] += 1`,
		`AugAssign(Attribute(Name('a'), 'b'), '+', Int(1)); AugAssign(Subscript(Name('a'), Int(0)), '+', Int(1))`},
	{`parenthesized target`, `(a) = 1; (a) += 1`,
		`Assign([Name('a')], Int(1)); AugAssign(Name('a'), '+', Int(1))`},
	{`empty tuple target`, `() = []`,
		`Assign([Tuple([])], List([]))`},
	{`if`, "if a:\n    b\n",
		`If(Name('a'), [ExprStmt(Name('b'))], [])`},
	{`if elif else`, "if a:\n    b\nelif c:\n    d\nelif e:\n    f\nelse:\n    g\n",
		`If(Name('a'), [ExprStmt(Name('b'))], [If(Name('c'), [ExprStmt(Name('d'))], [If(Name('e'), [ExprStmt(Name('f'))], [ExprStmt(Name('g'))])])])`},
	{`while else`, "while a:\n    break\nelse:\n    pass\n",
		`While(Name('a'), [Break()], [Pass()])`},
	{`for`, "for x in y:\n    continue\n",
		`For(Name('x'), Name('y'), [Continue()], [])`},
	{`for tuple target`, "for i, (a, b) in x:\n    pass\n",
		`For(Tuple([Name('i'), Tuple([Name('a'), Name('b')])]), Name('x'), [Pass()], [])`},
	{`for trailing comma target`, "for x, in y:\n    pass\n",
		`For(Tuple([Name('x')]), Name('y'), [Pass()], [])`},
	{`for starred iter`, "for x in *a, b:\n    pass\n",
		`For(Name('x'), Tuple([Starred(Name('a')), Name('b')]), [Pass()], [])`},
	{`for else`, "for x in y:\n    pass\nelse:\n    pass\n",
		`For(Name('x'), Name('y'), [Pass()], [Pass()])`},
	{`one-line bodies`, "if x: y = 1; z = 2\nwhile x: pass\n",
		`If(Name('x'), [Assign([Name('y')], Int(1)), Assign([Name('z')], Int(2))], []); While(Name('x'), [Pass()], [])`},
	{`semicolons`, `a = 1; b = 2;`,
		`Assign([Name('a')], Int(1)); Assign([Name('b')], Int(2))`},
	{`def`, "def f():\n    return\n",
		`FunctionDef('f', Arguments([], [], None, [], [], None), [Return(None)])`},
	{`def parameters`, "def f(a, b=1, *args, c, d=2, **kw):\n    return a\n",
		`FunctionDef('f', Arguments([Arg('a'), Arg('b')], [Int(1)], Arg('args'), [Arg('c'), Arg('d')], [None, Int(2)], Arg('kw')), [Return(Name('a'))])`},
	{`def keyword-only`, "def f(a, *, b, c=1):\n    pass\n",
		`FunctionDef('f', Arguments([Arg('a')], [], None, [Arg('b'), Arg('c')], [None, Int(1)], None), [Pass()])`},
	{`def trailing comma`, "def f(a, b=1, *, c, d=1, **e,):\n    pass\n",
		`FunctionDef('f', Arguments([Arg('a'), Arg('b')], [Int(1)], None, [Arg('c'), Arg('d')], [None, Int(1)], Arg('e')), [Pass()])`},
	{`return values`, "def f():\n    return 1, 2\n    return *a, b\n",
		`FunctionDef('f', Arguments([], [], None, [], [], None), [Return(Tuple([Int(1), Int(2)])), Return(Tuple([Starred(Name('a')), Name('b')]))])`},
	{`nested def`, "def f():\n    def g():\n        nonlocal x\n    global y\n",
		`FunctionDef('f', Arguments([], [], None, [], [], None), [FunctionDef('g', Arguments([], [], None, [], [], None), [Nonlocal(['x'])]), Global(['y'])])`},
	{`class`, "class A:\n    pass\n",
		`ClassDef('A', [], [Pass()])`},
	{`class bases`, "class A(B, C):\n    x = 1\n\n    def f(self):\n        pass\n",
		`ClassDef('A', [Name('B'), Name('C')], [Assign([Name('x')], Int(1)), FunctionDef('f', Arguments([Arg('self')], [], None, [], [], None), [Pass()])])`},
	{`class empty parens`, "class A():\n    pass\n",
		`ClassDef('A', [], [Pass()])`},
	{`import`, "import a\nimport a.b\nimport a.b as c, d\n",
		`Import([Alias('a', '')]); Import([Alias('a.b', '')]); Import([Alias('a.b', 'c'), Alias('d', '')])`},
	{`from import`, "from a import b\nfrom a.b import c as d, e\nfrom a import (b, c,)\nfrom a import (b\n, c)\n",
		`ImportFrom(0, 'a', [Alias('b', '')]); ImportFrom(0, 'a.b', [Alias('c', 'd'), Alias('e', '')]); ImportFrom(0, 'a', [Alias('b', ''), Alias('c', '')]); ImportFrom(0, 'a', [Alias('b', ''), Alias('c', '')])`},
	{`relative import`, "from . import a\nfrom .. b import c\nfrom .a.b import c\nfrom ... import d\n",
		`ImportFrom(1, '', [Alias('a', '')]); ImportFrom(2, 'b', [Alias('c', '')]); ImportFrom(1, 'a.b', [Alias('c', '')]); ImportFrom(3, '', [Alias('d', '')])`},
	{`future import`, "from __future__ import annotations\n",
		`ImportFrom(0, '__future__', [Alias('annotations', '')])`},
	{`positional-only`, "def f(a, b=1, /, c=2): pass\n",
		`FunctionDef('f', Arguments(2, [Arg('a'), Arg('b'), Arg('c')], [Int(1), Int(2)], None, [], [], None), [Pass()])`},
	{`class keywords`, "class A(B, C, metaclass=M, x=1): pass\n",
		`ClassDef('A', [Name('B'), Name('C')], [Keyword('metaclass', Name('M')), Keyword('x', Int(1))], [Pass()])`},
	{`walrus`, "if (n := f()) > 1: pass\nprint(y := 2, [z := 3], a[b := 4])\nwhile c := g(): pass\n",
		`If(Compare(NamedExpr(Name('n'), Call(Name('f'), [], [])), ['>'], [Int(1)]), [Pass()], []); ExprStmt(Call(Name('print'), [NamedExpr(Name('y'), Int(2)), List([NamedExpr(Name('z'), Int(3))]), Subscript(Name('a'), NamedExpr(Name('b'), Int(4)))], [])); While(NamedExpr(Name('c'), Call(Name('g'), [], [])), [Pass()], [])`},
	{`\N escapes`, `'\N{bullet}\N{CJK UNIFIED IDEOGRAPH-4E00}\N{HANGUL SYLLABLE GAG}'; f'{x}\N{EM DASH}'`,
		`ExprStmt(Str('•一각')); ExprStmt(JoinedStr([FormattedValue(Name('x'), None, None), Str('—')]))`},
	{`walrus decorator`, "@d := null\ndef f(): pass\n",
		`FunctionDef('f', Arguments([], [], None, [], [], None), [Pass()], [NamedExpr(Name('d'), Name('null'))])`},
	{`star import`, "from a.b import *\n",
		`ImportFrom(0, 'a.b', [Alias('*', '')])`},
	{`annotated assignment`, "x: int = 1\n(y): List[int]\na.b: str\na[0]: int = 2\n",
		`AnnAssign(Name('x'), Name('int'), Int(1), True); AnnAssign(Name('y'), Subscript(Name('List'), Name('int')), None, False); AnnAssign(Attribute(Name('a'), 'b'), Name('str'), None, False); AnnAssign(Subscript(Name('a'), Int(0)), Name('int'), Int(2), False)`},
	{`annotated def`, "def f(a: int, *b: str, c: float = 1, **d: 'x') -> None: pass\n",
		`FunctionDef('f', Arguments([Arg('a', Name('int'))], [], Arg('b', Name('str')), [Arg('c', Name('float'))], [Int(1)], Arg('d', Str('x'))), [Pass()], NameConst('None'))`},
	{`ellipsis`, "x = ...\ny = a[..., 1]\n",
		`Assign([Name('x')], NameConst('...')); Assign([Name('y')], Subscript(Name('a'), Tuple([NameConst('...'), Int(1)])))`},
	{`with`, "with a:\n    pass\n",
		`With([WithItem(Name('a'), None)], [Pass()])`},
	{`with items`, "with a as b, c as (d, e), f:\n    pass\n",
		`With([WithItem(Name('a'), Name('b')), WithItem(Name('c'), Tuple([Name('d'), Name('e')])), WithItem(Name('f'), None)], [Pass()])`},
	{`with parenthesized items`, "with (a as b, c):\n    pass\n",
		`With([WithItem(Name('a'), Name('b')), WithItem(Name('c'), None)], [Pass()])`},
	{`with tuple`, "with (a, b) as c:\n    pass\n",
		`With([WithItem(Tuple([Name('a'), Name('b')]), Name('c'))], [Pass()])`},
	{`with parenthesized expression`, "with (a):\n    pass\n",
		`With([WithItem(Name('a'), None)], [Pass()])`},
	{`try except`, "try:\n    pass\nexcept:\n    pass\n",
		`Try([Pass()], [ExceptHandler(None, '', [Pass()])], [], [])`},
	{`try full`, "try:\n    pass\nexcept (A, B) as e:\n    pass\nexcept C:\n    pass\nelse:\n    pass\nfinally:\n    pass\n",
		`Try([Pass()], [ExceptHandler(Tuple([Name('A'), Name('B')]), 'e', [Pass()]), ExceptHandler(Name('C'), '', [Pass()])], [Pass()], [Pass()])`},
	{`try finally`, "try:\n    pass\nfinally:\n    pass\n",
		`Try([Pass()], [], [], [Pass()])`},
	{`raise`, "raise\nraise X\nraise X from Y\n",
		`Raise(None, None); Raise(Name('X'), None); Raise(Name('X'), Name('Y'))`},
	{`assert`, "assert x\nassert x, 'msg'\n",
		`Assert(Name('x'), None); Assert(Name('x'), Str('msg'))`},
	{`del`, "del a\ndel a, b[1], c.d\ndel (a, b), [c]\ndel x,\n",
		`Delete([Name('a')]); Delete([Name('a'), Subscript(Name('b'), Int(1)), Attribute(Name('c'), 'd')]); Delete([Tuple([Name('a'), Name('b')]), List([Name('c')])]); Delete([Name('x')])`},
	{`global at module level`, `global x, y`,
		`Global(['x', 'y'])`},
	{`soft keywords as names`, "match = 1\nmatch(x)\ncase = 2\ntype = 3\ntype(x)\n_ = 4\n",
		`Assign([Name('match')], Int(1)); ExprStmt(Call(Name('match'), [Name('x')], [])); Assign([Name('case')], Int(2)); Assign([Name('type')], Int(3)); ExprStmt(Call(Name('type'), [Name('x')], [])); Assign([Name('_')], Int(4))`},
	{`print as a name`, "print\nprint(x)\nprint -1\n",
		`ExprStmt(Name('print')); ExprStmt(Call(Name('print'), [Name('x')], [])); ExprStmt(BinOp(Name('print'), '-', Int(1)))`},
	{`comments and blank lines`, "# c\n\nx = 1  # c\n\n  # c\n\nif x:\n    # c\n\n    y\n# c\n",
		`Assign([Name('x')], Int(1)); If(Name('x'), [ExprStmt(Name('y'))], [])`},
	{`implicit line joining`, "x = (1 +\n     2)\nf(a,\n  b)\n[1,\n\n 2]\n",
		`Assign([Name('x')], BinOp(Int(1), '+', Int(2))); ExprStmt(Call(Name('f'), [Name('a'), Name('b')], [])); ExprStmt(List([Int(1), Int(2)]))`},
	{`explicit line joining`, "x = 1 + \\\n    2\nif a and \\\n   b:\n    pass\n",
		`Assign([Name('x')], BinOp(Int(1), '+', Int(2))); If(BoolOp('and', [Name('a'), Name('b')]), [Pass()], [])`},
	{`tabs`, "if x:\n\ty\n\tif z:\n\t\tw\n",
		`If(Name('x'), [ExprStmt(Name('y')), If(Name('z'), [ExprStmt(Name('w'))], [])], [])`},
	{`no final newline`, "if x:\n    y",
		`If(Name('x'), [ExprStmt(Name('y'))], [])`},
	{`dedent to middle level`, "if a:\n    if b:\n        c\n    d\ne\n",
		`If(Name('a'), [If(Name('b'), [ExprStmt(Name('c'))], []), ExprStmt(Name('d'))], []); ExprStmt(Name('e'))`},
	{`CRLF line endings`, "if x:\r\n    y\r\nz\r\n",
		`If(Name('x'), [ExprStmt(Name('y'))], []); ExprStmt(Name('z'))`},
	{`form feed`, "\fx = 1\n",
		`Assign([Name('x')], Int(1))`},
	{`empty file`, ``,
		``},
	{`only comments`, `# just a comment`,
		``},
	{`BOM`, "\uFEFFx = 1\n",
		`Assign([Name('x')], Int(1))`},
	{`not in precedence`, `not a in b`,
		`ExprStmt(UnaryOp('not', Compare(Name('a'), ['in'], [Name('b')])))`},
	{`await as name is keyword`, `x.y`,
		`ExprStmt(Attribute(Name('x'), 'y'))`},
	{`yield`, "yield\nyield x\nyield x, *y",
		`ExprStmt(Yield(None)); ExprStmt(Yield(Name('x'))); ExprStmt(Yield(Tuple([Name('x'), Starred(Name('y'))])))`},
	{`yield expressions`, "x = yield 1\nx += yield\nf((yield))\nz = (yield)",
		`Assign([Name('x')], Yield(Int(1))); AugAssign(Name('x'), '+', Yield(None)); ExprStmt(Call(Name('f'), [Yield(None)], [])); Assign([Name('z')], Yield(None))`},
	{`yield from`, "yield from g()\nx = yield from y",
		`ExprStmt(YieldFrom(Call(Name('g'), [], []))); Assign([Name('x')], YieldFrom(Name('y')))`},
}

func dumpBody(m *Module) string {
	var stmts []string
	for _, s := range m.Body {
		stmts = append(stmts, Dump(s))
	}
	return strings.Join(stmts, "; ")
}

func TestParse(t *testing.T) {
	for _, test := range parseTests {
		mod, err := Parse("test.py", []byte(test.src))
		if err != nil {
			t.Errorf("%s: Parse(%q) failed: %v", test.desc, test.src, err)
			continue
		}
		if got := dumpBody(mod); got != test.want {
			t.Errorf("%s: Parse(%q)\n got: %s\nwant: %s", test.desc, test.src, got, test.want)
		}
		checkSpans(t, test.desc, mod, test.src)
	}
}

// errorTests are programs that must be rejected; want is "line:col: msg",
// preceded by the kind if it is not SyntaxError.
var errorTests = []struct{ desc, src, want string }{
	{`unterminated string`, "x = 'abc\n",
		`1:5: unterminated string literal (detected at line 1)`},
	{`unterminated string at EOF`, `'abc`,
		`1:1: unterminated string literal (detected at line 1)`},
	{`unterminated triple-quoted string`, "x = '''abc\n\n",
		`1:5: unterminated triple-quoted string literal (detected at line 2)`},
	{`unterminated string after continuation`, "\"abc\\\n",
		`1:1: unterminated string literal (detected at line 1)`},
	{`unterminated f-string`, "f'a\n",
		`1:1: unterminated f-string literal (detected at line 1)`},
	{`unterminated triple-quoted f-string`, `f'''a`,
		`1:1: unterminated triple-quoted f-string literal (detected at line 1)`},
	{`bytes must be ASCII`, `x = b'é'`,
		`1:5: bytes can only contain ASCII literal characters`},
	{`truncated \x escape`, `'\x1'`,
		`1:1: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \xXX escape`},
	{`truncated \x escape in bytes`, `b'\x1'`,
		`1:1: (value error) invalid \x escape at position 0`},
	{`truncated \u escape`, `'\u12'`,
		`1:1: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: truncated \uXXXX escape`},
	{`illegal unicode character`, `'\U00110000'`,
		`1:1: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: illegal Unicode character`},
	{`unknown \N name`, `'\N{NOPE}'`,
		`1:1: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-7: unknown Unicode character name`},
	{`unclosed \N escape`, `'\N{BULLET'`,
		`1:1: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-8: malformed \N character escape`},
	{`bare \N`, `'\N'`,
		`1:1: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: malformed \N character escape`},
	{`empty \N name`, `'ab\N{}'`,
		`1:1: (unicode error) 'unicodeescape' codec can't decode bytes in position 2-4: malformed \N character escape`},
	{`leading zeros`, `0777`,
		`1:1: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers`},
	{`trailing underscore`, `1_`,
		`1:2: invalid decimal literal`},
	{`double underscore`, `1__0`,
		`1:2: invalid decimal literal`},
	{`empty hex`, `0x`,
		`1:2: invalid hexadecimal literal`},
	{`bad hex digit`, `0xg`,
		`1:2: invalid hexadecimal literal`},
	{`bad binary digit`, `0b2`,
		`1:3: invalid digit '2' in binary literal`},
	{`bad octal digit`, `0o8`,
		`1:3: invalid digit '8' in octal literal`},
	{`empty octal`, `x = 0o`,
		`1:6: invalid octal literal`},
	{`binary trailing underscore`, `x = 0b1_`,
		`1:8: invalid binary literal`},
	{`decimal followed by name`, `1abc`,
		`1:1: invalid decimal literal`},
	{`empty exponent`, `1e`,
		`1:1: invalid decimal literal`},
	{`exponent sign without digits`, `1e+`,
		`1:3: invalid decimal literal`},
	{`fraction followed by name`, `x = 1.__class__`,
		`1:6: invalid decimal literal`},
	{`underscore before exponent`, `x = 1_e5`,
		`1:6: invalid decimal literal`},
	{`imaginary in hexadecimal`, `0x1j`,
		`1:3: invalid hexadecimal literal`},
	{`unmatched closer`, `x = )`,
		`1:5: unmatched ')'`},
	{`mismatched closer`, `x = (]`,
		`1:6: closing parenthesis ']' does not match opening parenthesis '('`},
	{`mismatched closer on another line`, "x = (1,\n2]",
		`2:2: closing parenthesis ']' does not match opening parenthesis '(' on line 1`},
	{`never closed`, "foo(1, 2\nx = 3\n",
		`1:4: '(' was never closed`},
	{`never closed at EOF`, "x = [1,\n  2,\n y = 3",
		`1:5: '[' was never closed`},
	{`never closed beats later error`, "y = (\nx = = 1\n",
		`1:5: '(' was never closed`},
	{`earlier error beats never closed`, "x = = 1\ny = (\n",
		`1:5: invalid syntax`},
	{`later tokenizer error wins`, "x = = 1\ny = 'abc\n",
		`2:5: unterminated string literal (detected at line 2)`},
	{`invalid character`, `x = €`,
		`1:5: invalid character '€' (U+20AC)`},
	{`non-printable character`, "x = a b",
		`1:6: invalid non-printable character U+00A0`},
	{`dollar`, `x = $`,
		`1:5: invalid syntax`},
	{`backtick`, "x = `a`",
		`1:5: invalid syntax`},
	{`exclamation`, `x = !a`,
		`1:5: invalid syntax`},
	{`character after line continuation`, `x\ y`,
		`1:3: unexpected character after line continuation character`},
	{`EOF after line continuation`, `x = 1 \`,
		`1:8: unexpected EOF while parsing`},
	{`expected indented block`, "if x:\npass\n",
		`IndentationError 2:1: expected an indented block after 'if' statement on line 1`},
	{`expected indented block after comments`, "if x:\n\n# c\n  \nx\n",
		`IndentationError 5:1: expected an indented block after 'if' statement on line 1`},
	{`expected indented block at EOF`, "if x:\n",
		`IndentationError 1:6: expected an indented block after 'if' statement on line 1`},
	{`expected indented block after for`, "for x in y:\nz",
		`IndentationError 2:1: expected an indented block after 'for' statement on line 1`},
	{`expected indented block after while`, "while 1:\nz",
		`IndentationError 2:1: expected an indented block after 'while' statement on line 1`},
	{`expected indented block after def`, "def f():\nz",
		`IndentationError 2:1: expected an indented block after function definition on line 1`},
	{`expected indented block after class`, "class A:\nz",
		`IndentationError 2:1: expected an indented block after class definition on line 1`},
	{`expected indented block after try`, "try:\nz",
		`IndentationError 2:1: expected an indented block after 'try' statement on line 1`},
	{`expected indented block after except`, "try:\n  x\nexcept:\nz",
		`IndentationError 4:1: expected an indented block after 'except' statement on line 3`},
	{`expected indented block after finally`, "try:\n  x\nfinally:\nz",
		`IndentationError 4:1: expected an indented block after 'finally' statement on line 3`},
	{`expected indented block after with`, "with a:\nz",
		`IndentationError 2:1: expected an indented block after 'with' statement on line 1`},
	{`expected indented block after elif`, "if x:\n  y\nelif z:\nw",
		`IndentationError 4:1: expected an indented block after 'elif' statement on line 3`},
	{`expected indented block after else`, "if x:\n  y\nelse:\nw",
		`IndentationError 4:1: expected an indented block after 'else' statement on line 3`},
	{`expected indented block before dedent`, "def f():\n  if x:\ny",
		`IndentationError 3:1: expected an indented block after 'if' statement on line 2`},
	{`unexpected indent`, "x = 1\n  y = 2\n",
		`IndentationError 2:2: unexpected indent`},
	{`unexpected indent on first line`, "  x = 1\n",
		`IndentationError 1:2: unexpected indent`},
	{`unexpected indent in block`, "if x:\n  y\n   z\n",
		`IndentationError 3:3: unexpected indent`},
	{`unindent mismatch`, "if x:\n    y\n  z\n",
		`IndentationError 3:4: unindent does not match any outer indentation level`},
	{`unindent mismatch end of line`, "if x:\n        y = 1\n    z = 2\n",
		`IndentationError 3:10: unindent does not match any outer indentation level`},
	{`tab error`, "if x:\n\ty\n        z\n",
		`TabError 3:1: inconsistent use of tabs and spaces in indentation`},
	{`tab error on indent`, "if 1:\n        x\n\ty\n",
		`TabError 3:1: inconsistent use of tabs and spaces in indentation`},
	{`unexpected indent beats tab error`, "\tif x:\n        y\n\tz",
		`IndentationError 1:1: unexpected indent`},
	{`invalid syntax`, `x = = 1`,
		`1:5: invalid syntax`},
	{`incomplete expression`, `x = 1 +`,
		`1:8: invalid syntax`},
	{`juxtaposed expressions`, `x = 1 2`,
		`1:7: invalid syntax`},
	{`forgot a comma`, `x = (1 2)`,
		`1:6: invalid syntax. Perhaps you forgot a comma?`},
	{`forgot a comma in call`, `f(a b)`,
		`1:3: invalid syntax. Perhaps you forgot a comma?`},
	{`forgot a comma in subscript`, `x[1 2]`,
		`1:3: invalid syntax. Perhaps you forgot a comma?`},
	{`forgot a comma in list`, `x = [1, 2 3]`,
		`1:9: invalid syntax. Perhaps you forgot a comma?`},
	{`forgot a comma in set`, `x = {1 2}`,
		`1:6: invalid syntax. Perhaps you forgot a comma?`},
	{`forgot a comma in slice`, `x[a:b c]`,
		`1:5: invalid syntax. Perhaps you forgot a comma?`},
	{`forgot a comma in default`, `def f(a=1 2): pass`,
		`1:9: invalid syntax. Perhaps you forgot a comma?`},
	{`no comma hint after name and string`, `f(a 'b')`,
		`1:5: invalid syntax`},
	{`no comma hint after soft keyword`, `(match.a b)`,
		`1:10: invalid syntax`},
	{`no comma hint for conditional`, `(a if b else c d)`,
		`1:16: invalid syntax`},
	{`expected colon`, "if x\n  pass",
		`1:5: expected ':'`},
	{`expected colon forced`, `def f() x`,
		`1:9: expected ':'`},
	{`expected colon after else`, "if 1:\n  x\nelse x",
		`3:6: expected ':'`},
	{`expected colon after except`, "try:\n x\nexcept x\n",
		`3:9: expected ':'`},
	{`expected colon after bare except`, "try:\n x\nexcept\n",
		`3:7: expected ':'`},
	{`no colon gives invalid syntax`, `while x pass`,
		`1:9: invalid syntax`},
	{`expected paren`, `def f:`,
		`1:6: expected '('`},
	{`expected else`, `x = 1 if 2`,
		`1:5: expected 'else' after 'if' expression`},
	{`expected else nested`, `x = a if b else c if d`,
		`1:17: expected 'else' after 'if' expression`},
	{`missing except`, "try:\n  pass\n",
		`2:7: expected 'except' or 'finally' block`},
	{`missing except before statement`, "try:\n  pass\nx = 1\n",
		`3:1: expected 'except' or 'finally' block`},
	{`default except not last`, "try:\n  pass\nexcept:\n  pass\nexcept A:\n  pass\n",
		`3:1: default 'except:' must be last`},
	{`multiple exception types`, "try:\n  pass\nexcept A, B:\n  pass\n",
		`3:8: multiple exception types must be parenthesized`},
	{`double semicolon`, `a = 1;;`,
		`1:7: invalid syntax`},
	{`trailing comma in from import`, `from a import b, c,`,
		`1:20: trailing comma not allowed without surrounding parentheses`},
	{`dotted alias`, `import a as b.c`,
		`1:14: invalid syntax`},
	{`empty import`, `from a import`,
		`1:14: invalid syntax`},
	{`not without in`, `x = a not b`,
		`1:11: invalid syntax`},
	{`attribute number`, `a.1`,
		`1:2: invalid syntax`},
	{`comparison in comprehension iterable`, `[x for x in]`,
		`1:12: invalid syntax`},
	{`lambda in comprehension condition`, `x = [i for i in x if lambda: y]`,
		`1:22: invalid syntax`},
	{`conditional in comprehension condition`, `x = [i for i in a if b else c]`,
		`1:24: invalid syntax`},
	{`dict missing colon`, `x = {1: 2, 3 4}`,
		`1:12: ':' expected after dictionary key`},
	{`dict missing value`, `x = {1: }`,
		`1:7: expression expected after dictionary key and ':'`},
	{`set then dict item`, `x = {1, 3:4}`,
		`1:10: invalid syntax`},
	{`print statement`, `print x`,
		`1:1: Missing parentheses in call to 'print'. Did you mean print(...)?`},
	{`print statement with string`, `print 'a'`,
		`1:1: Missing parentheses in call to 'print'. Did you mean print(...)?`},
	{`exec statement`, `exec 'x'`,
		`1:1: Missing parentheses in call to 'exec'. Did you mean exec(...)?`},
	{`if with assignment`, `if x = 1: pass`,
		`1:4: invalid syntax. Maybe you meant '==' or ':=' instead of '='?`},
	{`while with assignment`, `while x = 1: pass`,
		`1:7: invalid syntax. Maybe you meant '==' or ':=' instead of '='?`},
	{`if with call assignment`, `if f() = 1: pass`,
		`1:4: cannot assign to function call here. Maybe you meant '==' instead of '='?`},
	{`assignment in list`, `x = [a = 1]`,
		`1:6: invalid syntax. Maybe you meant '==' or ':=' instead of '='?`},
	{`attribute assignment in list`, `x = [a.b = 1]`,
		`1:6: cannot assign to attribute here. Maybe you meant '==' instead of '='?`},
	{`assign to call`, `f() = 1`,
		`1:1: cannot assign to function call here. Maybe you meant '==' instead of '='?`},
	{`assign to literal`, `1 = 1`,
		`1:1: cannot assign to literal here. Maybe you meant '==' instead of '='?`},
	{`assign to expression`, `x + 1 = 2`,
		`1:1: cannot assign to expression here. Maybe you meant '==' instead of '='?`},
	{`assign to None`, `None = 1`,
		`1:1: cannot assign to None`},
	{`assign to True in tuple`, `x, None = 1`,
		`1:4: cannot assign to None`},
	{`assign to comparison`, `a < b = 1`,
		`1:1: cannot assign to comparison`},
	{`assign to boolean expression`, `a and b = 1`,
		`1:1: cannot assign to expression`},
	{`assign to not`, `not x = 1`,
		`1:1: cannot assign to expression`},
	{`assign to conditional`, `a if b else c = 1`,
		`1:1: cannot assign to conditional expression`},
	{`assign to lambda`, `lambda: 1 = 1`,
		`1:1: cannot assign to lambda`},
	{`assign to comprehension`, `[x for x in y] = 1`,
		`1:1: cannot assign to list comprehension here. Maybe you meant '==' instead of '='?`},
	{`assign to dict`, `{a: b} = 1`,
		`1:1: cannot assign to dict literal here. Maybe you meant '==' instead of '='?`},
	{`assign to set`, `{a} = 1`,
		`1:1: cannot assign to set display here. Maybe you meant '==' instead of '='?`},
	{`assign to f-string`, `f'{x}' = 1`,
		`1:1: cannot assign to f-string expression here. Maybe you meant '==' instead of '='?`},
	{`assign to literal in chain`, `x = 1 = 2`,
		`1:5: cannot assign to literal`},
	{`tuple with invalid element`, `a, f() = 1`,
		`1:4: cannot assign to function call here. Maybe you meant '==' instead of '='?`},
	{`tuple ending in a name`, `fn, +n, nm, line = tb[i]`,
		`1:13: invalid syntax. Maybe you meant '==' or ':=' instead of '='?`},
	{`chain starting with a name`, `x = a, +b = 1`,
		`1:1: invalid syntax. Maybe you meant '==' or ':=' instead of '='?`},
	{`augmented assignment to call`, `f() += 1`,
		`1:1: 'function call' is an illegal expression for augmented assignment`},
	{`augmented assignment to tuple`, `a, b += 1`,
		`1:1: 'tuple' is an illegal expression for augmented assignment`},
	{`augmented assignment to list`, `[a] += 1`,
		`1:1: 'list' is an illegal expression for augmented assignment`},
	{`augmented assignment chain`, `x += 1 += 2`,
		`1:8: invalid syntax`},
	{`delete call`, `del f()`,
		`1:5: cannot delete function call`},
	{`delete literal`, `del 1`,
		`1:5: cannot delete literal`},
	{`delete in tuple`, `del (a, f())`,
		`1:9: cannot delete function call`},
	{`delete starred`, `del *a`,
		`1:5: cannot delete starred`},
	{`for target call`, `for f() in x: pass`,
		`1:5: cannot assign to function call`},
	{`for target literal`, `for 1 in x: pass`,
		`1:5: cannot assign to literal`},
	{`comprehension target literal`, `x = [x for 1 in y]`,
		`1:12: cannot assign to literal`},
	{`with target literal`, `with a as 1: pass`,
		`1:11: cannot assign to literal`},
	{`starred target alone`, `*a = 1`,
		`1:1: starred assignment target must be in a list or tuple`},
	{`starred for target alone`, `for *a in c: pass`,
		`1:5: starred assignment target must be in a list or tuple`},
	{`multiple starred targets`, `*a, *b = 1`,
		`1:1: multiple starred expressions in assignment`},
	{`starred value`, `x = *a`,
		`1:5: can't use starred expression here`},
	{`starred expression statement`, `*a`,
		`1:1: can't use starred expression here`},
	{`parenthesized starred`, `x = (*a)`,
		`1:6: cannot use starred expression here`},
	{`starred comprehension element`, `x = [*a for b in c]`,
		`1:6: iterable unpacking cannot be used in comprehension`},
	{`dict unpacking in comprehension`, `x = {**a for b in c}`,
		`1:6: dict unpacking cannot be used in dict comprehension`},
	{`positional after keyword`, `f(a=1, b)`,
		`1:9: positional argument follows keyword argument`},
	{`positional after keyword unpacking`, `f(**a, b)`,
		`1:9: positional argument follows keyword argument unpacking`},
	{`unpacking after keyword unpacking`, `f(**a, *b)`,
		`1:8: iterable argument unpacking follows keyword argument unpacking`},
	{`generator not alone`, `f(x for x in y, 1)`,
		`1:3: Generator expression must be parenthesized`},
	{`generator after argument`, `f(1, a for a in b)`,
		`1:6: Generator expression must be parenthesized`},
	{`generator with trailing comma`, `f(a for a in b,)`,
		`1:3: Generator expression must be parenthesized`},
	{`keyword expression`, `f(a.b=1)`,
		`1:3: expression cannot contain assignment, perhaps you meant "=="?`},
	{`keyword True`, `f(True=1)`,
		`1:3: cannot assign to True`},
	{`keyword repeated`, `f(a=1, a=2)`,
		`1:8: keyword argument repeated: a`},
	{`keyword without value`, `f(a=)`,
		`1:3: expected argument value expression`},
	{`parameter without default`, `def f(a=1, b): pass`,
		`1:12: parameter without a default follows parameter with a default`},
	{`lambda parameter without default`, `lambda x=1, y: 0`,
		`1:13: parameter without a default follows parameter with a default`},
	{`bare star`, `def f(*, **k): pass`,
		`1:7: named arguments must follow bare *`},
	{`bare star alone`, `def f(*): pass`,
		`1:7: named arguments must follow bare *`},
	{`lambda bare star`, `lambda *: 0`,
		`1:9: named arguments must follow bare *`},
	{`duplicate parameter`, `def f(a, a): pass`,
		`1:10: duplicate argument 'a' in function definition`},
	{`vararg default`, `def f(*a=1): pass`,
		`1:9: var-positional argument cannot have default value`},
	{`two varargs`, `def f(*a, *b): pass`,
		`1:11: * argument may appear only once`},
	{`parameter after kwargs`, `def f(**k, a): pass`,
		`1:12: arguments cannot follow var-keyword argument`},
	{`double comma in parameters`, `def f(a,,b): pass`,
		`1:9: invalid syntax`},
	{`return outside function`, `return`,
		`1:1: 'return' outside function`},
	{`return in class`, "class A:\n    return 1\n",
		`2:5: 'return' outside function`},
	{`break outside loop`, `break`,
		`1:1: 'break' outside loop`},
	{`break in loop else`, "while x:\n    pass\nelse:\n    break\n",
		`4:5: 'break' outside loop`},
	{`continue outside loop`, "def f():\n    continue\n",
		`2:5: 'continue' not properly in loop`},
	{`nonlocal at module level`, `nonlocal x`,
		`1:1: nonlocal declaration not allowed at module level`},
	{`syntax error beats return outside function`, "return\nx = = 1\n",
		`2:5: invalid syntax`},
	{`f-string empty field`, `f'{}'`,
		`1:4: f-string: valid expression required before '}'`},
	{`f-string bad conversion`, `f'{x!z}'`,
		`1:6: f-string: invalid conversion character 'z': expected 's', 'r', or 'a'`},
	{`f-string long conversion`, `f'{x!rr}'`,
		`1:6: f-string: invalid conversion character 'rr': expected 's', 'r', or 'a'`},
	{`f-string missing conversion`, `f'{x!}'`,
		`1:6: f-string: missing conversion character`},
	{`f-string space before conversion`, `f'{x! r}'`,
		`1:5: f-string: conversion type must come right after the exclamanation mark`},
	{`f-string single brace`, `f'}'`,
		`1:3: f-string: single '}' is not allowed`},
	{`f-string single brace after field`, `f'{x}}'`,
		`1:6: f-string: single '}' is not allowed`},
	{`f-string unclosed field`, `f'{x'`,
		`1:5: f-string: expecting '}'`},
	{`f-string comment`, `f'{x#}'`,
		`1:3: '{' was never closed`},
	{`f-string unmatched paren`, `f'{x)}'`,
		`1:5: f-string: unmatched ')'`},
	{`f-string field needs expression before colon`, `f'{:x}'`,
		`1:4: f-string: valid expression required before ':'`},
	{`f-string field needs expression before bang`, `f'{!r}'`,
		`1:4: f-string: valid expression required before '!'`},
	{`f-string lambda`, `f'{lambda x: 1}'`,
		`1:4: f-string: lambda expressions are not allowed without parentheses`},
	{`f-string nested too deeply`, `f'{x:{y:{z:{w}}}}'`,
		`1:11: f-string: expressions nested too deeply`},
	{`f-string incomplete expression`, `f'{x +}'`,
		`1:6: f-string: expecting '=', or '!', or ':', or '}'`},
	{`f-string debug then garbage`, `f'{a = b}'`,
		`1:8: f-string: expecting '!', or ':', or '}'`},
	{`f-string missing comma`, `f'{x y}'`,
		`1:4: invalid syntax. Perhaps you forgot a comma?`},
	{`f-string starred`, `f'{*x}'`,
		`1:4: can't use starred expression here`},
	{`f-string keyword`, `f'{return x}'`,
		`1:4: f-string: expecting a valid expression after '{'`},
	{`mix bytes and str`, `x = 'a' b'c'`,
		`1:13: cannot mix bytes and nonbytes literals`},
	{`mix bytes and f-string`, `x = f'a' b'c'`,
		`1:14: cannot mix bytes and nonbytes literals`},
	{`yield in an operand`, "def f():\n    x = 1 + yield 2\n",
		"2:13: invalid syntax"},
	{`yield starred`, "def f():\n    yield *a\n",
		"2:11: can't use starred expression here"},
	{`async def`, `async def f(): pass`,
		"1:1: gilscope does not support `async` yet"},
	{`async comprehension`, `[x async for x in y]`,
		"1:4: gilscope does not support `async` yet"},
	{`await`, "def f():\n    await x\n",
		"2:5: gilscope does not support `await` yet"},
	{`decorator on an async def`, "@d\nasync def f(): pass",
		"2:1: gilscope does not support `async` yet"},
	{`decorator on nothing`, "@d\nx = 1\n",
		"2:1: invalid syntax"},
	{`walrus statement`, `x := 1`,
		"1:3: invalid syntax"},
	{`walrus assignment value`, `x = y := 1`,
		"1:7: invalid syntax"},
	{`walrus keyword value`, `f(a=x:=1)`,
		"1:6: invalid syntax"},
	{`walrus attribute`, `[a.b := 1]`,
		"1:2: cannot use assignment expressions with attribute"},
	{`match without a case`, "match x:\n    pass\n",
		"2:5: invalid syntax"},
	{`match star alone`, "match x:\n    case *a:\n        pass\n",
		"2:12: invalid syntax"},
	{`match as underscore`, "match x:\n    case 1 as _:\n        pass\n",
		"2:15: cannot use '_' as a target"},
	{`match keyword then positional`, "match x:\n    case C(a=1, 2):\n        pass\n",
		"2:17: positional patterns follow keyword patterns"},
	{`match f-string`, "match x:\n    case f'{x}':\n        pass\n",
		"2:10: patterns may only match literals and attribute lookups"},
	{`match complex without imaginary`, "match x:\n    case 1+2:\n        pass\n",
		"2:12: imaginary number required in complex literal"},
	{`type alias`, `type X = int`,
		"1:1: gilscope does not support `type` statements yet"},
	{`annotated tuple`, `a, b: int`,
		`1:1: only single target (not tuple) can be annotated`},
	{`annotated list`, `[a]: int`,
		`1:1: only single target (not list) can be annotated`},
	{`annotated call`, `f(): int`,
		`1:1: illegal target for annotation`},
	{`starred parameter annotation`, `def f(*a: *T): pass`,
		"1:11: gilscope does not support starred annotations yet"},
	{`latin-1 source`, "# -*- coding: latin-1 -*-\nx = '\xe9'\n",
		"1:1: gilscope does not support source encodings other than UTF-8 (latin-1) yet"},
	{`slash first`, `def f(/): pass`,
		"1:7: invalid syntax"},
	{`slash twice`, `def f(a, /, b, /): pass`,
		"1:16: / may appear only once"},
	{`slash after star`, `def f(*, a, /): pass`,
		"1:13: / must be ahead of *"},
	{`class kwargs`, `class A(**k): pass`,
		"1:9: gilscope does not support `**` in class definitions yet"},
	{`class base after keyword`, `class A(x=1, B): pass`,
		`1:15: positional argument follows keyword argument`},
	{`class star base`, `class A(*b): pass`,
		`1:9: gilscope does not support unpacking in class bases yet`},
	{`except star`, "try:\n    pass\nexcept* E:\n    pass\n",
		"3:7: gilscope does not support `except*` yet"},
	{`generic function`, `def f[T](x): pass`,
		`1:6: gilscope does not support type parameters yet`},
	{`tuple followed by assignment`, `a, b c = d`,
		`1:6: invalid syntax. Maybe you meant '==' or ':=' instead of '='?`},
	{`tuple followed by attribute assignment`, `a, b c.d = e`,
		`1:6: cannot assign to attribute here. Maybe you meant '==' instead of '='?`},
	{`attribute followed by assignment`, `a.b c = d`,
		`1:5: invalid syntax`},
	{`name and string then comma`, `f((c'), 'Z, y)`,
		`1:5: invalid syntax. Perhaps you forgot a comma?`},
	{`missing comma after conditional`, `[x if c else b'' y for x in z]`,
		`1:14: invalid syntax. Perhaps you forgot a comma?`},
	{`no comma hint after short name`, `(c x)`,
		`1:4: invalid syntax`},
	{`soft keyword prefix`, `(ma x)`,
		`1:5: invalid syntax`},
	{`name statement then set`, `retu{n x}`,
		`1:6: invalid syntax. Perhaps you forgot a comma?`},
	{`unclosed brace after statement`, "retu{n x\ny = 1\n",
		`1:5: '{' was never closed`},
	{`lookahead into unclosed brace`, "impor{t sys\nfrom . import main\n",
		`1:6: '{' was never closed`},
	{`keyword value with assignment`, `f(k=a=1)`,
		`1:6: invalid syntax`},
	{`dict value with assignment`, `x = {1: 2 = 3}`,
		`1:11: invalid syntax`},
	{`conditional before colon`, `x = a if b: pass`,
		`1:11: invalid syntax`},
	{`not after import dot`, `from .not import x`,
		`1:7: invalid syntax`},
	{`not after operand`, `x = a not b`,
		`1:11: invalid syntax`},
	{`truncated escape after non-ASCII`, `'é\x1'`,
		`1:1: (unicode error) 'unicodeescape' codec can't decode bytes in position 10-12: truncated \xXX escape`},
	{`comma hint inside unclosed bracket`, "x = (1 2\ny = 3\n",
		`1:5: '(' was never closed`},
	{`assignment inside unclosed bracket`, "x = [a = 1\ny\n",
		`1:5: '[' was never closed`},
	{`positional argument before colon`, `f(a=1, b:c)`,
		`1:9: positional argument follows keyword argument`},
	{`docstring followed by if`, "'''doc'''  if x:\n    pass\n",
		`1:16: invalid syntax`},
}

// errorString formats err as errorTests expects.
func errorString(err error) string {
	e, ok := err.(*Error)
	if !ok {
		return fmt.Sprintf("not an *Error: %v", err)
	}
	s := fmt.Sprintf("%d:%d: %s", e.Pos.Line, e.Pos.Col, e.Msg)
	if e.Kind != SyntaxError {
		s = e.Kind.String() + " " + s
	}
	return s
}

func TestParseErrors(t *testing.T) {
	for _, test := range errorTests {
		_, err := Parse("test.py", []byte(test.src))
		if err == nil {
			t.Errorf("%s: Parse(%q) succeeded, want error %s", test.desc, test.src, test.want)
			continue
		}
		if got := errorString(err); got != test.want {
			t.Errorf("%s: Parse(%q)\n got: %s\nwant: %s", test.desc, test.src, got, test.want)
		}
	}
}

// checkSpans checks that every node of the tree has a plausible span:
// inside the source, not ending before it starts, and inside its parent.
func checkSpans(t *testing.T, desc string, mod *Module, src string) {
	t.Helper()
	lines := int32(strings.Count(string(normalizeNewlines([]byte(src))), "\n") + 2)
	var visit func(v reflect.Value, outer Node)
	visit = func(v reflect.Value, outer Node) {
		switch v.Kind() {
		case reflect.Interface, reflect.Pointer:
			if v.IsNil() {
				return
			}
			if n, ok := v.Interface().(Node); ok {
				start, end := n.Span()
				ostart, oend := outer.Span()
				switch {
				case start.Line < 1 || start.Col < 1 || end.Line > lines:
					t.Errorf("%s: %T has span %v-%v outside the source", desc, n, start, end)
				case before(end, start):
					t.Errorf("%s: %T has span %v-%v that ends before it starts", desc, n, start, end)
				case before(start, ostart) || before(oend, end):
					t.Errorf("%s: %T has span %v-%v outside its parent %T %v-%v", desc, n, start, end, outer, ostart, oend)
				}
				outer = n
			}
			visit(v.Elem(), outer)
		case reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				if v.Type().Field(i).Name == "Decorators" {
					// The lines above a def or class, outside its span (and the
					// module's, which starts at its first statement's keyword).
					for j := 0; j < v.Field(i).Len(); j++ {
						d := v.Field(i).Index(j)
						visit(d.Elem(), d.Interface().(Node))
					}
					continue
				}
				visit(v.Field(i), outer)
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				visit(v.Index(i), outer)
			}
		}
	}
	visit(reflect.ValueOf(mod), mod)
}

// TestSpanReadsNoChild checks that Span takes constant time: every node
// (but the Module, which is never nested) answers from its own positions, so
// a copy of it whose child nodes are all removed has the same span.
func TestSpanReadsNoChild(t *testing.T) {
	holdsNodes := func(f reflect.Type) bool {
		switch f.Kind() {
		case reflect.Interface, reflect.Slice, reflect.Pointer:
			return f != posesType
		}
		return false
	}
	check := func(desc string, n Node) {
		defer func() {
			if r := recover(); r != nil {
				t.Errorf("%s: %T.Span reads a child: %v", desc, n, r)
			}
		}()
		bare := reflect.New(reflect.TypeOf(n).Elem())
		bare.Elem().Set(reflect.ValueOf(n).Elem())
		for i := 0; i < bare.Elem().NumField(); i++ {
			if f := bare.Elem().Field(i); holdsNodes(f.Type()) {
				f.SetZero()
			}
		}
		got0, got1 := bare.Interface().(Node).Span()
		if want0, want1 := n.Span(); got0 != want0 || got1 != want1 {
			t.Errorf("%s: %T.Span reads a child: %v-%v without children, %v-%v with", desc, n, got0, got1, want0, want1)
		}
	}
	tests := append(parseTests[:len(parseTests):len(parseTests)], struct{ desc, src, want string }{"big program", string(bigProgram(4 << 10)), ""})
	for _, test := range tests {
		mod, err := Parse("test.py", []byte(test.src))
		if err != nil {
			t.Fatalf("%s: %v", test.desc, err)
		}
		var visit func(v reflect.Value)
		visit = func(v reflect.Value) {
			switch v.Kind() {
			case reflect.Interface, reflect.Pointer:
				if v.IsNil() {
					return
				}
				if n, ok := v.Interface().(Node); ok && v.Kind() == reflect.Pointer && n != Node(mod) {
					check(test.desc, n)
				}
				visit(v.Elem())
			case reflect.Struct:
				for i := 0; i < v.NumField(); i++ {
					visit(v.Field(i))
				}
			case reflect.Slice:
				for i := 0; i < v.Len(); i++ {
					visit(v.Index(i))
				}
			}
		}
		visit(reflect.ValueOf(mod))
	}
}

func before(a, b Pos) bool { return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col }

func TestPositions(t *testing.T) {
	src := "x = f(a, b)\nif x:\n    y = -z ** 2\ndef g(p):\n    return [q\n            for q in p]\ns = 'é' f'{x!r}'\n"
	mod, err := Parse("test.py", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	assign := mod.Body[0].(*Assign)
	call := assign.Value.(*Call)
	ifStmt := mod.Body[1].(*If)
	unary := ifStmt.Body[0].(*Assign).Value.(*UnaryOp)
	def := mod.Body[2].(*FunctionDef)
	comp := def.Body[0].(*Return).Value.(*ListComp)
	str := mod.Body[3].(*Assign).Value.(*JoinedStr)
	for _, test := range []struct {
		what       string
		node       Node
		start, end Pos
	}{
		{"x", assign.Targets[0], Pos{1, 1}, Pos{1, 2}},
		{"call", call, Pos{1, 5}, Pos{1, 12}},
		{"argument b", call.Args[1], Pos{1, 10}, Pos{1, 11}},
		{"assignment", assign, Pos{1, 1}, Pos{1, 12}},
		{"if statement", ifStmt, Pos{2, 1}, Pos{3, 16}},
		{"unary minus", unary, Pos{3, 9}, Pos{3, 16}},
		{"power", unary.Operand, Pos{3, 10}, Pos{3, 16}},
		{"def", def, Pos{4, 1}, Pos{6, 24}},
		{"comprehension", comp, Pos{5, 12}, Pos{6, 24}},
		{"joined string", str, Pos{7, 5}, Pos{7, 17}},
	} {
		start, end := test.node.Span()
		if start != test.start || end != test.end {
			t.Errorf("%s: span %v-%v, want %v-%v", test.what, start, end, test.start, test.end)
		}
	}
	if def.End.Line != 6 {
		t.Errorf("def End.Line = %d, want 6", def.End.Line)
	}
	if got := unary.Operand.(*BinOp).OpPos; got != (Pos{3, 12}) {
		t.Errorf("** OpPos = %v, want 3:12", got)
	}
	if got := comp.Generators[0].ForPos; got != (Pos{6, 13}) {
		t.Errorf("for ForPos = %v, want 6:13", got)
	}
}

func TestError(t *testing.T) {
	_, err := Parse("prog.py", []byte("x = = 1\n"))
	if got, want := err.Error(), "prog.py:1:5: invalid syntax"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

// TestPretty compares Pretty with what CPython 3.12 prints for an
// uncaught SyntaxError in prog.py.
func TestPretty(t *testing.T) {
	for _, test := range []struct{ src, want string }{
		{"x = = 1\n", `  File "prog.py", line 1
    x = = 1
        ^
SyntaxError: invalid syntax
`},
		{"if x:\n    y\n  z\n", `  File "prog.py", line 3
    z
     ^
IndentationError: unindent does not match any outer indentation level
`},
		{"f() = 1\n", `  File "prog.py", line 1
    f() = 1
    ^^^
SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?
`},
		{"x = (1,\n", `  File "prog.py", line 1
    x = (1,
        ^
SyntaxError: '(' was never closed
`},
		{"if x:\npass\n", `  File "prog.py", line 2
    pass
    ^
IndentationError: expected an indented block after 'if' statement on line 1
`},
		{"\tif x:\n\t\tx = = 1\n", `  File "prog.py", line 1
    if x:
IndentationError: unexpected indent
`},
		{"x = (1 2)\n", `  File "prog.py", line 1
    x = (1 2)
         ^^^
SyntaxError: invalid syntax. Perhaps you forgot a comma?
`},
		{"print x\n", `  File "prog.py", line 1
    print x
    ^^^^^^^
SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?
`},
		{"if True:\r\n\tx = $\r\n", `  File "prog.py", line 2
    x = $
        ^
SyntaxError: invalid syntax
`},
	} {
		_, err := Parse("prog.py", []byte(test.src))
		if err == nil {
			t.Errorf("Parse(%q) succeeded", test.src)
			continue
		}
		if got := err.(*Error).Pretty([]byte(test.src)); got != test.want {
			t.Errorf("Parse(%q): Pretty:\n%s\nwant:\n%s", test.src, got, test.want)
		}
	}
}

// TestTestdata parses the Python scripts under ../testdata. Those under
// a directory named "syntax" must be rejected, with the error display that
// their comments record for CPython 3.12; all others must parse.
func TestTestdata(t *testing.T) {
	files, err := filepath.Glob("../testdata/*/*.py")
	if err != nil {
		t.Fatal(err)
	}
	more, _ := filepath.Glob("../testdata/*.py")
	for _, file := range append(files, more...) {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		_, err = Parse(file, src)
		// A compiler's error (a match statement's) is not the parser's.
		wantErr := filepath.Base(filepath.Dir(file)) == "syntax" && !strings.HasPrefix(string(src), "# A compile error")
		switch {
		case wantErr && err == nil:
			t.Errorf("%s: parsed without error", file)
		case !wantErr && err != nil:
			t.Errorf("%v", err)
		case wantErr:
			want := recordedStderr(string(src), "3.12")
			e := err.(*Error)
			e.Filename = ".../vm/testdata/syntax/" + filepath.Base(file)
			if got := e.Pretty(src); want != "" && got != want {
				t.Errorf("%s: got\n%s\nwant\n%s", file, got, want)
			}
		}
	}
}

// recordedStderr extracts from the comments of a testdata script the
// stderr recorded for the given Python version, in this form:
//
//	# --- python 3.11 and 3.12 (exit 1, stdout empty):
//	#     File "...", line 3
//	#   SyntaxError: invalid syntax
func recordedStderr(src, version string) string {
	var b strings.Builder
	in := false
	for _, line := range strings.Split(src, "\n") {
		switch {
		case strings.HasPrefix(line, "# --- python "):
			if in {
				return b.String()
			}
			in = strings.Contains(line, version)
		case in && strings.HasPrefix(line, "#   "):
			b.WriteString(strings.TrimPrefix(line, "#   ") + "\n")
		case in:
			return b.String()
		}
	}
	return b.String()
}

// TestLimits checks that deeply nested input is rejected with an error
// rather than exhausting the stack.
func TestLimits(t *testing.T) {
	indented := func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "%sif x:\n", strings.Repeat(" ", i))
		}
		fmt.Fprintf(&b, "%spass\n", strings.Repeat(" ", n))
		return b.String()
	}
	for _, test := range []struct {
		desc, src, want string
	}{
		{"200 parentheses", strings.Repeat("(", 200) + strings.Repeat(")", 200), ""},
		{"201 parentheses", strings.Repeat("(", 201) + strings.Repeat(")", 201), "1:201: too many nested parentheses"},
		{"deep brackets", strings.Repeat("[{(", 100000), "1:201: too many nested parentheses"},
		{"unary chain", "x = " + strings.Repeat("-", 100000) + "1", "1:305: too many nested expressions"},
		{"not chain", "x = " + strings.Repeat("not ", 100000) + "1", "1:1205: too many nested expressions"},
		{"power chain", "x = 2" + strings.Repeat(" ** 2", 100000), "1:1505: too many nested expressions"},
		{"conditional chain", "x = 1" + strings.Repeat(" if 1 else 1", 100000), "1:3605: too many nested expressions"},
		{"lambda chain", "x = " + strings.Repeat("lambda: ", 100000) + "1", "1:2405: too many nested expressions"},
		{"nested f-strings", strings.Repeat("f'{", 200) + "1" + strings.Repeat("}'", 200), "1:451: too many nested f-strings"},
		{"99 indentation levels", indented(99), ""},
		{"100 indentation levels", indented(100), "IndentationError 101:1: too many levels of indentation"},
		{"long line", "x = [" + strings.Repeat("1, ", 100000) + "]", ""},
		{"long sum", "x = 1" + strings.Repeat(" + 1", 100000), ""},
		{"long chain", "x = a" + strings.Repeat(".b[0]()", 100000), ""},
		{"long elif chain", "if x: pass\n" + strings.Repeat("elif x: pass\n", 100000), ""},
		{"long dotted name", "import a" + strings.Repeat(".a", 100000), ""},
		{"4300 digits", "x = " + strings.Repeat("7", 4300), ""},
		{"4301 digits", "x = 1 + " + strings.Repeat("7", 4301), "1:9: Exceeds the limit (4300 digits) for integer string conversion: " +
			"value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit - " +
			"Consider hexadecimal for huge integer literals to avoid decimal conversion limits."},
		{"long hexadecimal literal", "x = 0x" + strings.Repeat("f", 100000), ""},
		{"long string", "x = '" + strings.Repeat("a", 1<<20) + "'", ""},
	} {
		_, err := Parse("test.py", []byte(test.src))
		got := ""
		if err != nil {
			got = errorString(err)
		}
		if got != test.want {
			t.Errorf("%s: got %q, want %q", test.desc, got, test.want)
		}
	}
}

// bigProgram returns a valid program of about n bytes.
func bigProgram(n int) []byte {
	const chunk = `def f%d(a, b=1, *args, **kw):
    """Docstring."""
    total = 0
    for i, (x, y) in enumerate(zip(a, args)):
        if x > y and not kw.get('skip'):
            total += x ** 2 - y // 3
        elif x == y:
            continue
        else:
            total -= {k: v for k, v in kw.items() if v}.get(i, 0)
    try:
        s = f"{total!r:>10} {a[1:2]} {b}"
    except (KeyError, ValueError) as e:
        raise RuntimeError("bad") from e
    return [t * 2 for t in range(total) if t % 2], s

`
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(strings.Replace(chunk, "%d", fmt.Sprint(i), 1))
	}
	return []byte(b.String())
}

func TestParseSpeed(t *testing.T) {
	src := bigProgram(100 << 10)
	start := time.Now()
	if _, err := Parse("big.py", src); err != nil {
		t.Fatal(err)
	}
	// A generous bound: this takes a few milliseconds, but tests may run
	// on a slow, loaded machine or with the race detector.
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("parsing %d bytes took %v", len(src), d)
	}
}

func BenchmarkParse(b *testing.B) {
	src := bigProgram(100 << 10)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := Parse("big.py", src); err != nil {
			b.Fatal(err)
		}
	}
}
