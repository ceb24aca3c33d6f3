package worker

import (
	"context"
	"testing"
	"time"

	"github.com/gilscope/gilscope/vm/machine"
	"github.com/gilscope/gilscope/vm/trace"
)

// eventful makes many events: two threads append to one shared list, each
// append a few refcount changes, with GIL hand-offs between them.
const eventful = `import threading
shared = []
def f():
    for i in range(40000):
        shared.append(i)
ts = [threading.Thread(target=f) for _ in range(2)]
for t in ts: t.start()
for t in ts: t.join()
`

// firstBatch is a Handler that notes when the first events arrived. It
// keeps the batches, as a server's session keeps its run's events (for
// seeking back, for the statistics of a range), so that the garbage
// collector works as it does in a server.
type firstBatch struct {
	start  time.Time
	first  time.Duration
	events int
	kept   [][]machine.Event
}

func (f *firstBatch) Listing([]CodeObject) {}

func (f *firstBatch) Events(batch []machine.Event, _ trace.Time, _ time.Duration) error {
	if f.events == 0 && len(batch) > 0 {
		f.first = time.Since(f.start)
	}
	f.events += len(batch)
	f.kept = append(f.kept, batch)
	return nil
}

// BenchmarkBoundary runs one eventful job in process and through a worker,
// in the same command, so the two can be compared as a ratio: events per
// second, and the time to the first batch (the latency a worker adds).
// "worker" is a pool as a server's: two warm workers, each serving many
// runs. "worker-fresh" gives each run a new worker, started and ready
// before the run (as when runs are not back to back), and leaves out the
// start-up of its replacement, which runs after the run has ended.
//
//	go test ./internal/worker -run XXX -bench Boundary -count 5
func BenchmarkBoundary(b *testing.B) {
	for _, mode := range []string{"local", "worker", "worker-fresh"} {
		b.Run(mode, func(b *testing.B) {
			var r Runner = Local{}
			var pool *Pool
			switch mode {
			case "worker":
				pool = newTestPool(b, 2, Limits{Jobs: 64})
			case "worker-fresh":
				pool = newTestPool(b, 2, Limits{Jobs: 1})
			}
			if pool != nil {
				r = pool
			}
			j := job(eventful)
			var events int
			var first, cpu time.Duration
			b.ResetTimer()
			for range b.N {
				if pool != nil { // the warm workers are ready, as between a server's runs
					b.StopTimer()
					for st := pool.Stats(); st.Ready < 2 || st.Live > st.Idle; st = pool.Stats() {
						time.Sleep(time.Millisecond)
					}
					b.StartTimer()
				}
				h := &firstBatch{start: time.Now()}
				before := processCPU()
				out, err := r.Run(context.Background(), j, h)
				if err != nil {
					b.Fatal(err)
				}
				cpu += processCPU() - before
				if pool != nil { // and the worker's
					cpu += out.CPU
				}
				events += h.events
				first += h.first
			}
			b.ReportMetric(float64(events)/b.Elapsed().Seconds(), "events/s")
			b.ReportMetric(float64(first.Microseconds())/float64(b.N), "µs-to-first-batch")
			// CPU time on both sides of the boundary: on a loaded machine a
			// steadier figure than the time the runs took.
			b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/run")
		})
	}
}

// BenchmarkEventCodec encodes and decodes the events of the eventful run,
// one batch of the size a worker sends at a time: what the boundary adds
// per event on each side.
func BenchmarkEventCodec(b *testing.B) {
	var c collect
	if _, err := (Local{}).Run(context.Background(), job(eventful), &c); err != nil {
		b.Fatal(err)
	}
	const size = 4096
	var batches [][]machine.Event
	for e := c.events; len(e) > 0; e = e[min(size, len(e)):] {
		batches = append(batches, e[:min(size, len(e))])
	}
	var frames [][]byte
	for _, batch := range batches {
		frames = append(frames, appendEvents(nil, batch, batch[len(batch)-1].T, 0))
	}
	perEvent := func(b *testing.B, f func()) {
		cpu := processCPU()
		for range b.N {
			f()
		}
		b.ReportMetric(float64((processCPU()-cpu).Nanoseconds())/float64(b.N*len(c.events)), "cpu-ns/event")
	}
	b.Run("encode", func(b *testing.B) {
		var buf []byte
		perEvent(b, func() {
			for _, batch := range batches {
				buf = appendEvents(buf[:0], batch, 0, 0)
			}
		})
	})
	b.Run("decode", func(b *testing.B) {
		var d eventDecoder
		perEvent(b, func() {
			for _, f := range frames {
				if _, _, _, err := d.decode(f); err != nil {
					b.Fatal(err)
				}
			}
		})
	})
	b.Run("copy", func(b *testing.B) { // what the machine does to hand a batch out
		perEvent(b, func() {
			for _, batch := range batches {
				out := make([]machine.Event, len(batch))
				copy(out, batch)
			}
		})
	})
}
