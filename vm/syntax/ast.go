// Package syntax defines gilscope's Python subset: the scanner, the parser and the
// abstract syntax tree they produce. The tree mirrors CPython's ast module (same node
// names and fields where they exist), so a reader who knows `python3 -m ast` can read it.
//
// Parse is the entry point; it never panics: every problem is returned as an *Error
// carrying the file, line and column.
package syntax

import "math/big"

// Pos is a source position: 1-based line and 1-based column (in runes).
type Pos struct {
	Line, Col int32
}

// Node is any syntax tree node.
//
// Span returns the position of the node's first character and the position
// just after its last one. It takes constant time: a node whose extent depends
// on its children (an operation, a call, a compound statement) records it when
// it is parsed, so that code walking a tree of n nodes asks for positions in
// O(n) however deep the tree is.
type Node interface {
	Span() (start, end Pos)
}

// Expr is an expression node.
type Expr interface {
	Node
	expr()
}

// Stmt is a statement node.
type Stmt interface {
	Node
	stmt()
}

// Module is a parsed file.
type Module struct {
	Filename string
	Body     []Stmt
}

// ---- expressions ----

// Name is an identifier used as a value or target.
type Name struct {
	NamePos Pos
	End     Pos
	Id      string
}

// NameConst is one of True, False, None.
type NameConst struct {
	ValuePos Pos
	End      Pos
	Value    string // "True", "False", "None" or "..." (Ellipsis)
}

// Int is an integer literal. Small holds the value when it fits in int64 (Big is nil);
// otherwise Big holds it.
type Int struct {
	ValuePos Pos
	End      Pos
	Small    int64
	Big      *big.Int
}

// Float is a float literal (also imaginary literals are rejected by the parser).
type Float struct {
	ValuePos Pos
	End      Pos
	Value    float64
	Imag     bool `dump:"omitempty"` // an imaginary literal: Value times 1j
}

// Str is a string literal; adjacent literals are already concatenated.
type Str struct {
	ValuePos Pos
	End      Pos
	Value    string
}

// Bytes is a bytes literal; adjacent literals are already concatenated.
type Bytes struct {
	ValuePos Pos
	End      Pos
	Value    string
}

// JoinedStr is an f-string: Values are *Str and *FormattedValue in order.
// Adjacent plain and f-string literals are merged into one JoinedStr.
type JoinedStr struct {
	ValuePos Pos
	End      Pos
	Values   []Expr
}

// FormattedValue is one `{value!conv:spec}` replacement field of an f-string.
// Conversion is 0, 's', 'r' or 'a'. Spec is nil or a *JoinedStr (specs may nest fields).
type FormattedValue struct {
	ValuePos   Pos
	End        Pos
	Value      Expr
	Conversion rune
	Spec       *JoinedStr
}

// List is a list display `[a, b]`.
type List struct {
	Lbrack Pos
	End    Pos
	Elts   []Expr // may contain *Starred
}

// Tuple is a tuple display `(a, b)` or `a, b`.
type Tuple struct {
	Lparen Pos
	End    Pos
	Elts   []Expr // may contain *Starred
}

// Dict is a dict display. A nil key means `**value` unpacking.
type Dict struct {
	Lbrace Pos
	End    Pos
	Keys   []Expr
	Values []Expr
}

// Set is a set display `{a, b}`.
type Set struct {
	Lbrace Pos
	End    Pos
	Elts   []Expr
}

// Comprehension is one `for target in iter if cond...` clause.
type Comprehension struct {
	ForPos Pos
	Target Expr
	Iter   Expr
	Ifs    []Expr
}

// ListComp is `[elt for ...]`.
type ListComp struct {
	Lbrack     Pos
	End        Pos
	Elt        Expr
	Generators []*Comprehension
}

// SetComp is `{elt for ...}`.
type SetComp struct {
	Lbrace     Pos
	End        Pos
	Elt        Expr
	Generators []*Comprehension
}

// DictComp is `{key: value for ...}`.
type DictComp struct {
	Lbrace     Pos
	End        Pos
	Key, Value Expr
	Generators []*Comprehension
}

// GeneratorExp is `(elt for ...)`, also the bare form as the sole argument of a call.
type GeneratorExp struct {
	Lparen     Pos
	End        Pos
	Elt        Expr
	Generators []*Comprehension
}

// Yield is `yield` or `yield value` (Value nil for the bare form).
type Yield struct {
	KwPos Pos
	End   Pos
	Value Expr
}

// YieldFrom is `yield from value`.
type YieldFrom struct {
	KwPos Pos
	End   Pos
	Value Expr
}

// BinOp is `left op right`. Op is one of + - * / // % ** << >> & | ^ @.
type BinOp struct {
	Start Pos
	End   Pos
	Left  Expr
	Op    string
	OpPos Pos
	Right Expr
}

// UnaryOp is `op operand`. Op is one of "-", "+", "~", "not".
type UnaryOp struct {
	OpPos   Pos
	End     Pos
	Op      string
	Operand Expr
}

// BoolOp is `a and b and c` or `a or b`. Op is "and" or "or".
type BoolOp struct {
	Start  Pos
	End    Pos
	Op     string
	Values []Expr
}

// Compare is a possibly chained comparison `left op1 c1 op2 c2`. Ops are
// "<", ">", "==", ">=", "<=", "!=", "in", "not in", "is", "is not".
type Compare struct {
	Start       Pos
	End         Pos
	Left        Expr
	Ops         []string
	OpPos       []Pos
	Comparators []Expr
}

// IfExp is `body if test else orelse`.
type IfExp struct {
	Start              Pos
	End                Pos
	Test, Body, OrElse Expr
}

// Keyword is `arg=value` in a call; Arg == "" means `**value`.
type Keyword struct {
	ArgPos Pos
	Arg    string
	Value  Expr
}

// Call is `func(args, keywords)`. Args may contain *Starred for `*x`.
type Call struct {
	Start    Pos
	Func     Expr
	Lparen   Pos
	End      Pos
	Args     []Expr
	Keywords []*Keyword
}

// Attribute is `value.attr`.
type Attribute struct {
	Start   Pos
	Value   Expr
	AttrPos Pos
	End     Pos
	Attr    string
}

// Subscript is `value[slice]`; Slice is an expression, a *Slice, or a *Tuple of them.
type Subscript struct {
	Start  Pos
	Value  Expr
	Lbrack Pos
	End    Pos
	Slice  Expr
}

// Slice is `lower:upper:step` inside a subscript; any part may be nil.
// Start is the start of Lower, or Colon.
type Slice struct {
	Start              Pos
	Colon              Pos
	End                Pos
	Lower, Upper, Step Expr
}

// Starred is `*value` in a display, call or assignment target.
type Starred struct {
	Star  Pos
	End   Pos
	Value Expr
}

// NamedExpr is the assignment expression `target := value`.
type NamedExpr struct {
	Start  Pos
	End    Pos
	Target *Name
	Value  Expr
}

// Lambda is `lambda args: body`.
type Lambda struct {
	LambdaPos Pos
	End       Pos
	Args      *Arguments
	Body      Expr
}

// ---- statements ----

// Arg is one parameter name.
type Arg struct {
	ArgPos     Pos
	Name       string
	Annotation Expr `dump:"omitempty"` // `name: annotation`, or nil
}

// Arguments is a parameter list: `a, b=1, *args, c, d=2, **kw`.
// Defaults align with the last len(Defaults) of Args; KwDefaults align with KwOnly
// (nil entries have no default). The first PosOnly of Args are positional-only
// (before a `/`).
type Arguments struct {
	PosOnly    int `dump:"omitempty"`
	Args       []*Arg
	Defaults   []Expr
	Vararg     *Arg // nil if absent
	KwOnly     []*Arg
	KwDefaults []Expr
	Kwarg      *Arg // nil if absent
}

// ExprStmt is an expression evaluated for its effect.
type ExprStmt struct {
	Start Pos
	End   Pos
	Value Expr
}

// Assign is `t1 = t2 = value`.
type Assign struct {
	Start   Pos
	End     Pos
	Targets []Expr
	Value   Expr
}

// AnnAssign is `target: annotation [= value]`. Simple is true when the target is
// a name not in parentheses: only those are recorded in `__annotations__`.
type AnnAssign struct {
	Start      Pos
	End        Pos
	Target     Expr
	Annotation Expr
	Value      Expr // nil for a bare annotation
	Simple     bool
}

// AugAssign is `target op= value`; Op is the binary operator without "=".
type AugAssign struct {
	Start  Pos
	End    Pos
	Target Expr
	Op     string
	OpPos  Pos
	Value  Expr
}

// If is `if test: body elif...: else: orelse` (elif nests as an If in OrElse).
// End is the end of its last statement, which for an If with elif clauses is
// in the last one.
type If struct {
	IfPos  Pos
	End    Pos
	Test   Expr
	Body   []Stmt
	OrElse []Stmt
}

// While is `while test: body else: orelse`.
type While struct {
	WhilePos Pos
	End      Pos
	Test     Expr
	Body     []Stmt
	OrElse   []Stmt
}

// For is `for target in iter: body else: orelse`.
type For struct {
	ForPos Pos
	End    Pos
	Target Expr
	Iter   Expr
	Body   []Stmt
	OrElse []Stmt
}

// Break is `break`.
type Break struct{ KwPos Pos }

// Continue is `continue`.
type Continue struct{ KwPos Pos }

// Pass is `pass`.
type Pass struct{ KwPos Pos }

// FunctionDef is `def name(args): body`.
type FunctionDef struct {
	DefPos  Pos
	NamePos Pos
	Name    string
	Args    *Arguments
	Body    []Stmt
	End     Pos // end of the body's last statement
	// Decorators are the `@expr` lines above the def, outermost first. Dump shows
	// them last, and only when there are some.
	Decorators []Expr `dump:"omitempty"`
	Returns    Expr   `dump:"omitempty"` // the `-> annotation`, or nil
}

// Return is `return [value]`.
type Return struct {
	KwPos Pos
	End   Pos
	Value Expr // nil for a bare return
}

// Global is `global a, b`.
type Global struct {
	KwPos Pos
	End   Pos
	Names []string
}

// Nonlocal is `nonlocal a, b`.
type Nonlocal struct {
	KwPos Pos
	End   Pos
	Names []string
}

// ClassDef is `class Name(Base, key=value): body`.
type ClassDef struct {
	ClassPos Pos
	End      Pos
	NamePos  Pos
	Name     string
	Bases    []Expr
	Keywords []*Keyword `dump:"omitempty"`
	Body     []Stmt
	// Decorators are the `@expr` lines above the class, outermost first.
	Decorators []Expr `dump:"omitempty"`
}

// Alias is `name as asname` in an import; AsName is "" when absent.
type Alias struct {
	NamePos Pos
	Name    string // dotted for `import a.b`
	AsName  string
}

// Import is `import a, b as c`.
type Import struct {
	KwPos Pos
	End   Pos
	Names []*Alias
}

// ImportFrom is `from module import a, b as c`. Level is the number of
// leading dots of a relative import (`from ..a import b` has Level 2 and
// Module "a"; `from . import b` has Level 1 and Module "").
type ImportFrom struct {
	KwPos  Pos
	End    Pos
	Level  int
	Module string
	Names  []*Alias
}

// WithItem is `expr as target` in a with statement; Target may be nil.
type WithItem struct {
	ContextExpr Expr
	Target      Expr
}

// With is `with a as x, b: body`.
type With struct {
	WithPos Pos
	End     Pos
	Items   []*WithItem
	Body    []Stmt
}

// ExceptHandler is `except Type as name: body`; Type is nil for a bare except.
type ExceptHandler struct {
	ExceptPos Pos
	Type      Expr
	NamePos   Pos // position of Name, if any
	Name      string
	Body      []Stmt
}

// Try is `try: body except...: else: orelse finally: finalbody`.
type Try struct {
	TryPos    Pos
	End       Pos
	Body      []Stmt
	Handlers  []*ExceptHandler
	OrElse    []Stmt
	FinalBody []Stmt
}

// Raise is `raise [exc [from cause]]`.
type Raise struct {
	KwPos Pos
	End   Pos
	Exc   Expr // nil for a bare re-raise
	Cause Expr
}

// Assert is `assert test[, msg]`.
type Assert struct {
	KwPos Pos
	End   Pos
	Test  Expr
	Msg   Expr
}

// Delete is `del a, b[i], c.x`.
type Delete struct {
	KwPos   Pos
	End     Pos
	Targets []Expr
}
