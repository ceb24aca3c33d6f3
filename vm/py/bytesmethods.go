// This file defines the methods of bytes beyond the sequence operations: CPython
// 3.12's search, split, strip, case and codec methods, on ASCII rules.

package py

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// bytesWhitespace is what bytes.split() and bytes.strip() take as whitespace.
const bytesWhitespace = " \t\n\r\x0b\x0c"

// bytesOf returns the bytes of a bytes-like value.
func bytesOf(v Value) (string, bool) {
	switch o := v.(type) {
	case *Bytes:
		return o.B, true
	case *ByteArray:
		return string(o.B), true
	case *MemoryView:
		if o.obj != nil {
			return o.bytes(), true
		}
	}
	return "", false
}

// bytesLike reports whether v is bytes, a bytearray or a memoryview.
func bytesLike(v Value) bool {
	switch v.(type) {
	case *Bytes, *ByteArray, *MemoryView:
		return true
	}
	return false
}

// bytesArg returns v's bytes or CPython's TypeError for an argument that is not
// bytes-like.
func (t *Thread) bytesArg(v Value) (string, error) {
	if b, ok := bytesOf(v); ok {
		return b, nil
	}
	return "", t.newExcf(TypeErrorClass, "a bytes-like object is required, not '%s'", v.Type().Name)
}

// chargeBytes charges n bytes copied or scanned by a bytes method.
func (t *Thread) chargeBytes(n int) { t.Cost += int64(n) * t.Costs.StrChar }

// bytesResult makes the bytes a method returns, within the memory budget.
func (t *Thread) bytesResult(s string) (Value, error) {
	if err := t.reserve(int64(len(s))); err != nil {
		return nil, err
	}
	t.chargeBytes(len(s))
	return t.newBytes(s), nil
}

func (t *Thread) bytesList(parts []string) Value {
	items := make([]Value, len(parts))
	n := 0
	for i, p := range parts {
		items[i] = t.newBytes(p)
		n += len(p)
	}
	t.chargeBytes(n)
	return t.newList(items)
}

// bytesNeedle is the subsequence find, count and index look for: bytes or an int
// in range(256).
func (t *Thread) bytesNeedle(v Value) (string, error) {
	if b, ok := bytesOf(v); ok {
		return b, nil
	}
	if n, ok := asInt64(v); ok {
		if n < 0 || n > 255 {
			return "", t.newExc(ValueErrorClass, "byte must be in range(0, 256)")
		}
		return string([]byte{byte(n)}), nil
	}
	return "", t.newExcf(TypeErrorClass, "argument should be integer or bytes-like object, not '%s'", v.Type().Name)
}

func (t *Thread) bytesFind(self string, args []Value, kw []string, name string, right bool) (int, error) {
	if err := t.nargs(name, args, kw, 1, 3); err != nil {
		return 0, err
	}
	sub, err := t.bytesNeedle(args[0])
	if err != nil {
		return 0, err
	}
	start, end, err := t.searchRange(len(self), args[1:])
	if err != nil {
		return 0, err
	}
	if start > end || end-start < len(sub) {
		return -1, nil
	}
	hay := self[start:end]
	t.chargeBytes(len(hay))
	var i int
	if right {
		i = strings.LastIndex(hay, sub)
	} else {
		i = strings.Index(hay, sub)
	}
	if i < 0 {
		return -1, nil
	}
	return start + i, nil
}

func asciiUpper(c byte) byte {
	if 'a' <= c && c <= 'z' {
		return c - 32
	}
	return c
}

func asciiLower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 32
	}
	return c
}

func isASCIIAlpha(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isASCIIDigit(c byte) bool { return '0' <= c && c <= '9' }

func mapBytes(s string, fn func(i int, c byte) byte) string {
	out := make([]byte, len(s))
	for i := 0; i < len(s); i++ {
		out[i] = fn(i, s[i])
	}
	return string(out)
}

func init() {
	m := func(name string, fn func(t *Thread, self string, args []Value, kw []string) (Value, error)) {
		BytesClass.method(name, func(t *Thread, args []Value, kw []string) (Value, error) {
			return fn(t, args[0].(*Bytes).B, args[1:], kw)
		})
	}
	m("join", func(t *Thread, sep string, args []Value, kw []string) (Value, error) {
		if err := t.nargs("join", args, kw, 1, 1); err != nil {
			return nil, err
		}
		items, err := t.toItems(args[0])
		if err != nil {
			return nil, err
		}
		defer t.decrefAll(items)
		parts := make([]string, len(items))
		size := int64(len(sep)) * int64(max(len(items)-1, 0))
		for i, it := range items {
			b, ok := bytesOf(it)
			if !ok {
				return nil, t.newExcf(TypeErrorClass, "sequence item %d: expected a bytes-like object, %s found", i, it.Type().Name)
			}
			parts[i] = b
			size += int64(len(b))
		}
		if err := t.reserve(size); err != nil {
			return nil, err
		}
		t.Cost += size*t.Costs.StrChar + int64(len(items))*t.Costs.StrPiece
		return t.newBytes(strings.Join(parts, sep)), nil
	})
	m("replace", func(t *Thread, self string, args []Value, kw []string) (Value, error) {
		pos, kws, err := t.kwargs("replace", args, kw, "count")
		if err != nil {
			return nil, err
		}
		if len(pos) < 2 || len(pos) > 3 {
			return nil, t.newExcf(TypeErrorClass, "replace expected at least 2 arguments, got %d", len(pos))
		}
		old, err := t.bytesArg(pos[0])
		if err != nil {
			return nil, err
		}
		nw, err := t.bytesArg(pos[1])
		if err != nil {
			return nil, err
		}
		n := int64(-1)
		if len(pos) == 3 {
			kws["count"] = pos[2]
		}
		if c, ok := kws["count"]; ok {
			if n, err = t.intArg(c, "replace"); err != nil {
				return nil, err
			}
		}
		count := int64(len(self) + 1)
		if old != "" {
			count = int64(strings.Count(self, old))
		}
		if n >= 0 && n < count {
			count = n
		}
		if err := t.reserve(int64(len(self)) + count*int64(len(nw)-len(old))); err != nil {
			return nil, err
		}
		t.chargeBytes(len(self))
		return t.bytesResult(strings.Replace(self, old, nw, int(n)))
	})
	simple := func(name string, fn func(string) string) {
		m(name, func(t *Thread, self string, args []Value, kw []string) (Value, error) {
			if err := t.nargs(name, args, kw, 0, 0); err != nil {
				return nil, err
			}
			return t.bytesResult(fn(self))
		})
	}
	simple("upper", func(s string) string { return mapBytes(s, func(_ int, c byte) byte { return asciiUpper(c) }) })
	simple("lower", func(s string) string { return mapBytes(s, func(_ int, c byte) byte { return asciiLower(c) }) })
	simple("swapcase", func(s string) string {
		return mapBytes(s, func(_ int, c byte) byte {
			if 'a' <= c && c <= 'z' {
				return c - 32
			}
			return asciiLower(c)
		})
	})
	simple("capitalize", func(s string) string {
		return mapBytes(s, func(i int, c byte) byte {
			if i == 0 {
				return asciiUpper(c)
			}
			return asciiLower(c)
		})
	})
	simple("title", func(s string) string {
		prev := false
		return mapBytes(s, func(_ int, c byte) byte {
			cased := isASCIIAlpha(c)
			defer func() { prev = cased }()
			if !prev {
				return asciiUpper(c)
			}
			return asciiLower(c)
		})
	})
	strip := func(name string, left, right bool) {
		m(name, func(t *Thread, self string, args []Value, kw []string) (Value, error) {
			if err := t.nargs(name, args, kw, 0, 1); err != nil {
				return nil, err
			}
			chars := bytesWhitespace
			if len(args) == 1 && args[0] != None {
				var err error
				if chars, err = t.bytesArg(args[0]); err != nil {
					return nil, err
				}
			}
			i, j := 0, len(self)
			for left && i < j && strings.IndexByte(chars, self[i]) >= 0 {
				i++
			}
			for right && j > i && strings.IndexByte(chars, self[j-1]) >= 0 {
				j--
			}
			return t.bytesResult(self[i:j])
		})
	}
	strip("strip", true, true)
	strip("lstrip", true, false)
	strip("rstrip", false, true)
	split := func(name string, right bool) {
		m(name, func(t *Thread, self string, args []Value, kw []string) (Value, error) {
			pos, kws, err := t.kwargs(name, args, kw, "sep", "maxsplit")
			if err != nil {
				return nil, err
			}
			if len(pos) > 2 {
				return nil, t.newExcf(TypeErrorClass, "%s expected at most 2 arguments, got %d", name, len(pos))
			}
			if len(pos) > 0 {
				kws["sep"] = pos[0]
			}
			if len(pos) > 1 {
				kws["maxsplit"] = pos[1]
			}
			maxsplit := int64(-1)
			if v, ok := kws["maxsplit"]; ok {
				if maxsplit, err = t.intArg(v, name); err != nil {
					return nil, err
				}
			}
			t.chargeBytes(len(self))
			sepv, ok := kws["sep"]
			if !ok || sepv == None {
				return t.bytesList(splitBytesWhitespace(self, int(maxsplit), right)), nil
			}
			sep, err := t.bytesArg(sepv)
			if err != nil {
				return nil, err
			}
			if sep == "" {
				return nil, t.newExc(ValueErrorClass, "empty separator")
			}
			return t.bytesList(splitSep(self, sep, maxsplit, right)), nil
		})
	}
	split("split", false)
	split("rsplit", true)
	find := func(name string, right, raise bool) {
		m(name, func(t *Thread, self string, args []Value, kw []string) (Value, error) {
			i, err := t.bytesFind(self, args, kw, name, right)
			if err != nil {
				return nil, err
			}
			if i < 0 && raise {
				return nil, t.newExc(ValueErrorClass, "subsection not found")
			}
			return t.newInt(int64(i)), nil
		})
	}
	find("find", false, false)
	find("rfind", true, false)
	find("index", false, true)
	find("rindex", true, true)
	m("count", func(t *Thread, self string, args []Value, kw []string) (Value, error) {
		if err := t.nargs("count", args, kw, 1, 3); err != nil {
			return nil, err
		}
		sub, err := t.bytesNeedle(args[0])
		if err != nil {
			return nil, err
		}
		start, end, err := t.searchRange(len(self), args[1:])
		if err != nil {
			return nil, err
		}
		if start > end {
			return t.newInt(0), nil
		}
		hay := self[start:end]
		t.chargeBytes(len(hay))
		if sub == "" {
			return t.newInt(int64(len(hay) + 1)), nil
		}
		return t.newInt(int64(strings.Count(hay, sub))), nil
	})
	affix := func(name string, fn func(string, string) bool) {
		m(name, func(t *Thread, self string, args []Value, kw []string) (Value, error) {
			if err := t.nargs(name, args, kw, 1, 3); err != nil {
				return nil, err
			}
			start, end, err := t.searchRange(len(self), args[1:])
			if err != nil {
				return nil, err
			}
			var subs []string
			if tu, ok := args[0].(*Tuple); ok {
				for _, x := range tu.Items {
					b, ok := bytesOf(x)
					if !ok {
						return nil, t.newExcf(TypeErrorClass, "a bytes-like object is required, not '%s'", x.Type().Name)
					}
					subs = append(subs, b)
				}
			} else if b, ok := bytesOf(args[0]); ok {
				subs = []string{b}
			} else {
				return nil, t.newExcf(TypeErrorClass, "%s first arg must be bytes or a tuple of bytes, not %s", name, args[0].Type().Name)
			}
			if start > end {
				return False, nil
			}
			for _, s := range subs {
				if fn(self[start:end], s) {
					return True, nil
				}
			}
			return False, nil
		})
	}
	affix("startswith", strings.HasPrefix)
	affix("endswith", strings.HasSuffix)
	part := func(name string, right bool) {
		m(name, func(t *Thread, self string, args []Value, kw []string) (Value, error) {
			if err := t.nargs(name, args, kw, 1, 1); err != nil {
				return nil, err
			}
			sep, err := t.bytesArg(args[0])
			if err != nil {
				return nil, err
			}
			if sep == "" {
				return nil, t.newExc(ValueErrorClass, "empty separator")
			}
			t.chargeBytes(len(self))
			a, b, c := partition3(self, sep, right)
			return t.newTuple([]Value{t.newBytes(a), t.newBytes(b), t.newBytes(c)}), nil
		})
	}
	part("partition", false)
	part("rpartition", true)
	m("splitlines", func(t *Thread, self string, args []Value, kw []string) (Value, error) {
		pos, kws, err := t.kwargs("splitlines", args, kw, "keepends")
		if err != nil {
			return nil, err
		}
		keep := false
		if len(pos) > 0 {
			kws["keepends"] = pos[0]
		}
		if k, ok := kws["keepends"]; ok {
			keep, _ = t.Truth(k)
		}
		var parts []string
		s := self
		for len(s) > 0 {
			i := strings.IndexAny(s, "\r\n")
			if i < 0 {
				parts = append(parts, s)
				break
			}
			end := i + 1
			if s[i] == '\r' && end < len(s) && s[end] == '\n' {
				end++
			}
			if keep {
				parts = append(parts, s[:end])
			} else {
				parts = append(parts, s[:i])
			}
			s = s[end:]
		}
		return t.bytesList(parts), nil
	})
	pred := func(name string, fn func(byte) bool) {
		m(name, func(t *Thread, self string, args []Value, kw []string) (Value, error) {
			if err := t.nargs(name, args, kw, 0, 0); err != nil {
				return nil, err
			}
			t.chargeBytes(len(self))
			if self == "" {
				return BoolOf(name == "isascii"), nil
			}
			for i := 0; i < len(self); i++ {
				if !fn(self[i]) {
					return False, nil
				}
			}
			return True, nil
		})
	}
	pred("isdigit", isASCIIDigit)
	pred("isalpha", isASCIIAlpha)
	pred("isalnum", func(c byte) bool { return isASCIIAlpha(c) || isASCIIDigit(c) })
	pred("isspace", func(c byte) bool { return strings.IndexByte(bytesWhitespace, c) >= 0 })
	pred("isascii", func(c byte) bool { return c < 0x80 })
	cased := func(name string, want, other func(byte) bool) {
		m(name, func(t *Thread, self string, args []Value, kw []string) (Value, error) {
			if err := t.nargs(name, args, kw, 0, 0); err != nil {
				return nil, err
			}
			found := false
			for i := 0; i < len(self); i++ {
				if other(self[i]) {
					return False, nil
				}
				found = found || want(self[i])
			}
			return BoolOf(found), nil
		})
	}
	isLow := func(c byte) bool { return 'a' <= c && c <= 'z' }
	isUp := func(c byte) bool { return 'A' <= c && c <= 'Z' }
	cased("islower", isLow, isUp)
	cased("isupper", isUp, isLow)
	justify := func(name string, align byte) {
		m(name, func(t *Thread, self string, args []Value, kw []string) (Value, error) {
			if err := t.nargs(name, args, kw, 1, 2); err != nil {
				return nil, err
			}
			w, err := t.intArg(args[0], name)
			if err != nil {
				return nil, err
			}
			fill := " "
			if len(args) == 2 {
				f, ok := bytesOf(args[1])
				if !ok || len(f) != 1 {
					what := args[1].Type().Name
					if ok {
						what = fmt.Sprintf("a bytes object of length %d", len(f))
					}
					return nil, t.newExcf(TypeErrorClass, "%s() argument 2 must be a byte string of length 1, not %s", name, what)
				}
				fill = f
			}
			n := len(self)
			if int64(n) >= w {
				return t.bytesResult(self)
			}
			if err := t.reserve(w); err != nil {
				return nil, err
			}
			pad := int(w) - n
			left := padLeft(pad, int(w), align)
			return t.bytesResult(padded(self, fill, left, pad-left))
		})
	}
	justify("ljust", '<')
	justify("rjust", '>')
	justify("center", '^')
	m("zfill", func(t *Thread, self string, args []Value, kw []string) (Value, error) {
		if err := t.nargs("zfill", args, kw, 1, 1); err != nil {
			return nil, err
		}
		w, err := t.intArg(args[0], "zfill")
		if err != nil {
			return nil, err
		}
		if int64(len(self)) >= w {
			return t.bytesResult(self)
		}
		if err := t.reserve(w); err != nil {
			return nil, err
		}
		sign, s := "", self
		if s != "" && (s[0] == '+' || s[0] == '-') {
			sign, s = s[:1], s[1:]
		}
		return t.bytesResult(sign + padded(s, "0", int(w)-len(self), 0))
	})
	affixRemove := func(name string, fn func(string, string) string) {
		m(name, func(t *Thread, self string, args []Value, kw []string) (Value, error) {
			if err := t.nargs(name, args, kw, 1, 1); err != nil {
				return nil, err
			}
			p, err := t.bytesArg(args[0])
			if err != nil {
				return nil, err
			}
			return t.bytesResult(fn(self, p))
		})
	}
	affixRemove("removeprefix", strings.TrimPrefix)
	affixRemove("removesuffix", strings.TrimSuffix)
	m("decode", func(t *Thread, self string, args []Value, kw []string) (Value, error) {
		enc, errs, err := t.codecArgs("decode", args, kw)
		if err != nil {
			return nil, err
		}
		t.chargeBytes(len(self))
		s, err := t.decodeBytes(self, enc, errs)
		if err != nil {
			return nil, err
		}
		if err := t.reserve(int64(len(s))); err != nil {
			return nil, err
		}
		return t.NewStr(s), nil
	})
	m("hex", func(t *Thread, self string, args []Value, kw []string) (Value, error) {
		pos, kws, err := t.kwargs("hex", args, kw, "sep", "bytes_per_sep")
		if err != nil {
			return nil, err
		}
		if len(pos) > 0 {
			kws["sep"] = pos[0]
		}
		if len(pos) > 1 {
			kws["bytes_per_sep"] = pos[1]
		}
		sep := ""
		if v, ok := kws["sep"]; ok {
			switch s := v.(type) {
			case *Str:
				sep = s.S
			case *Bytes:
				sep = s.B
			default:
				return nil, t.newExc(TypeErrorClass, "sep must be str or bytes.")
			}
			if utf8.RuneCountInString(sep) != 1 {
				return nil, t.newExc(ValueErrorClass, "sep must be length 1.")
			}
		}
		per := int64(1)
		if v, ok := kws["bytes_per_sep"]; ok {
			if per, err = t.intArg(v, "hex"); err != nil {
				return nil, err
			}
		}
		if err := t.reserve(3 * int64(len(self))); err != nil {
			return nil, err
		}
		t.chargeBytes(2 * len(self))
		return t.NewStr(hexBytes(self, sep, per)), nil
	})
	m("istitle", func(t *Thread, self string, args []Value, kw []string) (Value, error) {
		if err := t.nargs("istitle", args, kw, 0, 0); err != nil {
			return nil, err
		}
		// Upper-case letters only after uncased bytes, lower-case only after cased.
		cased, prev := false, false
		for i := 0; i < len(self); i++ {
			c := self[i]
			switch {
			case 'A' <= c && c <= 'Z':
				if prev {
					return False, nil
				}
				prev, cased = true, true
			case 'a' <= c && c <= 'z':
				if !prev {
					return False, nil
				}
				prev, cased = true, true
			default:
				prev = false
			}
		}
		return BoolOf(cased), nil
	})
	m("expandtabs", func(t *Thread, self string, args []Value, kw []string) (Value, error) {
		pos, kws, err := t.kwargs("expandtabs", args, kw, "tabsize")
		if err != nil {
			return nil, err
		}
		if len(pos) > 0 {
			kws["tabsize"] = pos[0]
		}
		size := int64(8)
		if v, ok := kws["tabsize"]; ok {
			if size, err = t.intArg(v, "expandtabs"); err != nil {
				return nil, err
			}
		}
		var out strings.Builder
		col := int64(0)
		for i := 0; i < len(self); i++ {
			switch c := self[i]; c {
			case '\t':
				if size > 0 {
					n := size - col%size
					if err := t.reserve(int64(out.Len()) + n); err != nil {
						return nil, err
					}
					out.WriteString(strings.Repeat(" ", int(n)))
					col += n
				}
			case '\n', '\r':
				out.WriteByte(c)
				col = 0
			default:
				out.WriteByte(c)
				col++
			}
		}
		return t.bytesResult(out.String())
	})
	m("translate", func(t *Thread, self string, args []Value, kw []string) (Value, error) {
		pos, kws, err := t.kwargs("translate", args, kw, "delete")
		if err != nil {
			return nil, err
		}
		if len(pos) < 1 || len(pos) > 2 {
			return nil, t.newExcf(TypeErrorClass, "translate expected at least 1 argument, got %d", len(pos))
		}
		if len(pos) == 2 {
			kws["delete"] = pos[1]
		}
		var table string
		if pos[0] != None {
			var ok bool
			if table, ok = bytesOf(pos[0]); !ok {
				return nil, t.newExcf(TypeErrorClass, "a bytes-like object is required, not '%s'", pos[0].Type().Name)
			}
			if len(table) != 256 {
				return nil, t.newExc(ValueErrorClass, "translation table must be 256 characters long")
			}
		}
		del := ""
		if v, ok := kws["delete"]; ok {
			if del, err = t.bytesArg(v); err != nil {
				return nil, err
			}
		}
		out := make([]byte, 0, len(self))
		for i := 0; i < len(self); i++ {
			c := self[i]
			if strings.IndexByte(del, c) >= 0 {
				continue
			}
			if table != "" {
				c = table[c]
			}
			out = append(out, c)
		}
		return t.bytesResult(string(out))
	})
	maketrans := builtinClassMethod("maketrans", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("maketrans", args[1:], kw, 2, 2); err != nil {
			return nil, err
		}
		from, err := t.bytesArg(args[1])
		if err != nil {
			return nil, err
		}
		to, err := t.bytesArg(args[2])
		if err != nil {
			return nil, err
		}
		if len(from) != len(to) {
			return nil, t.newExc(ValueErrorClass, "maketrans arguments must have same length")
		}
		table := make([]byte, 256)
		for i := range table {
			table[i] = byte(i)
		}
		for i := 0; i < len(from); i++ {
			table[from[i]] = to[i]
		}
		return t.newBytes(string(table)), nil
	})
	// maketrans is a static method in CPython; as a class method it ignores its class.
	BytesClass.Methods["maketrans"] = maketrans
	ByteArrayClass.Methods["maketrans"] = maketrans

	byteArrayMethods()
}

// latin1 is b decoded as latin-1: each byte the rune of its value.
func latin1(b string) string {
	r := make([]rune, len(b))
	for i := 0; i < len(b); i++ {
		r[i] = rune(b[i])
	}
	return string(r)
}

// splitSep splits s at sep, at most maxsplit times (all when negative), from the
// right when right is set.
func splitSep(s, sep string, maxsplit int64, right bool) []string {
	if maxsplit < 0 {
		return strings.Split(s, sep)
	}
	if !right {
		return strings.SplitN(s, sep, int(maxsplit)+1)
	}
	var parts []string
	for maxsplit > 0 {
		i := strings.LastIndex(s, sep)
		if i < 0 {
			break
		}
		parts = append([]string{s[i+len(sep):]}, parts...)
		s = s[:i]
		maxsplit--
	}
	return append([]string{s}, parts...)
}

// splitBytesWhitespace is bytes.split() with no separator: runs of ASCII
// whitespace separate fields.
func splitBytesWhitespace(s string, maxsplit int, right bool) []string {
	return splitFunc(s, maxsplit, right, func(r rune) bool {
		return r < 0x80 && strings.IndexByte(bytesWhitespace, byte(r)) >= 0
	})
}

// hexBytes is bytes.hex(sep, per): a separator every |per| bytes, counted from the
// right when per is positive and from the left when it is negative.
func hexBytes(b, sep string, per int64) string {
	const digits = "0123456789abcdef"
	var out strings.Builder
	n := int64(len(b))
	group := per
	if group < 0 {
		group = -group
	}
	for i := int64(0); i < n; i++ {
		if sep != "" && group > 0 && i > 0 {
			if per > 0 && (n-i)%group == 0 || per < 0 && i%group == 0 {
				out.WriteString(sep)
			}
		}
		out.WriteByte(digits[b[i]>>4])
		out.WriteByte(digits[b[i]&15])
	}
	return out.String()
}

// fromHex decodes bytes.fromhex's argument; bad is the position of the first
// character that is not a hex digit or a space between pairs, or -1.
func fromHex(s string) (string, int) {
	val := func(c byte) int {
		switch {
		case '0' <= c && c <= '9':
			return int(c - '0')
		case 'a' <= c && c <= 'f':
			return int(c-'a') + 10
		case 'A' <= c && c <= 'F':
			return int(c-'A') + 10
		}
		return -1
	}
	var out []byte
	for i := 0; i < len(s); {
		if strings.IndexByte(" \t\n\r\x0b\x0c", s[i]) >= 0 {
			i++
			continue
		}
		hi := val(s[i])
		if hi < 0 {
			return "", i
		}
		if i+1 >= len(s) {
			return "", i + 1
		}
		lo := val(s[i+1])
		if lo < 0 {
			return "", i + 1
		}
		out = append(out, byte(hi<<4|lo))
		i += 2
	}
	return string(out), -1
}

// codecArgs reads the encoding and errors arguments of encode and decode,
// returning them normalised ("utf-8", "ascii" or "latin-1"; errors as given).
func (t *Thread) codecArgs(name string, args []Value, kw []string) (string, string, error) {
	pos, kws, err := t.kwargs(name, args, kw, "encoding", "errors")
	if err != nil {
		return "", "", err
	}
	if len(pos) > 2 {
		return "", "", t.newExcf(TypeErrorClass, "%s() takes at most 2 arguments (%d given)", name, len(pos))
	}
	if len(pos) > 0 {
		kws["encoding"] = pos[0]
	}
	if len(pos) > 1 {
		kws["errors"] = pos[1]
	}
	enc, errs := "utf-8", "strict"
	for i, k := range []string{"encoding", "errors"} {
		v, ok := kws[k]
		if !ok {
			continue
		}
		s, ok := v.(*Str)
		if !ok {
			return "", "", t.newExcf(TypeErrorClass, "%s() argument '%s' must be str, not %s", name, k, v.Type().Name)
		}
		if i == 0 {
			enc = s.S
		} else {
			errs = s.S
		}
	}
	norm := strings.ReplaceAll(strings.ReplaceAll(strings.ToLower(strings.TrimSpace(enc)), "_", "-"), " ", "-")
	switch norm {
	case "utf-8", "utf8", "u8", "utf":
		return "utf-8", errs, nil
	case "ascii", "us-ascii", "646":
		return "ascii", errs, nil
	case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "8859", "cp819", "l1", "latin":
		return "latin-1", errs, nil
	}
	return "", "", t.newExcf(LookupErrorClass, "unknown encoding: %s", enc)
}

// UnicodeDecodeErrorClass and UnicodeEncodeErrorClass are what codecs raise.
var (
	UnicodeDecodeErrorClass = newExcClass("UnicodeDecodeError", UnicodeErrorClass)
	UnicodeEncodeErrorClass = newExcClass("UnicodeEncodeError", UnicodeErrorClass)
)

func init() {
	for _, c := range []*Class{UnicodeDecodeErrorClass, UnicodeEncodeErrorClass} {
		c.New = excNew
		exceptionClasses = append(exceptionClasses, c)
	}
}

// utf8Bad returns the length of the invalid UTF-8 sequence at the start of b
// (CPython's maximal invalid subpart) and why it is invalid.
func utf8Bad(b string) (int, string) {
	c := b[0]
	var n int
	lo, hi := byte(0x80), byte(0xBF)
	switch {
	case c < 0xC2 || c > 0xF4:
		return 1, "invalid start byte"
	case c < 0xE0:
		n = 2
	case c < 0xF0:
		n = 3
		if c == 0xE0 {
			lo = 0xA0
		} else if c == 0xED {
			hi = 0x9F
		}
	default:
		n = 4
		if c == 0xF0 {
			lo = 0x90
		} else if c == 0xF4 {
			hi = 0x8F
		}
	}
	for i := 1; i < n; i++ {
		if i >= len(b) {
			return i, "unexpected end of data"
		}
		if b[i] < lo || b[i] > hi {
			return i, "invalid continuation byte"
		}
		lo, hi = 0x80, 0xBF
	}
	return n, "" // valid: not reached for a sequence utf8.DecodeRuneInString rejects
}

// decodeBytes decodes b with one of the codecs codecArgs names.
func (t *Thread) decodeBytes(b, enc, errs string) (string, error) {
	var out strings.Builder
	for i := 0; i < len(b); {
		c := b[i]
		n, reason := 1, ""
		switch enc {
		case "latin-1":
			out.WriteRune(rune(c))
			i++
			continue
		case "ascii":
			if c < 0x80 {
				out.WriteByte(c)
				i++
				continue
			}
			reason = "ordinal not in range(128)"
		default:
			if r, size := utf8.DecodeRuneInString(b[i:]); r != utf8.RuneError || size > 1 {
				out.WriteString(b[i : i+size])
				i += size
				continue
			}
			n, reason = utf8Bad(b[i:])
		}
		switch errs {
		case "strict":
			where := fmt.Sprintf("byte 0x%02x in position %d", c, i)
			if n > 1 {
				where = fmt.Sprintf("bytes in position %d-%d", i, i+n-1)
			}
			return "", t.newExcf(UnicodeDecodeErrorClass, "'%s' codec can't decode %s: %s", enc, where, reason)
		case "ignore":
		case "replace":
			out.WriteRune(utf8.RuneError)
		case "backslashreplace":
			for k := i; k < i+n; k++ {
				fmt.Fprintf(&out, "\\x%02x", b[k])
			}
		default:
			return "", t.newExcf(LookupErrorClass, "unknown error handler name '%s'", errs)
		}
		i += n
	}
	return out.String(), nil
}

// encodeStr encodes s with one of the codecs codecArgs names.
func (t *Thread) encodeStr(s, enc, errs string) (string, error) {
	if enc == "utf-8" {
		return s, nil
	}
	limit := rune(0x80)
	if enc == "latin-1" {
		limit = 0x100
	}
	var out strings.Builder
	pos := 0
	for _, r := range s {
		if r < limit {
			out.WriteByte(byte(r))
			pos++
			continue
		}
		switch errs {
		case "strict":
			return "", t.newExcf(UnicodeEncodeErrorClass, "'%s' codec can't encode character %s in position %d: ordinal not in range(%d)",
				enc, charRepr(r), pos, limit)
		case "ignore":
		case "replace":
			out.WriteByte('?')
		case "backslashreplace":
			switch {
			case r < 0x100:
				fmt.Fprintf(&out, "\\x%02x", r)
			case r < 0x10000:
				fmt.Fprintf(&out, "\\u%04x", r)
			default:
				fmt.Fprintf(&out, "\\U%08x", r)
			}
		case "xmlcharrefreplace":
			fmt.Fprintf(&out, "&#%d;", r)
		default:
			return "", t.newExcf(LookupErrorClass, "unknown error handler name '%s'", errs)
		}
		pos++
	}
	return out.String(), nil
}

// charRepr is how a codec error names a character: '\xe9', '\u20ac'.
func charRepr(r rune) string {
	switch {
	case r < 0x100:
		return fmt.Sprintf("'\\x%02x'", r)
	case r < 0x10000:
		return fmt.Sprintf("'\\u%04x'", r)
	}
	return fmt.Sprintf("'\\U%08x'", r)
}
