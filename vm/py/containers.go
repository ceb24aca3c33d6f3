// This file defines the sequence and mapping objects: str, list, tuple, dict, set and
// the iterator that walks any of them.

package py

import (
	"unicode/utf8"
)

// Str is a Python str. S holds UTF-8; indexing is by code point. For non-ASCII strings
// the code points are decoded once on demand.
type Str struct {
	Header
	S     string
	runes []rune // nil until needed; only for non-ASCII strings
	ascii int8   // 0 unknown, 1 ASCII, -1 not
	hash  uint64
	hashd bool
	sub   *subState // non-nil for an instance of a subclass of str
}

// List is a Python list.
type List struct {
	Header
	Items []Value
	mem   int       // bytes of Items charged to the run (Interp.holdList)
	sub   *subState // non-nil for an instance of a subclass of list
}

// Tuple is a Python tuple.
type Tuple struct {
	Header
	Items []Value
	sub   *subState // non-nil for an instance of a subclass of tuple
}

func (s *Str) Type() *Class {
	if s.sub != nil {
		return s.sub.cls
	}
	return StrClass
}

func (l *List) Type() *Class {
	if l.sub != nil {
		return l.sub.cls
	}
	return ListClass
}

func (tu *Tuple) Type() *Class {
	if tu.sub != nil {
		return tu.sub.cls
	}
	return TupleClass
}

// NewStr returns a new reference to a str.
func (t *Thread) NewStr(s string) *Str {
	x := &Str{S: s}
	t.in.alloc(&x.Header)
	t.in.charge(len(s))
	return x
}

// newList returns a new list that takes ownership of the references in items.
func (t *Thread) newList(items []Value) *List {
	x := &List{Items: items}
	t.in.alloc(&x.Header)
	t.in.holdList(x)
	return x
}

// newTuple returns a new tuple that takes ownership of the references in items.
func (t *Thread) newTuple(items []Value) *Tuple {
	if len(items) == 0 {
		return emptyTuple
	}
	x := &Tuple{Items: items}
	t.in.alloc(&x.Header)
	t.in.charge(len(items) * itemBytes)
	return x
}

var emptyTuple = &Tuple{Header: Header{Ref: 1, ID: 900, flags: flagImmortal | flagStatic}}

func (s *Str) isASCII() bool {
	if s.ascii == 0 {
		s.ascii = 1
		for i := 0; i < len(s.S); i++ {
			if s.S[i] >= utf8.RuneSelf {
				s.ascii = -1
				break
			}
		}
	}
	return s.ascii == 1
}

// Len returns the number of code points.
func (s *Str) Len() int {
	if s.isASCII() {
		return len(s.S)
	}
	return len(s.Runes())
}

// Runes returns the code points of a non-ASCII string.
func (s *Str) Runes() []rune {
	if s.runes == nil {
		s.runes = []rune(s.S)
	}
	return s.runes
}

// substr returns code points [i, j).
func (s *Str) substr(i, j int) string {
	if s.isASCII() {
		return s.S[i:j]
	}
	return string(s.Runes()[i:j])
}

// ---- iterators ----

// iterator walks a list, tuple, str, bytes, range, dict or set by index. Lists are
// walked live (appending while iterating is seen, as in CPython).
type iterator struct {
	Header
	seq   Value
	i     int64
	kind  iterKind
	r     Range
	cls   *Class
	items []Value // snapshot for dicts and sets
}

type iterKind uint8

const (
	iterList iterKind = iota
	iterTuple
	iterStr
	iterBytes
	iterRange
	iterSnapshot // items, already owned
	iterDictItems
)

func (it *iterator) Type() *Class { return it.cls }

// Iterator classes, named as CPython names them.
var (
	listIterClass      = newBuiltinClass("list_iterator", ObjectClass)
	tupleIterClass     = newBuiltinClass("tuple_iterator", ObjectClass)
	strIterClass       = newBuiltinClass("str_ascii_iterator", ObjectClass)
	bytesIterClass     = newBuiltinClass("bytes_iterator", ObjectClass)
	byteArrayIterClass = newBuiltinClass("bytearray_iterator", ObjectClass)
	rangeIterClass     = newBuiltinClass("range_iterator", ObjectClass)
	dictKeyIterCls     = newBuiltinClass("dict_keyiterator", ObjectClass)
	setIterClass       = newBuiltinClass("set_iterator", ObjectClass)
)

// next returns the next item (a new reference) or nil when exhausted.
func (t *Thread) iterNext(it *iterator) Value {
	switch it.kind {
	case iterList:
		l := it.seq.(*List)
		if it.i < int64(len(l.Items)) {
			v := l.Items[it.i]
			it.i++
			t.Incref(v)
			return v
		}
	case iterTuple:
		tu := it.seq.(*Tuple)
		if it.i < int64(len(tu.Items)) {
			v := tu.Items[it.i]
			it.i++
			t.Incref(v)
			return v
		}
	case iterStr:
		s := it.seq.(*Str)
		if it.i < int64(s.Len()) {
			v := s.substr(int(it.i), int(it.i)+1)
			it.i++
			return t.NewStr(v)
		}
	case iterBytes:
		var v int64 = -1
		switch b := it.seq.(type) {
		case *Bytes:
			if it.i < int64(len(b.B)) {
				v = int64(b.B[it.i])
			}
		case *ByteArray: // read live, as CPython's iterator does
			if it.i < int64(len(b.B)) {
				v = int64(b.B[it.i])
			}
		}
		if v >= 0 {
			it.i++
			return t.newInt(v)
		}
	case iterRange:
		r := &it.r
		if (r.Step > 0 && r.Start < r.Stop) || (r.Step < 0 && r.Start > r.Stop) {
			v := r.Start
			r.Start += r.Step
			return t.newInt(v)
		}
	case iterSnapshot:
		if it.i < int64(len(it.items)) {
			v := it.items[it.i]
			it.items[it.i] = nil
			it.i++
			return v
		}
	}
	if it.seq != nil {
		t.Decref(it.seq)
		it.seq = nil
	}
	it.kind = iterSnapshot
	it.items = nil
	it.i = 0
	return nil
}

func (t *Thread) newIterator(seq Value, kind iterKind, cls *Class) *iterator {
	it := &iterator{seq: seq, kind: kind, cls: cls}
	if seq != nil {
		t.Incref(seq)
	}
	t.in.alloc(&it.Header)
	return it
}

// newSnapshotIter returns an iterator over items, taking ownership of them.
func (t *Thread) newSnapshotIter(items []Value, cls *Class) *iterator {
	it := &iterator{kind: iterSnapshot, items: items, cls: cls}
	t.in.alloc(&it.Header)
	return it
}

// The builtin iterators' own __iter__ and __next__, which code that drives an
// iterator by hand reaches (graphlib keeps iter(x).__next__): next(it) and for
// loops do not go through them.
func init() {
	for _, c := range []*Class{listIterClass, tupleIterClass, strIterClass, bytesIterClass,
		byteArrayIterClass, rangeIterClass, dictKeyIterCls, setIterClass, IteratorClass,
		reversedClass, enumerateClass, zipClass, mapClass, filterClass} {
		c.method("__iter__", func(t *Thread, args []Value, kw []string) (Value, error) {
			if err := t.nargs("__iter__", args[1:], kw, 0, 0); err != nil {
				return nil, err
			}
			t.Incref(args[0])
			return args[0], nil
		})
		c.method("__next__", func(t *Thread, args []Value, kw []string) (Value, error) {
			if err := t.nargs("__next__", args[1:], kw, 0, 0); err != nil {
				return nil, err
			}
			v, err := t.Next(args[0])
			if err == nil && v == nil {
				err = t.newExc(StopIterationClass, "")
			}
			return v, err
		})
	}
}
