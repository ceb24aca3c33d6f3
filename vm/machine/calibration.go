// This file defines the calibrated clock: each CPython model's costs, measured on the
// real interpreter by tools/calibrate and written to calib_*.go, and how they become
// the price list (py.Costs) of the model's threads (docs/models.md, "The clock").

package machine

import (
	"fmt"

	"github.com/gilscope/gilscope/vm/compile"
	"github.com/gilscope/gilscope/vm/py"
)

// CostFeature is one coordinate of a cost vector: a class of instructions or a unit of
// a builtin's work. tools/calibrate fits one price per feature and version.
type CostFeature int

const (
	// OpSimple: loads and stores of locals and constants, stack shuffles, jumps.
	OpSimple CostFeature = iota
	// OpArith: binary and unary operators on small operands.
	OpArith
	// Div: what a division or remainder adds to its operator (the hardware divide).
	Div
	// Bitwise: what &, |, ^, << or >> adds to its operator (measured apart because
	// it differs by version: under 3.9 `i & 63` takes longer than `i % 100`).
	Bitwise
	// OpCompare: comparisons, identity tests and the conditional jumps' truth tests.
	OpCompare
	// OpGlobal: loads and stores of globals, names and cells.
	OpGlobal
	// OpIter: GET_ITER and FOR_ITER.
	OpIter
	// OpAttr: attribute loads and stores.
	OpAttr
	// OpSubscr: subscripts, slices, `in`, and a comprehension's append.
	OpSubscr
	// OpBuild: building containers and strings, unpacking, making functions, and the
	// rarer instructions (imports, classes, exceptions, with).
	OpBuild
	// OpCall: CALL and RETURN_VALUE themselves (the frame or the C call is priced apart).
	OpCall
	// OpYield: a generator's YIELD_VALUE and a SEND into one: a switch of frames
	// without a frame to push.
	OpYield
	// PyCall: pushing a Python frame.
	PyCall
	// CCall: calling a builtin function or method.
	CCall
	// CItem: one item of a builtin's own loop over an iterable (sum, list(x)…).
	CItem
	// TypeCall: calling a builtin type (str(x), list(x)…).
	TypeCall
	// IntAlloc: an int allocated outside the small-int cache (and freed later).
	IntAlloc
	// NewObject: creating an instance of a Python class.
	NewObject
	// DictOp: one dict lookup or store by key.
	DictOp
	// DictStore: what a dict store adds to its lookup (a reference taken and one
	// dropped, or an entry appended).
	DictStore
	// FormatCall: one %-formatting operation.
	FormatCall
	// StrFormatCall: one str.format call.
	StrFormatCall
	// FormatItem: one conversion of %-formatting, format() or an f-string.
	FormatItem
	// FormatChar: one character of formatted output.
	FormatChar
	// IntDigit: one digit of an int turned into a string.
	IntDigit
	// IntConvert: one conversion of an int to a string (str, repr, %d, format),
	// whatever its digits.
	IntConvert
	// PctInt: what converting an int by %d (%i, %u) adds to str(i)'s conversion.
	PctInt
	// StrChar: one character copied by join or concatenation.
	StrChar
	// StrPiece: one string joined or concatenated.
	StrPiece
	// SortDeep: one comparison of a sort of n items times log2(n) (comparisons grow
	// dearer as the list outgrows the caches).
	SortDeep
	// SortCompare: one comparison of a sort.
	SortCompare
	// ItemCopy: one item of a list or tuple copied (list(x), x[:], sorted(x)…).
	ItemCopy
	// SortMiss: one comparison of a sort of n items whose outcome a branch predictor
	// would have guessed wrong, times log2(n).
	SortMiss
	// SortItem: one item of a sort (CPython's pre-sort look at each key).
	SortItem
	// NumCostFeatures is the length of a cost vector.
	NumCostFeatures
)

var costFeatureNames = [NumCostFeatures]string{"op_simple", "op_arith", "div", "bitwise", "op_compare", "op_global",
	"op_iter", "op_attr", "op_subscr", "op_build", "op_call", "op_yield", "py_call", "c_call", "c_item", "type_call",
	"int_alloc", "new_object", "dict_op", "dict_store", "format_call", "str_format_call", "format_item", "format_char",
	"int_digit", "int_convert", "pct_int", "str_char", "str_piece", "sort_deep", "sort_compare", "item_copy", "sort_miss", "sort_item"}

func (f CostFeature) String() string {
	if f >= 0 && f < NumCostFeatures {
		return costFeatureNames[f]
	}
	return fmt.Sprintf("CostFeature(%d)", int(f))
}

// CostVector is a price per feature, in ns.
type CostVector [NumCostFeatures]float64

// Calibration is one interpreter's measured costs.
type Calibration struct {
	// Interpreter, Machine and Date say what was measured, where and when.
	Interpreter, Machine, Date string
	// Method says how (repetitions, the machine's load).
	Method string
	// Costs are the fitted prices.
	Costs CostVector
	// ClockRead is the CPU time of reading a clock (time.perf_counter), in ns.
	ClockRead float64
	// Blocking are the measured durations of the blocking calls.
	Blocking Blocking
	// Procs are the measured costs of starting processes and of pickling; a zero
	// figure was not measured (2.7 has neither spawn nor forkserver) and the
	// machine uses its default (procDefaults).
	Procs Procs
}

// Procs is what starting a process and pickling cost an interpreter, in ns, timed
// inside it by tools/calibrate/procs.py (each the best of many samples), split into
// the parts the machine charges (mp.go): the parent's share while Process.start()
// runs, holding the GIL, and the child's before it runs Python (start-up, and the
// exit and reaping that join() waits for).
type Procs struct {
	// ForkParent and ForkChild are fork's shares for a parent of the measuring
	// script's size; …PerMB are what each MB more of the parent's resident memory
	// adds (page tables copied by fork(), unmapped by the child's exit).
	ForkParent, ForkParentPerMB float64
	ForkChild, ForkChildPerMB   float64
	// SpawnParent (fork+exec of a new interpreter, until exec succeeds) and
	// SpawnChild (the interpreter's start-up and imports, the main module
	// imported again).
	SpawnParent, SpawnChild float64
	// ServerStart is starting forkserver's server, once; ServerParent and
	// ServerChild are each child's shares after that.
	ServerStart, ServerParent, ServerChild float64
	// ForkExit, SpawnExit and ServerExit are the part of the child's share that
	// comes after its target returns: the interpreter's exit (a full finalization
	// under spawn), the kernel's teardown and the joining parent's wake-up.
	// ForkKill, SpawnKill and ServerKill are terminate() to join() returning.
	ForkExit, SpawnExit, ServerExit float64
	ForkKill, SpawnKill, ServerKill float64
	// Pickling per byte of the pickle: bytes (a copy) and the structure of many
	// small objects (a list of ints), dumped and loaded.
	DumpsRaw, LoadsRaw, DumpsStruct, LoadsStruct float64
}

// Blocking is what an interpreter's blocking calls take, in ns, timed inside it by
// tools/calibrate/blocking.py. A call's own cost is the best per-call time of many
// batches; a latency between threads or to a timer is a distribution, given by its
// best and its median sample (docs/models.md, "The clock").
type Blocking struct {
	// SleepZero is time.sleep(0), per call.
	SleepZero float64
	// SleepOver and SleepOverMedian are how much later than asked time.sleep(0.001)
	// returns: the timer slack plus the wake-up.
	SleepOver, SleepOverMedian float64
	// LockPair is an uncontended Lock acquire and release, the two calls included.
	LockPair float64
	// WakeLock… are the wake-up latencies: from lock.release(), Event.set() or
	// Queue.put() in one thread, which then blocks, to the waiting thread running.
	WakeLock, WakeLockMedian   float64
	WakeEvent, WakeEventMedian float64
	WakeQueue, WakeQueueMedian float64
	// SockRoundTrip is a send and a recv each way over a socketpair in one thread.
	SockRoundTrip float64
	// SockRoundTripThreads… is a send and recv to an echoing thread and back.
	SockRoundTripThreads, SockRoundTripThreadsMedian float64
	// FileWrite and FileRead are os.write and os.read of 100 bytes of a file.
	FileWrite, FileRead float64
	// PrintBuffered and PrintFlushed are a print of a short line to a pipe, into the
	// file's buffer and flushed at each line.
	PrintBuffered, PrintFlushed float64
}

// calibrations are the measured models; the others borrow one (Model.CostsFrom).
var calibrations = map[string]*Calibration{
	"cpython-2.7":  &calibCPython27,
	"cpython-3.9":  &calibCPython39,
	"cpython-3.11": &calibCPython311,
	"cpython-3.12": &calibCPython312,
	"cpython-3.13": &calibCPython313,
}

// CalibrationFor returns the calibration a model's clock uses: its own, or the one
// named by its CostsFrom.
func CalibrationFor(m *Model) *Calibration {
	name := m.Name
	if m.CostsFrom != "" {
		name = m.CostsFrom
	}
	if c := calibrations[name]; c != nil {
		return c
	}
	return calibrations[DefaultModel]
}

// Clock says in words what the model's clock was calibrated against, e.g. "CPython
// 3.12.1 on AMD EPYC, 2 cores, linux/amd64 (2026-12-03)", with the scale applied to
// a borrowed calibration.
func (m *Model) Clock() string {
	c := CalibrationFor(m)
	s := fmt.Sprintf("%s on %s (%s)", c.Interpreter, c.Machine, c.Date)
	if m.Speed != 1 {
		s += fmt.Sprintf(", every cost ×%.3g", m.Speed)
	}
	return s
}

// opFeature is the class of each opcode.
var opFeature = func() (f [256]CostFeature) {
	for i := range f {
		f[i] = OpBuild
	}
	set := func(c CostFeature, ops ...compile.Opcode) {
		for _, op := range ops {
			f[op] = c
		}
	}
	set(OpSimple, compile.NOP, compile.POP_TOP, compile.PUSH_NULL, compile.END_FOR, compile.COPY,
		compile.SWAP, compile.RESUME, compile.RETURN_CONST, compile.LOAD_CONST, compile.LOAD_FAST,
		compile.STORE_FAST, compile.DELETE_FAST, compile.LOAD_CLOSURE, compile.JUMP_FORWARD,
		compile.JUMP_BACKWARD, compile.KW_NAMES)
	set(OpArith, compile.BINARY_OP, compile.UNARY_NEGATIVE, compile.UNARY_INVERT)
	set(OpCompare, compile.COMPARE_OP, compile.IS_OP, compile.UNARY_NOT, compile.POP_JUMP_IF_FALSE,
		compile.POP_JUMP_IF_TRUE, compile.POP_JUMP_IF_NONE, compile.POP_JUMP_IF_NOT_NONE)
	set(OpGlobal, compile.LOAD_GLOBAL, compile.STORE_GLOBAL, compile.LOAD_NAME, compile.STORE_NAME,
		compile.LOAD_DEREF, compile.STORE_DEREF)
	set(OpIter, compile.GET_ITER, compile.FOR_ITER)
	set(OpAttr, compile.LOAD_ATTR, compile.STORE_ATTR)
	set(OpSubscr, compile.BINARY_SUBSCR, compile.STORE_SUBSCR, compile.DELETE_SUBSCR,
		compile.BINARY_SLICE, compile.STORE_SLICE, compile.CONTAINS_OP, compile.LIST_APPEND,
		compile.SET_ADD, compile.MAP_ADD)
	set(OpCall, compile.CALL, compile.CALL_FUNCTION_EX, compile.RETURN_VALUE)
	// A generator's yield and a send switch frames, more cheaply than a call and a
	// return: the frame exists already.
	set(OpYield, compile.YIELD_VALUE, compile.SEND)
	set(OpSimple, compile.END_SEND, compile.JUMP_BACKWARD_NO_INTERRUPT)
	set(OpIter, compile.GET_YIELD_FROM_ITER)
	return f
}()

// OpFeature returns the class of an opcode's cost.
func OpFeature(op compile.Opcode) CostFeature { return opFeature[op] }

// Table returns the price list of a calibration, every price multiplied by scale (a
// model's overhead relative to the interpreter it borrows its calibration from).
func (c *Calibration) Table(scale float64) py.Costs {
	ps := func(f CostFeature) int64 { return int64(c.Costs[f]*scale*1000 + 0.5) }
	var t py.Costs
	for op := range t.Op {
		t.Op[op] = ps(opFeature[op])
	}
	t.PyCall, t.CCall, t.CItem, t.TypeCall = ps(PyCall), ps(CCall), ps(CItem), ps(TypeCall)
	for arg, class := range py.BinOpClass {
		switch class {
		case py.BinDivide:
			t.BinOp[arg] = ps(Div)
		case py.BinBitwise:
			t.BinOp[arg] = ps(Bitwise)
		}
	}
	t.IntAlloc, t.NewObject, t.DictOp, t.DictStore = ps(IntAlloc), ps(NewObject), ps(DictOp), ps(DictStore)
	t.FormatCall, t.StrFormatCall = ps(FormatCall), ps(StrFormatCall)
	t.FormatItem, t.FormatChar = ps(FormatItem), ps(FormatChar)
	t.IntDigit, t.IntConvert, t.PctInt = ps(IntDigit), ps(IntConvert), ps(PctInt)
	t.StrChar, t.StrPiece = ps(StrChar), ps(StrPiece)
	t.SortCompare, t.SortDeep, t.SortMiss = ps(SortCompare), ps(SortDeep), ps(SortMiss)
	t.ItemCopy, t.SortItem = ps(ItemCopy), ps(SortItem)
	return t
}

// blockingCosts are the durations the machine gives blocking calls, in ps, derived
// from a calibration's measured Blocking (docs/models.md, "Blocking calls"). The
// latencies (wake-ups, a sleep's overshoot) are not among them: measured on a loaded
// machine they say more about the load than about the system (docs/calibration.md).
type blockingCosts struct {
	// selectZero: time.sleep(0) where it is a select() that returns at once.
	selectZero int64
	// sockCall: the CPU time of a socket send or recv system call.
	sockCall int64
	// fsRead, fsWrite: the CPU time of a small read or write of a file in the page cache.
	fsRead, fsWrite int64
	// lineWrite: the write(2) of a printed line (py/stdio.go).
	lineWrite int64
}

// costs derives the machine's blocking costs from the measurements:
//   - SleepZero is the whole call (a select() on ≤ 3.10).
//   - A send and a recv each way in one thread (SockRoundTrip) are four system calls
//     and four method calls; a method call costs about what half of LockPair does.
//   - FileRead and FileWrite are an os.lseek and an os.read or os.write: two calls.
//   - PrintFlushed is PrintBuffered plus a flush() call and its write(2).
func (b Blocking) costs() blockingCosts {
	ps := func(ns float64) int64 { return int64(max(ns, 0)*1000 + 0.5) }
	call := b.LockPair / 2
	return blockingCosts{
		selectZero: ps(b.SleepZero),
		sockCall:   ps(b.SockRoundTrip/4 - call),
		fsRead:     ps(b.FileRead - 2*call),
		fsWrite:    ps(b.FileWrite - 2*call),
		lineWrite:  ps(b.PrintFlushed - b.PrintBuffered - call),
	}
}

// procCosts are the machine's costs of processes and pickling, in ps (mp.go).
type procCosts struct {
	forkParent, forkParentPerMB, forkChild, forkChildPerMB int64
	spawnParent, spawnChild                                int64
	serverStart, serverParent, serverChild                 int64
	forkExit, spawnExit, serverExit                        int64 // part of the child's share
	forkKill, spawnKill, serverKill                        int64
	dumpsRaw, loadsRaw, dumpsStruct, loadsStruct           int64 // per byte
}

// procDefaults are the costs of a model whose interpreter did not measure one
// (docs/models.md, "Processes": start and join of an empty target take ~2.4 ms with
// fork, ~50–60 ms with spawn, ~80 ms for forkserver's first child and 5–25 ms after;
// pickle copies bytes at ~1 GB/s and dumps many small objects at ~250 MB/s, loads
// them at ~65 MB/s; of a child's share, its exit after the target takes ~0.4 ms
// with fork and forkserver and ~7 ms with spawn, and terminate() to join() ~0.4 ms
// with fork, ~1 ms with the others, as 3.12 measured them).
var procDefaults = Procs{
	ForkParent: 500_000, ForkParentPerMB: 50_000, ForkChild: 1_400_000,
	SpawnParent: 1_000_000, SpawnChild: 50_000_000,
	ServerStart: 80_000_000, ServerChild: 10_000_000,
	ForkExit: 400_000, SpawnExit: 7_000_000, ServerExit: 400_000,
	ForkKill: 400_000, SpawnKill: 1_000_000, ServerKill: 1_000_000,
	DumpsRaw: 1, LoadsRaw: 1, DumpsStruct: 4, LoadsStruct: 15.385,
}

// costs derives the machine's process costs, each measured figure or its default.
func (p Procs) costs() procCosts {
	ps := func(ns, def float64) int64 {
		if ns <= 0 {
			ns = def
		}
		return int64(ns*1000 + 0.5)
	}
	d := procDefaults
	return procCosts{
		forkParent: ps(p.ForkParent, d.ForkParent), forkParentPerMB: ps(p.ForkParentPerMB, d.ForkParentPerMB),
		forkChild: ps(p.ForkChild, d.ForkChild), forkChildPerMB: ps(p.ForkChildPerMB, d.ForkChildPerMB),
		spawnParent: ps(p.SpawnParent, d.SpawnParent), spawnChild: ps(p.SpawnChild, d.SpawnChild),
		serverStart: ps(p.ServerStart, d.ServerStart), serverParent: ps(p.ServerParent, d.ServerParent),
		serverChild: ps(p.ServerChild, d.ServerChild),
		forkExit:    ps(p.ForkExit, d.ForkExit), spawnExit: ps(p.SpawnExit, d.SpawnExit),
		serverExit: ps(p.ServerExit, d.ServerExit),
		forkKill:   ps(p.ForkKill, d.ForkKill), spawnKill: ps(p.SpawnKill, d.SpawnKill),
		serverKill: ps(p.ServerKill, d.ServerKill),
		dumpsRaw:   ps(p.DumpsRaw, d.DumpsRaw), loadsRaw: ps(p.LoadsRaw, d.LoadsRaw),
		dumpsStruct: ps(p.DumpsStruct, d.DumpsStruct), loadsStruct: ps(p.LoadsStruct, d.LoadsStruct),
	}
}
