package syntax

// This file defines the methods that make the types of ast.go satisfy
// Node, Expr and Stmt: the marker methods and Span, which reports the
// position of a node's first character and the position just after its
// last one, as recorded by the parser.

import "unicode/utf8"

func (*Name) expr()           {}
func (*NameConst) expr()      {}
func (*Int) expr()            {}
func (*Float) expr()          {}
func (*Str) expr()            {}
func (*Bytes) expr()          {}
func (*JoinedStr) expr()      {}
func (*FormattedValue) expr() {}
func (*List) expr()           {}
func (*Tuple) expr()          {}
func (*Dict) expr()           {}
func (*Set) expr()            {}
func (*ListComp) expr()       {}
func (*SetComp) expr()        {}
func (*DictComp) expr()       {}
func (*GeneratorExp) expr()   {}
func (*Yield) expr()          {}
func (*YieldFrom) expr()      {}
func (*BinOp) expr()          {}
func (*UnaryOp) expr()        {}
func (*BoolOp) expr()         {}
func (*Compare) expr()        {}
func (*IfExp) expr()          {}
func (*Call) expr()           {}
func (*Attribute) expr()      {}
func (*Subscript) expr()      {}
func (*Slice) expr()          {}
func (*Starred) expr()        {}
func (*Lambda) expr()         {}
func (*NamedExpr) expr()      {}

func (*ExprStmt) stmt()    {}
func (*Assign) stmt()      {}
func (*AugAssign) stmt()   {}
func (*AnnAssign) stmt()   {}
func (*If) stmt()          {}
func (*While) stmt()       {}
func (*For) stmt()         {}
func (*Break) stmt()       {}
func (*Continue) stmt()    {}
func (*Pass) stmt()        {}
func (*FunctionDef) stmt() {}
func (*Return) stmt()      {}
func (*Global) stmt()      {}
func (*Nonlocal) stmt()    {}
func (*ClassDef) stmt()    {}
func (*Import) stmt()      {}
func (*ImportFrom) stmt()  {}
func (*With) stmt()        {}
func (*Try) stmt()         {}
func (*Raise) stmt()       {}
func (*Assert) stmt()      {}
func (*Delete) stmt()      {}

// start and end return the first and last positions of a node's span.
func start(n Node) Pos { p, _ := n.Span(); return p }
func end(n Node) Pos   { _, p := n.Span(); return p }

// after returns the position just after a keyword or name at pos.
func after(pos Pos, word string) Pos {
	return Pos{pos.Line, pos.Col + int32(utf8.RuneCountInString(word))}
}

// bodyEnd returns the end of the last statement of the first non-empty body.
func bodyEnd(bodies ...[]Stmt) Pos {
	for _, b := range bodies {
		if len(b) > 0 {
			return end(b[len(b)-1])
		}
	}
	return Pos{}
}

// Module has no position of its own; it is never inside another node.
func (x *Module) Span() (Pos, Pos) {
	if len(x.Body) == 0 {
		return Pos{1, 1}, Pos{1, 1}
	}
	return start(x.Body[0]), bodyEnd(x.Body)
}

func (x *Name) Span() (Pos, Pos)           { return x.NamePos, x.End }
func (x *NameConst) Span() (Pos, Pos)      { return x.ValuePos, x.End }
func (x *Int) Span() (Pos, Pos)            { return x.ValuePos, x.End }
func (x *Float) Span() (Pos, Pos)          { return x.ValuePos, x.End }
func (x *Str) Span() (Pos, Pos)            { return x.ValuePos, x.End }
func (x *Bytes) Span() (Pos, Pos)          { return x.ValuePos, x.End }
func (x *JoinedStr) Span() (Pos, Pos)      { return x.ValuePos, x.End }
func (x *FormattedValue) Span() (Pos, Pos) { return x.ValuePos, x.End }
func (x *List) Span() (Pos, Pos)           { return x.Lbrack, x.End }
func (x *Tuple) Span() (Pos, Pos)          { return x.Lparen, x.End }
func (x *Dict) Span() (Pos, Pos)           { return x.Lbrace, x.End }
func (x *Set) Span() (Pos, Pos)            { return x.Lbrace, x.End }
func (x *ListComp) Span() (Pos, Pos)       { return x.Lbrack, x.End }
func (x *SetComp) Span() (Pos, Pos)        { return x.Lbrace, x.End }
func (x *DictComp) Span() (Pos, Pos)       { return x.Lbrace, x.End }
func (x *GeneratorExp) Span() (Pos, Pos)   { return x.Lparen, x.End }
func (x *Yield) Span() (Pos, Pos)          { return x.KwPos, x.End }
func (x *YieldFrom) Span() (Pos, Pos)      { return x.KwPos, x.End }
func (x *BinOp) Span() (Pos, Pos)          { return x.Start, x.End }
func (x *UnaryOp) Span() (Pos, Pos)        { return x.OpPos, x.End }
func (x *BoolOp) Span() (Pos, Pos)         { return x.Start, x.End }
func (x *Compare) Span() (Pos, Pos)        { return x.Start, x.End }
func (x *IfExp) Span() (Pos, Pos)          { return x.Start, x.End }
func (x *Call) Span() (Pos, Pos)           { return x.Start, x.End }
func (x *Attribute) Span() (Pos, Pos)      { return x.Start, x.End }
func (x *Subscript) Span() (Pos, Pos)      { return x.Start, x.End }
func (x *Slice) Span() (Pos, Pos)          { return x.Start, x.End }
func (x *Starred) Span() (Pos, Pos)        { return x.Star, x.End }
func (x *Lambda) Span() (Pos, Pos)         { return x.LambdaPos, x.End }
func (x *NamedExpr) Span() (Pos, Pos)      { return x.Start, x.End }

func (x *ExprStmt) Span() (Pos, Pos)    { return x.Start, x.End }
func (x *Assign) Span() (Pos, Pos)      { return x.Start, x.End }
func (x *AugAssign) Span() (Pos, Pos)   { return x.Start, x.End }
func (x *AnnAssign) Span() (Pos, Pos)   { return x.Start, x.End }
func (x *If) Span() (Pos, Pos)          { return x.IfPos, x.End }
func (x *While) Span() (Pos, Pos)       { return x.WhilePos, x.End }
func (x *For) Span() (Pos, Pos)         { return x.ForPos, x.End }
func (x *Break) Span() (Pos, Pos)       { return x.KwPos, after(x.KwPos, "break") }
func (x *Continue) Span() (Pos, Pos)    { return x.KwPos, after(x.KwPos, "continue") }
func (x *Pass) Span() (Pos, Pos)        { return x.KwPos, after(x.KwPos, "pass") }
func (x *FunctionDef) Span() (Pos, Pos) { return x.DefPos, x.End }
func (x *Return) Span() (Pos, Pos)      { return x.KwPos, x.End }
func (x *Global) Span() (Pos, Pos)      { return x.KwPos, x.End }
func (x *Nonlocal) Span() (Pos, Pos)    { return x.KwPos, x.End }
func (x *ClassDef) Span() (Pos, Pos)    { return x.ClassPos, x.End }
func (x *Import) Span() (Pos, Pos)      { return x.KwPos, x.End }
func (x *ImportFrom) Span() (Pos, Pos)  { return x.KwPos, x.End }
func (x *With) Span() (Pos, Pos)        { return x.WithPos, x.End }
func (x *Try) Span() (Pos, Pos)         { return x.TryPos, x.End }
func (x *Raise) Span() (Pos, Pos)       { return x.KwPos, x.End }
func (x *Assert) Span() (Pos, Pos)      { return x.KwPos, x.End }
func (x *Delete) Span() (Pos, Pos)      { return x.KwPos, x.End }
