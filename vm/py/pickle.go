// This file defines how values cross from one interpreter to another, as between
// processes: Pickle turns a value into a tree that belongs to no interpreter, the way
// pickle.dumps makes bytes, and Unpickle rebuilds it in another. Functions and classes
// travel by reference (module and qualified name), as pickle sends them; with ByValue
// (a fork) they are copied, because the child gets a copy of the parent's memory.

package py

import (
	"fmt"
	"math"
	"math/big"
	"strings"

	"github.com/gilscope/gilscope/vm/compile"
)

type pkind uint8

const (
	pNone pkind = iota
	pBool
	pInt
	pFloat
	pStr
	pBytes
	pTuple
	pList
	pDict
	pSet
	pFrozenSet
	pRef      // a value already sent: Memo
	pGlobal   // a function, class or builtin by reference: Module, Name
	pModule   // a module: Name
	pFunction // by value (fork)
	pClass    // by value (fork)
	pInstance
	pExc
	pCell
	pRange
	pExt // an object of the simulator's own (locks, queues)
	pMainDict
	pMethod  // a bound method: its object and function
	pStream  // sys.stdout or sys.stderr, copied by a fork: I is 1 for stderr
	pAttr    // a builtin's bound method, as pickle reduces it: getattr(its object, S)
	pComplex // F and the bits of the imaginary part in I
	pSub     // an instance of a subclass of a builtin type: its class, value and __dict__
	pWeak    // a weak reference copied by a fork: as pInstance, then its target and callback
	pByteArray
)

// Pickled is a value outside any interpreter.
type Pickled struct {
	kind   pkind
	i      int64
	big    *big.Int
	f      float64
	s      string
	module string
	items  []*Pickled
	memo   int
	code   *compile.Funcode
	ext    any
	// Size is the size of the pickle in bytes; Structured is the part made of many
	// small objects (numbers, containers), which pickle turns over more slowly than
	// the raw bytes of str and bytes payloads.
	Size, Structured int64
}

// ExtCodec lets the simulator carry its own objects across (a queue's two ends stay
// one queue): Pack returns what to carry, Unpack makes the object in the receiving
// interpreter.
type ExtCodec interface {
	// Pack packs v, or reports that it cannot be pickled; fork says the receiver is
	// a fork's child, which gets a copy of v as it is (a lock in its state).
	Pack(v Value, fork bool) (any, bool)
	Unpack(t *Thread, x any) (Value, error)
}

type pickler struct {
	t       *Thread
	byValue bool
	memo    map[Value]int
	n       int
	nodes   int // values pickled so far, bounded by maxPickleNodes
	root    *Pickled
}

// maxPickleNodes bounds the values one pickle holds (each is a node of the tree, ~100
// bytes): a message between processes is a copy, and a huge one would copy the heap.
const maxPickleNodes = 1 << 21

// Pickle turns v into a Pickled tree. With byValue, functions and classes of __main__
// are copied rather than named.
func (t *Thread) Pickle(v Value, byValue bool) (*Pickled, error) {
	p := &pickler{t: t, byValue: byValue, memo: map[Value]int{}}
	p.root = &Pickled{}
	out, err := p.value(v)
	if err != nil {
		return nil, err
	}
	out.Size, out.Structured = p.root.Size, p.root.Structured
	return out, nil
}

func (p *pickler) add(size int64, structured bool) {
	p.root.Size += size
	if structured {
		p.root.Structured += size
	}
}

func (p *pickler) value(v Value) (*Pickled, error) {
	t := p.t
	if p.nodes++; p.nodes > maxPickleNodes {
		return nil, &LimitError{Class: MemoryErrorClass, Msg: fmt.Sprintf("gilscope limits a pickled object to %d values", maxPickleNodes)}
	}
	if err := t.work(1); err != nil {
		return nil, err
	}
	if err := t.enterNested(inPickling); err != nil {
		return nil, err
	}
	defer t.leaveNested()
	if sub := subOf(v); sub != nil {
		return p.sub(v, sub)
	}
	switch x := v.(type) {
	case *NoneType:
		p.add(1, true)
		return &Pickled{kind: pNone}, nil
	case *Bool:
		p.add(1, true)
		return &Pickled{kind: pBool, i: b2i(x.V)}, nil
	case *Int:
		p.add(5, true)
		if x.Big != nil {
			p.add(int64(len(x.Big.Bytes())), true)
			return &Pickled{kind: pInt, big: new(big.Int).Set(x.Big)}, nil
		}
		return &Pickled{kind: pInt, i: x.V}, nil
	case *Float:
		p.add(9, true)
		return &Pickled{kind: pFloat, f: x.V}, nil
	case *Complex:
		p.add(20, true)
		return &Pickled{kind: pComplex, f: x.Re, i: int64(math.Float64bits(x.Im))}, nil
	case *Str:
		p.add(5, true)
		p.add(int64(len(x.S)), false)
		return &Pickled{kind: pStr, s: x.S}, nil
	case *Bytes:
		p.add(5, true)
		p.add(int64(len(x.B)), false)
		return &Pickled{kind: pBytes, s: x.B}, nil
	case *Range:
		p.add(20, true)
		return &Pickled{kind: pRange, items: []*Pickled{{i: x.Start}, {i: x.Stop}, {i: x.Step}}}, nil
	}
	if i, ok := p.memo[v]; ok {
		p.add(2, true)
		return &Pickled{kind: pRef, memo: i}, nil
	}
	me := p.n
	p.memo[v] = me
	p.n++
	p.add(2, true)
	out := &Pickled{memo: me}
	var err error
	switch x := v.(type) {
	case *Tuple:
		out.kind = pTuple
		out.items, err = p.values(x.Items)
	case *List:
		out.kind = pList
		out.items, err = p.values(x.Items)
	case *ByteArray:
		p.add(int64(len(x.B)), false)
		out.kind, out.s = pByteArray, string(x.B)
	case *Dict:
		if t.in.main != nil && x == t.in.main.Dict && p.byValue {
			out.kind = pMainDict
			return out, nil
		}
		out.kind = pDict
		x.items(func(k, val Value) bool {
			var pk, pv *Pickled
			if pk, err = p.value(k); err == nil {
				pv, err = p.value(val)
			}
			out.items = append(out.items, pk, pv)
			return err == nil
		})
	case *Set:
		out.kind = pSet
		if x.frozen {
			out.kind = pFrozenSet
		}
		out.items, err = p.values(x.setItems())
	case *Module:
		out.kind, out.s = pModule, x.Name
	case *Function:
		err = p.function(x, out)
	case *Class:
		err = p.class(x, out)
	case *Builtin:
		if x.Self != nil {
			// As pickle reduces a builtin method: getattr(obj, name).
			out.kind, out.s = pAttr, x.Name
			out.items, err = p.values([]Value{x.Self})
			break
		}
		mod := x.Module
		if mod == "" {
			mod = "builtins"
		}
		out.kind, out.module, out.s = pGlobal, mod, x.Name
	case *BoundMethod:
		out.kind = pMethod
		out.items, err = p.values([]Value{x.Self, x.Func})
	case *Cell:
		out.kind = pCell
		if x.V != nil {
			var c *Pickled
			c, err = p.value(x.V)
			out.items = []*Pickled{c}
		}
	case *Instance:
		err = p.instance(x, out)
	case *stdStream:
		if !p.byValue {
			return nil, t.newExc(TypeErrorClass, "cannot pickle 'TextIOWrapper' instances")
		}
		// A fork's child writes to the same file descriptors.
		out.kind, out.i = pStream, b2i(x.stderr)
	default:
		if c := t.in.Ext; c != nil {
			if ext, ok := c.Pack(v, p.byValue); ok {
				out.kind, out.ext = pExt, ext
				return out, nil
			}
		}
		return nil, t.newExcf(TypeErrorClass, "cannot pickle '%s' object", typeName(v.Type()))
	}
	if err != nil {
		return nil, err
	}
	return out, nil
}

func (p *pickler) values(vs []Value) ([]*Pickled, error) {
	out := make([]*Pickled, len(vs))
	for i, v := range vs {
		var err error
		if out[i], err = p.value(v); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// moduleOf names the module whose globals are g.
func moduleOf(g *Dict) string {
	if g != nil {
		if s, ok := g.getStr("__name__").(*Str); ok {
			return s.S
		}
	}
	return "__main__"
}

func (p *pickler) function(f *Function, out *Pickled) error {
	mod := moduleOf(f.Globals)
	if p.byValue && (mod == "__main__" || mod == "__mp_main__") {
		out.kind, out.code, out.s = pFunction, f.Code, f.QualName
		parts := []Value{f.Globals, None, None, None}
		if f.Defaults != nil {
			parts[1] = f.Defaults
		}
		if f.KwDefaults != nil {
			parts[2] = f.KwDefaults
		}
		if f.defClass != nil {
			parts[3] = f.defClass
		}
		var err error
		if out.items, err = p.values(parts); err != nil {
			return err
		}
		for _, c := range f.Closure {
			pc, err := p.value(c)
			if err != nil {
				return err
			}
			out.items = append(out.items, pc)
		}
		return nil
	}
	if strings.Contains(f.QualName, "<") {
		if strings.Contains(f.QualName, "<locals>") {
			return p.t.newExcf(AttributeErrorClass, "Can't pickle local object '%s'", f.QualName)
		}
		return p.t.newExcf(PicklingErrorClass, "Can't pickle <function %s at %s>: attribute lookup %s on %s failed", f.QualName, address(f), f.QualName, mod)
	}
	out.kind, out.module, out.s = pGlobal, mod, f.QualName
	p.add(int64(len(mod)+len(f.QualName)), false)
	return nil
}

func (p *pickler) class(c *Class, out *Pickled) error {
	if c.builtin {
		out.kind, out.module, out.s = pGlobal, "builtins", c.Name
		if c.Module == "_pickle" {
			// pickle's exceptions: CPython's _pickle is gilscope's pickle module.
			out.module = "pickle"
		}
		return nil
	}
	if p.byValue && (c.Module == "__main__" || c.Module == "__mp_main__") {
		out.kind, out.s, out.module = pClass, c.QualName, c.Module
		var err error
		vals := []Value{c.Base, c.Dict}
		for _, b := range c.Bases { // several bases follow the name
			vals = append(vals, b)
		}
		out.items, err = p.values(vals)
		out.items = append(out.items[:2], append([]*Pickled{{s: c.Name}}, out.items[2:]...)...)
		return err
	}
	out.kind, out.module, out.s = pGlobal, c.Module, c.QualName
	p.add(int64(len(c.Module)+len(c.QualName)), false)
	return nil
}

// sub pickles an instance of a subclass of a builtin type as pickle reduces one:
// its class by reference, its value as the builtin's, and its __dict__.
func (p *pickler) sub(v Value, s *subState) (*Pickled, error) {
	plain := p.t.plainCopy(v)
	defer p.t.Decref(plain)
	items, err := p.values([]Value{s.cls, plain, s.dict})
	if err != nil {
		return nil, err
	}
	return &Pickled{kind: pSub, items: items}, nil
}

func (p *pickler) instance(x *Instance, out *Pickled) error {
	out.kind = pInstance
	if rd := x.Class.userLookup("__reduce__"); rd != nil && !p.byValue && x.Exc == nil && p.t.in.weakRefs[&x.Header] == nil {
		return p.reduce(x, rd, out)
	}
	cls, err := p.value(x.Class)
	if err != nil {
		return err
	}
	if gs := x.Class.userLookup("__getstate__"); gs != nil && !p.byValue && x.Exc == nil && p.t.in.weakRefs[&x.Header] == nil {
		// As pickle's object.__reduce_ex__: the state __getstate__ returns stands for
		// the __dict__, and __setstate__ (or the dict's items) rebuilds the object.
		// A fork copies memory and calls neither.
		state, err := p.t.callUser(gs, x)
		if err != nil {
			return err
		}
		defer p.t.Decref(state)
		st, err := p.value(state)
		out.i = 1
		out.items = []*Pickled{cls, st}
		return err
	}
	var dict Value = None
	if x.Dict != nil {
		dict = x.Dict
	}
	parts := []Value{dict}
	if x.Exc != nil {
		out.kind = pExc
		parts = []Value{dict, x.Exc.Args}
		if x.Exc.OS != nil {
			parts = append(parts, x.Exc.OS) // an OSError's errno, strerror, filename
		}
	}
	if w := p.t.in.weakRefs[&x.Header]; w != nil {
		if !p.byValue {
			return p.t.newExcf(TypeErrorClass, "cannot pickle '%s' object", typeName(x.Class))
		}
		// A fork's child gets the reference to its copy of the target.
		out.kind = pWeak
		target, cb := Value(None), Value(None)
		if w.target != nil {
			target = w.target
		}
		if w.callback != nil {
			cb = w.callback
		}
		parts = append(parts, target, cb)
	}
	rest, err := p.values(parts)
	out.items = append([]*Pickled{cls}, rest...)
	return err
}

// reduce pickles x by what its class's __reduce__ returns, as pickle does: a string
// names a global of x's module; a tuple (callable, args[, state]) is rebuilt as
// callable(*args), then given the state as __setstate__ or the dict's items.
func (p *pickler) reduce(x *Instance, rd Value, out *Pickled) error {
	t := p.t
	r, err := t.callUser(rd, x)
	if err != nil {
		return err
	}
	defer t.Decref(r)
	if s, ok := r.(*Str); ok {
		out.kind, out.module, out.s = pGlobal, x.Class.Module, s.S
		return nil
	}
	tup, ok := r.(*Tuple)
	if !ok {
		return t.newExc(PicklingErrorClass, "__reduce__ must return a string or tuple")
	}
	if n := len(tup.Items); n < 2 || n > 6 {
		return t.newExc(PicklingErrorClass, "tuple returned by __reduce__ must contain 2 through 6 elements")
	}
	if !callable(tup.Items[0]) {
		return t.newExc(PicklingErrorClass, "first item of the tuple returned by __reduce__ must be callable")
	}
	if _, ok := tup.Items[1].(*Tuple); !ok {
		return t.newExc(PicklingErrorClass, "second item of the tuple returned by __reduce__ must be a tuple")
	}
	state := Value(None)
	if len(tup.Items) > 2 {
		state = tup.Items[2]
	}
	items, err := p.values([]Value{tup.Items[0], tup.Items[1], state})
	out.i = 2
	out.items = items
	return err
}

// typeName is a type's name as pickle's errors give it: a type of a module other
// than builtins is qualified by it, as CPython's C types are ('_thread.lock').
func typeName(c *Class) string {
	if c.Module != "" && c.Module != "builtins" && c.Module != "__main__" {
		return c.Module + "." + c.Name
	}
	return c.Name
}

type unpickler struct {
	t    *Thread
	memo map[int]Value
	// hold keeps the targets of weak references alive until the whole value is
	// built: the memo does not hold them, and one may be named again further on.
	hold []Value
}

// Unpickle rebuilds p in t's interpreter and returns a new reference to it.
func (t *Thread) Unpickle(p *Pickled) (Value, error) {
	u := &unpickler{t: t, memo: map[int]Value{}}
	defer u.release()
	return u.value(p)
}

// release drops what hold kept: a weak reference's target that nothing else holds
// dies now, and its callbacks run.
func (u *unpickler) release() {
	held := u.hold
	u.hold = nil
	u.t.decrefAll(held)
}

func (u *unpickler) keep(p *Pickled, v Value) Value {
	u.memo[p.memo] = v
	return v
}

func (u *unpickler) value(p *Pickled) (Value, error) {
	t := u.t
	switch p.kind {
	case pNone:
		return None, nil
	case pBool:
		return BoolOf(p.i != 0), nil
	case pInt:
		if p.big != nil {
			return t.newBigInt(new(big.Int).Set(p.big)), nil
		}
		return t.newInt(p.i), nil
	case pFloat:
		return t.newFloat(p.f), nil
	case pComplex:
		return t.newComplex(p.f, math.Float64frombits(uint64(p.i))), nil
	case pStr:
		return t.NewStr(p.s), nil
	case pBytes:
		return t.newBytes(p.s), nil
	case pRange:
		r := &Range{Start: p.items[0].i, Stop: p.items[1].i, Step: p.items[2].i}
		t.in.alloc(&r.Header)
		return r, nil
	case pRef:
		v, ok := u.memo[p.memo]
		if !ok {
			return nil, t.newExcf(SystemErrorClass, "gilscope: unpickling a reference to an unfinished object")
		}
		t.Incref(v)
		return v, nil
	case pTuple:
		items, err := u.values(p.items)
		if err != nil {
			return nil, err
		}
		return u.keep(p, t.newTuple(items)), nil
	case pByteArray:
		return u.keep(p, t.newByteArray([]byte(p.s))), nil
	case pList:
		l := t.newList(nil)
		u.keep(p, l)
		items, err := u.values(p.items)
		l.Items = items
		t.in.holdList(l)
		return l, err
	case pDict, pMainDict:
		var d *Dict
		if p.kind == pMainDict {
			d = t.in.main.Dict
			t.Incref(d)
			return u.keep(p, d), nil
		}
		d = t.NewDict()
		u.keep(p, d)
		for i := 0; i+1 < len(p.items); i += 2 {
			k, err := u.value(p.items[i])
			if err != nil {
				return d, err
			}
			v, err := u.value(p.items[i+1])
			if err != nil {
				t.Decref(k)
				return d, err
			}
			err = t.dictSet(d, k, v)
			t.Decref(k)
			t.Decref(v)
			if err != nil {
				return d, err
			}
		}
		return d, nil
	case pSet, pFrozenSet:
		s := t.newSet(p.kind == pFrozenSet)
		u.keep(p, s)
		for _, it := range p.items {
			k, err := u.value(it)
			if err != nil {
				return s, err
			}
			err = t.setAdd(s, k)
			t.Decref(k)
			if err != nil {
				return s, err
			}
		}
		return s, nil
	case pModule:
		v, err := t.importModule(p.s)
		if err != nil {
			return nil, err
		}
		return u.keep(p, v), nil
	case pGlobal:
		v, err := u.global(p.module, p.s)
		if err != nil {
			return nil, err
		}
		return u.keep(p, v), nil
	case pFunction:
		return u.function(p)
	case pClass:
		return u.class(p)
	case pInstance, pExc, pWeak:
		if p.kind == pInstance && p.i == 2 {
			return u.reduced(p)
		}
		return u.instance(p)
	case pSub:
		parts, err := u.values(p.items)
		if err != nil {
			return nil, err
		}
		defer t.decrefAll(parts)
		cls, ok := parts[0].(*Class)
		if !ok || !subclassable(cls.layout()) || !IsInstance(parts[1], cls.layout()) {
			return nil, t.newExc(TypeErrorClass, "gilscope: unpickling a subclass instance of another type")
		}
		obj := t.newSub(cls, parts[1])
		if d, ok := parts[2].(*Dict); ok {
			s := subOf(obj)
			d.items(func(k, v Value) bool {
				t.dictSet(s.dict, k, v) //nolint:errcheck // str keys
				return true
			})
		}
		return obj, nil
	case pMethod:
		parts, err := u.values(p.items)
		if err != nil {
			return nil, err
		}
		bm := &BoundMethod{Self: parts[0], Func: parts[1]}
		t.in.alloc(&bm.Header)
		return u.keep(p, bm), nil
	case pCell:
		c := &Cell{}
		t.in.alloc(&c.Header)
		u.keep(p, c)
		if len(p.items) > 0 {
			v, err := u.value(p.items[0])
			if err != nil {
				return c, err
			}
			c.V = v
		}
		return c, nil
	case pStream:
		return u.keep(p, t.stdStream(p.i == 1)), nil
	case pAttr:
		parts, err := u.values(p.items)
		if err != nil {
			return nil, err
		}
		v, err := t.getAttr(parts[0], p.s)
		t.Decref(parts[0])
		if err != nil {
			return nil, err
		}
		return u.keep(p, v), nil
	case pExt:
		v, err := t.in.Ext.Unpack(t, p.ext)
		if err != nil {
			return nil, err
		}
		return u.keep(p, v), nil
	}
	return nil, t.newExcf(SystemErrorClass, "gilscope: unknown pickle kind %d", p.kind)
}

func (u *unpickler) values(ps []*Pickled) ([]Value, error) {
	out := make([]Value, 0, len(ps))
	for _, p := range ps {
		v, err := u.value(p)
		if err != nil {
			u.t.decrefAll(out)
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// global finds module.qualname, as pickle's find_class does; __main__ is the
// receiving interpreter's main module, whatever it is called there.
func (u *unpickler) global(module, qualname string) (Value, error) {
	t := u.t
	var cur Value
	if module == "builtins" {
		if v := t.in.builtins.getStr(qualname); v != nil {
			t.Incref(v)
			return v, nil
		}
		return nil, t.newExcf(AttributeErrorClass, "Can't get attribute '%s' on <module 'builtins'>", qualname)
	}
	if module == "__main__" || module == "__mp_main__" {
		cur = t.in.main
		t.Incref(cur)
	} else {
		m, err := t.importModule(module)
		if err != nil {
			return nil, err
		}
		cur = m
	}
	for _, part := range strings.Split(qualname, ".") {
		next, err := t.getAttr(cur, part)
		t.Decref(cur)
		if err != nil || next == nil {
			if e, ok := err.(*Instance); ok {
				t.Decref(e)
			}
			return nil, t.newExcf(AttributeErrorClass, "Can't get attribute '%s' on <module '%s'>", qualname, module)
		}
		cur = next
	}
	return cur, nil
}

func (u *unpickler) function(p *Pickled) (Value, error) {
	t := u.t
	fn := &Function{Code: p.code, Name: p.code.Name, QualName: p.s, consts: t.in.constsFor(t, p.code)}
	t.in.alloc(&fn.Header)
	u.keep(p, fn)
	parts, err := u.values(p.items)
	if err != nil {
		return fn, err
	}
	fn.Globals, _ = parts[0].(*Dict)
	if d, ok := parts[1].(*Tuple); ok {
		fn.Defaults = d
	} else {
		t.Decref(parts[1])
	}
	if d, ok := parts[2].(*Dict); ok {
		fn.KwDefaults = d
	} else {
		t.Decref(parts[2])
	}
	if c, ok := parts[3].(*Class); ok {
		fn.defClass = c
	}
	t.Decref(parts[3]) // defClass is a borrowed back-reference
	for _, c := range parts[4:] {
		fn.Closure = append(fn.Closure, c.(*Cell))
	}
	return fn, nil
}

func (u *unpickler) class(p *Pickled) (Value, error) {
	t := u.t
	cls := &Class{Name: p.items[2].s, QualName: p.s, Module: p.module}
	t.in.alloc(&cls.Header)
	u.keep(p, cls)
	parts, err := u.values(p.items[:2])
	if err != nil {
		return cls, err
	}
	cls.Base, _ = parts[0].(*Class)
	cls.Dict, _ = parts[1].(*Dict)
	if cls.Dict != nil && cls.Dict.getStr("__getattribute__") != nil {
		t.in.getattributeHooks = true
	}
	if cls.Dict != nil && cls.Dict.getStr("__del__") != nil {
		t.in.delHooks = true
	}
	if len(p.items) > 3 {
		bases, err := u.values(p.items[3:])
		if err != nil {
			return cls, err
		}
		for _, b := range bases {
			if b, ok := b.(*Class); ok {
				cls.Bases = append(cls.Bases, b)
			}
		}
	}
	return cls, nil
}

func (u *unpickler) instance(p *Pickled) (Value, error) {
	t := u.t
	clsV, err := u.value(p.items[0])
	if err != nil {
		return nil, err
	}
	cls, ok := clsV.(*Class)
	if !ok {
		t.xdecref(clsV)
		return nil, t.newExcf(TypeErrorClass, "gilscope: unpickling an instance of a non-class")
	}
	inst := &Instance{Class: cls}
	t.in.alloc(&inst.Header)
	u.keep(p, inst)
	if p.kind == pInstance && p.i == 1 {
		return inst, u.setState(inst, p.items[1])
	}
	d, err := u.value(p.items[1])
	if err != nil {
		return inst, err
	}
	if dd, ok := d.(*Dict); ok {
		inst.Dict = dd
	} else {
		t.Decref(d)
	}
	if p.kind == pExc {
		a, err := u.value(p.items[2])
		if err != nil {
			return inst, err
		}
		args, ok := a.(*Tuple)
		if !ok {
			t.Decref(a)
			return inst, t.newExcf(TypeErrorClass, "gilscope: unpickling an exception whose arguments are not a tuple")
		}
		inst.Exc = &ExcState{Args: args}
		if len(p.items) > 3 {
			v, err := u.value(p.items[3])
			if err != nil {
				return inst, err
			}
			attrs, ok := v.(*Tuple)
			if !ok {
				t.Decref(v)
				return inst, t.newExcf(TypeErrorClass, "gilscope: unpickling an OSError whose attributes are not a tuple")
			}
			inst.Exc.OS = attrs
		}
	}
	if p.kind == pWeak {
		return inst, u.weak(inst, p.items[2], p.items[3])
	}
	return inst, nil
}

// reduced rebuilds an object its __reduce__ pickled: callable(*args), then its state.
func (u *unpickler) reduced(p *Pickled) (Value, error) {
	t := u.t
	parts, err := u.values(p.items[:2])
	if err != nil {
		return nil, err
	}
	defer t.decrefAll(parts)
	args, ok := parts[1].(*Tuple)
	if !ok {
		return nil, t.newExc(UnpicklingErrorClass, "gilscope: a reduced object's arguments are not a tuple")
	}
	obj, err := t.callValue(parts[0], args.Items, nil, false)
	if err != nil {
		return nil, err
	}
	u.keep(p, obj)
	if inst, ok := obj.(*Instance); ok && p.items[2].kind != pNone {
		return obj, u.setState(inst, p.items[2])
	}
	return obj, nil
}

// setState rebuilds inst from the state its __getstate__ gave, as pickle's BUILD
// does: with __setstate__, else by the items of a dict (or of a (dict, slots)
// pair's dict); a None state is not applied.
func (u *unpickler) setState(inst *Instance, sp *Pickled) error {
	t := u.t
	state, err := u.value(sp)
	if err != nil {
		return err
	}
	defer t.Decref(state)
	if inst.Dict == nil {
		inst.Dict = t.NewDict()
	}
	if state == None {
		return nil
	}
	if ss := inst.Class.userLookup("__setstate__"); ss != nil {
		r, err := t.callUser(ss, inst, state)
		if err == nil {
			t.Decref(r)
		}
		return err
	}
	d := state
	if tup, ok := state.(*Tuple); ok && len(tup.Items) == 2 {
		d = tup.Items[0]
	}
	dd, ok := d.(*Dict)
	if !ok {
		if d == None {
			return nil
		}
		return t.newExc(UnpicklingErrorClass, "state is not a dictionary")
	}
	dd.items(func(k, v Value) bool {
		err = t.dictSet(inst.Dict, k, v)
		return err == nil
	})
	return err
}

// weak makes inst a weak reference to the copy of its target, if that lives.
func (u *unpickler) weak(inst *Instance, target, callback *Pickled) error {
	t := u.t
	tv, err := u.value(target)
	if err != nil {
		return err
	}
	u.hold = append(u.hold, tv)
	cb, err := u.value(callback)
	if err != nil {
		return err
	}
	defer t.Decref(cb)
	if tv == None {
		return nil // dead: untracked, its calls return None
	}
	if cb == None {
		cb = nil
	}
	return t.WeakTrack(inst, tv, cb)
}

// PickleErrorClass, PicklingErrorClass and UnpicklingErrorClass are pickle's
// exceptions (their traceback names are _pickle's).
var (
	PickleErrorClass     = pickleExc("PickleError", ExceptionClass)
	PicklingErrorClass   = pickleExc("PicklingError", PickleErrorClass)
	UnpicklingErrorClass = pickleExc("UnpicklingError", PickleErrorClass)
)

func pickleExc(name string, base *Class) *Class {
	c := newExcClass(name, base)
	c.Module = "_pickle"
	c.New = excNew
	return c
}

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// String describes a pickle for messages.
func (p *Pickled) String() string { return fmt.Sprintf("pickle of %d bytes", p.Size) }

// ChildThread creates the main thread of a child process's interpreter: __main__ is an
// empty module whose __name__ is mainName ("__mp_main__" when the child re-imports
// the parent's main module, as spawn does); the thread, once started, runs boot, a
// program of its own in a module of its own.
func (in *Interp) ChildThread(mainName string, boot *compile.Program) (*Thread, error) {
	return in.BootThread("MainThread", mainName, boot)
}

// BootThread creates a thread that, once started, runs boot in a module of its own.
// The first thread of an interpreter also creates its __main__, empty, named mainName.
func (in *Interp) BootThread(name, mainName string, boot *compile.Program) (*Thread, error) {
	t := in.newThread(name)
	if in.main == nil {
		mod := &Module{Name: "__main__", Dict: t.NewDict()}
		in.alloc(&mod.Header)
		in.main = mod
		in.addModule(t, "__main__", mod)
		if mainName != "__main__" {
			t.Incref(mod)
			in.addModule(t, mainName, mod)
		}
		t.setStr(mod.Dict, "__name__", t.intern(mainName))
		t.setStr(mod.Dict, "__builtins__", in.builtins)
	}
	bootMod := &Module{Name: "__gilscope_boot__", Dict: t.NewDict()}
	in.alloc(&bootMod.Header)
	in.modules[bootMod.Name] = bootMod
	t.setStr(bootMod.Dict, "__name__", t.intern(bootMod.Name))
	fn := &Function{Code: boot.Toplevel, Globals: bootMod.Dict, Name: "<module>", QualName: "<module>",
		consts: in.constsFor(t, boot.Toplevel)}
	in.alloc(&fn.Header)
	t.Incref(bootMod.Dict)
	err := t.start(fn, nil, nil)
	t.Decref(fn)
	return t, err
}

// RunMain runs the interpreter's program in __main__, in a nested run: a spawned
// child re-importing its parent's main module.
func (t *Thread) RunMain() error {
	in := t.in
	fc := in.Program.Toplevel
	fn := &Function{Code: fc, Globals: in.main.Dict, Name: "<module>", QualName: "<module>",
		consts: in.constsFor(t, fc)}
	in.alloc(&fn.Header)
	t.Incref(in.main.Dict)
	r, err := t.callSync(fn, nil, nil, nil)
	t.Decref(fn)
	if err != nil {
		return err
	}
	t.Decref(r)
	return nil
}

// PickleFork copies what a fork's child gets, in one pickle so that an object both
// reach stays one object in the child (a logger in __main__'s globals and in
// logging's manager, which the payload carries): __main__'s globals by value, as a
// fork copies memory, leaving out what cannot be copied (a thread's handle), then
// the payload.
func (t *Thread) PickleFork(payload Value) (globals, target *Pickled, err error) {
	p := &pickler{t: t, byValue: true, memo: map[Value]int{}}
	p.root = &Pickled{}
	globals = p.mainGlobals()
	globals.Size, globals.Structured = p.root.Size, p.root.Structured
	p.root = &Pickled{}
	if target, err = p.value(payload); err != nil {
		return nil, nil, err
	}
	target.Size, target.Structured = p.root.Size, p.root.Structured
	return globals, target, nil
}

// mainGlobals pickles __main__'s globals, leaving out those that cannot be.
func (p *pickler) mainGlobals() *Pickled {
	t := p.t
	out := &Pickled{kind: pDict, memo: -1}
	t.in.main.Dict.items(func(k, v Value) bool {
		if s, ok := k.(*Str); ok && (s.S == "__name__" || s.S == "__builtins__" || s.S == "__loader__") {
			return true
		}
		n := p.n
		pk, err := p.value(k)
		var pv *Pickled
		if err == nil {
			pv, err = p.value(v)
		}
		if err != nil {
			if inst, ok := err.(*Instance); ok {
				t.Decref(inst)
			}
			for mv, i := range p.memo {
				if i >= n {
					delete(p.memo, mv)
				}
			}
			p.n = n
			return true
		}
		out.items = append(out.items, pk, pv)
		return true
	})
	return out
}

// UnpickleFork stores globals made by PickleFork into __main__ and returns its
// payload, unpickled with the same memo.
func (t *Thread) UnpickleFork(globals, target *Pickled) (Value, error) {
	u := &unpickler{t: t, memo: map[int]Value{}}
	defer u.release()
	d := t.in.main.Dict
	for i := 0; i+1 < len(globals.items); i += 2 {
		k, err := u.value(globals.items[i])
		if err != nil {
			return nil, err
		}
		v, err := u.value(globals.items[i+1])
		if err != nil {
			t.Decref(k)
			return nil, err
		}
		err = t.dictSet(d, k, v)
		t.Decref(k)
		t.Decref(v)
		if err != nil {
			return nil, err
		}
	}
	return u.value(target)
}
