package syntax

// This file defines Dump, a compact rendering of syntax trees for tests
// and debugging.

import (
	"fmt"
	"math"
	"math/big"
	"reflect"
	"strconv"
	"strings"
)

// Dump returns a one-line rendering of the tree rooted at n in the style
// of Python's ast.dump: each node is written as its type name followed by
// its fields in declaration order, in parentheses, omitting positions.
// Lists are written [a, b], nil nodes None, strings in single quotes, and
// an Int as Int(value). For example, `x = f(1)` dumps as
//
//	Module([Assign([Name('x')], Call(Name('f'), [Int(1)], []))])
func Dump(n Node) string {
	var b strings.Builder
	dump(&b, reflect.ValueOf(n))
	return b.String()
}

var (
	posType    = reflect.TypeOf(Pos{})
	posesType  = reflect.TypeOf([]Pos{})
	bigIntType = reflect.TypeOf((*big.Int)(nil))
)

func dump(b *strings.Builder, v reflect.Value) {
	switch v.Kind() {
	case reflect.Interface, reflect.Pointer:
		if v.IsNil() {
			b.WriteString("None")
			return
		}
		if v.Type() == bigIntType {
			b.WriteString(v.Interface().(*big.Int).String())
			return
		}
		if x, ok := v.Interface().(*Bytes); ok {
			b.WriteString("Bytes(" + pyQuoteBytes(x.Value) + ")")
			return
		}
		if x, ok := v.Interface().(*Int); ok {
			b.WriteString("Int(")
			if x.Big != nil {
				b.WriteString(x.Big.String())
			} else {
				b.WriteString(strconv.FormatInt(x.Small, 10))
			}
			b.WriteString(")")
			return
		}
		dump(b, v.Elem())
	case reflect.Struct:
		dumpStruct(b, v)
	case reflect.Slice:
		b.WriteByte('[')
		for i := 0; i < v.Len(); i++ {
			if i > 0 {
				b.WriteString(", ")
			}
			dump(b, v.Index(i))
		}
		b.WriteByte(']')
	case reflect.String:
		b.WriteString(pyQuote(v.String()))
	case reflect.Float64:
		b.WriteString(pyFloat(v.Float()))
	case reflect.Int, reflect.Int32, reflect.Int64:
		b.WriteString(strconv.FormatInt(v.Int(), 10))
	case reflect.Bool:
		if v.Bool() {
			b.WriteString("True")
		} else {
			b.WriteString("False")
		}
	default:
		b.WriteString(v.String())
	}
}

func dumpStruct(b *strings.Builder, v reflect.Value) {
	t := v.Type()
	b.WriteString(t.Name())
	b.WriteByte('(')
	sep := ""
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Type == posType || f.Type == posesType || f.Name == "Filename" {
			continue
		}
		if f.Tag.Get("dump") == "omitempty" && (f.Type.Kind() == reflect.Slice && v.Field(i).Len() == 0 ||
			f.Type.Kind() == reflect.Interface && v.Field(i).IsNil() ||
			f.Type.Kind() == reflect.Int && v.Field(i).Int() == 0 ||
			f.Type.Kind() == reflect.Bool && !v.Field(i).Bool()) {
			continue // decorators, annotations: most definitions have none
		}
		b.WriteString(sep)
		sep = ", "
		if f.Name == "Conversion" {
			if c := v.Field(i).Int(); c != 0 {
				b.WriteString(pyQuote(string(rune(c))))
			} else {
				b.WriteString("None")
			}
			continue
		}
		dump(b, v.Field(i))
	}
	b.WriteByte(')')
}

// pyQuoteBytes is like pyQuote but escapes each non-ASCII byte as \xhh.
func pyQuoteBytes(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 {
			fmt.Fprintf(&b, `\x%02x`, c)
		} else {
			q := pyQuote(s[i : i+1])
			b.WriteString(q[1 : len(q)-1])
		}
	}
	return "'" + b.String() + "'"
}

// pyFloat formats f as Python's repr does.
func pyFloat(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	e := strconv.FormatFloat(f, 'e', -1, 64)
	exp, _ := strconv.Atoi(e[strings.IndexByte(e, 'e')+1:])
	if exp < -4 || exp >= 16 {
		return e
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}

// pyQuote quotes s in single quotes as Python's repr would for simple
// strings, escaping quotes, backslashes and control characters.
func pyQuote(s string) string {
	q := strconv.Quote(s) // "..." with Go escapes
	q = strings.ReplaceAll(q[1:len(q)-1], `\"`, `"`)
	return "'" + strings.ReplaceAll(q, "'", `\'`) + "'"
}
