package py

// This file defines PEP 585 and PEP 604 generics: list[int] is a types.GenericAlias
// (builtin classes and classes with __class_getitem__ are subscriptable), and
// int | None is a types.UnionType, which isinstance accepts. Nothing is checked,
// as in CPython.

import "strings"

// GenericAlias is types.GenericAlias: a class subscripted with type arguments.
type GenericAlias struct {
	Header
	Origin Value
	Args   *Tuple
}

// UnionType is types.UnionType, the result of `X | Y` on types.
type UnionType struct {
	Header
	Args *Tuple
}

var (
	GenericAliasClass = typesClass("GenericAlias")
	UnionTypeClass    = typesClass("UnionType")
)

func typesClass(name string) *Class {
	c := newBuiltinClass(name, ObjectClass)
	c.Module = "types"
	return c
}

func (*GenericAlias) Type() *Class { return GenericAliasClass }
func (*UnionType) Type() *Class    { return UnionTypeClass }

func init() {
	GenericAliasClass.New = func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("GenericAlias", args[1:], kw, 2, 2); err != nil {
			return nil, err
		}
		return t.newGenericAlias(args[1], args[2]), nil
	}
}

// genericBuiltins are the builtin classes subscriptable as PEP 585 made them.
func genericBuiltin(c *Class) bool {
	switch c {
	case ListClass, DictClass, TupleClass, SetClass, FrozenSetClass, TypeClass:
		return true
	}
	return false
}

// newGenericAlias returns origin[args] (borrowed arguments); a non-tuple args is
// the sole argument.
func (t *Thread) newGenericAlias(origin, args Value) *GenericAlias {
	tu, ok := args.(*Tuple)
	if ok {
		t.Incref(tu)
	} else {
		t.Incref(args)
		tu = t.newTuple([]Value{args})
	}
	t.Incref(origin)
	g := &GenericAlias{Origin: origin, Args: tu}
	t.in.alloc(&g.Header)
	return g
}

// classGetItem subscribes a class: list[int], or a user class's __class_getitem__
// (implicitly a classmethod, as in CPython). ok is false if cls is not subscriptable.
func (t *Thread) classGetItem(cls *Class, key Value) (Value, error, bool) {
	if genericBuiltin(cls) {
		return t.newGenericAlias(cls, key), nil, true
	}
	m := cls.Lookup("__class_getitem__")
	switch f := m.(type) {
	case nil:
		return nil, nil, false
	case *Function:
		r, err := t.callValue(f, []Value{cls, key}, nil, false)
		return r, err, true
	}
	a, err := t.getAttr(cls, "__class_getitem__")
	if err != nil || a == nil {
		return nil, err, err != nil
	}
	defer t.Decref(a)
	r, err := t.callValue(a, []Value{key}, nil, false)
	return r, err, true
}

// typeLike reports whether v can be an operand of `|` between types.
func typeLike(v Value) bool {
	switch v.(type) {
	case *Class, *NoneType, *GenericAlias, *UnionType:
		return true
	}
	return false
}

// unionOf returns x | y for types, flattening unions and dropping duplicates.
func (t *Thread) unionOf(x, y Value) (Value, error) {
	var args []Value
	add := func(v Value) error {
		if v == None {
			v = NoneClass
		}
		for _, a := range args {
			if eq, err := t.Equal(a, v); err != nil || eq {
				return err
			}
		}
		args = append(args, v)
		return nil
	}
	for _, v := range []Value{x, y} {
		items := []Value{v}
		if u, ok := v.(*UnionType); ok {
			items = u.Args.Items
		}
		for _, it := range items {
			if err := add(it); err != nil {
				return nil, err
			}
		}
	}
	if len(args) == 1 {
		t.Incref(args[0])
		return args[0], nil
	}
	for _, a := range args {
		t.Incref(a)
	}
	u := &UnionType{Args: t.newTuple(args)}
	t.in.alloc(&u.Header)
	return u, nil
}

// typeRepr writes a type argument as typing does: classes by qualified name
// (builtins bare), None for NoneType, ... for Ellipsis.
func (t *Thread) typeRepr(b *strings.Builder, v Value) error {
	switch c := v.(type) {
	case *Class:
		if c == NoneClass {
			b.WriteString("None")
			return nil
		}
		if c.Module != "builtins" {
			b.WriteString(c.Module + ".")
		}
		b.WriteString(c.QualName)
		return nil
	case *ellipsisType:
		b.WriteString("...")
		return nil
	case *List:
		b.WriteByte('[')
		for i, a := range c.Items {
			if i > 0 {
				b.WriteString(", ")
			}
			if err := t.typeRepr(b, a); err != nil {
				return err
			}
		}
		b.WriteByte(']')
		return nil
	}
	s, err := t.Repr(v)
	b.WriteString(s)
	return err
}

// genericRepr writes list[int] or int | None.
func (t *Thread) genericRepr(b *strings.Builder, v Value) error {
	switch g := v.(type) {
	case *GenericAlias:
		if err := t.typeRepr(b, g.Origin); err != nil {
			return err
		}
		b.WriteByte('[')
		if len(g.Args.Items) == 0 {
			b.WriteString("()")
		}
		for i, a := range g.Args.Items {
			if i > 0 {
				b.WriteString(", ")
			}
			if err := t.typeRepr(b, a); err != nil {
				return err
			}
		}
		b.WriteByte(']')
	case *UnionType:
		for i, a := range g.Args.Items {
			if i > 0 {
				b.WriteString(" | ")
			}
			if err := t.typeRepr(b, a); err != nil {
				return err
			}
		}
	}
	return nil
}

// genericAttr returns the attributes of a GenericAlias or UnionType.
func (t *Thread) genericAttr(v Value, name string) (Value, error) {
	switch g := v.(type) {
	case *GenericAlias:
		switch name {
		case "__origin__":
			t.Incref(g.Origin)
			return g.Origin, nil
		case "__args__":
			t.Incref(g.Args)
			return g.Args, nil
		case "__parameters__":
			return emptyTuple, nil
		}
		// Other attributes are the origin's, as CPython forwards them.
		return t.getAttr(g.Origin, name)
	case *UnionType:
		switch name {
		case "__args__":
			t.Incref(g.Args)
			return g.Args, nil
		case "__parameters__":
			return emptyTuple, nil
		}
	}
	return nil, nil
}

// genericEqual compares aliases by origin and arguments, unions by their sets of
// arguments.
func (t *Thread) genericEqual(x, y Value) (bool, bool, error) {
	switch a := x.(type) {
	case *GenericAlias:
		b, ok := y.(*GenericAlias)
		if !ok {
			return false, true, nil
		}
		if eq, err := t.Equal(a.Origin, b.Origin); err != nil || !eq {
			return false, true, err
		}
		eq, err := t.Equal(a.Args, b.Args)
		return eq, true, err
	case *UnionType:
		b, ok := y.(*UnionType)
		if !ok || len(a.Args.Items) != len(b.Args.Items) {
			return false, true, nil
		}
		for _, v := range a.Args.Items {
			found := false
			for _, w := range b.Args.Items {
				eq, err := t.Equal(v, w)
				if err != nil {
					return false, true, err
				}
				found = found || eq
			}
			if !found {
				return false, true, nil
			}
		}
		return true, true, nil
	}
	return false, false, nil
}

// genericHash hashes what genericEqual compares.
func (t *Thread) genericHash(v Value) (int64, error) {
	switch g := v.(type) {
	case *GenericAlias:
		h, err := t.Hash(g.Origin)
		if err != nil {
			return 0, err
		}
		h2, err := t.Hash(g.Args)
		return h ^ h2, err
	case *UnionType:
		var h int64
		for _, a := range g.Args.Items {
			ah, err := t.Hash(a)
			if err != nil {
				return 0, err
			}
			h ^= ah
		}
		return h, nil
	}
	return 0, nil
}

// typesModule is the part of the types module programs use: the classes of
// objects the interpreter makes (SimpleNamespace and the rest are missing).
func (t *Thread) typesModule() *Module {
	a := map[string]Value{
		"GenericAlias": GenericAliasClass, "UnionType": UnionTypeClass, "NoneType": NoneClass,
		"EllipsisType": EllipsisClass, "NotImplementedType": NotImplementedClass,
		"FunctionType": FunctionClass, "LambdaType": FunctionClass, "MethodType": MethodClass,
		"BuiltinFunctionType": BuiltinClass, "BuiltinMethodType": BuiltinClass,
		"ModuleType": ModuleClass, "CellType": CellClass,
	}
	return t.NewModule("types", a)
}
