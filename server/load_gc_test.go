// load_gc_test.go reads what the Go runtime says of its collector and
// scheduler during the load benchmark (runtime/metrics), without stopping
// the world as runtime.ReadMemStats does.

package server

import (
	"math"
	rtmetrics "runtime/metrics"
)

// Runtime metrics the load benchmark reads.
const (
	rmAllocs     = "/gc/heap/allocs:bytes"                   // allocated since the start, cumulative
	rmCycles     = "/gc/cycles/total:gc-cycles"              // collections completed
	rmGCCPU      = "/cpu/classes/gc/total:cpu-seconds"       // the collector's CPU, assists included
	rmAssistCPU  = "/cpu/classes/gc/mark/assist:cpu-seconds" // goroutines made to mark for what they allocate
	rmPauses     = "/sched/pauses/total/gc:seconds"          // the collector's stop-the-world pauses, histogram
	rmStopping   = "/sched/pauses/stopping/gc:seconds"       // of which getting every thread to stop, histogram
	rmLatencies  = "/sched/latencies:seconds"                // time goroutines were runnable before running, histogram
	rmHeapObj    = "/memory/classes/heap/objects:bytes"      // with rmHeapUnused, MemStats.HeapInuse
	rmHeapUnused = "/memory/classes/heap/unused:bytes"
	rmLive       = "/gc/heap/live:bytes" // marked live by the last collection
)

// runtimeFigures is a reading of the runtime's metrics.
type runtimeFigures struct{ samples []rtmetrics.Sample }

func readRuntime() runtimeFigures {
	names := []string{rmAllocs, rmCycles, rmGCCPU, rmAssistCPU, rmPauses, rmStopping, rmLatencies, rmHeapObj, rmHeapUnused, rmLive}
	s := make([]rtmetrics.Sample, len(names))
	for i, n := range names {
		s[i].Name = n
	}
	rtmetrics.Read(s)
	return runtimeFigures{s}
}

func (f runtimeFigures) value(name string) rtmetrics.Value {
	for _, s := range f.samples {
		if s.Name == name {
			return s.Value
		}
	}
	panic("runtime metric not read: " + name)
}

// uint returns a counter or gauge, float a CPU time.
func (f runtimeFigures) uint(name string) uint64   { return f.value(name).Uint64() }
func (f runtimeFigures) float(name string) float64 { return f.value(name).Float64() }

// heapInuse is MemStats.HeapInuse: the bytes of the heap's spans in use.
func (f runtimeFigures) heapInuse() uint64 { return f.uint(rmHeapObj) + f.uint(rmHeapUnused) }

// histDiff returns the counts of histogram name added since before.
func (f runtimeFigures) histDiff(before runtimeFigures, name string) *rtmetrics.Float64Histogram {
	a, b := f.value(name).Float64Histogram(), before.value(name).Float64Histogram()
	d := &rtmetrics.Float64Histogram{Buckets: a.Buckets, Counts: make([]uint64, len(a.Counts))}
	for i := range a.Counts {
		d.Counts[i] = a.Counts[i] - b.Counts[i]
	}
	return d
}

// quantile returns an upper bound of the q quantile of h (the upper edge of
// its bucket), in seconds; q = 1 bounds the largest sample. It returns 0
// for an empty histogram.
func quantile(h *rtmetrics.Float64Histogram, q float64) float64 {
	var total uint64
	for _, c := range h.Counts {
		total += c
	}
	if total == 0 {
		return 0
	}
	want := uint64(math.Ceil(q * float64(total)))
	var seen uint64
	for i, c := range h.Counts {
		if seen += c; seen >= want && c > 0 {
			if up := h.Buckets[i+1]; !math.IsInf(up, 1) {
				return up
			}
			return h.Buckets[i]
		}
	}
	return 0
}
