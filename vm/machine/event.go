// This file defines the event model: a small, closed, versioned set of typed state
// transitions of resources (threads, cores, GILs, locks, objects) and instants. The
// machine emits events; spans (a thread running for 3 ms) are derived from transitions
// by consumers, never emitted.

package machine

import "fmt"

// EventVersion is the version of the event model; it changes whenever an event kind
// or field changes meaning.
const EventVersion = 1

// Kind is an event kind.
type Kind uint8

// Event kinds. The comment on each names the fields it uses beyond T, Thread, Core.
const (
	// EvThreadState: Thread moved to State (on Core when running). Reason names what
	// a blocked thread waits for ("sleep", "io", "lock", "join", "gil", "cond" …);
	// Obj is the lock or object it waits on, if any.
	EvThreadState Kind = iota
	// EvThreadStart: Thread was created (Text is its name; Value is the number of its
	// process: 1 for the main process, 2… for those multiprocessing starts).
	EvThreadStart
	// EvGILAcquire: Thread took GIL number Obj (Value is the switch number after).
	EvGILAcquire
	// EvGILRelease: Thread released GIL Obj. Reason is "voluntary" (a blocking call,
	// C code releasing it, thread exit), "forced" (a drop request) or "interval" (2.7's
	// check interval).
	EvGILRelease
	// EvDropRequest: Thread, waiting for GIL Obj, timed out and asked its holder
	// (Value) to drop it.
	EvDropRequest
	// EvForcedSwitch: the holder Thread saw the drop request at a check point (Line,
	// PC) and is dropping the GIL.
	EvForcedSwitch
	// EvFutileWakeup: Thread was woken to take GIL Obj but found it taken again.
	EvFutileWakeup
	// EvLockAcquire / EvLockRelease: Thread took or released user lock Obj.
	EvLockAcquire
	EvLockRelease
	// EvRef: object Obj's reference count changed by Value (+1/-1) to Count. Diff is
	// Count minus the references that really exist (non-zero only where lost updates
	// made them differ); Reason says which count changed under biased counting ("local",
	// "shared").
	EvRef
	// EvAlloc / EvFree: object Obj (Text: its type) was allocated or freed.
	EvAlloc
	EvFree
	// EvOutput: Thread wrote Text to stdout (Value 1) or stderr (Value 2).
	EvOutput
	// EvException: an uncaught exception ended Thread (Text: the exception line).
	EvException
	// EvEnd: the run ended (Text: why — "exit", "deadlock", "max-time" …; Value: the
	// exit code).
	EvEnd
	// EvInstr: Thread is about to run instruction PC (Line) of code Code. Only inside
	// Options.Instructions' window.
	EvInstr
	// EvRefRace: two cores updated object Obj's count at once and Thread's update was
	// lost, overwritten by thread Value's; Count is the count after, Text tells the
	// interleaving.
	EvRefRace
	// EvUseAfterFree: Thread used object Obj after it was freed too early (Count: the
	// references that really remained). The process ends with a segmentation fault.
	EvUseAfterFree
	// EvLeak: at the end of the run, object Obj's count (Count) is above the references
	// that exist (Value): it can never be freed.
	EvLeak
	// EvRefMerge: biased counting — Thread, the owner of Obj, merged its shared count
	// into its local one (Count: the count after).
	EvRefMerge
	// EvGCPause: a tracing collector stopped every thread for Value ns.
	EvGCPause
	// EvDeadlock: the run cannot go on: Text names the wait-for cycle (thread → lock →
	// thread …), or what each blocked thread waits for when there is no cycle.
	EvDeadlock
	numKinds
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
	ks := make([]Kind, numKinds)
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
	// StateNone is the zero value: events other than thread_state carry no state.
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
	// StateBlocked: blocked in a call (Reason says which).
	StateBlocked
	// StateDone: finished.
	StateDone
)

var stateNames = [...]string{"", "runnable", "running_gil", "running", "wait_gil", "blocked", "done"}

func (s ThreadState) String() string { return stateNames[s] }

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

// Event is one event. T is simulated time in nanoseconds; Core is -1 when the
// event is not tied to a core. Line and PC locate the instruction where applicable
// (0 and -1 otherwise); Code is the id of the code object (Result.Code), 0 when it is
// not the program's own (library code).
type Event struct {
	T      int64       `json:"t"`
	Kind   Kind        `json:"kind"`
	Thread int32       `json:"thread"`
	Core   int16       `json:"core"`
	State  ThreadState `json:"state,omitempty"`
	Reason string      `json:"reason,omitempty"`
	Obj    uint64      `json:"obj,omitempty"`
	Value  int64       `json:"value,omitempty"`
	Count  int64       `json:"count,omitempty"`
	Line   int32       `json:"line,omitempty"`
	PC     int32       `json:"pc,omitempty"`
	Code   int32       `json:"code,omitempty"`
	Diff   int64       `json:"diff,omitempty"`
	Text   string      `json:"text,omitempty"`
}
