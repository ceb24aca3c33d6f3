// This file defines bytearray, the mutable bytes, and memoryview over bytes and
// bytearray (indexing, slicing, tobytes, release; no other buffer protocol).

package py

import (
	"strings"
)

// ByteArray is a bytearray. Its storage is charged to the run's memory as it grows.
type ByteArray struct {
	Header
	B   []byte
	mem int
	// exports counts the memoryviews over it that are not released: while there
	// are any, it cannot change size (BufferError), as in CPython.
	exports int
}

// MemoryView is a memoryview of a bytes or bytearray object: the n bytes of
// obj at start, start+step, start+2*step…
type MemoryView struct {
	Header
	obj            Value // *Bytes or *ByteArray; nil once released
	start, n, step int
}

var (
	ByteArrayClass   = newBuiltinClass("bytearray", ObjectClass)
	MemoryViewClass  = newBuiltinClass("memoryview", ObjectClass)
	BufferErrorClass = newExcClass("BufferError", ExceptionClass)
)

func (*ByteArray) Type() *Class  { return ByteArrayClass }
func (*MemoryView) Type() *Class { return MemoryViewClass }

func (t *Thread) newByteArray(b []byte) *ByteArray {
	a := &ByteArray{B: b}
	t.in.alloc(&a.Header)
	t.in.hold(&a.mem, cap(b))
	return a
}

// resize checks that a may change size.
func (t *Thread) resizable(a *ByteArray) error {
	if a.exports > 0 {
		return t.newExc(BufferErrorClass, "Existing exports of data: object cannot be re-sized")
	}
	return nil
}

// setBytes replaces a's contents, charging the new storage.
func (t *Thread) setBytes(a *ByteArray, b []byte) error {
	if len(b) != len(a.B) {
		if err := t.resizable(a); err != nil {
			return err
		}
	}
	if err := t.reserve(int64(len(b) - len(a.B))); len(b) > len(a.B) && err != nil {
		return err
	}
	t.chargeBytes(len(b))
	a.B = b
	t.in.hold(&a.mem, cap(b))
	return nil
}

// byteValue is an int in range(256) stored into a bytearray.
func (t *Thread) byteValue(v Value) (byte, error) {
	n, err := t.indexOf(v, "")
	if err != nil {
		return 0, t.newExcf(TypeErrorClass, "'%s' object cannot be interpreted as an integer", v.Type().Name)
	}
	if n < 0 || n > 255 {
		return 0, t.newExc(ValueErrorClass, "byte must be in range(0, 256)")
	}
	return byte(n), nil
}

// bytesFromValue is what bytearray.extend and slice assignment take: a
// bytes-like object or an iterable of ints.
func (t *Thread) bytesFromValue(v Value) ([]byte, error) {
	if b, ok := bytesOf(v); ok {
		return []byte(b), nil
	}
	if _, ok := v.(*Str); ok {
		return nil, t.newExc(TypeErrorClass, "expected a bytes-like object, str found")
	}
	items, err := t.toItems(v)
	if err != nil {
		return nil, err
	}
	defer t.decrefAll(items)
	out := make([]byte, len(items))
	for i, it := range items {
		if out[i], err = t.byteValue(it); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// toByteArrays turns the bytes in a bytes method's result into bytearrays.
func (t *Thread) toByteArrays(v Value) Value {
	switch o := v.(type) {
	case *Bytes:
		a := t.newByteArray([]byte(o.B))
		t.Decref(o)
		return a
	case *List:
		for i, x := range o.Items {
			o.Items[i] = t.toByteArrays(x)
		}
	case *Tuple:
		for i, x := range o.Items {
			o.Items[i] = t.toByteArrays(x)
		}
	}
	return v
}

func byteArrayNew(t *Thread, args []Value, kw []string) (Value, error) {
	pos, kws, err := t.kwargs("bytearray", args[1:], kw, "source", "encoding", "errors")
	if err != nil {
		return nil, err
	}
	if len(pos) > 0 {
		kws["source"] = pos[0]
	}
	src, ok := kws["source"]
	if !ok {
		if len(kws) > 0 {
			return nil, t.newExc(TypeErrorClass, "encoding or errors without sequence argument")
		}
		return t.newByteArray(nil), nil
	}
	if a, ok := src.(*ByteArray); ok {
		return t.newByteArray(append([]byte(nil), a.B...)), nil
	}
	b, err := bytesNew(t, append([]Value{BytesClass}, args[1:]...), kw)
	if err != nil {
		if e, ok := err.(*Instance); ok && e.Class == TypeErrorClass && strings.HasPrefix(e.Error(), "TypeError: cannot convert") {
			t.Decref(e)
			return nil, t.newExcf(TypeErrorClass, "cannot convert '%s' object to bytearray", src.Type().Name)
		}
		return nil, err
	}
	return t.toByteArrays(b), nil
}

func init() {
	ByteArrayClass.New = byteArrayNew
	BufferErrorClass.New = excNew
	exceptionClasses = append(exceptionClasses, BufferErrorClass)
	self := func(args []Value) *ByteArray { return args[0].(*ByteArray) }
	m := ByteArrayClass.method
	ByteArrayClass.Methods["fromhex"] = builtinClassMethod("fromhex", func(t *Thread, args []Value, kw []string) (Value, error) {
		return BytesClass.Methods["fromhex"].(*classMethod).fn.(*Builtin).Fn(t, args, kw)
	})
	m("append", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("append", args[1:], kw, 1, 1); err != nil {
			return nil, err
		}
		c, err := t.byteValue(args[1])
		if err != nil {
			return nil, err
		}
		a := self(args)
		return None, t.setBytes(a, append(a.B, c))
	})
	m("extend", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("extend", args[1:], kw, 1, 1); err != nil {
			return nil, err
		}
		b, err := t.bytesFromValue(args[1])
		if err != nil {
			if _, isStr := args[1].(*Str); !isStr {
				if e, ok := err.(*Instance); ok && e.Class == TypeErrorClass && strings.Contains(e.Error(), "is not iterable") {
					t.Decref(e)
					return nil, t.newExcf(TypeErrorClass, "can't extend bytearray with %s", args[1].Type().Name)
				}
			}
			return nil, err
		}
		a := self(args)
		return None, t.setBytes(a, append(a.B, b...))
	})
	m("insert", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("insert", args[1:], kw, 2, 2); err != nil {
			return nil, err
		}
		i, err := t.intArg(args[1], "insert")
		if err != nil {
			return nil, err
		}
		c, err := t.byteValue(args[2])
		if err != nil {
			return nil, err
		}
		a := self(args)
		n := int64(len(a.B))
		if i < 0 {
			i = max(i+n, 0)
		}
		i = min(i, n)
		b := append(append(append([]byte(nil), a.B[:i]...), c), a.B[i:]...)
		return None, t.setBytes(a, b)
	})
	m("pop", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("pop", args[1:], kw, 0, 1); err != nil {
			return nil, err
		}
		a := self(args)
		if len(a.B) == 0 {
			return nil, t.newExc(IndexErrorClass, "pop from empty bytearray")
		}
		i := len(a.B) - 1
		if len(args) == 2 {
			n, err := t.intArg(args[1], "pop")
			if err != nil {
				return nil, err
			}
			if n < 0 {
				n += int64(len(a.B))
			}
			if n < 0 || n >= int64(len(a.B)) {
				return nil, t.newExc(IndexErrorClass, "pop index out of range")
			}
			i = int(n)
		}
		c := a.B[i]
		if err := t.setBytes(a, append(append([]byte(nil), a.B[:i]...), a.B[i+1:]...)); err != nil {
			return nil, err
		}
		return t.newInt(int64(c)), nil
	})
	m("remove", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("remove", args[1:], kw, 1, 1); err != nil {
			return nil, err
		}
		c, err := t.byteValue(args[1])
		if err != nil {
			return nil, err
		}
		a := self(args)
		i := strings.IndexByte(string(a.B), c)
		if i < 0 {
			return nil, t.newExc(ValueErrorClass, "value not found in bytearray")
		}
		return None, t.setBytes(a, append(append([]byte(nil), a.B[:i]...), a.B[i+1:]...))
	})
	m("clear", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("clear", args[1:], kw, 0, 0); err != nil {
			return nil, err
		}
		return None, t.setBytes(self(args), nil)
	})
	m("copy", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("copy", args[1:], kw, 0, 0); err != nil {
			return nil, err
		}
		b := self(args).B
		t.chargeBytes(len(b))
		return t.newByteArray(append([]byte(nil), b...)), nil
	})
	m("reverse", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("reverse", args[1:], kw, 0, 0); err != nil {
			return nil, err
		}
		b := self(args).B
		t.chargeBytes(len(b))
		reverseBytes(b)
		return None, nil
	})

	MemoryViewClass.New = func(t *Thread, args []Value, kw []string) (Value, error) {
		pos, kws, err := t.kwargs("memoryview", args[1:], kw, "object")
		if err != nil {
			return nil, err
		}
		if len(pos) > 0 {
			kws["object"] = pos[0]
		}
		obj, ok := kws["object"]
		if !ok {
			return nil, t.newExc(TypeErrorClass, "memoryview() missing required argument 'object' (pos 1)")
		}
		switch o := obj.(type) {
		case *Bytes:
			return t.newMemoryView(o, 0, len(o.B), 1), nil
		case *ByteArray:
			return t.newMemoryView(o, 0, len(o.B), 1), nil
		case *MemoryView:
			if err := t.mvLive(o); err != nil {
				return nil, err
			}
			return t.newMemoryView(o.obj, o.start, o.n, o.step), nil
		}
		return nil, t.newExcf(TypeErrorClass, "memoryview: a bytes-like object is required, not '%s'", obj.Type().Name)
	}
	mv := func(name string, fn func(t *Thread, v *MemoryView, args []Value) (Value, error)) {
		MemoryViewClass.method(name, func(t *Thread, args []Value, kw []string) (Value, error) {
			v := args[0].(*MemoryView)
			if name != "release" && name != "__exit__" && name != "__enter__" {
				if err := t.mvLive(v); err != nil {
					return nil, err
				}
			}
			return fn(t, v, args[1:])
		})
	}
	mv("tobytes", func(t *Thread, v *MemoryView, args []Value) (Value, error) {
		return t.bytesResult(v.bytes())
	})
	mv("tolist", func(t *Thread, v *MemoryView, args []Value) (Value, error) {
		b := v.bytes()
		items := make([]Value, len(b))
		for i := range items {
			items[i] = t.newInt(int64(b[i]))
		}
		t.Cost += int64(len(b)) * t.Costs.CItem
		return t.newList(items), nil
	})
	mv("hex", func(t *Thread, v *MemoryView, args []Value) (Value, error) {
		t.chargeBytes(2 * v.n)
		return t.NewStr(hexBytes(v.bytes(), "", 1)), nil
	})
	mv("release", func(t *Thread, v *MemoryView, args []Value) (Value, error) {
		t.mvRelease(v)
		return None, nil
	})
	mv("__enter__", func(t *Thread, v *MemoryView, args []Value) (Value, error) {
		if err := t.mvLive(v); err != nil {
			return nil, err
		}
		t.Incref(v)
		return v, nil
	})
	mv("__exit__", func(t *Thread, v *MemoryView, args []Value) (Value, error) {
		t.mvRelease(v)
		return None, nil
	})
	mvAttr := func(name string, fn func(t *Thread, v *MemoryView) Value) {
		get := &Builtin{Header: Header{Ref: 1, flags: flagImmortal | flagStatic}, Name: name,
			Fn: func(t *Thread, args []Value, kw []string) (Value, error) {
				v := args[0].(*MemoryView)
				if err := t.mvLive(v); err != nil {
					return nil, err
				}
				return fn(t, v), nil
			}}
		MemoryViewClass.Methods[name] = &property{Header: Header{Ref: 1, flags: flagImmortal | flagStatic}, get: get}
	}
	mvAttr("nbytes", func(t *Thread, v *MemoryView) Value { return t.newInt(int64(v.n)) })
	mvAttr("readonly", func(t *Thread, v *MemoryView) Value { _, ro := v.obj.(*Bytes); return BoolOf(ro) })
	mvAttr("obj", func(t *Thread, v *MemoryView) Value { t.Incref(v.obj); return v.obj })
	mvAttr("itemsize", func(t *Thread, v *MemoryView) Value { return t.newInt(1) })
	mvAttr("ndim", func(t *Thread, v *MemoryView) Value { return t.newInt(1) })
	mvAttr("format", func(t *Thread, v *MemoryView) Value { return t.NewStr("B") })
	mvAttr("shape", func(t *Thread, v *MemoryView) Value { return t.newTuple([]Value{t.newInt(int64(v.n))}) })
}

// byteArrayMethods gives bytearray the methods of bytes (bytesmethods.go's init
// calls it once they exist): each runs on a copy of the contents, and the bytes
// it returns are bytearrays.
func byteArrayMethods() {
	for _, name := range []string{"join", "replace", "upper", "lower", "swapcase", "capitalize", "title",
		"strip", "lstrip", "rstrip", "split", "rsplit", "find", "rfind", "index", "rindex", "count",
		"startswith", "endswith", "partition", "rpartition", "splitlines", "isdigit", "isalpha",
		"isalnum", "isspace", "isascii", "islower", "isupper", "ljust", "rjust", "center", "zfill",
		"removeprefix", "removesuffix", "decode", "hex", "istitle", "expandtabs", "translate"} {
		name := name
		fn := BytesClass.Methods[name].(*Builtin).Fn
		ByteArrayClass.method(name, func(t *Thread, args []Value, kw []string) (Value, error) {
			all := append([]Value{t.newBytes(string(args[0].(*ByteArray).B))}, args[1:]...)
			r, err := fn(t, all, kw)
			t.Decref(all[0])
			if err != nil {
				return nil, err
			}
			if _, ok := r.(*Str); ok {
				return r, nil
			}
			return t.toByteArrays(r), nil
		})
	}
}

func (t *Thread) newMemoryView(obj Value, start, n, step int) *MemoryView {
	v := &MemoryView{obj: obj, start: start, n: n, step: step}
	t.in.alloc(&v.Header)
	t.Incref(obj)
	if a, ok := obj.(*ByteArray); ok {
		a.exports++
	}
	return v
}

func (t *Thread) mvLive(v *MemoryView) error {
	if v.obj == nil {
		return t.newExc(ValueErrorClass, "operation forbidden on released memoryview object")
	}
	return nil
}

func (t *Thread) mvRelease(v *MemoryView) {
	if v.obj == nil {
		return
	}
	if a, ok := v.obj.(*ByteArray); ok {
		a.exports--
	}
	obj := v.obj
	v.obj = nil
	t.Decref(obj)
}

// bytes returns the bytes v sees.
func (v *MemoryView) bytes() string {
	var b string
	switch o := v.obj.(type) {
	case *Bytes:
		b = o.B
	case *ByteArray:
		b = string(o.B)
	}
	if v.step == 1 {
		return b[v.start : v.start+v.n]
	}
	out := make([]byte, v.n)
	for i := range out {
		out[i] = b[v.start+i*v.step]
	}
	return string(out)
}

// memoryViewEqual is x == y when either is a memoryview (ok false otherwise): the
// bytes they see are equal; a released view equals only itself.
func memoryViewEqual(x, y Value) (eq, ok bool) {
	mx, isX := x.(*MemoryView)
	my, isY := y.(*MemoryView)
	if !isX && !isY {
		return false, false
	}
	if isX && mx.obj == nil || isY && my.obj == nil {
		return x == y, true
	}
	a, okA := bytesOf(x)
	b, okB := bytesOf(y)
	return okA && okB && a == b, true
}

// at is the offset in v's object of v's item i.
func (v *MemoryView) at(i int) int { return v.start + i*v.step }

// byteArrayItem is a[key]: an int, or a new bytearray for a slice.
func (t *Thread) byteArrayItem(a *ByteArray, key Value) (Value, error) {
	if s, ok := key.(*Slice); ok {
		start, _, step, cnt, err := t.sliceIndices(s, int64(len(a.B)))
		if err != nil {
			return nil, err
		}
		out := make([]byte, cnt)
		for i := range out {
			out[i] = a.B[start+int64(i)*step]
		}
		t.chargeBytes(len(out))
		return t.newByteArray(out), nil
	}
	i, err := t.seqIndex(key, len(a.B), "bytearray")
	if err != nil {
		return nil, err
	}
	return t.newInt(int64(a.B[i])), nil
}

// setByteArrayItem is a[key] = v.
func (t *Thread) setByteArrayItem(a *ByteArray, key, v Value) error {
	s, ok := key.(*Slice)
	if !ok {
		i, err := t.seqIndex(key, len(a.B), "bytearray")
		if err != nil {
			return err
		}
		c, err := t.byteValue(v)
		if err != nil {
			return err
		}
		a.B[i] = c
		return nil
	}
	if _, isInt := asInt64(v); isInt {
		return t.newExc(TypeErrorClass, "can assign only bytes, buffers, or iterables of ints in range(0, 256)")
	}
	b, err := t.bytesFromValue(v)
	if err != nil {
		return err
	}
	start, stop, step, n, err := t.sliceIndices(s, int64(len(a.B)))
	if err != nil {
		return err
	}
	if step == 1 {
		stop = max(stop, start)
		out := append(append(append([]byte(nil), a.B[:start]...), b...), a.B[stop:]...)
		return t.setBytes(a, out)
	}
	if int64(len(b)) != n {
		return t.newExcf(ValueErrorClass, "attempt to assign bytes of size %d to extended slice of size %d", len(b), n)
	}
	for i := int64(0); i < n; i++ {
		a.B[start+i*step] = b[i]
	}
	return nil
}

// delByteArrayItem is del a[key].
func (t *Thread) delByteArrayItem(a *ByteArray, key Value) error {
	if s, ok := key.(*Slice); ok {
		start, _, step, n, err := t.sliceIndices(s, int64(len(a.B)))
		if err != nil {
			return err
		}
		del := make(map[int64]bool, n)
		for i := int64(0); i < n; i++ {
			del[start+i*step] = true
		}
		out := make([]byte, 0, len(a.B)-int(n))
		for i, c := range a.B {
			if !del[int64(i)] {
				out = append(out, c)
			}
		}
		return t.setBytes(a, out)
	}
	i, err := t.seqIndex(key, len(a.B), "bytearray")
	if err != nil {
		return err
	}
	return t.setBytes(a, append(append([]byte(nil), a.B[:i]...), a.B[i+1:]...))
}

// memoryViewItem is v[key]: an int, or a memoryview of a slice (step 1).
func (t *Thread) memoryViewItem(v *MemoryView, key Value) (Value, error) {
	if err := t.mvLive(v); err != nil {
		return nil, err
	}
	n := v.n
	if s, ok := key.(*Slice); ok {
		start, _, step, cnt, err := t.sliceIndices(s, int64(n))
		if err != nil {
			return nil, err
		}
		return t.newMemoryView(v.obj, v.at(int(start)), int(cnt), v.step*int(step)), nil
	}
	i, err := t.seqIndex(key, n, "")
	if err != nil {
		if e, ok := err.(*Instance); ok && e.Class == IndexErrorClass {
			t.Decref(e)
			return nil, t.newExc(IndexErrorClass, "index out of bounds on dimension 1")
		}
		return nil, err
	}
	var c byte
	switch o := v.obj.(type) {
	case *Bytes:
		c = o.B[v.at(i)]
	case *ByteArray:
		c = o.B[v.at(i)]
	}
	return t.newInt(int64(c)), nil
}

// setMemoryViewItem is v[key] = x over a bytearray.
func (t *Thread) setMemoryViewItem(v *MemoryView, key, x Value) error {
	if err := t.mvLive(v); err != nil {
		return err
	}
	a, ok := v.obj.(*ByteArray)
	if !ok {
		return t.newExc(TypeErrorClass, "cannot modify read-only memory")
	}
	n := v.n
	if s, ok := key.(*Slice); ok {
		start, _, step, cnt, err := t.sliceIndices(s, int64(n))
		if err != nil {
			return err
		}
		b, ok := bytesOf(x)
		if !ok {
			return t.newExcf(TypeErrorClass, "a bytes-like object is required, not '%s'", x.Type().Name)
		}
		if int64(len(b)) != cnt {
			return t.newExc(ValueErrorClass, "memoryview assignment: lvalue and rvalue have different structures")
		}
		for i := 0; i < len(b); i++ {
			a.B[v.at(int(start)+i*int(step))] = b[i]
		}
		return nil
	}
	i, err := t.seqIndex(key, n, "")
	if err != nil {
		if e, ok := err.(*Instance); ok && e.Class == IndexErrorClass {
			t.Decref(e)
			return t.newExc(IndexErrorClass, "index out of bounds on dimension 1")
		}
		return err
	}
	c, ok := asInt64(x)
	if !ok || c < 0 || c > 255 {
		return t.newExc(TypeErrorClass, "memoryview: invalid type for format 'B'")
	}
	a.B[v.at(i)] = byte(c)
	return nil
}

// byteArrayInplace is a += y (op 0) or a *= y (op 5), changing a; nil without
// error when y is not an operand these take.
func (t *Thread) byteArrayInplace(a *ByteArray, op int, y Value) (Value, error) {
	var out []byte
	if op == 0 {
		b, ok := bytesOf(y)
		if !ok {
			return nil, t.newExcf(TypeErrorClass, "can't concat %s to bytearray", y.Type().Name)
		}
		out = append(a.B, b...)
	} else {
		n, ok := asInt64(y)
		if !ok {
			return nil, nil
		}
		n = max(n, 0)
		if len(a.B) > 0 && n > int64(t.in.Config.MaxItems)/int64(len(a.B)) {
			return nil, t.memoryError()
		}
		out = []byte(strings.Repeat(string(a.B), int(n)))
	}
	if err := t.setBytes(a, out); err != nil {
		return nil, err
	}
	t.Incref(a)
	return a, nil
}
