// This file defines the JSON form of an event, which the JSONL export and the
// browser's wire format share: t, kind, thread and core, then the fields of the
// kind's payload under their own names (omitted when zero). It reads version 1's
// form too (ReadEventsJSONL).

package trace

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strconv"
)

// jsonWriter appends the fields of one JSON object.
type jsonWriter struct{ b []byte }

func (w *jsonWriter) key(k string) {
	w.b = append(w.b, ',', '"')
	w.b = append(w.b, k...)
	w.b = append(w.b, '"', ':')
}

func (w *jsonWriter) int(k string, v int64) {
	if v != 0 {
		w.key(k)
		w.b = strconv.AppendInt(w.b, v, 10)
	}
}

func (w *jsonWriter) uint(k string, v uint64) {
	if v != 0 {
		w.key(k)
		w.b = strconv.AppendUint(w.b, v, 10)
	}
}

func (w *jsonWriter) str(k, v string) {
	if v != "" {
		w.key(k)
		w.b = appendQuoted(w.b, v)
	}
}

// appendQuoted appends s as a JSON string, escaped as encoding/json escapes it
// but for <, > and &, which it leaves as they are.
func appendQuoted(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == '"' || c == '\\' || c >= 0x80 {
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			enc.Encode(s)
			return append(b, bytes.TrimSuffix(buf.Bytes(), []byte("\n"))...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// AppendJSON appends e as one JSON object.
func (e *Event) AppendJSON(b []byte) []byte {
	b = append(b, `{"t":`...)
	b = strconv.AppendInt(b, int64(e.T), 10)
	b = append(b, `,"kind":"`...)
	b = append(b, e.Kind.String()...)
	b = append(b, `","thread":`...)
	b = strconv.AppendInt(b, int64(e.Thread), 10)
	b = append(b, `,"core":`...)
	b = strconv.AppendInt(b, int64(e.Core), 10)
	w := jsonWriter{b}
	w.int("line", int64(e.Line))
	w.int("pc", int64(e.PC))
	w.int("code", int64(e.Code))
	e.appendPayload(&w)
	return append(w.b, '}')
}

func (e *Event) appendPayload(w *jsonWriter) {
	switch e.Kind {
	case EvThreadState:
		p := e.StateChange()
		w.str("state", p.State.String())
		w.str("wait", p.Wait)
		w.uint("obj", p.Obj)
		w.int("target", int64(p.Target))
	case EvThreadStart:
		p := e.ThreadStart()
		w.str("name", p.Name)
		w.int("process", int64(p.Process))
	case EvGILAcquire:
		p := e.GILAcquire()
		w.uint("gil", p.GIL)
		w.int("switch", p.Switch)
	case EvGILRelease:
		p := e.GILRelease()
		w.uint("gil", p.GIL)
		w.str("cause", p.Cause)
	case EvDropRequest:
		p := e.DropRequest()
		w.uint("gil", p.GIL)
		w.int("holder", int64(p.Holder))
	case EvForcedSwitch:
		w.uint("gil", e.ForcedSwitch().GIL)
	case EvFutileWakeup:
		w.uint("gil", e.FutileWakeup().GIL)
	case EvLockAcquire, EvLockRelease:
		w.uint("lock", e.LockOp().Lock)
	case EvRef:
		p := e.RefUpdate()
		w.uint("obj", p.Obj)
		w.str("type", p.Type)
		w.int("delta", int64(p.Delta))
		w.int("count", p.Count)
		w.int("diff", p.Diff)
		w.str("counter", p.Counter.String())
	case EvAlloc:
		p := e.Alloc()
		w.uint("obj", p.Obj)
		w.str("type", p.Type)
		w.int("count", p.Count)
	case EvFree:
		p := e.Free()
		w.uint("obj", p.Obj)
		w.str("type", p.Type)
		w.int("real", p.Real)
	case EvOutput:
		p := e.Output()
		w.int("stream", int64(p.Stream))
		w.str("text", p.Text)
	case EvException:
		p := e.Exception()
		w.str("error", p.Error)
		w.int("program_line", int64(p.ProgramLine))
	case EvEnd:
		p := e.End()
		w.str("cause", p.Cause)
		w.int("exit_code", int64(p.ExitCode))
	case EvRefRace:
		p := e.RefRace()
		w.uint("obj", p.Obj)
		w.str("type", p.Type)
		w.int("delta", int64(p.Delta))
		w.int("overwriter", int64(p.Overwriter))
		w.int("count", p.Count)
		w.int("diff", p.Diff)
		w.str("note", p.Note)
	case EvUseAfterFree:
		p := e.UseAfterFree()
		w.uint("obj", p.Obj)
		w.str("type", p.Type)
		w.int("real", p.Real)
	case EvLeak:
		p := e.Leak()
		w.uint("obj", p.Obj)
		w.str("type", p.Type)
		w.int("count", p.Count)
		w.int("real", p.Real)
	case EvRefMerge:
		p := e.RefMerge()
		w.uint("obj", p.Obj)
		w.str("type", p.Type)
		w.int("count", p.Count)
	case EvGCPause:
		w.int("pause", int64(e.GCPause().Pause))
	case EvDeadlock:
		p := e.Deadlock()
		if len(p.Cycle) > 0 {
			w.key("cycle")
			c, _ := json.Marshal(p.Cycle)
			w.b = append(w.b, c...)
		}
		w.str("note", p.Note)
	}
}

// MarshalJSON writes e as AppendJSON does.
func (e Event) MarshalJSON() ([]byte, error) { return e.AppendJSON(nil), nil }

// jsonEvent has every field of every kind's JSON form, of this version and of
// version 1 (whose Value and Reason meant something else for each kind, and whose
// Text, Obj and Count did on some).
type jsonEvent struct {
	T          Time        `json:"t"`
	Kind       Kind        `json:"kind"`
	Thread     int32       `json:"thread"`
	Core       int16       `json:"core"`
	State      ThreadState `json:"state"`
	Wait       string      `json:"wait"`
	Obj        uint64      `json:"obj"`
	Target     int32       `json:"target"`
	Name       string      `json:"name"`
	Process    int32       `json:"process"`
	GIL        uint64      `json:"gil"`
	Switch     int64       `json:"switch"`
	Cause      string      `json:"cause"`
	Holder     int32       `json:"holder"`
	Line       int32       `json:"line"`
	PC         int32       `json:"pc"`
	Code       int32       `json:"code"`
	Lock       uint64      `json:"lock"`
	Type       string      `json:"type"`
	Delta      int32       `json:"delta"`
	Count      int64       `json:"count"`
	Diff       int64       `json:"diff"`
	Counter    string      `json:"counter"`
	Real       int64       `json:"real"`
	Stream     Stream      `json:"stream"`
	Text       string      `json:"text"`
	Error      string      `json:"error"`
	ExitCode   int32       `json:"exit_code"`
	ProgLine   int32       `json:"program_line"`
	Overwriter int32       `json:"overwriter"`
	Pause      Duration    `json:"pause"`
	Note       string      `json:"note"`
	Cycle      []Edge      `json:"cycle"`
	Value      int64       `json:"value"`  // version 1
	Reason     string      `json:"reason"` // version 1
}

// UnmarshalJSON reads an event written by MarshalJSON, or by version 1.
func (e *Event) UnmarshalJSON(b []byte) error {
	var j jsonEvent
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	if j.Kind >= NumKinds {
		return fmt.Errorf("unknown event kind %d", j.Kind)
	}
	*e = j.event()
	return nil
}

// v1Delta finds the lost update in version 1's description of a refcount race
// ("…; Thread-1's +1 was overwritten"), the only place it carried it.
var v1Delta = regexp.MustCompile(`'s ([+-]\d+) was overwritten$`)

// event makes the event j describes. Where version 1 put a field elsewhere (its
// Value, Reason, Text, Obj or Count), the version 2 name wins when both are set.
func (j *jsonEvent) event() Event {
	e := j.payload()
	e.Line, e.PC, e.Code = j.Line, j.PC, j.Code
	return e
}

func (j *jsonEvent) payload() Event {
	t, th, core := j.T, j.Thread, j.Core
	gil := or(j.GIL, j.Obj)
	switch j.Kind {
	case EvThreadState:
		p := StateChange{State: j.State, Wait: or(j.Wait, j.Reason), Obj: j.Obj, Target: j.Target}
		if j.Reason != "" && (p.Wait == "join" || p.Wait == "start") {
			p.Target, p.Obj = int32(j.Obj), 0
		}
		return p.At(t, th, core)
	case EvThreadStart:
		return ThreadStart{Name: or(j.Name, j.Text), Process: or(j.Process, int32(j.Value))}.At(t, th, core)
	case EvGILAcquire:
		return GILAcquire{GIL: gil, Switch: or(j.Switch, j.Value)}.At(t, th, core)
	case EvGILRelease:
		return GILRelease{GIL: gil, Cause: or(j.Cause, j.Reason)}.At(t, th, core)
	case EvDropRequest:
		return DropRequest{GIL: gil, Holder: or(j.Holder, int32(j.Value))}.At(t, th, core)
	case EvForcedSwitch:
		return ForcedSwitch{GIL: gil}.At(t, th, core, j.Line, j.PC)
	case EvFutileWakeup:
		return FutileWakeup{GIL: gil}.At(t, th, core)
	case EvLockAcquire:
		return LockOp{Lock: or(j.Lock, j.Obj)}.Acquire(t, th, core)
	case EvLockRelease:
		return LockOp{Lock: or(j.Lock, j.Obj)}.Release(t, th, core)
	case EvRef:
		return RefUpdate{Obj: j.Obj, Type: or(j.Type, j.Text), Delta: or(j.Delta, int32(j.Value)), Count: j.Count,
			Diff: j.Diff, Counter: counterNamed(or(j.Counter, j.Reason))}.At(t, th, core)
	case EvAlloc:
		return Alloc{Obj: j.Obj, Type: or(j.Type, j.Text), Count: j.Count}.At(t, th, core)
	case EvFree:
		return Free{Obj: j.Obj, Type: or(j.Type, j.Text), Real: or(j.Real, j.Count)}.At(t, th, core)
	case EvOutput:
		return Output{Stream: or(j.Stream, Stream(j.Value)), Text: j.Text}.At(t, th, core)
	case EvException:
		return Exception{Error: or(j.Error, j.Text), ProgramLine: j.ProgLine}.At(t, th, core)
	case EvEnd:
		return End{Cause: or(j.Cause, j.Text), ExitCode: or(j.ExitCode, int32(j.Value))}.At(t, th, core)
	case EvRefRace:
		p := RefRace{Obj: j.Obj, Type: j.Type, Delta: j.Delta, Overwriter: or(j.Overwriter, int32(j.Value)),
			Count: j.Count, Diff: j.Diff, Note: or(j.Note, j.Text)}
		if m := v1Delta.FindStringSubmatch(j.Text); m != nil && p.Delta == 0 {
			d, _ := strconv.ParseInt(m[1], 10, 32)
			p.Delta = int32(d)
		}
		return p.At(t, th, core)
	case EvUseAfterFree:
		return UseAfterFree{Obj: j.Obj, Type: or(j.Type, j.Text), Real: or(j.Real, j.Count)}.At(t, th, core)
	case EvLeak:
		return Leak{Obj: j.Obj, Type: or(j.Type, j.Text), Count: j.Count, Real: or(j.Real, j.Value)}.At(t, th, core)
	case EvRefMerge:
		return RefMerge{Obj: j.Obj, Type: or(j.Type, j.Text), Count: j.Count}.At(t, th, core)
	case EvGCPause:
		return GCPause{Pause: or(j.Pause, Duration(j.Value))}.At(t, th, core)
	case EvDeadlock:
		return Deadlock{Cycle: j.Cycle, Note: or(j.Note, j.Text)}.At(t, th, core)
	}
	return head(j.Kind, t, th, core)
}

func or[T comparable](a, b T) T {
	var zero T
	if a != zero {
		return a
	}
	return b
}

func counterNamed(s string) Counter {
	for i, n := range counterNames {
		if n == s {
			return Counter(i)
		}
	}
	return CounterPlain
}

// WriteEventsJSONL writes events as JSON lines, one event per line, in AppendJSON's
// form.
func WriteEventsJSONL(w io.Writer, events []Event) error {
	bw := bufio.NewWriter(w)
	var b []byte
	for i := range events {
		b = events[i].AppendJSON(b[:0])
		b = append(b, '\n')
		if _, err := bw.Write(b); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// ReadEventsJSONL reads events written by WriteEventsJSONL, one JSON object per
// line, in this version of the event model or in version 1.
func ReadEventsJSONL(r io.Reader) ([]Event, error) {
	var events []Event
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<24)
	for n := 1; sc.Scan(); n++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var e Event
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		events = append(events, e)
	}
	return events, sc.Err()
}
