package worker

import (
	"context"
	"flag"
	"slices"
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

// workerProfile is where the workers of BenchmarkBoundary write a CPU
// profile of each run: -cpuprofile covers the server's side only.
var workerProfile = flag.String("worker.cpuprofile", "", "write a CPU profile of each worker run to `prefix`.PID.N")

// firstBatch is a Handler that notes when the first events arrived. It
// keeps a copy of every batch (batches are lent), as a server's run log
// keeps the events (for seeking back, for the statistics of a range), so
// that the copying and the garbage collector's work are a server's.
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
	f.kept = append(f.kept, slices.Clone(batch))
	return nil
}

// boundaryRun is what one run of BenchmarkBoundary measured.
type boundaryRun struct {
	wall, first, cpu time.Duration
	side             time.Duration // the CPU time of the process that simulated
	thread           time.Duration // of the thread that simulated
	events           int
}

// runBoundary runs j once with r (pool, if r is one, once its warm workers
// are ready, as between a server's runs: the wait is not timed).
func runBoundary(b *testing.B, r Runner, pool *Pool, j *Job) boundaryRun {
	if pool != nil {
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
	run := boundaryRun{wall: time.Since(h.start), first: h.first, cpu: processCPU() - before, events: h.events}
	run.side, run.thread = run.cpu, out.ThreadCPU
	if pool != nil { // and the worker's
		run.side = out.CPU
		run.cpu += out.CPU
	}
	return run
}

// BenchmarkBoundary runs one eventful job in process and through a worker,
// in the same command, so the two can be compared as a ratio: events per
// second, and the time to the first batch (the latency a worker adds).
// "worker" is a pool as a server's: two warm workers, each serving many
// runs. "worker-fresh" gives each run a new worker, started and ready
// before the run (as when runs are not back to back), and leaves out the
// start-up of its replacement, which runs after the run has ended.
// "ratio" alternates a run in process and one through the pool's reused
// workers and reports the second's figures over the first's: on a shared
// machine, whose load changes from second to second, a steadier
// comparison than two sub-benchmarks run one after the other. Its
// sim-side-cpu-ratio compares the CPU time of the process that simulated
// (the worker; the caller's in process), which a shared machine's load
// barely changes.
//
//	go test ./internal/worker -run XXX -bench Boundary -count 5
func BenchmarkBoundary(b *testing.B) {
	j := job(eventful)
	for _, mode := range []string{"local", "worker", "worker-fresh"} {
		b.Run(mode, func(b *testing.B) {
			var r Runner = Local{}
			var pool *Pool
			switch mode {
			case "worker":
				pool = newTestPool(b, 2, Limits{Jobs: 64, CPUProfile: *workerProfile})
			case "worker-fresh":
				pool = newTestPool(b, 2, Limits{Jobs: 1, CPUProfile: *workerProfile})
			}
			if pool != nil {
				r = pool
			}
			var events int
			var first, cpu time.Duration
			b.ResetTimer()
			for range b.N {
				run := runBoundary(b, r, pool, j)
				events += run.events
				first += run.first
				cpu += run.cpu
			}
			b.ReportMetric(float64(events)/b.Elapsed().Seconds(), "events/s")
			b.ReportMetric(float64(first.Microseconds())/float64(b.N), "µs-to-first-batch")
			// CPU time on both sides of the boundary: on a loaded machine a
			// steadier figure than the time the runs took.
			b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/run")
		})
	}
	b.Run("ratio", func(b *testing.B) {
		pool := newTestPool(b, 2, Limits{Jobs: 64, CPUProfile: *workerProfile})
		var local, worker boundaryRun
		add := func(sum *boundaryRun, run boundaryRun) {
			sum.wall += run.wall
			sum.first += run.first
			sum.cpu += run.cpu
			sum.side += run.side
			sum.thread += run.thread
		}
		// The first batch of each pair: one run's latency is a few
		// milliseconds, which one burst of a neighbour's load can double, so
		// its figures are the median over the pairs rather than a sum.
		firsts := make([]float64, 0, b.N)
		added := make([]time.Duration, 0, b.N)
		pair := func(l, w boundaryRun) {
			add(&local, l)
			add(&worker, w)
			firsts = append(firsts, float64(w.first)/float64(l.first))
			added = append(added, w.first-l.first)
		}
		b.ResetTimer()
		for i := range b.N {
			if i%2 == 0 {
				l := runBoundary(b, Local{}, nil, j)
				pair(l, runBoundary(b, pool, pool, j))
			} else {
				w := runBoundary(b, pool, pool, j)
				pair(runBoundary(b, Local{}, nil, j), w)
			}
		}
		// Events per second through a worker over those in process: the
		// inverse ratio of the times the runs took (they make the same
		// events).
		b.ReportMetric(float64(local.wall)/float64(worker.wall), "events/s-ratio")
		b.ReportMetric(median(firsts), "first-batch-ratio")
		b.ReportMetric(float64(median(added).Microseconds()), "added-µs-to-first-batch")
		b.ReportMetric(float64(worker.cpu)/float64(local.cpu), "cpu-ratio")
		// The worker's CPU time over that of the process in process: the
		// side that simulates, whose time a run takes on an idle machine
		// while the server decodes on another core.
		b.ReportMetric(float64(worker.side)/float64(local.side), "sim-side-cpu-ratio")
		// The same of the one thread that simulated, without the
		// collector's background work on other threads.
		b.ReportMetric(float64(worker.thread)/float64(local.thread), "sim-thread-cpu-ratio")
	})
}

// median returns the median of xs, which it sorts.
func median[T float64 | time.Duration](xs []T) T {
	slices.Sort(xs)
	if len(xs) == 0 {
		return 0
	}
	return xs[len(xs)/2]
}

// BenchmarkEventCodec encodes and decodes the events of the eventful run,
// one batch of the size a worker sends at a time: what the boundary adds
// per event on each side.
func BenchmarkEventCodec(b *testing.B) {
	var c collect
	if _, err := (Local{}).Run(context.Background(), job(eventful), &c); err != nil {
		b.Fatal(err)
	}
	const per = 4096
	var batches [][]machine.Event
	for e := c.events; len(e) > 0; e = e[min(per, len(e)):] {
		batches = append(batches, e[:min(per, len(e))])
	}
	var frames [][]byte
	var enc eventEncoder
	size := 0
	for _, batch := range batches {
		frames = append(frames, enc.appendEvents(nil, batch, batch[len(batch)-1].T, 0))
		size += len(frames[len(frames)-1])
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
			var enc eventEncoder // a run's
			for _, batch := range batches {
				buf = enc.appendEvents(buf[:0], batch, 0, 0)
			}
		})
		b.ReportMetric(float64(size)/float64(len(c.events)), "bytes/event")
	})
	b.Run("decode", func(b *testing.B) {
		perEvent(b, func() {
			var d eventDecoder // a run's
			for _, f := range frames {
				if _, _, _, err := d.decode(f); err != nil {
					b.Fatal(err)
				}
			}
		})
	})
	b.Run("copy", func(b *testing.B) { // what a batch costs a handler that keeps it in new memory
		perEvent(b, func() {
			for _, batch := range batches {
				out := make([]machine.Event, len(batch))
				copy(out, batch)
			}
		})
	})
}
