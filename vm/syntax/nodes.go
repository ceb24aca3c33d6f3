package syntax

// This file defines the methods that make the types of ast.go satisfy
// Node, Expr and Stmt: the marker methods and Span, which reports the
// position of a node's first character and the position just after its
// last one.

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

func (*ExprStmt) stmt()    {}
func (*Assign) stmt()      {}
func (*AugAssign) stmt()   {}
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
func (x *BinOp) Span() (Pos, Pos)          { return start(x.Left), end(x.Right) }
func (x *UnaryOp) Span() (Pos, Pos)        { return x.OpPos, end(x.Operand) }
func (x *BoolOp) Span() (Pos, Pos)         { return start(x.Values[0]), end(x.Values[len(x.Values)-1]) }
func (x *IfExp) Span() (Pos, Pos)          { return start(x.Body), end(x.OrElse) }
func (x *Call) Span() (Pos, Pos)           { return start(x.Func), x.End }
func (x *Attribute) Span() (Pos, Pos)      { return start(x.Value), x.End }
func (x *Subscript) Span() (Pos, Pos)      { return start(x.Value), x.End }
func (x *Starred) Span() (Pos, Pos)        { return x.Star, end(x.Value) }
func (x *Lambda) Span() (Pos, Pos)         { return x.LambdaPos, end(x.Body) }

func (x *Compare) Span() (Pos, Pos) {
	return start(x.Left), end(x.Comparators[len(x.Comparators)-1])
}

func (x *Slice) Span() (Pos, Pos) {
	if x.Lower != nil {
		return start(x.Lower), x.End
	}
	return x.Colon, x.End
}

func (x *ExprStmt) Span() (Pos, Pos)    { return x.Value.Span() }
func (x *Assign) Span() (Pos, Pos)      { return start(x.Targets[0]), end(x.Value) }
func (x *AugAssign) Span() (Pos, Pos)   { return start(x.Target), end(x.Value) }
func (x *If) Span() (Pos, Pos)          { return x.IfPos, bodyEnd(x.OrElse, x.Body) }
func (x *While) Span() (Pos, Pos)       { return x.WhilePos, bodyEnd(x.OrElse, x.Body) }
func (x *For) Span() (Pos, Pos)         { return x.ForPos, bodyEnd(x.OrElse, x.Body) }
func (x *Break) Span() (Pos, Pos)       { return x.KwPos, after(x.KwPos, "break") }
func (x *Continue) Span() (Pos, Pos)    { return x.KwPos, after(x.KwPos, "continue") }
func (x *Pass) Span() (Pos, Pos)        { return x.KwPos, after(x.KwPos, "pass") }
func (x *FunctionDef) Span() (Pos, Pos) { return x.DefPos, bodyEnd(x.Body) }
func (x *Global) Span() (Pos, Pos)      { return x.KwPos, x.End }
func (x *Nonlocal) Span() (Pos, Pos)    { return x.KwPos, x.End }
func (x *ClassDef) Span() (Pos, Pos)    { return x.ClassPos, bodyEnd(x.Body) }
func (x *Import) Span() (Pos, Pos)      { return x.KwPos, x.End }
func (x *ImportFrom) Span() (Pos, Pos)  { return x.KwPos, x.End }
func (x *With) Span() (Pos, Pos)        { return x.WithPos, bodyEnd(x.Body) }

func (x *Return) Span() (Pos, Pos) {
	if x.Value == nil {
		return x.KwPos, after(x.KwPos, "return")
	}
	return x.KwPos, end(x.Value)
}

func (x *Try) Span() (Pos, Pos) {
	last := x.Body
	if n := len(x.Handlers); n > 0 {
		last = x.Handlers[n-1].Body
	}
	return x.TryPos, bodyEnd(x.FinalBody, x.OrElse, last)
}

func (x *Raise) Span() (Pos, Pos) {
	switch {
	case x.Cause != nil:
		return x.KwPos, end(x.Cause)
	case x.Exc != nil:
		return x.KwPos, end(x.Exc)
	}
	return x.KwPos, after(x.KwPos, "raise")
}

func (x *Assert) Span() (Pos, Pos) {
	if x.Msg != nil {
		return x.KwPos, end(x.Msg)
	}
	return x.KwPos, end(x.Test)
}

func (x *Delete) Span() (Pos, Pos) {
	return x.KwPos, end(x.Targets[len(x.Targets)-1])
}
