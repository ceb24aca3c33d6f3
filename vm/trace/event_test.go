package trace

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"unsafe"
)

// kindSamples is one event of every kind, each payload field set to a value no other
// field of the payload has, with the accessor that reads the payload back.
var kindSamples = []struct {
	event   Event
	payload any
	read    func(e *Event) any
}{
	{StateChange{State: StateBlocked, Wait: "lock", Obj: 11}.At(1, 2, -1),
		StateChange{State: StateBlocked, Wait: "lock", Obj: 11}, func(e *Event) any { return e.StateChange() }},
	{StateChange{State: StateBlocked, Wait: "join", Target: 3}.At(1, 2, -1),
		StateChange{State: StateBlocked, Wait: "join", Target: 3}, func(e *Event) any { return e.StateChange() }},
	{ThreadStart{Name: "worker", Process: 2}.At(1, 4, -1),
		ThreadStart{Name: "worker", Process: 2}, func(e *Event) any { return e.ThreadStart() }},
	{GILAcquire{GIL: 1 << 40, Switch: 17}.At(1, 2, 0),
		GILAcquire{GIL: 1 << 40, Switch: 17}, func(e *Event) any { return e.GILAcquire() }},
	{GILRelease{GIL: 3, Cause: "forced"}.At(1, 2, 0),
		GILRelease{GIL: 3, Cause: "forced"}, func(e *Event) any { return e.GILRelease() }},
	{DropRequest{GIL: 3, Holder: 5}.At(1, 2, 1),
		DropRequest{GIL: 3, Holder: 5}, func(e *Event) any { return e.DropRequest() }},
	{ForcedSwitch{GIL: 4}.At(1, 2, 0, 9, 26),
		ForcedSwitch{GIL: 4}, func(e *Event) any { return e.ForcedSwitch() }},
	{FutileWakeup{GIL: 6}.At(1, 2, 0),
		FutileWakeup{GIL: 6}, func(e *Event) any { return e.FutileWakeup() }},
	{LockOp{Lock: 12}.Acquire(1, 2, 0),
		LockOp{Lock: 12}, func(e *Event) any { return e.LockOp() }},
	{LockOp{Lock: 13}.Release(1, 2, 0),
		LockOp{Lock: 13}, func(e *Event) any { return e.LockOp() }},
	{RefUpdate{Obj: 21, Type: "list", Delta: -1, Count: 4, Diff: 2, Counter: CounterQueued}.At(1, 2, 0),
		RefUpdate{Obj: 21, Type: "list", Delta: -1, Count: 4, Diff: 2, Counter: CounterQueued},
		func(e *Event) any { return e.RefUpdate() }},
	{Alloc{Obj: 22, Type: "dict", Count: 1}.At(1, 2, 0),
		Alloc{Obj: 22, Type: "dict", Count: 1}, func(e *Event) any { return e.Alloc() }},
	{Free{Obj: 23, Type: "int", Real: 2}.At(1, 2, 0),
		Free{Obj: 23, Type: "int", Real: 2}, func(e *Event) any { return e.Free() }},
	{Output{Stream: Stderr, Text: "hello\n"}.At(1, 2, 0),
		Output{Stream: Stderr, Text: "hello\n"}, func(e *Event) any { return e.Output() }},
	{Exception{Error: "ZeroDivisionError: division by zero", ProgramLine: 7}.At(1, 2, 0),
		Exception{Error: "ZeroDivisionError: division by zero", ProgramLine: 7}, func(e *Event) any { return e.Exception() }},
	{End{Cause: "segfault", ExitCode: 139}.At(1, 0, -1),
		End{Cause: "segfault", ExitCode: 139}, func(e *Event) any { return e.End() }},
	{RefRace{Obj: 24, Type: "int", Delta: 1, Overwriter: 3, Count: 5, Diff: -1, Note: "both loaded"}.At(1, 2, -1),
		RefRace{Obj: 24, Type: "int", Delta: 1, Overwriter: 3, Count: 5, Diff: -1, Note: "both loaded"},
		func(e *Event) any { return e.RefRace() }},
	{UseAfterFree{Obj: 25, Type: "list", Real: 3}.At(1, 2, 0),
		UseAfterFree{Obj: 25, Type: "list", Real: 3}, func(e *Event) any { return e.UseAfterFree() }},
	{Leak{Obj: 26, Type: "tuple", Count: 7, Real: 6}.At(1, 0, -1),
		Leak{Obj: 26, Type: "tuple", Count: 7, Real: 6}, func(e *Event) any { return e.Leak() }},
	{RefMerge{Obj: 27, Type: "str", Count: 8}.At(1, 2, 0),
		RefMerge{Obj: 27, Type: "str", Count: 8}, func(e *Event) any { return e.RefMerge() }},
	{GCPause{Pause: 3 * Millisecond}.At(1, 2, 0),
		GCPause{Pause: 3 * Millisecond}, func(e *Event) any { return e.GCPause() }},
	{Deadlock{Cycle: []Edge{{Thread: 1, Lock: 5, Label: "a", Holder: 2}, {Thread: 2, Holder: 1}}, Note: "a cycle"}.At(1, 0, -1),
		Deadlock{Cycle: []Edge{{Thread: 1, Lock: 5, Label: "a", Holder: 2}, {Thread: 2, Holder: 1}}, Note: "a cycle"},
		func(e *Event) any { return e.Deadlock() }},
	{InstrAt(1, 2, 0, 3, 14, 1), nil, nil},
}

// TestKindsAndFields walks every kind: an event made from its payload reads it
// back; every other accessor refuses it; each payload field is a field of its
// own, with its own name in JSON (no field means two things); and the JSON and
// binary forms give the event back.
func TestKindsAndFields(t *testing.T) {
	seen := map[Kind]bool{}
	for _, s := range kindSamples {
		e := s.event
		seen[e.Kind] = true
		if s.read != nil {
			if got := s.read(&e); !reflect.DeepEqual(got, s.payload) {
				t.Errorf("%s: reads %+v, want %+v", e.Kind, got, s.payload)
			}
			checkFieldNames(t, e, s.payload)
		}
		for _, other := range kindSamples {
			if other.read == nil || other.event.Kind == e.Kind || sameAccessor(other.event.Kind, e.Kind) {
				continue
			}
			func() {
				defer func() {
					if recover() == nil {
						t.Errorf("the %s accessor reads a %s event", other.event.Kind, e.Kind)
					}
				}()
				other.read(&e)
			}()
		}
		var back Event
		if err := json.Unmarshal(e.AppendJSON(nil), &back); err != nil || !reflect.DeepEqual(back, e) {
			t.Errorf("%s: JSON %s reads back as %+v (%v)", e.Kind, e.AppendJSON(nil), back, err)
		}
		var enc Encoder
		var d Decoder
		if got, err := d.Decode(enc.Append(nil, []Event{e})); err != nil || !reflect.DeepEqual(got, []Event{e}) {
			t.Errorf("%s: the binary form reads back as %+v (%v)", e.Kind, got, err)
		}
	}
	for k := range NumKinds {
		if !seen[k] {
			t.Errorf("no sample of kind %s", k)
		}
		if k.String() == "unknown" {
			t.Errorf("kind %d has no name", k)
		}
	}
}

// sameAccessor reports whether kinds a and b share a payload type.
func sameAccessor(a, b Kind) bool {
	lock := func(k Kind) bool { return k == EvLockAcquire || k == EvLockRelease }
	return lock(a) && lock(b)
}

// checkFieldNames checks that every field of the payload appears in the event's
// JSON under its own name, with its own value.
func checkFieldNames(t *testing.T, e Event, payload any) {
	t.Helper()
	var obj map[string]any
	if err := json.Unmarshal(e.AppendJSON(nil), &obj); err != nil {
		t.Fatal(err)
	}
	v := reflect.ValueOf(payload)
	names := map[string]bool{}
	for i := range v.NumField() {
		f := v.Type().Field(i)
		name := jsonName(f.Name)
		if names[name] {
			t.Errorf("%s: two fields named %s", e.Kind, name)
		}
		names[name] = true
		if _, ok := obj[name]; !ok && !v.Field(i).IsZero() {
			t.Errorf("%s: field %s is not in the JSON %s", e.Kind, f.Name, e.AppendJSON(nil))
		}
	}
	for k := range obj {
		switch k {
		case "t", "kind", "thread", "core", "line", "pc", "code":
		default:
			if !names[k] {
				t.Errorf("%s: JSON field %q belongs to no payload field", e.Kind, k)
			}
		}
	}
}

// jsonName is a payload field's name in JSON: ExitCode → exit_code.
func jsonName(field string) string {
	var b strings.Builder
	for i, r := range field {
		if r >= 'A' && r <= 'Z' {
			if i > 0 && !(field == "GIL") {
				b.WriteByte('_')
			}
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// TestEventSize keeps an event as small as event model 1's (104 bytes on 64-bit
// platforms): a server holds millions of them, and the worker boundary copies each.
func TestEventSize(t *testing.T) {
	if size := unsafe.Sizeof(Event{}); unsafe.Sizeof(uintptr(0)) == 8 && size > 80 {
		t.Errorf("an event takes %d bytes, want at most 80", size)
	}
}

// TestReadVersion1 reads events as event model 1 wrote them, where Value, Reason,
// Text and Count meant something else for each kind.
func TestReadVersion1(t *testing.T) {
	lines := []struct {
		v1   string
		want Event
	}{
		{`{"t":5,"kind":"thread_start","thread":2,"core":-1,"value":1,"text":"Thread-1"}`,
			ThreadStart{Name: "Thread-1", Process: 1}.At(5, 2, -1)},
		{`{"t":5,"kind":"thread_state","thread":1,"core":-1,"state":"blocked","reason":"join","obj":2}`,
			StateChange{State: StateBlocked, Wait: "join", Target: 2}.At(5, 1, -1)},
		{`{"t":5,"kind":"gil_acquire","thread":1,"core":0,"obj":3,"value":9}`,
			GILAcquire{GIL: 3, Switch: 9}.At(5, 1, 0)},
		{`{"t":5,"kind":"ref","thread":1,"core":0,"obj":7,"value":-1,"count":2,"diff":1,"reason":"local","text":"list"}`,
			RefUpdate{Obj: 7, Type: "list", Delta: -1, Count: 2, Diff: 1, Counter: CounterLocal}.At(5, 1, 0)},
		{`{"t":5,"kind":"ref_race","thread":1,"core":-1,"obj":7,"value":2,"count":2,"text":"A and B both loaded the count of int #7 (3) before either stored it; A's +1 was overwritten"}`,
			RefRace{Obj: 7, Delta: 1, Overwriter: 2, Count: 2,
				Note: "A and B both loaded the count of int #7 (3) before either stored it; A's +1 was overwritten"}.At(5, 1, -1)},
		{`{"t":5,"kind":"free","thread":1,"core":0,"obj":7,"count":1,"reason":"premature","text":"int"}`,
			Free{Obj: 7, Type: "int", Real: 1}.At(5, 1, 0)},
		{`{"t":5,"kind":"leak","thread":0,"core":-1,"obj":7,"count":3,"value":2,"text":"int"}`,
			Leak{Obj: 7, Type: "int", Count: 3, Real: 2}.At(5, 0, -1)},
		{`{"t":5,"kind":"end","thread":0,"core":-1,"value":1,"text":"deadlock"}`,
			End{Cause: "deadlock", ExitCode: 1}.At(5, 0, -1)},
		{`{"t":5,"kind":"gc_pause","thread":1,"core":0,"value":1000}`,
			GCPause{Pause: Microsecond}.At(5, 1, 0)},
	}
	for _, l := range lines {
		var e Event
		if err := json.Unmarshal([]byte(l.v1), &e); err != nil || !reflect.DeepEqual(e, l.want) {
			t.Errorf("%s reads as %s (%v), want %s", l.v1, e.AppendJSON(nil), err, l.want.AppendJSON(nil))
		}
	}
}

// TestBinaryRun encodes every sample kind as one run, twice over and in two
// batches, so that each event is sent as its difference from a different one
// before it, and strings by number the second time: the decoder of the run
// gives every event back.
func TestBinaryRun(t *testing.T) {
	var run []Event
	for range 2 {
		for _, s := range kindSamples {
			run = append(run, s.event)
		}
	}
	var enc Encoder
	var d Decoder
	half := len(run) / 2
	var got []Event
	for _, batch := range [][]Event{run[:half], run[half:]} {
		b := enc.Append(nil, batch)
		dec, err := d.Decode(b)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, dec...) // the decoder reuses its slice
	}
	if !reflect.DeepEqual(got, run) {
		for i := range run {
			if !reflect.DeepEqual(got[i], run[i]) {
				t.Fatalf("event %d (%s) reads back as %+v, want %+v", i, run[i].Kind, got[i], run[i])
			}
		}
	}
}
