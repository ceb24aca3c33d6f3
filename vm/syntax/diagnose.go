package syntax

// This file defines the diagnoses of common mistakes that reproduce the
// messages of CPython's "invalid_" grammar rules, such as a missing comma
// or '=' used for '=='. CPython parses a little past the point of failure
// to choose its message, and so do these functions; how far they read also
// matters when an unclosed bracket is found later (see finalError).

import (
	"fmt"
	"strings"
)

// misplacedEq diagnoses `x = y` where an expression is expected, as
// CPython's invalid_named_expression rule does. The current token is '='.
// If no specific message applies, it reports "invalid syntax" at pos.
func (p *parser) misplacedEq(x Expr, pos Pos) {
	p.next()
	if p.try(func() { p.parseBitOr() }, false) && p.tok != EQ && p.tok != COLONEQ {
		switch x.(type) {
		case *Name:
			p.errorSpan(x, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
		case *List, *Tuple, *GeneratorExp:
		default:
			if c, ok := x.(*NameConst); ok && c.Value != "..." {
				break
			}
			if bitwiseOrLevel(x) {
				p.errorSpan(x, "cannot assign to %s here. Maybe you meant '==' instead of '='?", exprName(x))
			}
		}
	}
	p.errorf(pos, "invalid syntax")
}

// try calls parse and reports whether it succeeded. A syntax error found
// by the parser is discarded (the parser state is then meaningless, so the
// caller must report an error), unless specific is set and the error is
// more specific than "invalid syntax". An error found by the scanner
// always propagates.
func (p *parser) try(parse func(), specific bool) (ok bool) {
	defer func() {
		if r := recover(); r != nil {
			if b, isBailout := r.(bailout); !isBailout || b.scanner || specific && !b.generic {
				panic(r)
			}
		}
	}()
	parse()
	return true
}

// missingComma reports CPython's "Perhaps you forgot a comma?" for the
// expression x, which is followed by the start of another expression
// inside brackets. As in CPython, it does not apply if x is a name
// followed by a string, if x begins with a soft keyword, or if x is a
// conditional expression.
func (p *parser) missingComma(x Expr) {
	if _, ok := x.(*IfExp); ok {
		return
	}
	if name, ok := x.(*Name); ok {
		switch {
		case name.Id == "print" || name.Id == "exec":
			p.legacyStatement(name)
		case p.tok == STRING:
			// CPython skips `name 'string'` but considers the string in
			// turn, as in `('a', b'c', 'd')` with a quote deleted.
			pos := p.val.pos
			var y Expr
			if p.try(func() { y = p.parseTest0() }, false) && startsOperand(p.tok) {
				p.missingComma(y)
			}
			p.genericError(pos)
		}
	}
	if name, ok := leftmost(x).(*Name); ok && isSoftKeyword(name.Id) {
		return
	}
	// Like CPython, parse the following expression before deciding: the
	// diagnosis needs it to be valid, and how far the parser read matters
	// when an unclosed bracket is found later (see finalError).
	pos := p.val.pos
	if !p.try(func() { p.parseTest0() }, false) {
		p.errorf(pos, "invalid syntax")
	}
	p.fail(SyntaxError, start(x), p.prevEnd, "invalid syntax. Perhaps you forgot a comma?")
}

// legacyStatement reports a Python 2 print or exec statement, such as
// `print x`, whose keyword is name.
func (p *parser) legacyStatement(name *Name) {
	end := p.val.end
	if p.try(func() { p.parseStarExprs() }, false) {
		end = p.prevEnd
	}
	p.fail(SyntaxError, name.NamePos, end, fmt.Sprintf("Missing parentheses in call to '%s'. Did you mean %s(...)?", name.Id, name.Id))
}

// leftmost returns the leftmost operand of x.
func leftmost(x Expr) Expr {
	for {
		switch e := x.(type) {
		case *BinOp:
			x = e.Left
		case *BoolOp:
			x = e.Values[0]
		case *Compare:
			x = e.Left
		case *IfExp:
			x = e.Body
		case *Call:
			x = e.Func
		case *Attribute:
			x = e.Value
		case *Subscript:
			x = e.Value
		default:
			return x
		}
	}
}

// isSoftKeyword reports whether CPython 3.12 treats name as a soft keyword
// when deciding whether to suggest a missing comma. Its check accepts any
// prefix of a soft keyword, so "t" and "ma" count too.
func isSoftKeyword(name string) bool {
	for _, kw := range [...]string{"match", "case", "type", "_"} {
		if name != "" && strings.HasPrefix(kw, name) {
			return true
		}
	}
	return false
}
