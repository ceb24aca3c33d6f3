package machine

import (
	"encoding/json"
	"io"
	"math/rand/v2"
	"reflect"
	"slices"
	"sort"
	"testing"

	"github.com/gilscope/gilscope/examples"
)

// prefixStats is the definition StatsAccumulator meets: ComputeStats of the events
// before t, with the run's end taken as t.
func prefixStats(r *Result, t int64) *Stats {
	i := sort.Search(len(r.Events), func(i int) bool { return r.Events[i].T >= t })
	return ComputeStats(&Result{Model: r.Model, Cores: r.Cores, EndTime: t, Events: r.Events[:i]})
}

// accumulateTo adds r's events before t to a.
func accumulateTo(a *StatsAccumulator, r *Result, t int64) {
	for a.Len() < len(r.Events) && r.Events[a.Len()].T < t {
		a.Add(r.Events[a.Len()])
	}
}

// checkAccumulator checks a's statistics at each time in ts (in order, forward)
// and at the end of r against ComputeStats.
func checkAccumulator(t *testing.T, desc string, r *Result, a *StatsAccumulator, ts []int64) {
	t.Helper()
	for _, at := range ts {
		if a.Len() > 0 && r.Events[a.Len()-1].T >= at { // back
			a.Rewind(sort.Search(len(r.Events), func(i int) bool { return r.Events[i].T >= at }))
		}
		accumulateTo(a, r, at)
		if got, want := a.Stats(at, nil), prefixStats(r, at); !reflect.DeepEqual(got, want) {
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
func eventTimes(r *Result) []int64 {
	var ts []int64
	for _, e := range r.Events {
		ts = append(ts, e.T, e.T+1)
	}
	slices.Sort(ts)
	return slices.Compact(ts)
}

// TestStatsAccumulatorSmallRuns compares the accumulator with ComputeStats at
// every event of the hand-written runs.
func TestStatsAccumulatorSmallRuns(t *testing.T) {
	runs := map[string]*Result{"ping-pong": pingPongRun(), "sleeper": sleeperRun(), "check interval": checkIntervalRun()}
	for desc, r := range runs {
		checkAccumulator(t, desc, r, NewStatsAccumulator(r.Model, r.Cores), eventTimes(r))
	}
	empty := NewStatsAccumulator("cpython-3.12", 2).Stats(0, nil)
	if want := ComputeStats(&Result{Model: "cpython-3.12", Cores: 2}); !reflect.DeepEqual(empty, want) {
		t.Errorf("no events: %+v, want %+v", empty, want)
	}
}

// TestStatsAccumulatorGallery compares the accumulator with ComputeStats on every
// gallery example under every model it lists: at 40 times spread over the run,
// going forward, then at times chosen at random, going back and forth (Rewind,
// with marks every 1000 events), and at the end, where it must equal the whole
// run's statistics.
func TestStatsAccumulatorGallery(t *testing.T) {
	if testing.Short() {
		t.Skip("simulates the whole gallery")
	}
	for _, ex := range examples.All() {
		for _, model := range ex.Models {
			w := ex.Workload
			opts := Options{Model: model, Cores: w.Cores, Seed: w.Seed, SwitchInterval: w.SwitchInterval,
				MaxTime: w.MaxTime, RecordEvents: true}
			r, err := Run(ex.ID+".py", []byte(w.Source), opts, io.Discard, io.Discard)
			if err != nil {
				t.Fatalf("%s under %s: %v", ex.ID, model, err)
			}
			desc := ex.ID + " under " + model
			end := r.Events[len(r.Events)-1].T + 1
			var ts []int64
			for i := range int64(40) {
				ts = append(ts, end*i/40)
			}
			checkAccumulator(t, desc, r, NewStatsAccumulator(r.Model, r.Cores), ts)
			rng := rand.New(rand.NewPCG(1, uint64(len(ts))))
			a := NewStatsAccumulator(r.Model, r.Cores)
			a.markEvery = 1000
			for range 10 {
				checkAccumulator(t, desc+" (seeking)", r, a, []int64{rng.Int64N(end + 1)})
			}
		}
	}
}

// TestKth checks the selection in a union of sorted slices against sorting it.
func TestKth(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 500 {
		a, b := make([]int64, rng.IntN(12)), make([]int64, rng.IntN(4))
		for i := range a {
			a[i] = rng.Int64N(10)
		}
		for i := range b {
			b[i] = rng.Int64N(10)
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

// BenchmarkStatsAccumulator measures what a live session pays: adding a run's
// events one by one and asking for the statistics every 1,000 events (about five
// times a second at the fastest playback), against ComputeStats of the whole run.
func BenchmarkStatsAccumulator(b *testing.B) {
	ex, _ := examples.Lookup("convoy")
	w := ex.Workload
	r, err := Run("convoy.py", []byte(w.Source), Options{Model: w.Model, Cores: w.Cores, Seed: w.Seed, MaxTime: w.MaxTime,
		RecordEvents: true}, io.Discard, io.Discard)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("accumulate", func(b *testing.B) {
		for range b.N {
			a := NewStatsAccumulator(r.Model, r.Cores)
			for i, e := range r.Events {
				a.Add(e)
				if i%1000 == 0 {
					a.Stats(e.T+1, nil)
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(r.Events)), "ns/event")
	})
	b.Run("ComputeStats", func(b *testing.B) {
		for range b.N {
			ComputeStats(r)
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(r.Events)), "ns/event")
	})
}
