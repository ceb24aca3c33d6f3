// This file defines the payload of each event kind: a type whose fields each have
// one meaning, the method At that makes an event of it, and the accessor on Event
// that reads it back. The comment on each accessor says which private slot holds
// which field; only this file and the codecs (binary.go, json.go) touch the slots.

package trace

// StateChange is the payload of EvThreadState: the thread moved to State (on the
// event's Core when running). Wait names what a blocked thread waits for ("sleep",
// "io", "lock", "join", "gil", "cond" …); Obj is the lock or object it waits on, and
// Target the thread it waits for (to start, to finish), if any.
type StateChange struct {
	State  ThreadState
	Wait   string
	Obj    uint64
	Target int32
}

// At makes the event.
func (p StateChange) At(t Time, thread int32, core int16) Event {
	e := head(EvThreadState, t, thread, core)
	e.u, e.s, e.a, e.d = uint8(p.State), p.Wait, int64(p.Obj), p.Target
	return e
}

// StateChange reads an EvThreadState event (u State, s Wait, a Obj, d Target).
func (e *Event) StateChange() StateChange {
	e.must(EvThreadState)
	return StateChange{State: ThreadState(e.u), Wait: e.s, Obj: uint64(e.a), Target: e.d}
}

// ThreadStart is the payload of EvThreadStart: the thread was created, named Name,
// in process Process (1 for the main process, 2… for those multiprocessing starts).
type ThreadStart struct {
	Name    string
	Process int32
}

// At makes the event.
func (p ThreadStart) At(t Time, thread int32, core int16) Event {
	e := head(EvThreadStart, t, thread, core)
	e.s, e.d = p.Name, p.Process
	return e
}

// ThreadStart reads an EvThreadStart event (s Name, d Process).
func (e *Event) ThreadStart() ThreadStart {
	e.must(EvThreadStart)
	return ThreadStart{Name: e.s, Process: e.d}
}

// GILAcquire is the payload of EvGILAcquire: the thread took GIL number GIL (0 is
// the main process's); Switch is the mechanism's switch number after, if it has one.
type GILAcquire struct {
	GIL    uint64
	Switch int64
}

// At makes the event.
func (p GILAcquire) At(t Time, thread int32, core int16) Event {
	e := head(EvGILAcquire, t, thread, core)
	e.a, e.b = int64(p.GIL), p.Switch
	return e
}

// GILAcquire reads an EvGILAcquire event (a GIL, b Switch).
func (e *Event) GILAcquire() GILAcquire {
	e.must(EvGILAcquire)
	return GILAcquire{GIL: uint64(e.a), Switch: e.b}
}

// GILRelease is the payload of EvGILRelease: the thread released GIL number GIL.
// Cause is "voluntary" (a blocking call, C code releasing it, thread exit), "forced"
// (a drop request) or "interval" (2.7's check interval).
type GILRelease struct {
	GIL   uint64
	Cause string
}

// At makes the event.
func (p GILRelease) At(t Time, thread int32, core int16) Event {
	e := head(EvGILRelease, t, thread, core)
	e.a, e.s = int64(p.GIL), p.Cause
	return e
}

// GILRelease reads an EvGILRelease event (a GIL, s Cause).
func (e *Event) GILRelease() GILRelease {
	e.must(EvGILRelease)
	return GILRelease{GIL: uint64(e.a), Cause: e.s}
}

// DropRequest is the payload of EvDropRequest: the thread, waiting for GIL number
// GIL, timed out and asked its holder, thread Holder, to drop it.
type DropRequest struct {
	GIL    uint64
	Holder int32
}

// At makes the event.
func (p DropRequest) At(t Time, thread int32, core int16) Event {
	e := head(EvDropRequest, t, thread, core)
	e.a, e.d = int64(p.GIL), p.Holder
	return e
}

// DropRequest reads an EvDropRequest event (a GIL, d Holder).
func (e *Event) DropRequest() DropRequest {
	e.must(EvDropRequest)
	return DropRequest{GIL: uint64(e.a), Holder: e.d}
}

// ForcedSwitch is the payload of EvForcedSwitch: the holder of GIL number GIL saw a
// drop request at the check point before the event's instruction (its position)
// and is dropping the GIL.
type ForcedSwitch struct {
	GIL uint64
}

// At makes the event; its position is the check point's.
func (p ForcedSwitch) At(t Time, thread int32, core int16, line, pc int32) Event {
	e := head(EvForcedSwitch, t, thread, core)
	e.a, e.Line, e.PC = int64(p.GIL), line, pc
	return e
}

// ForcedSwitch reads an EvForcedSwitch event (a GIL).
func (e *Event) ForcedSwitch() ForcedSwitch {
	e.must(EvForcedSwitch)
	return ForcedSwitch{GIL: uint64(e.a)}
}

// FutileWakeup is the payload of EvFutileWakeup: the thread was woken to take GIL
// number GIL but found it taken again.
type FutileWakeup struct {
	GIL uint64
}

// At makes the event.
func (p FutileWakeup) At(t Time, thread int32, core int16) Event {
	e := head(EvFutileWakeup, t, thread, core)
	e.a = int64(p.GIL)
	return e
}

// FutileWakeup reads an EvFutileWakeup event (a GIL).
func (e *Event) FutileWakeup() FutileWakeup {
	e.must(EvFutileWakeup)
	return FutileWakeup{GIL: uint64(e.a)}
}

// LockOp is the payload of EvLockAcquire and EvLockRelease: the thread took or
// released user lock number Lock.
type LockOp struct {
	Lock uint64
}

// Acquire makes an EvLockAcquire event.
func (p LockOp) Acquire(t Time, thread int32, core int16) Event {
	e := head(EvLockAcquire, t, thread, core)
	e.a = int64(p.Lock)
	return e
}

// Release makes an EvLockRelease event.
func (p LockOp) Release(t Time, thread int32, core int16) Event {
	e := head(EvLockRelease, t, thread, core)
	e.a = int64(p.Lock)
	return e
}

// LockOp reads an EvLockAcquire or EvLockRelease event (a Lock).
func (e *Event) LockOp() LockOp {
	if e.Kind != EvLockRelease {
		e.must(EvLockAcquire)
	}
	return LockOp{Lock: uint64(e.a)}
}

// Counter is the count an update went to under biased counting (PEP 703).
type Counter uint8

const (
	CounterPlain  Counter = iota // the object's one count (no biased counting)
	CounterLocal                 // the owner's local count
	CounterShared                // the shared count, by another thread
	CounterQueued                // the shared count went negative: queued for its owner
	numCounters
)

var counterNames = [numCounters]string{"", "local", "shared", "shared; queued for its owner"}

func (c Counter) String() string {
	if c < numCounters {
		return counterNames[c]
	}
	return "unknown"
}

// RefUpdate is the payload of EvRef: the reference count of object Obj, of type
// Type, changed by Delta (+1, -1) to Count. Diff is Count minus the references that
// really exist (non-zero only where lost updates made them differ); Counter says
// which count changed under biased counting.
type RefUpdate struct {
	Obj     uint64
	Type    string
	Delta   int32
	Count   int64
	Diff    int64
	Counter Counter
}

// At makes the event.
func (p RefUpdate) At(t Time, thread int32, core int16) Event {
	e := head(EvRef, t, thread, core)
	e.a, e.s, e.d, e.b, e.c, e.u = int64(p.Obj), p.Type, p.Delta, p.Count, p.Diff, uint8(p.Counter)
	return e
}

// RefUpdate reads an EvRef event (a Obj, s Type, d Delta, b Count, c Diff, u Counter).
func (e *Event) RefUpdate() RefUpdate {
	e.must(EvRef)
	return RefUpdate{Obj: uint64(e.a), Type: e.s, Delta: e.d, Count: e.b, Diff: e.c, Counter: Counter(e.u)}
}

// Alloc is the payload of EvAlloc: object Obj of type Type was allocated with
// reference count Count.
type Alloc struct {
	Obj   uint64
	Type  string
	Count int64
}

// At makes the event.
func (p Alloc) At(t Time, thread int32, core int16) Event {
	e := head(EvAlloc, t, thread, core)
	e.a, e.s, e.b = int64(p.Obj), p.Type, p.Count
	return e
}

// Alloc reads an EvAlloc event (a Obj, s Type, b Count).
func (e *Event) Alloc() Alloc {
	e.must(EvAlloc)
	return Alloc{Obj: uint64(e.a), Type: e.s, Count: e.b}
}

// Free is the payload of EvFree: object Obj of type Type was freed while Real
// references to it really remained (above 0 when lost increments freed it too
// early: Premature).
type Free struct {
	Obj  uint64
	Type string
	Real int64
}

// Premature reports whether the object was freed while references remained.
func (p Free) Premature() bool { return p.Real > 0 }

// At makes the event.
func (p Free) At(t Time, thread int32, core int16) Event {
	e := head(EvFree, t, thread, core)
	e.a, e.s, e.b = int64(p.Obj), p.Type, p.Real
	return e
}

// Free reads an EvFree event (a Obj, s Type, b Real).
func (e *Event) Free() Free {
	e.must(EvFree)
	return Free{Obj: uint64(e.a), Type: e.s, Real: e.b}
}

// Stream is where output goes.
type Stream uint8

const (
	Stdout Stream = 1
	Stderr Stream = 2
)

// Output is the payload of EvOutput: Text was written to Stream (by the event's
// thread, or by the simulator itself when Thread is 0).
type Output struct {
	Stream Stream
	Text   string
}

// At makes the event.
func (p Output) At(t Time, thread int32, core int16) Event {
	e := head(EvOutput, t, thread, core)
	e.u, e.s = uint8(p.Stream), p.Text
	return e
}

// Output reads an EvOutput event (u Stream, s Text).
func (e *Event) Output() Output {
	e.must(EvOutput)
	return Output{Stream: Stream(e.u), Text: e.s}
}

// Exception is the payload of EvException: an uncaught exception ended the thread;
// Error is its last line ("ZeroDivisionError: division by zero") and ProgramLine the
// line of the program's own code innermost on its traceback (0 if none), where an
// editor marks the error.
type Exception struct {
	Error       string
	ProgramLine int32
}

// At makes the event.
func (p Exception) At(t Time, thread int32, core int16) Event {
	e := head(EvException, t, thread, core)
	e.s, e.d = p.Error, p.ProgramLine
	return e
}

// Exception reads an EvException event (s Error, d ProgramLine).
func (e *Event) Exception() Exception {
	e.must(EvException)
	return Exception{Error: e.s, ProgramLine: e.d}
}

// End is the payload of EvEnd: the run ended; Cause says why ("exit", "deadlock",
// "max-time" …) and ExitCode is the process's exit code.
type End struct {
	Cause    string
	ExitCode int32
}

// At makes the event.
func (p End) At(t Time, thread int32, core int16) Event {
	e := head(EvEnd, t, thread, core)
	e.s, e.d = p.Cause, p.ExitCode
	return e
}

// End reads an EvEnd event (s Cause, d ExitCode).
func (e *Event) End() End {
	e.must(EvEnd)
	return End{Cause: e.s, ExitCode: e.d}
}

// InstrAt makes an EvInstr event: thread is about to run instruction pc (source
// line line) of code object code. The machine makes them only inside the run's
// instruction window.
func InstrAt(t Time, thread int32, core int16, line, pc, code int32) Event {
	e := head(EvInstr, t, thread, core)
	e.Line, e.PC, e.Code = line, pc, code
	return e
}

// RefRace is the payload of EvRefRace: two cores updated the count of object Obj
// (of type Type) at once, and the event's thread's update, Delta, was lost,
// overwritten by thread Overwriter's. Count is the count after, Diff as for
// RefUpdate; Note tells the interleaving in words.
type RefRace struct {
	Obj        uint64
	Type       string
	Delta      int32
	Overwriter int32
	Count      int64
	Diff       int64
	Note       string
}

// At makes the event.
func (p RefRace) At(t Time, thread int32, core int16) Event {
	e := head(EvRefRace, t, thread, core)
	e.a, e.s, e.d, e.b, e.c = int64(p.Obj), p.Type, p.Delta, p.Count, p.Diff
	e.x = &extra{note: p.Note, thread: p.Overwriter}
	return e
}

// RefRace reads an EvRefRace event (a Obj, s Type, d Delta, b Count, c Diff, x Note
// and Overwriter: races are rare, so their extra fields do not widen every event).
func (e *Event) RefRace() RefRace {
	e.must(EvRefRace)
	p := RefRace{Obj: uint64(e.a), Type: e.s, Delta: e.d, Count: e.b, Diff: e.c}
	if e.x != nil {
		p.Note, p.Overwriter = e.x.note, e.x.thread
	}
	return p
}

// UseAfterFree is the payload of EvUseAfterFree: the thread used object Obj (of type
// Type) after it was freed too early, while Real references really remained. The
// process ends with a segmentation fault.
type UseAfterFree struct {
	Obj  uint64
	Type string
	Real int64
}

// At makes the event.
func (p UseAfterFree) At(t Time, thread int32, core int16) Event {
	e := head(EvUseAfterFree, t, thread, core)
	e.a, e.s, e.b = int64(p.Obj), p.Type, p.Real
	return e
}

// UseAfterFree reads an EvUseAfterFree event (a Obj, s Type, b Real).
func (e *Event) UseAfterFree() UseAfterFree {
	e.must(EvUseAfterFree)
	return UseAfterFree{Obj: uint64(e.a), Type: e.s, Real: e.b}
}

// Leak is the payload of EvLeak: at the end of the run, the count of object Obj (of
// type Type), Count, is above the Real references that exist: it can never be freed.
type Leak struct {
	Obj   uint64
	Type  string
	Count int64
	Real  int64
}

// At makes the event.
func (p Leak) At(t Time, thread int32, core int16) Event {
	e := head(EvLeak, t, thread, core)
	e.a, e.s, e.b, e.c = int64(p.Obj), p.Type, p.Count, p.Real
	return e
}

// Leak reads an EvLeak event (a Obj, s Type, b Count, c Real).
func (e *Event) Leak() Leak {
	e.must(EvLeak)
	return Leak{Obj: uint64(e.a), Type: e.s, Count: e.b, Real: e.c}
}

// RefMerge is the payload of EvRefMerge: under biased counting the thread, the owner
// of object Obj (of type Type), merged the shared count into its local one; Count
// is the count after.
type RefMerge struct {
	Obj   uint64
	Type  string
	Count int64
}

// At makes the event.
func (p RefMerge) At(t Time, thread int32, core int16) Event {
	e := head(EvRefMerge, t, thread, core)
	e.a, e.s, e.b = int64(p.Obj), p.Type, p.Count
	return e
}

// RefMerge reads an EvRefMerge event (a Obj, s Type, b Count).
func (e *Event) RefMerge() RefMerge {
	e.must(EvRefMerge)
	return RefMerge{Obj: uint64(e.a), Type: e.s, Count: e.b}
}

// GCPause is the payload of EvGCPause: a tracing collector stopped every thread for
// Pause.
type GCPause struct {
	Pause Duration
}

// At makes the event.
func (p GCPause) At(t Time, thread int32, core int16) Event {
	e := head(EvGCPause, t, thread, core)
	e.a = int64(p.Pause)
	return e
}

// GCPause reads an EvGCPause event (a Pause).
func (e *Event) GCPause() GCPause {
	e.must(EvGCPause)
	return GCPause{Pause: Duration(e.a)}
}

// Edge is one step of a deadlock's wait-for cycle: Thread waits for Lock (named
// Label in the program, "" if it has no global name) held by thread Holder, or, when
// Lock is 0, for thread Holder to finish (a join). Holder equal to Thread is a lock
// only the waiter itself could release.
type Edge struct {
	Thread int32  `json:"thread"`
	Lock   uint64 `json:"lock,omitempty"`
	Label  string `json:"label,omitempty"`
	Holder int32  `json:"holder"`
}

// Deadlock is the payload of EvDeadlock: the run cannot go on. Cycle is the
// wait-for cycle, one edge per thread on it (empty when there is none); Note says
// the same in words, or what each blocked thread waits for when there is no cycle.
type Deadlock struct {
	Cycle []Edge
	Note  string
}

// At makes the event.
func (p Deadlock) At(t Time, thread int32, core int16) Event {
	e := head(EvDeadlock, t, thread, core)
	if p.Note != "" || len(p.Cycle) > 0 {
		e.x = &extra{note: p.Note, cycle: p.Cycle}
	}
	return e
}

// Deadlock reads an EvDeadlock event (x Cycle and Note).
func (e *Event) Deadlock() Deadlock {
	e.must(EvDeadlock)
	if e.x == nil {
		return Deadlock{}
	}
	return Deadlock{Cycle: e.x.cycle, Note: e.x.note}
}
