// This file defines str.translate, str.maketrans, str.expandtabs, str.isprintable and
// str.istitle, as CPython 3.12's unicodeobject.c has them.

package py

import (
	"strings"
	"unicode"
)

func init() {
	m := StrClass.method
	m("translate", strTranslate)
	m("expandtabs", strExpandTabs)
	m("isprintable", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("isprintable", args[1:], kw, 0, 0); err != nil {
			return nil, err
		}
		for _, r := range selfStr(args).S {
			if !isPrintableRune(r) {
				return False, nil
			}
		}
		return True, nil
	})
	m("istitle", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("istitle", args[1:], kw, 0, 0); err != nil {
			return nil, err
		}
		// Upper- and titlecase characters only after uncased ones, lowercase only
		// after cased ones, and at least one cased character.
		cased, prevCased := false, false
		for _, r := range selfStr(args).S {
			switch {
			case unicode.IsUpper(r) || unicode.IsTitle(r):
				if prevCased {
					return False, nil
				}
				prevCased, cased = true, true
			case unicode.IsLower(r):
				if !prevCased {
					return False, nil
				}
				prevCased, cased = true, true
			default:
				prevCased = false
			}
		}
		return BoolOf(cased), nil
	})
	StrClass.Methods["maketrans"] = &staticMethod{Header: Header{Ref: 1, flags: flagImmortal | flagStatic},
		fn: &Builtin{Header: Header{Ref: 1, flags: flagImmortal | flagStatic}, Name: "maketrans", Fn: strMaketrans}}
}

// isPrintableRune is Py_UNICODE_ISPRINTABLE: not in the categories Cc, Cf, Cs, Co,
// Cn, Zl, Zp, Zs, except the space.
func isPrintableRune(r rune) bool {
	if r == ' ' {
		return true
	}
	if unicode.In(r, unicode.Cc, unicode.Cf, unicode.Cs, unicode.Co, unicode.Zl, unicode.Zp, unicode.Zs) {
		return false
	}
	// Cn: unassigned code points.
	return unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.P, unicode.S)
}

// strMaketrans is str.maketrans(x[, y[, z]]).
func strMaketrans(t *Thread, args []Value, kw []string) (Value, error) {
	if err := t.nargs("maketrans", args, kw, 1, 3); err != nil {
		return nil, err
	}
	d := t.NewDict()
	if len(args) == 1 {
		src, ok := args[0].(*Dict)
		if !ok {
			t.Decref(d)
			return nil, t.newExc(TypeErrorClass, "if you give only one argument to maketrans it must be a dict")
		}
		var err error
		src.items(func(k, v Value) bool {
			switch k := k.(type) {
			case *Str:
				r := []rune(k.S)
				if len(r) != 1 {
					err = t.newExc(ValueErrorClass, "string keys in translate table must be of length 1")
					return false
				}
				key := t.newInt(int64(r[0]))
				err = t.dictSet(d, key, v)
				t.Decref(key)
			case *Int:
				err = t.dictSet(d, k, v)
			default:
				err = t.newExc(TypeErrorClass, "keys in translate table must be strings or integers")
			}
			return err == nil
		})
		if err != nil {
			t.Decref(d)
			return nil, err
		}
		return d, nil
	}
	strs := make([][]rune, len(args))
	for i, a := range args {
		s, ok := a.(*Str)
		if !ok {
			t.Decref(d)
			if i == 0 {
				return nil, t.newExc(TypeErrorClass, "first maketrans argument must be a string if there is a second argument")
			}
			return nil, t.newExcf(TypeErrorClass, "maketrans() argument %d must be str, not %s", i+1, a.Type().Name)
		}
		strs[i] = []rune(s.S)
	}
	if len(strs[0]) != len(strs[1]) {
		t.Decref(d)
		return nil, t.newExc(ValueErrorClass, "the first two maketrans arguments must have equal length")
	}
	if err := t.work(len(strs[0]) + len(args)); err != nil {
		t.Decref(d)
		return nil, err
	}
	set := func(k rune, v Value) error {
		key := t.newInt(int64(k))
		err := t.dictSet(d, key, v)
		t.Decref(key)
		return err
	}
	for i, r := range strs[0] {
		v := t.newInt(int64(strs[1][i]))
		err := set(r, v)
		t.Decref(v)
		if err != nil {
			t.Decref(d)
			return nil, err
		}
	}
	if len(strs) == 3 {
		for _, r := range strs[2] {
			if err := set(r, None); err != nil {
				t.Decref(d)
				return nil, err
			}
		}
	}
	return d, nil
}

// strTranslate is str.translate(table): each character's ordinal is looked up in
// table (table[ord(c)]); a LookupError keeps the character, None deletes it, an int
// or a str replaces it. As CPython's, an ASCII character's mapping is looked up
// once per call (its cache of ASCII mappings), another character's each time: each
// lookup is charged as a dict operation, each character as one copied.
func strTranslate(t *Thread, args []Value, kw []string) (Value, error) {
	if err := t.nargs("translate", args[1:], kw, 1, 1); err != nil {
		return nil, err
	}
	s := selfStr(args).S
	table := args[1]
	seen := map[rune]string{}
	deleted := map[rune]bool{}
	var b strings.Builder
	n := 0
	for _, r := range s {
		n++
		if err := t.work(1); err != nil {
			return nil, err
		}
		if rep, ok := seen[r]; ok {
			b.WriteString(rep)
			continue
		}
		if deleted[r] {
			continue
		}
		key := t.newInt(int64(r))
		t.Cost += t.Costs.DictOp
		v, err := t.GetItem(table, key)
		t.Decref(key)
		if err != nil {
			if e, ok := err.(*Instance); ok && e.Class.IsSubclass(LookupErrorClass) {
				t.Decref(e)
				if r < 128 {
					seen[r] = string(r)
				}
				b.WriteRune(r)
				continue
			}
			return nil, err
		}
		var rep string
		switch v := v.(type) {
		case *NoneType:
			if r < 128 {
				deleted[r] = true
			}
			t.Decref(v)
			continue
		case *Str:
			rep = v.S
		case *Int, *Bool:
			c, _ := asInt64(v)
			if c < 0 || c > unicode.MaxRune {
				t.Decref(v)
				return nil, t.newExc(ValueErrorClass, "character mapping must be in range(0x110000)")
			}
			rep = string(rune(c))
		default:
			t.Decref(v)
			return nil, t.newExc(TypeErrorClass, "character mapping must return integer, None or str")
		}
		t.Decref(v)
		if r < 128 {
			seen[r] = rep
		}
		b.WriteString(rep)
		if b.Len() > 1<<20 {
			if err := t.reserve(int64(b.Len())); err != nil {
				return nil, err
			}
		}
	}
	if err := t.reserve(int64(b.Len())); err != nil {
		return nil, err
	}
	t.Cost += int64(n) * t.Costs.StrChar
	return t.NewStr(b.String()), nil
}

// strExpandTabs is str.expandtabs(tabsize=8).
func strExpandTabs(t *Thread, args []Value, kw []string) (Value, error) {
	pos, kws, err := t.kwargs("expandtabs", args[1:], kw, "tabsize")
	if err != nil {
		return nil, err
	}
	if len(pos) > 1 {
		return nil, t.newExcf(TypeErrorClass, "expandtabs() takes at most 1 argument (%d given)", len(pos))
	}
	size := int64(8)
	var sv Value
	if len(pos) == 1 {
		sv = pos[0]
	} else if v, ok := kws["tabsize"]; ok {
		sv = v
	}
	if sv != nil {
		if size, err = t.intArg(sv, "expandtabs"); err != nil {
			return nil, err
		}
	}
	s := selfStr(args).S
	if !strings.Contains(s, "\t") {
		return t.NewStr(s), nil
	}
	var b strings.Builder
	col := int64(0)
	for _, r := range s {
		if err := t.work(1); err != nil {
			return nil, err
		}
		switch r {
		case '\t':
			if size > 0 {
				n := size - col%size
				if int64(b.Len())+n > 1<<20 {
					if err := t.reserve(int64(b.Len()) + n); err != nil {
						return nil, err
					}
				}
				b.WriteString(strings.Repeat(" ", int(n)))
				col += n
			}
		case '\n', '\r':
			b.WriteRune(r)
			col = 0
		default:
			b.WriteRune(r)
			col++
		}
	}
	if err := t.reserve(int64(b.Len())); err != nil {
		return nil, err
	}
	t.Cost += int64(b.Len()) * t.Costs.StrChar
	return t.NewStr(b.String()), nil
}
