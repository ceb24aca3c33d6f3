// Package compile turns a parsed module into CPython-3.12-like bytecode.
//
// Compile is the entry point. The resolver (resolve.go) decides how each name is
// reached; the code generator here walks the tree once per function, emitting
// instructions with their source positions, an exception table and the maximum stack
// depth. The layout of the output follows CPython closely enough that a disassembly of a
// simple function reads like `python3.12 -m dis`; the differences are listed in
// docs/language.md.
package compile

import (
	"fmt"
	"math/big"
	"sort"
	"strings"

	"github.com/gilscope/gilscope/vm/syntax"
)

// Compile compiles a parsed module. Errors are *syntax.Error values with positions.
func Compile(m *syntax.Module, src []byte) (prog *Program, err error) {
	return compileModule(m, src, false)
}

// CompileEval compiles a module made by syntax.ParseEval: its code returns the value
// of its one expression, as the code of compile(…, "eval") does.
func CompileEval(m *syntax.Module, src []byte) (prog *Program, err error) {
	return compileModule(m, src, true)
}

func compileModule(m *syntax.Module, src []byte, eval bool) (prog *Program, err error) {
	future, err := futureImports(m)
	if err != nil {
		return nil, withFile(err, m.Filename)
	}
	scopes, top, err := resolveModule(m, future)
	if err != nil {
		return nil, withFile(err, m.Filename)
	}
	c := &compiler{scopes: scopes, filename: m.Filename, maxCode: maxCodePerByte*len(src) + minMaxCode, future: future}
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(*syntax.Error)
			if !ok {
				panic(r)
			}
			prog, err = nil, withFile(e, m.Filename)
		}
	}()
	fc := c.funcode(top, "<module>", "<module>", 1, nil, func() {
		if eval {
			c.expr(m.Body[0].(*syntax.ExprStmt).Value)
			c.emit(RETURN_VALUE, 0)
			return
		}
		c.setupAnnotations(m.Body)
		c.stmts(m.Body)
		c.returnNone()
	})
	fc.IsModule = true
	return &Program{Filename: m.Filename, Lines: splitLines(src), Toplevel: fc}, nil
}

func withFile(err error, filename string) error {
	if e, ok := err.(*syntax.Error); ok && e.Filename == "" {
		e.Filename = filename
	}
	return err
}

func splitLines(src []byte) []string {
	s := strings.ReplaceAll(string(src), "\r\n", "\n")
	return strings.Split(s, "\n")
}

// label is a jump target; refs are the instructions that jump to it before it is bound.
type label struct {
	pc    int
	refs  []int
	depth int // stack depth on arrival by a jump, or -1
}

// hblock is an active exception handler while the code it protects is emitted.
type hblock struct {
	target *label
	depth  int
	lasti  bool
}

type fbKind int

const (
	fbWhile fbKind = iota
	fbFor
	fbTry        // a try body with except clauses
	fbFinally    // a try body with a finally clause
	fbFinallyEnd // a finally body on the exceptional path
	fbHandler    // an except clause body
	fbWith       // a with body
)

// fblock is an enclosing construct that break, continue and return must unwind.
type fblock struct {
	kind      fbKind
	brk, cont *label
	hlen      int           // len(handlers) outside this block
	final     []syntax.Stmt // fbFinally
	name      string        // fbHandler: the `as` name to clear
}

// maxBlocks bounds the nesting of loops, try, with and except blocks in a function,
// as CPython's CO_MAXBLOCKS does. A finally body is compiled once for each way out of
// its try (as in CPython), so nesting try-finally doubles the code at each level.
const maxBlocks = 20

// weight is the number of CPython blocks an fblock stands for: an except clause's
// body is inside two (EXCEPTION_HANDLER and HANDLER_CLEANUP).
func (fb *fblock) weight() int {
	if fb.kind == fbHandler {
		return 2
	}
	return 1
}

// pushBlock enters fb, reporting too deep a nesting at the current statement.
func (c *compiler) pushBlock(fb *fblock) {
	n := fb.weight()
	for _, b := range c.f.fblocks {
		n += b.weight()
	}
	if n > maxBlocks {
		c.failAt(c.f.pos, "too many statically nested blocks")
	}
	c.f.fblocks = append(c.f.fblocks, fb)
}

func (c *compiler) popBlock() { c.f.fblocks = c.f.fblocks[:len(c.f.fblocks)-1] }

// fstate is the state of the function being compiled.
type fstate struct {
	fc         *Funcode
	sc         *scope
	consts     map[any]int
	names      map[string]int
	vars       map[string]int
	cells      map[string]int
	handlers   []*hblock
	hidx       []*hblock // handler of each instruction
	fblocks    []*fblock
	depth      int
	maxDepth   int
	dead       bool
	pos        Position
	qualPrefix string
}

// The bytecode of a program may have at most maxCodePerByte instructions per byte of
// source, plus minMaxCode. Ordinary code has fewer than 3; only finally bodies
// compiled once per way out of their try come near, and nested ones double at each
// level: the bound keeps compile time and memory linear in the source.
const (
	maxCodePerByte = 8
	minMaxCode     = 1 << 16
)

// maxNesting bounds the recursion of expr in the resolver and the code generator.
// The parser's limits on nesting keep the programs it accepts well below it; the
// bound keeps the stack small whatever tree the compiler is given.
const maxNesting = 5000

type compiler struct {
	scopes   map[syntax.Node]*scope
	filename string
	f        *fstate
	code     int // instructions emitted in all functions
	maxCode  int
	nesting  int  // depth of expr's recursion
	future   bool // from __future__ import annotations
}

func (c *compiler) errorf(n syntax.Node, format string, args ...any) {
	start, _ := n.Span()
	panic(&syntax.Error{Filename: c.filename, Pos: start, Msg: fmt.Sprintf(format, args...)})
}

// failAt reports an error about the source at pos, as CPython's compiler does:
// located at the statement or expression being compiled, underlined.
func (c *compiler) failAt(pos Position, msg string) {
	panic(&syntax.Error{Filename: c.filename, Pos: syntax.Pos{Line: pos.Line, Col: pos.Col},
		End: syntax.Pos{Line: pos.EndLine, Col: pos.EndCol}, Msg: msg})
}

// funcode compiles one scope's body into a Funcode.
func (c *compiler) funcode(sc *scope, name, qual string, line int32, a *syntax.Arguments, body func()) *Funcode {
	fc := &Funcode{Name: name, QualName: qual, Filename: c.filename, FirstLine: line}
	outer := c.f
	f := &fstate{fc: fc, sc: sc, consts: map[any]int{}, names: map[string]int{},
		vars: map[string]int{}, cells: map[string]int{}}
	f.pos = Position{Line: line}
	c.f = f
	if a != nil {
		for _, p := range a.Args {
			c.addVar(p.Name)
		}
		for _, p := range a.KwOnly {
			c.addVar(p.Name)
		}
		fc.NumParams, fc.NumKwOnly, fc.NumPosOnly = len(a.Args), len(a.KwOnly), a.PosOnly
		if a.Vararg != nil {
			c.addVar(a.Vararg.Name)
			fc.HasVarargs = true
		}
		if a.Kwarg != nil {
			c.addVar(a.Kwarg.Name)
			fc.HasKwargs = true
		}
	}
	if sc.kind == functionScope {
		for _, n := range sc.order {
			if !sc.cells[n] && !sc.free[n] && !sc.globals[n] {
				c.addVar(n)
			}
		}
	}
	for _, n := range sc.cellOrder {
		f.cells[n] = len(fc.Cellvars)
		fc.Cellvars = append(fc.Cellvars, n)
		p := -1
		if i, ok := f.vars[n]; ok {
			p = i
		}
		fc.CellParam = append(fc.CellParam, p)
	}
	for _, n := range sc.freeOrder {
		f.cells[n] = len(fc.Cellvars) + len(fc.Freevars)
		fc.Freevars = append(fc.Freevars, n)
	}
	fc.UsesSuper = sc.usesSuper
	for i := range fc.Cellvars {
		c.emit(MAKE_CELL, uint32(i))
	}
	if len(fc.Freevars) > 0 {
		c.emit(COPY_FREE_VARS, uint32(len(fc.Freevars)))
	}
	if !sc.generator {
		c.emit(RESUME, 0)
		body()
	} else {
		// As CPython 3.12 does: a handler around the whole body, from its RESUME, turns
		// a StopIteration leaving the generator into a RuntimeError (PEP 479).
		fc.IsGenerator = true
		c.emit(RETURN_GENERATOR, 0)
		c.emit(POP_TOP, 0)
		stop := c.newLabel()
		c.pushHandler(stop, 0, true)
		c.emit(RESUME, 0)
		body()
		c.popHandler()
		c.bind(stop)
		c.emit(CALL_INTRINSIC_1, IntrinsicStopIterationError)
		c.emit(RERAISE, 1)
	}
	c.finish()
	c.f = outer
	return fc
}

func (c *compiler) addVar(n string) int {
	if i, ok := c.f.vars[n]; ok {
		return i
	}
	i := len(c.f.fc.Varnames)
	c.f.vars[n] = i
	c.f.fc.Varnames = append(c.f.fc.Varnames, n)
	return i
}

// finish builds the exception table from each instruction's handler.
func (c *compiler) finish() {
	f := c.f
	var hs []Handler
	for pc, h := range f.hidx {
		if h == nil {
			continue
		}
		if n := len(hs); n > 0 && hs[n-1].End == int32(pc) && hs[n-1].Target == int32(h.target.pc) &&
			hs[n-1].Depth == int32(h.depth) && hs[n-1].Lasti == h.lasti {
			hs[n-1].End++
			continue
		}
		hs = append(hs, Handler{Start: int32(pc), End: int32(pc + 1), Target: int32(h.target.pc),
			Depth: int32(h.depth), Lasti: h.lasti})
	}
	f.fc.Handlers = hs
	f.fc.MaxStack = f.maxDepth + 2
}

// ---- emission ----

func (c *compiler) emit(op Opcode, arg uint32) int {
	f := c.f
	c.code++
	if c.code > c.maxCode {
		c.failAt(f.pos, fmt.Sprintf("program too large: more than %d bytecode instructions", c.maxCode))
	}
	if arg > MaxArg {
		panic(&syntax.Error{Filename: c.filename, Pos: syntax.Pos{Line: f.pos.Line, Col: f.pos.Col},
			Msg: "program too large"})
	}
	pc := len(f.fc.Code)
	f.fc.Code = append(f.fc.Code, uint32(op)|arg<<8)
	f.fc.Pos = append(f.fc.Pos, f.pos)
	var h *hblock
	if n := len(f.handlers); n > 0 {
		h = f.handlers[n-1]
	}
	f.hidx = append(f.hidx, h)
	if f.dead {
		f.dead = false
	}
	f.depth += stackEffect(op, arg, false)
	if f.depth > f.maxDepth {
		f.maxDepth = f.depth
	}
	switch op {
	case RETURN_VALUE, RETURN_CONST, RERAISE, RAISE_VARARGS, JUMP_FORWARD, JUMP_BACKWARD,
		JUMP_BACKWARD_NO_INTERRUPT:
		f.dead = true
	}
	return pc
}

func (c *compiler) newLabel() *label { return &label{pc: -1, depth: -1} }

// jump emits a jump to l, recording the stack depth on arrival.
func (c *compiler) jump(op Opcode, l *label) {
	f := c.f
	arrive := f.depth + stackEffect(op, 0, true)
	if op == FOR_ITER {
		arrive = f.depth - 1
	}
	if l.pc >= 0 {
		c.emit(op, uint32(l.pc))
	} else {
		l.refs = append(l.refs, c.emit(op, 0))
	}
	if l.depth < 0 {
		l.depth = arrive
	}
}

// bind places l at the next instruction.
func (c *compiler) bind(l *label) {
	f := c.f
	l.pc = len(f.fc.Code)
	for _, r := range l.refs {
		f.fc.Code[r] = f.fc.Code[r]&0xff | uint32(l.pc)<<8
	}
	if f.dead && l.depth >= 0 {
		f.depth = l.depth
	}
	f.dead = false
}

// pushHandler makes l the handler for the instructions emitted next.
func (c *compiler) pushHandler(l *label, depth int, lasti bool) {
	c.f.handlers = append(c.f.handlers, &hblock{target: l, depth: depth, lasti: lasti})
	extra := 1
	if lasti {
		extra = 2
	}
	if l.depth < 0 {
		l.depth = depth + extra
	}
}

func (c *compiler) popHandler() { c.f.handlers = c.f.handlers[:len(c.f.handlers)-1] }

// setPos sets the position of the instructions emitted next to n's span; it returns
// the previous position so callers can restore it.
func (c *compiler) setPos(n syntax.Node) Position {
	old := c.f.pos
	start, end := n.Span()
	c.f.pos = Position{Line: start.Line, Col: start.Col, EndLine: end.Line, EndCol: end.Col}
	return old
}

func (c *compiler) constIndex(v any) uint32 {
	f := c.f
	key := v
	switch v := v.(type) {
	case *big.Int:
		key = struct{ big string }{v.Text(16)} // linear, unlike decimal
	case float64:
		key = struct{ f float64 }{v}
	case Complex:
		key = struct{ c Complex }{v}
	case Bytes:
		key = struct{ b string }{string(v)}
	case KwNames:
		key = struct{ kw string }{strings.Join(v, ",")}
	case nil:
		key = struct{}{}
	}
	if _, isCode := v.(*Funcode); !isCode {
		if i, ok := f.consts[key]; ok {
			return uint32(i)
		}
	}
	i := len(f.fc.Consts)
	f.fc.Consts = append(f.fc.Consts, v)
	if _, isCode := v.(*Funcode); !isCode {
		f.consts[key] = i
	}
	return uint32(i)
}

func (c *compiler) nameIndex(n string) uint32 {
	f := c.f
	if i, ok := f.names[n]; ok {
		return uint32(i)
	}
	i := len(f.fc.Names)
	f.names[n] = i
	f.fc.Names = append(f.fc.Names, n)
	return uint32(i)
}

func (c *compiler) loadConst(v any) { c.emit(LOAD_CONST, c.constIndex(v)) }

func (c *compiler) returnNone() {
	if !c.f.dead {
		c.emit(RETURN_CONST, c.constIndex(nil))
	}
}

// ---- names ----

type nameCtx int

const (
	ctxLoad nameCtx = iota
	ctxStore
	ctxDel
)

type access int

const (
	accFast access = iota
	accDeref
	accGlobal
	accName
)

func (c *compiler) access(n string) access {
	sc := c.f.sc
	switch {
	case sc.globals[n]:
		return accGlobal
	case sc.kind == functionScope:
		if _, ok := c.f.cells[n]; ok {
			return accDeref
		}
		if _, ok := c.f.vars[n]; ok {
			return accFast
		}
		return accGlobal
	case sc.kind == classScope && sc.free[n] && !sc.bound[n]:
		return accDeref
	}
	return accName
}

// nameOps are the opcodes that load, store and delete a name, by access.
var nameOps = [...][3]Opcode{
	accFast:   {LOAD_FAST, STORE_FAST, DELETE_FAST},
	accDeref:  {LOAD_DEREF, STORE_DEREF, DELETE_DEREF},
	accGlobal: {LOAD_GLOBAL, STORE_GLOBAL, DELETE_GLOBAL},
	accName:   {LOAD_NAME, STORE_NAME, DELETE_NAME},
}

func (c *compiler) nameOp(n string, ctx nameCtx) {
	a := c.access(n)
	op := nameOps[a][ctx]
	var arg uint32
	switch a {
	case accFast:
		arg = uint32(c.f.vars[n])
	case accDeref:
		arg = uint32(c.f.cells[n])
	case accGlobal:
		arg = c.nameIndex(n)
		if op == LOAD_GLOBAL {
			arg <<= 1
		}
	default:
		arg = c.nameIndex(n)
	}
	c.emit(op, arg)
}

// ---- statements ----

func (c *compiler) stmts(body []syntax.Stmt) {
	for _, s := range body {
		c.stmt(s)
	}
}

func (c *compiler) stmt(s syntax.Stmt) {
	old := c.f.pos
	start, end := s.Span()
	c.f.pos = Position{Line: start.Line, Col: start.Col, EndLine: end.Line, EndCol: end.Col}
	defer func() { c.f.pos = old }()
	switch s := s.(type) {
	case *syntax.ExprStmt:
		c.expr(s.Value)
		c.emit(POP_TOP, 0)
	case *syntax.Assign:
		c.expr(s.Value)
		for i, t := range s.Targets {
			if i < len(s.Targets)-1 {
				c.emit(COPY, 1)
			}
			c.store(t)
		}
	case *syntax.AugAssign:
		c.augAssign(s)
	case *syntax.AnnAssign:
		c.annAssign(s)
	case *syntax.If:
		c.ifStmt(s)
	case *syntax.While:
		c.whileStmt(s)
	case *syntax.Match:
		c.matchStmt(s)
	case *syntax.For:
		c.forStmt(s)
	case *syntax.Break:
		c.breakContinue(s, true)
	case *syntax.Continue:
		c.breakContinue(s, false)
	case *syntax.Pass:
		c.emit(NOP, 0)
	case *syntax.FunctionDef:
		c.functionDef(s)
	case *syntax.Return:
		c.returnStmt(s)
	case *syntax.Global, *syntax.Nonlocal:
	case *syntax.ClassDef:
		c.classDef(s)
	case *syntax.Import:
		for _, a := range s.Names {
			c.loadConst(int64(0))
			c.loadConst(nil)
			c.emit(IMPORT_NAME, c.nameIndex(a.Name))
			if a.AsName != "" {
				parts := strings.Split(a.Name, ".")
				for _, p := range parts[1:] {
					c.emit(IMPORT_FROM, c.nameIndex(p))
					c.emit(SWAP, 2)
					c.emit(POP_TOP, 0)
				}
				c.nameOp(a.AsName, ctxStore)
			} else {
				c.nameOp(firstDotted(a.Name), ctxStore)
			}
		}
	case *syntax.ImportFrom:
		names := make([]string, len(s.Names))
		for i, a := range s.Names {
			names[i] = a.Name
		}
		c.loadConst(int64(0))
		c.loadConst(KwNames(names))
		c.emit(IMPORT_NAME, c.nameIndex(s.Module))
		if names[0] == "*" {
			c.emit(IMPORT_STAR, 0)
			break
		}
		for _, a := range s.Names {
			c.emit(IMPORT_FROM, c.nameIndex(a.Name))
			if a.AsName != "" {
				c.nameOp(a.AsName, ctxStore)
			} else {
				c.nameOp(a.Name, ctxStore)
			}
		}
		c.emit(POP_TOP, 0)
	case *syntax.With:
		c.withStmt(s, 0)
	case *syntax.Try:
		c.tryStmt(s)
	case *syntax.Raise:
		n := 0
		if s.Exc != nil {
			c.expr(s.Exc)
			n++
			if s.Cause != nil {
				c.expr(s.Cause)
				n++
			}
		}
		c.emit(RAISE_VARARGS, uint32(n))
	case *syntax.Assert:
		end := c.newLabel()
		c.expr(s.Test)
		c.jump(POP_JUMP_IF_TRUE, end)
		c.emit(LOAD_ASSERTION_ERROR, 0)
		if s.Msg != nil {
			c.emit(PUSH_NULL, 0)
			c.emit(SWAP, 2)
			c.expr(s.Msg)
			c.emit(CALL, 1)
		}
		c.emit(RAISE_VARARGS, 1)
		c.bind(end)
	case *syntax.Delete:
		for _, t := range s.Targets {
			c.del(t)
		}
	default:
		c.errorf(s, "gilscope does not support this statement")
	}
}

func (c *compiler) augAssign(s *syntax.AugAssign) {
	op := binaryOpIndex(s.Op) + NumInplace
	switch t := s.Target.(type) {
	case *syntax.Name:
		c.nameOp(t.Id, ctxLoad)
		c.expr(s.Value)
		c.emit(BINARY_OP, uint32(op))
		c.nameOp(t.Id, ctxStore)
	case *syntax.Attribute:
		c.expr(t.Value)
		c.emit(COPY, 1)
		old := c.setPos(t)
		c.emit(LOAD_ATTR, c.nameIndex(t.Attr)<<1)
		c.f.pos = old
		c.expr(s.Value)
		c.emit(BINARY_OP, uint32(op))
		c.emit(SWAP, 2)
		c.emit(STORE_ATTR, c.nameIndex(t.Attr))
	case *syntax.Subscript:
		c.expr(t.Value)
		c.subscriptIndex(t.Slice)
		c.emit(COPY, 2)
		c.emit(COPY, 2)
		old := c.setPos(t)
		c.emit(BINARY_SUBSCR, 0)
		c.f.pos = old
		c.expr(s.Value)
		c.emit(BINARY_OP, uint32(op))
		c.emit(SWAP, 3)
		c.emit(SWAP, 2)
		c.emit(STORE_SUBSCR, 0)
	default:
		c.errorf(s.Target, "'%s' is an illegal expression for augmented assignment", describeExpr(s.Target))
	}
}

func binaryOpIndex(op string) int {
	for i, o := range BinaryOps[:NumInplace] {
		if o == op {
			return i
		}
	}
	panic("unknown binary operator " + op)
}

// store stores TOS into target t.
func (c *compiler) store(t syntax.Expr) {
	switch t := t.(type) {
	case *syntax.Name:
		c.nameOp(t.Id, ctxStore)
	case *syntax.Attribute:
		c.expr(t.Value)
		old := c.setPos(t)
		c.emit(STORE_ATTR, c.nameIndex(t.Attr))
		c.f.pos = old
	case *syntax.Subscript:
		c.expr(t.Value)
		c.subscriptIndex(t.Slice)
		old := c.setPos(t)
		c.emit(STORE_SUBSCR, 0)
		c.f.pos = old
	case *syntax.Tuple:
		c.unpack(t, t.Elts)
	case *syntax.List:
		c.unpack(t, t.Elts)
	case *syntax.Starred:
		c.errorf(t, "starred assignment target must be in a list or tuple")
	default:
		c.errorf(t, "cannot assign to %s", describeExpr(t))
	}
}

func (c *compiler) unpack(n syntax.Node, elts []syntax.Expr) {
	star := -1
	for i, e := range elts {
		if _, ok := e.(*syntax.Starred); ok {
			if star >= 0 {
				c.errorf(e, "multiple starred expressions in assignment")
			}
			star = i
		}
	}
	old := c.setPos(n)
	if star < 0 {
		c.emit(UNPACK_SEQUENCE, uint32(len(elts)))
	} else {
		c.emit(UNPACK_EX, uint32(star|(len(elts)-star-1)<<8))
	}
	c.f.pos = old
	for _, e := range elts {
		if s, ok := e.(*syntax.Starred); ok {
			e = s.Value
		}
		c.store(e)
	}
}

func (c *compiler) del(t syntax.Expr) {
	switch t := t.(type) {
	case *syntax.Name:
		c.nameOp(t.Id, ctxDel)
	case *syntax.Attribute:
		c.expr(t.Value)
		old := c.setPos(t)
		c.emit(DELETE_ATTR, c.nameIndex(t.Attr))
		c.f.pos = old
	case *syntax.Subscript:
		c.expr(t.Value)
		c.subscriptIndex(t.Slice)
		old := c.setPos(t)
		c.emit(DELETE_SUBSCR, 0)
		c.f.pos = old
	case *syntax.Tuple:
		for _, e := range t.Elts {
			c.del(e)
		}
	case *syntax.List:
		for _, e := range t.Elts {
			c.del(e)
		}
	default:
		c.errorf(t, "cannot delete %s", describeExpr(t))
	}
}

// ifStmt compiles an if statement and its elif clauses in a loop, so that a chain
// of any length takes one frame. The instructions of an elif clause have its
// position, as they would if it were compiled as the statement it is.
func (c *compiler) ifStmt(s *syntax.If) {
	end := c.newLabel()
	for {
		orelse := c.newLabel()
		c.condJump(s.Test, false, orelse)
		c.stmts(s.Body)
		if len(s.OrElse) == 0 {
			c.bind(orelse)
			break
		}
		if !c.f.dead {
			c.jump(JUMP_FORWARD, end)
		}
		c.bind(orelse)
		elif, ok := soleIf(s.OrElse)
		if !ok {
			c.stmts(s.OrElse)
			break
		}
		c.setPos(elif)
		s = elif
	}
	c.bind(end)
}

// condJump compiles test and jumps to l when its truth equals when.
func (c *compiler) condJump(test syntax.Expr, when bool, l *label) {
	if u, ok := test.(*syntax.UnaryOp); ok && u.Op == "not" {
		c.condJump(u.Operand, !when, l)
		return
	}
	c.expr(test)
	if when {
		c.jump(POP_JUMP_IF_TRUE, l)
	} else {
		c.jump(POP_JUMP_IF_FALSE, l)
	}
}

func isConstTrue(e syntax.Expr) bool {
	switch e := e.(type) {
	case *syntax.NameConst:
		return e.Value == "True"
	case *syntax.Int:
		return e.Big != nil || e.Small != 0
	}
	return false
}

func (c *compiler) whileStmt(s *syntax.While) {
	top, body, orelse, end := c.newLabel(), c.newLabel(), c.newLabel(), c.newLabel()
	infinite := isConstTrue(s.Test)
	c.bind(top)
	if !infinite {
		c.condJump(s.Test, false, orelse)
	}
	c.bind(body)
	c.pushBlock(&fblock{kind: fbWhile, brk: end, cont: top, hlen: len(c.f.handlers)})
	c.stmts(s.Body)
	c.popBlock()
	if !c.f.dead {
		if !infinite {
			old := c.setPos(s.Test)
			c.condJump(s.Test, false, orelse)
			c.f.pos = old
		}
		c.jump(JUMP_BACKWARD, body)
	}
	c.bind(orelse)
	c.stmts(s.OrElse)
	c.bind(end)
}

func (c *compiler) forStmt(s *syntax.For) {
	top, cleanup, end := c.newLabel(), c.newLabel(), c.newLabel()
	c.expr(s.Iter)
	// GET_ITER, FOR_ITER and END_FOR are located at the whole statement, as in
	// CPython 3.12: a traceback entry at FOR_ITER (an iterator's error) has no carets.
	stmtPos := c.f.pos
	c.emit(GET_ITER, 0)
	c.bind(top)
	c.jump(FOR_ITER, cleanup)
	c.store(s.Target)
	c.pushBlock(&fblock{kind: fbFor, brk: end, cont: top, hlen: len(c.f.handlers)})
	c.stmts(s.Body)
	c.popBlock()
	if !c.f.dead {
		c.jump(JUMP_BACKWARD, top)
	}
	old := c.f.pos
	c.f.pos = stmtPos
	c.bind(cleanup)
	c.emit(END_FOR, 0)
	c.f.pos = old
	c.stmts(s.OrElse)
	c.bind(end)
}

func (c *compiler) breakContinue(s syntax.Stmt, isBreak bool) {
	f := c.f
	saved := f.handlers
	for i := len(f.fblocks) - 1; i >= 0; i-- {
		fb := f.fblocks[i]
		if fb.kind == fbWhile || fb.kind == fbFor {
			if isBreak {
				if fb.kind == fbFor {
					c.emit(POP_TOP, 0)
				}
				c.jump(JUMP_FORWARD, fb.brk)
			} else {
				c.jump(JUMP_BACKWARD, fb.cont)
			}
			f.handlers = saved
			return
		}
		c.unwind(i, false)
	}
	f.handlers = saved
	if isBreak {
		c.errorf(s, "'break' outside loop")
	}
	c.errorf(s, "'continue' not properly in loop")
}

// unwind emits the code that leaves fblock i early (for break, continue or return);
// preserve keeps a return value on top of the stack.
func (c *compiler) unwind(i int, preserve bool) {
	f := c.f
	fb := f.fblocks[i]
	f.handlers = f.handlers[:fb.hlen]
	switch fb.kind {
	case fbFor:
		if preserve {
			c.emit(SWAP, 2)
		}
		c.emit(POP_TOP, 0)
	case fbFinally:
		// Run the finally body with this block (and those inside it) removed.
		saved := f.fblocks
		f.fblocks = f.fblocks[:i]
		c.stmts(fb.final)
		f.fblocks = saved
		f.handlers = f.handlers[:fb.hlen]
	case fbFinallyEnd:
		if preserve {
			c.emit(SWAP, 2)
		}
		c.emit(POP_TOP, 0)
		if preserve {
			c.emit(SWAP, 2)
		}
		c.emit(POP_EXCEPT, 0)
		if preserve {
			c.emit(SWAP, 2)
		}
		c.emit(POP_TOP, 0)
	case fbWith:
		if preserve {
			c.emit(SWAP, 2)
		}
		c.loadConst(nil)
		c.loadConst(nil)
		c.loadConst(nil)
		c.emit(CALL, 2)
		c.emit(POP_TOP, 0)
	case fbHandler:
		if preserve {
			c.emit(SWAP, 2)
		}
		c.emit(POP_EXCEPT, 0)
		if fb.name != "" {
			c.loadConst(nil)
			c.nameOp(fb.name, ctxStore)
			c.nameOp(fb.name, ctxDel)
		}
	}
}

func (c *compiler) returnStmt(s *syntax.Return) {
	f := c.f
	if s.Value != nil {
		c.expr(s.Value)
	}
	saved := f.handlers
	for i := len(f.fblocks) - 1; i >= 0; i-- {
		c.unwind(i, s.Value != nil)
	}
	f.handlers = saved
	if s.Value == nil {
		c.emit(RETURN_CONST, c.constIndex(nil))
	} else {
		c.emit(RETURN_VALUE, 0)
	}
}

func (c *compiler) tryStmt(s *syntax.Try) {
	if len(s.FinalBody) > 0 {
		c.tryFinally(s)
		return
	}
	c.tryExcept(s)
}

func (c *compiler) tryFinally(s *syntax.Try) {
	f := c.f
	end, handler, cleanup := c.newLabel(), c.newLabel(), c.newLabel()
	c.emit(NOP, 0)
	c.pushHandler(handler, f.depth, true)
	c.pushBlock(&fblock{kind: fbFinally, hlen: len(f.handlers) - 1, final: s.FinalBody})
	if len(s.Handlers) > 0 {
		inner := *s
		inner.FinalBody = nil
		c.tryExcept(&inner)
	} else {
		c.stmts(s.Body)
	}
	c.popBlock()
	c.popHandler()
	if !f.dead {
		c.stmts(s.FinalBody)
		if !f.dead {
			c.jump(JUMP_FORWARD, end)
		}
	}
	// Exceptional path: [lasti, exc] on the stack.
	c.bind(handler)
	f.depth = handler.depth
	c.pushHandler(cleanup, f.depth-1, true)
	c.emit(PUSH_EXC_INFO, 0)
	c.pushBlock(&fblock{kind: fbFinallyEnd, hlen: len(f.handlers) - 1})
	c.stmts(s.FinalBody)
	c.popBlock()
	if !f.dead {
		c.emit(RERAISE, 0)
	}
	c.popHandler()
	c.bind(cleanup)
	f.depth = cleanup.depth
	c.emitCleanup()
	c.bind(end)
}

// emitCleanup is the handler that restores the previous exception when an exception
// escapes an except or finally body: [prev, lasti, exc] → raise exc.
func (c *compiler) emitCleanup() {
	c.emit(COPY, 3)
	c.emit(POP_EXCEPT, 0)
	c.emit(RERAISE, 1)
}

func (c *compiler) tryExcept(s *syntax.Try) {
	f := c.f
	end, handler, cleanup, orelse := c.newLabel(), c.newLabel(), c.newLabel(), c.newLabel()
	c.emit(NOP, 0)
	base := f.depth
	c.pushHandler(handler, base, false)
	c.pushBlock(&fblock{kind: fbTry, hlen: len(f.handlers) - 1})
	c.stmts(s.Body)
	c.popBlock()
	c.popHandler()
	if !f.dead {
		c.jump(JUMP_FORWARD, orelse)
	}
	c.bind(handler)
	f.depth = base + 1
	c.pushHandler(cleanup, base+1, true)
	c.emit(PUSH_EXC_INFO, 0)
	for i, h := range s.Handlers {
		old := c.setPos(h.Body[0])
		c.f.pos = Position{Line: h.ExceptPos.Line, Col: h.ExceptPos.Col}
		next := c.newLabel()
		if h.Type == nil && i != len(s.Handlers)-1 {
			c.errorf(h.Body[0], "default 'except:' must be last")
		}
		if h.Type != nil {
			c.expr(h.Type)
			c.emit(CHECK_EXC_MATCH, 0)
			c.jump(POP_JUMP_IF_FALSE, next)
		}
		if h.Name != "" {
			c.nameOp(h.Name, ctxStore)
			// An exception escaping the body must still clear the name.
			named := c.newLabel()
			c.pushHandler(named, base+1, true)
			c.pushBlock(&fblock{kind: fbHandler, hlen: len(f.handlers) - 2, name: h.Name})
			c.stmts(h.Body)
			c.popBlock()
			c.popHandler()
			if !f.dead {
				c.emit(POP_EXCEPT, 0)
				c.loadConst(nil)
				c.nameOp(h.Name, ctxStore)
				c.nameOp(h.Name, ctxDel)
				c.jump(JUMP_FORWARD, end)
			}
			c.bind(named)
			f.depth = named.depth
			c.loadConst(nil)
			c.nameOp(h.Name, ctxStore)
			c.nameOp(h.Name, ctxDel)
			c.emit(RERAISE, 1)
		} else {
			c.emit(POP_TOP, 0)
			c.pushBlock(&fblock{kind: fbHandler, hlen: len(f.handlers) - 1})
			c.stmts(h.Body)
			c.popBlock()
			if !f.dead {
				c.emit(POP_EXCEPT, 0)
				c.jump(JUMP_FORWARD, end)
			}
		}
		c.bind(next)
		f.depth = base + 2
		c.f.pos = old
	}
	if !f.dead {
		c.emit(RERAISE, 0)
	}
	c.popHandler()
	c.bind(cleanup)
	f.depth = cleanup.depth
	c.emitCleanup()
	c.bind(orelse)
	f.depth = base
	c.stmts(s.OrElse)
	c.bind(end)
	f.depth = base
}

func (c *compiler) withStmt(s *syntax.With, item int) {
	f := c.f
	it := s.Items[item]
	end, handler, cleanup, suppress := c.newLabel(), c.newLabel(), c.newLabel(), c.newLabel()
	c.expr(it.ContextExpr)
	old := c.setPos(it.ContextExpr)
	c.emit(BEFORE_WITH, 0)
	c.f.pos = old
	base := f.depth - 1 // the exit function stays below
	c.pushHandler(handler, base, true)
	c.pushBlock(&fblock{kind: fbWith, hlen: len(f.handlers) - 1})
	if it.Target != nil {
		c.store(it.Target)
	} else {
		c.emit(POP_TOP, 0)
	}
	if item+1 < len(s.Items) {
		c.withStmt(s, item+1)
	} else {
		c.stmts(s.Body)
	}
	c.popBlock()
	c.popHandler()
	// The exit call is located at the whole statement, as 3.12 compiles it (so a
	// traceback through it shows no carets).
	if !f.dead {
		old := c.setPos(s)
		c.loadConst(nil)
		c.loadConst(nil)
		c.loadConst(nil)
		c.emit(CALL, 2)
		c.emit(POP_TOP, 0)
		c.jump(JUMP_FORWARD, end)
		c.f.pos = old
	}
	// [exit, lasti, exc]
	old = c.setPos(s)
	c.bind(handler)
	f.depth = handler.depth
	c.pushHandler(cleanup, base+2, true)
	c.emit(PUSH_EXC_INFO, 0)
	c.emit(WITH_EXCEPT_START, 0)
	c.jump(POP_JUMP_IF_TRUE, suppress)
	c.emit(RERAISE, 2)
	c.bind(suppress)
	c.emit(POP_TOP, 0)
	c.emit(POP_EXCEPT, 0)
	c.emit(POP_TOP, 0)
	c.emit(POP_TOP, 0)
	c.jump(JUMP_FORWARD, end)
	c.popHandler()
	c.bind(cleanup)
	f.depth = cleanup.depth
	c.emitCleanup()
	c.f.pos = old
	c.bind(end)
	f.depth = base - 1
}

// ---- functions and classes ----

func (c *compiler) functionDef(s *syntax.FunctionDef) {
	qual := c.qualName(s.Name)
	sc := c.scopes[s]
	c.decorators(s.Decorators)
	flags := c.defaults(s.Args)
	flags |= c.funcAnnotations(s.Args, s.Returns)
	fc := c.funcode(sc, s.Name, qual, firstLine(s.DefPos, s.Decorators), s.Args, func() {
		// co_consts[0] is the docstring, or None without one, as in CPython.
		if doc, ok := docstring(s.Body); ok {
			c.constIndex(doc)
			c.f.fc.HasDoc = true
		} else {
			c.constIndex(nil)
		}
		c.f.qualPrefix = qual + ".<locals>."
		c.stmts(s.Body)
		c.returnNone()
	})
	c.makeFunction(fc, flags)
	c.decorate(s.Decorators)
	c.nameOp(s.Name, ctxStore)
}

// docstring returns the text of body's docstring, if it has one.
func docstring(body []syntax.Stmt) (string, bool) {
	if len(body) > 0 {
		if e, ok := body[0].(*syntax.ExprStmt); ok {
			if str, ok := e.Value.(*syntax.Str); ok {
				return str.Value, true
			}
		}
	}
	return "", false
}

// firstLine is a definition's co_firstlineno: its first decorator's line, if any.
func firstLine(def syntax.Pos, decorators []syntax.Expr) int32 {
	if len(decorators) > 0 {
		start, _ := decorators[0].Span()
		return start.Line
	}
	return def.Line
}

// decorators pushes the decorators of a def or class, outermost first.
func (c *compiler) decorators(ds []syntax.Expr) {
	for _, d := range ds {
		c.expr(d)
	}
}

// decorate applies the pushed decorators to the function or class on top of the
// stack, innermost first: each is below its argument, in CALL's method slot, so
// CALL 0 calls it with the object (as CPython 3.12 compiles it).
func (c *compiler) decorate(ds []syntax.Expr) {
	for i := len(ds) - 1; i >= 0; i-- {
		old := c.setPos(ds[i])
		c.emit(CALL, 0)
		c.f.pos = old
	}
}

func (c *compiler) qualName(name string) string {
	if c.f.sc.kind == classScope {
		return c.f.qualPrefix + name
	}
	return c.f.qualPrefix + name
}

// defaults emits a function's default values and returns the MAKE_FUNCTION flags.
func (c *compiler) defaults(a *syntax.Arguments) uint32 {
	var flags uint32
	if len(a.Defaults) > 0 {
		for _, d := range a.Defaults {
			c.expr(d)
		}
		c.emit(BUILD_TUPLE, uint32(len(a.Defaults)))
		flags |= FuncDefaults
	}
	n := 0
	for i, d := range a.KwDefaults {
		if d != nil {
			c.loadConst(a.KwOnly[i].Name)
			c.expr(d)
			n++
		}
	}
	if n > 0 {
		c.emit(BUILD_MAP, uint32(n))
		flags |= FuncKwDefaults
	}
	return flags
}

// makeFunction emits the closure (if any) and MAKE_FUNCTION for fc.
func (c *compiler) makeFunction(fc *Funcode, flags uint32) {
	if len(fc.Freevars) > 0 {
		for _, n := range fc.Freevars {
			i, ok := c.f.cells[n]
			if !ok {
				panic(&syntax.Error{Filename: c.filename, Pos: syntax.Pos{Line: fc.FirstLine, Col: 1},
					Msg: fmt.Sprintf("internal error: free variable %q not found", n)})
			}
			c.emit(LOAD_CLOSURE, uint32(i))
		}
		c.emit(BUILD_TUPLE, uint32(len(fc.Freevars)))
		flags |= FuncClosure
	}
	c.loadConst(fc)
	c.emit(MAKE_FUNCTION, flags)
}

func (c *compiler) classDef(s *syntax.ClassDef) {
	qual := c.qualName(s.Name)
	sc := c.scopes[s]
	c.decorators(s.Decorators)
	c.emit(PUSH_NULL, 0)
	c.emit(LOAD_BUILD_CLASS, 0)
	fc := c.funcode(sc, s.Name, qual, firstLine(s.ClassPos, s.Decorators), nil, func() {
		c.f.qualPrefix = qual + "."
		c.nameOp("__name__", ctxLoad)
		c.nameOp("__module__", ctxStore)
		c.loadConst(qual)
		c.nameOp("__qualname__", ctxStore)
		c.setupAnnotations(s.Body)
		if doc, ok := docstring(s.Body); ok {
			c.loadConst(doc)
			c.nameOp("__doc__", ctxStore)
		}
		c.stmts(s.Body)
		c.returnNone()
	})
	fc.IsClassBody = true
	c.makeFunction(fc, 0)
	c.loadConst(s.Name)
	for _, b := range s.Bases {
		c.expr(b)
	}
	var names KwNames
	for _, k := range s.Keywords {
		c.expr(k.Value)
		names = append(names, k.Arg)
	}
	if len(names) > 0 {
		c.emit(KW_NAMES, c.constIndex(names))
	}
	c.emit(CALL, uint32(2+len(s.Bases)+len(names)))
	c.decorate(s.Decorators)
	c.nameOp(s.Name, ctxStore)
}

// ---- expressions ----

func (c *compiler) expr(e syntax.Expr) {
	if c.nesting++; c.nesting > maxNesting {
		c.errorf(e, "too many nested expressions")
	}
	old := c.setPos(e)
	defer func() { c.f.pos, c.nesting = old, c.nesting-1 }()
	switch e := e.(type) {
	case *syntax.Name:
		c.nameOp(e.Id, ctxLoad)
	case *syntax.NameConst:
		switch e.Value {
		case "True":
			c.loadConst(true)
		case "False":
			c.loadConst(false)
		case "...":
			c.loadConst(EllipsisConst{})
		default:
			c.loadConst(nil)
		}
	case *syntax.Int:
		if e.Big != nil {
			c.loadConst(e.Big)
		} else {
			c.loadConst(e.Small)
		}
	case *syntax.Float:
		if e.Imag {
			c.loadConst(Complex{Imag: e.Value})
		} else {
			c.loadConst(e.Value)
		}
	case *syntax.Str:
		c.loadConst(e.Value)
	case *syntax.Bytes:
		c.loadConst(Bytes(e.Value))
	case *syntax.JoinedStr:
		c.joinedStr(e)
	case *syntax.FormattedValue:
		c.formattedValue(e)
	case *syntax.List:
		c.sequence(e.Elts, BUILD_LIST, LIST_APPEND, LIST_EXTEND, false)
	case *syntax.Tuple:
		c.sequence(e.Elts, BUILD_TUPLE, LIST_APPEND, LIST_EXTEND, true)
	case *syntax.Set:
		c.sequence(e.Elts, BUILD_SET, SET_ADD, SET_UPDATE, false)
	case *syntax.Dict:
		c.dict(e)
	case *syntax.ListComp:
		c.comprehension(e, e.Generators, BUILD_LIST, e.Elt)
	case *syntax.SetComp:
		c.comprehension(e, e.Generators, BUILD_SET, e.Elt)
	case *syntax.GeneratorExp:
		c.comprehension(e, e.Generators, 0, e.Elt)
	case *syntax.DictComp:
		c.comprehension(e, e.Generators, BUILD_MAP, e.Key, e.Value)
	case *syntax.BinOp, *syntax.Attribute, *syntax.Subscript, *syntax.Call:
		c.chain(e)
	case *syntax.UnaryOp:
		c.expr(e.Operand)
		c.setPos(e)
		switch e.Op {
		case "-":
			c.emit(UNARY_NEGATIVE, 0)
		case "+":
			c.emit(CALL_INTRINSIC_1, IntrinsicUnaryPositive)
		case "~":
			c.emit(UNARY_INVERT, 0)
		default:
			c.emit(UNARY_NOT, 0)
		}
	case *syntax.BoolOp:
		end := c.newLabel()
		for i, v := range e.Values {
			c.expr(v)
			if i < len(e.Values)-1 {
				c.emit(COPY, 1)
				if e.Op == "and" {
					c.jump(POP_JUMP_IF_FALSE, end)
				} else {
					c.jump(POP_JUMP_IF_TRUE, end)
				}
				c.emit(POP_TOP, 0)
			}
		}
		c.bind(end)
	case *syntax.Compare:
		c.compare(e)
	case *syntax.IfExp:
		orelse, end := c.newLabel(), c.newLabel()
		c.condJump(e.Test, false, orelse)
		c.expr(e.Body)
		c.jump(JUMP_FORWARD, end)
		c.bind(orelse)
		c.expr(e.OrElse)
		c.bind(end)
	case *syntax.Slice:
		c.errorf(e, "invalid syntax")
	case *syntax.Starred:
		c.errorf(e, "can't use starred expression here")
	case *syntax.NamedExpr:
		c.expr(e.Value)
		c.emit(COPY, 1)
		c.store(e.Target)
	case *syntax.Lambda:
		flags := c.defaults(e.Args)
		qual := c.qualName("<lambda>")
		fc := c.funcode(c.scopes[e], "<lambda>", qual, e.LambdaPos.Line, e.Args, func() {
			c.f.qualPrefix = qual + ".<locals>."
			c.expr(e.Body)
			c.emit(RETURN_VALUE, 0)
		})
		c.makeFunction(fc, flags)
	case *syntax.Yield:
		if e.Value != nil {
			c.expr(e.Value)
		} else {
			c.loadConst(nil)
		}
		c.emit(YIELD_VALUE, 1)
		c.emit(RESUME, 1)
	case *syntax.YieldFrom:
		c.expr(e.Value)
		c.emit(GET_YIELD_FROM_ITER, 0)
		c.loadConst(nil)
		c.yieldFrom()
	default:
		c.errorf(e, "gilscope does not support this expression")
	}
}

// yieldFrom emits the delegation loop of `yield from`, as CPython 3.12 does, with the
// delegate and the value to send on the stack: SEND runs the delegate until it yields
// (YIELD_VALUE passes the value up, RESUME 2 comes back with the next value to send)
// or returns (to END_SEND, which leaves its return value). An exception thrown into
// the generator at the YIELD_VALUE that comes out of the delegate as a StopIteration
// ends the loop too (CLEANUP_THROW), with the exception's value. CPython places
// CLEANUP_THROW after the function's body; here it comes just before END_SEND.
func (c *compiler) yieldFrom() {
	send, exit, fail := c.newLabel(), c.newLabel(), c.newLabel()
	c.bind(send)
	c.jump(SEND, exit)
	c.pushHandler(fail, c.f.depth, false)
	c.emit(YIELD_VALUE, 2)
	c.popHandler()
	c.emit(RESUME, 2)
	c.jump(JUMP_BACKWARD_NO_INTERRUPT, send)
	c.bind(fail)
	c.emit(CLEANUP_THROW, 0)
	c.bind(exit)
	c.emit(END_SEND, 0)
}

func (c *compiler) subscriptIndex(e syntax.Expr) {
	if s, ok := e.(*syntax.Slice); ok {
		c.slice(s)
		return
	}
	if t, ok := e.(*syntax.Tuple); ok && !hasStarred(t.Elts) {
		for _, x := range t.Elts {
			if s, ok := x.(*syntax.Slice); ok {
				c.slice(s)
			} else {
				c.expr(x)
			}
		}
		c.emit(BUILD_TUPLE, uint32(len(t.Elts)))
		return
	}
	c.expr(e)
}

func (c *compiler) slice(s *syntax.Slice) {
	for _, p := range []syntax.Expr{s.Lower, s.Upper} {
		if p == nil {
			c.loadConst(nil)
		} else {
			c.expr(p)
		}
	}
	if s.Step != nil {
		c.expr(s.Step)
		c.emit(BUILD_SLICE, 3)
	} else {
		c.emit(BUILD_SLICE, 2)
	}
}

func hasStarred(es []syntax.Expr) bool {
	for _, e := range es {
		if _, ok := e.(*syntax.Starred); ok {
			return true
		}
	}
	return false
}

// sequence builds a list, tuple or set display, with *x unpacking.
func (c *compiler) sequence(elts []syntax.Expr, build, add, extend Opcode, tuple bool) {
	if !hasStarred(elts) {
		for _, e := range elts {
			c.expr(e)
		}
		c.emit(build, uint32(len(elts)))
		return
	}
	if tuple {
		build = BUILD_LIST
	}
	c.emit(build, 0)
	for _, e := range elts {
		if s, ok := e.(*syntax.Starred); ok {
			c.expr(s.Value)
			c.emit(extend, 1)
		} else {
			c.expr(e)
			c.emit(add, 1)
		}
	}
	if tuple {
		c.emit(CALL_INTRINSIC_1, IntrinsicListToTuple)
	}
}

func (c *compiler) dict(e *syntax.Dict) {
	n := 0
	started := false
	flush := func() {
		if n > 0 || !started {
			c.emit(BUILD_MAP, uint32(n))
			if started {
				c.emit(DICT_UPDATE, 1)
			}
			started = true
			n = 0
		}
	}
	for i, k := range e.Keys {
		if k == nil {
			flush()
			c.expr(e.Values[i])
			c.emit(DICT_UPDATE, 1)
			continue
		}
		c.expr(k)
		c.expr(e.Values[i])
		n++
	}
	if n > 0 || !started {
		flush()
	}
}

func (c *compiler) compare(e *syntax.Compare) {
	c.expr(e.Left)
	if len(e.Ops) == 1 {
		c.expr(e.Comparators[0])
		c.setPos(e)
		c.compareOp(e.Ops[0])
		return
	}
	cleanup, end := c.newLabel(), c.newLabel()
	for i, op := range e.Ops {
		c.expr(e.Comparators[i])
		if i < len(e.Ops)-1 {
			c.emit(SWAP, 2)
			c.emit(COPY, 2)
			c.compareOp(op)
			c.emit(COPY, 1)
			c.jump(POP_JUMP_IF_FALSE, cleanup)
			c.emit(POP_TOP, 0)
		} else {
			c.compareOp(op)
		}
	}
	c.jump(JUMP_FORWARD, end)
	c.bind(cleanup)
	c.emit(SWAP, 2)
	c.emit(POP_TOP, 0)
	c.bind(end)
}

func (c *compiler) compareOp(op string) {
	switch op {
	case "is":
		c.emit(IS_OP, 0)
	case "is not":
		c.emit(IS_OP, 1)
	case "in":
		c.emit(CONTAINS_OP, 0)
	case "not in":
		c.emit(CONTAINS_OP, 1)
	default:
		for i, o := range CompareOps {
			if o == op {
				c.emit(COMPARE_OP, uint32(i)<<4|compareMasks[i])
				return
			}
		}
		panic("unknown comparison " + op)
	}
}

// chain compiles e, a binary operation, attribute, subscript or call, whose left
// operand (object, function) may be one too: it walks down that spine in a loop,
// emitting what comes before each operand, compiles the innermost one, and goes back
// up emitting what follows each, so that a chain of any length (1+1+..., a.b.c...,
// f()()...) takes one frame. Each link's instructions have its position, as they
// would if it were compiled by expr.
func (c *compiler) chain(e syntax.Expr) {
	var links []syntax.Expr
	var x syntax.Expr = e
	for x != nil && spine(x) != nil {
		c.setPos(x)
		links = append(links, x)
		x = c.linkOperand(x)
	}
	if x != nil {
		c.expr(x)
	}
	for i := len(links) - 1; i >= 0; i-- {
		c.setPos(links[i])
		c.linkEnd(links[i])
	}
}

// linkOperand emits what a link of a chain evaluates before its operand (the NULL
// below a called function, or a global function itself) and returns the operand,
// or nil when there is none left to compile.
func (c *compiler) linkOperand(e syntax.Expr) syntax.Expr {
	call, ok := e.(*syntax.Call)
	if !ok {
		return spine(e)
	}
	switch fn := call.Func.(type) {
	case *syntax.Attribute:
		return fn.Value // a method call: LOAD_ATTR comes after the object
	case *syntax.Name:
		if c.access(fn.Id) == accGlobal {
			old := c.setPos(fn)
			c.emit(LOAD_GLOBAL, c.nameIndex(fn.Id)<<1|1)
			c.f.pos = old
			return nil
		}
	}
	c.emit(PUSH_NULL, 0)
	return call.Func
}

// linkEnd emits the rest of a link of a chain once its operand is on the stack.
func (c *compiler) linkEnd(e syntax.Expr) {
	switch e := e.(type) {
	case *syntax.BinOp:
		c.expr(e.Right)
		c.emit(BINARY_OP, uint32(binaryOpIndex(e.Op)))
	case *syntax.Attribute:
		c.emit(LOAD_ATTR, c.nameIndex(e.Attr)<<1)
	case *syntax.Subscript:
		c.subscriptIndex(e.Slice)
		c.emit(BINARY_SUBSCR, 0)
	case *syntax.Call:
		c.call(e)
	}
}

// call emits a call once its function, or a method's object, is on the stack.
func (c *compiler) call(e *syntax.Call) {
	ex := hasStarred(e.Args)
	for _, k := range e.Keywords {
		if k.Arg == "" {
			ex = true
		}
	}
	if fn, ok := e.Func.(*syntax.Attribute); ok {
		old := c.setPos(fn)
		if ex {
			c.emit(LOAD_ATTR, c.nameIndex(fn.Attr)<<1)
		} else {
			c.emit(LOAD_ATTR, c.nameIndex(fn.Attr)<<1|1)
		}
		c.f.pos = old
		if ex {
			c.emit(PUSH_NULL, 0)
			c.emit(SWAP, 2)
		}
	}
	if ex {
		c.callEx(e)
		return
	}
	for _, a := range e.Args {
		c.expr(a)
	}
	var names KwNames
	for _, k := range e.Keywords {
		c.expr(k.Value)
		names = append(names, k.Arg)
	}
	c.setPos(e)
	if len(names) > 0 {
		c.emit(KW_NAMES, c.constIndex(names))
	}
	c.emit(CALL, uint32(len(e.Args)+len(names)))
}

func (c *compiler) callEx(e *syntax.Call) {
	c.sequence(e.Args, BUILD_TUPLE, LIST_APPEND, LIST_EXTEND, true)
	flags := uint32(0)
	if len(e.Keywords) > 0 {
		c.emit(BUILD_MAP, 0)
		for _, k := range e.Keywords {
			if k.Arg == "" {
				c.expr(k.Value)
				c.emit(DICT_MERGE, 1)
			} else {
				c.loadConst(k.Arg)
				c.expr(k.Value)
				c.emit(MAP_ADD, 1)
			}
		}
		flags = 1
	}
	c.setPos(e)
	c.emit(CALL_FUNCTION_EX, flags)
}

func (c *compiler) joinedStr(e *syntax.JoinedStr) {
	if len(e.Values) == 1 {
		if s, ok := e.Values[0].(*syntax.Str); ok {
			c.loadConst(s.Value)
			return
		}
	}
	if len(e.Values) == 0 {
		c.loadConst("")
		return
	}
	for _, v := range e.Values {
		c.expr(v)
	}
	if len(e.Values) > 1 {
		c.emit(BUILD_STRING, uint32(len(e.Values)))
	}
}

func (c *compiler) formattedValue(e *syntax.FormattedValue) {
	c.expr(e.Value)
	var flags uint32
	switch e.Conversion {
	case 's':
		flags = 1
	case 'r':
		flags = 2
	case 'a':
		flags = 3
	}
	if e.Spec != nil {
		c.joinedStr(e.Spec)
		flags |= FormatHaveSpec
	}
	c.emit(FORMAT_VALUE, flags)
}

// comprehension compiles a comprehension into a nested function called with the
// iterator of its first iterable, as CPython ≤ 3.11 does. A generator expression's
// function is a generator that yields each element (build is 0).
func (c *compiler) comprehension(e syntax.Expr, gens []*syntax.Comprehension, build Opcode, elts ...syntax.Expr) {
	name := comprehensionName(e)
	qual := c.qualName(name)
	start, _ := e.Span()
	fc := c.funcode(c.scopes[e], name, qual, start.Line, nil, func() {
		c.f.qualPrefix = qual + ".<locals>."
		if build == 0 {
			c.compGenerators(gens, build, elts)
			c.returnNone()
			return
		}
		c.emit(build, 0)
		c.compGenerators(gens, build, elts)
		c.emit(RETURN_VALUE, 0)
	})
	fc.NumParams = 1
	fc.Varnames[0] = ".0"
	c.emit(PUSH_NULL, 0)
	c.makeFunction(fc, 0)
	c.expr(gens[0].Iter)
	c.emit(GET_ITER, 0)
	c.emit(CALL, 1)
}

// compGenerators compiles the loops of a comprehension, one inside the other, and
// the element appended in the innermost. They are emitted in loops, not by
// recursion, so that any number of for clauses takes one frame.
func (c *compiler) compGenerators(gens []*syntax.Comprehension, build Opcode, elts []syntax.Expr) {
	type loop struct{ top, cleanup *label }
	loops := make([]loop, len(gens))
	for i, g := range gens {
		top, cleanup := c.newLabel(), c.newLabel()
		if i == 0 {
			c.emit(LOAD_FAST, uint32(c.f.vars[".0"]))
		} else {
			c.expr(g.Iter)
			c.emit(GET_ITER, 0)
		}
		c.bind(top)
		c.jump(FOR_ITER, cleanup)
		c.store(g.Target)
		for _, cond := range g.Ifs {
			// As CPython does: the filtered-out path goes through JUMP_BACKWARD, a check point.
			keep := c.newLabel()
			c.condJump(cond, true, keep)
			c.jump(JUMP_BACKWARD, top)
			c.bind(keep)
		}
		loops[i] = loop{top, cleanup}
	}
	for _, x := range elts {
		c.expr(x)
	}
	depth := uint32(len(gens) + 1)
	switch build {
	case 0:
		c.emit(YIELD_VALUE, 1)
		c.emit(RESUME, 1)
		c.emit(POP_TOP, 0)
	case BUILD_LIST:
		c.emit(LIST_APPEND, depth)
	case BUILD_SET:
		c.emit(SET_ADD, depth)
	default:
		c.emit(MAP_ADD, depth)
	}
	for i := len(loops) - 1; i >= 0; i-- {
		c.jump(JUMP_BACKWARD, loops[i].top)
		c.bind(loops[i].cleanup)
		c.emit(END_FOR, 0)
	}
}

// compareMasks are the low bits CPython 3.12 puts in COMPARE_OP's argument: which
// outcomes (unordered 1, less 2, greater 4, equal 8) make the comparison true.
var compareMasks = [...]uint32{2, 2 | 8, 8, 1 | 2 | 4, 4, 4 | 8}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
