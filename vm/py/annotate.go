package py

// This file defines the runtime side of annotations and star imports:
// SETUP_ANNOTATIONS, IMPORT_STAR, and the dicts a function's, class's or module's
// `__annotations__` attribute gives.

import "github.com/gilscope/gilscope/vm/compile"

// setupAnnotations makes `__annotations__` in the frame's locals dict if absent.
func (t *Thread) setupAnnotations(f *Frame) {
	if f.names.getStr("__annotations__") != nil {
		return
	}
	d := t.NewDict()
	t.setStr(f.names, "__annotations__", d)
	t.Decref(d)
}

// annotationsDict turns MAKE_FUNCTION's tuple of (name, value) pairs into a dict.
// It takes the tuple's reference.
func (t *Thread) annotationsDict(tu *Tuple) (*Dict, error) {
	d := t.NewDict()
	for i := 0; i+1 < len(tu.Items); i += 2 {
		if err := t.dictSet(d, tu.Items[i], tu.Items[i+1]); err != nil {
			t.Decref(d)
			t.Decref(tu)
			return nil, err
		}
	}
	t.Decref(tu)
	return d, nil
}

// ownAnnotations returns d["__annotations__"], storing a new empty dict first if
// absent, as CPython 3.12's getters for classes and modules do. New reference.
func (t *Thread) ownAnnotations(d *Dict) Value {
	a := d.getStr("__annotations__")
	if a == nil {
		nd := t.NewDict()
		t.setStr(d, "__annotations__", nd)
		t.Decref(nd)
		a = nd
	}
	t.Incref(a)
	return a
}

// importStar binds in f's locals dict the public names of module m: those its
// `__all__` lists, else every name not starting with an underscore.
func (t *Thread) importStar(f *Frame, m Value) error {
	mod, ok := m.(*Module)
	if !ok {
		return t.newExc(TypeErrorClass, "gilscope supports `import *` only from modules")
	}
	if all := mod.Dict.getStr("__all__"); all != nil {
		names, err := t.toItems(all)
		if err != nil {
			return err
		}
		defer t.decrefAll(names)
		for _, n := range names {
			s, ok := n.(*Str)
			if !ok {
				return t.newExcf(TypeErrorClass, "Item in %s.__all__ must be str, not %s", mod.Name, n.Type().Name)
			}
			v, err := t.getAttr(mod, s.S)
			if err != nil {
				return err
			}
			if v == nil {
				return t.newExcf(AttributeErrorClass, "module '%s' has no attribute '%s'", mod.Name, s.S)
			}
			t.setStr(f.names, s.S, v)
			t.Decref(v)
		}
		return nil
	}
	var err error
	mod.Dict.items(func(k, v Value) bool {
		s, ok := k.(*Str)
		if !ok || len(s.S) > 0 && s.S[0] == '_' {
			return true
		}
		err = t.dictSet(f.names, k, v)
		return err == nil
	})
	return err
}

// runAnnotationOp executes the opcodes of this file.
func (t *Thread) runAnnotationOp(f *Frame, op compile.Opcode) error {
	switch op {
	case compile.SETUP_ANNOTATIONS:
		t.setupAnnotations(f)
	case compile.IMPORT_STAR:
		m := f.pop()
		err := t.importStar(f, m)
		t.Decref(m)
		return err
	}
	return nil
}

// futureFeatures are __future__'s features with their compiler flags; the compiler
// acts on `annotations` only, the others being the behaviour of Python 3 anyway.
var futureFeatures = []struct {
	name string
	flag int64
}{
	{"nested_scopes", 16}, {"generators", 0}, {"division", 131072},
	{"absolute_import", 262144}, {"with_statement", 524288}, {"print_function", 1048576},
	{"unicode_literals", 2097152}, {"barry_as_FLUFL", 4194304}, {"generator_stop", 8388608},
	{"annotations", 16777216},
}

// futureModule is __future__: each feature is its compiler flag (CPython's are
// _Feature objects holding the releases too).
func (t *Thread) futureModule() *Module {
	a := map[string]Value{}
	names := make([]Value, len(futureFeatures))
	for i, f := range futureFeatures {
		a[f.name] = t.newInt(f.flag)
		names[i] = t.NewStr(f.name)
	}
	a["all_feature_names"] = t.newList(names)
	m := t.NewModule("__future__", a)
	for _, v := range a {
		t.Decref(v)
	}
	return m
}
