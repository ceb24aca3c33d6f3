// This file defines the event model: a small, closed, versioned set of typed state
// transitions of resources (threads, cores, GILs, locks, objects) and instants. The
// machine emits events; spans (a thread running for 3 ms) are derived from transitions
// by consumers, never emitted.
//
// An event is compact: when (T), what (Kind), who (Thread, on Core), and a payload
// held in private argument slots whose meaning depends on the kind. The payload is
// read and written only through one type per kind (StateChange, RefUpdate,
// Deadlock …): e.RefUpdate() returns it, RefUpdate{…}.At(t, thread, core) makes the
// event. So each field of a payload has one meaning, and the event stays as small as
// the largest payload (measured by TestEventSize), which matters because a server
// holds many runs' events and the worker boundary encodes every one.

package trace

import (
	"fmt"
	"unsafe"
)

// EventVersion is the version of the event model; it changes whenever an event kind
// or field changes meaning. Version 2 gave each kind a typed payload (version 1's
// Value, Text, Count and Reason meant something else for each kind);
// ReadEventsJSONL still reads version 1.
const EventVersion = 2

// Kind is an event kind.
type Kind uint8

// Event kinds. The comment on each names its payload type.
const (
	EvThreadState  Kind = iota // StateChange: a thread moved to a state
	EvThreadStart              // ThreadStart: a thread was created
	EvGILAcquire               // GILAcquire: a thread took a GIL
	EvGILRelease               // GILRelease: a thread released a GIL
	EvDropRequest              // DropRequest: a waiter asked the GIL's holder to drop it
	EvForcedSwitch             // ForcedSwitch: the holder saw the request and drops it
	EvFutileWakeup             // FutileWakeup: a waiter woke to find the GIL taken again
	EvLockAcquire              // LockOp: a thread took a user lock
	EvLockRelease              // LockOp: a thread released a user lock
	EvRef                      // RefUpdate: an object's reference count changed
	EvAlloc                    // Alloc: an object was allocated
	EvFree                     // Free: an object was freed
	EvOutput                   // Output: a thread wrote to stdout or stderr
	EvException                // Exception: an uncaught exception ended a thread
	EvEnd                      // End: the run ended
	EvInstr                    // Instr: a thread is about to run an instruction
	EvRefRace                  // RefRace: a racing update of a count was lost
	EvUseAfterFree             // UseAfterFree: a thread used a freed object
	EvLeak                     // Leak: an object's count stays above its references
	EvRefMerge                 // RefMerge: biased counting merged a shared count
	EvGCPause                  // GCPause: a tracing collector stopped every thread
	EvDeadlock                 // Deadlock: the run cannot go on
	NumKinds
)

var kindNames = [...]string{
	EvThreadState: "thread_state", EvThreadStart: "thread_start", EvGILAcquire: "gil_acquire",
	EvGILRelease: "gil_release", EvDropRequest: "drop_request", EvForcedSwitch: "forced_switch",
	EvFutileWakeup: "futile_wakeup", EvLockAcquire: "lock_acquire", EvLockRelease: "lock_release",
	EvRef: "ref", EvAlloc: "alloc", EvFree: "free", EvOutput: "output", EvException: "exception",
	EvEnd: "end", EvInstr: "instr", EvRefRace: "ref_race", EvUseAfterFree: "use_after_free",
	EvLeak: "leak", EvRefMerge: "ref_merge", EvGCPause: "gc_pause", EvDeadlock: "deadlock",
}

// Kinds returns every kind of event, in the order of their values.
func Kinds() []Kind {
	ks := make([]Kind, NumKinds)
	for i := range ks {
		ks[i] = Kind(i)
	}
	return ks
}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// MarshalText makes kinds readable in JSON.
func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText reads a kind written by MarshalText.
func (k *Kind) UnmarshalText(b []byte) error {
	for i, n := range kindNames {
		if n == string(b) {
			*k = Kind(i)
			return nil
		}
	}
	return fmt.Errorf("unknown event kind %q", b)
}

// ThreadState is the state of a simulated thread.
type ThreadState uint8

const (
	// StateNone is the zero value: no thread is in it.
	StateNone ThreadState = iota
	// StateRunnable: ready, waiting for a core.
	StateRunnable
	// StateRunningGIL: on a core, running bytecode while holding the GIL.
	StateRunningGIL
	// StateRunning: on a core without the GIL (C code that released it, or a model
	// without a GIL).
	StateRunning
	// StateWaitGIL: blocked waiting to take the GIL.
	StateWaitGIL
	// StateBlocked: blocked in a call (StateChange.Wait says which).
	StateBlocked
	// StateDone: finished.
	StateDone
	numStates
)

var stateNames = [...]string{"", "runnable", "running_gil", "running", "wait_gil", "blocked", "done"}

func (s ThreadState) String() string {
	if s < numStates {
		return stateNames[s]
	}
	return "unknown"
}

// MarshalText makes states readable in JSON.
func (s ThreadState) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a state written by MarshalText.
func (s *ThreadState) UnmarshalText(b []byte) error {
	for i, n := range stateNames {
		if n == string(b) {
			*s = ThreadState(i)
			return nil
		}
	}
	return fmt.Errorf("unknown thread state %q", b)
}

// Event is one event: when (T), what (Kind), who (Thread, 0 when no thread acted;
// Core, -1 when the event is not tied to a core) and where: the instruction the
// thread was at, PC (source line Line) of code object Code (its id in the run's
// listing, 0 when it is not the program's own), all 0 outside Python code. The rest
// is the payload of its kind, read with the accessor named after the payload type
// (e.StateChange(), e.RefUpdate() …), which panics on an event of another kind.
// EvInstr has no payload: its position is the instruction about to run.
type Event struct {
	T Time
	// a, b, c, d, s, u and x are the payload's slots; payloads.go says what each
	// holds for each kind.
	a, b, c        int64
	s              string
	x              *extra
	Thread         int32
	Line, PC, Code int32
	d              int32
	Core           int16
	Kind           Kind
	u              uint8
}

// extra holds the rare payload fields that do not fit the slots.
type extra struct {
	note   string
	cycle  []Edge
	thread int32
}

// head makes an event of kind k at t by thread on core.
func head(k Kind, t Time, thread int32, core int16) Event {
	return Event{T: t, Kind: k, Thread: thread, Core: core}
}

// must panics unless e is of kind k: reading a payload of the wrong kind is a bug.
// It is small enough to inline, so an accessor costs a comparison.
func (e *Event) must(k Kind) {
	if e.Kind != k {
		e.wrongKind(k)
	}
}

//go:noinline
func (e *Event) wrongKind(k Kind) {
	panic(fmt.Sprintf("trace: %s payload read from a %s event", k, e.Kind))
}

// HeldBytes is the memory e refers to beyond its own size: its strings and extra
// fields (a server sizes the runs it keeps with it).
func (e *Event) HeldBytes() int {
	n := len(e.s)
	if e.x != nil {
		n += int(unsafe.Sizeof(extra{})) + len(e.x.note)
		for _, c := range e.x.cycle {
			n += int(unsafe.Sizeof(c)) + len(c.Label)
		}
	}
	return n
}
