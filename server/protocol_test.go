// protocol_test.go tests the decoding of browser messages (with a fuzz
// target) and the coalescing rule.

package server

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/gilscope/gilscope/vm/machine"
	"github.com/gilscope/gilscope/vm/trace"
)

// TestParseClientMessage checks what is accepted and what is refused.
func TestParseClientMessage(t *testing.T) {
	tests := []struct {
		desc, msg string
		ok        bool
	}{
		{"run", `{"v":1,"type":"run","workload":{"source":"x=1"},"speed":2000,"resolution":10}`, true},
		{"resume", `{"v":1,"type":"run","workload":{"source":""},"from":5000,"paused":true}`, true},
		{"play", `{"v":1,"type":"play"}`, true},
		{"speed 0", `{"v":1,"type":"speed","speed":0}`, true},
		{"step event", `{"v":1,"type":"step","mode":"event"}`, true},
		{"step instruction", `{"v":1,"type":"step","mode":"instruction","thread":2}`, true},
		{"seek", `{"v":1,"type":"seek","t":0}`, true},
		{"view", `{"v":1,"type":"view","resolution":1e6}`, true},
		{"no version", `{"type":"play"}`, false},
		{"two values", `{"v":1,"type":"play"}{}`, false},
		{"array", `[]`, false},
		{"speed without speed", `{"v":1,"type":"speed"}`, false},
		{"huge speed", `{"v":1,"type":"speed","speed":1e300}`, false},
		{"negative resolution", `{"v":1,"type":"view","resolution":-1}`, false},
		{"negative seek", `{"v":1,"type":"seek","t":-1}`, false},
		{"negative from", `{"v":1,"type":"run","workload":{"source":""},"from":-1}`, false},
		{"bad step mode", `{"v":1,"type":"step","mode":"line"}`, false},
		{"bad cores", `{"v":1,"type":"run","workload":{"source":"","cores":-1}}`, false},
		{"NaN-ish switch interval", `{"v":1,"type":"run","workload":{"source":"","switch_interval":2}}`, false},
	}
	for _, tt := range tests {
		_, e := parseClientMessage([]byte(tt.msg))
		if (e == nil) != tt.ok {
			t.Errorf("%s: error %v, want ok=%v", tt.desc, e, tt.ok)
		}
	}
}

// FuzzClientMessage checks that decoding never panics and that an accepted
// message survives a round trip.
func FuzzClientMessage(f *testing.F) {
	for _, s := range []string{
		`{"v":1,"type":"run","workload":{"source":"print(1)","model":"cpython-3.9","cores":4,"seed":7,"switch_interval":0.001,"max_time":3},"speed":2000,"resolution":10,"from":100}`,
		`{"v":1,"type":"step","mode":"instruction","thread":2}`,
		`{"v":1,"type":"seek","t":123}`,
		`{"v":1,"type":"speed","speed":1e9}`,
		`{"v":1,"type":"view","resolution":0.5}`,
		`{"v":2}`, `null`, `{"v":1,"type":"run","workload":null}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, e := parseClientMessage(data)
		if e != nil {
			if e.Message == "" || e.Kind == "" {
				t.Fatalf("an error without message or kind: %+v", e)
			}
			return
		}
		again, e := parseClientMessage(marshal(m))
		if e != nil {
			t.Fatalf("re-encoded message refused: %v", e)
		}
		if !reflect.DeepEqual(m, again) {
			t.Fatalf("round trip changed the message:\n%+v\n%+v", m, again)
		}
	})
}

// ev is a compact event constructor for the coalescing tests.
func ev(t trace.Time, kind machine.Kind, thread int32, obj uint64, state machine.ThreadState) machine.Event {
	switch kind {
	case machine.EvThreadState:
		return trace.StateChange{State: state}.At(t, thread, -1)
	case machine.EvGILAcquire:
		return trace.GILAcquire{GIL: obj}.At(t, thread, -1)
	case machine.EvGILRelease:
		return trace.GILRelease{GIL: obj}.At(t, thread, -1)
	case machine.EvLockAcquire:
		return trace.LockOp{Lock: obj}.Acquire(t, thread, -1)
	case machine.EvLockRelease:
		return trace.LockOp{Lock: obj}.Release(t, thread, -1)
	case machine.EvRef:
		return trace.RefUpdate{Obj: obj}.At(t, thread, -1)
	case machine.EvAlloc:
		return trace.Alloc{Obj: obj}.At(t, thread, -1)
	case machine.EvFree:
		return trace.Free{Obj: obj}.At(t, thread, -1)
	}
	return machine.Event{T: t, Kind: kind, Thread: thread, Core: -1}
}

// TestCoalesce checks the rule of docs/protocol.md: per pixel, the last
// change of each resource, with the number merged; nothing else dropped.
func TestCoalesce(t *testing.T) {
	run, wait := machine.StateRunningGIL, machine.StateWaitGIL
	type kept struct {
		t      trace.Time
		merged int
	}
	tests := []struct {
		desc       string
		resolution float64
		in         []machine.Event
		want       []kept
	}{
		{"resolution 0 keeps all", 0,
			[]machine.Event{ev(1, machine.EvThreadState, 1, 0, run), ev(2, machine.EvThreadState, 1, 0, wait)},
			[]kept{{1, 0}, {2, 0}}},
		{"one thread in one pixel: the last state", 10,
			[]machine.Event{ev(1, machine.EvThreadState, 1, 0, run), ev(2, machine.EvThreadState, 1, 0, wait), ev(3, machine.EvThreadState, 1, 0, run)},
			[]kept{{3, 3}}},
		{"two threads are two resources", 10,
			[]machine.Event{ev(1, machine.EvThreadState, 1, 0, run), ev(2, machine.EvThreadState, 2, 0, wait)},
			[]kept{{1, 0}, {2, 0}}},
		{"pixels are separate", 10,
			[]machine.Event{ev(9, machine.EvThreadState, 1, 0, run), ev(10, machine.EvThreadState, 1, 0, wait)},
			[]kept{{9, 0}, {10, 0}}},
		{"GIL acquire and release merge per GIL", 10,
			[]machine.Event{ev(1, machine.EvGILAcquire, 1, 1, 0), ev(2, machine.EvGILRelease, 1, 1, 0), ev(3, machine.EvGILAcquire, 2, 1, 0)},
			[]kept{{3, 3}}},
		{"output is never merged", 10,
			[]machine.Event{ev(1, machine.EvOutput, 1, 0, 0), ev(2, machine.EvOutput, 1, 0, 0)},
			[]kept{{1, 0}, {2, 0}}},
		{"instants merge per thread and kind", 10,
			[]machine.Event{ev(1, machine.EvDropRequest, 1, 1, 0), ev(2, machine.EvForcedSwitch, 1, 1, 0), ev(3, machine.EvDropRequest, 1, 1, 0)},
			[]kept{{2, 0}, {3, 2}}},
		{"refcounts merge per object", 100,
			[]machine.Event{ev(1, machine.EvRef, 1, 7, 0), ev(2, machine.EvRef, 2, 8, 0), ev(3, machine.EvRef, 1, 7, 0), ev(4, machine.EvEnd, 0, 0, 0)},
			[]kept{{2, 0}, {3, 2}, {4, 0}}},
	}
	for _, tt := range tests {
		var got []kept
		for _, w := range coalesce(tt.in, tt.resolution) {
			got = append(got, kept{w.T, w.Merged})
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: kept %v, want %v", tt.desc, got, tt.want)
		}
	}
}

// finalStates returns the last event of each resource that coalescing
// merges.
func finalStates(evs []machine.Event) map[mergeKey]machine.Event {
	m := map[mergeKey]machine.Event{}
	for _, e := range evs {
		if k, ok := keyOf(&e); ok {
			m[k] = e
		}
	}
	return m
}

// TestCoalesceKeepsFinalStates checks on a real run that coalescing at any
// resolution leaves every resource's final state as it was.
func TestCoalesceKeepsFinalStates(t *testing.T) {
	res, err := machine.Run(programFile, []byte(countdown), machine.Options{Seed: 1, RecordEvents: true}, new(nopWriter), new(nopWriter))
	if err != nil {
		t.Fatal(err)
	}
	want := finalStates(res.Events)
	for _, r := range []float64{1, 1e3, 1e5, 1e9} {
		var evs []machine.Event
		total := 0
		for _, w := range coalesce(res.Events, r) {
			evs = append(evs, w.Event)
			total += max(w.Merged, 1)
		}
		if got := finalStates(evs); !reflect.DeepEqual(got, want) {
			t.Errorf("resolution %g: final states differ", r)
		}
		if total != len(res.Events) {
			t.Errorf("resolution %g: merged counts add up to %d, want %d", r, total, len(res.Events))
		}
	}
	b, _ := json.Marshal(coalesce(res.Events[:1], 0)[0])
	if string(b) == "" || json.Valid(b) == false {
		t.Errorf("a wire event does not encode: %s", b)
	}
}

// TestCoalesceRangeIndependentOfMessages checks that a stretch coalesced in
// one message or cut into many gives the same events and merged counts.
func TestCoalesceRangeIndependentOfMessages(t *testing.T) {
	res, err := machine.Run(programFile, []byte(countdown), machine.Options{Seed: 1, RecordEvents: true}, new(nopWriter), new(nopWriter))
	if err != nil {
		t.Fatal(err)
	}
	end := res.EndTime + 1
	for _, resolution := range []float64{0, 7, 1000, 33_333} {
		whole := coalesceRange(eventLogOf(res.Events), 0, end, resolution, true)
		for _, step := range []trace.Time{97, 999, 12_345, 500_001} {
			var pieces []wireEvent
			for t0 := trace.Time(0); t0 < end; t0 += step {
				pieces = append(pieces, coalesceRange(eventLogOf(res.Events), t0, min(t0+step, end), resolution, true)...)
			}
			if !reflect.DeepEqual(pieces, whole) {
				t.Errorf("resolution %g, messages of %d ns: %d events, at once %d", resolution, step, len(pieces), len(whole))
			}
		}
	}
}

type nopWriter struct{}

func (*nopWriter) Write(p []byte) (int, error) { return len(p), nil }

// TestRateLimiter checks the token bucket.
func TestRateLimiter(t *testing.T) {
	l := newRateLimiter(0.0001, 2)
	got := []bool{l.allow("a"), l.allow("a"), l.allow("a"), l.allow("b")}
	if want := []bool{true, true, false, true}; !reflect.DeepEqual(got, want) {
		t.Errorf("allow = %v, want %v", got, want)
	}
}

// FuzzAPIRequest checks that the HTTP API's request decoding (a run or a
// share) never panics, and that what it accepts is within the limits.
func FuzzAPIRequest(f *testing.F) {
	f.Add([]byte(`{"source":"print(1)","model":"cpython-2.7","cores":64,"seed":-1,"switch_interval":1,"max_time":120,"events":true}`))
	f.Add([]byte(`{"workload":{"source":""},"view":{"t":1,"zoom":0.5,"speed":2000,"thread":2,"present":true}}`))
	f.Add([]byte(`{"source":1}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var run runRequest
		if decodeJSON(data, &run) == nil && normalize(&run.workload) == nil {
			if run.Cores < 1 || run.Cores > machine.MaxCores || run.MaxTime > machine.MaxSimulatedTime || len(run.Source) > maxSourceBytes {
				t.Fatalf("accepted %+v", run.workload)
			}
		}
		var share shareRequest
		if decodeJSON(data, &share) == nil && share.Workload != nil {
			normalize(share.Workload)
		}
	})
}

// TestDecodeJSONStrict checks that bodies and messages are decoded strictly:
// an object, nothing after it, and every key spelled exactly as its field.
func TestDecodeJSONStrict(t *testing.T) {
	tests := []struct {
		desc    string
		data    string
		into    func() any
		wantErr string // "" for none
	}{
		{"a run", `{"source": "pass", "events": true}`, func() any { return new(runRequest) }, ""},
		{"a share", `{"workload": {"source": "pass"}, "view": {"t": 1}}`, func() any { return new(shareRequest) }, ""},
		{"a message", `{"v": 1, "type": "run", "workload": {"source": ""}}`, func() any { return new(clientMessage) }, ""},
		{"a key in another case", `{"Source": "pass"}`, func() any { return new(runRequest) }, `unknown field "Source"`},
		{"an embedded struct's key", `{"source": "", "EVENTS": true}`, func() any { return new(runRequest) }, `unknown field "EVENTS"`},
		{"a nested key", `{"workload": {"source": "", "Model": "pypy"}}`, func() any { return new(shareRequest) }, `unknown field "Model"`},
		{"a pointer's key", `{"workload": {"source": ""}, "view": {"T": 1}}`, func() any { return new(shareRequest) }, `unknown field "T"`},
		{"a message's key", `{"v": 1, "Type": "play"}`, func() any { return new(clientMessage) }, `unknown field "Type"`},
		{"an unknown key", `{"src": ""}`, func() any { return new(runRequest) }, `unknown field "src"`},
		{"null", `null`, func() any { return new(runRequest) }, "want an object"},
		{"an array", ` []`, func() any { return new(runRequest) }, "want an object"},
		{"data after the object", `{"source": ""} {}`, func() any { return new(runRequest) }, "data after"},
	}
	for _, tt := range tests {
		e := decodeJSON([]byte(tt.data), tt.into())
		switch {
		case tt.wantErr == "" && e != nil:
			t.Errorf("%s: %v", tt.desc, e)
		case tt.wantErr != "" && (e == nil || !strings.Contains(e.Message, tt.wantErr)):
			t.Errorf("%s: error %v, want %q", tt.desc, e, tt.wantErr)
		}
	}
}
