// This file defines metaclasses: classes deriving from type, whose instances are
// classes (class Color(Enum) is an instance of EnumType). A class's metaclass is
// its Meta; calling, subscripting, iterating or printing a class asks the dunder
// methods its metaclass defines, and attributes missing on a class are looked up
// on its metaclass, bound to the class.

package py

import "strings"

// userDunder returns the method name as v's class defines it over the builtin
// behaviour: a subclass instance's override or the dunder a class's metaclass
// defines; nil otherwise. The result is borrowed.
func userDunder(v Value, name string) Value {
	if c, ok := v.(*Class); ok {
		if c.Meta != nil {
			return c.Meta.userLookup(name)
		}
		return nil
	}
	return subOf(v).user(name)
}

// metaclassOf returns the metaclass of a class statement: the explicit one (nil
// when none was given) or the most derived of its bases' metaclasses, as CPython
// calculates it. A non-class explicit metaclass (a function) is returned as is.
func (t *Thread) metaclassOf(explicit Value, bases []*Class) (Value, error) {
	winner := TypeClass
	if explicit != nil {
		c, ok := explicit.(*Class)
		if !ok {
			return explicit, nil
		}
		winner = c
	}
	for _, b := range bases {
		bt := b.Type()
		switch {
		case winner.IsSubclass(bt):
		case bt.IsSubclass(winner):
			winner = bt
		default:
			return nil, t.newExc(TypeErrorClass, "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases")
		}
	}
	return winner, nil
}

// classSpec is what makes a class: its metaclass, name, bases, namespace and the
// keyword arguments of its class statement (for __init_subclass__).
type classSpec struct {
	meta   *Class
	name   string
	module string
	bases  []*Class
	ns     *Dict // borrowed: the class takes its own reference
	kw     []string
	kwvals []Value
}

// makeClass creates a class as type.__new__ does.
func (t *Thread) makeClass(s classSpec) (*Class, error) {
	if s.module == "" {
		s.module = "__main__"
		if m, ok := s.ns.getStr("__module__").(*Str); ok {
			s.module = m.S
		} else if t.frame != nil {
			s.module = moduleOf(t.frame.globals)
		}
	}
	cls := &Class{Name: s.name, QualName: s.name, Module: s.module, Dict: s.ns}
	if s.ns.getStr("__getattribute__") != nil {
		t.in.getattributeHooks = true
	}
	if s.ns.getStr("__del__") != nil {
		t.in.delHooks = true
	}
	if err := t.setBases(cls, s.bases); err != nil {
		return nil, err
	}
	t.Incref(s.ns)
	if q, ok := s.ns.getStr("__qualname__").(*Str); ok {
		cls.QualName = q.S
	}
	t.in.alloc(&cls.Header)
	for _, b := range s.bases {
		t.Incref(b)
	}
	if s.meta != nil && s.meta != TypeClass {
		cls.Meta = s.meta
		t.Incref(s.meta)
	}
	s.ns.items(func(k, v Value) bool {
		if fn, ok := v.(*Function); ok && fn.defClass == nil {
			fn.defClass = cls
		}
		return true
	})
	t.implicitClassMethods(s.ns)
	if err := t.initSubclass(cls, s.kw, s.kwvals); err != nil {
		t.Decref(cls)
		return nil, err
	}
	return cls, nil
}

// typeNew is type.__new__(mcs, name, bases, ns, **kw), and type(name, bases, ns)
// when mcs is type: a new class whose namespace is a copy of ns.
func typeNew(t *Thread, args []Value, kw []string) (Value, error) {
	mcs, err := t.newTarget(TypeClass, args)
	if err != nil {
		return nil, err
	}
	npos := len(args) - len(kw)
	if npos == 2 && len(kw) == 0 && mcs == TypeClass {
		c := args[1].Type()
		t.Incref(c)
		return c, nil
	}
	if npos != 4 {
		return nil, t.newExc(TypeErrorClass, "type() takes 1 or 3 arguments")
	}
	name, ok := args[1].(*Str)
	if !ok {
		return nil, t.newExcf(TypeErrorClass, "type.__new__() argument 1 must be str, not %s", args[1].Type().Name)
	}
	bt, ok := args[2].(*Tuple)
	if !ok {
		return nil, t.newExcf(TypeErrorClass, "type.__new__() argument 2 must be tuple, not %s", args[2].Type().Name)
	}
	src, ok := args[3].(*Dict)
	if !ok {
		return nil, t.newExcf(TypeErrorClass, "type.__new__() argument 3 must be dict, not %s", args[3].Type().Name)
	}
	bases := []*Class{ObjectClass}
	if len(bt.Items) > 0 {
		bases = bases[:0]
		for _, b := range bt.Items {
			c, ok := b.(*Class)
			if !ok {
				// CPython first derives the metaclass from the bases' types.
				return nil, t.newExc(TypeErrorClass, "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases")
			}
			if err := t.checkBase(c); err != nil {
				return nil, err
			}
			bases = append(bases, c)
		}
		if err := t.checkLayouts(bases); err != nil {
			return nil, err
		}
	}
	ns := t.NewDict()
	defer t.Decref(ns)
	src.items(func(k, v Value) bool {
		err = t.dictSet(ns, k, v)
		return err == nil
	})
	if err != nil {
		return nil, err
	}
	m, err := t.metaclassOf(mcs, bases)
	if err != nil {
		return nil, err
	}
	meta, _ := m.(*Class)
	cls, err := t.makeClass(classSpec{meta: meta, name: name.S, bases: bases, ns: ns,
		kw: kw, kwvals: args[npos:]})
	if err != nil {
		return nil, err
	}
	return cls, nil
}

func init() {
	immortal := Header{Ref: 1, flags: flagImmortal | flagStatic}
	TypeClass.New = typeNew
	TypeClass.Methods["__new__"] = &staticMethod{Header: immortal, fn: &Builtin{Header: immortal, Name: "__new__", Fn: typeNew}}
	TypeClass.method("__init__", func(t *Thread, args []Value, kw []string) (Value, error) {
		return None, nil
	})
	TypeClass.method("__call__", func(t *Thread, args []Value, kw []string) (Value, error) {
		cls, ok := args[0].(*Class)
		if !ok {
			return nil, t.newExcf(TypeErrorClass, "descriptor '__call__' requires a 'type' object but received a '%s'", args[0].Type().Name)
		}
		return t.instantiate(cls, args[1:], kw, false)
	})
	TypeClass.method("__repr__", func(t *Thread, args []Value, kw []string) (Value, error) {
		var b strings.Builder
		if err := t.writeBuiltinRepr(&b, args[0], 0); err != nil {
			return nil, err
		}
		return t.NewStr(b.String()), nil
	})
}
