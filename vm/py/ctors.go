// This file defines the constructors of the builtin types (int(), str(), list() …)
// and the methods of the numeric types.

package py

import (
	"math"
	"math/big"
	"strconv"
	"strings"
)

func init() {
	IntClass.New = intNew
	BoolClass.New = func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("bool", args[1:], kw, 0, 1); err != nil {
			return nil, err
		}
		if len(args) == 1 {
			return False, nil
		}
		b, err := t.Truth(args[1])
		return BoolOf(b), err
	}
	FloatClass.New = floatNew
	// types.MethodType(function, instance), as CPython's method_new.
	MethodClass.New = func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("method", args[1:], kw, 2, 2); err != nil {
			return nil, err
		}
		fn, self := args[1], args[2]
		if !callable(fn) {
			return nil, t.newExc(TypeErrorClass, "first argument must be callable")
		}
		if self == None {
			return nil, t.newExc(TypeErrorClass, "instance must not be None")
		}
		m := &BoundMethod{Self: self, Func: fn}
		t.in.alloc(&m.Header)
		t.Incref(self)
		t.Incref(fn)
		return m, nil
	}
	StrClass.New = func(t *Thread, args []Value, kw []string) (Value, error) {
		pos, kws, err := t.kwargs("str", args[1:], kw, "encoding", "errors")
		if err != nil {
			return nil, err
		}
		if len(pos) == 0 {
			return t.NewStr(""), nil
		}
		if b, ok := bytesOf(pos[0]); ok && (len(pos) > 1 || len(kws) > 0) {
			enc, errs, err := t.codecArgs("str", args[2:], kw)
			if err != nil {
				return nil, err
			}
			s, err := t.decodeBytes(b, enc, errs)
			if err != nil {
				return nil, err
			}
			return t.NewStr(s), nil
		}
		s, err := t.ToStr(pos[0])
		if err != nil {
			return nil, err
		}
		return t.NewStr(s), nil
	}
	BytesClass.New = bytesNew
	ListClass.New = func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("list", args[1:], kw, 0, 1); err != nil {
			return nil, err
		}
		if len(args) == 1 {
			return t.newList(nil), nil
		}
		items, err := t.toItems(args[1])
		if err != nil {
			return nil, err
		}
		return t.newList(items), nil
	}
	TupleClass.New = func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("tuple", args[1:], kw, 0, 1); err != nil {
			return nil, err
		}
		if len(args) == 1 {
			return emptyTuple, nil
		}
		if tu, ok := args[1].(*Tuple); ok {
			return t.exact(tu), nil
		}
		items, err := t.toItems(args[1])
		if err != nil {
			return nil, err
		}
		return t.newTuple(items), nil
	}
	DictClass.New = func(t *Thread, args []Value, kw []string) (Value, error) {
		d := t.NewDict()
		if _, err := dictUpdate(t, append([]Value{d}, args[1:]...), kw); err != nil {
			t.Decref(d)
			return nil, err
		}
		return d, nil
	}
	setNew := func(frozen bool) BuiltinFunc {
		return func(t *Thread, args []Value, kw []string) (Value, error) {
			name := "set"
			if frozen {
				name = "frozenset"
			}
			if err := t.nargs(name, args[1:], kw, 0, 1); err != nil {
				return nil, err
			}
			s := t.newSet(frozen)
			if len(args) == 2 {
				if err := t.setUpdateFrom(s, args[1]); err != nil {
					t.Decref(s)
					return nil, err
				}
			}
			return s, nil
		}
	}
	SetClass.New = setNew(false)
	FrozenSetClass.New = setNew(true)
	RangeClass.New = rangeNew
	SliceClass.New = func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("slice", args[1:], kw, 1, 3); err != nil {
			return nil, err
		}
		s := &Slice{Start: None, Stop: None, Step: None}
		switch len(args) {
		case 2:
			s.Stop = args[1]
		case 3:
			s.Start, s.Stop = args[1], args[2]
		default:
			s.Start, s.Stop, s.Step = args[1], args[2], args[3]
		}
		t.Incref(s.Start)
		t.Incref(s.Stop)
		t.Incref(s.Step)
		t.in.alloc(&s.Header)
		return s, nil
	}
	TypeClass.New = func(t *Thread, args []Value, kw []string) (Value, error) {
		if len(args) == 2 && len(kw) == 0 {
			c := args[1].Type()
			t.Incref(c)
			return c, nil
		}
		return nil, t.newExc(TypeErrorClass, "gilscope supports only type(x) with one argument")
	}
	ObjectClass.New = func(t *Thread, args []Value, kw []string) (Value, error) {
		if len(args) > 1 || len(kw) > 0 {
			return nil, t.newExc(TypeErrorClass, "object() takes no arguments")
		}
		o := &Instance{Class: ObjectClass}
		t.in.alloc(&o.Header)
		return o, nil
	}
	SuperClass.New = func(t *Thread, args []Value, kw []string) (Value, error) {
		if len(args) == 3 && len(kw) == 0 { // super(Class, obj)
			c, ok := args[1].(*Class)
			if !ok {
				return nil, t.newExcf(TypeErrorClass, "super() argument 1 must be a type, not %s", args[1].Type().Name)
			}
			oc, isClass := args[2].(*Class)
			if !args[2].Type().IsSubclass(c) && !(isClass && oc.IsSubclass(c)) {
				return nil, t.newExc(TypeErrorClass, "super(type, obj): obj must be an instance or subtype of type")
			}
			s := &superObj{Class: c, Self: args[2]}
			t.Incref(s.Self)
			t.in.alloc(&s.Header)
			return s, nil
		}
		if len(args) != 1 {
			return nil, t.newExc(RuntimeErrorClass, "gilscope supports only super() and super(type, obj)")
		}
		f := t.frame
		if f == nil || f.fn == nil || f.fn.defClass == nil || len(f.locals) == 0 || f.locals[0] == nil {
			return nil, t.newExc(RuntimeErrorClass, "super(): no arguments")
		}
		s := &superObj{Class: f.fn.defClass, Self: f.locals[0]}
		t.Incref(s.Self)
		t.in.alloc(&s.Header)
		return s, nil
	}
	staticMethodClass.New = func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("staticmethod", args[1:], kw, 1, 1); err != nil {
			return nil, err
		}
		t.Incref(args[1])
		s := &staticMethod{fn: args[1]}
		t.in.alloc(&s.Header)
		return s, nil
	}
	classMethodClass.New = func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("classmethod", args[1:], kw, 1, 1); err != nil {
			return nil, err
		}
		t.Incref(args[1])
		s := &classMethod{fn: args[1]}
		t.in.alloc(&s.Header)
		return s, nil
	}
	propertyClass.New = func(t *Thread, args []Value, kw []string) (Value, error) {
		pos, kws, err := t.kwargs("property", args[1:], kw, "fget", "fset", "fdel", "doc")
		if err != nil {
			return nil, err
		}
		if len(pos) > 4 {
			return nil, t.newExcf(TypeErrorClass, "property() takes at most 4 arguments (%d given)", len(pos))
		}
		get := argGetter(pos, kws)
		fns := [4]Value{}
		for i, name := range []string{"fget", "fset", "fdel", "doc"} {
			if v := get(i, name); v != nil && v != None {
				t.Incref(v)
				fns[i] = v
			}
		}
		p := &property{get: fns[0], set: fns[1], del: fns[2], doc: fns[3]}
		if p.doc == nil && p.get != nil {
			// As CPython's, the getter's docstring is the property's.
			if d, err := t.GetAttr(p.get, "__doc__"); err == nil && d != None {
				p.doc = d
			} else if err == nil {
				t.Decref(d)
			} else if e, ok := err.(*Instance); ok {
				t.Decref(e)
			}
		}
		t.in.alloc(&p.Header)
		return p, nil
	}
	// p.setter(f), p.getter(f) and p.deleter(f): a copy of the property with one
	// function replaced, as the decorators @x.setter, @x.getter and @x.deleter use
	// them.
	propertyWith := func(which string) BuiltinFunc {
		return func(t *Thread, args []Value, kw []string) (Value, error) {
			if err := t.nargs(which, args[1:], kw, 1, 1); err != nil {
				return nil, err
			}
			old := args[0].(*property)
			p := &property{get: old.get, set: old.set, del: old.del, doc: old.doc}
			f := args[1]
			if f == None {
				f = nil
			}
			switch which {
			case "setter":
				p.set = f
			case "getter":
				p.get = f
			default:
				p.del = f
			}
			for _, v := range []Value{p.get, p.set, p.del, p.doc} {
				if v != nil {
					t.Incref(v)
				}
			}
			t.in.alloc(&p.Header)
			return p, nil
		}
	}
	propertyClass.method("setter", propertyWith("setter"))
	propertyClass.method("getter", propertyWith("getter"))
	propertyClass.method("deleter", propertyWith("deleter"))

	FloatClass.method("is_integer", func(t *Thread, args []Value, kw []string) (Value, error) {
		f := args[0].(*Float).V
		return BoolOf(f == math.Trunc(f) && !math.IsInf(f, 0)), nil
	})
	FloatClass.method("as_integer_ratio", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("float.as_integer_ratio", args[1:], kw, 0, 0); err != nil {
			return nil, err
		}
		n, d, err := floatRatio(t, args[0].(*Float).V)
		if err != nil {
			return nil, err
		}
		return t.newTuple([]Value{t.newBigInt(n), t.newBigInt(d)}), nil
	})
	IntClass.method("bit_length", func(t *Thread, args []Value, kw []string) (Value, error) {
		b, _ := toBig(args[0])
		return t.newInt(int64(b.BitLen())), nil
	})
}

// floatRatio is f as a fraction in lowest terms with a positive denominator (a
// power of two), as float.as_integer_ratio gives it.
func floatRatio(t *Thread, f float64) (*big.Int, *big.Int, error) {
	switch {
	case math.IsInf(f, 0):
		return nil, nil, t.newExc(OverflowErrorClass, "cannot convert Infinity to integer ratio")
	case math.IsNaN(f):
		return nil, nil, t.newExc(ValueErrorClass, "cannot convert NaN to integer ratio")
	}
	r := new(big.Rat).SetFloat64(f) // exact, and normalized
	return r.Num(), r.Denom(), nil
}

func intNew(t *Thread, args []Value, kw []string) (Value, error) {
	pos, kws, err := t.kwargs("int", args[1:], kw, "base")
	if err != nil {
		return nil, err
	}
	if len(pos) == 0 {
		return t.newInt(0), nil
	}
	if len(pos) > 2 {
		return nil, t.newExcf(TypeErrorClass, "int() takes at most 2 arguments (%d given)", len(pos))
	}
	if len(pos) == 2 {
		kws["base"] = pos[1]
	}
	if b, ok := kws["base"]; ok {
		base, err := t.intArg(b, "int")
		if err != nil {
			return nil, err
		}
		s, ok := pos[0].(*Str)
		if !ok {
			return nil, t.newExc(TypeErrorClass, "int() can't convert non-string with explicit base")
		}
		if base != 0 && (base < 2 || base > 36) {
			return nil, t.newExc(ValueErrorClass, "int() base must be >= 2 and <= 36, or 0")
		}
		return t.parseInt(s.S, int(base))
	}
	switch v := pos[0].(type) {
	case *Int:
		return t.exact(v), nil
	case *Bool:
		if v.V {
			return t.newInt(1), nil
		}
		return t.newInt(0), nil
	case *Float:
		if math.IsInf(v.V, 0) {
			return nil, t.newExc(OverflowErrorClass, "cannot convert float infinity to integer")
		}
		if math.IsNaN(v.V) {
			return nil, t.newExc(ValueErrorClass, "cannot convert float NaN to integer")
		}
		bf, _ := new(big.Float).SetFloat64(math.Trunc(v.V)).Int(nil)
		return t.newBigInt(bf), nil
	case *Str:
		return t.parseInt(v.S, 10)
	case *Bytes:
		return t.parseInt(v.B, 10)
	case *Instance:
		for _, m := range []string{"__int__", "__index__"} {
			if f := v.Class.Lookup(m); f != nil {
				return t.callValue(f, []Value{v}, nil, false)
			}
		}
	}
	return nil, t.newExcf(TypeErrorClass, "int() argument must be a string, a bytes-like object or a real number, not '%s'", pos[0].Type().Name)
}

// parseInt parses a str for int(s, base) with Python's rules (whitespace, sign,
// underscores, prefixes when base is 0 or matches).
func (t *Thread) parseInt(s string, base int) (Value, error) {
	orig := s
	bad := func() error {
		if base == 0 {
			base = 0
		}
		return t.newExcf(ValueErrorClass, "invalid literal for int() with base %d: %s", base, StrRepr(orig))
	}
	s = strings.TrimSpace(s)
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	lower := strings.ToLower(s)
	prefixBase := 0
	switch {
	case strings.HasPrefix(lower, "0x"):
		prefixBase = 16
	case strings.HasPrefix(lower, "0o"):
		prefixBase = 8
	case strings.HasPrefix(lower, "0b"):
		prefixBase = 2
	}
	if prefixBase != 0 && (base == 0 || base == prefixBase) {
		s = s[2:]
		if base == 0 {
			base = prefixBase
		}
		s = strings.TrimPrefix(s, "_")
	} else if base == 0 {
		base = 10
		if len(s) > 1 && strings.Trim(s, "0_") != "" && s[0] == '0' {
			return nil, bad()
		}
	}
	if s == "" || strings.HasPrefix(s, "_") || strings.HasSuffix(s, "_") || strings.Contains(s, "__") {
		return nil, bad()
	}
	if len(s) > maxStrDigits && base == 10 {
		return nil, t.newExcf(ValueErrorClass, "Exceeds the limit (%d digits) for integer string conversion: value has %d digits; use sys.set_int_max_str_digits() to increase the limit", maxStrDigits, len(s))
	}
	b, ok := new(big.Int).SetString(strings.ReplaceAll(s, "_", ""), base)
	if !ok {
		return nil, bad()
	}
	if neg {
		b.Neg(b)
	}
	return t.newBigInt(b), nil
}

func floatNew(t *Thread, args []Value, kw []string) (Value, error) {
	if err := t.nargs("float", args[1:], kw, 0, 1); err != nil {
		return nil, err
	}
	if len(args) == 1 {
		return t.newFloat(0), nil
	}
	switch v := args[1].(type) {
	case *Float:
		return t.exact(v), nil
	case *Int, *Bool:
		f, _ := toFloat(v)
		if math.IsInf(f, 0) {
			return nil, t.newExc(OverflowErrorClass, "int too large to convert to float")
		}
		return t.newFloat(f), nil
	case *Str:
		s := strings.TrimSpace(v.S)
		ls := strings.ToLower(strings.TrimLeft(s, "+-"))
		switch ls {
		case "inf", "infinity":
			if strings.HasPrefix(s, "-") {
				return t.newFloat(math.Inf(-1)), nil
			}
			return t.newFloat(math.Inf(1)), nil
		case "nan":
			return t.newFloat(math.NaN()), nil
		}
		if strings.ContainsAny(ls, "xpn") || strings.Contains(s, "__") || strings.HasPrefix(ls, "_") || strings.HasSuffix(s, "_") {
			return nil, t.newExcf(ValueErrorClass, "could not convert string to float: %s", StrRepr(v.S))
		}
		f, err := strconv.ParseFloat(strings.ReplaceAll(s, "_", ""), 64)
		if err != nil {
			if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
				return t.newFloat(f), nil
			}
			return nil, t.newExcf(ValueErrorClass, "could not convert string to float: %s", StrRepr(v.S))
		}
		return t.newFloat(f), nil
	case *Instance:
		if m := v.Class.Lookup("__float__"); m != nil {
			return t.callValue(m, []Value{v}, nil, false)
		}
	}
	return nil, t.newExcf(TypeErrorClass, "float() argument must be a string or a real number, not '%s'", args[1].Type().Name)
}

func bytesNew(t *Thread, args []Value, kw []string) (Value, error) {
	pos, _, err := t.kwargs("bytes", args[1:], kw, "encoding", "errors")
	if err != nil {
		return nil, err
	}
	if len(pos) == 0 {
		return t.newBytes(""), nil
	}
	switch v := pos[0].(type) {
	case *Str:
		if len(pos) < 2 && len(kw) == 0 {
			return nil, t.newExc(TypeErrorClass, "string argument without an encoding")
		}
		enc, errs, err := t.codecArgs("bytes", args[2:], kw)
		if err != nil {
			return nil, err
		}
		b, err := t.encodeStr(v.S, enc, errs)
		if err != nil {
			return nil, err
		}
		return t.bytesResult(b)
	case *Bytes:
		return t.exact(v), nil // bytes(x) of a subclass instance is plain bytes
	case *ByteArray, *MemoryView:
		b, _ := bytesOf(v)
		if _, isMV := v.(*MemoryView); isMV {
			if err := t.mvLive(v.(*MemoryView)); err != nil {
				return nil, err
			}
		}
		return t.bytesResult(b)
	case *Int:
		if v.Big != nil || v.V < 0 {
			return nil, t.newExc(ValueErrorClass, "negative count")
		}
		if v.V > int64(t.in.Config.MaxItems) {
			return nil, t.memoryError()
		}
		return t.newBytes(strings.Repeat("\x00", int(v.V))), nil
	}
	items, err := t.toItems(pos[0])
	if err != nil {
		return nil, t.newExcf(TypeErrorClass, "cannot convert '%s' object to bytes", pos[0].Type().Name)
	}
	defer t.decrefAll(items)
	buf := make([]byte, len(items))
	for i, it := range items {
		n, ok := asInt64(it)
		if !ok {
			return nil, t.newExcf(TypeErrorClass, "'%s' object cannot be interpreted as an integer", it.Type().Name)
		}
		if n < 0 || n > 255 {
			return nil, t.newExc(ValueErrorClass, "bytes must be in range(0, 256)")
		}
		buf[i] = byte(n)
	}
	return t.newBytes(string(buf)), nil
}

func rangeNew(t *Thread, args []Value, kw []string) (Value, error) {
	if err := t.noKw("range", kw); err != nil {
		return nil, err
	}
	a := args[1:]
	if len(a) == 0 {
		return nil, t.newExc(TypeErrorClass, "range expected at least 1 argument, got 0")
	}
	if len(a) > 3 {
		return nil, t.newExcf(TypeErrorClass, "range expected at most 3 arguments, got %d", len(a))
	}
	var n [3]int64
	for i, v := range a {
		x, ok := asInt64(v)
		if !ok {
			if _, isBig := v.(*Int); isBig {
				return nil, t.newExc(OverflowErrorClass, "gilscope limits range() to 64-bit integers")
			}
			return nil, t.newExcf(TypeErrorClass, "'%s' object cannot be interpreted as an integer", v.Type().Name)
		}
		n[i] = x
	}
	r := &Range{Step: 1}
	switch len(a) {
	case 1:
		r.Stop = n[0]
	case 2:
		r.Start, r.Stop = n[0], n[1]
	case 3:
		r.Start, r.Stop, r.Step = n[0], n[1], n[2]
		if r.Step == 0 {
			return nil, t.newExc(ValueErrorClass, "range() arg 3 must not be zero")
		}
	}
	t.in.alloc(&r.Header)
	return r, nil
}
