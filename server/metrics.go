// metrics.go defines /metrics: the server's counters and gauges, with the
// Go runtime's and the process's, through the Prometheus client library;
// and ServeMetrics, which serves them on a listener of their own.

package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

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
	runCPU         atomic.Int64 // host CPU time of every run, ns

	handler  http.Handler // serves /metrics; see newHandler
	separate bool         // Config.SeparateMetrics

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

// newHandler returns the /metrics handler of s: a registry of its own (no
// global state) with the Go runtime and process collectors and the
// server's figures, in the Prometheus exposition formats.
func (m *metrics) newHandler(s *Server) http.Handler {
	reg := prometheus.NewRegistry()
	reg.MustRegister(
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		serverCollector{s},
	)
	h := promhttp.HandlerFor(reg, promhttp.HandlerOpts{
		ErrorLog: slog.NewLogLogger(s.log.Handler(), slog.LevelError),
	})
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		h.ServeHTTP(w, r)
	})
}

// handleMetrics serves /metrics, unless Config.SeparateMetrics moved it to
// ServeMetrics's listener.
func (s *Server) handleMetrics(w http.ResponseWriter, r *http.Request) {
	if s.metrics.separate {
		s.handleNotFound(w, r)
		return
	}
	s.metrics.handler.ServeHTTP(w, r)
}

// ServeMetrics serves /metrics alone on ln until ctx is done, then shuts
// down gracefully. Run it on an address that is not public when
// Config.SeparateMetrics is set. It closes ln.
func (s *Server) ServeMetrics(ctx context.Context, ln net.Listener) error {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", s.metrics.handler)
	hs := &http.Server{
		Handler:           http.TimeoutHandler(mux, pageTimeout, "503 timeout"),
		ReadHeaderTimeout: readHeaderTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	s.log.Info("serving metrics", slog.String("addr", ln.Addr().String()))
	select {
	case err := <-served:
		return fmt.Errorf("metrics: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	err := hs.Shutdown(sctx)
	if serr := <-served; !errors.Is(serr, http.ErrServerClosed) {
		err = errors.Join(err, serr)
	}
	if err != nil {
		return fmt.Errorf("metrics: %w", err)
	}
	return nil
}

// serverCollector gives a registry the server's figures, read at each
// scrape. It describes nothing up front (an unchecked collector): the
// worker figures exist only when runs go to a worker pool.
type serverCollector struct{ s *Server }

// Describe implements prometheus.Collector.
func (serverCollector) Describe(chan<- *prometheus.Desc) {}

// Collect implements prometheus.Collector.
func (c serverCollector) Collect(ch chan<- prometheus.Metric) {
	s, m := c.s, c.s.metrics
	emit := func(kind prometheus.ValueType, name, help string, v float64) {
		ch <- prometheus.MustNewConstMetric(prometheus.NewDesc(name, help, nil, nil), kind, v)
	}
	gauge := func(name, help string, v float64) { emit(prometheus.GaugeValue, name, help, v) }
	counter := func(name, help string, v float64) { emit(prometheus.CounterValue, name, help, v) }
	gauge("gilscope_sessions_active", "Open websocket sessions.", float64(m.sessionsActive.Load()))
	counter("gilscope_sessions_total", "Websocket sessions opened.", float64(m.sessionsTotal.Load()))
	gauge("gilscope_runs_working", "Simulations holding a run slot.", float64(s.runs.busy()))
	gauge("gilscope_events_held", "Events the live sessions and the run cache keep (bounded by maxHeldEvents).", float64(s.heldEvents.Load()))
	rooms, followers := s.rooms.roomStats()
	gauge("gilscope_rooms_active", "Rooms with a presenter or follower connected here.", float64(rooms))
	gauge("gilscope_room_followers", "Room followers connected here.", float64(followers))
	entries, bytes := s.cache.stats()
	counter("gilscope_run_cache_hits_total", "Runs asked for that were simulated before or are being simulated.", float64(s.cache.runs.hits.Load()))
	counter("gilscope_run_cache_misses_total", "Runs asked for that had to be simulated.", float64(s.cache.runs.misses.Load()))
	counter("gilscope_trace_cache_hits_total", "Instruction windows asked for that were traced before or are being traced.", float64(s.cache.traces.hits.Load()))
	counter("gilscope_trace_cache_misses_total", "Instruction windows asked for that had to be traced.", float64(s.cache.traces.misses.Load()))
	counter("gilscope_run_cache_evictions_total", "Finished logs the run cache let go to stay within its bytes.", float64(s.cache.evictions.Load()))
	gauge("gilscope_run_cache_entries", "Run logs the cache indexes, finished or growing.", float64(entries))
	gauge("gilscope_run_cache_bytes", "Bytes of the finished logs the run cache holds (bounded by maxCacheBytes).", float64(bytes))
	counter("gilscope_simulated_seconds_total", "Simulated time of every run.", float64(m.simulatedNS.Load())/1e9)
	counter("gilscope_simulated_events_total", "Events simulated by every run.", float64(m.events.Load()))
	counter("gilscope_simulated_instructions_total", "Bytecode instructions simulated by every run.", float64(m.instructions.Load()))
	counter("gilscope_run_cpu_seconds_total", "Host CPU time every run took, compiling included.", float64(m.runCPU.Load())/1e9)
	counter("gilscope_ws_messages_sent_total", "Websocket messages sent.", float64(m.framesSent.Load()))
	if p, ok := s.runner.(interface{ Stats() worker.Stats }); ok {
		st := p.Stats()
		gauge("gilscope_workers_live", "Worker processes running, idle or working.", float64(st.Live))
		gauge("gilscope_workers_idle", "Worker processes started and waiting for a run.", float64(st.Idle))
		counter("gilscope_workers_started_total", "Worker processes started.", float64(st.Started))
		counter("gilscope_workers_crashed_total", "Worker processes that died during a run.", float64(st.Crashed))
	}
	// Kept from before the Go collector, whose go_memstats_heap_alloc_bytes
	// and go_goroutines say the same.
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	gauge("gilscope_heap_bytes", "Bytes of live heap.", float64(ms.HeapAlloc))
	gauge("gilscope_goroutines", "Goroutines.", float64(runtime.NumGoroutine()))
	m.collectLabeled(ch)
}

var (
	runsDesc = prometheus.NewDesc("gilscope_runs_total", "Runs finished, by kind and how they ended.",
		[]string{"kind", "end"}, nil)
	errorsDesc = prometheus.NewDesc("gilscope_errors_total", "Errors answered to clients, by kind.",
		[]string{"kind"}, nil)
	durationDesc = prometheus.NewDesc("gilscope_run_duration_seconds", "Host time of finished runs.", nil, nil)
)

// collectLabeled sends the runs and errors by label, and the run duration
// histogram.
func (m *metrics) collectLabeled(ch chan<- prometheus.Metric) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for k, n := range m.runs {
		kind, end, _ := strings.Cut(k, " ")
		ch <- prometheus.MustNewConstMetric(runsDesc, prometheus.CounterValue, float64(n), kind, end)
	}
	for kind, n := range m.errors {
		ch <- prometheus.MustNewConstMetric(errorsDesc, prometheus.CounterValue, float64(n), kind)
	}
	buckets := make(map[float64]uint64, len(runDurationBuckets))
	for i, b := range runDurationBuckets {
		buckets[b] = uint64(m.durBucket[i])
	}
	n := uint64(m.durBucket[len(runDurationBuckets)])
	ch <- prometheus.MustNewConstHistogram(durationDesc, n, m.durSum, buckets)
}
