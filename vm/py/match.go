// This file defines the instructions of the match statement (PEP 634), as CPython
// 3.12's ceval.c defines them: GET_LEN, MATCH_MAPPING, MATCH_SEQUENCE, MATCH_KEYS and
// MATCH_CLASS.

package py

import "github.com/gilscope/gilscope/vm/compile"

// collectionsMappings and collectionsSequences are the classes of gilscope's
// collections module (written in Python) that CPython's types flag as mappings
// (through collections.abc) and sequences.
var (
	collectionsMappings  = map[string]bool{"_Mapping": true, "ChainMap": true, "UserDict": true}
	collectionsSequences = map[string]bool{"deque": true, "UserList": true}
)

// fromCollections reports whether v's class derives from one of names in the
// collections module.
func fromCollections(v Value, names map[string]bool) bool {
	o, ok := v.(*Instance)
	if !ok {
		return false
	}
	for _, k := range o.Class.MRO() {
		if k.Module == "collections" && names[k.Name] {
			return true
		}
	}
	return false
}

func isMapping(v Value) bool {
	if _, ok := v.(*Dict); ok {
		return true
	}
	return fromCollections(v, collectionsMappings)
}

func isSequence(v Value) bool {
	switch v.(type) {
	case *List, *Tuple, *Range:
		return true
	}
	return fromCollections(v, collectionsSequences)
}

// matchSelf are the builtin types whose instances a one-argument class pattern
// matches whole: int(x) binds the subject.
func matchSelf(c *Class) bool {
	for _, k := range []*Class{BoolClass, BytesClass, DictClass, FloatClass, FrozenSetClass, IntClass,
		ListClass, SetClass, StrClass, TupleClass} {
		if c.IsSubclass(k) {
			return true
		}
	}
	return false
}

func (t *Thread) execMatch(f *Frame, op compile.Opcode, arg uint32) error {
	switch op {
	case compile.GET_LEN:
		n, err := t.Len(f.top())
		if err != nil {
			return err
		}
		f.push(t.newInt(n))
	case compile.MATCH_MAPPING:
		f.push(BoolOf(isMapping(f.top())))
	case compile.MATCH_SEQUENCE:
		f.push(BoolOf(isSequence(f.top())))
	case compile.MATCH_KEYS:
		keys := f.top().(*Tuple)
		vals, err := t.matchKeys(f.stack[f.sp-2], keys)
		if err != nil {
			return err
		}
		if vals == nil {
			f.push(None)
		} else {
			f.push(vals)
		}
	case compile.MATCH_CLASS:
		names := f.pop()
		cls := f.pop()
		subject := f.pop()
		attrs, err := t.matchClass(subject, cls, int(arg), names.(*Tuple))
		t.Decref(names)
		t.Decref(cls)
		t.Decref(subject)
		if err != nil {
			return err
		}
		if attrs == nil {
			f.push(None)
		} else {
			f.push(attrs)
		}
	}
	return nil
}

// matchKeys returns a new tuple of subject[key] for each key, or nil if one is
// missing; a key repeated is an error, as in CPython.
func (t *Thread) matchKeys(subject Value, keys *Tuple) (Value, error) {
	seen := t.NewDict()
	defer t.Decref(seen)
	var get Value
	if _, ok := subject.(*Dict); !ok {
		g, err := t.GetAttr(subject, "get")
		if err != nil {
			return nil, err
		}
		get = g
		defer t.Decref(get)
	}
	dummy := &Instance{Class: ObjectClass}
	t.in.alloc(&dummy.Header)
	defer t.Decref(dummy)
	vals := make([]Value, 0, len(keys.Items))
	fail := func(err error) (Value, error) {
		t.decrefAll(vals)
		return nil, err
	}
	for _, k := range keys.Items {
		dup, err := t.dictGet(seen, k)
		if err != nil {
			return fail(err)
		}
		if dup != nil {
			r, err := t.Repr(k)
			if err != nil {
				return fail(err)
			}
			return fail(t.newExcf(ValueErrorClass, "mapping pattern checks duplicate key (%s)", r))
		}
		if err := t.dictSet(seen, k, None); err != nil {
			return fail(err)
		}
		var v Value
		if d, ok := subject.(*Dict); ok {
			v, err = t.dictGet(d, k)
			if err != nil {
				return fail(err)
			}
			if v != nil {
				t.Incref(v)
			}
		} else {
			v, err = t.Call(get, k, dummy)
			if err != nil {
				return fail(err)
			}
			if v == Value(dummy) {
				t.Decref(v)
				v = nil
			}
		}
		if v == nil {
			t.decrefAll(vals)
			return nil, nil
		}
		vals = append(vals, v)
	}
	return t.newTuple(vals), nil
}

// matchClassAttr returns a new reference to subject's attribute name, or nil
// when it has none.
func (t *Thread) matchClassAttr(subject Value, cls *Class, name *Str, seen map[string]bool) (Value, error) {
	if seen[name.S] {
		return nil, t.newExcf(TypeErrorClass, "%s() got multiple sub-patterns for attribute %s", cls.Name, StrRepr(name.S))
	}
	seen[name.S] = true
	v, err := t.getAttr(subject, name.S)
	if err != nil {
		if e, ok := err.(*Instance); ok && e.Class.IsSubclass(AttributeErrorClass) {
			t.Decref(e)
			return nil, nil
		}
		return nil, err
	}
	return v, nil
}

// matchClass returns a new tuple of subject's attributes named by cls's
// __match_args__ (nargs of them) and by names, or nil when subject is not an
// instance of cls or lacks one of them.
func (t *Thread) matchClass(subject, clsv Value, nargs int, names *Tuple) (Value, error) {
	cls, ok := clsv.(*Class)
	if !ok {
		return nil, t.newExc(TypeErrorClass, "called match pattern must be a class")
	}
	if ok, err := t.isInstanceOf(subject, cls, "isinstance"); err != nil || !ok {
		return nil, err
	}
	seen := map[string]bool{}
	var attrs []Value
	fail := func(err error) (Value, error) {
		t.decrefAll(attrs)
		return nil, err
	}
	if nargs > 0 {
		var matchArgs []Value
		self := false
		ma, err := t.getAttr(cls, "__match_args__")
		switch {
		case err == nil && ma == nil:
			self = matchSelf(cls)
		case err == nil:
			tup, ok := ma.(*Tuple)
			if !ok || tup.Type() != TupleClass {
				t.Decref(ma)
				return nil, t.newExcf(TypeErrorClass, "%s.__match_args__ must be a tuple (got %s)", cls.Name, ma.Type().Name)
			}
			matchArgs = tup.Items
			defer t.Decref(ma)
		default:
			if e, ok := err.(*Instance); !ok || !e.Class.IsSubclass(AttributeErrorClass) {
				return nil, err
			}
			t.Decref(err.(*Instance))
			self = matchSelf(cls)
		}
		allowed := len(matchArgs)
		if self {
			allowed = 1
		}
		if allowed < nargs {
			plural := "s"
			if allowed == 1 {
				plural = ""
			}
			return nil, t.newExcf(TypeErrorClass, "%s() accepts %d positional sub-pattern%s (%d given)", cls.Name, allowed, plural, nargs)
		}
		if self {
			t.Incref(subject)
			attrs = append(attrs, subject)
		} else {
			for _, n := range matchArgs[:nargs] {
				name, ok := n.(*Str)
				if !ok {
					return fail(t.newExcf(TypeErrorClass, "__match_args__ elements must be strings (got %s)", n.Type().Name))
				}
				v, err := t.matchClassAttr(subject, cls, name, seen)
				if err != nil || v == nil {
					return fail(err)
				}
				attrs = append(attrs, v)
			}
		}
	}
	for _, n := range names.Items {
		v, err := t.matchClassAttr(subject, cls, n.(*Str), seen)
		if err != nil || v == nil {
			return fail(err)
		}
		attrs = append(attrs, v)
	}
	return t.newTuple(attrs), nil
}
