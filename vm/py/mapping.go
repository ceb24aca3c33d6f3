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
