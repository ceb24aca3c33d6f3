// This file names, in this package, the event model and the layers derived from it
// (vm/trace), which the machine produces and its tests read: type aliases, so that
// a machine.Event is a trace.Event.

package machine

import (
	"io"

	"github.com/gilscope/gilscope/vm/trace"
)

type (
	Event            = trace.Event
	Kind             = trace.Kind
	ThreadState      = trace.ThreadState
	ThreadInfo       = trace.ThreadInfo
	Stats            = trace.Stats
	ThreadStats      = trace.ThreadStats
	BlockingStats    = trace.BlockingStats
	Dist             = trace.Dist
	Span             = trace.Span
	HoldSpan         = trace.HoldSpan
	CoreSpan         = trace.CoreSpan
	Timeline         = trace.Timeline
	StatsAccumulator = trace.StatsAccumulator
	Rules            = trace.Rules
	ValidationError  = trace.ValidationError
)

// Kinds returns every kind of event (trace.Kinds).
func Kinds() []Kind { return trace.Kinds() }

// EventVersion is the version of the event model (trace.EventVersion).
const EventVersion = trace.EventVersion

// Event kinds and thread states (vm/trace says what each means).
const (
	EvThreadState  = trace.EvThreadState
	EvThreadStart  = trace.EvThreadStart
	EvGILAcquire   = trace.EvGILAcquire
	EvGILRelease   = trace.EvGILRelease
	EvDropRequest  = trace.EvDropRequest
	EvForcedSwitch = trace.EvForcedSwitch
	EvFutileWakeup = trace.EvFutileWakeup
	EvLockAcquire  = trace.EvLockAcquire
	EvLockRelease  = trace.EvLockRelease
	EvRef          = trace.EvRef
	EvAlloc        = trace.EvAlloc
	EvFree         = trace.EvFree
	EvOutput       = trace.EvOutput
	EvException    = trace.EvException
	EvEnd          = trace.EvEnd
	EvInstr        = trace.EvInstr
	EvRefRace      = trace.EvRefRace
	EvUseAfterFree = trace.EvUseAfterFree
	EvLeak         = trace.EvLeak
	EvRefMerge     = trace.EvRefMerge
	EvGCPause      = trace.EvGCPause
	EvDeadlock     = trace.EvDeadlock

	StateNone       = trace.StateNone
	StateRunnable   = trace.StateRunnable
	StateRunningGIL = trace.StateRunningGIL
	StateRunning    = trace.StateRunning
	StateWaitGIL    = trace.StateWaitGIL
	StateBlocked    = trace.StateBlocked
	StateDone       = trace.StateDone
)

// eventTime converts the machine's picoseconds to an event's time.
func eventTime(ps int64) trace.Time { return trace.Time(ps / 1000) }

// Trace returns the run as the trace package reads it (sharing its events).
func (r *Result) Trace() *trace.Trace {
	return &trace.Trace{Model: r.Model, Cores: r.Cores, EndTime: r.EndTime, Events: r.Events, Threads: r.Threads}
}

// ComputeStats returns the statistics of r (trace.ComputeStats).
func ComputeStats(r *Result) *Stats { return trace.ComputeStats(r.Trace()) }

// WriteChromeTrace writes r as Chrome trace-event JSON (trace.WriteChromeTrace).
func WriteChromeTrace(w io.Writer, r *Result) error { return trace.WriteChromeTrace(w, r.Trace()) }

// WriteEventsJSONL writes the events of r as JSON lines (trace.WriteEventsJSONL).
func WriteEventsJSONL(w io.Writer, r *Result) error { return trace.WriteEventsJSONL(w, r.Events) }

// Validate checks an event stream's invariants (trace.Validate).
func Validate(events []Event, cores int, rules Rules) error {
	return trace.Validate(events, cores, rules)
}

// RulesFor returns the invariants a run of the named model keeps.
func RulesFor(model string) Rules {
	m, err := LookupModel(model)
	if err != nil {
		return Rules{GIL: true}
	}
	return Rules{GIL: m.GIL != NoGIL, AllowNegativeRefs: m.Parallel() && m.Refcounts == RCPlain}
}
