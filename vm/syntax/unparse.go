package syntax

// This file defines Unparse, the source text of an expression as CPython's
// compiler writes an annotation under `from __future__ import annotations`
// (Python/ast_unparse.c): normalised spacing, the fewest parentheses, string
// constants in repr form.

import (
	"math"
	"strconv"
	"strings"
)

// Operator precedences of ast_unparse.c, lowest first.
const (
	prTuple = iota
	prTest  // if-else, lambda
	prOr
	prAnd
	prNot
	prCmp
	prBor
	prBxor
	prBand
	prShift
	prArith
	prTerm
	prFactor
	prPower
	prAwait
	prAtom
)

var binPrec = map[string]int{
	"|": prBor, "^": prBxor, "&": prBand, "<<": prShift, ">>": prShift,
	"+": prArith, "-": prArith, "*": prTerm, "/": prTerm, "//": prTerm, "%": prTerm,
	"@": prTerm, "**": prPower,
}

// Unparse returns the normalised source text of e.
func Unparse(e Expr) string {
	var b strings.Builder
	unparse(&b, e, prTest)
	return b.String()
}

func unparse(b *strings.Builder, e Expr, level int) {
	paren := func(prec int, f func()) {
		if level > prec {
			b.WriteByte('(')
			f()
			b.WriteByte(')')
			return
		}
		f()
	}
	switch e := e.(type) {
	case *Name:
		b.WriteString(e.Id)
	case *NameConst:
		b.WriteString(e.Value)
	case *Int:
		if e.Big != nil {
			b.WriteString(e.Big.String())
		} else {
			b.WriteString(strconv.FormatInt(e.Small, 10))
		}
	case *Float:
		b.WriteString(unparseFloat(e.Value))
		if e.Imag {
			b.WriteString("j")
		}
	case *Str:
		b.WriteString(reprStr(e.Value))
	case *Bytes:
		b.WriteString(pyQuoteBytes(e.Value))
	case *Attribute:
		unparse(b, e.Value, prAtom)
		if i, ok := e.Value.(*Int); ok && i.Big == nil {
			b.WriteByte(' ') // `1 .real`
		}
		b.WriteString("." + e.Attr)
	case *Subscript:
		unparse(b, e.Value, prAtom)
		b.WriteByte('[')
		if t, ok := e.Slice.(*Tuple); ok && len(t.Elts) > 0 {
			unparseSeq(b, t.Elts)
			if len(t.Elts) == 1 {
				b.WriteByte(',')
			}
		} else {
			unparse(b, e.Slice, prTuple)
		}
		b.WriteByte(']')
	case *Slice:
		if e.Lower != nil {
			unparse(b, e.Lower, prTest)
		}
		b.WriteByte(':')
		if e.Upper != nil {
			unparse(b, e.Upper, prTest)
		}
		if e.Step != nil {
			b.WriteByte(':')
			unparse(b, e.Step, prTest)
		}
	case *Tuple:
		if len(e.Elts) == 0 {
			b.WriteString("()")
			return
		}
		paren(prTuple, func() {
			unparseSeq(b, e.Elts)
			if len(e.Elts) == 1 {
				b.WriteByte(',')
			}
		})
	case *List:
		b.WriteByte('[')
		unparseSeq(b, e.Elts)
		b.WriteByte(']')
	case *Set:
		b.WriteByte('{')
		unparseSeq(b, e.Elts)
		b.WriteByte('}')
	case *Dict:
		b.WriteByte('{')
		for i, k := range e.Keys {
			if i > 0 {
				b.WriteString(", ")
			}
			if k == nil {
				b.WriteString("**")
				unparse(b, e.Values[i], prBor)
				continue
			}
			unparse(b, k, prTest)
			b.WriteString(": ")
			unparse(b, e.Values[i], prTest)
		}
		b.WriteByte('}')
	case *Starred:
		b.WriteByte('*')
		unparse(b, e.Value, prBor)
	case *BinOp:
		prec := binPrec[e.Op]
		paren(prec, func() {
			left, right := prec, prec+1
			if e.Op == "**" {
				left, right = prec+1, prec
			}
			unparse(b, e.Left, left)
			b.WriteString(" " + e.Op + " ")
			unparse(b, e.Right, right)
		})
	case *UnaryOp:
		if e.Op == "not" {
			paren(prNot, func() {
				b.WriteString("not ")
				unparse(b, e.Operand, prNot)
			})
			return
		}
		paren(prFactor, func() {
			b.WriteString(e.Op)
			unparse(b, e.Operand, prFactor)
		})
	case *BoolOp:
		prec := prAnd
		if e.Op == "or" {
			prec = prOr
		}
		paren(prec, func() {
			for i, v := range e.Values {
				if i > 0 {
					b.WriteString(" " + e.Op + " ")
				}
				unparse(b, v, prec+1)
			}
		})
	case *Compare:
		paren(prCmp, func() {
			unparse(b, e.Left, prCmp+1)
			for i, op := range e.Ops {
				b.WriteString(" " + op + " ")
				unparse(b, e.Comparators[i], prCmp+1)
			}
		})
	case *IfExp:
		paren(prTest, func() {
			unparse(b, e.Body, prTest+1)
			b.WriteString(" if ")
			unparse(b, e.Test, prTest+1)
			b.WriteString(" else ")
			unparse(b, e.OrElse, prTest)
		})
	case *Call:
		unparse(b, e.Func, prAtom)
		b.WriteByte('(')
		n := 0
		for _, a := range e.Args {
			if n > 0 {
				b.WriteString(", ")
			}
			n++
			unparse(b, a, prTest)
		}
		for _, k := range e.Keywords {
			if n > 0 {
				b.WriteString(", ")
			}
			n++
			if k.Arg == "" {
				b.WriteString("**")
			} else {
				b.WriteString(k.Arg + "=")
			}
			unparse(b, k.Value, prTest)
		}
		b.WriteByte(')')
	case *NamedExpr:
		paren(prTuple+1, func() {
			b.WriteString(e.Target.Id + " := ")
			unparse(b, e.Value, prAtom)
		})
	case *Lambda:
		paren(prTest, func() {
			b.WriteString("lambda")
			if args := unparseArgs(e.Args); args != "" {
				b.WriteString(" " + args)
			}
			b.WriteString(": ")
			unparse(b, e.Body, prTest)
		})
	default:
		// Comprehensions and f-strings in annotations: CPython writes them in
		// full; gilscope keeps the text's shape but not every detail.
		b.WriteString("...")
	}
}

func unparseSeq(b *strings.Builder, elts []Expr) {
	for i, x := range elts {
		if i > 0 {
			b.WriteString(", ")
		}
		unparse(b, x, prTest)
	}
}

func unparseArgs(a *Arguments) string {
	var parts []string
	first := len(a.Args) - len(a.Defaults)
	for i, p := range a.Args {
		s := p.Name
		if i >= first {
			s += "=" + Unparse(a.Defaults[i-first])
		}
		parts = append(parts, s)
	}
	if a.Vararg != nil {
		parts = append(parts, "*"+a.Vararg.Name)
	} else if len(a.KwOnly) > 0 {
		parts = append(parts, "*")
	}
	for i, p := range a.KwOnly {
		s := p.Name
		if a.KwDefaults[i] != nil {
			s += "=" + Unparse(a.KwDefaults[i])
		}
		parts = append(parts, s)
	}
	if a.Kwarg != nil {
		parts = append(parts, "**"+a.Kwarg.Name)
	}
	return strings.Join(parts, ", ")
}

// unparseFloat writes a float as repr does, with inf as CPython's unparser
// writes it (1e309).
func unparseFloat(f float64) string {
	if math.IsInf(f, 0) {
		return "1e309"
	}
	return pyFloat(f)
}

// reprStr is repr of a str: single quotes unless the text holds one and no
// double quote.
func reprStr(s string) string {
	if strings.Contains(s, "'") && !strings.Contains(s, `"`) {
		q := pyQuote(s)
		return `"` + strings.ReplaceAll(q[1:len(q)-1], `\'`, "'") + `"`
	}
	return pyQuote(s)
}
