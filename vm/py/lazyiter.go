// This file defines the lazy iterators of zip, map, filter and enumerate: each pulls
// one item from its sources per step, as CPython's do, so that they work over
// infinite iterators and generators and stop pulling when they stop.

package py

import "fmt"

// lazyIter is a zip, map, filter or enumerate object.
type lazyIter struct {
	Header
	cls    *Class
	srcs   []Value // the source iterators; nil once exhausted
	fn     Value   // map's function, filter's predicate (None: truth); nil for zip and enumerate
	count  Value   // enumerate's next index
	strict bool    // zip(strict=True)
}

func (it *lazyIter) Type() *Class { return it.cls }

// newLazyIter makes a lazy iterator over iter(x) of each of sources.
func (t *Thread) newLazyIter(cls *Class, fn Value, sources []Value) (*lazyIter, error) {
	srcs := make([]Value, 0, len(sources))
	for _, s := range sources {
		it, err := t.Iter(s)
		if err != nil {
			t.decrefAll(srcs)
			return nil, err
		}
		srcs = append(srcs, it)
	}
	it := &lazyIter{cls: cls, srcs: srcs, fn: fn}
	if fn != nil {
		t.Incref(fn)
	}
	t.in.alloc(&it.Header)
	return it, nil
}

// orPython returns it, or, when one of its sources yields items made by Python code
// and the interpreter has Interp.PythonLazyIter, the library's generator doing the
// same work; it takes over its reference either way.
func (t *Thread) orPython(it *lazyIter) (Value, error) {
	if t.in.PythonLazyIter == nil {
		return it, nil
	}
	python := false
	for _, s := range it.srcs {
		switch s := s.(type) {
		case *Generator:
			python = true
		case *Instance:
			python = python || s.Class.Lookup("__next__") != nil
		}
	}
	if !python {
		return it, nil
	}
	fn, start := it.fn, it.count
	if fn == nil {
		fn = None
	}
	if start == nil {
		start = None
	}
	g, err := t.in.PythonLazyIter(t, it.cls.Name, fn, it.srcs, start, it.strict)
	t.Decref(it)
	return g, err
}

// lazyNext returns the next item (a new reference), or nil when it is exhausted.
func (t *Thread) lazyNext(it *lazyIter) (Value, error) {
	if len(it.srcs) == 0 {
		return nil, nil
	}
	switch it.cls {
	case filterClass:
		for {
			v, err := t.Next(it.srcs[0])
			if v == nil || err != nil {
				return nil, t.lazyEnd(it, err)
			}
			keep, err := t.filterKeeps(it.fn, v)
			if err != nil || keep {
				if err != nil {
					t.Decref(v)
					v = nil
				}
				return v, err
			}
			t.Decref(v)
			if err := t.work(1); err != nil {
				return nil, err
			}
		}
	case enumerateClass:
		v, err := t.Next(it.srcs[0])
		if v == nil || err != nil {
			return nil, t.lazyEnd(it, err)
		}
		i := it.count
		one := t.newInt(1)
		next, err := t.BinaryOp(0, i, one)
		t.Decref(one)
		if err != nil {
			t.Decref(v)
			return nil, err
		}
		it.count = next
		return t.newTuple([]Value{i, v}), nil
	}
	row := make([]Value, 0, len(it.srcs))
	for i, s := range it.srcs {
		v, err := t.Next(s)
		if err == nil && v == nil && it.strict {
			err = t.zipStrictError(it, i)
		}
		if v == nil || err != nil {
			t.decrefAll(row)
			return nil, t.lazyEnd(it, err)
		}
		row = append(row, v)
	}
	if it.cls == zipClass {
		return t.newTuple(row), nil
	}
	defer t.decrefAll(row)
	return t.callValue(it.fn, row, nil, false)
}

// filterKeeps applies filter's predicate to v.
func (t *Thread) filterKeeps(fn, v Value) (bool, error) {
	if fn == None {
		return t.Truth(v)
	}
	r, err := t.callValue(fn, []Value{v}, nil, false)
	if err != nil {
		return false, err
	}
	defer t.Decref(r)
	return t.Truth(r)
}

// zipStrictError checks, when source i of zip(strict=True) is exhausted, that the
// others are too, and words the ValueError as CPython does.
func (t *Thread) zipStrictError(it *lazyIter, i int) error {
	if i > 0 {
		return t.zipLengthError(i, "shorter")
	}
	for j, s := range it.srcs[1:] {
		v, err := t.Next(s)
		if err != nil {
			return err
		}
		if v != nil {
			t.Decref(v)
			return t.zipLengthError(j+1, "longer")
		}
	}
	return nil
}

func (t *Thread) zipLengthError(i int, what string) error {
	plural, args := "", "1"
	if i > 1 {
		plural, args = "s", fmt.Sprintf("1-%d", i)
	}
	return t.newExcf(ValueErrorClass, "zip() argument %d is %s than argument%s %s", i+1, what, plural, args)
}

// lazyEnd releases an exhausted iterator's sources and passes err on.
func (t *Thread) lazyEnd(it *lazyIter, err error) error {
	srcs := it.srcs
	it.srcs = nil
	t.decrefAll(srcs)
	return err
}

// freeLazy drops what a lazy iterator holds.
func (t *Thread) freeLazy(it *lazyIter) {
	t.decrefAll(it.srcs)
	it.srcs = nil
	if it.fn != nil {
		t.Decref(it.fn)
		it.fn = nil
	}
	if it.count != nil {
		t.Decref(it.count)
		it.count = nil
	}
}
