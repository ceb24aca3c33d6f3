// This file defines the span layer: per-thread state spans, GIL hold spans and core
// occupancy spans, derived from a run's transitions. The machine emits only
// transitions (event.go); everything with a duration is computed here, as Go's
// trace tools and gotraceui do, and kept in flat arrays sorted by start time.

package trace

import (
	"cmp"
	"slices"
	"sort"
)

// Span is an interval [Start, End) of simulated time, in nanoseconds, during which
// Thread stayed in State. Reason is the EvThreadState reason (what a blocked thread
// waits for), Obj the lock or object it waits on and Target the thread it waits
// for, if any, all from the transition that opened the span; Core is the core for
// running_gil and running, else -1.
type Span struct {
	Thread int32       `json:"thread"`
	State  ThreadState `json:"state"`
	Reason string      `json:"reason,omitempty"`
	Start  Time        `json:"start"`
	End    Time        `json:"end"`
	Core   int16       `json:"core"`
	Obj    uint64      `json:"obj,omitempty"`
	Target int32       `json:"target,omitempty"`
}

// Bounds returns the span's start and end in nanoseconds.
func (s Span) Bounds() (start, end Time) { return s.Start, s.End }

// Dur returns the span's length in nanoseconds.
func (s Span) Dur() Duration { return s.End.Sub(s.Start) }

// HoldSpan is an interval [Start, End) during which Thread held GIL number GIL.
// Reason is the release reason ("voluntary", "forced", "interval"), or "" when the
// GIL was still held at the end of the run.
type HoldSpan struct {
	GIL    uint64 `json:"gil"`
	Thread int32  `json:"thread"`
	Start  Time   `json:"start"`
	End    Time   `json:"end"`
	Reason string `json:"reason,omitempty"`
}

// Bounds returns the hold's start and end in nanoseconds.
func (h HoldSpan) Bounds() (start, end Time) { return h.Start, h.End }

// Dur returns the hold's length in nanoseconds.
func (h HoldSpan) Dur() Duration { return h.End.Sub(h.Start) }

// CoreSpan is an interval [Start, End) during which Core ran Thread in State
// (running_gil or running).
type CoreSpan struct {
	Core   int16       `json:"core"`
	Thread int32       `json:"thread"`
	State  ThreadState `json:"state"`
	Start  Time        `json:"start"`
	End    Time        `json:"end"`
}

// Bounds returns the span's start and end in nanoseconds.
func (c CoreSpan) Bounds() (start, end Time) { return c.Start, c.End }

// ThreadSpans is the state history of one thread, sorted by start time.
type ThreadSpans struct {
	Thread int32  `json:"thread"`
	Spans  []Span `json:"spans"`
}

// GILSpans is the hold history of one GIL, sorted by start time.
type GILSpans struct {
	GIL   uint64     `json:"gil"`
	Holds []HoldSpan `json:"holds"`
}

// Timeline is every span derived from one run. Within each array spans are sorted by
// start time and do not overlap (for a stream that passes Validate).
type Timeline struct {
	End     Time          `json:"end"`     // the time that closed open spans
	Threads []ThreadSpans `json:"threads"` // sorted by thread id
	GILs    []GILSpans    `json:"gils"`    // sorted by GIL number
	Cores   [][]CoreSpan  `json:"cores"`   // indexed by core
}

// BuildTimeline derives the spans of events (in time order) on a machine with the
// given number of cores. Spans still open at end (the run's final time, or the last
// event's time if later) are closed there. A thread's history stops at its done
// transition; zero-length thread states are dropped, zero-length holds are kept
// (each acquire is one hold). Streams that fail Validate give best-effort spans.
func BuildTimeline(events []Event, cores int, end Time) *Timeline {
	if n := len(events); n > 0 {
		end = max(end, events[n-1].T)
	}
	tl := &Timeline{End: end}
	tl.Threads = threadSpans(events, end)
	tl.GILs = gilSpans(events, end)
	tl.Cores = coreSpans(tl.Threads, cores)
	return tl
}

// Thread returns the spans of thread id, or nil if it never changed state.
func (tl *Timeline) Thread(id int32) []Span {
	i, ok := slices.BinarySearchFunc(tl.Threads, id, func(t ThreadSpans, id int32) int {
		return cmp.Compare(t.Thread, id)
	})
	if !ok {
		return nil
	}
	return tl.Threads[i].Spans
}

// FirstVisible returns the index of the first span in spans (sorted and
// non-overlapping) that ends after t, or len(spans) if none does. A renderer starts
// drawing a viewport that begins at t there.
func FirstVisible[S interface{ Bounds() (Time, Time) }](spans []S, t Time) int {
	return sort.Search(len(spans), func(i int) bool {
		_, end := spans[i].Bounds()
		return end > t
	})
}

// runsOnCore reports whether s puts a thread on a core.
func runsOnCore(s ThreadState) bool { return s == StateRunningGIL || s == StateRunning }

// stateSpan returns the span opened by thread-state event e.
func stateSpan(e Event) Span {
	p := e.StateChange()
	s := Span{Thread: e.Thread, State: p.State, Reason: p.Wait, Start: e.T, End: e.T, Core: -1, Obj: p.Obj, Target: p.Target}
	if runsOnCore(p.State) {
		s.Core = e.Core
	}
	return s
}

// threadSpans derives the per-thread state spans.
func threadSpans(events []Event, end Time) []ThreadSpans {
	open := map[int32]Span{}
	done := map[int32]bool{}
	spans := map[int32][]Span{}
	emit := func(s Span, at Time) {
		s.End = at
		if s.End > s.Start {
			spans[s.Thread] = append(spans[s.Thread], s)
		}
	}
	for _, e := range events {
		if e.Kind != EvThreadState || done[e.Thread] {
			continue
		}
		next := stateSpan(e)
		cur, ok := open[e.Thread]
		if ok && sameState(cur, next) {
			continue
		}
		if ok {
			emit(cur, e.T)
		}
		if next.State == StateDone {
			done[e.Thread] = true
			delete(open, e.Thread)
			continue
		}
		open[e.Thread] = next
	}
	for _, s := range open {
		emit(s, end)
	}
	out := make([]ThreadSpans, 0, len(spans))
	for id, ss := range spans {
		out = append(out, ThreadSpans{Thread: id, Spans: ss})
	}
	slices.SortFunc(out, func(a, b ThreadSpans) int { return cmp.Compare(a.Thread, b.Thread) })
	return out
}

// sameState reports whether two spans describe the same state, so that a repeated
// transition continues the current span.
func sameState(a, b Span) bool {
	return a.State == b.State && a.Reason == b.Reason && a.Core == b.Core
}

// gilSpans derives the hold spans of every GIL. An acquire of a GIL that is still
// held (an invalid stream) closes the previous hold; a release by a thread that does
// not hold the GIL is ignored.
func gilSpans(events []Event, end Time) []GILSpans {
	open := map[uint64]HoldSpan{}
	holds := map[uint64][]HoldSpan{}
	for _, e := range events {
		switch e.Kind {
		case EvGILAcquire:
			g := e.GILAcquire().GIL
			if h, ok := open[g]; ok {
				h.End = e.T
				holds[g] = append(holds[g], h)
			}
			open[g] = HoldSpan{GIL: g, Thread: e.Thread, Start: e.T}
		case EvGILRelease:
			p := e.GILRelease()
			if h, ok := open[p.GIL]; ok && h.Thread == e.Thread {
				h.End, h.Reason = e.T, p.Cause
				holds[p.GIL] = append(holds[p.GIL], h)
				delete(open, p.GIL)
			}
		}
	}
	for g, h := range open {
		h.End = end
		holds[g] = append(holds[g], h)
	}
	out := make([]GILSpans, 0, len(holds))
	for g, hs := range holds {
		out = append(out, GILSpans{GIL: g, Holds: hs})
	}
	slices.SortFunc(out, func(a, b GILSpans) int { return cmp.Compare(a.GIL, b.GIL) })
	return out
}

// coreSpans projects the running spans of every thread onto the cores, sorted by
// start time. The result has at least cores entries, more if a span names a higher
// core.
func coreSpans(threads []ThreadSpans, cores int) [][]CoreSpan {
	out := make([][]CoreSpan, max(cores, 0))
	for _, t := range threads {
		for _, s := range t.Spans {
			if !runsOnCore(s.State) || s.Core < 0 {
				continue
			}
			for int(s.Core) >= len(out) {
				out = append(out, nil)
			}
			c := CoreSpan{Core: s.Core, Thread: s.Thread, State: s.State, Start: s.Start, End: s.End}
			out[s.Core] = append(out[s.Core], c)
		}
	}
	for _, cs := range out {
		slices.SortStableFunc(cs, func(a, b CoreSpan) int { return cmp.Compare(a.Start, b.Start) })
	}
	return out
}
