package trace

import (
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"slices"
	"sort"
	"testing"
)

// prefixStats is the definition StatsAccumulator meets: ComputeStats of the events
// before t, with the run's end taken as t.
func PrefixStats(r *Trace, t Time) *Stats {
	i := sort.Search(len(r.Events), func(i int) bool { return r.Events[i].T >= t })
	return ComputeStats(&Trace{Model: r.Model, Cores: r.Cores, EndTime: t, Events: r.Events[:i]})
}

// accumulateTo adds r's events before t to a.
func accumulateTo(a *StatsAccumulator, r *Trace, t Time) {
	for a.Len() < len(r.Events) && r.Events[a.Len()].T < t {
		a.Add(r.Events[a.Len()])
	}
}

// checkAccumulator checks a's statistics at each time in ts (in order, forward)
// and at the end of r against ComputeStats.
func CheckAccumulator(t *testing.T, desc string, r *Trace, a *StatsAccumulator, ts []Time) {
	t.Helper()
	for _, at := range ts {
		if a.Len() > 0 && r.Events[a.Len()-1].T >= at { // back
			a.Rewind(sort.Search(len(r.Events), func(i int) bool { return r.Events[i].T >= at }))
		}
		accumulateTo(a, r, at)
		if got, want := a.Stats(at, nil), PrefixStats(r, at); !reflect.DeepEqual(got, want) {
			gj, _ := json.Marshal(got)
			wj, _ := json.Marshal(want)
			t.Fatalf("%s: at %d ns (%d events):\n got %s\nwant %s", desc, at, a.Len(), gj, wj)
		}
	}
	accumulateTo(a, r, r.Events[len(r.Events)-1].T+1)
	if got, want := a.Stats(r.EndTime, r.Threads), ComputeStats(r); !reflect.DeepEqual(got, want) {
		gj, _ := json.Marshal(got)
		wj, _ := json.Marshal(want)
		t.Fatalf("%s: at the end:\n got %s\nwant %s", desc, gj, wj)
	}
}

// eventTimes returns every time at which r has an event, each also plus one.
func eventTimes(r *Trace) []Time {
	var ts []Time
	for _, e := range r.Events {
		ts = append(ts, e.T, e.T+1)
	}
	slices.Sort(ts)
	return slices.Compact(ts)
}

// TestStatsAccumulatorSmallRuns compares the accumulator with ComputeStats at
// every event of the hand-written runs.
func TestStatsAccumulatorSmallRuns(t *testing.T) {
	runs := map[string]*Trace{"ping-pong": pingPongRun(), "sleeper": sleeperRun(), "check interval": checkIntervalRun()}
	for desc, r := range runs {
		CheckAccumulator(t, desc, r, NewStatsAccumulator(r.Model, r.Cores), eventTimes(r))
	}
	empty := NewStatsAccumulator("cpython-3.12", 2).Stats(0, nil)
	if want := ComputeStats(&Trace{Model: "cpython-3.12", Cores: 2}); !reflect.DeepEqual(empty, want) {
		t.Errorf("no events: %+v, want %+v", empty, want)
	}
}

// TestKth checks the selection in a union of sorted slices against sorting it.
func TestKth(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 500 {
		a, b := make([]Duration, rng.IntN(12)), make([]Duration, rng.IntN(4))
		for i := range a {
			a[i] = Duration(rng.Int64N(10))
		}
		for i := range b {
			b[i] = Duration(rng.Int64N(10))
		}
		slices.Sort(a)
		slices.Sort(b)
		all := slices.Sorted(slices.Values(append(slices.Clone(a), b...)))
		for k := range all {
			if got := kth(a, b, k); got != all[k] {
				t.Fatalf("kth(%v, %v, %d) = %d, want %d", a, b, k, got, all[k])
			}
		}
	}
}

// SetMarkEvery sets how often a's state is saved for Rewind (tests outside the
// package use it to exercise rewinding).
func SetMarkEvery(a *StatsAccumulator, n int) { a.markEvery = n }
