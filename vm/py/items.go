// This file defines item access (x[i], slices), membership, len() and iteration.

package py

import (
	"strings"
)

// indexOf converts an index value to an int.
func (t *Thread) indexOf(v Value, what string) (int64, error) {
	if n, ok := asInt64(v); ok {
		return n, nil
	}
	if i, ok := v.(*Int); ok && i.Big != nil {
		if i.Big.Sign() < 0 {
			return -1 << 62, nil
		}
		return 1 << 62, nil
	}
	if inst, ok := v.(*Instance); ok {
		if m := inst.Class.Lookup("__index__"); m != nil {
			r, err := t.callValue(m, []Value{v}, nil, false)
			if err != nil {
				return 0, err
			}
			defer t.Decref(r)
			return t.indexOf(r, what)
		}
	}
	return 0, t.newExcf(TypeErrorClass, "%s indices must be integers or slices, not %s", what, v.Type().Name)
}

// sliceIndices computes (start, stop, step, length) for a slice of a sequence of
// length n, as PySlice_AdjustIndices does.
func (t *Thread) sliceIndices(s *Slice, n int64) (start, stop, step, length int64, err error) {
	step = 1
	if s.Step != None {
		if step, err = t.sliceArg(s.Step); err != nil {
			return
		}
		if step == 0 {
			err = t.newExc(ValueErrorClass, "slice step cannot be zero")
			return
		}
	}
	lower, upper := int64(0), n
	if step < 0 {
		lower, upper = -1, n-1
	}
	adjust := func(v Value, def int64) (int64, error) {
		if v == None {
			return def, nil
		}
		x, err := t.sliceArg(v)
		if err != nil {
			return 0, err
		}
		if x < 0 {
			x += n
			if x < lower {
				x = lower
			}
		} else if x > upper {
			x = upper
		}
		return x, nil
	}
	if step < 0 {
		start, err = adjust(s.Start, upper)
		if err == nil {
			stop, err = adjust(s.Stop, lower)
		}
		if err == nil && stop < start {
			length = (start-stop-1)/(-step) + 1
		}
	} else {
		start, err = adjust(s.Start, lower)
		if err == nil {
			stop, err = adjust(s.Stop, upper)
		}
		if err == nil && start < stop {
			length = (stop-start-1)/step + 1
		}
	}
	return
}

func (t *Thread) sliceArg(v Value) (int64, error) {
	if n, ok := asInt64(v); ok {
		return n, nil
	}
	if i, ok := v.(*Int); ok && i.Big != nil {
		if i.Big.Sign() < 0 {
			return -1 << 62, nil
		}
		return 1 << 62, nil
	}
	return 0, t.newExc(TypeErrorClass, "slice indices must be integers or None or have an __index__ method")
}

func (t *Thread) sliceItems(items []Value, s *Slice) ([]Value, error) {
	start, _, step, n, err := t.sliceIndices(s, int64(len(items)))
	if err != nil {
		return nil, err
	}
	out := make([]Value, n)
	for i := int64(0); i < n; i++ {
		v := items[start+i*step]
		t.Incref(v)
		out[i] = v
	}
	t.Cost += n * t.Costs.ItemCopy
	return out, nil
}

// GetItem returns x[key].
func (t *Thread) GetItem(x, key Value) (Value, error) {
	if m := userDunder(x, "__getitem__"); m != nil {
		return t.callUser(m, x, key)
	}
	return t.getItem(x, key)
}

// getItem is x[key] by x's builtin type, whatever a subclass overrides.
func (t *Thread) getItem(x, key Value) (Value, error) {
	switch o := x.(type) {
	case *List:
		if s, ok := key.(*Slice); ok {
			items, err := t.sliceItems(o.Items, s)
			if err != nil {
				return nil, err
			}
			return t.newList(items), nil
		}
		i, err := t.seqIndex(key, len(o.Items), "list")
		if err != nil {
			return nil, err
		}
		v := o.Items[i]
		t.Incref(v)
		return v, nil
	case *Tuple:
		if s, ok := key.(*Slice); ok {
			items, err := t.sliceItems(o.Items, s)
			if err != nil {
				return nil, err
			}
			return t.newTuple(items), nil
		}
		i, err := t.seqIndex(key, len(o.Items), "tuple")
		if err != nil {
			return nil, err
		}
		v := o.Items[i]
		t.Incref(v)
		return v, nil
	case *Str:
		n := o.Len()
		if s, ok := key.(*Slice); ok {
			start, _, step, cnt, err := t.sliceIndices(s, int64(n))
			if err != nil {
				return nil, err
			}
			if step == 1 {
				return t.NewStr(o.substr(int(start), int(start+cnt))), nil
			}
			var b strings.Builder
			for i := int64(0); i < cnt; i++ {
				j := int(start + i*step)
				b.WriteString(o.substr(j, j+1))
			}
			return t.NewStr(b.String()), nil
		}
		i, err := t.seqIndex(key, n, "string")
		if err != nil {
			return nil, err
		}
		return t.NewStr(o.substr(i, i+1)), nil
	case *Bytes:
		if s, ok := key.(*Slice); ok {
			start, _, step, cnt, err := t.sliceIndices(s, int64(len(o.B)))
			if err != nil {
				return nil, err
			}
			out := make([]byte, cnt)
			for i := range out {
				out[i] = o.B[start+int64(i)*step]
			}
			return t.newBytes(string(out)), nil
		}
		i, err := t.seqIndex(key, len(o.B), "index")
		if err != nil {
			return nil, err
		}
		return t.newInt(int64(o.B[i])), nil
	case *ByteArray:
		return t.byteArrayItem(o, key)
	case *MemoryView:
		return t.memoryViewItem(o, key)
	case *Range:
		n := rangeLen(o)
		if s, ok := key.(*Slice); ok {
			start, stop, step, _, err := t.sliceIndices(s, n)
			if err != nil {
				return nil, err
			}
			r := &Range{Start: o.Start + start*o.Step, Stop: o.Start + stop*o.Step, Step: o.Step * step}
			t.in.alloc(&r.Header)
			return r, nil
		}
		i, err := t.seqIndex(key, int(n), "range object")
		if err != nil {
			return nil, err
		}
		return t.newInt(o.Start + int64(i)*o.Step), nil
	case *Dict:
		v, err := t.dictGet(o, key)
		if err != nil {
			return nil, err
		}
		if v == nil {
			if o.sub != nil {
				// A dict subclass's __missing__ answers for a missing key.
				if m := o.sub.cls.Lookup("__missing__"); m != nil {
					return t.callValue(t.bind(m, x), []Value{key}, nil, false)
				}
			}
			t.Incref(key)
			return nil, t.newExcValue(KeyErrorClass, key)
		}
		t.Incref(v)
		return v, nil
	case *Instance:
		if m := o.Class.Lookup("__getitem__"); m != nil {
			return t.callValue(m, []Value{x, key}, nil, false)
		}
	case *Class:
		if r, err, ok := t.classGetItem(o, key); ok {
			return r, err
		}
		return nil, t.newExcf(TypeErrorClass, "type '%s' is not subscriptable", o.Name)
	}
	return nil, t.newExcf(TypeErrorClass, "'%s' object is not subscriptable", x.Type().Name)
}

// seqIndex normalises an index into a sequence of length n.
func (t *Thread) seqIndex(key Value, n int, what string) (int, error) {
	i, err := t.indexOf(key, what)
	if err != nil {
		return 0, err
	}
	if i < 0 {
		i += int64(n)
	}
	if i < 0 || i >= int64(n) {
		msg := what + " index out of range"
		if what == "range object" {
			msg = "range object index out of range"
		}
		return 0, t.newExc(IndexErrorClass, msg)
	}
	return int(i), nil
}

// SetItem sets x[key] = v.
func (t *Thread) SetItem(x, key, v Value) error {
	if m := userDunder(x, "__setitem__"); m != nil {
		r, err := t.callUser(m, x, key, v)
		t.xdecref(r)
		return err
	}
	return t.setItem(x, key, v)
}

// setItem is x[key] = v by x's builtin type.
func (t *Thread) setItem(x, key, v Value) error {
	switch o := x.(type) {
	case *List:
		if s, ok := key.(*Slice); ok {
			return t.setListSlice(o, s, v)
		}
		i, err := t.seqIndex(key, len(o.Items), "list assignment")
		if err != nil {
			return err
		}
		t.Incref(v)
		old := o.Items[i]
		o.Items[i] = v
		t.Decref(old)
		return nil
	case *Dict:
		return t.dictSet(o, key, v)
	case *ByteArray:
		return t.setByteArrayItem(o, key, v)
	case *MemoryView:
		return t.setMemoryViewItem(o, key, v)
	case *Instance:
		if m := o.Class.Lookup("__setitem__"); m != nil {
			r, err := t.callValue(m, []Value{x, key, v}, nil, false)
			t.xdecref(r)
			return err
		}
	}
	return t.newExcf(TypeErrorClass, "'%s' object does not support item assignment", x.Type().Name)
}

func (t *Thread) setListSlice(l *List, s *Slice, v Value) error {
	items, err := t.toItems(v)
	if err != nil {
		return err
	}
	start, stop, step, n, err := t.sliceIndices(s, int64(len(l.Items)))
	if err != nil {
		t.decrefAll(items)
		return err
	}
	if step == 1 {
		if stop < start {
			stop = start
		}
		old := append([]Value(nil), l.Items[start:stop]...)
		rest := append([]Value(nil), l.Items[stop:]...)
		l.Items = append(append(l.Items[:start], items...), rest...)
		t.in.holdList(l)
		t.decrefAll(old)
		return nil
	}
	if int64(len(items)) != n {
		t.decrefAll(items)
		return t.newExcf(ValueErrorClass, "attempt to assign sequence of size %d to extended slice of size %d", len(items), n)
	}
	for i := int64(0); i < n; i++ {
		j := start + i*step
		old := l.Items[j]
		l.Items[j] = items[i]
		t.Decref(old)
	}
	return nil
}

// DelItem deletes x[key].
func (t *Thread) DelItem(x, key Value) error {
	if m := userDunder(x, "__delitem__"); m != nil {
		r, err := t.callUser(m, x, key)
		t.xdecref(r)
		return err
	}
	return t.delItem(x, key)
}

// delItem is del x[key] by x's builtin type.
func (t *Thread) delItem(x, key Value) error {
	switch o := x.(type) {
	case *ByteArray:
		return t.delByteArrayItem(o, key)
	case *List:
		if s, ok := key.(*Slice); ok {
			start, _, step, n, err := t.sliceIndices(s, int64(len(o.Items)))
			if err != nil {
				return err
			}
			del := map[int64]bool{}
			for i := int64(0); i < n; i++ {
				del[start+i*step] = true
			}
			var keep, gone []Value
			for i, v := range o.Items {
				if del[int64(i)] {
					gone = append(gone, v)
				} else {
					keep = append(keep, v)
				}
			}
			o.Items = keep
			t.in.holdList(o)
			t.decrefAll(gone)
			return nil
		}
		i, err := t.seqIndex(key, len(o.Items), "list assignment")
		if err != nil {
			return err
		}
		old := o.Items[i]
		o.Items = append(o.Items[:i], o.Items[i+1:]...)
		o.Items[len(o.Items):cap(o.Items)][0:1][0] = nil
		t.Decref(old)
		return nil
	case *Dict:
		found, err := t.dictDel(o, key)
		if err != nil {
			return err
		}
		if !found {
			t.Incref(key)
			return t.newExcValue(KeyErrorClass, key)
		}
		return nil
	case *Instance:
		if m := o.Class.Lookup("__delitem__"); m != nil {
			r, err := t.callValue(m, []Value{x, key}, nil, false)
			t.xdecref(r)
			return err
		}
	}
	return t.newExcf(TypeErrorClass, "'%s' object doesn't support item deletion", x.Type().Name)
}

// Contains reports item in container.
func (t *Thread) Contains(container, item Value) (bool, error) {
	if m := userDunder(container, "__contains__"); m != nil {
		r, err := t.callUser(m, container, item)
		if err != nil {
			return false, err
		}
		defer t.Decref(r)
		return t.Truth(r)
	}
	return t.contains(container, item)
}

// contains is item in container by container's builtin type.
func (t *Thread) contains(container, item Value) (bool, error) {
	switch o := container.(type) {
	case *List:
		return t.seqContains(o.Items, item)
	case *Tuple:
		return t.seqContains(o.Items, item)
	case *dictView:
		if o.kind == "keys" {
			v, err := t.dictGet(o.d, item)
			return v != nil, err
		}
		items := o.items(t)
		defer t.decrefAll(items)
		return t.seqContains(items, item)
	case *Dict:
		v, err := t.dictGet(o, item)
		return v != nil, err
	case *Set:
		return t.setContains(o, item)
	case *Str:
		s, ok := item.(*Str)
		if !ok {
			return false, t.newExcf(TypeErrorClass, "'in <string>' requires string as left operand, not %s", item.Type().Name)
		}
		return strings.Contains(o.S, s.S), nil
	case *Bytes, *ByteArray, *MemoryView:
		hay, _ := bytesOf(o)
		if _, isInt := asInt64(item); isInt || bytesLike(item) {
			sub, err := t.bytesNeedle(item)
			if err != nil {
				return false, err
			}
			t.chargeBytes(len(hay))
			return strings.Contains(hay, sub), nil
		}
		if _, isMV := o.(*MemoryView); !isMV {
			return false, t.newExcf(TypeErrorClass, "a bytes-like object is required, not '%s'", item.Type().Name)
		}
	case *Range:
		if n, ok := asInt64(item); ok {
			if o.Step > 0 && (n < o.Start || n >= o.Stop) || o.Step < 0 && (n > o.Start || n <= o.Stop) {
				return false, nil
			}
			return (n-o.Start)%o.Step == 0, nil
		}
	case *Instance:
		if m := o.Class.Lookup("__contains__"); m != nil {
			r, err := t.callValue(m, []Value{container, item}, nil, false)
			if err != nil {
				return false, err
			}
			defer t.Decref(r)
			return t.Truth(r)
		}
	}
	return t.containsByIter(container, item)
}

// containsByIter is `in` by iterating the container.
func (t *Thread) containsByIter(container, item Value) (bool, error) {
	it, err := t.Iter(container)
	if err != nil {
		return false, t.newExcf(TypeErrorClass, "argument of type '%s' is not iterable", container.Type().Name)
	}
	defer t.Decref(it)
	for {
		v, err := t.Next(it)
		if err != nil || v == nil {
			return false, err
		}
		if v == item {
			t.Decref(v)
			return true, nil
		}
		eq, err := t.Equal(v, item)
		t.Decref(v)
		if err != nil || eq {
			return eq, err
		}
	}
}

func (t *Thread) seqContains(items []Value, item Value) (bool, error) {
	for _, v := range items {
		if err := t.work(1); err != nil {
			return false, err
		}
		if v == item {
			return true, nil
		}
		eq, err := t.Equal(v, item)
		if err != nil || eq {
			return eq, err
		}
	}
	return false, nil
}

func rangeLen(r *Range) int64 {
	if r.Step > 0 && r.Start < r.Stop {
		return (r.Stop-r.Start-1)/r.Step + 1
	}
	if r.Step < 0 && r.Start > r.Stop {
		return (r.Start-r.Stop-1)/(-r.Step) + 1
	}
	return 0
}

// Len returns len(v).
func (t *Thread) Len(v Value) (int64, error) {
	if m := userDunder(v, "__len__"); m != nil {
		return t.lenResult(t.callUser(m, v))
	}
	return t.builtinLen(v)
}

// lenResult checks what a __len__ method returned.
func (t *Thread) lenResult(r Value, err error) (int64, error) {
	if err != nil {
		return 0, err
	}
	defer t.Decref(r)
	n, ok := asInt64(r)
	if !ok {
		return 0, t.newExcf(TypeErrorClass, "'%s' object cannot be interpreted as an integer", r.Type().Name)
	}
	if n < 0 {
		return 0, t.newExc(ValueErrorClass, "__len__() should return >= 0")
	}
	return n, nil
}

// builtinLen is len(v) by v's builtin type.
func (t *Thread) builtinLen(v Value) (int64, error) {
	switch o := v.(type) {
	case *Str:
		return int64(o.Len()), nil
	case *Bytes:
		return int64(len(o.B)), nil
	case *ByteArray:
		return int64(len(o.B)), nil
	case *MemoryView:
		if err := t.mvLive(o); err != nil {
			return 0, err
		}
		return int64(o.n), nil
	case *List:
		return int64(len(o.Items)), nil
	case *Tuple:
		return int64(len(o.Items)), nil
	case *Dict:
		return int64(o.used), nil
	case *Set:
		return int64(o.used), nil
	case *Range:
		return rangeLen(o), nil
	case *dictView:
		return int64(o.d.Len()), nil
	case *Instance:
		if m := o.Class.Lookup("__len__"); m != nil {
			return t.lenResult(t.callValue(m, []Value{v}, nil, false))
		}
	}
	return 0, t.newExcf(TypeErrorClass, "object of type '%s' has no len()", v.Type().Name)
}

// Iter returns iter(v).
func (t *Thread) Iter(v Value) (Value, error) {
	if m := userDunder(v, "__iter__"); m != nil {
		return t.callUser(m, v)
	}
	return t.builtinIter(v)
}

// builtinIter is iter(v) by v's builtin type.
func (t *Thread) builtinIter(v Value) (Value, error) {
	switch o := v.(type) {
	case *List:
		return t.newIterator(o, iterList, listIterClass), nil
	case *Tuple:
		return t.newIterator(o, iterTuple, tupleIterClass), nil
	case *Str:
		return t.newIterator(o, iterStr, strIterClass), nil
	case *Bytes:
		return t.newIterator(o, iterBytes, bytesIterClass), nil
	case *ByteArray:
		return t.newIterator(o, iterBytes, byteArrayIterClass), nil
	case *MemoryView:
		if err := t.mvLive(o); err != nil {
			return nil, err
		}
		b := t.newBytes(o.bytes())
		it := t.newIterator(b, iterBytes, bytesIterClass)
		t.Decref(b)
		return it, nil
	case *Range:
		it := t.newIterator(nil, iterRange, rangeIterClass)
		it.r = Range{Start: o.Start, Stop: o.Stop, Step: o.Step}
		return it, nil
	case *Dict:
		keys := o.Keys()
		for _, k := range keys {
			t.Incref(k)
		}
		return t.newSnapshotIter(keys, dictKeyIterCls), nil
	case *Set:
		keys := o.setItems()
		for _, k := range keys {
			t.Incref(k)
		}
		return t.newSnapshotIter(keys, setIterClass), nil
	case *dictView:
		return t.newSnapshotIter(o.items(t), dictKeyIterCls), nil
	case *iterator:
		t.Incref(o)
		return o, nil
	case *lazyIter:
		t.Incref(o)
		return o, nil
	case *Instance:
		if m := o.Class.Lookup("__iter__"); m != nil {
			return t.callValue(m, []Value{v}, nil, false)
		}
		if m := o.Class.Lookup("__getitem__"); m != nil {
			// The old sequence protocol: items 0, 1, … until IndexError.
			var items []Value
			for i := int64(0); ; i++ {
				k := t.newInt(i)
				r, err := t.callValue(m, []Value{v, k}, nil, false)
				t.Decref(k)
				if err != nil {
					if e, ok := err.(*Instance); ok && (e.Class.IsSubclass(IndexErrorClass) || e.Class.IsSubclass(StopIterationClass)) {
						t.Decref(e)
						break
					}
					t.decrefAll(items)
					return nil, err
				}
				items = append(items, r)
			}
			return t.newSnapshotIter(items, IteratorClass), nil
		}
	}
	if v.Type().Lookup("__next__") != nil {
		t.Incref(v)
		return v, nil
	}
	return nil, t.newExcf(TypeErrorClass, "'%s' object is not iterable", v.Type().Name)
}

// isIterator reports whether next() accepts v.
func isIterator(v Value) bool {
	switch v.(type) {
	case *iterator, *lazyIter:
		return true
	}
	return v.Type().Lookup("__next__") != nil
}

// Next returns the next item of iterator it (a new reference), or nil when it is
// exhausted.
func (t *Thread) Next(it Value) (Value, error) {
	if o, ok := it.(*iterator); ok {
		return t.iterNext(o), nil
	}
	// Anything else may run Python code: a builtin consuming an endless generator
	// must still look at the run's interrupt.
	if err := t.work(1); err != nil {
		return nil, err
	}
	switch o := it.(type) {
	case *lazyIter:
		return t.lazyNext(o)
	case *Generator:
		r, done, err := t.genSendSync(o, None)
		if done {
			t.Decref(r)
			return nil, nil
		}
		return r, err
	case *Instance:
		if m := o.Class.Lookup("__next__"); m != nil {
			r, err := t.callValue(m, []Value{it}, nil, false)
			if err != nil {
				if e, ok := err.(*Instance); ok && e.Class.IsSubclass(StopIterationClass) {
					t.Decref(e)
					return nil, nil
				}
				return nil, err
			}
			return r, nil
		}
	}
	if m := it.Type().Lookup("__next__"); m != nil {
		r, err := t.callValue(m, []Value{it}, nil, false)
		if err != nil {
			if e, ok := err.(*Instance); ok && e.Class.IsSubclass(StopIterationClass) {
				t.Decref(e)
				return nil, nil
			}
		}
		return r, err
	}
	return nil, t.newExcf(TypeErrorClass, "'%s' object is not an iterator", it.Type().Name)
}

// toItems collects the items of an iterable as new references.
func (t *Thread) toItems(v Value) ([]Value, error) {
	if userDunder(v, "__iter__") != nil {
		return t.iterItems(v)
	}
	switch o := v.(type) {
	case *List:
		return t.copyItems(o.Items), nil
	case *Tuple:
		return t.copyItems(o.Items), nil
	}
	return t.iterItems(v)
}

// copyItems returns a new reference to each of items, in a new slice, priced per item.
func (t *Thread) copyItems(items []Value) []Value {
	out := append([]Value(nil), items...)
	for _, x := range out {
		t.Incref(x)
	}
	t.Cost += int64(len(out)) * t.Costs.ItemCopy
	return out
}

// iterItems collects the items of iter(v).
func (t *Thread) iterItems(v Value) ([]Value, error) {
	it, err := t.Iter(v)
	if err != nil {
		return nil, err
	}
	defer t.Decref(it)
	var out []Value
	for {
		x, err := t.Next(it)
		if err != nil {
			t.decrefAll(out)
			return nil, err
		}
		if x == nil {
			return out, nil
		}
		if len(out) >= t.in.Config.MaxItems {
			t.Decref(x)
			t.decrefAll(out)
			return nil, t.memoryError()
		}
		if len(out)%workQuantum == workQuantum-1 {
			// list(range(10**7)) makes ten million ints in one call: look at the
			// run's memory (they are live objects already) and interrupt as it goes.
			err := t.reserve(int64(cap(out)) * itemBytes)
			if err == nil {
				err = t.interrupted()
			}
			if err != nil {
				t.Decref(x)
				t.decrefAll(out)
				return nil, err
			}
		}
		out = append(out, x)
		t.Cost += t.Costs.CItem
	}
}

func (t *Thread) listExtend(l *List, v Value) error {
	items, err := t.toItems(v)
	if err != nil {
		return err
	}
	if len(l.Items)+len(items) > t.in.Config.MaxItems {
		t.decrefAll(items)
		return t.memoryError()
	}
	l.Items = append(l.Items, items...)
	t.in.holdList(l)
	return nil
}

func (t *Thread) newBytes(s string) *Bytes {
	b := &Bytes{B: s}
	t.in.alloc(&b.Header)
	t.in.charge(len(s))
	return b
}
