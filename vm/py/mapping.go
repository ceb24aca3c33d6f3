package py

// This file defines how `**m` and {**m} read a mapping that is not a dict: through
// its keys() and __getitem__, as CPython's PyDict_Update does; and iter(callable,
// sentinel).

// mappingToDict copies an object with keys() and __getitem__ (a mapping that is
// not a dict) into a new dict, as `**m` and {**m} read it; nil if v has no keys.
func (t *Thread) mappingToDict(v Value) (*Dict, error) {
	if _, ok := v.(*Instance); !ok {
		return nil, nil
	}
	keysFn, err := t.getAttr(v, "keys")
	if err != nil || keysFn == nil {
		return nil, err
	}
	keys, err := t.callValue(keysFn, nil, nil, false)
	t.Decref(keysFn)
	if err != nil {
		return nil, err
	}
	items, err := t.toItems(keys)
	t.Decref(keys)
	if err != nil {
		return nil, err
	}
	defer t.decrefAll(items)
	d := t.NewDict()
	for _, k := range items {
		x, err := t.GetItem(v, k)
		if err == nil {
			err = t.dictSet(d, k, x)
			t.Decref(x)
		}
		if err != nil {
			t.Decref(d)
			return nil, err
		}
	}
	return d, nil
}

// callableIterator is iter(fn, sentinel): an instance of the Python class of the
// library module _callable_iterator, whose __next__ runs as a frame and so may
// block. An interpreter without that module refuses.
func (t *Thread) callableIterator(fn, sentinel Value) (Value, error) {
	if !isCallable(fn) {
		return nil, t.newExc(TypeErrorClass, "iter(object, sentinel): object must be callable")
	}
	if !t.in.knownModule("_callable_iterator") {
		return nil, t.newExc(TypeErrorClass, "gilscope does not support iter(callable, sentinel) outside the simulated machine")
	}
	m, err := t.importModule("_callable_iterator")
	if err != nil {
		return nil, err
	}
	defer t.Decref(m)
	cls, err := t.getAttr(m, "callable_iterator")
	if err != nil || cls == nil {
		return nil, err
	}
	defer t.Decref(cls)
	return t.callValue(cls, []Value{fn, sentinel}, nil, false)
}

// isCallable is callable(v).
func isCallable(v Value) bool {
	switch v := v.(type) {
	case *Function, *Builtin, *BoundMethod, *Class, *GenericAlias:
		return true
	case *Instance:
		return v.Class.Lookup("__call__") != nil
	}
	return false
}
