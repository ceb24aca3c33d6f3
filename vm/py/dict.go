// This file defines dict and set. Both are open-addressing hash tables probed the way
// CPython probes them (perturbed linear probing), so iteration order matches CPython:
// insertion order for dicts, table order for sets (which for small ints is what
// CPython prints).

package py

// Dict is a Python dict: a compact table of entries in insertion order plus an index.
type Dict struct {
	Header
	keys    []Value // nil key: deleted entry
	vals    []Value
	hashes  []int64
	index   []int32 // -1 empty, -2 dummy, else entry number
	used    int
	version uint64
	mem     int       // bytes charged to the run (Interp.holdDict)
	sub     *subState // non-nil for an instance of a subclass of dict
}

// Set is a Python set or frozenset.
type Set struct {
	Header
	table  []setSlot
	used   int
	fill   int
	frozen bool
	mem    int       // bytes charged to the run (Interp.holdSet)
	sub    *subState // non-nil for an instance of a subclass of set or frozenset
}

type setSlot struct {
	key  Value // nil: empty; setDummy: deleted
	hash int64
}

func (d *Dict) Type() *Class {
	if d.sub != nil {
		return d.sub.cls
	}
	return DictClass
}

// Type returns set or frozenset, or the subclass of either.
func (s *Set) Type() *Class {
	if s.sub != nil {
		return s.sub.cls
	}
	if s.frozen {
		return FrozenSetClass
	}
	return SetClass
}

var setDummy Value = &NoneType{Header{flags: flagImmortal | flagStatic}}

// NewDict returns a new empty dict.
func (t *Thread) NewDict() *Dict {
	d := &Dict{}
	t.in.alloc(&d.Header)
	return d
}

func (t *Thread) newSet(frozen bool) *Set {
	s := &Set{frozen: frozen}
	t.in.alloc(&s.Header)
	return s
}

// copySetOf returns a new plain set, or frozenset if o is one, holding o's items.
func (t *Thread) copySetOf(o *Set) *Set {
	s := t.newSet(o.frozen)
	for _, x := range o.setItems() {
		t.setAdd(s, x) //nolint:errcheck // the items were hashed already
	}
	return s
}

// Len returns the number of items.
func (d *Dict) Len() int { return d.used }

const perturbShift = 5

// lookup returns the entry index of key, or -1, and the index slot where it is or
// would go.
func (t *Thread) dictLookup(d *Dict, key Value, hash int64) (entry int, slot int, err error) {
	if len(d.index) == 0 {
		return -1, -1, nil
	}
	mask := uint64(len(d.index) - 1)
	perturb := uint64(hash)
	i := uint64(hash) & mask
	freeSlot := -1
	for {
		ix := d.index[i]
		if ix == -1 {
			if freeSlot >= 0 {
				return -1, freeSlot, nil
			}
			return -1, int(i), nil
		}
		if ix == -2 {
			if freeSlot < 0 {
				freeSlot = int(i)
			}
		} else if d.hashes[ix] == hash {
			k := d.keys[ix]
			if k == key {
				return int(ix), int(i), nil
			}
			eq, err := t.keyEqual(k, key)
			if err != nil {
				return -1, -1, err
			}
			if eq {
				return int(ix), int(i), nil
			}
		}
		perturb >>= perturbShift
		i = (i*5 + perturb + 1) & mask
	}
}

func (d *Dict) rebuildIndex(size int) {
	d.index = make([]int32, size)
	for i := range d.index {
		d.index[i] = -1
	}
	// Compact the entries.
	j := 0
	for i, k := range d.keys {
		if k != nil {
			d.keys[j], d.vals[j], d.hashes[j] = k, d.vals[i], d.hashes[i]
			j++
		}
	}
	for i := j; i < len(d.keys); i++ {
		d.keys[i], d.vals[i] = nil, nil
	}
	d.keys, d.vals, d.hashes = d.keys[:j], d.vals[:j], d.hashes[:j]
	mask := uint64(size - 1)
	for e, h := range d.hashes {
		perturb := uint64(h)
		i := uint64(h) & mask
		for d.index[i] != -1 {
			perturb >>= perturbShift
			i = (i*5 + perturb + 1) & mask
		}
		d.index[i] = int32(e)
	}
}

// dictSet stores d[key] = val, taking new references to both.
func (t *Thread) dictSet(d *Dict, key, val Value) error {
	t.Cost += t.Costs.DictOp + t.Costs.DictStore
	hash, err := t.Hash(key)
	if err != nil {
		return err
	}
	return t.dictSetHash(d, key, val, hash)
}

func (t *Thread) dictSetHash(d *Dict, key, val Value, hash int64) error {
	e, _, err := t.dictLookup(d, key, hash)
	if err != nil {
		return err
	}
	t.Incref(val)
	if e >= 0 {
		old := d.vals[e]
		d.vals[e] = val
		t.Decref(old)
		return nil
	}
	if d.used >= t.in.Config.MaxItems {
		t.Decref(val)
		return t.memoryError()
	}
	if len(d.keys)*3 >= len(d.index)*2 {
		size := 8
		for size*2 <= (d.used+1)*3 {
			size *= 2
		}
		d.rebuildIndex(size)
	}
	_, slot, _ := t.dictLookup(d, key, hash)
	t.Incref(key)
	d.index[slot] = int32(len(d.keys))
	d.keys = append(d.keys, key)
	d.vals = append(d.vals, val)
	d.hashes = append(d.hashes, hash)
	d.used++
	d.version++
	t.in.holdDict(d)
	return nil
}

// dictGet returns a borrowed reference to d[key], or nil.
func (t *Thread) dictGet(d *Dict, key Value) (Value, error) {
	t.Cost += t.Costs.DictOp
	hash, err := t.Hash(key)
	if err != nil {
		return nil, err
	}
	e, _, err := t.dictLookup(d, key, hash)
	if err != nil || e < 0 {
		return nil, err
	}
	return d.vals[e], nil
}

// getStr is dictGet for a str key that cannot fail (str hashing and equality never
// call Python code). The result is borrowed.
func (d *Dict) getStr(name string) Value {
	if d.used == 0 {
		return nil
	}
	hash := strHash(name)
	mask := uint64(len(d.index) - 1)
	perturb := uint64(hash)
	i := uint64(hash) & mask
	for {
		ix := d.index[i]
		if ix == -1 {
			return nil
		}
		if ix >= 0 && d.hashes[ix] == hash {
			if s, ok := d.keys[ix].(*Str); ok && s.S == name {
				return d.vals[ix]
			}
		}
		perturb >>= perturbShift
		i = (i*5 + perturb + 1) & mask
	}
}

// dictDel deletes d[key]; found reports whether it was there.
func (t *Thread) dictDel(d *Dict, key Value) (found bool, err error) {
	v, err := t.dictPop(d, key)
	if v != nil {
		t.Decref(v)
	}
	return v != nil, err
}

// dictPop removes key and returns its value (a new reference), or nil.
func (t *Thread) dictPop(d *Dict, key Value) (Value, error) {
	hash, err := t.Hash(key)
	if err != nil {
		return nil, err
	}
	e, slot, err := t.dictLookup(d, key, hash)
	if err != nil || e < 0 {
		return nil, err
	}
	k, v := d.keys[e], d.vals[e]
	d.keys[e], d.vals[e] = nil, nil
	d.index[slot] = -2
	d.used--
	d.version++
	t.Decref(k)
	if d.used == 0 {
		d.keys, d.vals, d.hashes, d.index = nil, nil, nil, nil
	}
	return v, nil
}

// dictItems calls fn for each live entry in order, with borrowed references.
func (d *Dict) items(fn func(k, v Value) bool) {
	for i, k := range d.keys {
		if k != nil {
			if !fn(k, d.vals[i]) {
				return
			}
		}
	}
}

// Keys returns the keys in order (borrowed).
func (d *Dict) Keys() []Value {
	out := make([]Value, 0, d.used)
	d.items(func(k, _ Value) bool { out = append(out, k); return true })
	return out
}

func (t *Thread) clearDict(d *Dict) {
	keys, vals := d.keys, d.vals
	d.keys, d.vals, d.hashes, d.index, d.used = nil, nil, nil, nil, 0
	t.in.holdDict(d)
	d.version++
	for i, k := range keys {
		if k != nil {
			t.decrefItem(k)
			t.decrefItem(vals[i])
		}
	}
}

// setStr stores d[name] = val for a str key.
//
// It charges no dict operation: a store of an attribute or a global is priced
// by its instruction's class, as its load is (getStr), since CPython 3.11+
// keeps most instances' attributes out of a dict.
func (t *Thread) setStr(d *Dict, name string, val Value) {
	k := t.intern(name)
	if err := t.dictSetHash(d, k, val, strHash(name)); err != nil {
		panic(err) // str keys cannot fail except by exhausting memory
	}
	t.Decref(k)
}

// ---- sets ----

func (t *Thread) setLookup(s *Set, key Value, hash int64) (slot int, found bool, err error) {
	if len(s.table) == 0 {
		return -1, false, nil
	}
	mask := uint64(len(s.table) - 1)
	perturb := uint64(hash)
	i := uint64(hash) & mask
	freeSlot := -1
	for {
		// CPython probes the 9 following slots too when they fit before the end.
		n := uint64(0)
		if i+9 <= mask {
			n = 9
		}
		for j := uint64(0); j <= n; j++ {
			e := &s.table[i+j]
			if e.key == nil {
				if freeSlot >= 0 {
					return freeSlot, false, nil
				}
				return int(i + j), false, nil
			}
			if e.key == setDummy {
				if freeSlot < 0 {
					freeSlot = int(i + j)
				}
				continue
			}
			if e.hash == hash {
				if e.key == key {
					return int(i + j), true, nil
				}
				eq, err := t.keyEqual(e.key, key)
				if err != nil {
					return -1, false, err
				}
				if eq {
					return int(i + j), true, nil
				}
			}
		}
		perturb >>= perturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

func (t *Thread) setResize(s *Set, minused int) {
	size := 8
	for size <= minused {
		size <<= 1
	}
	old := s.table
	s.table = make([]setSlot, size)
	t.in.holdSet(s)
	s.fill, s.used = 0, 0
	for _, e := range old {
		if e.key != nil && e.key != setDummy {
			slot, _, _ := t.setLookup(s, e.key, e.hash)
			s.table[slot] = e
			s.fill++
			s.used++
		}
	}
}

// setAdd adds key to s, taking a new reference if it was absent.
func (t *Thread) setAdd(s *Set, key Value) error {
	hash, err := t.Hash(key)
	if err != nil {
		return err
	}
	return t.setAddHash(s, key, hash)
}

func (t *Thread) setAddHash(s *Set, key Value, hash int64) error {
	if len(s.table) == 0 {
		s.table = make([]setSlot, 8)
		t.in.holdSet(s)
	}
	slot, found, err := t.setLookup(s, key, hash)
	if err != nil || found {
		return err
	}
	if s.used >= t.in.Config.MaxItems {
		return t.memoryError()
	}
	t.Incref(key)
	if s.table[slot].key == nil {
		s.fill++
	}
	s.table[slot] = setSlot{key: key, hash: hash}
	s.used++
	mask := len(s.table) - 1
	if s.fill*5 >= mask*3 {
		if s.used > 50000 {
			t.setResize(s, s.used*2)
		} else {
			t.setResize(s, s.used*4)
		}
	}
	return nil
}

func (t *Thread) setContains(s *Set, key Value) (bool, error) {
	hash, err := t.Hash(key)
	if err != nil {
		return false, err
	}
	_, found, err := t.setLookup(s, key, hash)
	return found, err
}

// setDiscard removes key; found reports whether it was there.
func (t *Thread) setDiscard(s *Set, key Value) (bool, error) {
	hash, err := t.Hash(key)
	if err != nil {
		return false, err
	}
	slot, found, err := t.setLookup(s, key, hash)
	if err != nil || !found {
		return false, err
	}
	k := s.table[slot].key
	s.table[slot] = setSlot{key: setDummy}
	s.used--
	t.Decref(k)
	return true, nil
}

// setItems returns the members in table order (borrowed).
func (s *Set) setItems() []Value {
	out := make([]Value, 0, s.used)
	for _, e := range s.table {
		if e.key != nil && e.key != setDummy {
			out = append(out, e.key)
		}
	}
	return out
}

func (t *Thread) clearSet(s *Set) {
	table := s.table
	s.table, s.used, s.fill = nil, 0, 0
	t.in.holdSet(s)
	for _, e := range table {
		if e.key != nil && e.key != setDummy {
			t.decrefItem(e.key)
		}
	}
}
