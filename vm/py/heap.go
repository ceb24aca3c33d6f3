// This file defines the interpreter (one per simulated process) and its heap: object
// allocation, reference counting and freeing, and the hook through which the
// simulator observes them.

package py

import (
	"fmt"
	"io"
	"math/big"
	"unsafe"

	"github.com/gilscope/gilscope/vm/compile"
)

// RefHook observes the heap. The simulator installs one to turn refcount changes into
// events or to split them into racing load and store steps. Methods are called on the
// goroutine running the interpreter.
type RefHook interface {
	// Alloc is called when a traced object is allocated.
	Alloc(t *Thread, v Value)
	// Ref is called after a traced object's count changed by delta (+1 or -1).
	Ref(t *Thread, v Value, delta int)
	// Free is called when an object's count reached zero, before its items are released.
	Free(t *Thread, v Value)
}

// Config selects the interpreter behaviours that differ between Python versions.
type Config struct {
	// Version is the Python version reported by sys.version_info, e.g. {3, 12, 1}.
	Version [3]int
	// ImmortalInterned makes interned strings (identifiers and constants) immortal (3.12+).
	ImmortalInterned bool
	// Seed seeds the random module.
	Seed int64
	// MaxObjects bounds live objects; allocation beyond it raises MemoryError.
	MaxObjects int64
	// MaxItems bounds the length of one sequence or mapping.
	MaxItems int
	// MaxMemory is the run's memory budget in bytes (Memory); 0 means
	// DefaultMaxMemory. Going beyond it raises MemoryError.
	MaxMemory int64
	// Debug checks refcount invariants: freed objects are never reused, and using one
	// panics, revealing refcount bugs in the runtime.
	Debug bool
}

// DefaultConfig is CPython 3.12's behaviour with generous limits.
func DefaultConfig() Config {
	return Config{Version: [3]int{3, 12, 1}, ImmortalInterned: true, MaxObjects: 20_000_000, MaxItems: 10_000_000}
}

// A Library provides the modules written in Python (threading, queue …). Each is
// compiled on its first import and the program is shared, read-only, by every
// interpreter, so a Library is safe for concurrent use.
type Library interface {
	// Has reports whether the library provides the module called name, without
	// compiling it.
	Has(name string) bool
	// Program returns the module called name, compiling it on first use; only
	// for a name Has reports.
	Program(name string) (*compile.Program, error)
	// IsPackage reports whether name is the package of a module the library
	// provides (concurrent for concurrent.futures).
	IsPackage(name string) bool
	// File returns the library's module compiled from filename, or nil.
	File(filename string) *compile.Program
}

// Interp is one Python interpreter: a heap, modules and threads. It is not safe for
// concurrent use; one simulation drives it from one goroutine.
type Interp struct {
	Config  Config
	Stdout  io.Writer
	Stderr  io.Writer
	Hook    RefHook
	Program *compile.Program

	nextID uint64
	live   int64
	// delHooks is set once a class of the run defines __del__: only then does
	// freeing an instance look for one.
	delHooks bool
	// getattributeHooks is set once a class of the run defines __getattribute__:
	// until then attribute lookups need not look for one.
	getattributeHooks bool
	intFree           []*Int
	builtins          *Dict
	modules           map[string]*Module
	// sysModules is sys.modules once sys is imported: it mirrors modules.
	sysModules *Dict
	// stdStreams are sys.stdout and sys.stderr as the interpreter made them: a
	// stream a fork copied is the child's own (pickle's pStream).
	stdStreams [2]Value
	main       *Module
	threads    []*Thread
	nextTID    int64
	interned   map[string]*Str
	rng        *mt19937

	consts map[*compile.Funcode][]Value
	// Library provides the modules written in Python (nil: none).
	Library Library
	// compiled are the programs compile, exec and eval made, by mode, file and source.
	compiled map[string]*compile.Funcode
	// ModuleFactories adds built-in modules (threading, time … from the simulator).
	ModuleFactories map[string]ModuleFactory
	// SysExtras adds functions to the sys module (setswitchinterval …).
	SysExtras map[string]BuiltinFunc
	// ImmortalRefcount is what sys.getrefcount reports for immortal objects.
	ImmortalRefcount int64
	// Ext carries the simulator's own objects across interpreters (Pickle).
	Ext ExtCodec
	// TraceCallables also traces the functions and classes stored in module globals
	// (models whose threads fight over their counts).
	TraceCallables bool
	// OnImport, if set, prices an import statement of the program's own code (not
	// the library's): names are the modules it names, each parent package first,
	// then the submodules its fromlist may name. What it returns (ps of CPU time) is
	// the least the statement costs: running the bodies of modules loaded for the
	// first time counts toward it (pricedImport).
	OnImport func(t *Thread, names []string) int64
	// OnWrite, if set, observes every write to stdout or stderr.
	OnWrite func(t *Thread, s string, stderr bool)
	// StdWrite, if set, is the write(2) that hands n bytes of sys.stdout or
	// sys.stderr to the OS, releasing the GIL (stdio.go); the blocked call's result
	// is result. Without it writes do not block.
	StdWrite func(n int, result Value) Syscall
	// Interrupt, if set, is asked by builtins doing long work (every workQuantum
	// units) whether the run goes on: an error (ErrInterrupted) aborts the thread, as
	// the scheduler's own check of the run's CPU budget and cancellation would.
	Interrupt func() error
	// CallableIterator, if set, makes the iterator of iter(callable, sentinel): an
	// object whose __next__ is Python code, so that FOR_ITER runs the call as a frame
	// and it may block (iter(queue.get, 'STOP')). Without it the form is refused.
	CallableIterator func(t *Thread, callable, sentinel Value) (Value, error)
	// PythonLazyIter, if set, makes zip, map, filter and enumerate over a source whose
	// items come from Python code (a generator, an object with a Python __next__) a
	// generator of the library: its pulls run as frames, so that a source may block
	// (enumerate(as_completed(fs)), zip(xs, executor.map(f, xs))). kind is the
	// builtin's name; fn map's function or filter's predicate; start enumerate's
	// first index; strict zip's flag. Without it such a pull runs nested and a
	// blocking call in it raises RuntimeError.
	PythonLazyIter func(t *Thread, kind string, fn Value, srcs []Value, start Value, strict bool) (Value, error)
	// Open and Input, if set, are the builtins open and input (the host's file system
	// and standard input); without them both refuse.
	Open, Input  BuiltinFunc
	mem          *Memory
	outBytes     int64
	outTruncated bool

	// streams are sys.stdout's and sys.stderr's buffering (stdio.go).
	streams [2]streamState

	freeDepth int     // containers being freed inside one another (decrefItem)
	trash     []Value // references whose drop decrefItem deferred

	// weakRefs are the weak reference objects (weakref.py's ReferenceType) by their
	// header, weakTargets the objects they point to with their references (weakref.go).
	weakRefs    map[*Header]*weakRef
	weakTargets map[*Header][]Value
}

// alloc registers a newly allocated object with count 1.
func (in *Interp) alloc(h *Header) {
	in.nextID++
	h.ID = in.nextID
	h.Ref = 1
	in.live++
}

// newInt returns a new reference to an int with value v. It is small enough for Go
// to inline, so a small int costs no call.
func (t *Thread) newInt(v int64) Value {
	if v >= smallIntMin && v <= smallIntMax {
		return smallInts[v-smallIntMin]
	}
	return t.allocInt(v)
}

// allocInt returns a new int object with value v, outside the small-int cache.
func (t *Thread) allocInt(v int64) Value {
	t.Cost += t.Costs.IntAlloc
	in := t.in
	var i *Int
	if n := len(in.intFree); n > 0 {
		i = in.intFree[n-1]
		in.intFree = in.intFree[:n-1]
		i.flags = 0
		i.V = v
	} else {
		i = &Int{V: v}
	}
	in.alloc(&i.Header)
	return i
}

// newBigInt returns a new int from a big.Int (which it takes ownership of),
// normalising to the small form when it fits.
func (t *Thread) newBigInt(b *big.Int) Value {
	if b.IsInt64() {
		return t.newInt(b.Int64())
	}
	i := &Int{Big: b}
	t.in.alloc(&i.Header)
	t.in.charge(len(b.Bits()) * 8)
	return i
}

func (t *Thread) newFloat(f float64) Value {
	x := &Float{V: f}
	t.in.alloc(&x.Header)
	return x
}

var smallInts = func() [smallIntMax - smallIntMin + 1]*Int {
	var a [smallIntMax - smallIntMin + 1]*Int
	for i := range a {
		a[i] = &Int{Header: Header{Ref: 1, ID: uint64(1000 + i), flags: flagImmortal | flagStatic}, V: int64(i + smallIntMin)}
	}
	return a
}()

// iface is the layout of a non-empty interface value.
type iface struct {
	tab, data unsafe.Pointer
}

// hdrOf returns v's header without a dynamic call: every Value is a pointer to a struct
// whose first field is its Header (TestHeaderFirst checks each kind), so the interface's
// data word points at the Header.
func hdrOf(v Value) *Header {
	return (*Header)((*iface)(unsafe.Pointer(&v)).data)
}

// Incref takes a new reference to v.
func (t *Thread) Incref(v Value) {
	h := hdrOf(v)
	if h.flags == 0 {
		h.Ref++
		return
	}
	t.increfSlow(v, h)
}

func (t *Thread) increfSlow(v Value, h *Header) {
	if h.flags&flagImmortal != 0 {
		return
	}
	if h.flags&flagFreed != 0 && t.in.Config.Debug {
		panic(fmt.Sprintf("gilscope internal error: incref of freed %s object", v.Type().Name))
	}
	h.Ref++
	if h.flags&flagTraced != 0 && t.in.Hook != nil {
		t.in.Hook.Ref(t, v, 1)
	}
}

// Decref drops a reference to v, freeing it at zero.
func (t *Thread) Decref(v Value) {
	h := hdrOf(v)
	if h.flags == 0 {
		h.Ref--
		if h.Ref == 0 {
			t.free(v)
		}
		return
	}
	t.decrefSlow(v, h)
}

func (t *Thread) decrefSlow(v Value, h *Header) {
	if h.flags&flagImmortal != 0 {
		return
	}
	if h.flags&flagFreed != 0 && t.in.Config.Debug {
		panic(fmt.Sprintf("gilscope internal error: decref of freed %s object", v.Type().Name))
	}
	h.Ref--
	if h.flags&flagTraced != 0 && t.in.Hook != nil {
		t.in.Hook.Ref(t, v, -1)
	}
	if h.Ref == 0 && h.flags&flagStatic == 0 {
		t.free(v)
	}
}

// decrefPair drops a reference to x and one to y: one call where two Decrefs (too
// large for Go to inline) would be two, for the operators' operands.
func (t *Thread) decrefPair(x, y Value) {
	if h := hdrOf(x); h.flags == 0 {
		if h.Ref--; h.Ref == 0 {
			t.free(x)
		}
	} else if h.flags&flagImmortal == 0 {
		t.decrefSlow(x, h)
	}
	if h := hdrOf(y); h.flags == 0 {
		if h.Ref--; h.Ref == 0 {
			t.free(y)
		}
	} else if h.flags&flagImmortal == 0 { // an operand is often a small int
		t.decrefSlow(y, h)
	}
}

// xdecref drops a reference to v if it is not nil.
func (t *Thread) xdecref(v Value) {
	if v != nil {
		t.Decref(v)
	}
}

// free releases an object whose count reached zero: it drops the references the
// object holds and returns small objects to a free list.
func (t *Thread) free(v Value) {
	h := v.hdr()
	in := t.in
	if in.delHooks && h.flags&flagFinalized == 0 {
		if o, ok := v.(*Instance); ok && t.finalizeInstance(o) {
			return // alive again until its __del__ has run (finalize.go)
		}
	}
	if h.flags&flagTraced != 0 && in.Hook != nil {
		in.Hook.Free(t, v)
	}
	h.flags |= flagFreed
	in.live--
	if h.flags&flagWeak != 0 {
		t.freeWeak(v)
	}
	switch o := v.(type) {
	case *Int:
		if o.sub != nil {
			t.freeSub(o.sub)
			o.sub = nil
		}
		if o.Big == nil && !in.Config.Debug && len(in.intFree) < 4096 {
			in.intFree = append(in.intFree, o)
		} else if o.Big != nil {
			in.charge(-len(o.Big.Bits()) * 8)
		}
		o.Big = nil
	case *Float:
		if o.sub != nil {
			t.freeSub(o.sub)
			o.sub = nil
		}
	case *Str:
		if o.sub != nil {
			t.freeSub(o.sub)
			o.sub = nil
		}
		in.charge(-len(o.S))
	case *Bytes:
		if o.sub != nil {
			t.freeSub(o.sub)
			o.sub = nil
		}
		in.charge(-len(o.B))
	case *ByteArray:
		o.B = nil
		in.hold(&o.mem, 0)
	case *MemoryView:
		t.mvRelease(o)
	case *List:
		if o.sub != nil {
			t.freeSub(o.sub)
			o.sub = nil
		}
		items := o.Items
		o.Items = nil
		in.holdList(o)
		t.decrefAll(items)
	case *Tuple:
		if o.sub != nil {
			t.freeSub(o.sub)
			o.sub = nil
		}
		items := o.Items
		o.Items = nil
		in.charge(-len(items) * itemBytes)
		t.decrefAll(items)
	case *Dict:
		if o.sub != nil {
			t.freeSub(o.sub)
			o.sub = nil
		}
		t.clearDict(o)
	case *Set:
		if o.sub != nil {
			t.freeSub(o.sub)
			o.sub = nil
		}
		t.clearSet(o)
	case *Instance:
		if o.local != nil {
			t.freeLocal(o)
		}
		if o.Dict != nil {
			t.decrefItem(o.Dict)
		}
		if o.Exc != nil {
			t.clearExc(o.Exc)
		}
	case *Function:
		t.xdecrefNil(o.Globals)
		t.xdecrefNil(o.Defaults)
		t.xdecrefNil(o.KwDefaults)
		t.xdecrefNil(o.Annotations)
		t.xdecrefNil(o.Dict)
		t.xdecrefNil(o.builtins)
		t.xdecref(o.doc)
		t.xdecref(o.module)
		for _, c := range o.Closure {
			t.Decref(c)
		}
	case *BoundMethod:
		t.Decref(o.Self)
		t.Decref(o.Func)
	case *GenericAlias:
		t.Decref(o.Origin)
		t.Decref(o.Args)
	case *UnionType:
		t.Decref(o.Args)
	case *Builtin:
		if o.Self != nil {
			t.Decref(o.Self)
		}
	case *Cell:
		t.xdecref(o.V)
	case *property:
		t.xdecref(o.get)
		t.xdecref(o.set)
		t.xdecref(o.del)
		t.xdecref(o.doc)
	case *tbObject:
		t.Decref(o.exc)
	case *staticMethod:
		t.xdecref(o.fn)
	case *classMethod:
		t.xdecref(o.fn)
	case *Slice:
		t.Decref(o.Start)
		t.Decref(o.Stop)
		t.Decref(o.Step)
	case *iterator:
		t.xdecref(o.seq)
		o.seq = nil
		if o.kind == iterSnapshot && int(o.i) < len(o.items) {
			for _, v := range o.items[o.i:] {
				t.xdecref(v)
			}
		}
		o.items = nil
	case *dictView:
		t.Decref(o.d)
	case *Generator:
		t.finalizeGen(o)
	case *lazyIter:
		t.freeLazy(o)
	case *genFrame:
		t.Decref(o.g)
	case *Class:
		t.xdecrefNil(o.Dict)
		if o.Meta != nil {
			t.Decref(o.Meta)
		}
	case *Module:
		t.xdecrefNil(o.Dict)
	case Deallocator:
		o.Dealloc(t)
	}
}

// Deallocator is an object defined outside this package that releases what it holds
// when its last reference goes (a socket closes its descriptor, as CPython's
// socket_dealloc does).
type Deallocator interface {
	Value
	Dealloc(t *Thread)
}

func (t *Thread) xdecrefNil(v interface{ hdr() *Header }) {
	switch v := v.(type) {
	case *Dict:
		if v != nil {
			t.Decref(v)
		}
	case *Tuple:
		if v != nil {
			t.Decref(v)
		}
	}
}

func (t *Thread) decrefAll(items []Value) {
	// Last first, as CPython's list and tuple deallocators drop their items, which
	// their finalizers and weak references' callbacks show.
	for i := len(items) - 1; i >= 0; i-- {
		if x := items[i]; x != nil {
			t.decrefItem(x)
		}
	}
}

// maxFreeDepth is how deeply freeing a container may recurse into the containers it
// held before their release is deferred.
const maxFreeDepth = 256

// decrefItem drops a reference a container held. Freeing a structure nested a
// million deep would recurse once per level on the Go stack; past maxFreeDepth levels
// the drop waits in a list that the outermost call empties, as CPython's trashcan
// does.
func (t *Thread) decrefItem(x Value) {
	in := t.in
	if in.freeDepth >= maxFreeDepth {
		in.trash = append(in.trash, x)
		return
	}
	in.freeDepth++
	t.Decref(x)
	in.freeDepth--
	if in.freeDepth == 0 {
		for len(in.trash) > 0 {
			n := len(in.trash) - 1
			y := in.trash[n]
			in.trash[n] = nil
			in.trash = in.trash[:n]
			in.freeDepth++
			t.Decref(y)
			in.freeDepth--
		}
	}
}

// Trace marks v so that its refcount changes are reported to the hook.
func Trace(v Value) {
	h := v.hdr()
	if h.flags&flagImmortal == 0 {
		h.flags |= flagTraced
	}
}

// traceShared starts tracing a mutable object stored in a module's globals: the
// objects threads share. Immutable values (numbers, strings) are replaced on every store
// and are not traced.
func (t *Thread) traceShared(v Value) {
	switch v.(type) {
	case *List, *Dict, *Set, *Instance, *Tuple:
	case *Function, *Class:
		if !t.in.TraceCallables {
			return
		}
	default:
		return
	}
	h := v.hdr()
	if h.flags&(flagTraced|flagImmortal|flagStatic) != 0 || t.frame == nil ||
		t.in.main == nil || t.frame.globals != t.in.main.Dict {
		return
	}
	h.flags |= flagTraced
	t.in.Hook.Alloc(t, v)
}

// LiveObjects returns the number of allocated, not yet freed objects.
func (in *Interp) LiveObjects() int64 { return in.live }
