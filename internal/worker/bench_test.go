package worker

import (
	"context"
	"testing"
	"time"

	"github.com/gilscope/gilscope/vm/machine"
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

// firstBatch is a Handler that notes when the first events arrived.
type firstBatch struct {
	start  time.Time
	first  time.Duration
	events int
}

func (f *firstBatch) Listing([]CodeObject) {}

func (f *firstBatch) Events(batch []machine.Event, _ int64, _ time.Duration) error {
	if f.events == 0 && len(batch) > 0 {
		f.first = time.Since(f.start)
	}
	f.events += len(batch)
	return nil
}

// BenchmarkBoundary runs one eventful job in process and through a worker,
// in the same command, so the two can be compared as a ratio: events per
// second, and the time to the first batch (the latency a worker adds). Each
// worker run starts with a warm worker ready, as a server's runs do when
// they are not back to back. Starting the replacement of the worker a run
// takes (the one-job-per-worker cost) is left out: the pool starts it
// when the run has ended (or at once when no worker is left idle), so it
// is measured apart, as the CPU time of a worker's start-up.
//
//	go test ./internal/worker -run XXX -bench Boundary -count 5
func BenchmarkBoundary(b *testing.B) {
	for _, mode := range []string{"local", "worker"} {
		b.Run(mode, func(b *testing.B) {
			var r Runner = Local{}
			var pool *Pool
			if mode == "worker" {
				pool = testPoolWarm(b, 2) // as a server's
				r = pool
			}
			j := job(eventful)
			var events int
			var first time.Duration
			b.ResetTimer()
			for range b.N {
				if pool != nil { // warm workers are ready, as between a server's runs
					b.StopTimer()
					for st := pool.Stats(); st.Idle < 1 || st.Live > st.Idle; st = pool.Stats() {
						time.Sleep(time.Millisecond)
					}
					b.StartTimer()
				}
				h := &firstBatch{start: time.Now()}
				if _, err := r.Run(context.Background(), j, h); err != nil {
					b.Fatal(err)
				}
				events += h.events
				first += h.first
			}
			b.ReportMetric(float64(events)/b.Elapsed().Seconds(), "events/s")
			b.ReportMetric(float64(first.Microseconds())/float64(b.N), "µs-to-first-batch")
		})
	}
}
