// This file defines the interpreter models: named, documented parameter sets plus the
// GIL mechanism each uses. One place for each fact: every figure here cites where it
// comes from (../shared/MODEL.md sections, CPython sources).

package machine

import (
	"fmt"
	"sort"

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
)

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
	// Speed scales every instruction cost (1 = CPython 3.11 on the reference machine).
	Speed float64
	// ImmortalObjects: None, small ints and interned strings are immortal (3.12+, PEP 683).
	ImmortalObjects bool
	// ImmortalRefcount is what sys.getrefcount reports for an immortal object.
	ImmortalRefcount int64
	// SleepZeroSelect: time.sleep(0) is a select() that returns at once (≤ 3.10); 3.11+
	// uses clock_nanosleep, which sleeps for the timer slack.
	SleepZeroSelect bool
}

// fastOpcodes are the instructions CPython ≤ 3.9 dispatches without checking the eval
// breaker (FAST_DISPATCH / fast_next_opcode in Python/ceval.c): loads and stores of
// locals and constants, stack shuffles and conditional jumps.
var fastOpcodes = []compile.Opcode{compile.NOP, compile.LOAD_FAST, compile.LOAD_CONST,
	compile.STORE_FAST, compile.POP_TOP, compile.PUSH_NULL, compile.COPY, compile.SWAP,
	compile.POP_JUMP_IF_FALSE, compile.POP_JUMP_IF_TRUE, compile.POP_JUMP_IF_NONE,
	compile.POP_JUMP_IF_NOT_NONE, compile.JUMP_FORWARD, compile.RESUME, compile.KW_NAMES,
	compile.END_FOR}

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
// calls (Python/bytecodes.c: CHECK_EVAL_BREAKER in JUMP_BACKWARD, RESUME, CALL*).
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
	"cpython-3.12": {Name: "cpython-3.12", Version: [3]int{3, 12, 1}, GIL: NewGIL,
		Description:    "CPython 3.12: the new GIL (5 ms interval, forced hand-off), check points at back-edges and calls, immortal objects",
		SwitchInterval: 5 * ms, Checkpoints: backEdgesAndCalls(), Speed: 1.0,
		ImmortalObjects: true, ImmortalRefcount: 4294967295},
	"cpython-3.13": {Name: "cpython-3.13", Version: [3]int{3, 13, 0}, GIL: NewGIL,
		Description:    "CPython 3.13 (default build): as 3.12",
		SwitchInterval: 5 * ms, Checkpoints: backEdgesAndCalls(), Speed: 1.0,
		ImmortalObjects: true, ImmortalRefcount: 4294967295},
	"cpython-3.11": {Name: "cpython-3.11", Version: [3]int{3, 11, 7}, GIL: NewGIL,
		Description:    "CPython 3.11: the new GIL, check points at back-edges and calls, no immortal objects",
		SwitchInterval: 5 * ms, Checkpoints: backEdgesAndCalls(), Speed: 1.0,
		ImmortalRefcount: 4573},
	"cpython-3.9": {Name: "cpython-3.9", Version: [3]int{3, 9, 18}, GIL: NewGIL,
		Description:    "CPython 3.9: the new GIL checked before almost every instruction (a switch can split counter += 1)",
		SwitchInterval: 5 * ms, Checkpoints: everyInstruction(), Speed: 1.25,
		ImmortalRefcount: 4573, SleepZeroSelect: true},
	"cpython-2.7": {Name: "cpython-2.7", Version: [3]int{2, 7, 18}, GIL: OldGIL,
		Description:   "CPython 2.7: the old GIL, a semaphore released and re-taken every 100 ticks; futile wake-ups, no hand-off",
		CheckInterval: 100, Checkpoints: everyInstruction(), Speed: 1.5,
		ImmortalRefcount: 2528, SleepZeroSelect: true},
}

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

// Models returns every model, sorted by name.
func Models() []*Model {
	out := make([]*Model, 0, len(models))
	for _, m := range models {
		out = append(out, m)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// OS parameters (MODEL.md §1), shared by every model unless a run overrides them.
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
