// This file defines str() and repr() of every object kind, matching CPython's output.

package py

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxStrDigits is CPython's default int max str digits (3.11+).
const maxStrDigits = 4300

// Repr returns repr(v).
func (t *Thread) Repr(v Value) (string, error) {
	var b strings.Builder
	if err := t.writeRepr(&b, v, 0); err != nil {
		return "", err
	}
	return b.String(), nil
}

// ToStr returns str(v).
func (t *Thread) ToStr(v Value) (string, error) {
	switch o := v.(type) {
	case *Str:
		if o.sub == nil {
			return o.S, nil
		}
		if m := o.sub.user("__str__"); m != nil {
			return t.callStrMethod(m, v, "__str__")
		}
		return o.S, nil
	case *Instance:
		if m := o.Class.Lookup("__str__"); m != nil {
			return t.callStrMethod(m, v, "__str__")
		}
	default:
		if m := userDunder(v, "__str__"); m != nil {
			return t.callStrMethod(m, v, "__str__")
		}
	}
	return t.Repr(v)
}

func (t *Thread) callStrMethod(m, v Value, name string) (string, error) {
	r, err := t.callValue(m, []Value{v}, nil, false)
	if err != nil {
		return "", err
	}
	defer t.Decref(r)
	s, ok := r.(*Str)
	if !ok {
		return "", t.newExcf(TypeErrorClass, "%s returned non-string (type %s)", name, r.Type().Name)
	}
	return s.S, nil
}

// writeRepr writes v's repr to b. depth counts the containers v is inside of.
func (t *Thread) writeRepr(b *strings.Builder, v Value, depth int) error {
	if m := userDunder(v, "__repr__"); m != nil {
		s, err := t.callStrMethod(m, v, "__repr__")
		b.WriteString(s)
		return err
	}
	return t.writeBuiltinRepr(b, v, depth)
}

// writeBuiltinRepr writes v's repr by its builtin type.
func (t *Thread) writeBuiltinRepr(b *strings.Builder, v Value, depth int) error {
	if err := t.enterNested(inRepr); err != nil {
		return err
	}
	defer t.leaveNested()
	switch v := v.(type) {
	case *NoneType:
		b.WriteString("None")
	case *Bool:
		if v.V {
			b.WriteString("True")
		} else {
			b.WriteString("False")
		}
	case *Int:
		s, err := t.intString(v)
		if err != nil {
			return err
		}
		b.WriteString(s)
	case *Float:
		b.WriteString(FloatRepr(v.V))
	case *Complex:
		b.WriteString(complexRepr(v.Re, v.Im))
	case *Str:
		if err := t.reserve(int64(b.Len() + len(v.S))); err != nil {
			return err
		}
		b.WriteString(StrRepr(v.S))
	case *Bytes:
		if err := t.reserve(int64(b.Len() + len(v.B))); err != nil {
			return err
		}
		b.WriteString(BytesRepr(v.B))
	case *ByteArray:
		if err := t.reserve(int64(b.Len() + len(v.B))); err != nil {
			return err
		}
		b.WriteString("bytearray(" + BytesRepr(string(v.B)) + ")")
	case *MemoryView:
		if v.obj == nil {
			fmt.Fprintf(b, "<released memory at %s>", address(v))
		} else {
			fmt.Fprintf(b, "<memory at %s>", address(v))
		}
	case *List:
		if depth > 0 && t.reprActive(v) {
			b.WriteString("[...]")
			return nil
		}
		defer t.reprEnter(v)()
		b.WriteByte('[')
		if err := t.writeItems(b, v.Items, depth); err != nil {
			return err
		}
		b.WriteByte(']')
	case *dictView:
		s, err := v.repr(t)
		if err != nil {
			return err
		}
		b.WriteString(s)
	case *Tuple:
		b.WriteByte('(')
		if err := t.writeItems(b, v.Items, depth); err != nil {
			return err
		}
		if len(v.Items) == 1 {
			b.WriteByte(',')
		}
		b.WriteByte(')')
	case *Dict:
		if t.reprActive(v) {
			b.WriteString("{...}")
			return nil
		}
		defer t.reprEnter(v)()
		b.WriteByte('{')
		var err error
		first := true
		v.items(func(k, val Value) bool {
			if !first {
				b.WriteString(", ")
			}
			first = false
			if err = t.writeRepr(b, k, depth+1); err != nil {
				return false
			}
			b.WriteString(": ")
			err = t.writeRepr(b, val, depth+1)
			return err == nil
		})
		if err != nil {
			return err
		}
		b.WriteByte('}')
	case *Set:
		items := v.setItems()
		if len(items) == 0 {
			b.WriteString(v.Type().Name + "()")
			return nil
		}
		// A subclass's instance shows its class's name, as a frozenset does.
		named := v.frozen || v.sub != nil
		if named {
			b.WriteString(v.Type().Name + "(")
		}
		b.WriteByte('{')
		if err := t.writeItems(b, items, depth); err != nil {
			return err
		}
		b.WriteByte('}')
		if named {
			b.WriteByte(')')
		}
	case *Range:
		if v.Step == 1 {
			fmt.Fprintf(b, "range(%d, %d)", v.Start, v.Stop)
		} else {
			fmt.Fprintf(b, "range(%d, %d, %d)", v.Start, v.Stop, v.Step)
		}
	case *Slice:
		b.WriteString("slice(")
		for i, p := range []Value{v.Start, v.Stop, v.Step} {
			if i > 0 {
				b.WriteString(", ")
			}
			if err := t.writeRepr(b, p, depth+1); err != nil {
				return err
			}
		}
		b.WriteByte(')')
	case *Class:
		if v.Module == "builtins" || v.Module == "" {
			fmt.Fprintf(b, "<class '%s'>", v.Name)
		} else {
			fmt.Fprintf(b, "<class '%s.%s'>", v.Module, v.QualName)
		}
	case *Function:
		fmt.Fprintf(b, "<function %s at %s>", v.QualName, address(v))
	case *Builtin:
		if v.Self != nil {
			fmt.Fprintf(b, "<built-in method %s of %s object at %s>", v.Name, v.Self.Type().Name, address(v.Self))
		} else {
			fmt.Fprintf(b, "<built-in function %s>", v.Name)
		}
	case *BoundMethod:
		name := "?"
		if fn, ok := v.Func.(*Function); ok {
			name = fn.QualName
		}
		b.WriteString("<bound method " + name + " of ")
		if err := t.writeRepr(b, v.Self, depth+1); err != nil {
			return err
		}
		b.WriteByte('>')
	case *Module:
		fmt.Fprintf(b, "<module '%s' (built-in)>", v.Name)
	case *Cell:
		fmt.Fprintf(b, "<cell at %s>", address(v))
	case *notImplementedType:
		b.WriteString("NotImplemented")
	case *ellipsisType:
		b.WriteString("Ellipsis")
	case *GenericAlias, *UnionType:
		return t.genericRepr(b, v)
	case *Instance:
		m := v.Class.Lookup("__repr__")
		if m != nil {
			s, err := t.callStrMethod(m, v, "__repr__")
			if err != nil {
				return err
			}
			b.WriteString(s)
			return nil
		}
		fmt.Fprintf(b, "<%s.%s object at %s>", v.Class.Module, v.Class.QualName, address(v))
	default:
		if r, ok := v.(interface{ repr() string }); ok {
			b.WriteString(r.repr())
			return nil
		}
		if r, ok := v.(Reprer); ok {
			b.WriteString(r.PyRepr())
			return nil
		}
		fmt.Fprintf(b, "<%s object at %s>", v.Type().Name, address(v))
	}
	return nil
}

// address is a deterministic stand-in for an object's address: id(v) in hex.
func address(v Value) string {
	return fmt.Sprintf("0x%012x", idOf(v.hdr()))
}

// Address is the address repr() shows for v: id(v) in hex.
func Address(v Value) string { return address(v) }

// Reprer is a value of another package with a repr of its own (a lock's says
// whether it is held).
type Reprer interface {
	PyRepr() string
}

func (t *Thread) writeItems(b *strings.Builder, items []Value, depth int) error {
	if err := t.reserve(int64(b.Len())); err != nil {
		return err
	}
	for i, it := range items {
		if i > 0 {
			b.WriteString(", ")
		}
		if err := t.work(1); err != nil {
			return err
		}
		if err := t.writeRepr(b, it, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// reprActive reports whether v's repr is being computed (a self-referencing container).
func (t *Thread) reprActive(v Value) bool {
	for _, a := range t.reprStack {
		if a == v {
			return true
		}
	}
	return false
}

func (t *Thread) reprEnter(v Value) func() {
	t.reprStack = append(t.reprStack, v)
	return func() { t.reprStack = t.reprStack[:len(t.reprStack)-1] }
}

func (t *Thread) intString(v *Int) (string, error) {
	if v.Big == nil {
		s := strconv.FormatInt(v.V, 10)
		t.Cost += t.Costs.IntConvert + int64(len(s))*t.Costs.IntDigit
		return s, nil
	}
	t.Cost += t.Costs.IntConvert + int64(v.Big.BitLen()*3010/10000+1)*t.Costs.IntDigit
	if v.Big.BitLen() > maxStrDigits*3321/1000+1 {
		s := v.Big.String()
		n := len(strings.TrimPrefix(s, "-"))
		if n > maxStrDigits {
			return "", t.newExcf(ValueErrorClass, "Exceeds the limit (%d digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit", maxStrDigits)
		}
		return s, nil
	}
	return v.Big.String(), nil
}

// FloatRepr formats f as Python's repr(float) does: the shortest string that reads
// back as f, in fixed notation for exponents -4..15 and scientific otherwise.
func FloatRepr(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	e := strconv.FormatFloat(f, 'e', -1, 64) // d.ddde±xx
	mant, exps, _ := strings.Cut(e, "e")
	exp, _ := strconv.Atoi(exps)
	neg := strings.HasPrefix(mant, "-")
	mant = strings.TrimPrefix(mant, "-")
	digits := strings.Replace(mant, ".", "", 1)
	sign := ""
	if neg {
		sign = "-"
	}
	if exp < -4 || exp >= 16 {
		m := digits[:1]
		if len(digits) > 1 {
			m += "." + digits[1:]
		}
		es := fmt.Sprintf("%+03d", exp)
		return sign + m + "e" + es
	}
	if exp < 0 {
		return sign + "0." + strings.Repeat("0", -exp-1) + digits
	}
	if len(digits) <= exp+1 {
		return sign + digits + strings.Repeat("0", exp+1-len(digits)) + ".0"
	}
	return sign + digits[:exp+1] + "." + digits[exp+1:]
}

// StrRepr quotes s as Python's repr(str) does.
func StrRepr(s string) string {
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		quote = '"'
	}
	if plainASCII(s, quote) {
		return string(quote) + s + string(quote)
	}
	var b strings.Builder
	b.WriteByte(quote)
	for _, r := range s {
		switch {
		case r == rune(quote) || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r < utf8.RuneSelf:
			b.WriteRune(r)
		case !isPrintable(r):
			switch {
			case r <= 0xff:
				fmt.Fprintf(&b, `\x%02x`, r)
			case r <= 0xffff:
				fmt.Fprintf(&b, `\u%04x`, r)
			default:
				fmt.Fprintf(&b, `\U%08x`, r)
			}
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte(quote)
	return b.String()
}

// plainASCII reports whether s is printable ASCII with no backslash and no quote: its
// repr is s quoted.
func plainASCII(s string, quote byte) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '\\' || c == quote {
			return false
		}
	}
	return true
}

// isPrintable approximates Python's str.isprintable for one code point.
func isPrintable(r rune) bool {
	if r == ' ' {
		return true
	}
	return unicode.IsPrint(r) && !unicode.Is(unicode.Zs, r)
}

// BytesRepr quotes b as Python's repr(bytes) does.
func BytesRepr(s string) string {
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		quote = '"'
	}
	var b strings.Builder
	b.WriteString("b")
	b.WriteByte(quote)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == quote || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c == '\t':
			b.WriteString(`\t`)
		case c < 0x20 || c >= 0x7f:
			fmt.Fprintf(&b, `\x%02x`, c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(quote)
	return b.String()
}
