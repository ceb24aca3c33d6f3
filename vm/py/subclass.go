// This file defines instances of user classes derived from builtin types
// (`class D(dict)`, `class Name(str)`, `class Level(int)`). Such an instance is
// the builtin's own object, a *Dict, *List, *Str, *Int, *Float or *Tuple, carrying a
// subState: every builtin that takes a dict takes it as CPython's C code takes a
// dict subclass, while its type, its attributes and the dunder methods its class
// overrides are the subclass's.

package py

import (
	"math/big"
	"strings"

	"github.com/gilscope/gilscope/vm/compile"
)

// subState is what an instance of a subclass of a builtin type holds beyond the
// builtin's value: its class and its __dict__. Both are owned references.
type subState struct {
	cls  *Class
	dict *Dict
}

// subclassable reports whether a user class may derive from the builtin type c.
func subclassable(c *Class) bool {
	switch c {
	case DictClass, ListClass, StrClass, IntClass, FloatClass, TupleClass, SetClass, FrozenSetClass, BytesClass:
		return true
	}
	return false
}

// subOf returns v's subState, or nil when v is not an instance of a subclass of a
// builtin type.
func subOf(v Value) *subState {
	switch o := v.(type) {
	case *Dict:
		return o.sub
	case *List:
		return o.sub
	case *Str:
		return o.sub
	case *Int:
		return o.sub
	case *Float:
		return o.sub
	case *Tuple:
		return o.sub
	case *Set:
		return o.sub
	case *Bytes:
		return o.sub
	}
	return nil
}

// layout returns the builtin type whose objects are c's instances: object for
// ordinary classes, dict for a class derived from dict.
func (c *Class) layout() *Class {
	k := c
	for !k.builtin && k.Base != nil {
		k = k.Base
	}
	return k
}

// user returns the method name as the class of a subclass instance overrides it:
// found on a user class before any builtin type of the MRO that defines it. It
// returns nil (a nil s included) when the builtin's own behaviour applies. The
// result is borrowed.
func (s *subState) user(name string) Value {
	if s == nil {
		return nil
	}
	return s.cls.userLookup(name)
}

// userLookup finds name on c's MRO unless a builtin type defines it first.
func (c *Class) userLookup(name string) Value {
	for _, k := range c.MRO() {
		if k.builtin {
			if _, ok := k.Methods[name]; ok {
				return nil
			}
			continue
		}
		if v := k.Dict.getStr(name); v != nil {
			return v
		}
	}
	return nil
}

// callUser calls the user method m with receiver self and borrowed args, to
// completion.
func (t *Thread) callUser(m, self Value, args ...Value) (Value, error) {
	return t.callValue(m, append([]Value{self}, args...), nil, false)
}

// newSub returns a new object of cls's builtin layout holding v's value (a new
// reference): the instance `cls.__new__` makes from what the builtin's own
// constructor returned.
func (t *Thread) newSub(cls *Class, v Value) Value {
	s := &subState{cls: cls, dict: t.NewDict()}
	t.Incref(cls)
	var r Value
	switch o := v.(type) {
	case *Dict:
		d := t.plainCopy(o).(*Dict)
		d.sub = s
		r = d
	case *List:
		l := t.plainCopy(o).(*List)
		l.sub = s
		r = l
	case *Tuple:
		items := append([]Value(nil), o.Items...)
		for _, x := range items {
			t.Incref(x)
		}
		tu := &Tuple{Items: items, sub: s}
		t.in.alloc(&tu.Header)
		t.in.charge(len(items) * itemBytes)
		r = tu
	case *Str:
		x := t.NewStr(o.S)
		x.sub = s
		r = x
	case *Int:
		x := &Int{V: o.V, sub: s}
		if o.Big != nil {
			x.Big = new(big.Int).Set(o.Big)
			t.in.charge(len(x.Big.Bits()) * 8)
		}
		t.in.alloc(&x.Header)
		r = x
	case *Bool:
		x := &Int{sub: s}
		if o.V {
			x.V = 1
		}
		t.in.alloc(&x.Header)
		r = x
	case *Float:
		x := &Float{V: o.V, sub: s}
		t.in.alloc(&x.Header)
		r = x
	case *Set:
		x := t.plainCopy(o).(*Set)
		x.sub = s
		r = x
	case *Bytes:
		x := t.newBytes(o.B)
		x.sub = s
		r = x
	default:
		panic("gilscope internal error: newSub of " + v.Type().Name)
	}
	return r
}

// freeSub drops what a subclass instance holds beyond its value.
func (t *Thread) freeSub(s *subState) {
	t.decrefItem(s.dict)
	t.Decref(s.cls)
}

// plainCopy returns v's value as its builtin type alone (a new reference): exact,
// or a shallow copy for a dict or a list.
func (t *Thread) plainCopy(v Value) Value {
	switch o := v.(type) {
	case *Dict:
		d := t.NewDict()
		o.items(func(k, v Value) bool {
			t.dictSet(d, k, v) //nolint:errcheck // the keys were hashed already
			return true
		})
		return d
	case *List:
		items := append([]Value(nil), o.Items...)
		for _, x := range items {
			t.Incref(x)
		}
		return t.newList(items)
	case *Set:
		return t.copySetOf(o)
	}
	return t.exact(v)
}

// exact returns v as an object of its builtin type alone (a new reference): v
// itself when it is not a subclass instance, else a copy, as int(x) of an int
// subclass gives a plain int.
func (t *Thread) exact(v Value) Value {
	switch o := v.(type) {
	case *Int:
		if o.sub != nil {
			if o.Big != nil {
				return t.newBigInt(new(big.Int).Set(o.Big))
			}
			return t.newInt(o.V)
		}
	case *Float:
		if o.sub != nil {
			return t.newFloat(o.V)
		}
	case *Str:
		if o.sub != nil {
			return t.NewStr(o.S)
		}
	case *Tuple:
		if o.sub != nil {
			items := append([]Value(nil), o.Items...)
			for _, x := range items {
				t.Incref(x)
			}
			return t.newTuple(items)
		}
	case *Set:
		if o.sub != nil {
			return t.copySetOf(o)
		}
	case *Bytes:
		if o.sub != nil {
			return t.newBytes(o.B)
		}
	}
	t.Incref(v)
	return v
}

// subclassables are the builtin types a program may derive from.
var subclassables = []*Class{DictClass, ListClass, StrClass, IntClass, FloatClass, TupleClass,
	SetClass, FrozenSetClass, BytesClass}

// builtinNew returns l.__new__ for a type l in subclassables: called with a class
// deriving from l and the constructor's arguments, it makes the instance. dict's
// and list's are empty (their __init__ fills them); the others' hold the value
// l's constructor makes of the arguments.
func builtinNew(l *Class) BuiltinFunc {
	return func(t *Thread, args []Value, kw []string) (Value, error) {
		cls, err := t.newTarget(l, args)
		if err != nil {
			return nil, err
		}
		var r Value
		switch l {
		case DictClass:
			r = t.NewDict()
		case ListClass:
			r = t.newList(nil)
		case SetClass:
			r = t.newSet(false)
		default:
			if r, err = l.New(t, prepend(l, args[1:]), kw); err != nil {
				return nil, err
			}
		}
		if cls == l {
			return r, nil
		}
		defer t.Decref(r)
		return t.newSub(cls, r), nil
	}
}

// newTarget checks the class a __new__ of the builtin type l is asked to make an
// instance of.
func (t *Thread) newTarget(l *Class, args []Value) (*Class, error) {
	if len(args) == 0 {
		return nil, t.newExcf(TypeErrorClass, "%s.__new__(): not enough arguments", l.Name)
	}
	cls, ok := args[0].(*Class)
	if !ok {
		return nil, t.newExcf(TypeErrorClass, "%s.__new__(X): X is not a type object (%s)", l.Name, args[0].Type().Name)
	}
	if !cls.IsSubclass(l) {
		return nil, t.newExcf(TypeErrorClass, "%s.__new__(%s): %s is not a subtype of %s", l.Name, cls.Name, cls.Name, l.Name)
	}
	if l == ObjectClass && subclassable(cls.layout()) {
		// CPython names the nearest class whose __new__ is not Python code.
		k := cls
		for k.Dict != nil && k.Dict.getStr("__new__") != nil && k.Base != nil {
			k = k.Base
		}
		return nil, t.newExcf(TypeErrorClass, "object.__new__(%s) is not safe, use %s.__new__()", cls.Name, k.Name)
	}
	return cls, nil
}

// objectNew is object.__new__(cls): a new instance of a user class.
func objectNew(t *Thread, args []Value, kw []string) (Value, error) {
	cls, err := t.newTarget(ObjectClass, args)
	if err != nil {
		return nil, err
	}
	if len(args) > 1 || len(kw) > 0 {
		if cls.userLookup("__new__") != nil {
			return nil, t.newExc(TypeErrorClass, "object.__new__() takes exactly one argument (the type to instantiate)")
		}
		if cls.Lookup("__init__") == nil {
			return nil, t.newExcf(TypeErrorClass, "%s() takes no arguments", cls.Name)
		}
	}
	if cls.builtin {
		return nil, t.newExcf(TypeErrorClass, "object.__new__(%s) is not safe, use %s.__new__()", cls.Name, cls.Name)
	}
	return t.newObject(cls, nil, nil, nil)
}

// subTruth is bool(v) for a subclass instance whose class defines __bool__ or
// __len__; ok is false when the builtin's truth applies.
func (t *Thread) subTruth(v Value, s *subState) (b, ok bool, err error) {
	if m := s.user("__bool__"); m != nil {
		r, err := t.callUser(m, v)
		if err != nil {
			return false, true, err
		}
		defer t.Decref(r)
		rb, isBool := r.(*Bool)
		if !isBool {
			return false, true, t.newExcf(TypeErrorClass, "__bool__ should return bool, returned %s", r.Type().Name)
		}
		return rb.V, true, nil
	}
	if s.user("__len__") != nil {
		n, err := t.Len(v)
		return n != 0, true, err
	}
	return false, false, nil
}

// subHash is hash(v) for a subclass instance whose class defines __hash__ (or
// __eq__ alone, which makes it unhashable); ok is false when the builtin's hash
// applies.
func (t *Thread) subHash(v Value, s *subState) (h int64, ok bool, err error) {
	m := s.user("__hash__")
	if m == nil && s.user("__eq__") == nil {
		return 0, false, nil
	}
	if m == nil || m == None {
		return 0, true, t.newExcf(TypeErrorClass, "unhashable type: '%s'", v.Type().Name)
	}
	r, err := t.callUser(m, v)
	if err != nil {
		return 0, true, err
	}
	defer t.Decref(r)
	n, isInt := asInt64(r)
	if !isInt {
		return 0, true, t.newExc(TypeErrorClass, "__hash__ method should return an integer")
	}
	return n, true, nil
}

// subPair calls the methods named name (on x) and rname (reflected, on y) that
// subclasses of builtin types override, as CPython orders them: y's first when its
// type derives from x's. ok is false when neither is overridden or both answered
// NotImplemented: the builtin operation applies.
func (t *Thread) subPair(x, y Value, name, rname string) (Value, bool, error) {
	mx := subOf(x).user(name)
	my := subOf(y).user(rname)
	if mx == nil && my == nil {
		return nil, false, nil
	}
	if my != nil && y.Type() != x.Type() && y.Type().IsSubclass(x.Type()) {
		r, err := t.callUser(my, y, x)
		if err != nil || r != NotImplemented {
			return r, true, err
		}
		my = nil
	}
	if mx != nil {
		r, err := t.callUser(mx, x, y)
		if err != nil || r != NotImplemented {
			return r, true, err
		}
	}
	if my != nil {
		r, err := t.callUser(my, y, x)
		if err != nil || r != NotImplemented {
			return r, true, err
		}
	}
	return nil, false, nil
}

// isSub reports whether v is an instance of a subclass of a builtin type.
func isSub(v Value) bool { return subOf(v) != nil }

// subUnary returns the method a subclass of int or float overrides for the unary
// operator op, or nil.
func (t *Thread) subUnary(op compile.Opcode, v Value) Value {
	s := subOf(v)
	if s == nil {
		return nil
	}
	switch op {
	case compile.UNARY_NEGATIVE:
		return s.user("__neg__")
	case compile.CALL_INTRINSIC_1:
		return s.user("__pos__")
	}
	return s.user("__invert__")
}

// checkBase refuses a class statement's base that cannot be derived from.
func (t *Thread) checkBase(b *Class) error {
	if !b.builtin || b == ObjectClass || b == LocalClass || b == TypeClass || b.IsSubclass(BaseExceptionClass) || subclassable(b) {
		return nil
	}
	switch b {
	case BoolClass, NoneClass, FunctionClass, RangeClass, SliceClass, MethodClass, BuiltinClass,
		NotImplementedClass, EllipsisClass, CellClass, GeneratorClass:
		return t.newExcf(TypeErrorClass, "type '%s' is not an acceptable base type", b.Name)
	}
	return t.newExcf(TypeErrorClass, "gilscope does not support subclassing the builtin type '%s'", b.Name)
}

// checkLayouts refuses bases whose instances are objects of unrelated builtin
// types (class X(dict, list)), as CPython does.
func (t *Thread) checkLayouts(bases []*Class) error {
	var first *Class
	for _, b := range bases {
		l := b.layout()
		if l == ObjectClass {
			continue
		}
		if l.IsSubclass(BaseExceptionClass) {
			l = BaseExceptionClass
		}
		switch {
		case first == nil || l.IsSubclass(first):
			first = l
		case !first.IsSubclass(l):
			return t.newExc(TypeErrorClass, "multiple bases have instance lay-out conflict")
		}
	}
	return nil
}

// The dunder methods of the builtin types a program may derive from: what
// super().__setitem__(k, v) and dict.__getitem__(d, k) reach. Each is the builtin
// behaviour, whatever the receiver's class overrides.
func init() {
	immortal := Header{Ref: 1, flags: flagImmortal | flagStatic}
	static := func(name string, fn BuiltinFunc) Value {
		return &staticMethod{Header: immortal, fn: &Builtin{Header: immortal, Name: name, Fn: fn}}
	}
	ObjectClass.Methods["__new__"] = static("__new__", objectNew)
	for _, c := range subclassables {
		c.Methods["__new__"] = static("__new__", builtinNew(c))
		c.method("__repr__", func(t *Thread, args []Value, kw []string) (Value, error) {
			if err := t.nargs("__repr__", args[1:], kw, 0, 0); err != nil {
				return nil, err
			}
			var b strings.Builder
			if err := t.writeBuiltinRepr(&b, args[0], 0); err != nil {
				return nil, err
			}
			return t.NewStr(b.String()), nil
		})
		c.method("__eq__", func(t *Thread, args []Value, kw []string) (Value, error) {
			if err := t.nargs("__eq__", args[1:], kw, 1, 1); err != nil {
				return nil, err
			}
			if !IsInstance(args[1], c) {
				return NotImplemented, nil
			}
			eq, err := t.equal(args[0], args[1])
			return BoolOf(eq), err
		})
	}
	for _, c := range []*Class{DictClass, ListClass, StrClass, TupleClass, SetClass, FrozenSetClass, BytesClass} {
		if c == SetClass || c == FrozenSetClass {
			continue // sets have no __getitem__
		}
		c.method("__getitem__", func(t *Thread, args []Value, kw []string) (Value, error) {
			if err := t.nargs("__getitem__", args[1:], kw, 1, 1); err != nil {
				return nil, err
			}
			return t.getItem(args[0], args[1])
		})
	}
	for _, c := range []*Class{DictClass, ListClass, StrClass, TupleClass, SetClass, FrozenSetClass, BytesClass} {
		c.method("__len__", func(t *Thread, args []Value, kw []string) (Value, error) {
			if err := t.nargs("__len__", args[1:], kw, 0, 0); err != nil {
				return nil, err
			}
			n, err := t.builtinLen(args[0])
			if err != nil {
				return nil, err
			}
			return t.newInt(n), nil
		})
		c.method("__iter__", func(t *Thread, args []Value, kw []string) (Value, error) {
			if err := t.nargs("__iter__", args[1:], kw, 0, 0); err != nil {
				return nil, err
			}
			return t.builtinIter(args[0])
		})
		c.method("__contains__", func(t *Thread, args []Value, kw []string) (Value, error) {
			if err := t.nargs("__contains__", args[1:], kw, 1, 1); err != nil {
				return nil, err
			}
			in, err := t.contains(args[0], args[1])
			return BoolOf(in), err
		})
	}
	for _, c := range []*Class{DictClass, ListClass} {
		c.method("__setitem__", func(t *Thread, args []Value, kw []string) (Value, error) {
			if err := t.nargs("__setitem__", args[1:], kw, 2, 2); err != nil {
				return nil, err
			}
			return None, t.setItem(args[0], args[1], args[2])
		})
		c.method("__delitem__", func(t *Thread, args []Value, kw []string) (Value, error) {
			if err := t.nargs("__delitem__", args[1:], kw, 1, 1); err != nil {
				return nil, err
			}
			return None, t.delItem(args[0], args[1])
		})
	}
	DictClass.method("__init__", func(t *Thread, args []Value, kw []string) (Value, error) {
		if len(args)-len(kw) > 2 {
			return nil, t.newExcf(TypeErrorClass, "dict expected at most 1 argument, got %d", len(args)-len(kw)-1)
		}
		return dictUpdate(t, args, kw)
	})
	ListClass.method("__init__", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("list", args[1:], kw, 0, 1); err != nil {
			return nil, err
		}
		l := args[0].(*List)
		old := l.Items
		l.Items = nil
		t.decrefAll(old)
		if len(args) == 2 {
			return None, t.listExtend(l, args[1])
		}
		return None, nil
	})
	SetClass.method("__init__", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("set", args[1:], kw, 0, 1); err != nil {
			return nil, err
		}
		s := args[0].(*Set)
		t.clearSet(s)
		if len(args) == 2 {
			return None, t.setUpdateFrom(s, args[1])
		}
		return None, nil
	})
	StrClass.method("__str__", func(t *Thread, args []Value, kw []string) (Value, error) {
		return t.exact(args[0]), nil
	})
	for _, c := range []*Class{StrClass, IntClass, FloatClass, TupleClass, FrozenSetClass, BytesClass} {
		c.method("__hash__", func(t *Thread, args []Value, kw []string) (Value, error) {
			x := t.exact(args[0])
			defer t.Decref(x)
			h, err := t.Hash(x)
			if err != nil {
				return nil, err
			}
			return t.newInt(h), nil
		})
	}
	for _, c := range []*Class{StrClass, IntClass, FloatClass} {
		c.method("__format__", func(t *Thread, args []Value, kw []string) (Value, error) {
			if err := t.nargs("__format__", args[1:], kw, 1, 1); err != nil {
				return nil, err
			}
			spec, ok := args[1].(*Str)
			if !ok {
				return nil, t.newExcf(TypeErrorClass, "__format__() argument must be str, not %s", args[1].Type().Name)
			}
			x := t.exact(args[0])
			defer t.Decref(x)
			if spec.S == "" {
				// str(self): a subclass's __str__ or __repr__ answers.
				r, err := t.ToStr(args[0])
				if err != nil {
					return nil, err
				}
				return t.NewStr(r), nil
			}
			r, err := t.Format(x, spec.S)
			if err != nil {
				return nil, err
			}
			return t.NewStr(r), nil
		})
	}
	binaryDunders(IntClass, "add", "sub", "mul", "floordiv", "truediv", "mod", "pow", "lshift", "rshift", "and", "or", "xor")
	binaryDunders(FloatClass, "add", "sub", "mul", "floordiv", "truediv", "mod", "pow")
	binaryDunders(StrClass, "add", "mul", "mod")
	binaryDunders(ListClass, "add", "mul")
	binaryDunders(TupleClass, "add", "mul")
}

// binaryDunders gives c the builtin methods of the binary operators named (and
// their reflections for the numbers, __rmul__ for the sequences).
func binaryDunders(c *Class, names ...string) {
	for _, n := range names {
		op := -1
		for i, d := range dunderBinary {
			if d == "__"+n+"__" {
				op = i
			}
		}
		for _, reflected := range []bool{false, true} {
			name := "__" + n + "__"
			if reflected {
				if c == StrClass || c == ListClass || c == TupleClass {
					if n != "mul" {
						continue
					}
				}
				name = "__r" + n + "__"
			}
			c.method(name, func(t *Thread, args []Value, kw []string) (Value, error) {
				if err := t.nargs(name, args[1:], kw, 1, 1); err != nil {
					return nil, err
				}
				x, y := args[0], args[1]
				if reflected {
					x, y = y, x
				}
				if r, err, ok := t.numericOp(op, x, y); ok {
					return r, err
				}
				if r, err, ok := t.sequenceOp(op, x, y); ok {
					return r, err
				}
				return NotImplemented, nil
			})
		}
	}
}
