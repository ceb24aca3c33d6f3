// This file defines the methods of str, bytes, list, tuple, dict and set.

package py

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

func selfStr(args []Value) *Str { return args[0].(*Str) }

func (t *Thread) strArg(v Value, fname string) (string, error) {
	s, ok := v.(*Str)
	if !ok {
		return "", t.newExcf(TypeErrorClass, "%s arg must be None or str", fname)
	}
	return s.S, nil
}

// mustStr returns v's string or a TypeError naming the method.
func (t *Thread) mustStr(v Value, what string) (string, error) {
	s, ok := v.(*Str)
	if !ok {
		return "", t.newExcf(TypeErrorClass, "%s, not %s", what, v.Type().Name)
	}
	return s.S, nil
}

func (t *Thread) strList(parts []string) Value {
	items := make([]Value, len(parts))
	for i, p := range parts {
		items[i] = t.NewStr(p)
	}
	return t.newList(items)
}

// strRange converts optional start/end arguments into rune offsets of s.
func (t *Thread) strRange(s *Str, args []Value) (int, int, error) {
	return t.searchRange(s.Len(), args)
}

// searchRange converts the optional start and end arguments of a search method
// (find, count, startswith…) into offsets within a sequence of n items, clamped
// as slice bounds are.
func (t *Thread) searchRange(n int, args []Value) (int, int, error) {
	start, end := 0, n
	adj := func(v Value, def int) (int, error) {
		if v == None {
			return def, nil
		}
		x, err := t.intArg(v, "")
		if err != nil {
			return 0, t.newExc(TypeErrorClass, "slice indices must be integers or None or have an __index__ method")
		}
		if x < 0 {
			x = max(x+int64(n), 0)
		}
		return int(min(x, int64(n))), nil
	}
	var err error
	if len(args) > 0 {
		if start, err = adj(args[0], 0); err != nil {
			return 0, 0, err
		}
	}
	if len(args) > 1 {
		if end, err = adj(args[1], n); err != nil {
			return 0, 0, err
		}
	}
	return start, end, nil
}

func (t *Thread) strFind(args []Value, kw []string, name string, fromRight bool) (int, error) {
	if err := t.nargs(name, args[1:], kw, 1, 3); err != nil {
		return 0, err
	}
	s := selfStr(args)
	sub, err := t.mustStr(args[1], "must be str")
	if err != nil {
		return 0, t.newExcf(TypeErrorClass, "must be str, not %s", args[1].Type().Name)
	}
	start, end, err := t.strRange(s, args[2:])
	if err != nil {
		return 0, err
	}
	if start > end {
		return -1, nil
	}
	hay := s.substr(start, end)
	var i int
	if fromRight {
		i = strings.LastIndex(hay, sub)
	} else {
		i = strings.Index(hay, sub)
	}
	if i < 0 {
		return -1, nil
	}
	return start + len([]rune(hay[:i])), nil
}

func init() {
	m := StrClass.method
	m("join", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("join", args[1:], kw, 1, 1); err != nil {
			return nil, err
		}
		items, err := t.toItems(args[1])
		if err != nil {
			return nil, err
		}
		defer t.decrefAll(items)
		parts := make([]string, len(items))
		sep := selfStr(args).S
		size := int64(len(sep)) * int64(max(len(items)-1, 0))
		for i, it := range items {
			s, ok := it.(*Str)
			if !ok {
				return nil, t.newExcf(TypeErrorClass, "sequence item %d: expected str instance, %s found", i, it.Type().Name)
			}
			parts[i] = s.S
			size += int64(len(s.S))
		}
		if err := t.reserve(size); err != nil {
			return nil, err
		}
		t.Cost += size*t.Costs.StrChar + int64(len(items))*t.Costs.StrPiece
		return t.NewStr(strings.Join(parts, sep)), nil
	})
	m("split", func(t *Thread, args []Value, kw []string) (Value, error) { return t.strSplit(args, kw, false) })
	m("rsplit", func(t *Thread, args []Value, kw []string) (Value, error) { return t.strSplit(args, kw, true) })
	strip := func(name string, fn func(string, string) string, ws func(string) string) {
		m(name, func(t *Thread, args []Value, kw []string) (Value, error) {
			if err := t.nargs(name, args[1:], kw, 0, 1); err != nil {
				return nil, err
			}
			s := selfStr(args).S
			if len(args) == 1 || args[1] == None {
				return t.NewStr(ws(s)), nil
			}
			chars, err := t.strArg(args[1], name)
			if err != nil {
				return nil, err
			}
			return t.NewStr(fn(s, chars)), nil
		})
	}
	strip("strip", strings.Trim, func(s string) string { return strings.TrimFunc(s, unicode.IsSpace) })
	strip("lstrip", strings.TrimLeft, func(s string) string { return strings.TrimLeftFunc(s, unicode.IsSpace) })
	strip("rstrip", strings.TrimRight, func(s string) string { return strings.TrimRightFunc(s, unicode.IsSpace) })
	simple := func(name string, fn func(string) string) {
		m(name, func(t *Thread, args []Value, kw []string) (Value, error) {
			if err := t.nargs(name, args[1:], kw, 0, 0); err != nil {
				return nil, err
			}
			return t.NewStr(fn(selfStr(args).S)), nil
		})
	}
	simple("upper", strings.ToUpper)
	simple("lower", strings.ToLower)
	simple("casefold", strings.ToLower)
	simple("swapcase", func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsUpper(r) {
				return unicode.ToLower(r)
			}
			return unicode.ToUpper(r)
		}, s)
	})
	simple("title", pyTitle)
	simple("capitalize", func(s string) string {
		r := []rune(strings.ToLower(s))
		if len(r) > 0 {
			r[0] = unicode.ToUpper(r[0])
		}
		return string(r)
	})
	pred := func(name string, fn func(rune) bool, cased bool) {
		m(name, func(t *Thread, args []Value, kw []string) (Value, error) {
			s := selfStr(args).S
			if s == "" {
				return False, nil
			}
			for _, r := range s {
				if !fn(r) {
					return False, nil
				}
			}
			return True, nil
		})
	}
	pred("isdigit", unicode.IsDigit, false)
	pred("isdecimal", unicode.IsDigit, false)
	pred("isnumeric", func(r rune) bool { return unicode.IsDigit(r) || unicode.IsNumber(r) }, false)
	pred("isalpha", unicode.IsLetter, false)
	pred("isalnum", func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }, false)
	pred("isspace", unicode.IsSpace, false)
	pred("isascii", func(r rune) bool { return r < 0x80 }, false)
	casedPred := func(name string, want func(rune) bool, other func(rune) bool) {
		m(name, func(t *Thread, args []Value, kw []string) (Value, error) {
			found := false
			for _, r := range selfStr(args).S {
				if other(r) {
					return False, nil
				}
				if want(r) {
					found = true
				}
			}
			return BoolOf(found), nil
		})
	}
	casedPred("islower", unicode.IsLower, unicode.IsUpper)
	casedPred("isupper", unicode.IsUpper, unicode.IsLower)
	m("isidentifier", func(t *Thread, args []Value, kw []string) (Value, error) {
		s := selfStr(args).S
		if s == "" {
			return False, nil
		}
		for i, r := range s {
			if !(r == '_' || unicode.IsLetter(r) || i > 0 && unicode.IsDigit(r)) {
				return False, nil
			}
		}
		return True, nil
	})
	m("replace", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("replace", args[1:], kw, 2, 3); err != nil {
			return nil, err
		}
		old, err1 := t.mustStr(args[1], "replace() argument 1 must be str")
		nw, err2 := t.mustStr(args[2], "replace() argument 2 must be str")
		if err1 != nil {
			return nil, err1
		}
		if err2 != nil {
			return nil, err2
		}
		n := int64(-1)
		if len(args) == 4 {
			var err error
			if n, err = t.intArg(args[3], "replace"); err != nil {
				return nil, err
			}
		}
		self := selfStr(args).S
		if err := t.reserve(replacedSize(self, old, nw, n)); err != nil {
			return nil, err
		}
		return t.NewStr(strings.Replace(self, old, nw, int(n))), nil
	})
	affix := func(name string, fn func(string, string) bool) {
		m(name, func(t *Thread, args []Value, kw []string) (Value, error) {
			if err := t.nargs(name, args[1:], kw, 1, 3); err != nil {
				return nil, err
			}
			s := selfStr(args)
			start, end, err := t.strRange(s, args[2:])
			if err != nil {
				return nil, err
			}
			if start > end {
				return False, nil
			}
			sub := s.substr(start, end)
			if tu, ok := args[1].(*Tuple); ok {
				for _, x := range tu.Items {
					xs, ok := x.(*Str)
					if !ok {
						return nil, t.newExcf(TypeErrorClass, "tuple for %s must only contain str, not %s", name, x.Type().Name)
					}
					if fn(sub, xs.S) {
						return True, nil
					}
				}
				return False, nil
			}
			p, ok := args[1].(*Str)
			if !ok {
				return nil, t.newExcf(TypeErrorClass, "%s first arg must be str or a tuple of str, not %s", name, args[1].Type().Name)
			}
			return BoolOf(fn(sub, p.S)), nil
		})
	}
	affix("startswith", strings.HasPrefix)
	affix("endswith", strings.HasSuffix)
	m("find", func(t *Thread, args []Value, kw []string) (Value, error) {
		i, err := t.strFind(args, kw, "find", false)
		if err != nil {
			return nil, err
		}
		return t.newInt(int64(i)), nil
	})
	m("rfind", func(t *Thread, args []Value, kw []string) (Value, error) {
		i, err := t.strFind(args, kw, "rfind", true)
		if err != nil {
			return nil, err
		}
		return t.newInt(int64(i)), nil
	})
	m("index", func(t *Thread, args []Value, kw []string) (Value, error) {
		i, err := t.strFind(args, kw, "index", false)
		if err != nil {
			return nil, err
		}
		if i < 0 {
			return nil, t.newExc(ValueErrorClass, "substring not found")
		}
		return t.newInt(int64(i)), nil
	})
	m("rindex", func(t *Thread, args []Value, kw []string) (Value, error) {
		i, err := t.strFind(args, kw, "rindex", true)
		if err != nil {
			return nil, err
		}
		if i < 0 {
			return nil, t.newExc(ValueErrorClass, "substring not found")
		}
		return t.newInt(int64(i)), nil
	})
	m("count", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("count", args[1:], kw, 1, 3); err != nil {
			return nil, err
		}
		s := selfStr(args)
		sub, err := t.mustStr(args[1], "must be str")
		if err != nil {
			return nil, err
		}
		start, end, err := t.strRange(s, args[2:])
		if err != nil {
			return nil, err
		}
		if start > end {
			return t.newInt(0), nil
		}
		hay := s.substr(start, end)
		if sub == "" {
			return t.newInt(int64(len([]rune(hay)) + 1)), nil
		}
		return t.newInt(int64(strings.Count(hay, sub))), nil
	})
	m("format", func(t *Thread, args []Value, kw []string) (Value, error) {
		r, err := t.strFormat(selfStr(args).S, args[1:], kw)
		if err != nil {
			return nil, err
		}
		return t.NewStr(r), nil
	})
	m("zfill", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("zfill", args[1:], kw, 1, 1); err != nil {
			return nil, err
		}
		w, err := t.intArg(args[1], "zfill")
		if err != nil {
			return nil, err
		}
		s := selfStr(args).S
		n := len([]rune(s))
		if int64(n) >= w {
			return t.NewStr(s), nil
		}
		if err := t.reserve(w); err != nil {
			return nil, err
		}
		sign := ""
		if s != "" && (s[0] == '+' || s[0] == '-') {
			sign, s = s[:1], s[1:]
		}
		return t.NewStr(sign + padded(s, "0", int(w)-n, 0)), nil
	})
	justify := func(name string, align byte) {
		m(name, func(t *Thread, args []Value, kw []string) (Value, error) {
			if err := t.nargs(name, args[1:], kw, 1, 2); err != nil {
				return nil, err
			}
			w, err := t.intArg(args[1], name)
			if err != nil {
				return nil, err
			}
			fill := ' '
			if len(args) == 3 {
				f, ok := args[2].(*Str)
				if !ok || f.Len() != 1 {
					return nil, t.newExc(TypeErrorClass, "The fill character must be exactly one character long")
				}
				fill = []rune(f.S)[0]
			}
			s := selfStr(args).S
			n := len([]rune(s))
			if int64(n) >= w {
				return t.NewStr(s), nil
			}
			f := string(fill)
			if err := t.reserve(int64(len(s)) + (w-int64(n))*int64(len(f))); err != nil {
				return nil, err
			}
			pad := int(w) - n
			left := padLeft(pad, int(w), align)
			return t.NewStr(padded(s, f, left, pad-left)), nil
		})
	}
	justify("ljust", '<')
	justify("rjust", '>')
	justify("center", '^')
	m("splitlines", func(t *Thread, args []Value, kw []string) (Value, error) {
		pos, kws, err := t.kwargs("splitlines", args[1:], kw, "keepends")
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
		s := selfStr(args).S
		var parts []string
		for len(s) > 0 {
			i := strings.IndexAny(s, "\n\r\v\f\x1c\x1d\x1e\u0085\u2028\u2029")
			if i < 0 {
				parts = append(parts, s)
				break
			}
			_, size := utf8.DecodeRuneInString(s[i:])
			end := i + size
			if s[i] == '\r' && i+1 < len(s) && s[i+1] == '\n' {
				end++
			}
			if keep {
				parts = append(parts, s[:end])
			} else {
				parts = append(parts, s[:i])
			}
			s = s[end:]
		}
		return t.strList(parts), nil
	})
	part := func(name string, right bool) {
		m(name, func(t *Thread, args []Value, kw []string) (Value, error) {
			if err := t.nargs(name, args[1:], kw, 1, 1); err != nil {
				return nil, err
			}
			sep, err := t.mustStr(args[1], "must be str")
			if err != nil {
				return nil, err
			}
			if sep == "" {
				return nil, t.newExc(ValueErrorClass, "empty separator")
			}
			a, b, c := partition3(selfStr(args).S, sep, right)
			return t.newTuple([]Value{t.NewStr(a), t.NewStr(b), t.NewStr(c)}), nil
		})
	}
	part("partition", false)
	part("rpartition", true)
	m("encode", func(t *Thread, args []Value, kw []string) (Value, error) {
		enc, errs, err := t.codecArgs("encode", args[1:], kw)
		if err != nil {
			return nil, err
		}
		s := selfStr(args).S
		t.chargeBytes(len(s))
		b, err := t.encodeStr(s, enc, errs)
		if err != nil {
			return nil, err
		}
		return t.bytesResult(b)
	})
	m("removeprefix", func(t *Thread, args []Value, kw []string) (Value, error) {
		p, err := t.mustStr(args[1], "removeprefix() argument must be str")
		if err != nil {
			return nil, err
		}
		return t.NewStr(strings.TrimPrefix(selfStr(args).S, p)), nil
	})
	m("removesuffix", func(t *Thread, args []Value, kw []string) (Value, error) {
		p, err := t.mustStr(args[1], "removesuffix() argument must be str")
		if err != nil {
			return nil, err
		}
		return t.NewStr(strings.TrimSuffix(selfStr(args).S, p)), nil
	})

	listMethods()
	dictMethods()
	setMethods()
	seqCommon(TupleClass)
	seqCommon(ListClass)
}

// pyTitle is str.title: the first letter of each run of letters upper-cased.
func pyTitle(s string) string {
	prev := false
	return strings.Map(func(r rune) rune {
		cased := unicode.IsLetter(r)
		defer func() { prev = cased }()
		if !prev {
			return unicode.ToUpper(r)
		}
		return unicode.ToLower(r)
	}, s)
}

func (t *Thread) strSplit(args []Value, kw []string, right bool) (Value, error) {
	pos, kws, err := t.kwargs("split", args[1:], kw, "sep", "maxsplit")
	if err != nil {
		return nil, err
	}
	if len(pos) > 0 {
		kws["sep"] = pos[0]
	}
	if len(pos) > 1 {
		kws["maxsplit"] = pos[1]
	}
	max := int64(-1)
	if v, ok := kws["maxsplit"]; ok {
		if max, err = t.intArg(v, "split"); err != nil {
			return nil, err
		}
	}
	s := selfStr(args).S
	sepv, hasSep := kws["sep"]
	if !hasSep || sepv == None {
		fields := splitWhitespace(s, int(max), right)
		return t.strList(fields), nil
	}
	sep, err := t.mustStr(sepv, "must be str or None")
	if err != nil {
		return nil, err
	}
	if sep == "" {
		return nil, t.newExc(ValueErrorClass, "empty separator")
	}
	return t.strList(splitSep(s, sep, max, right)), nil
}

func splitWhitespace(s string, max int, right bool) []string {
	return splitFunc(s, max, right, unicode.IsSpace)
}

// splitFunc splits s at runs of the characters isSpace accepts, at most max times
// (all when negative), from the right when right is set, dropping them at the ends.
func splitFunc(s string, max int, right bool, isSpace func(rune) bool) []string {
	if max < 0 {
		return strings.FieldsFunc(s, isSpace)
	}
	var out []string
	if !right {
		s = strings.TrimLeftFunc(s, isSpace)
		for s != "" {
			i := strings.IndexFunc(s, isSpace)
			if len(out) == max || i < 0 {
				return append(out, s)
			}
			out = append(out, s[:i])
			s = strings.TrimLeftFunc(s[i:], isSpace)
		}
		return out
	}
	s = strings.TrimRightFunc(s, isSpace)
	for s != "" {
		i := strings.LastIndexFunc(s, isSpace)
		if len(out) == max || i < 0 {
			return append([]string{s}, out...)
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		out = append([]string{s[i+size:]}, out...)
		s = strings.TrimRightFunc(s[:i], isSpace)
	}
	return out
}

// padded returns s with fill written left times before it and right times after, in
// one allocation.
func padded(s, fill string, left, right int) string {
	var b strings.Builder
	b.Grow(len(s) + (left+right)*len(fill))
	writeRepeat(&b, fill, left)
	b.WriteString(s)
	writeRepeat(&b, fill, right)
	return b.String()
}

// partition3 is str.partition (rpartition when right) of s at sep.
func partition3(s, sep string, right bool) (string, string, string) {
	var i int
	if right {
		i = strings.LastIndex(s, sep)
	} else {
		i = strings.Index(s, sep)
	}
	switch {
	case i >= 0:
		return s[:i], sep, s[i+len(sep):]
	case right:
		return "", "", s
	}
	return s, "", ""
}

// padLeft is how much of pad ljust, rjust or center (align '<', '>', '^') puts
// before a string justified to width w.
func padLeft(pad, w int, align byte) int {
	switch align {
	case '>':
		return pad
	case '^':
		// CPython's centering puts the extra fill on the right unless both
		// the padding and the width are odd.
		if pad%2 == 1 && w%2 == 1 {
			return pad/2 + 1
		}
		return pad / 2
	}
	return 0
}

// replacedSize is the length of strings.Replace(s, old, nw, n) (n < 0: every one).
func replacedSize(s, old, nw string, n int64) int64 {
	count := int64(utf8.RuneCountInString(s) + 1)
	if old != "" {
		count = int64(strings.Count(s, old))
	}
	if n >= 0 && n < count {
		count = n
	}
	return int64(len(s)) + count*int64(len(nw)-len(old))
}

func seqItems(v Value) []Value {
	switch o := v.(type) {
	case *List:
		return o.Items
	case *Tuple:
		return o.Items
	}
	return nil
}

func seqCommon(c *Class) {
	c.method("index", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("index", args[1:], kw, 1, 3); err != nil {
			return nil, err
		}
		items := seqItems(args[0])
		start, end := 0, len(items)
		norm := func(v Value) (int, error) {
			x, err := t.intArg(v, "index")
			if err != nil {
				return 0, err
			}
			if x < 0 {
				x += int64(len(items))
				if x < 0 {
					x = 0
				}
			}
			if x > int64(len(items)) {
				x = int64(len(items))
			}
			return int(x), nil
		}
		var err error
		if len(args) > 2 {
			if start, err = norm(args[2]); err != nil {
				return nil, err
			}
		}
		if len(args) > 3 {
			if end, err = norm(args[3]); err != nil {
				return nil, err
			}
		}
		for i := start; i < end && i < len(items); i++ {
			if err := t.work(1); err != nil {
				return nil, err
			}
			eq, err := t.Equal(items[i], args[1])
			if err != nil {
				return nil, err
			}
			if eq {
				return t.newInt(int64(i)), nil
			}
		}
		if c == TupleClass {
			return nil, t.newExc(ValueErrorClass, "tuple.index(x): x not in tuple")
		}
		r, _ := t.Repr(args[1])
		return nil, t.newExcf(ValueErrorClass, "%s is not in list", r)
	})
	c.method("count", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("count", args[1:], kw, 1, 1); err != nil {
			return nil, err
		}
		n := 0
		for _, v := range seqItems(args[0]) {
			if err := t.work(1); err != nil {
				return nil, err
			}
			eq, err := t.Equal(v, args[1])
			if err != nil {
				return nil, err
			}
			if eq {
				n++
			}
		}
		return t.newInt(int64(n)), nil
	})
}

func listMethods() {
	m := ListClass.method
	self := func(args []Value) *List { return args[0].(*List) }
	m("append", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("list.append", args[1:], kw, 1, 1); err != nil {
			return nil, t.newExcf(TypeErrorClass, "list.append() takes exactly one argument (%d given)", len(args)-1)
		}
		l := self(args)
		if len(l.Items) >= t.in.Config.MaxItems {
			return nil, t.memoryError()
		}
		t.Incref(args[1])
		l.Items = append(l.Items, args[1])
		t.in.holdList(l)
		return None, nil
	})
	m("extend", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("extend", args[1:], kw, 1, 1); err != nil {
			return nil, err
		}
		return None, t.listExtend(self(args), args[1])
	})
	m("insert", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("insert", args[1:], kw, 2, 2); err != nil {
			return nil, err
		}
		l := self(args)
		i, err := t.intArg(args[1], "insert")
		if err != nil {
			return nil, err
		}
		n := int64(len(l.Items))
		if i < 0 {
			i += n
			if i < 0 {
				i = 0
			}
		}
		if i > n {
			i = n
		}
		t.Incref(args[2])
		l.Items = append(l.Items, nil)
		t.in.holdList(l)
		copy(l.Items[i+1:], l.Items[i:])
		l.Items[i] = args[2]
		return None, nil
	})
	m("pop", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("pop", args[1:], kw, 0, 1); err != nil {
			return nil, err
		}
		l := self(args)
		if len(l.Items) == 0 {
			return nil, t.newExc(IndexErrorClass, "pop from empty list")
		}
		i := int64(len(l.Items) - 1)
		if len(args) == 2 {
			var err error
			if i, err = t.intArg(args[1], "pop"); err != nil {
				return nil, err
			}
			if i < 0 {
				i += int64(len(l.Items))
			}
			if i < 0 || i >= int64(len(l.Items)) {
				return nil, t.newExc(IndexErrorClass, "pop index out of range")
			}
		}
		v := l.Items[i]
		copy(l.Items[i:], l.Items[i+1:])
		l.Items[len(l.Items)-1] = nil
		l.Items = l.Items[:len(l.Items)-1]
		return v, nil
	})
	m("remove", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("remove", args[1:], kw, 1, 1); err != nil {
			return nil, err
		}
		l := self(args)
		for i, v := range l.Items {
			eq, err := t.Equal(v, args[1])
			if err != nil {
				return nil, err
			}
			if eq {
				copy(l.Items[i:], l.Items[i+1:])
				l.Items[len(l.Items)-1] = nil
				l.Items = l.Items[:len(l.Items)-1]
				t.Decref(v)
				return None, nil
			}
		}
		return nil, t.newExc(ValueErrorClass, "list.remove(x): x not in list")
	})
	m("reverse", func(t *Thread, args []Value, kw []string) (Value, error) {
		it := self(args).Items
		for i, j := 0, len(it)-1; i < j; i, j = i+1, j-1 {
			it[i], it[j] = it[j], it[i]
		}
		return None, nil
	})
	m("sort", func(t *Thread, args []Value, kw []string) (Value, error) {
		pos, kws, err := t.kwargs("sort", args[1:], kw, "key", "reverse")
		if err != nil {
			return nil, err
		}
		if len(pos) > 0 {
			return nil, t.newExc(TypeErrorClass, "sort() takes no positional arguments")
		}
		return None, t.sortList(self(args), kws["key"], kws["reverse"])
	})
	m("copy", func(t *Thread, args []Value, kw []string) (Value, error) {
		return t.newList(t.copyItems(self(args).Items)), nil
	})
	m("clear", func(t *Thread, args []Value, kw []string) (Value, error) {
		l := self(args)
		items := l.Items
		l.Items = nil
		t.in.holdList(l)
		t.decrefAll(items)
		return None, nil
	})
}

// updateFromMapping adds to d the items of src when src is an object of a class of
// the program with a keys() method (a collections.abc.Mapping), as CPython's
// dict(src) and d.update(src) take it: src[k] for each k in src.keys(). done is
// false when src has no keys.
func (t *Thread) updateFromMapping(d *Dict, src Value) (done bool, err error) {
	if _, ok := src.(*Instance); !ok {
		return false, nil
	}
	keysFn, err := t.getAttr(src, "keys")
	if err != nil {
		if e, ok := err.(*Instance); ok && e.Class.IsSubclass(AttributeErrorClass) {
			t.Decref(e)
			return false, nil
		}
		return false, err
	}
	if keysFn == nil {
		return false, nil
	}
	keys, err := t.Call(keysFn)
	t.Decref(keysFn)
	if err != nil {
		return true, err
	}
	ks, err := t.toItems(keys)
	t.Decref(keys)
	if err != nil {
		return true, err
	}
	defer t.decrefAll(ks)
	for _, k := range ks {
		v, err := t.GetItem(src, k)
		if err != nil {
			return true, err
		}
		err = t.dictSet(d, k, v)
		t.Decref(v)
		if err != nil {
			return true, err
		}
	}
	return true, nil
}

func dictUpdate(t *Thread, args []Value, kw []string) (Value, error) {
	d := args[0].(*Dict)
	npos := len(args) - 1 - len(kw)
	if npos > 1 {
		return nil, t.newExcf(TypeErrorClass, "update expected at most 1 argument, got %d", npos)
	}
	if npos == 1 {
		src := args[1]
		if sd, ok := src.(*Dict); ok {
			var err error
			sd.items(func(k, v Value) bool {
				err = t.dictSet(d, k, v)
				return err == nil
			})
			if err != nil {
				return nil, err
			}
		} else if done, err := t.updateFromMapping(d, src); done || err != nil {
			if err != nil {
				return nil, err
			}
		} else {
			items, err := t.toItems(src)
			if err != nil {
				return nil, err
			}
			defer t.decrefAll(items)
			for i, it := range items {
				pair, err := t.toItems(it)
				if err != nil {
					return nil, t.newExcf(TypeErrorClass, "cannot convert dictionary update sequence element #%d to a sequence", i)
				}
				if len(pair) != 2 {
					t.decrefAll(pair)
					return nil, t.newExcf(ValueErrorClass, "dictionary update sequence element #%d has length %d; 2 is required", i, len(pair))
				}
				err = t.dictSet(d, pair[0], pair[1])
				t.decrefAll(pair)
				if err != nil {
					return nil, err
				}
			}
		}
	}
	for i, k := range kw {
		t.setStr(d, k, args[1+npos+i])
	}
	return None, nil
}

func dictMethods() {
	m := DictClass.method
	self := func(args []Value) *Dict { return args[0].(*Dict) }
	m("get", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("get", args[1:], kw, 1, 2); err != nil {
			return nil, err
		}
		v, err := t.dictGet(self(args), args[1])
		if err != nil {
			return nil, err
		}
		if v == nil {
			if len(args) == 3 {
				v = args[2]
			} else {
				v = None
			}
		}
		t.Incref(v)
		return v, nil
	})
	for _, kind := range []string{"keys", "values", "items"} {
		kind := kind
		m(kind, func(t *Thread, args []Value, kw []string) (Value, error) {
			if err := t.nargs(kind, args[1:], kw, 0, 0); err != nil {
				return nil, err
			}
			v := &dictView{d: self(args), kind: kind}
			t.Incref(v.d)
			t.in.alloc(&v.Header)
			return v, nil
		})
	}
	m("pop", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("pop", args[1:], kw, 1, 2); err != nil {
			return nil, err
		}
		v, err := t.dictPop(self(args), args[1])
		if err != nil {
			return nil, err
		}
		if v == nil {
			if len(args) == 3 {
				t.Incref(args[2])
				return args[2], nil
			}
			t.Incref(args[1])
			return nil, t.newExcValue(KeyErrorClass, args[1])
		}
		return v, nil
	})
	m("popitem", func(t *Thread, args []Value, kw []string) (Value, error) {
		d := self(args)
		for i := len(d.keys) - 1; i >= 0; i-- {
			if k := d.keys[i]; k != nil {
				t.Incref(k)
				v, err := t.dictPop(d, k)
				if err != nil {
					return nil, err
				}
				return t.newTuple([]Value{k, v}), nil
			}
		}
		return nil, t.newExc(KeyErrorClass, "popitem(): dictionary is empty")
	})
	m("setdefault", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("setdefault", args[1:], kw, 1, 2); err != nil {
			return nil, err
		}
		d := self(args)
		v, err := t.dictGet(d, args[1])
		if err != nil {
			return nil, err
		}
		if v == nil {
			v = None
			if len(args) == 3 {
				v = args[2]
			}
			if err := t.dictSet(d, args[1], v); err != nil {
				return nil, err
			}
		}
		t.Incref(v)
		return v, nil
	})
	m("update", dictUpdate)
	m("copy", func(t *Thread, args []Value, kw []string) (Value, error) {
		nd := t.NewDict()
		var err error
		self(args).items(func(k, v Value) bool {
			err = t.dictSet(nd, k, v)
			return err == nil
		})
		return nd, err
	})
	m("clear", func(t *Thread, args []Value, kw []string) (Value, error) {
		t.clearDict(self(args))
		return None, nil
	})
	DictClass.Methods["fromkeys"] = builtinClassMethod("fromkeys",
		func(t *Thread, args []Value, kw []string) (Value, error) {
			// A class method: args[0] is the class.
			if err := t.nargs("fromkeys", args[1:], kw, 1, 2); err != nil {
				return nil, err
			}
			val := Value(None)
			if len(args) > 2 {
				val = args[2]
			}
			keys, err := t.toItems(args[1])
			if err != nil {
				return nil, err
			}
			defer t.decrefAll(keys)
			if c, ok := args[0].(*Class); ok && c != DictClass {
				// A subclass (OrderedDict, Counter …): cls(), then its items set.
				obj, err := t.Call(c)
				if err != nil {
					return nil, err
				}
				for _, k := range keys {
					if err := t.SetItem(obj, k, val); err != nil {
						t.Decref(obj)
						return nil, err
					}
				}
				return obj, nil
			}
			d := t.NewDict()
			for _, k := range keys {
				if err := t.dictSet(d, k, val); err != nil {
					t.Decref(d)
					return nil, err
				}
			}
			return d, nil
		})
}

// dictView is dict.keys(), .values() or .items(): a live view of the dict.
type dictView struct {
	Header
	d    *Dict
	kind string
}

var (
	dictKeysClass   = newBuiltinClass("dict_keys", ObjectClass)
	dictValuesClass = newBuiltinClass("dict_values", ObjectClass)
	dictItemsClass  = newBuiltinClass("dict_items", ObjectClass)
)

func (v *dictView) Type() *Class {
	switch v.kind {
	case "keys":
		return dictKeysClass
	case "values":
		return dictValuesClass
	}
	return dictItemsClass
}

// items returns the view's current members as new references.
func (v *dictView) items(t *Thread) []Value {
	out := make([]Value, 0, v.d.Len())
	v.d.items(func(k, x Value) bool {
		switch v.kind {
		case "keys":
			t.Incref(k)
			out = append(out, k)
		case "values":
			t.Incref(x)
			out = append(out, x)
		default:
			t.Incref(k)
			t.Incref(x)
			out = append(out, t.newTuple([]Value{k, x}))
		}
		return true
	})
	return out
}

func (v *dictView) repr(t *Thread) (string, error) {
	l := t.newList(v.items(t))
	defer t.Decref(l)
	inner, err := t.Repr(l)
	return v.Type().Name + "(" + inner + ")", err
}

func (t *Thread) setUpdateFrom(s *Set, src Value) error {
	items, err := t.toItems(src)
	if err != nil {
		return err
	}
	defer t.decrefAll(items)
	for _, x := range items {
		if err := t.setAdd(s, x); err != nil {
			return err
		}
	}
	return nil
}

func setMethods() {
	for _, c := range []*Class{SetClass, FrozenSetClass} {
		frozen := c == FrozenSetClass
		m := c.method
		binary := func(name string, keep func(inA, inB bool) bool, sym bool) {
			m(name, func(t *Thread, args []Value, kw []string) (Value, error) {
				return t.setAlgebra(args, keep, frozen, sym)
			})
		}
		binary("union", func(a, b bool) bool { return a || b }, true)
		binary("intersection", func(a, b bool) bool { return a && b }, false)
		binary("difference", func(a, b bool) bool { return a && !b }, false)
		binary("symmetric_difference", func(a, b bool) bool { return a != b }, true)
		subset := func(name string, sub bool) {
			m(name, func(t *Thread, args []Value, kw []string) (Value, error) {
				if err := t.nargs(name, args[1:], kw, 1, 1); err != nil {
					return nil, err
				}
				a := args[0].(*Set)
				b, err := t.asSet(args[1])
				if err != nil {
					return nil, err
				}
				defer t.Decref(b)
				x, y := a, b
				if !sub {
					x, y = b, a
				}
				for _, k := range x.setItems() {
					in, err := t.setContains(y, k)
					if err != nil || !in {
						return False, err
					}
				}
				return True, nil
			})
		}
		subset("issubset", true)
		subset("issuperset", false)
		m("isdisjoint", func(t *Thread, args []Value, kw []string) (Value, error) {
			b, err := t.asSet(args[1])
			if err != nil {
				return nil, err
			}
			defer t.Decref(b)
			for _, k := range args[0].(*Set).setItems() {
				if in, _ := t.setContains(b, k); in {
					return False, nil
				}
			}
			return True, nil
		})
		m("copy", func(t *Thread, args []Value, kw []string) (Value, error) {
			s := t.newSet(frozen)
			for _, k := range args[0].(*Set).setItems() {
				if err := t.setAdd(s, k); err != nil {
					return nil, err
				}
			}
			return s, nil
		})
		if frozen {
			continue
		}
		m("add", func(t *Thread, args []Value, kw []string) (Value, error) {
			if err := t.nargs("add", args[1:], kw, 1, 1); err != nil {
				return nil, err
			}
			return None, t.setAdd(args[0].(*Set), args[1])
		})
		m("discard", func(t *Thread, args []Value, kw []string) (Value, error) {
			if err := t.nargs("discard", args[1:], kw, 1, 1); err != nil {
				return nil, err
			}
			_, err := t.setDiscard(args[0].(*Set), args[1])
			return None, err
		})
		m("remove", func(t *Thread, args []Value, kw []string) (Value, error) {
			if err := t.nargs("remove", args[1:], kw, 1, 1); err != nil {
				return nil, err
			}
			found, err := t.setDiscard(args[0].(*Set), args[1])
			if err != nil {
				return nil, err
			}
			if !found {
				t.Incref(args[1])
				return nil, t.newExcValue(KeyErrorClass, args[1])
			}
			return None, nil
		})
		m("pop", func(t *Thread, args []Value, kw []string) (Value, error) {
			s := args[0].(*Set)
			items := s.setItems()
			if len(items) == 0 {
				return nil, t.newExc(KeyErrorClass, "pop from an empty set")
			}
			k := items[0]
			t.Incref(k)
			if _, err := t.setDiscard(s, k); err != nil {
				return nil, err
			}
			return k, nil
		})
		m("update", func(t *Thread, args []Value, kw []string) (Value, error) {
			for _, a := range args[1:] {
				if err := t.setUpdateFrom(args[0].(*Set), a); err != nil {
					return nil, err
				}
			}
			return None, nil
		})
		m("clear", func(t *Thread, args []Value, kw []string) (Value, error) {
			t.clearSet(args[0].(*Set))
			return None, nil
		})
	}
}

func (t *Thread) asSet(v Value) (*Set, error) {
	if s, ok := v.(*Set); ok {
		t.Incref(s)
		return s, nil
	}
	s := t.newSet(true)
	if err := t.setUpdateFrom(s, v); err != nil {
		t.Decref(s)
		return nil, err
	}
	return s, nil
}

// setAlgebra builds the set of members of args[0] and the other arguments for which
// keep(inFirst, inOther) holds.
func (t *Thread) setAlgebra(args []Value, keep func(bool, bool) bool, frozen, addOthers bool) (Value, error) {
	cur := args[0].(*Set)
	t.Incref(cur)
	for _, o := range args[1:] {
		other, err := t.asSet(o)
		if err != nil {
			t.Decref(cur)
			return nil, err
		}
		res := t.newSet(frozen)
		for _, k := range cur.setItems() {
			in, _ := t.setContains(other, k)
			if keep(true, in) {
				t.setAdd(res, k)
			}
		}
		if addOthers {
			for _, k := range other.setItems() {
				in, _ := t.setContains(cur, k)
				if keep(in, true) && !in {
					t.setAdd(res, k)
				}
			}
		}
		t.Decref(other)
		t.Decref(cur)
		cur = res
	}
	if len(args) == 1 {
		res := t.newSet(frozen)
		for _, k := range cur.setItems() {
			t.setAdd(res, k)
		}
		t.Decref(cur)
		cur = res
	}
	return cur, nil
}
