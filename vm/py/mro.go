package py

// This file defines multiple inheritance: a class's bases and its method resolution
// order, computed by C3 linearization as CPython computes it, and what follows it
// (attribute lookup, issubclass, super()).

import "strings"

// MRO returns the method resolution order of c, c first. Builtin classes and
// classes with one base have the chain of their Base. Runs side by side may
// compute a builtin class's at once: they compute the same order, and the
// first stored is kept.
func (c *Class) MRO() []*Class {
	if m := c.mro.Load(); m != nil {
		return *m
	}
	var m []*Class
	if len(c.Bases) > 1 {
		if c3m, err := c3(c, c.Bases); err == "" {
			m = c3m
		}
	}
	if m == nil {
		// One base: the class, then its base's order (which may come from several).
		m = []*Class{c}
		if c.Base != nil {
			m = append(m, c.Base.MRO()...)
		}
	}
	c.mro.CompareAndSwap(nil, &m)
	return *c.mro.Load()
}

// c3 merges the MROs of bases and the list of bases, as CPython's mro_internal
// does. It returns a message naming the bases when no consistent order exists.
func c3(c *Class, bases []*Class) ([]*Class, string) {
	var seqs [][]*Class
	for _, b := range bases {
		seqs = append(seqs, append([]*Class(nil), b.MRO()...))
	}
	seqs = append(seqs, append([]*Class(nil), bases...))
	out := []*Class{c}
	for {
		empty := true
		var next *Class
		for _, s := range seqs {
			if len(s) == 0 {
				continue
			}
			empty = false
			cand := s[0]
			inTail := false
			for _, s2 := range seqs {
				for _, k := range s2[min(1, len(s2)):] {
					if k == cand {
						inTail = true
					}
				}
			}
			if !inTail {
				next = cand
				break
			}
		}
		if empty {
			return out, ""
		}
		if next == nil {
			var names []string
			seen := map[*Class]bool{}
			for _, s := range seqs[:len(seqs)-1] {
				if len(s) > 0 && !seen[s[0]] {
					seen[s[0]] = true
					names = append(names, s[0].Name)
				}
			}
			return nil, "Cannot create a consistent method resolution\norder (MRO) for bases " + strings.Join(names, ", ")
		}
		out = append(out, next)
		for i, s := range seqs {
			if len(s) > 0 && s[0] == next {
				seqs[i] = s[1:]
			}
		}
	}
}

// solidBase returns the base whose instances' layout a class with these bases
// takes: the first base deriving from a builtin type other than object.
func solidBase(bases []*Class) *Class {
	for _, b := range bases {
		for _, k := range b.MRO() {
			if k.builtin && k != ObjectClass {
				return b
			}
		}
	}
	return bases[0]
}

// setBases gives a new class its bases and MRO, or an error as CPython's.
func (t *Thread) setBases(cls *Class, bases []*Class) error {
	for i, b := range bases {
		for _, o := range bases[:i] {
			if o == b {
				return t.newExcf(TypeErrorClass, "duplicate base class %s", b.Name)
			}
		}
	}
	cls.Base = solidBase(bases)
	if len(bases) > 1 {
		cls.Bases = bases
		m, msg := c3(cls, bases)
		if msg != "" {
			return t.newExc(TypeErrorClass, msg)
		}
		cls.mro.Store(&m)
	}
	return nil
}

// basesTuple returns __bases__.
func (t *Thread) basesTuple(c *Class) Value {
	bases := c.Bases
	if bases == nil && c.Base != nil {
		bases = []*Class{c.Base}
	}
	items := make([]Value, len(bases))
	for i, b := range bases {
		t.Incref(b)
		items[i] = b
	}
	return t.newTuple(items)
}

// mroTuple returns __mro__.
func (t *Thread) mroTuple(c *Class) Value {
	m := c.MRO()
	items := make([]Value, len(m))
	for i, b := range m {
		t.Incref(b)
		items[i] = b
	}
	return t.newTuple(items)
}

// superLookup finds name in the MRO of the instance's type after start, as
// super() does.
func superLookup(self Value, start *Class, name string) Value {
	cls := self.Type()
	if c, ok := self.(*Class); ok && c.IsSubclass(start) {
		cls = c
	}
	m := cls.MRO()
	i := 0
	for i < len(m) && m[i] != start {
		i++
	}
	if i == len(m) {
		m, i = start.MRO(), 0
	}
	return lookupIn(m[i+1:], name)
}

// classKeywords separates the metaclass keyword of a class statement (nil when
// there is none) from the others, which go to __init_subclass__.
func (t *Thread) classKeywords(kw []string, vals []Value) ([]string, []Value, Value, error) {
	var names []string
	var out []Value
	var meta Value
	for i, k := range kw {
		if k != "metaclass" {
			names = append(names, k)
			out = append(out, vals[i])
			continue
		}
		meta = vals[i]
	}
	return names, out, meta, nil
}

// prepareNamespace returns the namespace a class body runs in: what the
// metaclass's __prepare__ returns, or a new dict.
func (t *Thread) prepareNamespace(meta Value, name *Str, bases []Value, kw []string, vals []Value) (*Dict, error) {
	m, ok := meta.(*Class)
	if !ok || m == TypeClass {
		return t.NewDict(), nil
	}
	prep := m.userLookup("__prepare__")
	if prep == nil {
		return t.NewDict(), nil
	}
	for _, b := range bases {
		t.Incref(b)
	}
	bt := t.newTuple(append([]Value(nil), bases...))
	defer t.Decref(bt)
	f := t.bind(prep, m)
	defer t.xdecref(f)
	r, err := t.callValue(f, append([]Value{name, bt}, vals...), kw, false)
	if err != nil {
		return nil, err
	}
	d, ok := r.(*Dict)
	if !ok || d.sub != nil {
		t.Decref(r)
		return nil, t.newExcf(TypeErrorClass, "gilscope does not support a __prepare__ that returns a %s yet", r.Type().Name)
	}
	return d, nil
}

// implicitClassMethods makes __init_subclass__ and __class_getitem__ functions in
// a class body classmethods, as type.__new__ does.
func (t *Thread) implicitClassMethods(ns *Dict) {
	if fn, ok := ns.getStr("__new__").(*Function); ok {
		t.Incref(fn)
		sm := &staticMethod{fn: fn}
		t.in.alloc(&sm.Header)
		t.setStr(ns, "__new__", sm)
		t.Decref(sm)
	}
	for _, name := range []string{"__init_subclass__", "__class_getitem__", "__prepare__"} {
		if fn, ok := ns.getStr(name).(*Function); ok {
			t.Incref(fn)
			cm := &classMethod{fn: fn}
			t.in.alloc(&cm.Header)
			t.setStr(ns, name, cm)
			t.Decref(cm)
		}
	}
}

// initSubclass calls the __init_subclass__ of cls's parents with the class
// statement's keyword arguments.
func (t *Thread) initSubclass(cls *Class, kw []string, vals []Value) error {
	a := superLookup(cls, cls, "__init_subclass__")
	if a == nil {
		if len(kw) > 0 {
			return t.newExcf(TypeErrorClass, "%s.__init_subclass__() takes no keyword arguments", cls.Name)
		}
		return nil
	}
	m := t.bind(a, cls)
	if m == nil {
		return nil
	}
	defer t.Decref(m)
	r, err := t.callValue(m, vals, kw, false)
	t.xdecref(r)
	return err
}

// mroEntries replaces each base that is not a class but has __mro_entries__
// (typing.NamedTuple, Generic[T]) with what that method returns, as PEP 560
// says. The result holds new references.
func (t *Thread) mroEntries(bases []Value) ([]Value, error) {
	var out []Value
	var orig Value
	defer func() { t.xdecref(orig) }()
	for _, b := range bases {
		if _, ok := b.(*Class); !ok {
			m, err := t.getAttr(b, "__mro_entries__")
			if err != nil {
				t.decrefAll(out)
				return nil, err
			}
			if m != nil {
				if orig == nil {
					items := make([]Value, len(bases))
					for i, x := range bases {
						t.Incref(x)
						items[i] = x
					}
					orig = t.newTuple(items)
				}
				r, err := t.callValue(m, []Value{orig}, nil, false)
				t.Decref(m)
				if err != nil {
					t.decrefAll(out)
					return nil, err
				}
				tu, ok := r.(*Tuple)
				if !ok {
					t.Decref(r)
					t.decrefAll(out)
					return nil, t.newExc(TypeErrorClass, "__mro_entries__ must return a tuple")
				}
				for _, x := range tu.Items {
					t.Incref(x)
					out = append(out, x)
				}
				t.Decref(r)
				continue
			}
		}
		t.Incref(b)
		out = append(out, b)
	}
	return out, nil
}
