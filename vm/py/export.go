// This file defines the API the simulator uses to add modules and objects of its own
// (threading, time, gilscope …) to an interpreter.

package py

import (
	"fmt"
	"math/big"

	"github.com/gilscope/gilscope/vm/compile"
)

// NewClass returns a new builtin class: immortal, shared, with no methods yet.
func NewClass(name string, base *Class) *Class {
	if base == nil {
		base = ObjectClass
	}
	return newBuiltinClass(name, base)
}

// Def adds a builtin method to a builtin class. The method receives self as args[0].
func (c *Class) Def(name string, fn BuiltinFunc) { c.method(name, fn) }

// Register records a newly allocated object embedding a Header: it gets an identity
// and a reference count of 1.
// The Header must be the struct's first field (hdrOf relies on it).
func (t *Thread) Register(v Value) {
	if hdrOf(v) != v.hdr() {
		panic(fmt.Sprintf("gilscope: %T must embed py.Header as its first field", v))
	}
	t.in.alloc(v.hdr())
}

// NewInt returns a new reference to an int.
func (t *Thread) NewInt(v int64) Value { return t.newInt(v) }

// NewFloat returns a new reference to a float.
func (t *Thread) NewFloat(v float64) Value { return t.newFloat(v) }

// NewTuple returns a new tuple owning the references in items.
func (t *Thread) NewTuple(items []Value) Value { return t.newTuple(items) }

// NewList returns a new list owning the references in items.
func (t *Thread) NewList(items []Value) Value { return t.newList(items) }

// NewExc returns a new exception of class cls with message msg, usable as an error.
func (t *Thread) NewExc(cls *Class, format string, args ...any) *Instance {
	return t.newExcf(cls, format, args...)
}

// AsInt returns v as an int64 if it is an int or bool that fits.
func AsInt(v Value) (int64, bool) { return asInt64(v) }

// AsFloat returns v as a float64 if it is a number.
func AsFloat(v Value) (float64, bool) { return toFloat(v) }

// Args splits a builtin's arguments into positional ones and the named keyword
// arguments, rejecting keywords not in names.
func (t *Thread) Args(fname string, args []Value, kw []string, names ...string) ([]Value, map[string]Value, error) {
	return t.kwargs(fname, args, kw, names...)
}

// CheckArgs checks a builtin's positional argument count and that no keyword
// arguments were given.
func (t *Thread) CheckArgs(fname string, args []Value, kw []string, min, max int) error {
	return t.nargs(fname, args, kw, min, max)
}

// Truthy reports bool(v).
func (t *Thread) Truthy(v Value) (bool, error) { return t.Truth(v) }

// FuncName returns the __name__ of a callable, or "".
func FuncName(v Value) string {
	switch f := v.(type) {
	case *Function:
		return f.Name
	case *Builtin:
		return f.Name
	case *BoundMethod:
		return FuncName(f.Func)
	case *Class:
		return f.Name
	}
	return ""
}

// Line returns the source line the thread is executing, or 0.
func (t *Thread) Line() int32 {
	if t.frame == nil || t.frame.code == baseCode {
		return 0
	}
	return t.frame.Line()
}

// PC returns the index of the instruction the thread is executing, or -1.
func (t *Thread) PC() int32 {
	if t.frame == nil || t.frame.code == baseCode {
		return -1
	}
	return int32(t.frame.lasti)
}

// Code returns the code the thread is executing, or nil.
func (t *Thread) Code() *compile.Funcode {
	if t.frame == nil || t.frame.code == baseCode {
		return nil
	}
	return t.frame.code
}

// NextPC returns the index of the instruction the thread runs next, when it stopped
// between instructions (its budget ran out), or -1.
func (t *Thread) NextPC() int32 {
	if t.frame == nil || t.frame.code == baseCode || t.frame.pc >= len(t.frame.code.Code) {
		return -1
	}
	return int32(t.frame.pc)
}

// Abort stops the thread at its next instruction boundary for good, as a crash of
// its process would: its budget is spent and it is never resumed.
func (t *Thread) Abort() { t.Cost = 1 << 60 }

// Allocations returns the number of objects allocated so far.
func (in *Interp) Allocations() uint64 { return in.nextID }

// ImmortalizeModuleObjects makes the functions, classes and modules in __main__'s
// globals immortal, as free-threaded 3.13 does when a second thread starts.
func (in *Interp) ImmortalizeModuleObjects() {
	if in.main == nil {
		return
	}
	in.main.Dict.items(func(_, v Value) bool {
		switch v.(type) {
		case *Function, *Class, *Module:
			v.hdr().flags |= flagImmortal
		}
		return true
	})
}

// MainGlobals calls fn for each global variable of __main__, in order.
func (in *Interp) MainGlobals(fn func(name string, v Value)) {
	if in.main == nil {
		return
	}
	in.main.Dict.items(func(k, v Value) bool {
		if s, ok := k.(*Str); ok {
			fn(s.S, v)
		}
		return true
	})
}

// NewBigInt returns an int of any size.
func (t *Thread) NewBigInt(b *big.Int) Value { return t.newBigInt(b) }

// Exec runs a compiled program's top level in a nested run with globals as its
// globals and names as the namespace its names are stored in, as CPython's
// exec(code, globals, names) does. The library's dataclasses makes the methods it
// generates with it, as CPython's makes them with exec.
func (t *Thread) Exec(prog *compile.Program, globals, names *Dict) error {
	fc := prog.Toplevel
	fn := &Function{Code: fc, Globals: globals, Name: "<module>", QualName: "<module>",
		consts: t.in.constsFor(t, fc)}
	t.in.alloc(&fn.Header)
	t.Incref(globals)
	defer t.Decref(fn)
	if err := t.pushCall(fn, nil, nil); err != nil {
		return err
	}
	t.Incref(names)
	t.frame.names = names
	t.frame.ownsNames = true
	r, err := t.runSync(nil)
	if err != nil {
		return err
	}
	t.Decref(r)
	return nil
}

// Work counts n units of a builtin's work, looking at the run's interrupt every
// 4096: a builtin of another package whose work grows with its input calls it and
// returns its error at once (see work).
func (t *Thread) Work(n int) error { return t.work(n) }

// Reserve fails with MemoryError when n more bytes would take the run beyond its
// memory budget: a builtin of another package calls it with the size of a result
// before it makes it (see reserve).
func (t *Thread) Reserve(n int64) error { return t.reserve(n) }

// ChargeMemory counts n bytes that the machine holds for the run against its memory
// budget (negative when it gives them back): the data of the run's files.
func (in *Interp) ChargeMemory(n int) { in.charge(n) }

// Items returns a set's items in iteration order (borrowed).
func (s *Set) Items() []Value { return s.setItems() }
