// protocol.go defines the messages of the live protocol (docs/protocol.md):
// their Go types, the decoding and validation of what the browser sends, and
// the event coalescing rule.

package server

import (
	"encoding/json"
	"fmt"
	"github.com/gilscope/gilscope/internal/worker"
	"math"
	"strconv"

	"github.com/gilscope/gilscope/vm/machine"
	"github.com/gilscope/gilscope/vm/trace"
)

// protocolVersion is the "v" of every message.
const protocolVersion = 1

// Client message types.
const (
	msgRun   = "run"
	msgPlay  = "play"
	msgPause = "pause"
	msgSpeed = "speed"
	msgStep  = "step"
	msgSeek  = "seek"
	msgView  = "view"
)

// Bounds of the numbers a browser sends.
const (
	// maxSpeed bounds a playback speed, simulated ns per second.
	maxSpeed = 1e12
	// maxResolution bounds a zoom, simulated ns per pixel.
	maxResolution = 1e12
	// instrMaxSpeed is the fastest speed at which instr events are sent.
	instrMaxSpeed = 1e6
)

// clientMessage is any message from the browser; Type says which fields
// matter.
type clientMessage struct {
	V          int         `json:"v"`
	Type       string      `json:"type"`
	Workload   *workload   `json:"workload,omitempty"`
	Speed      *float64    `json:"speed,omitempty"`
	Resolution float64     `json:"resolution,omitempty"`
	Paused     bool        `json:"paused,omitempty"`
	From       *trace.Time `json:"from,omitempty"`
	Mode       string      `json:"mode,omitempty"`
	Thread     int32       `json:"thread,omitempty"`
	T          *trace.Time `json:"t,omitempty"`
}

// parseClientMessage decodes and validates one message. A workload is
// normalized but not compiled.
func parseClientMessage(data []byte) (clientMessage, *apiError) {
	var m clientMessage
	if e := decodeJSON(data, &m); e != nil {
		return m, protocolError("%s", e.Message)
	}
	if m.V != protocolVersion {
		return m, protocolError("unknown protocol version %d (this server speaks %d)", m.V, protocolVersion)
	}
	if !(m.Resolution >= 0 && m.Resolution <= maxResolution) {
		return m, protocolError("resolution must be between 0 and %g ns per pixel", float64(maxResolution))
	}
	if m.Speed != nil && !(*m.Speed >= 0 && *m.Speed <= maxSpeed) {
		return m, protocolError("speed must be between 0 and %g ns per second", float64(maxSpeed))
	}
	switch m.Type {
	case msgRun:
		if m.Workload == nil {
			return m, protocolError("run needs a workload")
		}
		if m.From != nil && *m.From < 0 {
			return m, protocolError("from must not be negative")
		}
		if e := normalize(m.Workload); e != nil {
			return m, e
		}
	case msgSpeed:
		if m.Speed == nil {
			return m, protocolError("speed needs a speed")
		}
	case msgStep:
		if m.Mode != "event" && m.Mode != "instruction" {
			return m, protocolError(`step mode must be "event" or "instruction"`)
		}
		if m.Mode == "instruction" && m.Thread <= 0 {
			return m, protocolError("an instruction step needs a thread")
		}
	case msgSeek:
		if m.T == nil || *m.T < 0 {
			return m, protocolError("seek needs a time t ≥ 0")
		}
	case msgPlay, msgPause, msgView:
	default:
		return m, protocolError("unknown message type %q", m.Type)
	}
	return m, nil
}

func protocolError(format string, args ...any) *apiError {
	return &apiError{Message: fmt.Sprintf(format, args...), Kind: "protocol"}
}

// header is the start of every server message.
type header struct {
	V    int    `json:"v"`
	Type string `json:"type"`
	Run  int    `json:"run,omitempty"`
}

func newHeader(typ string, run int) header { return header{V: protocolVersion, Type: typ, Run: run} }

type helloMessage struct {
	header
	Version  string       `json:"version"`
	Models   []modelInfo  `json:"models"`
	Defaults defaultsInfo `json:"defaults"`
	Limits   limitsInfo   `json:"limits"`
	// StepKinds are the kinds of event a step stops at (and step back).
	StepKinds []string `json:"step_kinds"`
}

// defaultsInfo are the workload's defaults: what an absent field means.
type defaultsInfo struct {
	Model string `json:"model"`
	Cores int    `json:"cores"`
}

type modelInfo struct {
	Name        string `json:"name"`
	Description string `json:"description"`
	// Clock says what the model's simulated clock was calibrated against.
	Clock string `json:"clock,omitempty"`
}

// limitsInfo tells the browser the bounds it must respect.
type limitsInfo struct {
	SourceBytes    int     `json:"source_bytes"`
	MessageBytes   int     `json:"message_bytes"`
	MaxTime        float64 `json:"max_time"`
	Cores          int     `json:"cores"`
	SwitchInterval float64 `json:"switch_interval"`
	CPUSeconds     float64 `json:"cpu_seconds"`
	Threads        int     `json:"threads"`
	Events         int     `json:"events"`
	IdleSeconds    float64 `json:"idle_seconds"`
	InstrMaxSpeed  float64 `json:"instr_max_speed"`
	MessageEvents  int     `json:"message_events"`
	FrameIntervalS float64 `json:"frame_interval"`
}

type compiledMessage struct {
	header
	Code []worker.CodeObject `json:"code"`
}

type errorMessage struct {
	header
	Error apiError `json:"error"`
}

// eventsMessage is an "events" message (every event in [T0, T1) but instr)
// or an "instr" message (every instr event in [T0, T1)).
type eventsMessage struct {
	header
	T0     trace.Time  `json:"t0"`
	T1     trace.Time  `json:"t1"`
	Events []wireEvent `json:"events"`
}

// wireEvent is an event as sent (trace.Event's JSON form: its kind's payload
// under the payload's field names), with the number of events merged into it
// (itself included) when more than one.
type wireEvent struct {
	machine.Event
	Merged int `json:"merged,omitempty"`
}

// MarshalJSON writes the event's JSON form with "merged" added.
func (w wireEvent) MarshalJSON() ([]byte, error) { return w.appendJSON(nil), nil }

// appendJSON appends the event's JSON form with "merged" added.
func (w *wireEvent) appendJSON(b []byte) []byte {
	b = w.Event.AppendJSON(b)
	if w.Merged != 0 {
		b = append(b[:len(b)-1], `,"merged":`...)
		b = strconv.AppendInt(b, int64(w.Merged), 10)
		b = append(b, '}')
	}
	return b
}

type positionMessage struct {
	header
	T         trace.Time `json:"t"`
	Playing   bool       `json:"playing"`
	Speed     float64    `json:"speed"`
	Simulated trace.Time `json:"simulated"`
}

// statsMessage is the statistics of a run before T (docs/protocol.md).
type statsMessage struct {
	header
	T     trace.Time     `json:"t"`
	Stats *machine.Stats `json:"stats"`
}

type endMessage struct {
	header
	Summary summary `json:"summary"`
}

// summary is how a run ended.
type summary struct {
	ExitCode int            `json:"exit_code"`
	End      string         `json:"end"`
	EndTime  trace.Time     `json:"end_time"`
	Limit    string         `json:"limit,omitempty"`
	Stdout   string         `json:"stdout"`
	Stderr   string         `json:"stderr"`
	Stats    *machine.Stats `json:"stats"`
	Threads  []threadInfo   `json:"threads"`
	Cores    int            `json:"cores"`
	Model    string         `json:"model"`
}

// threadInfo names a thread of a run.
type threadInfo struct {
	ID   int32  `json:"id"`
	Name string `json:"name"`
}

// mergeKey names the resource whose state an event changes, for coalescing;
// ok is false for events that are never merged.
type mergeKey struct {
	class uint8 // 1 thread state, 2 GIL, 3 lock, 4 object, 5 instant (by kind), 6 instruction
	kind  machine.Kind
	id    uint64
}

func keyOf(e *machine.Event) (mergeKey, bool) {
	switch e.Kind {
	case machine.EvThreadState:
		return mergeKey{class: 1, id: uint64(e.Thread)}, true
	case machine.EvGILAcquire:
		return mergeKey{class: 2, id: e.GILAcquire().GIL}, true
	case machine.EvGILRelease:
		return mergeKey{class: 2, id: e.GILRelease().GIL}, true
	case machine.EvLockAcquire, machine.EvLockRelease:
		return mergeKey{class: 3, id: e.LockOp().Lock}, true
	case machine.EvRef:
		return mergeKey{class: 4, id: e.RefUpdate().Obj}, true
	case machine.EvAlloc:
		return mergeKey{class: 4, id: e.Alloc().Obj}, true
	case machine.EvFree:
		return mergeKey{class: 4, id: e.Free().Obj}, true
	case machine.EvDropRequest, machine.EvForcedSwitch, machine.EvFutileWakeup:
		return mergeKey{class: 5, kind: e.Kind, id: uint64(e.Thread)}, true
	case machine.EvInstr:
		return mergeKey{class: 6, id: uint64(e.Thread)}, true
	}
	return mergeKey{}, false
}

// coalesce returns events (time-ordered) with, within each pixel of
// resolution ns (pixel k is [k·resolution, (k+1)·resolution)), only the
// last event of each resource, carrying the number merged into it. Events
// that are never merged are all kept. A resolution below 1 ns keeps all.
func coalesce(events []machine.Event, resolution float64) []wireEvent {
	var c coalescer
	out := []wireEvent{}
	c.each(eventLogOf(events), resolution, func(w *wireEvent) { out = append(out, *w) })
	return out
}

// coalescer coalesces events (coalesce) pixel by pixel, handing each out
// once its pixel is over: an event can be merged only into a later one of
// the same pixel. It keeps the pixel's events and reuses its buffers from
// one call to the next, so coalescing allocates nothing in the long run.
// (Coalescing into a slice as long as the range, per message, was a third
// of what an uncached load benchmark allocated.)
type coalescer struct {
	pix  []wireEvent      // the pixel's events so far; Merged < 0 for those superseded
	last map[mergeKey]int // resource → index in pix of its last event
	one  wireEvent        // the event handed out when nothing is merged
}

// each calls emit with the events coalesced at resolution, as coalesce
// returns them, in order; *w is valid only during the call.
func (c *coalescer) each(events eventLog, resolution float64, emit func(w *wireEvent)) {
	if resolution < 1 {
		for p := range events.Pieces() {
			for i := range p {
				c.one = wireEvent{Event: p[i]} // in c: a local would escape, one allocation an event
				emit(&c.one)
			}
		}
		return
	}
	if c.last == nil {
		c.last = map[mergeKey]int{}
	}
	pixel := int64(math.MinInt64)
	for p := range events.Pieces() {
		for i := range p {
			e := &p[i]
			if p := int64(math.Floor(float64(e.T) / resolution)); p != pixel {
				c.flush(emit)
				pixel = p
			}
			k, ok := keyOf(e)
			if !ok {
				c.pix = append(c.pix, wireEvent{Event: *e})
				continue
			}
			n := 1
			if i, seen := c.last[k]; seen {
				n = max(c.pix[i].Merged, 1) + 1
				c.pix[i].Merged = -1 // superseded
			}
			c.last[k] = len(c.pix)
			c.pix = append(c.pix, wireEvent{Event: *e, Merged: n})
		}
	}
	c.flush(emit)
}

// flush hands out the pixel's events that were not superseded.
func (c *coalescer) flush(emit func(w *wireEvent)) {
	for i := range c.pix {
		w := &c.pix[i]
		switch {
		case w.Merged < 0:
			continue
		case w.Merged == 1:
			w.Merged = 0
		}
		emit(w)
	}
	clear(c.pix) // no stale event keeps its strings alive
	c.pix = c.pix[:0]
	clear(c.last)
}

// eachInRange calls emit with the events of the log with t0 ≤ t < t1,
// coalesced at resolution so that the result does not depend on where
// messages start and end: an event is kept when it is the last of its
// resource in its pixel as far as the log goes — past t1 too when
// lookahead is set (a later change in the same pixel will come in the next
// message) — and merged counts the changes of its pixel before it, in
// earlier messages too. So sending a stretch in one message or in many
// gives the same events, once the simulation is a pixel ahead. Without
// lookahead the last event of each resource before t1 is always kept (a
// step shows the event it stopped at). It returns the events of the log it
// coalesced, a bound on those it emits.
func (c *coalescer) eachInRange(log eventLog, t0, t1 trace.Time, resolution float64, lookahead bool, emit func(w *wireEvent)) int {
	var a, b int
	if resolution < 1 {
		a = log.Search(func(e *machine.Event) bool { return e.T >= t0 })
		b = log.Search(func(e *machine.Event) bool { return e.T >= t1 })
	} else {
		pixel := func(t trace.Time) int64 { return int64(math.Floor(float64(t) / resolution)) }
		first, last := pixel(t0), pixel(t1-1)
		a = log.Search(func(e *machine.Event) bool { return pixel(e.T) >= first })
		b = log.Search(func(e *machine.Event) bool { return e.T >= t1 })
		if lookahead {
			b = log.Search(func(e *machine.Event) bool { return pixel(e.T) > last })
		}
	}
	b = max(a, b)
	c.each(log.Slice(a, b), resolution, func(w *wireEvent) {
		if w.T >= t0 && w.T < t1 {
			emit(w)
		}
	})
	return b - a
}

// coalesceRange returns the events eachInRange emits.
func coalesceRange(log eventLog, t0, t1 trace.Time, resolution float64, lookahead bool) []wireEvent {
	var c coalescer
	out := []wireEvent{}
	c.eachInRange(log, t0, t1, resolution, lookahead, func(w *wireEvent) { out = append(out, *w) })
	return out
}

// marshal encodes a server message.
func marshal(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("encoding a %T: %v", v, err)) // every message type is encodable
	}
	return b
}
