package trace

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestComputeStats(t *testing.T) {
	tests := []struct {
		desc string
		run  *Trace
		want *Stats
	}{
		{
			desc: "two-thread ping-pong",
			run:  pingPongRun(),
			want: &Stats{
				Model: "cpython-3.12", Cores: 2, WallNS: 12_000_000,
				GILAcquires: 3, GILSwitches: 2, SwitchesPerSec: 166.67, DropRequests: 2, ForcedSwitches: 2,
				Holds: Dist{3, 1_930_000, 5_010_000, 5_020_000, 5_020_000, 5_020_000}, SequentialNS: 11_961_000,
				Blocking: []BlockingStats{{
					Reason:       "gil",
					Blocked:      Dist{2, 20_000, 20_000, 20_000, 20_000, 20_000},
					UntilRunning: Dist{1, 5_060_000, 5_060_000, 5_060_000, 5_060_000, 5_060_000},
				}},
				Threads: []ThreadStats{
					{ID: 1, Name: "MainThread", CPUNS: 6_940_000, GILWaitNS: 5_040_000, BlockedNS: 20_000,
						Holds: Dist{2, 1_930_000, 1_930_000, 5_010_000, 5_010_000, 5_010_000}},
					{ID: 2, Name: "Thread-1", CPUNS: 5_021_000, GILWaitNS: 6_957_000, RunnableNS: 1_000, BlockedNS: 20_000,
						Holds: Dist{1, 5_020_000, 5_020_000, 5_020_000, 5_020_000, 5_020_000}},
				},
			},
		},
		{
			desc: "a sleeper joined by the main thread",
			run:  sleeperRun(),
			want: &Stats{
				Model: "cpython-3.12", Cores: 1, WallNS: 2_060_500,
				GILAcquires: 5, GILSwitches: 2, SwitchesPerSec: 970.64,
				Holds: Dist{5, 100, 100, 100, 100, 100}, SequentialNS: 2_000_500,
				Blocking: []BlockingStats{
					{Reason: "join", Blocked: Dist{1, 2_040_300, 2_040_300, 2_040_300, 2_040_300, 2_040_300},
						UntilRunning: Dist{1, 2_060_300, 2_060_300, 2_060_300, 2_060_300, 2_060_300}},
					{Reason: "sleep", Blocked: Dist{2, 1_000_000, 1_000_000, 1_000_000, 1_000_000, 1_000_000},
						UntilRunning: Dist{2, 1_020_000, 1_020_000, 1_020_000, 1_020_000, 1_020_000}},
				},
				Threads: []ThreadStats{
					{ID: 1, Name: "MainThread", CPUNS: 200, RunnableNS: 20_000, BlockedNS: 2_040_300,
						Holds: Dist{2, 100, 100, 100, 100, 100}},
					{ID: 2, Name: "sleeper", CPUNS: 300, RunnableNS: 40_050, BlockedNS: 2_000_000,
						Holds: Dist{3, 100, 100, 100, 100, 100}},
				},
			},
		},
		{
			desc: "2.7: a check-interval re-acquire does not end a tenure",
			run:  checkIntervalRun(),
			want: &Stats{
				Model: "cpython-2.7", Cores: 2, WallNS: 3000,
				GILAcquires: 3, GILSwitches: 1, SwitchesPerSec: 333333.33, FutileWakeups: 1,
				Holds: Dist{2, 997, 997, 2000, 2000, 2000}, SequentialNS: 3005,
				Blocking: []BlockingStats{},
				Threads: []ThreadStats{
					{ID: 1, CPUNS: 2008, GILWaitNS: 992, Holds: Dist{1, 2000, 2000, 2000, 2000, 2000}},
					{ID: 2, CPUNS: 997, GILWaitNS: 2003, Holds: Dist{1, 997, 997, 997, 997, 997}},
				},
			},
		},
		{
			desc: "no events",
			run:  &Trace{Model: "cpython-3.12", Cores: 2},
			want: &Stats{Model: "cpython-3.12", Cores: 2, Blocking: []BlockingStats{}, Threads: []ThreadStats{}},
		},
	}
	for _, tt := range tests {
		if got := ComputeStats(tt.run); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s:\ngot  %+v\nwant %+v", tt.desc, got, tt.want)
		}
	}
}

func TestPercentile(t *testing.T) {
	xs := make([]Duration, 100)
	for i := range xs {
		xs[i] = Duration(i + 1)
	}
	tests := []struct {
		xs   []Duration
		want Dist
	}{
		{nil, Dist{}},
		{[]Duration{7}, Dist{1, 7, 7, 7, 7, 7}},
		{[]Duration{4, 1, 3, 2}, Dist{4, 1, 2, 4, 4, 4}},
		{xs, Dist{100, 10, 50, 90, 99, 100}},
		{append(slices.Clone(xs), 101), Dist{101, 11, 51, 91, 100, 101}},
	}
	for _, tt := range tests {
		if got := distOf(slices.Clone(tt.xs)); got != tt.want {
			t.Errorf("distOf(%d samples) = %+v, want %+v", len(tt.xs), got, tt.want)
		}
	}
}

func TestStatsJSON(t *testing.T) {
	b, err := json.Marshal(ComputeStats(sleeperRun()))
	if err != nil {
		t.Fatal(err)
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(b, &top); err != nil {
		t.Fatal(err)
	}
	wantTop := []string{"blocking", "cores", "drop_requests", "forced_switches", "futile_wakeups", "gil_acquires",
		"gil_holds", "gil_switches", "gil_switches_per_sec", "model", "sequential_ns", "threads", "wall_ns"}
	if got := slices.Sorted(mapKeys(top)); !slices.Equal(got, wantTop) {
		t.Errorf("top-level keys = %v, want %v", got, wantTop)
	}
	var shape struct {
		Threads  []map[string]any `json:"threads"`
		Blocking []map[string]any `json:"blocking"`
		Holds    map[string]any   `json:"gil_holds"`
	}
	if err := json.Unmarshal(b, &shape); err != nil {
		t.Fatal(err)
	}
	checkKeys(t, "thread", shape.Threads[0], "blocked_ns", "cpu_ns", "gil_holds", "gil_wait_ns", "id", "name", "runnable_ns")
	checkKeys(t, "blocking", shape.Blocking[0], "blocked", "reason", "until_running")
	checkKeys(t, "dist", shape.Holds, "count", "max_ns", "p10_ns", "p50_ns", "p90_ns", "p99_ns")
	if got := shape.Blocking[1]["reason"]; got != "sleep" {
		t.Errorf("blocking[1].reason = %v, want sleep", got)
	}
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func checkKeys(t *testing.T, what string, m map[string]any, want ...string) {
	t.Helper()
	if got := slices.Sorted(mapKeys(m)); !slices.Equal(got, want) {
		t.Errorf("%s keys = %v, want %v", what, got, want)
	}
}

func TestWriteText(t *testing.T) {
	var b strings.Builder
	if err := ComputeStats(sleeperRun()).WriteText(&b); err != nil {
		t.Fatal(err)
	}
	want := `cpython-3.12 on 1 core, 2.06 ms of simulated time
GIL: passed to another thread 2 times (970.6 per second); 0 drop requests, 0 forced switches, 0 futile wake-ups
GIL held 5 times: median 100 ns, 10% under 100 ns, 90% under 100 ns, longest 100 ns

thread        on CPU  waiting for GIL  waiting for a core  blocked  GIL holds  median hold  longest hold
1 MainThread  200 ns                0             20.0 µs  2.04 ms          2       100 ns        100 ns
2 sleeper     300 ns                0             40.0 µs  2.00 ms          3       100 ns        100 ns

blocked in  calls   median      p99  median until running  p99 until running
join            1  2.04 ms  2.04 ms               2.06 ms            2.06 ms
sleep           2  1.00 ms  1.00 ms               1.02 ms            1.02 ms
`
	if got := b.String(); got != want {
		t.Errorf("WriteText:\n%s\nwant:\n%s", got, want)
	}
}

func TestFmtDur(t *testing.T) {
	tests := []struct {
		ns   Duration
		want string
	}{
		{0, "0"}, {999, "999 ns"}, {1000, "1.0 µs"}, {20_500, "20.5 µs"}, {5_100_000, "5.10 ms"}, {1_204_000_000, "1.204 s"},
	}
	for _, tt := range tests {
		if got := fmtDur(tt.ns); got != tt.want {
			t.Errorf("fmtDur(%d) = %q, want %q", tt.ns, got, tt.want)
		}
	}
}
