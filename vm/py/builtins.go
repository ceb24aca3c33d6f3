// This file defines the builtins module: the builtin functions and the constructors of
// the builtin types.

package py

import (
	"fmt"
	"math"
	"math/big"

	"github.com/gilscope/gilscope/vm/compile"
)

// codeObject wraps a Funcode constant (the operand of MAKE_FUNCTION).
type codeObject struct {
	Header
	code *compile.Funcode
}

var codeClass = newBuiltinClass("code", ObjectClass)

func (*codeObject) Type() *Class { return codeClass }

// constsFor converts a Funcode's constants to values once per interpreter.
func (in *Interp) constsFor(t *Thread, fc *compile.Funcode) []Value {
	if cs, ok := in.consts[fc]; ok {
		return cs
	}
	cs := make([]Value, len(fc.Consts))
	for i, c := range fc.Consts {
		var v Value
		switch c := c.(type) {
		case nil:
			v = None
		case bool:
			v = BoolOf(c)
		case int64:
			v = t.newInt(c)
		case *big.Int:
			v = t.newBigInt(new(big.Int).Set(c))
		case float64:
			v = t.newFloat(c)
		case compile.Complex:
			v = t.compileComplex(c)
		case string:
			v = t.intern(c)
		case compile.Bytes:
			v = t.newBytes(string(c))
		case compile.EllipsisConst:
			v = Ellipsis
		case compile.KwNames:
			items := make([]Value, len(c))
			for j, s := range c {
				items[j] = t.intern(s)
			}
			v = t.newTuple(items)
		case *compile.Funcode:
			co := &codeObject{code: c}
			t.in.alloc(&co.Header)
			v = co
		default:
			panic(fmt.Sprintf("unknown constant %T", c))
		}
		// Constants live as long as the program: the code object owns them. Shared
		// singletons (None, small ints) are static already and must not be written:
		// other interpreters read them concurrently.
		if h := v.hdr(); h.flags&flagStatic == 0 {
			h.flags |= flagStatic
		}
		cs[i] = v
	}
	in.consts[fc] = cs
	return cs
}

// intern returns a new reference to the interned str s. Interned strings are immortal
// when the model says so (3.12+).
func (t *Thread) intern(s string) *Str {
	in := t.in
	if v, ok := in.interned[s]; ok {
		t.Incref(v)
		return v
	}
	v := t.NewStr(s)
	v.flags |= flagStatic
	if in.Config.ImmortalInterned {
		v.flags |= flagImmortal
	}
	in.interned[s] = v
	t.Incref(v)
	return v
}

// ---- argument helpers ----

func (t *Thread) noKw(name string, kw []string) error {
	if len(kw) > 0 {
		return t.newExcf(TypeErrorClass, "%s() takes no keyword arguments", name)
	}
	return nil
}

func (t *Thread) nargs(name string, args []Value, kw []string, min, max int) error {
	if err := t.noKw(name, kw); err != nil {
		return err
	}
	n := len(args)
	switch {
	case min == max && n != min:
		if min == 0 {
			return t.newExcf(TypeErrorClass, "%s() takes no arguments (%d given)", name, n)
		}
		if min == 1 {
			return t.newExcf(TypeErrorClass, "%s() takes exactly one argument (%d given)", name, n)
		}
		return t.newExcf(TypeErrorClass, "%s expected %d arguments, got %d", name, min, n)
	case n < min:
		return t.newExcf(TypeErrorClass, "%s expected at least %d argument%s, got %d", name, min, plS(min), n)
	case max >= 0 && n > max:
		return t.newExcf(TypeErrorClass, "%s expected at most %d argument%s, got %d", name, max, plS(max), n)
	}
	return nil
}

func plS(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// kwarg splits keyword arguments off args: it returns the positional args and looks
// up the named ones, rejecting unknown names.
func (t *Thread) kwargs(fname string, args []Value, kw []string, names ...string) ([]Value, map[string]Value, error) {
	npos := len(args) - len(kw)
	out := map[string]Value{}
	for i, k := range kw {
		ok := false
		for _, n := range names {
			if n == k {
				ok = true
			}
		}
		if !ok {
			return nil, nil, t.newExcf(TypeErrorClass, "%s() got an unexpected keyword argument '%s'", fname, k)
		}
		out[k] = args[npos+i]
	}
	return args[:npos], out, nil
}

func (t *Thread) intArg(v Value, fname string) (int64, error) {
	if n, ok := asInt64(v); ok {
		return n, nil
	}
	if i, ok := v.(*Int); ok && i.Big != nil {
		return 0, t.newExc(OverflowErrorClass, "Python int too large to convert to C ssize_t")
	}
	return 0, t.newExcf(TypeErrorClass, "'%s' object cannot be interpreted as an integer", v.Type().Name)
}

// ---- the builtins module ----

var buildClassBuiltin = &Builtin{Header: Header{Ref: 1, flags: flagImmortal | flagStatic}, Name: "__build_class__"}

func init() {
	buildClassBuiltin.Fn = func(t *Thread, args []Value, kw []string) (Value, error) { return t.buildClass(args, kw, false) }
}

type builtinDef struct {
	name string
	fn   BuiltinFunc
	push BuiltinFunc // Builtin.Push
}

var builtinFuncs []builtinDef

func defBuiltin(name string, fn BuiltinFunc) {
	builtinFuncs = append(builtinFuncs, builtinDef{name: name, fn: fn})
}

func (in *Interp) makeBuiltins(t *Thread) *Dict {
	d := t.NewDict()
	for _, b := range builtinFuncs {
		f := &Builtin{Header: Header{Ref: 1, flags: flagImmortal | flagStatic}, Name: b.name, Fn: b.fn, Push: b.push}
		t.setStr(d, b.name, f)
	}
	for _, c := range []*Class{ObjectClass, TypeClass, IntClass, BoolClass, FloatClass, ComplexClass, StrClass,
		BytesClass, ByteArrayClass, MemoryViewClass, ListClass, TupleClass, DictClass, SetClass, FrozenSetClass, RangeClass, SliceClass,
		SuperClass, staticMethodClass, classMethodClass, propertyClass} {
		t.setStr(d, c.Name, c)
	}
	for _, c := range exceptionClasses {
		t.setStr(d, c.Name, c)
	}
	t.setStr(d, "IOError", OSErrorClass)
	t.setStr(d, "EnvironmentError", OSErrorClass)
	t.setStr(d, "None", None)
	t.setStr(d, "True", True)
	t.setStr(d, "False", False)
	t.setStr(d, "NotImplemented", NotImplemented)
	t.setStr(d, "Ellipsis", Ellipsis)
	t.setStr(d, "__build_class__", buildClassBuiltin)
	// A class body run by exec with globals lacking __name__ finds this one, as in
	// CPython: its __module__ is 'builtins'.
	name := t.intern("builtins")
	t.setStr(d, "__name__", name)
	t.Decref(name)
	t.setStr(d, "__debug__", True)
	return d
}

func init() {
	defBuiltin("print", builtinPrint)
	builtinFuncs[len(builtinFuncs)-1].push = pushPrint
	defBuiltin("len", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("len", args, kw, 1, 1); err != nil {
			return nil, err
		}
		n, err := t.Len(args[0])
		if err != nil {
			return nil, err
		}
		return t.newInt(n), nil
	})
	defBuiltin("repr", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("repr", args, kw, 1, 1); err != nil {
			return nil, err
		}
		s, err := t.Repr(args[0])
		if err != nil {
			return nil, err
		}
		return t.NewStr(s), nil
	})
	defBuiltin("ascii", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("ascii", args, kw, 1, 1); err != nil {
			return nil, err
		}
		s, err := t.Repr(args[0])
		if err != nil {
			return nil, err
		}
		return t.NewStr(asciiEscape(s)), nil
	})
	defBuiltin("format", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("format", args, kw, 1, 2); err != nil {
			return nil, err
		}
		spec := ""
		if len(args) == 2 {
			s, ok := args[1].(*Str)
			if !ok {
				return nil, t.newExcf(TypeErrorClass, "format() argument 2 must be str, not %s", args[1].Type().Name)
			}
			spec = s.S
		}
		r, err := t.Format(args[0], spec)
		if err != nil {
			return nil, err
		}
		return t.NewStr(r), nil
	})
	defBuiltin("abs", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("abs", args, kw, 1, 1); err != nil {
			return nil, err
		}
		switch v := args[0].(type) {
		case *Int, *Bool:
			if n, ok := asInt64(v); ok && n != math.MinInt64 {
				if n < 0 {
					n = -n
				}
				return t.newInt(n), nil
			}
			b, _ := toBig(v)
			return t.newBigInt(new(big.Int).Abs(b)), nil
		case *Float:
			return t.newFloat(math.Abs(v.V)), nil
		case *Complex:
			r := math.Hypot(v.Re, v.Im)
			if math.IsInf(r, 0) && !math.IsInf(v.Re, 0) && !math.IsInf(v.Im, 0) {
				return nil, t.newExc(OverflowErrorClass, "absolute value too large")
			}
			return t.newFloat(r), nil
		case *Instance:
			if m := v.Class.Lookup("__abs__"); m != nil {
				return t.callValue(m, []Value{v}, nil, false)
			}
		}
		return nil, t.newExcf(TypeErrorClass, "bad operand type for abs(): '%s'", args[0].Type().Name)
	})
	defBuiltin("id", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("id", args, kw, 1, 1); err != nil {
			return nil, err
		}
		return t.newInt(idOf(args[0].hdr())), nil
	})
	defBuiltin("hash", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("hash", args, kw, 1, 1); err != nil {
			return nil, err
		}
		h, err := t.Hash(args[0])
		if err != nil {
			return nil, err
		}
		return t.newInt(h), nil
	})
	defBuiltin("isinstance", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("isinstance", args, kw, 2, 2); err != nil {
			return nil, err
		}
		ok, err := t.isInstanceOf(args[0], args[1], "isinstance")
		return BoolOf(ok), err
	})
	defBuiltin("issubclass", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("issubclass", args, kw, 2, 2); err != nil {
			return nil, err
		}
		c, ok := args[0].(*Class)
		if !ok {
			return nil, t.newExc(TypeErrorClass, "issubclass() arg 1 must be a class")
		}
		r, err := t.isSubclassOf(c, args[1])
		return BoolOf(r), err
	})
	defBuiltin("hasattr", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("hasattr", args, kw, 2, 2); err != nil {
			return nil, err
		}
		name, err := t.attrName(args[1])
		if err != nil {
			return nil, err
		}
		v, err := t.getAttr(args[0], name.S)
		if err != nil {
			if e, ok := err.(*Instance); ok && e.Class.IsSubclass(AttributeErrorClass) {
				t.Decref(e)
				return False, nil
			}
			return nil, err
		}
		if v == nil {
			return False, nil
		}
		t.Decref(v)
		return True, nil
	})
	defBuiltin("getattr", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("getattr", args, kw, 2, 3); err != nil {
			return nil, err
		}
		name, err := t.attrName(args[1])
		if err != nil {
			return nil, err
		}
		v, err := t.GetAttr(args[0], name.S)
		if err != nil && len(args) == 3 {
			if e, ok := err.(*Instance); ok && e.Class.IsSubclass(AttributeErrorClass) {
				t.Decref(e)
				t.Incref(args[2])
				return args[2], nil
			}
		}
		return v, err
	})
	defBuiltin("setattr", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("setattr", args, kw, 3, 3); err != nil {
			return nil, err
		}
		name, err := t.attrName(args[1])
		if err != nil {
			return nil, err
		}
		return None, t.SetAttr(args[0], name.S, args[2])
	})
	defBuiltin("delattr", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("delattr", args, kw, 2, 2); err != nil {
			return nil, err
		}
		name, err := t.attrName(args[1])
		if err != nil {
			return nil, err
		}
		return None, t.DelAttr(args[0], name.S)
	})
	defBuiltin("ord", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("ord", args, kw, 1, 1); err != nil {
			return nil, err
		}
		switch s := args[0].(type) {
		case *Str:
			if s.Len() != 1 {
				return nil, t.newExcf(TypeErrorClass, "ord() expected a character, but string of length %d found", s.Len())
			}
			return t.newInt(int64([]rune(s.S)[0])), nil
		case *Bytes:
			if len(s.B) != 1 {
				return nil, t.newExcf(TypeErrorClass, "ord() expected a character, but string of length %d found", len(s.B))
			}
			return t.newInt(int64(s.B[0])), nil
		}
		return nil, t.newExcf(TypeErrorClass, "ord() expected string of length 1, but %s found", args[0].Type().Name)
	})
	defBuiltin("chr", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("chr", args, kw, 1, 1); err != nil {
			return nil, err
		}
		n, err := t.intArg(args[0], "chr")
		if err != nil {
			return nil, err
		}
		if n < 0 || n > 0x10ffff {
			return nil, t.newExc(ValueErrorClass, "chr() arg not in range(0x110000)")
		}
		return t.NewStr(string(rune(n))), nil
	})
	radix := func(name, prefix string, base int) BuiltinFunc {
		return func(t *Thread, args []Value, kw []string) (Value, error) {
			if err := t.nargs(name, args, kw, 1, 1); err != nil {
				return nil, err
			}
			b, ok := toBig(args[0])
			if inst, isInst := args[0].(*Instance); !ok && isInst {
				// An object with __index__ converts through it.
				if m := inst.Class.Lookup("__index__"); m != nil {
					r, err := t.callValue(m, []Value{inst}, nil, false)
					if err != nil {
						return nil, err
					}
					b, ok = toBig(r)
					t.Decref(r)
					if !ok {
						return nil, t.newExcf(TypeErrorClass, "__index__ returned non-int (type %s)", r.Type().Name)
					}
				}
			}
			if !ok {
				return nil, t.newExcf(TypeErrorClass, "'%s' object cannot be interpreted as an integer", args[0].Type().Name)
			}
			s := new(big.Int).Abs(b).Text(base)
			if b.Sign() < 0 {
				return t.NewStr("-" + prefix + s), nil
			}
			return t.NewStr(prefix + s), nil
		}
	}
	defBuiltin("hex", radix("hex", "0x", 16))
	defBuiltin("oct", radix("oct", "0o", 8))
	defBuiltin("bin", radix("bin", "0b", 2))
	defBuiltin("divmod", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("divmod", args, kw, 2, 2); err != nil {
			return nil, err
		}
		q, err := t.BinaryOp(2, args[0], args[1])
		if err != nil {
			if e, ok := err.(*Instance); ok && e.Class == TypeErrorClass {
				t.Decref(e)
				return nil, t.newExcf(TypeErrorClass, "unsupported operand type(s) for divmod(): '%s' and '%s'", args[0].Type().Name, args[1].Type().Name)
			}
			return nil, err
		}
		m, err := t.BinaryOp(6, args[0], args[1])
		if err != nil {
			t.Decref(q)
			return nil, err
		}
		return t.newTuple([]Value{q, m}), nil
	})
	defBuiltin("pow", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("pow", args, kw, 2, 3); err != nil {
			return nil, err
		}
		if len(args) == 3 && args[2] == None {
			args = args[:2] // pow(a, b, None) is pow(a, b)
		}
		if len(args) == 3 {
			a, ok1 := toBig(args[0])
			b, ok2 := toBig(args[1])
			m, ok3 := toBig(args[2])
			if !ok1 || !ok2 || !ok3 {
				return nil, t.newExc(TypeErrorClass, "pow() 3rd argument not allowed unless all arguments are integers")
			}
			if m.Sign() == 0 {
				return nil, t.newExc(ValueErrorClass, "pow() 3rd argument cannot be 0")
			}
			if b.Sign() < 0 {
				// pow(a, -b, m) is pow(inverse of a modulo m, b, m).
				am := new(big.Int).Abs(m)
				inv := new(big.Int).ModInverse(new(big.Int).Mod(a, am), am)
				if inv == nil {
					return nil, t.newExc(ValueErrorClass, "base is not invertible for the given modulus")
				}
				a, b = inv, new(big.Int).Neg(b)
			}
			r := new(big.Int).Exp(a, b, new(big.Int).Abs(m))
			if r.Sign() != 0 && (r.Sign() < 0) != (m.Sign() < 0) {
				r.Add(r, m)
			}
			return t.newBigInt(r), nil
		}
		return t.BinaryOp(8, args[0], args[1])
	})
	defBuiltin("round", builtinRound)
	defBuiltin("sum", builtinSum)
	defBuiltin("min", func(t *Thread, args []Value, kw []string) (Value, error) { return t.minMax("min", args, kw, 0) })
	defBuiltin("max", func(t *Thread, args []Value, kw []string) (Value, error) { return t.minMax("max", args, kw, 4) })
	defBuiltin("any", func(t *Thread, args []Value, kw []string) (Value, error) { return t.anyAll("any", args, kw, true) })
	defBuiltin("all", func(t *Thread, args []Value, kw []string) (Value, error) { return t.anyAll("all", args, kw, false) })
	defBuiltin("sorted", func(t *Thread, args []Value, kw []string) (Value, error) {
		pos, kws, err := t.kwargs("sorted", args, kw, "key", "reverse")
		if err != nil {
			return nil, err
		}
		if len(pos) != 1 {
			return nil, t.newExcf(TypeErrorClass, "sorted expected 1 argument, got %d", len(pos))
		}
		items, err := t.toItems(pos[0])
		if err != nil {
			return nil, err
		}
		l := t.newList(items)
		if err := t.sortList(l, kws["key"], kws["reverse"]); err != nil {
			t.Decref(l)
			return nil, err
		}
		return l, nil
	})
	defBuiltin("reversed", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("reversed", args, kw, 1, 1); err != nil {
			return nil, err
		}
		if m := userDunder(args[0], "__reversed__"); m != nil {
			return t.callUser(m, args[0])
		}
		switch args[0].(type) {
		case *Set, *Generator, *lazyIter:
			return nil, t.newExcf(TypeErrorClass, "'%s' object is not reversible", args[0].Type().Name)
		}
		if inst, ok := args[0].(*Instance); ok {
			if m := inst.Class.Lookup("__reversed__"); m != nil {
				return t.callValue(m, []Value{inst}, nil, false)
			}
		}
		items, err := t.toItems(args[0])
		if err != nil {
			return nil, t.newExcf(TypeErrorClass, "'%s' object is not reversible", args[0].Type().Name)
		}
		for i, j := 0, len(items)-1; i < j; i, j = i+1, j-1 {
			items[i], items[j] = items[j], items[i]
		}
		return t.newSnapshotIter(items, reversedClass), nil
	})
	defBuiltin("enumerate", func(t *Thread, args []Value, kw []string) (Value, error) {
		pos, kws, err := t.kwargs("enumerate", args, kw, "start")
		if err != nil {
			return nil, err
		}
		start := int64(0)
		if len(pos) == 2 {
			kws["start"] = pos[1]
		} else if len(pos) != 1 {
			return nil, t.newExcf(TypeErrorClass, "enumerate() takes at most 2 arguments (%d given)", len(pos))
		}
		if s, ok := kws["start"]; ok {
			if start, err = t.intArg(s, "enumerate"); err != nil {
				return nil, err
			}
		}
		it, err := t.newLazyIter(enumerateClass, nil, pos[:1])
		if err != nil {
			return nil, err
		}
		it.count = t.newInt(start)
		return t.orPython(it)
	})
	defBuiltin("zip", func(t *Thread, args []Value, kw []string) (Value, error) {
		pos, kws, err := t.kwargs("zip", args, kw, "strict")
		if err != nil {
			return nil, err
		}
		it, err := t.newLazyIter(zipClass, nil, pos)
		if err != nil {
			return nil, err
		}
		if s, ok := kws["strict"]; ok {
			if it.strict, err = t.Truth(s); err != nil {
				t.Decref(it)
				return nil, err
			}
		}
		return t.orPython(it)
	})
	defBuiltin("map", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.noKw("map", kw); err != nil {
			return nil, err
		}
		if len(args) < 2 {
			return nil, t.newExc(TypeErrorClass, "map() must have at least two arguments.")
		}
		it, err := t.newLazyIter(mapClass, args[0], args[1:])
		if err != nil {
			return nil, err
		}
		return t.orPython(it)
	})
	defBuiltin("filter", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("filter", args, kw, 2, 2); err != nil {
			return nil, err
		}
		it, err := t.newLazyIter(filterClass, args[0], args[1:])
		if err != nil {
			return nil, err
		}
		return t.orPython(it)
	})
	defBuiltin("iter", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("iter", args, kw, 1, 2); err != nil {
			return nil, err
		}
		if len(args) == 2 {
			if !callable(args[0]) {
				return nil, t.newExc(TypeErrorClass, "iter(object, sentinel): object must be callable")
			}
			if t.in.CallableIterator == nil {
				return nil, t.newExc(NotImplementedErrorClass, "gilscope does not support iter(callable, sentinel) here yet")
			}
			return t.in.CallableIterator(t, args[0], args[1])
		}
		return t.Iter(args[0])
	})
	defBuiltin("next", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("next", args, kw, 1, 2); err != nil {
			return nil, err
		}
		if !isIterator(args[0]) {
			return nil, t.newExcf(TypeErrorClass, "'%s' object is not an iterator", args[0].Type().Name)
		}
		v, err := t.Next(args[0])
		if err != nil {
			return nil, err
		}
		if v == nil {
			if len(args) == 2 {
				t.Incref(args[1])
				return args[1], nil
			}
			v, _ := excNew(t, []Value{StopIterationClass}, nil)
			return nil, v.(*Instance)
		}
		return v, nil
	})
	builtinFuncs[len(builtinFuncs)-1].push = func(t *Thread, args []Value, kw []string) (Value, error) {
		// next(gen) from Python code runs the generator's frame in the thread's loop.
		if len(args) == 2 && len(kw) == 0 {
			if g, ok := args[0].(*Generator); ok {
				return t.genPushNext(g, args[1])
			}
		}
		if len(args) == 1 && len(kw) == 0 {
			switch it := args[0].(type) {
			case *Generator:
				return t.genPushSend(it, None)
			case *Instance:
				// A __next__ written in Python runs as a pushed call (it may block).
				if next := pyNext(it); next != nil {
					t.Incref(it)
					if err := t.pushCall(next, []Value{it}, nil); err != nil {
						t.Decref(it)
						return nil, err
					}
				}
			}
		}
		return nil, nil
	}
	defBuiltin("callable", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("callable", args, kw, 1, 1); err != nil {
			return nil, err
		}
		return BoolOf(callable(args[0])), nil
	})
	defBuiltin("globals", func(t *Thread, args []Value, kw []string) (Value, error) {
		g := t.frame.globals
		t.Incref(g)
		return g, nil
	})
	defBuiltin("vars", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("vars", args, kw, 0, 1); err != nil {
			return nil, err
		}
		if len(args) == 0 {
			return t.frameLocals(t.frame), nil
		}
		d, err := t.GetAttr(args[0], "__dict__")
		if e, ok := err.(*Instance); ok && e.Class.IsSubclass(AttributeErrorClass) {
			t.Decref(e)
			return nil, t.newExc(TypeErrorClass, "vars() argument must have __dict__ attribute")
		}
		return d, err
	})
	defBuiltin("input", func(t *Thread, args []Value, kw []string) (Value, error) {
		if t.in.Input != nil {
			return t.in.Input(t, args, kw)
		}
		return nil, t.newExc(RuntimeErrorClass, "gilscope programs have no standard input")
	})
	defBuiltin("open", func(t *Thread, args []Value, kw []string) (Value, error) {
		if t.in.Open != nil {
			return t.in.Open(t, args, kw)
		}
		return nil, t.newExc(OSErrorClass, "gilscope programs have no file system")
	})
}

var (
	reversedClass  = newBuiltinClass("reversed", ObjectClass)
	enumerateClass = newBuiltinClass("enumerate", ObjectClass)
	zipClass       = newBuiltinClass("zip", ObjectClass)
	mapClass       = newBuiltinClass("map", ObjectClass)
	filterClass    = newBuiltinClass("filter", ObjectClass)
)

// attrName checks the name argument of hasattr, getattr, setattr and delattr.
func (t *Thread) attrName(v Value) (*Str, error) {
	name, ok := v.(*Str)
	if !ok {
		return nil, t.newExc(TypeErrorClass, "attribute name must be string")
	}
	return name, nil
}

func (t *Thread) isInstanceOf(v, cls Value, fname string) (bool, error) {
	switch k := cls.(type) {
	case *Class:
		// A metaclass's __instancecheck__ (abc.ABCMeta's) answers, unless v's type
		// is the class itself, as CPython's PyObject_IsInstance has it.
		if v.Type() != k {
			if hook := userDunder(k, "__instancecheck__"); hook != nil {
				return t.checkHook(hook, k, v)
			}
		}
	case *Tuple:
		for _, x := range k.Items {
			ok, err := t.isInstanceOf(v, x, fname)
			if err != nil || ok {
				return ok, err
			}
		}
		return false, nil
	}
	return t.classMatch(v.Type(), cls, fname)
}

// isSubclassOf is issubclass(c, cls): a metaclass's __subclasscheck__ answers for
// the classes whose metaclass defines one.
func (t *Thread) isSubclassOf(c *Class, cls Value) (bool, error) {
	switch k := cls.(type) {
	case *Class:
		if hook := userDunder(k, "__subclasscheck__"); hook != nil {
			return t.checkHook(hook, k, c)
		}
	case *Tuple:
		for _, x := range k.Items {
			ok, err := t.isSubclassOf(c, x)
			if err != nil || ok {
				return ok, err
			}
		}
		return false, nil
	}
	return t.classMatch(c, cls, "issubclass")
}

// checkHook calls a metaclass's __instancecheck__ or __subclasscheck__ and takes
// the truth of its result.
func (t *Thread) checkHook(hook Value, cls *Class, arg Value) (bool, error) {
	r, err := t.callUser(hook, cls, arg)
	if err != nil {
		return false, err
	}
	defer t.Decref(r)
	return t.Truth(r)
}

func (t *Thread) classMatch(c *Class, cls Value, fname string) (bool, error) {
	switch k := cls.(type) {
	case *Class:
		return c.IsSubclass(k), nil
	case *Tuple:
		for _, x := range k.Items {
			ok, err := t.classMatch(c, x, fname)
			if err != nil || ok {
				return ok, err
			}
		}
		return false, nil
	case *UnionType:
		return t.classMatch(c, k.Args, fname)
	case *GenericAlias:
		return false, t.newExcf(TypeErrorClass, "%s() argument 2 cannot be a parameterized generic", fname)
	}
	return false, t.newExcf(TypeErrorClass, "%s() arg 2 must be a type, a tuple of types, or a union", fname)
}

func builtinPrint(t *Thread, args []Value, kw []string) (Value, error) {
	return printTo(t, args, kw, false)
}

// pushPrint is print called by Python code, which may block in a write(2).
func pushPrint(t *Thread, args []Value, kw []string) (Value, error) {
	return printTo(t, args, kw, true)
}

func printTo(t *Thread, args []Value, kw []string, canBlock bool) (Value, error) {
	pos, kws, err := t.kwargs("print", args, kw, "sep", "end", "file", "flush")
	if err != nil {
		return nil, err
	}
	sep, end := " ", "\n"
	for name, dst := range map[string]*string{"sep": &sep, "end": &end} {
		if v, ok := kws[name]; ok && v != None {
			s, ok := v.(*Str)
			if !ok {
				return nil, t.newExcf(TypeErrorClass, "%s must be None or a string, not %s", name, v.Type().Name)
			}
			*dst = s.S
		}
	}
	toStderr := false
	file := kws["file"]
	if file == nil || file == None {
		// sys.stdout, which a program may have replaced (contextlib.redirect_stdout).
		file = nil
		if m := t.in.modules["sys"]; m != nil {
			file = m.Dict.getStr("stdout")
			if file == None {
				return None, nil
			}
		}
	}
	if m, ok := file.(*stdStream); ok && m.stderr {
		toStderr = true
	}
	flush := false
	if f, ok := kws["flush"]; ok {
		var err error
		if flush, err = t.Truth(f); err != nil {
			return nil, err
		}
	}
	if _, std := file.(*stdStream); file != nil && !std {
		return t.printToFile(file, pos, sep, end, flush, canBlock)
	}
	// The pieces are written apart, as CPython's print calls file.write for each
	// argument, separator and the end (stdio.go); an argument's str() is taken when
	// its turn comes.
	pieces := make([]piece, 0, 2*len(pos)+1)
	for i, a := range pos {
		if i > 0 {
			pieces = append(pieces, piece{s: sep})
		}
		pieces = append(pieces, piece{v: a})
	}
	pieces = append(pieces, piece{s: end})
	return None, t.writePieces(&t.in.streams[b2i(toStderr)], pieces, flush, None, canBlock)
}

// printToFile is print to a file that is not sys.stdout or sys.stderr (an open
// file, an io.StringIO): file.write(str(arg)) for each argument, separator and the
// end, then file.flush() if asked, as CPython's print does. Called by Python code,
// it pushes a frame making those calls (printCode), so a write may block; called
// back from a builtin, it makes them in nested runs.
func (t *Thread) printToFile(file Value, args []Value, sep, end string, flush, canBlock bool) (Value, error) {
	write, err := t.GetAttr(file, "write")
	if err != nil {
		return nil, err
	}
	var flushFn Value = None
	if flush {
		if flushFn, err = t.GetAttr(file, "flush"); err != nil {
			t.Decref(write)
			return nil, err
		}
	}
	items := make([]Value, 0, 2*len(args)+1)
	for i, a := range args {
		if i > 0 {
			items = append(items, t.NewStr(sep))
		}
		t.Incref(a)
		items = append(items, a)
	}
	items = append(items, t.NewStr(end))
	pieces := t.newTuple(items)
	if canBlock {
		if t.depth >= maxDepth {
			t.Decref(write)
			t.Decref(flushFn)
			t.Decref(pieces)
			return nil, &LimitError{Class: RecursionErrorClass, Msg: "maximum recursion depth exceeded"}
		}
		code := printCode
		if flush {
			code = printFlushCode
		}
		t.Incref(StrClass)
		f := &Frame{code: code, consts: drainConsts, stack: make([]Value, code.MaxStack),
			locals: []Value{write, pieces, StrClass, flushFn, nil}, parent: t.frame, globals: t.frame.globals}
		t.frame = f
		t.depth++
		return nil, nil
	}
	defer t.Decref(write)
	defer t.Decref(flushFn)
	defer t.Decref(pieces)
	for _, p := range pieces.Items {
		s, err := t.Call(StrClass, p)
		if err != nil {
			return nil, err
		}
		r, err := t.Call(write, s)
		t.Decref(s)
		if err != nil {
			return nil, err
		}
		t.Decref(r)
	}
	if flush {
		r, err := t.Call(flushFn)
		if err != nil {
			return nil, err
		}
		t.Decref(r)
	}
	return None, nil
}

// printCode writes the pieces (local 1) with write (local 0), each converted by str
// (local 2); printFlushCode then calls flush (local 3).
var (
	printCode      = synthPrint("<print>", false)
	printFlushCode = synthPrint("<print>", true)
)

func synthPrint(name string, flush bool) *compile.Funcode {
	ops := []uint32{
		op(compile.LOAD_FAST, 1),
		op(compile.GET_ITER, 0),
		op(compile.FOR_ITER, 13),
		op(compile.STORE_FAST, 4),
		op(compile.PUSH_NULL, 0),
		op(compile.LOAD_FAST, 0),
		op(compile.PUSH_NULL, 0),
		op(compile.LOAD_FAST, 2),
		op(compile.LOAD_FAST, 4),
		op(compile.CALL, 1),
		op(compile.CALL, 1),
		op(compile.POP_TOP, 0),
		op(compile.JUMP_BACKWARD_NO_INTERRUPT, 2),
		op(compile.END_FOR, 0),
	}
	if flush {
		ops = append(ops,
			op(compile.PUSH_NULL, 0),
			op(compile.LOAD_FAST, 3),
			op(compile.CALL, 0),
			op(compile.POP_TOP, 0))
	}
	ops = append(ops, op(compile.RETURN_CONST, 0))
	return &compile.Funcode{Name: name, QualName: name, Code: ops, Pos: make([]compile.Position, len(ops)),
		Varnames: []string{"write", "pieces", "str", "flush", "piece"}, NumParams: 4, MaxStack: 6,
		Consts: make([]any, 1)}
}

// stdStream is sys.stdout or sys.stderr.
type stdStream struct {
	Header
	stderr bool
}

var stdStreamClass = newBuiltinClass("TextIOWrapper", ObjectClass)

func (*stdStream) Type() *Class { return stdStreamClass }

func init() {
	streamMethod("write", streamWrite)
	streamMethod("flush", streamFlush)
	stdStreamClass.method("reconfigure", streamReconfigure)
}

// write sends program output to the interpreter's stdout or stderr, through the
// scheduler's hook when one is installed.
func (in *Interp) write(t *Thread, s string, stderr bool) {
	if in.OnWrite != nil {
		in.OnWrite(t, s, stderr)
	}
	w := in.Stdout
	if stderr {
		w = in.Stderr
	}
	if w != nil {
		in.outBytes += int64(len(s))
		if in.outBytes > MaxOutput {
			if !in.outTruncated {
				in.outTruncated = true
				fmt.Fprint(w, "\n[gilscope: output truncated at 1 MB]\n")
			}
			return
		}
		fmt.Fprint(w, s)
	}
}

// MaxOutput bounds what one run may write to stdout and stderr together, in
// bytes: the interpreter's and the machine's limit.
const MaxOutput = 1 << 20

func builtinRound(t *Thread, args []Value, kw []string) (Value, error) {
	pos, kws, err := t.kwargs("round", args, kw, "ndigits")
	if err != nil {
		return nil, err
	}
	if len(pos) == 2 {
		kws["ndigits"] = pos[1]
	} else if len(pos) != 1 {
		return nil, t.newExcf(TypeErrorClass, "round() takes at most 2 arguments (%d given)", len(pos))
	}
	nd, hasNd := kws["ndigits"]
	if hasNd && nd == None {
		hasNd = false
	}
	switch v := pos[0].(type) {
	case *Int, *Bool:
		if !hasNd {
			n, _ := toBig(v)
			return t.newBigInt(new(big.Int).Set(n)), nil
		}
		d, err := t.intArg(nd, "round")
		if err != nil {
			return nil, err
		}
		if d >= 0 {
			n, _ := toBig(v)
			return t.newBigInt(new(big.Int).Set(n)), nil
		}
		n, _ := toBig(v)
		p := new(big.Int).Exp(big.NewInt(10), big.NewInt(-d), nil)
		q, r := new(big.Int).DivMod(n, p, new(big.Int))
		twice := new(big.Int).Mul(r, big.NewInt(2))
		if c := twice.Cmp(p); c > 0 || c == 0 && q.Bit(0) == 1 {
			q.Add(q, big.NewInt(1))
		}
		return t.newBigInt(q.Mul(q, p)), nil
	case *Float:
		if !hasNd {
			if math.IsInf(v.V, 0) {
				return nil, t.newExc(OverflowErrorClass, "cannot convert float infinity to integer")
			}
			if math.IsNaN(v.V) {
				return nil, t.newExc(ValueErrorClass, "cannot convert float NaN to integer")
			}
			r := math.RoundToEven(v.V)
			bf, _ := new(big.Float).SetFloat64(r).Int(nil)
			return t.newBigInt(bf), nil
		}
		d, err := t.intArg(nd, "round")
		if err != nil {
			return nil, err
		}
		return t.newFloat(roundFloat(v.V, int(d))), nil
	case *Instance:
		if m := v.Class.Lookup("__round__"); m != nil {
			return t.callValue(m, pos, nil, false)
		}
	}
	return nil, t.newExcf(TypeErrorClass, "type %s doesn't define __round__ method", pos[0].Type().Name)
}

// roundFloat rounds x to nd decimal digits the way CPython does: exactly, using the
// shortest decimal string, with round-half-even.
func roundFloat(x float64, nd int) float64 {
	if math.IsInf(x, 0) || math.IsNaN(x) || x == 0 {
		return x
	}
	if nd > 22 {
		return x
	}
	if nd < -308 {
		return math.Copysign(0, x)
	}
	// Exact decimal expansion of x, rounded half-even at nd digits.
	r := new(big.Rat).SetFloat64(x)
	scale := new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(abs(nd))), nil))
	if nd >= 0 {
		r.Mul(r, scale)
	} else {
		r.Quo(r, scale)
	}
	num, den := r.Num(), r.Denom()
	q, m := new(big.Int).QuoRem(num, den, new(big.Int))
	twice := new(big.Int).Mul(new(big.Int).Abs(m), big.NewInt(2))
	if c := twice.Cmp(den); c > 0 || c == 0 && q.Bit(0) == 1 {
		if num.Sign() < 0 {
			q.Sub(q, big.NewInt(1))
		} else {
			q.Add(q, big.NewInt(1))
		}
	}
	res := new(big.Rat).SetInt(q)
	if nd >= 0 {
		res.Quo(res, scale)
	} else {
		res.Mul(res, scale)
	}
	f, _ := res.Float64()
	if f == 0 {
		return math.Copysign(0, x)
	}
	return f
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func builtinSum(t *Thread, args []Value, kw []string) (Value, error) {
	pos, kws, err := t.kwargs("sum", args, kw, "start")
	if err != nil {
		return nil, err
	}
	if len(pos) == 2 {
		kws["start"] = pos[1]
	} else if len(pos) != 1 {
		return nil, t.newExcf(TypeErrorClass, "sum() takes at most 2 arguments (%d given)", len(pos))
	}
	var acc Value = t.newInt(0)
	if s, ok := kws["start"]; ok {
		switch s.(type) {
		case *Str:
			return nil, t.newExc(TypeErrorClass, "sum() can't sum strings [use ''.join(seq) instead]")
		case *Bytes:
			return nil, t.newExc(TypeErrorClass, "sum() can't sum bytes [use b''.join(seq) instead]")
		}
		t.Incref(s)
		acc = s
	}
	it, err := t.Iter(pos[0])
	if err != nil {
		t.Decref(acc)
		return nil, err
	}
	defer t.Decref(it)
	// Floats use Neumaier's compensated summation, as CPython 3.12 does.
	fsum, comp, floatMode := 0.0, 0.0, false
	for {
		v, err := t.Next(it)
		if err != nil {
			t.Decref(acc)
			return nil, err
		}
		if v == nil {
			break
		}
		t.Cost += t.Costs.CItem
		if fv, ok := v.(*Float); ok {
			if !floatMode {
				if a, ok := toFloat(acc); ok {
					if _, isInstance := acc.(*Instance); !isInstance {
						floatMode, fsum, comp = true, a, 0
					}
				}
			}
			if floatMode {
				x := fv.V
				s := fsum + x
				if math.Abs(fsum) >= math.Abs(x) {
					comp += (fsum - s) + x
				} else {
					comp += (x - s) + fsum
				}
				fsum = s
				t.Decref(v)
				continue
			}
		}
		if floatMode {
			if isIntLike(v) {
				x, _ := toFloat(v)
				s := fsum + x
				if math.Abs(fsum) >= math.Abs(x) {
					comp += (fsum - s) + x
				} else {
					comp += (x - s) + fsum
				}
				fsum = s
				t.Decref(v)
				continue
			}
			t.Decref(acc)
			acc = t.newFloat(fsum + comp)
			floatMode = false
		}
		r, err := t.BinaryOp(0, acc, v)
		t.Decref(v)
		if err != nil {
			t.Decref(acc)
			return nil, err
		}
		t.Decref(acc)
		acc = r
	}
	if floatMode {
		t.Decref(acc)
		return t.newFloat(fsum + comp), nil
	}
	return acc, nil
}

// minMax implements min (op 0: <) and max (op 4: >).
func (t *Thread) minMax(name string, args []Value, kw []string, op int) (Value, error) {
	pos, kws, err := t.kwargs(name, args, kw, "key", "default")
	if err != nil {
		return nil, err
	}
	var items []Value
	switch len(pos) {
	case 0:
		return nil, t.newExcf(TypeErrorClass, "%s expected at least 1 argument, got 0", name)
	case 1:
		items, err = t.toItems(pos[0])
		if err != nil {
			return nil, err
		}
	default:
		if _, ok := kws["default"]; ok {
			return nil, t.newExcf(TypeErrorClass, "Cannot specify a default for %s() with multiple positional arguments", name)
		}
		items = append([]Value(nil), pos...)
		for _, v := range items {
			t.Incref(v)
		}
	}
	defer t.decrefAll(items)
	if len(items) == 0 {
		if d, ok := kws["default"]; ok {
			t.Incref(d)
			return d, nil
		}
		return nil, t.newExcf(ValueErrorClass, "%s() iterable argument is empty", name)
	}
	key := kws["key"]
	if key == None {
		key = nil
	}
	var best, bestKey Value
	for _, v := range items {
		k := v
		if key != nil {
			k, err = t.callValue(key, []Value{v}, nil, false)
			if err != nil {
				t.xdecref(bestKey)
				return nil, err
			}
		} else {
			t.Incref(k)
		}
		if best == nil {
			best, bestKey = v, k
			continue
		}
		c, err := t.order(op, k, bestKey)
		if err != nil {
			t.Decref(k)
			t.Decref(bestKey)
			return nil, err
		}
		better, _ := t.Truth(c)
		t.Decref(c)
		if better {
			t.Decref(bestKey)
			best, bestKey = v, k
		} else {
			t.Decref(k)
		}
	}
	t.Decref(bestKey)
	t.Incref(best)
	return best, nil
}

func (t *Thread) anyAll(name string, args []Value, kw []string, want bool) (Value, error) {
	if err := t.nargs(name, args, kw, 1, 1); err != nil {
		return nil, err
	}
	it, err := t.Iter(args[0])
	if err != nil {
		return nil, err
	}
	defer t.Decref(it)
	for {
		v, err := t.Next(it)
		if err != nil {
			return nil, err
		}
		if v == nil {
			return BoolOf(!want), nil
		}
		b, err := t.Truth(v)
		t.Decref(v)
		if err != nil {
			return nil, err
		}
		if b == want {
			return BoolOf(want), nil
		}
	}
}

// sortList sorts l in place (stable), with an optional key function and reverse flag.
func (t *Thread) sortList(l *List, key, reverse Value) error {
	rev := false
	if reverse != nil {
		b, err := t.Truth(reverse)
		if err != nil {
			return err
		}
		rev = b
	}
	items := l.Items
	keys := items
	if key != nil && key != None {
		keys = make([]Value, len(items))
		for i, v := range items {
			k, err := t.callValue(key, []Value{v}, nil, false)
			if err != nil {
				t.decrefAll(keys[:i])
				return err
			}
			keys[i] = k
		}
		defer t.decrefAll(keys)
	}
	idx := make([]int, len(items))
	for i := range idx {
		idx[i] = i
	}
	var err error
	less := func(a, b int) bool {
		if err != nil {
			return false
		}
		if err = t.work(1); err != nil {
			return false
		}
		x, y := keys[a], keys[b]
		if ai, ok := x.(*Int); ok && ai.Big == nil {
			if bi, ok := y.(*Int); ok && bi.Big == nil {
				return ai.V < bi.V
			}
		}
		if as, ok := x.(*Str); ok {
			if bs, ok := y.(*Str); ok {
				return as.S < bs.S
			}
		}
		c, e := t.order(0, x, y)
		if e != nil {
			err = e
			return false
		}
		r, _ := t.Truth(c)
		t.Decref(c)
		return r
	}
	// As CPython does, a reverse sort reverses, sorts and reverses back, which keeps
	// equal items in their order.
	if rev {
		reverseInts(idx)
	}
	compares, misses := sortIndexes(idx, less, func() bool { return err != nil })
	if rev {
		reverseInts(idx)
	}
	// Before it sorts, CPython looks at every item once to choose its comparison (all
	// ints of one digit, all strs…): SortItem per item. Each comparison costs
	// SortCompare, and more as the list outgrows the caches (SortDeep per comparison
	// and doubling of the list), and more again when the processor guesses its
	// outcome wrong and must wait for an operand that is farther away in memory as
	// the list grows (SortMiss per mispredicted comparison and doubling).
	lg := math.Log2(float64(len(items) + 1))
	t.Cost += int64(len(items))*t.Costs.SortItem + compares*t.Costs.SortCompare +
		int64(float64(compares)*lg)*t.Costs.SortDeep + int64(float64(misses)*lg)*t.Costs.SortMiss
	if err != nil {
		return err
	}
	sorted := make([]Value, len(items))
	for i, j := range idx {
		sorted[i] = items[j]
	}
	copy(l.Items, sorted)
	return nil
}

// idOf is id(v): an address made of the object's number. Static objects (small
// ints, the empty tuple) are numbered apart from the heap's, so they get addresses
// of their own, as CPython's live in the executable's data rather than its heap:
// without that a list and a small int could share an id (and copy.deepcopy's memo
// took one for the other).
func idOf(h *Header) int64 {
	if h.flags&flagStatic != 0 {
		return int64(0x5600_0000_0000 + h.ID*16)
	}
	return int64(0x7f00_0000_0000 + h.ID*16)
}

// callable reports whether v can be called, as the builtin callable does.
func callable(v Value) bool {
	switch v := v.(type) {
	case *Function, *Builtin, *BoundMethod, *Class, *GenericAlias:
		return true
	case *Instance:
		return v.Class.Lookup("__call__") != nil
	}
	return false
}
