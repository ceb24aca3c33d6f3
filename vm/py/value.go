// Package py is gilscope's Python runtime: objects with reference counts, the
// bytecode evaluator, builtins and built-in modules.
//
// Every heap object embeds a Header holding its simulated reference count. The
// evaluator maintains counts the way CPython does (loading a value takes a reference,
// popping or overwriting drops one, containers own references to their items) and
// reports changes to a RefHook the simulator installs. The evaluator is stepped: a
// Thread runs for a budget of simulated time and stops at an instruction boundary,
// with all of its state in values, so a scheduler can interleave many threads.
//
// Conventions: functions that take Values borrow them (the caller keeps its
// references); functions that return a Value return a new reference.
package py

import (
	"math/big"
)

// Value is any Python object.
type Value interface {
	hdr() *Header
	// Type returns the object's class.
	Type() *Class
}

// Header is the part of every object the runtime and the simulator share.
type Header struct {
	// Ref is the simulated reference count (ob_refcnt).
	Ref int64
	// ID is the object's identity, unique within an interpreter and deterministic.
	ID    uint64
	flags uint32
}

func (h *Header) hdr() *Header { return h }

// Header flags.
const (
	flagImmortal  uint32 = 1 << iota // refcount operations do nothing (PEP 683)
	flagFreed                        // the count reached zero and the object was freed
	flagTraced                       // refcount changes are reported to the hook
	flagStatic                       // statically allocated: never freed even at zero
	flagWeak                         // a weak reference, or an object weak references point to
	flagFinalized                    // its __del__ has been called (PEP 442: once)
)

// Immortal reports whether the object ignores refcount operations.
func (h *Header) Immortal() bool { return h.flags&flagImmortal != 0 }

// Freed reports whether the object has been freed.
func (h *Header) Freed() bool { return h.flags&flagFreed != 0 }

// HeaderOf returns v's header.
func HeaderOf(v Value) *Header { return v.hdr() }

// ---- the singletons ----

// NoneType is the type of None.
type NoneType struct{ Header }

// Bool is True or False.
type Bool struct {
	Header
	V bool
}

// Int is a Python int: V when Big is nil, else Big.
type Int struct {
	Header
	V   int64
	Big *big.Int
	sub *subState // non-nil for an instance of a subclass of int
}

// Float is a Python float.
type Float struct {
	Header
	V   float64
	sub *subState // non-nil for an instance of a subclass of float
}

// Bytes is a Python bytes object.
type Bytes struct {
	Header
	B   string
	sub *subState // non-nil for an instance of a subclass of bytes
}

// Cell is a closure cell.
type Cell struct {
	Header
	V Value // nil when empty
}

// Slice is a slice object.
type Slice struct {
	Header
	Start, Stop, Step Value
}

// Range is a range object.
type Range struct {
	Header
	Start, Stop, Step int64
}

// NotImplemented is used by binary operator dunders.
type notImplementedType struct{ Header }

// ellipsisType is the type of Ellipsis (`...`).
type ellipsisType struct{ Header }

// Sentinel objects. They are immortal and shared by every interpreter: their
// headers are never written because immortal objects skip refcount updates.
var (
	None           = &NoneType{Header{Ref: 1, flags: flagImmortal | flagStatic}}
	True           = &Bool{Header{Ref: 1, flags: flagImmortal | flagStatic}, true}
	False          = &Bool{Header{Ref: 1, flags: flagImmortal | flagStatic}, false}
	NotImplemented = &notImplementedType{Header{Ref: 1, flags: flagImmortal | flagStatic}}
	Ellipsis       = &ellipsisType{Header{Ref: 1, flags: flagImmortal | flagStatic}}
)

// Small ints -5..256 are preallocated, as in CPython.
const (
	smallIntMin = -5
	smallIntMax = 256
)

// BoolOf returns True or False.
func BoolOf(b bool) *Bool {
	if b {
		return True
	}
	return False
}
