// This file defines the export formats of a run: a Chrome trace-event JSON file
// (opened by ui.perfetto.dev and chrome://tracing) drawn from the span layer, and
// the raw events as JSON lines.

package trace

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"slices"
)

// Track ids of the Chrome trace. Threads use their own id; GIL g and core c are
// offset so that no track id collides with a thread id.
const (
	tracePID      = 1
	gilTrackBase  = 1_000_000
	coreTrackBase = 2_000_000
)

// traceEvent is one event of the Chrome trace-event format. Ts and Dur are
// microseconds.
type traceEvent struct {
	Name  string         `json:"name"`
	Cat   string         `json:"cat,omitempty"`
	Ph    string         `json:"ph"`
	Ts    float64        `json:"ts"`
	Dur   *float64       `json:"dur,omitempty"`
	Pid   int            `json:"pid"`
	Tid   int64          `json:"tid"`
	Scope string         `json:"s,omitempty"`
	Args  map[string]any `json:"args,omitempty"`
}

// WriteChromeTrace writes r as Chrome trace-event JSON: in one process, a track per
// GIL ("GIL"), one per thread (named as the thread) and one per core ("core 0" …),
// in that order; complete events for thread states, GIL holds and core occupancy;
// instant events for drop requests, forced switches, futile wake-ups and
// exceptions. Times are microseconds of simulated time.
func WriteChromeTrace(w io.Writer, r *Trace) error {
	tl := BuildTimeline(r.Events, r.Cores, r.EndTime)
	names := threadNames(r)
	bw := bufio.NewWriter(w)
	bw.WriteString("{\"displayTimeUnit\":\"ms\",\"traceEvents\":[\n")
	first := true
	emit := func(ev traceEvent) error {
		b, err := json.Marshal(ev)
		if err != nil {
			return err
		}
		if !first {
			bw.WriteString(",\n")
		}
		first = false
		_, err = bw.Write(b)
		return err
	}
	for _, evs := range [][]traceEvent{trackMeta(r, tl, names), threadEvents(tl), gilEvents(tl, names),
		coreEvents(tl, names), instantEvents(r.Events)} {
		for _, ev := range evs {
			if err := emit(ev); err != nil {
				return err
			}
		}
	}
	bw.WriteString("\n]}\n")
	return bw.Flush()
}

// displayName returns the display name of thread id.
func displayName(names map[int32]string, id int32) string {
	if n := names[id]; n != "" {
		return n
	}
	return fmt.Sprintf("thread %d", id)
}

// gilTrackName returns the name of the track of GIL g.
func gilTrackName(g uint64) string {
	if g == 0 {
		return "GIL"
	}
	return fmt.Sprintf("GIL %d", g)
}

// traceMicros converts a time to the trace's microseconds.
func traceMicros(t Time) float64 { return Duration(t).Micros() }

// traceSpan returns a complete ("X") event on track tid.
func traceSpan(name, cat string, tid int64, start, end Time, args map[string]any) traceEvent {
	dur := end.Sub(start).Micros()
	return traceEvent{Name: name, Cat: cat, Ph: "X", Ts: traceMicros(start), Dur: &dur, Pid: tracePID, Tid: tid, Args: args}
}

// traceMeta returns a metadata ("M") event.
func traceMeta(name string, tid int64, args map[string]any) traceEvent {
	return traceEvent{Name: name, Ph: "M", Pid: tracePID, Tid: tid, Args: args}
}

// trackMeta names the process and every track and fixes their order.
func trackMeta(r *Trace, tl *Timeline, names map[int32]string) []traceEvent {
	evs := []traceEvent{traceMeta("process_name", 0, map[string]any{"name": "gilscope " + r.Model})}
	track := func(tid int64, name string, order int64) {
		evs = append(evs, traceMeta("thread_name", tid, map[string]any{"name": name}),
			traceMeta("thread_sort_index", tid, map[string]any{"sort_index": order}))
	}
	for _, g := range tl.GILs {
		track(gilTrackBase+int64(g.GIL), gilTrackName(g.GIL), int64(g.GIL))
	}
	for _, id := range traceThreads(tl, names) {
		track(int64(id), displayName(names, id), gilTrackBase+int64(id))
	}
	for c := range tl.Cores {
		track(coreTrackBase+int64(c), fmt.Sprintf("core %d", c), coreTrackBase+int64(c))
	}
	return evs
}

// traceThreads returns the ids of threads that have spans or a name, sorted.
func traceThreads(tl *Timeline, names map[int32]string) []int32 {
	ids := make([]int32, 0, len(tl.Threads)+len(names))
	for _, t := range tl.Threads {
		ids = append(ids, t.Thread)
	}
	for id := range names {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// stateLabel names a thread span: its state, and for a blocked thread what it waits for.
func stateLabel(sp Span) string {
	if sp.State == StateBlocked && sp.Reason != "" {
		return "blocked: " + sp.Reason
	}
	return sp.State.String()
}

// threadEvents returns a complete event per thread-state span.
func threadEvents(tl *Timeline) []traceEvent {
	var evs []traceEvent
	for _, t := range tl.Threads {
		for _, sp := range t.Spans {
			args := map[string]any{}
			if sp.Core >= 0 {
				args["core"] = sp.Core
			}
			if sp.Reason != "" {
				args["reason"] = sp.Reason
			}
			evs = append(evs, traceSpan(stateLabel(sp), "thread", int64(t.Thread), sp.Start, sp.End, args))
		}
	}
	return evs
}

// gilEvents returns a complete event per GIL hold, named after the holder.
func gilEvents(tl *Timeline, names map[int32]string) []traceEvent {
	var evs []traceEvent
	for _, g := range tl.GILs {
		for _, h := range g.Holds {
			args := map[string]any{"thread": h.Thread}
			if h.Reason != "" {
				args["released"] = h.Reason
			}
			evs = append(evs, traceSpan(displayName(names, h.Thread), "gil", gilTrackBase+int64(g.GIL), h.Start, h.End, args))
		}
	}
	return evs
}

// coreEvents returns a complete event per core occupancy span, named after the thread.
func coreEvents(tl *Timeline, names map[int32]string) []traceEvent {
	var evs []traceEvent
	for c, spans := range tl.Cores {
		for _, cs := range spans {
			args := map[string]any{"thread": cs.Thread, "state": cs.State.String()}
			evs = append(evs, traceSpan(displayName(names, cs.Thread), "core", coreTrackBase+int64(c), cs.Start, cs.End, args))
		}
	}
	return evs
}

// instantEvents returns a thread-scoped instant event per drop request, forced
// switch, futile wake-up and uncaught exception, on the track of the thread concerned.
func instantEvents(events []Event) []traceEvent {
	var evs []traceEvent
	for _, e := range events {
		var name string
		args := map[string]any{}
		switch e.Kind {
		case EvDropRequest:
			p := e.DropRequest()
			name, args["holder"], args["gil"] = "drop request", p.Holder, p.GIL
		case EvForcedSwitch:
			name, args["line"], args["pc"], args["gil"] = "forced switch", e.Line, e.PC, e.ForcedSwitch().GIL
		case EvFutileWakeup:
			name, args["gil"] = "futile wake-up", e.FutileWakeup().GIL
		case EvException:
			name, args["exception"] = "exception", e.Exception().Error
		default:
			continue
		}
		evs = append(evs, traceEvent{Name: name, Cat: e.Kind.String(), Ph: "i", Ts: traceMicros(e.T),
			Pid: tracePID, Tid: int64(e.Thread), Scope: "t", Args: args})
	}
	return evs
}
