// This file defines Validate, the checker every event stream in the tests goes
// through: the invariants of time, the GIL, cores, thread lifetimes and reference
// counts that any correct simulation keeps, whatever its model.

package trace

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
)

// Rules are the model-dependent parts of validation.
type Rules struct {
	// GIL says the model has a GIL: a thread in running_gil must hold one. Without
	// it, GIL events and the running_gil state are violations.
	GIL bool
	// AllowNegativeRefs allows negative reference counts (biased reference
	// counting's shared count).
	AllowNegativeRefs bool
}

// ValidationError is the first violation found in an event stream.
type ValidationError struct {
	Index int   // index of the offending event
	Event Event // the offending event
	Msg   string
}

// Error describes the violation with its event index and time.
func (e *ValidationError) Error() string {
	return fmt.Sprintf("event %d at %d ns (%s, thread %d): %s", e.Index, e.Event.T, e.Event.Kind, e.Event.Thread, e.Msg)
}

// Validate checks that events, a run on a machine with the given number of cores
// (0 if unknown), keep these invariants, and returns a *ValidationError for the
// first one broken:
//   - time starts at 0 or later and never goes back; nothing follows EvEnd;
//   - a GIL is acquired only when free and released only by its holder; without
//     rules.GIL there are no GIL events and no running_gil state;
//   - a thread-state event puts a running thread on one core in [0, cores) and any
//     other thread on core -1; a done thread never changes state or takes a GIL;
//   - reference counts are not negative unless rules.AllowNegativeRefs.
//
// Invariants that tie two resources together are checked at the end of each
// instant (once time moves on), because the order of events at the same time is an
// artifact of the producer: no core runs two threads at once; with rules.GIL, a
// thread in running_gil holds a GIL; a done thread holds none; an event other than
// a state change that names a core (a GIL acquire, a drop request …) comes from a
// thread running on that core at some moment of its instant.
func Validate(events []Event, cores int, rules Rules) error {
	v := &validator{
		rules: rules, cores: cores, events: events,
		holder: map[uint64]int32{}, held: map[int32]int{}, threads: map[int32]threadStatus{},
		onCore: map[int16]map[int32]bool{}, started: map[int32]bool{}, touched: map[int32]int{},
		coresSeen: map[int32][]int16{},
	}
	for i, e := range events {
		if i > 0 && e.T > events[i-1].T {
			if err := v.endInstant(); err != nil {
				return err
			}
		}
		if msg := v.check(i, e); msg != "" {
			return &ValidationError{Index: i, Event: e, Msg: msg}
		}
	}
	return v.endInstant()
}

// threadStatus is a thread's current state and the index of the event that set it.
type threadStatus struct {
	state ThreadState
	core  int16
	since int
}

// coreAct is an event, other than a state change, by a thread on a core.
type coreAct struct {
	index  int
	thread int32
	core   int16
}

// validator is the state Validate tracks while it walks a stream.
type validator struct {
	rules   Rules
	cores   int
	events  []Event
	holder  map[uint64]int32         // GIL number → holding thread; absent when free
	held    map[int32]int            // thread → number of GILs it holds
	threads map[int32]threadStatus   // thread → current state
	onCore  map[int16]map[int32]bool // core → threads whose state puts them on it
	started map[int32]bool           // threads seen in EvThreadStart
	touched map[int32]int            // threads changed in this instant → last event index
	// coresSeen maps the threads that changed state in this instant to every core
	// they were on during it; acts are the events of the instant that name the core
	// their thread acts on.
	coresSeen map[int32][]int16
	acts      []coreAct
	ended     bool // EvEnd seen
}

// check applies the per-event checks to event i and updates the state; it returns
// the violation, or "".
func (v *validator) check(i int, e Event) string {
	switch {
	case e.Kind >= NumKinds:
		return fmt.Sprintf("unknown event kind %d", e.Kind)
	case e.T < 0:
		return "negative time"
	case i > 0 && e.T < v.events[i-1].T:
		return fmt.Sprintf("time goes back from %d ns", v.events[i-1].T)
	case v.ended:
		return "event after the end of the run"
	}
	if e.Kind != EvThreadState && e.Thread > 0 && e.Core >= 0 {
		v.acts = append(v.acts, coreAct{i, e.Thread, e.Core})
	}
	switch e.Kind {
	case EvThreadState:
		return v.threadState(i, e)
	case EvThreadStart:
		return v.threadStart(e)
	case EvGILAcquire:
		return v.gilAcquire(i, e)
	case EvGILRelease:
		return v.gilRelease(i, e)
	case EvRef:
		if p := e.RefUpdate(); p.Count < 0 && !v.rules.AllowNegativeRefs {
			return fmt.Sprintf("reference count of object %d is negative (%d)", p.Obj, p.Count)
		}
	case EvEnd:
		v.ended = true
	}
	return ""
}

// threadState checks and applies a thread-state transition.
func (v *validator) threadState(i int, e Event) string {
	st := e.StateChange().State
	cur, seen := v.threads[e.Thread]
	switch {
	case e.Thread <= 0:
		return "thread-state event without a thread"
	case st == StateNone || st >= numStates:
		return fmt.Sprintf("unknown thread state %d", st)
	case seen && cur.state == StateDone:
		return fmt.Sprintf("thread %d is done but moves to %s", e.Thread, st)
	case st == StateRunningGIL && !v.rules.GIL:
		return "running_gil in a model without a GIL"
	}
	if msg := v.checkCore(e); msg != "" {
		return msg
	}
	v.noteCores(cur, seen, e)
	if seen && runsOnCore(cur.state) {
		delete(v.onCore[cur.core], e.Thread)
	}
	if runsOnCore(st) {
		if v.onCore[e.Core] == nil {
			v.onCore[e.Core] = map[int32]bool{}
		}
		v.onCore[e.Core][e.Thread] = true
	}
	v.threads[e.Thread] = threadStatus{state: st, core: e.Core, since: i}
	v.touched[e.Thread] = i
	return ""
}

// noteCores records the cores a thread is on during the current instant: the one
// it was on when the instant began (cur, if seen) and the one e puts it on.
func (v *validator) noteCores(cur threadStatus, seen bool, e Event) {
	cs, ok := v.coresSeen[e.Thread]
	if !ok && seen && runsOnCore(cur.state) {
		cs = append(cs, cur.core)
	}
	if runsOnCore(e.StateChange().State) {
		cs = append(cs, e.Core)
	}
	v.coresSeen[e.Thread] = cs
}

// wasOnCore reports whether thread id was running on core c at some moment of the
// current instant.
func (v *validator) wasOnCore(id int32, c int16) bool {
	if cs, ok := v.coresSeen[id]; ok {
		return slices.Contains(cs, c)
	}
	st, ok := v.threads[id]
	return ok && runsOnCore(st.state) && st.core == c
}

// checkCore checks that a thread-state event names a valid core when running and
// core -1 otherwise.
func (v *validator) checkCore(e Event) string {
	st := e.StateChange().State
	if !runsOnCore(st) {
		if e.Core != -1 {
			return fmt.Sprintf("thread %d is %s but on core %d (want -1)", e.Thread, st, e.Core)
		}
		return ""
	}
	if e.Core < 0 || (v.cores > 0 && int(e.Core) >= v.cores) {
		return fmt.Sprintf("thread %d is %s on core %d, not one of the %d cores", e.Thread, st, e.Core, v.cores)
	}
	return ""
}

// threadStart checks that a thread starts once.
func (v *validator) threadStart(e Event) string {
	if e.Thread <= 0 {
		return "thread start without a thread"
	}
	if v.started[e.Thread] {
		return fmt.Sprintf("thread %d starts twice", e.Thread)
	}
	v.started[e.Thread] = true
	return ""
}

// gilAcquire checks and applies a GIL acquire.
func (v *validator) gilAcquire(i int, e Event) string {
	gil := e.GILAcquire().GIL
	h, held := v.holder[gil]
	switch {
	case !v.rules.GIL:
		return fmt.Sprintf("thread %d takes GIL %d in a model without a GIL", e.Thread, gil)
	case e.Thread <= 0:
		return "GIL acquire without a thread"
	case v.isDone(e.Thread):
		return fmt.Sprintf("thread %d is done but takes GIL %d", e.Thread, gil)
	case held && h == e.Thread:
		return fmt.Sprintf("thread %d takes GIL %d, which it already holds", e.Thread, gil)
	case held:
		return fmt.Sprintf("thread %d takes GIL %d, held by thread %d", e.Thread, gil, h)
	}
	v.holder[gil] = e.Thread
	v.held[e.Thread]++
	v.touched[e.Thread] = i
	return ""
}

// gilRelease checks and applies a GIL release.
func (v *validator) gilRelease(i int, e Event) string {
	gil := e.GILRelease().GIL
	h, held := v.holder[gil]
	switch {
	case !held:
		return fmt.Sprintf("thread %d releases GIL %d, which is free", e.Thread, gil)
	case h != e.Thread:
		return fmt.Sprintf("thread %d releases GIL %d, held by thread %d", e.Thread, gil, h)
	}
	delete(v.holder, gil)
	v.held[e.Thread]--
	v.touched[e.Thread] = i
	return ""
}

// isDone reports whether thread id has finished.
func (v *validator) isDone(id int32) bool {
	st, ok := v.threads[id]
	return ok && st.state == StateDone
}

// endInstant checks the cross-resource invariants over the threads changed in the
// instant that just ended, and returns the violation with the lowest event index.
func (v *validator) endInstant() error {
	var errs []*ValidationError
	fail := func(i int, format string, args ...any) {
		errs = append(errs, &ValidationError{Index: i, Event: v.events[i], Msg: fmt.Sprintf(format, args...)})
	}
	for _, id := range slices.Sorted(maps.Keys(v.touched)) {
		st, i := v.threads[id], v.touched[id]
		switch {
		case v.rules.GIL && st.state == StateRunningGIL && v.held[id] == 0:
			fail(i, "thread %d is running_gil without holding a GIL", id)
		case st.state == StateDone && v.held[id] > 0:
			fail(i, "thread %d is done but holds a GIL", id)
		case runsOnCore(st.state):
			if other, ok := v.coreSharer(id, st.core); ok {
				fail(max(st.since, v.threads[other].since), "threads %d and %d both run on core %d", min(id, other), max(id, other), st.core)
			}
		}
	}
	for _, a := range v.acts {
		if !v.wasOnCore(a.thread, a.core) {
			fail(a.index, "thread %d acts on core %d but is not running there", a.thread, a.core)
		}
	}
	clear(v.touched)
	clear(v.coresSeen)
	v.acts = v.acts[:0]
	if len(errs) == 0 {
		return nil
	}
	return slices.MinFunc(errs, func(a, b *ValidationError) int { return cmp.Compare(a.Index, b.Index) })
}

// coreSharer returns the lowest-numbered thread other than id running on core c,
// if any.
func (v *validator) coreSharer(id int32, c int16) (int32, bool) {
	others := slices.Sorted(maps.Keys(v.onCore[c]))
	for _, other := range others {
		if other != id {
			return other, true
		}
	}
	return 0, false
}
