package trace_test

import (
	"io"
	"math/rand/v2"
	"testing"

	"github.com/gilscope/gilscope/examples"
	"github.com/gilscope/gilscope/vm/machine"
	"github.com/gilscope/gilscope/vm/trace"
)

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
			opts := machine.Options{Model: model, Cores: w.Cores, Seed: w.Seed, SwitchInterval: w.SwitchInterval,
				MaxTime: w.MaxTime, RecordEvents: true}
			r, err := machine.Run(ex.ID+".py", []byte(w.Source), opts, io.Discard, io.Discard)
			if err != nil {
				t.Fatalf("%s under %s: %v", ex.ID, model, err)
			}
			desc := ex.ID + " under " + model
			end := r.Events[len(r.Events)-1].T + 1
			var ts []trace.Time
			for i := range trace.Time(40) {
				ts = append(ts, end*i/40)
			}
			trace.CheckAccumulator(t, desc, r.Trace(), trace.NewStatsAccumulator(r.Model, r.Cores), ts)
			rng := rand.New(rand.NewPCG(1, uint64(len(ts))))
			a := trace.NewStatsAccumulator(r.Model, r.Cores)
			trace.SetMarkEvery(a, 1000)
			for range 10 {
				trace.CheckAccumulator(t, desc+" (seeking)", r.Trace(), a, []trace.Time{trace.Time(rng.Int64N(int64(end) + 1))})
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
	r, err := machine.Run("convoy.py", []byte(w.Source), machine.Options{Model: w.Model, Cores: w.Cores, Seed: w.Seed, MaxTime: w.MaxTime,
		RecordEvents: true}, io.Discard, io.Discard)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("accumulate", func(b *testing.B) {
		for range b.N {
			a := trace.NewStatsAccumulator(r.Model, r.Cores)
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
			trace.ComputeStats(r.Trace())
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(r.Events)), "ns/event")
	})
}
