package compile_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/gilscope/gilscope/vm/compile"
	"github.com/gilscope/gilscope/vm/syntax"
)

func TestEveryOpcodeHasAName(t *testing.T) {
	for op := compile.Opcode(0); int(op) < len(compile.Names); op++ {
		if compile.Names[op] == "" {
			t.Errorf("opcode %d has no name", op)
		}
	}
}

func compileFunc(t *testing.T, src string) *compile.Funcode {
	t.Helper()
	m, err := syntax.Parse("t.py", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	p, err := compile.Compile(m, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range p.Toplevel.Consts {
		if fc, ok := c.(*compile.Funcode); ok {
			return fc
		}
	}
	t.Fatal("no function")
	return nil
}

func opNames(fc *compile.Funcode) string {
	var names []string
	for _, in := range fc.Instructions() {
		names = append(names, in.Op.String())
	}
	return strings.Join(names, " ")
}

// The instruction sequences below are what python3.12 -m dis prints for the same
// functions (inline caches aside): the GIL's check points depend on them.
func TestCompileMatchesCPython312(t *testing.T) {
	tests := []struct {
		desc, src, want string
	}{
		{"countdown loop: test duplicated at the bottom, nine instructions per iteration",
			"def countdown(n):\n    while n > 0:\n        n -= 1\n",
			"RESUME LOAD_FAST LOAD_CONST COMPARE_OP POP_JUMP_IF_FALSE LOAD_FAST LOAD_CONST BINARY_OP STORE_FAST " +
				"LOAD_FAST LOAD_CONST COMPARE_OP POP_JUMP_IF_FALSE JUMP_BACKWARD RETURN_CONST"},
		{"global counter increment: no check point inside counter += 1",
			"def work():\n    global counter\n    for i in range(N):\n        counter += 1\n",
			"RESUME LOAD_GLOBAL LOAD_GLOBAL CALL GET_ITER FOR_ITER STORE_FAST LOAD_GLOBAL LOAD_CONST BINARY_OP " +
				"STORE_GLOBAL JUMP_BACKWARD END_FOR RETURN_CONST"},
		{"method call uses LOAD_ATTR's method form and KW_NAMES",
			"def f(x):\n    x.append(1, key=2)\n",
			"RESUME LOAD_FAST LOAD_ATTR LOAD_CONST LOAD_CONST KW_NAMES CALL POP_TOP RETURN_CONST"},
		{"decorators: pushed first, then applied innermost first with CALL 0",
			"def outer():\n    @d\n    @e(1)\n    def f(): pass\n    return f\n",
			"RESUME LOAD_GLOBAL LOAD_GLOBAL LOAD_CONST CALL LOAD_CONST MAKE_FUNCTION CALL CALL STORE_FAST " +
				"LOAD_FAST RETURN_VALUE"},
		{"generator: RETURN_GENERATOR, yield as an expression, RESUME 1 after it, PEP 479 handler",
			"def g(a):\n    x = yield a\n    yield\n",
			"RETURN_GENERATOR POP_TOP RESUME LOAD_FAST YIELD_VALUE RESUME STORE_FAST LOAD_CONST YIELD_VALUE " +
				"RESUME POP_TOP RETURN_CONST CALL_INTRINSIC_1 RERAISE"},
		{"yield from: the SEND loop (CLEANUP_THROW before END_SEND rather than at the end)",
			"def g(a):\n    r = yield from a\n    return r\n",
			"RETURN_GENERATOR POP_TOP RESUME LOAD_FAST GET_YIELD_FROM_ITER LOAD_CONST SEND YIELD_VALUE RESUME " +
				"JUMP_BACKWARD_NO_INTERRUPT CLEANUP_THROW END_SEND STORE_FAST LOAD_FAST RETURN_VALUE " +
				"CALL_INTRINSIC_1 RERAISE"},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			if got := opNames(compileFunc(t, tt.src)); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// TestGenexprIsAGenerator checks a generator expression's code against python3.12 -m
// dis, its exception table included.
func TestGenexprIsAGenerator(t *testing.T) {
	src := "def f(y):\n    return (x for x in y if x)\n"
	var genexpr *compile.Funcode
	for _, c := range compileFunc(t, src).Consts {
		if fc, ok := c.(*compile.Funcode); ok {
			genexpr = fc
		}
	}
	if genexpr == nil || !genexpr.IsGenerator {
		t.Fatal("no generator code for the generator expression")
	}
	want := "RETURN_GENERATOR POP_TOP RESUME LOAD_FAST FOR_ITER STORE_FAST LOAD_FAST POP_JUMP_IF_TRUE " +
		"JUMP_BACKWARD LOAD_FAST YIELD_VALUE RESUME POP_TOP JUMP_BACKWARD END_FOR RETURN_CONST " +
		"CALL_INTRINSIC_1 RERAISE"
	if got := opNames(genexpr); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	out := compile.Disassemble(genexpr)
	var lines []string
	for _, l := range strings.Split(out, "\n") {
		lines = append(lines, strings.Join(strings.Fields(l), " "))
	}
	listing := strings.Join(lines, "\n")
	for _, want := range []string{
		"0 RETURN_GENERATOR\n",
		"YIELD_VALUE 1\n",
		"RESUME 1\n",
		"CALL_INTRINSIC_1 3 (INTRINSIC_STOPITERATION_ERROR)\n",
		"RERAISE 1\n",
		"4 to 30 -> 32 [0] lasti", // from RESUME, as CPython's
	} {
		if !strings.Contains(listing, want) {
			t.Errorf("listing lacks %q:\n%s", want, out)
		}
	}
}

func TestDisassembleReadsLikeDis(t *testing.T) {
	fc := compileFunc(t, "def countdown(n):\n    while n > 0:\n        n -= 1\n")
	out := compile.Disassemble(fc)
	for _, want := range []string{"LOAD_FAST                     0 (n)", "BINARY_OP                    23 (-=)",
		"COMPARE_OP                   68 (>)", "JUMP_BACKWARD", "RETURN_CONST                  0 (None)"} {
		if !strings.Contains(out, want) {
			t.Errorf("disassembly lacks %q:\n%s", want, out)
		}
	}
}

// nested returns depth statements opened by header(i), each inside the previous
// one, around body.
func nested(depth int, header func(i int) string, body string) string {
	var b strings.Builder
	for i := 0; i < depth; i++ {
		b.WriteString(strings.Repeat(" ", i) + header(i))
	}
	return b.String() + strings.Repeat(" ", depth) + body
}

// TestCompileLimits checks the bounds on block nesting (CPython's, with its message
// and location: an except body counts twice) and on the size of the bytecode.
func TestCompileLimits(t *testing.T) {
	loop := func(i int) string { return [...]string{"for x in y:\n", "while x:\n", "with a:\n"}[i%3] }
	try := func(clause string) func(int) string {
		return func(i int) string {
			return "try:\n" + strings.Repeat(" ", i) + " pass\n" + strings.Repeat(" ", i) + clause + ":\n"
		}
	}
	for _, test := range []struct {
		desc, src, want string
	}{
		{"20 nested blocks", nested(20, loop, "pass\n"), ""},
		{"21 nested blocks", nested(21, loop, "pass\n"), "m.py:21:21: too many statically nested blocks"},
		{"21 with items", "with " + strings.Repeat("a, ", 20) + "a: pass\n", "m.py:1:1: too many statically nested blocks"},
		{"10 nested except bodies", nested(10, try("except"), "pass\n"), ""},
		{"11 nested except bodies", nested(11, try("except"), "pass\n"), "m.py:31:11: too many statically nested blocks"},
		{"12 nested finally bodies", nested(12, try("finally"), "x = 1\n"), ""},
		{"16 nested finally bodies", nested(16, try("finally"), "x = 1\n"),
			"m.py:46:16: program too large: more than 71152 bytecode instructions"},
	} {
		if got := compileError(t, test.desc, test.src); got != test.want {
			t.Errorf("%s: got %q, want %q", test.desc, got, test.want)
		}
	}
}

// TestConstantsKeepTheirTypes checks that equal-looking constants of different types
// get different slots.
func TestConstantsKeepTheirTypes(t *testing.T) {
	const big = "1267650600228229401496703205376" // 2**100
	fc := compileFunc(t, "def f(g):\n    g(a=1)\n    return 'big:"+big+"', "+big+", 'kw:a'\n")
	seen := map[string]bool{}
	for _, c := range fc.Consts {
		key := fmt.Sprintf("%T %v", c, c)
		if seen[key] {
			t.Errorf("constant %s appears twice", key)
		}
		seen[key] = true
	}
	if len(fc.Consts) != 6 {
		t.Errorf("got constants %v, want 6: None, 1, ('a',) and the three returned", fc.Consts)
	}
}

// TestNestingBound checks that a tree deeper than any the parser accepts is refused
// with a located error, not compiled by unbounded recursion.
func TestNestingBound(t *testing.T) {
	var e syntax.Expr = &syntax.Name{NamePos: syntax.Pos{Line: 1, Col: 10001}, End: syntax.Pos{Line: 1, Col: 10002}, Id: "x"}
	for i := 10000; i > 0; i-- {
		e = &syntax.UnaryOp{OpPos: syntax.Pos{Line: 1, Col: int32(i)}, End: syntax.Pos{Line: 1, Col: 10002}, Op: "-", Operand: e}
	}
	m := &syntax.Module{Filename: "m.py", Body: []syntax.Stmt{&syntax.ExprStmt{Value: e}}}
	_, err := compile.Compile(m, []byte(strings.Repeat("-", 10000)+"x\n"))
	if want := "m.py:1:5001: too many nested expressions"; err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}

// TestArgReprs checks the listing's argument descriptions: a long constant is cut
// short, and cell and free variables are named by their index.
func TestArgReprs(t *testing.T) {
	long := strings.Repeat("é", 1000)
	fc := compileFunc(t, "def f(a):\n    b = 'short'\n    c = '"+long+"'\n    def g():\n        nonlocal a\n        return a, b, c, d\n    d = 1\n    return c\n")
	var got []string
	for _, in := range fc.Instructions() {
		switch in.Op {
		case compile.LOAD_CONST, compile.MAKE_CELL, compile.LOAD_DEREF, compile.STORE_DEREF:
			got = append(got, in.ArgRepr)
		}
	}
	cut := `"` + strings.Repeat("é", 76) + "..."
	want := []string{"a", "b", "c", "d", `"short"`, "b", cut, "c", "<code object g, line 4>", "1", "d", "c"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	var inner *compile.Funcode
	for _, c := range fc.Consts {
		if g, ok := c.(*compile.Funcode); ok {
			inner = g
		}
	}
	got = nil
	for _, in := range inner.Instructions() {
		if in.Op == compile.LOAD_DEREF {
			got = append(got, in.ArgRepr)
		}
	}
	if want := "a b c d"; strings.Join(got, " ") != want {
		t.Errorf("free variables: got %q, want %s", got, want)
	}
}

// compileError parses and compiles src, which must parse, and returns the
// compiler's error as "file:line:col: msg", or "".
func compileError(t *testing.T, desc, src string) string {
	t.Helper()
	m, err := syntax.Parse("m.py", []byte(src))
	if err != nil {
		t.Fatalf("%s: %v", desc, err)
	}
	if _, err := compile.Compile(m, []byte(src)); err != nil {
		return err.Error()
	}
	return ""
}

// TestCompileErrorsLikeCPython checks the errors CPython's compiler (not its
// parser) reports, with their locations.
func TestCompileErrorsLikeCPython(t *testing.T) {
	for _, test := range []struct {
		desc, src, want string
	}{
		{"walrus rebinds iteration variable", "values = [1]\n[i := 0 for i in values]\n",
			"m.py:2:2: assignment expression cannot rebind comprehension iteration variable 'i'"},
		{"walrus in class comprehension", "class C:\n    v = [(y := i) for i in range(3)]\n",
			"m.py:2:11: assignment expression within a comprehension cannot be used in a class body"},
		{"import star in function", "def f():\n    from math import *\n",
			"m.py:2:22: import * only allowed at module level"},
		{"late future import", "x = 1\nfrom __future__ import annotations\n",
			"m.py:2:1: from __future__ imports must occur at the beginning of the file"},
		{"future braces", "from __future__ import braces\n", "m.py:1:1: not a chance"},
		{"unknown future", "from __future__ import nope\n", "m.py:1:1: future feature nope is not defined"},
		{"nonlocal in class body", "def f():\n    x = 1\n    class C:\n        nonlocal x\n",
			"m.py:4:9: gilscope does not support `nonlocal` in a class body yet"},
		{"starred index", "a = {}\nb = ()\na[*b]\n", ""},
		{"future after docstring", "'doc'\nfrom __future__ import annotations\nx: int\n", ""},
	} {
		if got := compileError(t, test.desc, test.src); got != test.want {
			t.Errorf("%s: got %q, want %q", test.desc, got, test.want)
		}
	}
}
