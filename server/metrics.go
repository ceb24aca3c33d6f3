// metrics.go defines /metrics: the server's counters in the Prometheus text
// exposition format, written by hand (a handful of counters does not need a
// client library).

package server

import (
	"fmt"
	"io"
	"net/http"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gilscope/gilscope/internal/worker"
)

// runDurationBuckets are the upper bounds, in seconds of host time, of the
// run duration histogram.
var runDurationBuckets = []float64{0.001, 0.01, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60}

// metrics holds the server's counters. All methods are safe for concurrent
// use.
type metrics struct {
	sessionsActive atomic.Int64
	sessionsTotal  atomic.Int64
	simulatedNS    atomic.Int64 // simulated time of every run, ns
	events         atomic.Int64 // events simulated
	instructions   atomic.Int64 // bytecode instructions simulated
	framesSent     atomic.Int64 // websocket messages sent

	mu        sync.Mutex
	runs      map[string]int64 // by "kind end", e.g. "api exit"
	errors    map[string]int64 // by kind: syntax, limit, busy, protocol, request, internal
	durBucket []int64          // cumulative counts per runDurationBuckets, then +Inf
	durSum    float64
}

func newMetrics() *metrics {
	return &metrics{runs: map[string]int64{}, errors: map[string]int64{},
		durBucket: make([]int64, len(runDurationBuckets)+1)}
}

// run records a finished run of kind ("api", "live", "trace") that ended
// for reason end, simulated simNS and instrs instructions, and took d of host
// time.
func (m *metrics) run(kind, end string, simNS, instrs, events int64, d time.Duration) {
	m.simulatedNS.Add(simNS)
	m.instructions.Add(instrs)
	m.events.Add(events)
	m.mu.Lock()
	defer m.mu.Unlock()
	m.runs[kind+" "+end]++
	sec := d.Seconds()
	m.durSum += sec
	for i, b := range runDurationBuckets {
		if sec <= b {
			m.durBucket[i]++
		}
	}
	m.durBucket[len(runDurationBuckets)]++
}

// error counts an error answered to a client, by kind.
func (m *metrics) error(kind string) {
	if kind == "" {
		kind = "request"
	}
	m.mu.Lock()
	m.errors[kind]++
	m.mu.Unlock()
}

// handleMetrics serves the counters in Prometheus text format 0.0.4.
func (s *Server) handleMetrics(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	var workers *worker.Stats
	if p, ok := s.runner.(interface{ Stats() worker.Stats }); ok {
		st := p.Stats()
		workers = &st
	}
	s.metrics.write(w, s.runs.busy(), s.heldEvents.Load(), workers)
}

// write writes the counters; workers is nil when runs are simulated in
// process.
func (m *metrics) write(w io.Writer, busy int, held int64, workers *worker.Stats) {
	gauge := func(name, help string, v any) {
		fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s gauge\n%s %v\n", name, help, name, name, v)
	}
	counter := func(name, help string, v any) {
		fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s counter\n%s %v\n", name, help, name, name, v)
	}
	gauge("gilscope_sessions_active", "Open websocket sessions.", m.sessionsActive.Load())
	counter("gilscope_sessions_total", "Websocket sessions opened.", m.sessionsTotal.Load())
	gauge("gilscope_runs_working", "Simulations holding a run slot.", busy)
	gauge("gilscope_events_held", "Events the live sessions keep (bounded by maxHeldEvents).", held)
	counter("gilscope_simulated_seconds_total", "Simulated time of every run.", float64(m.simulatedNS.Load())/1e9)
	counter("gilscope_simulated_events_total", "Events simulated by every run.", m.events.Load())
	counter("gilscope_simulated_instructions_total", "Bytecode instructions simulated by every run.", m.instructions.Load())
	counter("gilscope_ws_messages_sent_total", "Websocket messages sent.", m.framesSent.Load())
	if workers != nil {
		gauge("gilscope_workers_live", "Worker processes running, idle or working.", workers.Live)
		gauge("gilscope_workers_idle", "Worker processes started and waiting for a run.", workers.Idle)
		counter("gilscope_workers_started_total", "Worker processes started.", workers.Started)
		counter("gilscope_workers_crashed_total", "Worker processes that died during a run.", workers.Crashed)
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	gauge("gilscope_heap_bytes", "Bytes of live heap.", ms.HeapAlloc)
	gauge("gilscope_goroutines", "Goroutines.", runtime.NumGoroutine())

	m.mu.Lock()
	defer m.mu.Unlock()
	fmt.Fprintf(w, "# HELP gilscope_runs_total Runs finished, by kind and how they ended.\n# TYPE gilscope_runs_total counter\n")
	for _, k := range sortedKeys(m.runs) {
		var kind, end string
		fmt.Sscan(k, &kind, &end)
		fmt.Fprintf(w, "gilscope_runs_total{kind=%q,end=%q} %d\n", kind, end, m.runs[k])
	}
	fmt.Fprintf(w, "# HELP gilscope_errors_total Errors answered to clients, by kind.\n# TYPE gilscope_errors_total counter\n")
	for _, k := range sortedKeys(m.errors) {
		fmt.Fprintf(w, "gilscope_errors_total{kind=%q} %d\n", k, m.errors[k])
	}
	fmt.Fprintf(w, "# HELP gilscope_run_duration_seconds Host time of finished runs.\n# TYPE gilscope_run_duration_seconds histogram\n")
	for i, b := range runDurationBuckets {
		fmt.Fprintf(w, "gilscope_run_duration_seconds_bucket{le=\"%g\"} %d\n", b, m.durBucket[i])
	}
	n := m.durBucket[len(runDurationBuckets)]
	fmt.Fprintf(w, "gilscope_run_duration_seconds_bucket{le=\"+Inf\"} %d\n", n)
	fmt.Fprintf(w, "gilscope_run_duration_seconds_sum %g\ngilscope_run_duration_seconds_count %d\n", m.durSum, n)
}

func sortedKeys(m map[string]int64) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
