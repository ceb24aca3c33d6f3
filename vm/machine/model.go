// This file defines the interpreter models: named, documented parameter sets plus the
// GIL mechanism each uses. One place for each fact: every figure here cites where it
// comes from (docs/models.md, CPython sources).

package machine

import (
	"fmt"
	"sort"
	"strings"

	"github.com/gilscope/gilscope/vm/compile"
)

// GILKind selects a GIL mechanism.
type GILKind uint8

const (
	// NewGIL is CPython 3.2+'s GIL (Python/ceval_gil.c): a timed condition wait, a drop
	// request after a full interval without a switch, forced hand-off.
	NewGIL GILKind = iota
	// OldGIL is CPython ≤ 3.1 / 2.7's GIL: a semaphore released and re-acquired every
	// check interval, with no hand-off (futile wake-ups).
	OldGIL
	// NoGIL: threads run bytecode in parallel (free-threaded CPython, the GIL removed,
	// Jython, IronPython).
	NoGIL
	// PyPyGIL is PyPy's GIL: a flag released around external calls without a signal,
	// a stealer thread polling it, and a holder that yields every N bytecodes when
	// someone waits.
	PyPyGIL
	// RubyGVL is CRuby 3.3's Global VM Lock: FIFO waiters, a 100 ms quantum charged by a
	// timer thread, and a forced yield that waits until another thread has the lock.
	RubyGVL
)

// RefcountKind says how reference counts are kept.
type RefcountKind uint8

const (
	// RCPlain: plain loads and stores (CPython). Correct only under a lock; without a
	// GIL, updates from two cores at once are lost.
	RCPlain RefcountKind = iota
	// RCAtomic: every update is an atomic read-modify-write.
	RCAtomic
	// RCLocked: every update takes the object's lock (the 1996 free-threading patch).
	RCLocked
	// RCBiased: biased reference counting (PEP 703): the owner thread updates a local
	// count with plain stores, other threads a shared count atomically.
	RCBiased
	// RCNone: no reference counts; a tracing garbage collector (PyPy, the JVM, the
	// CLR, Ruby).
	RCNone
)

var refcountNames = [...]string{"plain", "atomic", "per-object locks", "biased", "none (tracing GC)"}

func (k RefcountKind) String() string { return refcountNames[k] }

// Model is an interpreter model.
type Model struct {
	Name        string
	Description string
	Version     [3]int
	GIL         GILKind
	// SwitchInterval is the default sys.setswitchinterval, in ns (new GIL).
	SwitchInterval int64
	// CheckInterval is 2.7's sys.setcheckinterval, in ticks (old GIL).
	CheckInterval int
	// Checkpoints are the opcodes before which the eval breaker is checked (new GIL)
	// or a tick is counted (old GIL).
	Checkpoints [256]bool
	// CostsFrom names the calibrated model whose measured costs this one uses
	// (calibration.go); empty for a calibrated model itself.
	CostsFrom string
	// Speed scales every cost of the calibration (1 = the calibrated interpreter).
	Speed float64
	// ImmortalObjects: None, small ints and interned strings are immortal (3.12+, PEP 683).
	ImmortalObjects bool
	// ImmortalRefcount is what sys.getrefcount reports for an immortal object.
	ImmortalRefcount int64
	// SleepZeroSelect: time.sleep(0) is a select() that returns at once (≤ 3.10); 3.11+
	// uses clock_nanosleep, which sleeps for the timer slack.
	SleepZeroSelect bool
	// Refcounts says how reference counts are kept.
	Refcounts RefcountKind
	// ImmortalizeShared: when a second thread starts, module-level functions, classes
	// and modules become immortal (3.13t); DeferredShared: their counts are deferred
	// (3.14t) — either way, threads stop fighting over them.
	ImmortalizeShared, DeferredShared bool
	// YieldTicks is PyPy's yield period, in bytecodes.
	YieldTicks int
	// Quantum is Ruby's GVL quantum, in ns.
	Quantum int64
	// GCEvery and GCPause: a tracing collector stops every thread for GCPause (ns)
	// every GCEvery allocations.
	GCEvery, GCPause int64
	// Family groups the models in listings: "cpython", "free-threaded", "experiment",
	// "other".
	Family string
}

// Parallel reports whether threads run bytecode at the same time.
func (m *Model) Parallel() bool { return m.GIL == NoGIL }

// Params describes the model's key parameters in one line.
func (m *Model) Params() string {
	var p []string
	switch m.GIL {
	case NewGIL:
		p = append(p, fmt.Sprintf("GIL: timed wait, interval %s", fmtNs(m.SwitchInterval)))
	case OldGIL:
		p = append(p, fmt.Sprintf("GIL: semaphore, every %d ticks", m.CheckInterval))
	case NoGIL:
		p = append(p, "no GIL")
	case PyPyGIL:
		p = append(p, fmt.Sprintf("GIL: yields every %d bytecodes, stealer polls every %s", m.YieldTicks, fmtNs(pypyStealerPoll)))
	case RubyGVL:
		p = append(p, fmt.Sprintf("GVL: FIFO, quantum %s, timer %s", fmtNs(m.Quantum), fmtNs(rubyTimerTick)))
	}
	p = append(p, "refcounts: "+m.Refcounts.String())
	if m.GCEvery > 0 {
		p = append(p, fmt.Sprintf("GC pause %s every %d allocations", fmtNs(m.GCPause), m.GCEvery))
	}
	p = append(p, fmt.Sprintf("speed ×%.2f", 1/m.Speed))
	return strings.Join(p, "; ")
}

// fmtNs formats a duration in ns for people.
func fmtNs(ns int64) string {
	switch {
	case ns >= ms && ns%ms == 0:
		return fmt.Sprintf("%d ms", ns/ms)
	case ns >= us && ns%us == 0:
		return fmt.Sprintf("%d µs", ns/us)
	}
	return fmt.Sprintf("%d ns", ns)
}

// fastOpcodes are the instructions CPython ≤ 3.9 dispatches without checking the eval
// breaker (FAST_DISPATCH / fast_next_opcode in Python/ceval.c): loads and stores of
// locals and constants, stack shuffles and conditional jumps. yield from is one
// YIELD_FROM there, which skips the check: SEND and the rest of the 3.12 loop that
// stands for it are fast, and so is RETURN_GENERATOR (3.9 makes the generator inside
// the call).
var fastOpcodes = []compile.Opcode{compile.NOP, compile.LOAD_FAST, compile.LOAD_CONST,
	compile.STORE_FAST, compile.POP_TOP, compile.PUSH_NULL, compile.COPY, compile.SWAP,
	compile.POP_JUMP_IF_FALSE, compile.POP_JUMP_IF_TRUE, compile.POP_JUMP_IF_NONE,
	compile.POP_JUMP_IF_NOT_NONE, compile.JUMP_FORWARD, compile.RESUME, compile.KW_NAMES,
	compile.END_FOR, compile.RETURN_GENERATOR, compile.SEND, compile.END_SEND,
	compile.CLEANUP_THROW, compile.JUMP_BACKWARD_NO_INTERRUPT}

// everyInstruction marks every opcode except the fast ones.
func everyInstruction() (c [256]bool) {
	for i := range c {
		c[i] = true
	}
	for _, op := range fastOpcodes {
		c[op] = false
	}
	return c
}

// backEdgesAndCalls marks 3.10+'s check points: loop back-edges, function entry and
// calls (Python/bytecodes.c: CHECK_EVAL_BREAKER in JUMP_BACKWARD, RESUME, CALL*). A
// generator checks at RESUME 1 after each yield. JUMP_BACKWARD_NO_INTERRUPT does not
// check; RESUME 2 (inside yield from) checks here, where CPython skips it: the table
// is per opcode, and looking at RESUME's argument cost the countdown loop a register
// (docs/models.md).
func backEdgesAndCalls() (c [256]bool) {
	for _, op := range []compile.Opcode{compile.JUMP_BACKWARD, compile.RESUME, compile.CALL,
		compile.CALL_FUNCTION_EX} {
		c[op] = true
	}
	return c
}

const (
	ms = int64(1_000_000)
	us = int64(1_000)
)

var models = map[string]*Model{
	"cpython-3.12": {Name: "cpython-3.12", Family: "cpython", Version: [3]int{3, 12, 1}, GIL: NewGIL,
		Description:    "CPython 3.12: the new GIL (5 ms interval, forced hand-off), check points at back-edges and calls, immortal objects",
		SwitchInterval: 5 * ms, Checkpoints: backEdgesAndCalls(), Speed: 1.0,
		ImmortalObjects: true, ImmortalRefcount: 4294967295},
	"cpython-3.13": {Name: "cpython-3.13", Family: "cpython", Version: [3]int{3, 13, 0}, GIL: NewGIL,
		Description:    "CPython 3.13 (default build): as 3.12",
		SwitchInterval: 5 * ms, Checkpoints: backEdgesAndCalls(), Speed: 1.0,
		ImmortalObjects: true, ImmortalRefcount: 4294967295},
	"cpython-3.14": {Name: "cpython-3.14", Family: "cpython", Version: [3]int{3, 14, 0}, GIL: NewGIL,
		Description:    "CPython 3.14 (default build): as 3.12; multiprocessing starts processes with forkserver",
		SwitchInterval: 5 * ms, Checkpoints: backEdgesAndCalls(), CostsFrom: "cpython-3.13", Speed: 1.0,
		ImmortalObjects: true, ImmortalRefcount: 3221225472},
	"cpython-3.11": {Name: "cpython-3.11", Family: "cpython", Version: [3]int{3, 11, 7}, GIL: NewGIL,
		Description:    "CPython 3.11: the new GIL, check points at back-edges and calls, no immortal objects",
		SwitchInterval: 5 * ms, Checkpoints: backEdgesAndCalls(), Speed: 1.0,
		ImmortalRefcount: 4573},
	"cpython-3.9": {Name: "cpython-3.9", Family: "cpython", Version: [3]int{3, 9, 18}, GIL: NewGIL,
		Description:    "CPython 3.9: the new GIL checked before almost every instruction (a switch can split counter += 1)",
		SwitchInterval: 5 * ms, Checkpoints: everyInstruction(), Speed: 1.0,
		ImmortalRefcount: 4573, SleepZeroSelect: true},
	"cpython-2.7": {Name: "cpython-2.7", Family: "cpython", Version: [3]int{2, 7, 18}, GIL: OldGIL,
		Description:   "CPython 2.7: the old GIL, a semaphore released and re-taken every 100 ticks; futile wake-ups, no hand-off",
		CheckInterval: 100, Checkpoints: everyInstruction(), Speed: 1.0,
		ImmortalRefcount: 2528, SleepZeroSelect: true},

	// Beyond the GIL (docs/models.md, "Without a GIL" and "Processes"). Speeds are each build's single-thread cost
	// relative to the CPython whose calibration it borrows (Speed multiplies every cost).
	"nogil-unsafe": {Name: "nogil-unsafe", Family: "experiment", Version: [3]int{3, 12, 1}, GIL: NoGIL,
		Description: "CPython 3.12 with the GIL simply removed: plain refcounts race, objects leak or are freed while in use",
		Checkpoints: backEdgesAndCalls(), CostsFrom: "cpython-3.12", Speed: 1.0, Refcounts: RCPlain,
		ImmortalObjects: true, ImmortalRefcount: 4294967295},
	// The Gilectomy measured ~30 % overhead from atomic refcounts alone (docs/models.md, "Without a GIL").
	"nogil-atomic": {Name: "nogil-atomic", Family: "experiment", Version: [3]int{3, 12, 1}, GIL: NoGIL,
		Description: "the GIL removed, every refcount update atomic: correct, ~30 % slower, far slower when cores fight over an object",
		Checkpoints: backEdgesAndCalls(), CostsFrom: "cpython-3.12", Speed: 1.3, Refcounts: RCAtomic,
		ImmortalObjects: true, ImmortalRefcount: 4294967295},
	// Greg Stein's 1996 patch: ordinary code ran about 2× slower (docs/models.md, "Without a GIL").
	"fine-grained-locks": {Name: "fine-grained-locks", Family: "experiment", Version: [3]int{3, 12, 1}, GIL: NoGIL,
		Description: "the GIL replaced by a lock per object around refcounts and containers (the 1996 patch): correct, ~2× slower",
		Checkpoints: backEdgesAndCalls(), CostsFrom: "cpython-3.12", Speed: 2.0, Refcounts: RCLocked,
		ImmortalObjects: true, ImmortalRefcount: 4294967295},
	// 3.13t: ~40 % single-thread overhead, the specializing interpreter disabled
	// (docs/models.md, "Without a GIL").
	"cpython-3.13t": {Name: "cpython-3.13t", Family: "free-threaded", Version: [3]int{3, 13, 0}, GIL: NoGIL,
		Description: "free-threaded CPython 3.13: biased refcounts, per-object locks on containers, shared functions made immortal; ~40 % slower alone",
		Checkpoints: backEdgesAndCalls(), CostsFrom: "cpython-3.13", Speed: 1.4, Refcounts: RCBiased, ImmortalizeShared: true,
		ImmortalObjects: true, ImmortalRefcount: 4294967295},
	// 3.14t: 5–10 % (What's New); 1.06× geometric mean measured here (docs/models.md, "Without a GIL").
	"cpython-3.14t": {Name: "cpython-3.14t", Family: "free-threaded", Version: [3]int{3, 14, 0}, GIL: NoGIL,
		Description: "free-threaded CPython 3.14: biased refcounts, deferred counting of shared functions; ~6 % slower alone",
		Checkpoints: backEdgesAndCalls(), CostsFrom: "cpython-3.13", Speed: 1.06, Refcounts: RCBiased, DeferredShared: true,
		ImmortalObjects: true, ImmortalRefcount: 3221225472},
	// speed.pypy.org: PyPy ~4.8× faster than CPython over its benchmark suite.
	"pypy": {Name: "pypy", Family: "other", Version: [3]int{3, 10, 14}, GIL: PyPyGIL,
		Description: "PyPy 7.3: a GIL that yields every 10,000 bytecodes to waiters and is stolen by a polling thread; a JIT; no refcounts",
		Checkpoints: everyInstruction(), CostsFrom: "cpython-3.12", Speed: 1 / 4.8, Refcounts: RCNone, YieldTicks: 10_000,
		ImmortalRefcount: 1},
	"jython": {Name: "jython", Family: "other", Version: [3]int{2, 7, 3}, GIL: NoGIL,
		Description: "Jython 2.7 on the JVM: no GIL, threads truly parallel, a tracing GC that pauses every thread, no refcounts",
		Checkpoints: backEdgesAndCalls(), CostsFrom: "cpython-3.12", Speed: 1.0, Refcounts: RCNone, GCEvery: jvmYoungGCEvery, GCPause: jvmYoungGCPause,
		ImmortalRefcount: 1},
	"ironpython": {Name: "ironpython", Family: "other", Version: [3]int{3, 4, 1}, GIL: NoGIL,
		Description: "IronPython 3.4 on the CLR: the same mechanism as Jython — no GIL, parallel threads, tracing GC pauses",
		Checkpoints: backEdgesAndCalls(), CostsFrom: "cpython-3.12", Speed: 1.0, Refcounts: RCNone, GCEvery: jvmYoungGCEvery, GCPause: jvmYoungGCPause,
		ImmortalRefcount: 1},
	// CRuby 3.3's thread_pthread.c: a FIFO of waiters, TIME_QUANTUM 100 ms.
	"ruby-gvl": {Name: "ruby-gvl", Family: "other", Version: [3]int{3, 12, 1}, GIL: RubyGVL,
		Description: "Ruby 3.3's GVL running the same program: FIFO waiters, a 100 ms quantum, a 10 ms timer thread; I/O threads wait a whole quantum",
		Checkpoints: backEdgesAndCalls(), CostsFrom: "cpython-3.12", Speed: 1.0, Refcounts: RCNone, Quantum: 100 * ms,
		ImmortalRefcount: 1},
}

// Tracing collectors (JVM, CLR): a young collection stops every thread. Illustrative
// figures of a default JVM with a small young generation: a collection per ~500,000
// allocations (~32 MB of 64-byte objects) pausing ~1 ms.
const (
	jvmYoungGCEvery = 500_000
	jvmYoungGCPause = 1 * ms
)

// DefaultModel is the model used when none is named.
const DefaultModel = "cpython-3.12"

// LookupModel returns the named model.
func LookupModel(name string) (*Model, error) {
	if name == "" {
		name = DefaultModel
	}
	m, ok := models[name]
	if !ok {
		return nil, fmt.Errorf("unknown model %q (gilscope models lists them)", name)
	}
	return m, nil
}

// Models returns every model, by family, then by version.
func Models() []*Model {
	out := make([]*Model, 0, len(models))
	for _, m := range models {
		out = append(out, m)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Family != b.Family {
			return a.Family < b.Family
		}
		if a.Version != b.Version && a.Family != "other" {
			return versionLess(a.Version, b.Version)
		}
		return a.Name < b.Name
	})
	return out
}

// OS parameters (docs/models.md, "The machine"), shared by every model unless a run overrides them.
const (
	// DefaultTimeSlice is the OS scheduler's slice when threads outnumber cores.
	DefaultTimeSlice = 4 * ms
	// DefaultWakeLatency is the mean delay between a wake-up and the thread running on
	// an idle core (measured hand-off gaps: 12–56 µs).
	DefaultWakeLatency = 20 * us
	// minWakeLatency is the shortest wake-up.
	minWakeLatency = 12 * us
	// timerSlack is Linux's default timer slack: a timed sleep ends this much late.
	timerSlack = 50 * us
	// syscallCost is the CPU cost of entering the kernel for a blocking call.
	syscallCost = 1 * us
	// futexSyscallCost is the CPU cost of a futex_wake system call that finds nobody
	// asleep to wake.
	futexSyscallCost = 500 // ns
	// futexWakeCost is the CPU cost, to the waker, of waking a thread blocked on a
	// futex (a condition signal or semaphore post with a waiter).
	futexWakeCost = 2 * us
	// contextSwitchCost is the CPU cost of switching a core to another thread.
	contextSwitchCost = 3 * us
	// wakeupGranularity is CFS's sched_wakeup_granularity: a woken thread preempts a
	// running one whose virtual runtime exceeds its own by more than this.
	wakeupGranularity = 1 * ms
	// minGranularity is CFS's sched_min_granularity: a thread that got a core runs at
	// least this long before a woken thread may preempt it (no starvation).
	minGranularity = 750 * us
	// threadCreateCost is the CPU cost of creating an OS thread (clone + stack).
	threadCreateCost = 50 * us
)

func versionLess(a, b [3]int) bool {
	for i := range a {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return false
}
