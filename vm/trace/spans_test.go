package trace

import (
	"reflect"
	"testing"
)

// Helpers that build hand-made event streams. Times are nanoseconds.

func evState(t Time, th int32, s ThreadState, core int16, wait string) Event {
	if !runsOnCore(s) {
		core = -1
	}
	e := StateChange{State: s, Wait: wait}.At(t, th, core)
	e.PC = -1
	return e
}

func evStart(t Time, th int32, name string, process int32) Event {
	e := ThreadStart{Name: name, Process: process}.At(t, th, -1)
	e.PC = -1
	return e
}

func evAcquire(t Time, th int32, switchNo int64) Event {
	e := GILAcquire{Switch: switchNo}.At(t, th, -1)
	e.PC = -1
	return e
}

func evRelease(t Time, th int32, cause string) Event {
	e := GILRelease{Cause: cause}.At(t, th, -1)
	e.PC = -1
	return e
}

func evDropRequest(t Time, th int32, holder int32) Event {
	e := DropRequest{Holder: holder}.At(t, th, -1)
	e.PC = -1
	return e
}

func evFutileWakeup(t Time, th int32) Event {
	e := FutileWakeup{}.At(t, th, -1)
	e.PC = -1
	return e
}

func evEnd(t Time, code int32) Event {
	e := End{Cause: "exit", ExitCode: code}.At(t, 0, -1)
	e.PC = -1
	return e
}

// pingPongRun is two CPU-bound threads on 2 cores under the new GIL: thread 2 starts,
// waits a full interval, asks for the GIL, gets it by a forced switch, and the
// main thread gets it back the same way. The run is cut at 12 ms.
func pingPongRun() *Trace {
	ev := []Event{
		evStart(0, 1, "MainThread", 1),
		evState(0, 1, StateRunningGIL, 0, ""), // state before acquire: same instant
		evAcquire(0, 1, 1),
		evStart(1_000, 2, "Thread-1", 1),
		evState(1_000, 2, StateRunnable, -1, ""),
		evState(2_000, 2, StateRunning, 1, ""),
		evState(3_000, 2, StateWaitGIL, -1, ""),
		evDropRequest(5_003_000, 2, 1),
		ForcedSwitch{}.At(5_010_000, 1, 0, 3, 12),
		evRelease(5_010_000, 1, "forced"),
		evState(5_010_000, 1, StateBlocked, -1, "gil"),
		evState(5_030_000, 2, StateRunningGIL, 1, ""),
		evAcquire(5_030_000, 2, 2),
		evState(5_030_000, 1, StateWaitGIL, -1, ""),
		evDropRequest(10_040_000, 1, 2),
		ForcedSwitch{}.At(10_050_000, 2, 1, 3, 12),
		evRelease(10_050_000, 2, "forced"),
		evState(10_050_000, 2, StateBlocked, -1, "gil"),
		evAcquire(10_070_000, 1, 3),
		evState(10_070_000, 1, StateRunningGIL, 0, ""),
		evState(10_070_000, 2, StateWaitGIL, -1, ""),
		evEnd(12_000_000, 0),
	}
	return &Trace{EndTime: 12_000_000, Events: ev, Cores: 2, Model: "cpython-3.12",
		Threads: []ThreadInfo{{1, "MainThread"}, {2, "Thread-1"}}}
}

// sleeperRun is a main thread joining a thread that sleeps twice for 1 ms, on 1 core.
func sleeperRun() *Trace {
	ev := []Event{
		evStart(0, 1, "MainThread", 1),
		evState(0, 1, StateRunningGIL, 0, ""),
		evAcquire(0, 1, 1),
		evStart(50, 2, "sleeper", 1),
		evState(50, 2, StateRunnable, -1, ""),
		evRelease(100, 1, "voluntary"),
		evState(100, 1, StateBlocked, -1, "join"),
		evState(100, 2, StateRunningGIL, 0, ""),
		evAcquire(100, 2, 2),
		evRelease(200, 2, "voluntary"),
		evState(200, 2, StateBlocked, -1, "sleep"),
		evState(1_000_200, 2, StateRunnable, -1, ""),
		evState(1_020_200, 2, StateRunningGIL, 0, ""),
		evAcquire(1_020_200, 2, 2),
		evRelease(1_020_300, 2, "voluntary"),
		evState(1_020_300, 2, StateBlocked, -1, "sleep"),
		evState(2_020_300, 2, StateRunnable, -1, ""),
		evState(2_040_300, 2, StateRunningGIL, 0, ""),
		evAcquire(2_040_300, 2, 2),
		evRelease(2_040_400, 2, "voluntary"),
		evState(2_040_400, 2, StateDone, -1, ""),
		evState(2_040_400, 1, StateRunnable, -1, ""),
		evState(2_060_400, 1, StateRunningGIL, 0, ""),
		evAcquire(2_060_400, 1, 3),
		evRelease(2_060_500, 1, "voluntary"),
		evState(2_060_500, 1, StateDone, -1, ""),
		evEnd(2_060_500, 0),
	}
	return &Trace{EndTime: 2_060_500, Events: ev, Cores: 1, Model: "cpython-3.12",
		Threads: []ThreadInfo{{1, "MainThread"}, {2, "sleeper"}}}
}

// checkIntervalRun is 2.7's check interval on 2 cores: thread 1 releases and re-acquires the
// GIL while thread 2 has a futile wake-up, then thread 2 wins the next release.
func checkIntervalRun() *Trace {
	ev := []Event{
		evState(0, 1, StateRunningGIL, 0, ""),
		evAcquire(0, 1, 1),
		evState(0, 2, StateWaitGIL, -1, ""),
		evRelease(1000, 1, "interval"),
		evState(1000, 1, StateRunning, 0, ""),
		evAcquire(1005, 1, 1),
		evState(1005, 1, StateRunningGIL, 0, ""),
		evFutileWakeup(1010, 2),
		evRelease(2000, 1, "interval"),
		evState(2000, 1, StateRunning, 0, ""),
		evAcquire(2003, 2, 2),
		evState(2003, 2, StateRunningGIL, 1, ""),
		evState(2008, 1, StateWaitGIL, -1, ""),
	}
	return &Trace{EndTime: 3000, Events: ev, Cores: 2, Model: "cpython-2.7"}
}

func TestThreadSpans(t *testing.T) {
	tl := BuildTimeline(pingPongRun().Events, 2, 12_000_000)
	want1 := []Span{
		{1, StateRunningGIL, "", 0, 5_010_000, 0, 0, 0},
		{1, StateBlocked, "gil", 5_010_000, 5_030_000, -1, 0, 0},
		{1, StateWaitGIL, "", 5_030_000, 10_070_000, -1, 0, 0},
		{1, StateRunningGIL, "", 10_070_000, 12_000_000, 0, 0, 0},
	}
	want2 := []Span{
		{2, StateRunnable, "", 1_000, 2_000, -1, 0, 0},
		{2, StateRunning, "", 2_000, 3_000, 1, 0, 0},
		{2, StateWaitGIL, "", 3_000, 5_030_000, -1, 0, 0},
		{2, StateRunningGIL, "", 5_030_000, 10_050_000, 1, 0, 0},
		{2, StateBlocked, "gil", 10_050_000, 10_070_000, -1, 0, 0},
		{2, StateWaitGIL, "", 10_070_000, 12_000_000, -1, 0, 0},
	}
	if got := tl.Thread(1); !reflect.DeepEqual(got, want1) {
		t.Errorf("thread 1 spans:\ngot  %v\nwant %v", got, want1)
	}
	if got := tl.Thread(2); !reflect.DeepEqual(got, want2) {
		t.Errorf("thread 2 spans:\ngot  %v\nwant %v", got, want2)
	}
	if got := tl.Thread(3); got != nil {
		t.Errorf("thread 3 spans = %v, want nil", got)
	}
}

func TestGILAndCoreSpans(t *testing.T) {
	tl := BuildTimeline(pingPongRun().Events, 2, 12_000_000)
	wantHolds := []GILSpans{{GIL: 0, Holds: []HoldSpan{
		{0, 1, 0, 5_010_000, "forced"},
		{0, 2, 5_030_000, 10_050_000, "forced"},
		{0, 1, 10_070_000, 12_000_000, ""},
	}}}
	if !reflect.DeepEqual(tl.GILs, wantHolds) {
		t.Errorf("GIL holds:\ngot  %v\nwant %v", tl.GILs, wantHolds)
	}
	wantCores := [][]CoreSpan{
		{{0, 1, StateRunningGIL, 0, 5_010_000}, {0, 1, StateRunningGIL, 10_070_000, 12_000_000}},
		{{1, 2, StateRunning, 2_000, 3_000}, {1, 2, StateRunningGIL, 5_030_000, 10_050_000}},
	}
	if !reflect.DeepEqual(tl.Cores, wantCores) {
		t.Errorf("core spans:\ngot  %v\nwant %v", tl.Cores, wantCores)
	}
}

func TestTimelineEdgeCases(t *testing.T) {
	tests := []struct {
		desc   string
		events []Event
		cores  int
		end    Time
		want   []ThreadSpans
		cores2 int // len(Cores) expected
	}{
		{
			desc: "zero-length states are dropped",
			events: []Event{
				evState(0, 1, StateRunnable, -1, ""),
				evState(10, 1, StateRunning, 0, ""),
				evState(10, 1, StateRunningGIL, 0, ""),
			},
			cores: 1, end: 30, cores2: 1,
			want: []ThreadSpans{{1, []Span{{1, StateRunnable, "", 0, 10, -1, 0, 0}, {1, StateRunningGIL, "", 10, 30, 0, 0, 0}}}},
		},
		{
			desc: "a repeated state continues the span",
			events: []Event{
				evState(0, 1, StateBlocked, -1, "sleep"),
				evState(5, 1, StateBlocked, -1, "sleep"),
				evState(8, 1, StateBlocked, -1, "io"),
			},
			cores: 1, end: 10, cores2: 1,
			want: []ThreadSpans{{1, []Span{{1, StateBlocked, "sleep", 0, 8, -1, 0, 0}, {1, StateBlocked, "io", 8, 10, -1, 0, 0}}}},
		},
		{
			desc: "done ends the history; later events are ignored",
			events: []Event{
				evState(0, 1, StateRunning, 0, ""),
				evState(4, 1, StateDone, -1, ""),
				evState(6, 1, StateRunning, 0, ""),
			},
			cores: 2, end: 10, cores2: 2,
			want: []ThreadSpans{{1, []Span{{1, StateRunning, "", 0, 4, 0, 0, 0}}}},
		},
		{
			desc:   "the last event's time closes spans when end is earlier",
			events: []Event{evState(0, 3, StateRunning, 2, ""), evEnd(7, 0)},
			cores:  1, end: 5, cores2: 3,
			want: []ThreadSpans{{3, []Span{{3, StateRunning, "", 0, 7, 2, 0, 0}}}},
		},
	}
	for _, tt := range tests {
		tl := BuildTimeline(tt.events, tt.cores, tt.end)
		if !reflect.DeepEqual(tl.Threads, tt.want) {
			t.Errorf("%s:\ngot  %v\nwant %v", tt.desc, tl.Threads, tt.want)
		}
		if len(tl.Cores) != tt.cores2 {
			t.Errorf("%s: %d cores, want %d", tt.desc, len(tl.Cores), tt.cores2)
		}
	}
}

func TestFirstVisible(t *testing.T) {
	spans := BuildTimeline(pingPongRun().Events, 2, 12_000_000).Thread(2)
	tests := []struct {
		t    Time
		want int
	}{
		{0, 0}, {1_000, 0}, {2_000, 1}, {2_000 + 1, 1}, {5_030_000, 3}, {12_000_000 - 1, 5}, {12_000_000, 6}, {20_000_000, 6},
	}
	for _, tt := range tests {
		if got := FirstVisible(spans, tt.t); got != tt.want {
			t.Errorf("FirstVisible(thread 2, %d) = %d, want %d", tt.t, got, tt.want)
		}
	}
	holds := BuildTimeline(pingPongRun().Events, 2, 12_000_000).GILs[0].Holds
	if got := FirstVisible(holds, 5_020_000); got != 1 {
		t.Errorf("FirstVisible(holds, 5.02 ms) = %d, want 1", got)
	}
}
