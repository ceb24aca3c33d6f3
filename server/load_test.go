// load_test.go is the load benchmark of docs/performance.md: 200 concurrent
// websocket sessions, on loopback, each streaming an example of the gallery
// at full speed to its end. Run it with
//
//	go test ./server/ -run XXX -bench Load -benchtime 1x
//
// It reports runs per second, the p50 and p99 latency from an event's
// simulation (or, for a run read from the cache, from the session's asking
// for it) to the write of its websocket frame, the peak heap, the heap left
// after the sessions (over the heap before), the goroutines left over
// afterwards (0: every session freed everything), the runs simulated, the
// CPU the simulations and this process took, as a share of the cores, and
// what the collector did meanwhile (reportCollector).
// BenchmarkLoad does it with the run cache (cache), without it (no-cache),
// and with a distinct program in every session (distinct: no hits).
// -load.frames=FILE writes each message's latency broken down by stage.

package server

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"net/http/httptest"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/gilscope/gilscope/examples"
)

// loadSessions is the number of concurrent sessions of the load benchmark.
const loadSessions = 200

// loadResolution is the zoom the load benchmark's browsers claim: 1 µs per
// pixel, a whole example on a few screens.
const loadResolution = 1000

// loadFrames, if set, names a file the load benchmark writes every events
// message's latency to, broken down by stage (frameTiming), one line each.
var loadFrames = flag.String("load.frames", "", "write the load benchmark's per-frame latency breakdown to this `file`")

// BenchmarkLoad runs loadSessions concurrent sessions, one example each;
// BenchmarkLoadSerial, for comparison, runs every example once, one session
// at a time.
func BenchmarkLoad(b *testing.B) {
	b.Run("cache", func(b *testing.B) { benchLoad(b, loadSessions, loadSessions, loadCache) })
	b.Run("no-cache", func(b *testing.B) { benchLoad(b, loadSessions, loadSessions, loadNoCache) })
	b.Run("distinct", func(b *testing.B) { benchLoad(b, loadSessions, loadSessions, loadDistinct) })
}

func BenchmarkLoadSerial(b *testing.B) { benchLoad(b, 1, len(examples.All()), loadNoCache) }

// How the load benchmark's sessions use the run cache.
const (
	loadCache    = iota // the gallery's workloads, shared through the cache
	loadNoCache         // the same, every session simulating its own
	loadDistinct        // every session a program of its own (a comment added): no hits
)

// benchLoad runs, b.N times, runs sessions of the gallery's examples in
// turn, concurrent at most at a time.
func benchLoad(b *testing.B, concurrent, runs, mode int) {
	s, _ := newTestServerB(b)
	s.cache.off = mode == loadNoCache
	s.clients = newRateLimiter(math.Inf(1), 0) // every session comes from 127.0.0.1
	s.runs = newRunSlots(maxConcurrentRuns, maxConcurrentRuns)
	var mu sync.Mutex
	var latencies []time.Duration
	var timings []frameTiming
	s.latencyHook = func(t *frameTiming) {
		mu.Lock()
		latencies = append(latencies, t.written.Sub(t.born))
		if *loadFrames != "" {
			timings = append(timings, *t)
		}
		mu.Unlock()
	}
	hs := httptest.NewServer(s.Handler())
	url := "ws" + strings.TrimPrefix(hs.URL, "http") + "/ws"
	gallery := examples.All()
	runtime.GC()
	baseline := runtime.NumGoroutine()
	heapBefore := readRuntime().heapInuse()

	var peakHeap, peakLive atomic.Uint64
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() { // sample the heap while the sessions run, without stopping the world
		defer close(sampled)
		for {
			f := readRuntime()
			peakHeap.Store(max(peakHeap.Load(), f.heapInuse()))
			peakLive.Store(max(peakLive.Load(), f.uint(rmLive)))
			select {
			case <-stop:
				return
			case <-time.After(100 * time.Millisecond):
			}
		}
	}()

	var frames atomic.Int64
	cpuBefore, rtBefore := selfCPU(), readRuntime()
	start := time.Now()
	for range b.N {
		var wg sync.WaitGroup
		for w := range concurrent {
			wg.Go(func() {
				for i := w; i < runs; i += concurrent {
					wl := gallery[i%len(gallery)].Workload
					if mode == loadDistinct {
						wl.Source += fmt.Sprintf("\n# session %d\n", i)
					}
					n, err := loadSession(url, wl)
					frames.Add(int64(n))
					if err != nil {
						b.Errorf("session %d (%s): %v", i, gallery[i%len(gallery)].ID, err)
					}
				}
			})
		}
		wg.Wait()
	}
	elapsed := time.Since(start)
	serverCPU, rt := selfCPU()-cpuBefore, readRuntime()
	if *loadFrames != "" {
		if err := writeFrameTimings(*loadFrames, b.Name(), start, timings); err != nil {
			b.Error(err)
		}
	}
	close(stop)
	<-sampled
	hs.Close()

	leftover := 0
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if leftover = runtime.NumGoroutine() - baseline; leftover <= 0 {
			break
		}
	}
	runtime.GC()
	heapAfter := readRuntime().heapInuse()
	slices.Sort(latencies)
	pct := func(p float64) float64 {
		if len(latencies) == 0 {
			return 0
		}
		return float64(latencies[int(p*float64(len(latencies)-1))].Microseconds()) / 1000
	}
	b.ReportMetric(float64(runs*b.N)/elapsed.Seconds(), "runs/s")
	b.ReportMetric(pct(0.5), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
	b.ReportMetric(float64(peakHeap.Load())/(1<<20), "peak-heap-MB")
	b.ReportMetric((float64(heapAfter)-float64(heapBefore))/(1<<20), "heap-after-MB")
	b.ReportMetric(float64(frames.Load())/float64(b.N), "frames/op")
	b.ReportMetric(float64(max(leftover, 0)), "leftover-goroutines")
	b.ReportMetric(float64(s.cache.runs.misses.Load())/float64(b.N), "simulated/op")
	cores := float64(runtime.GOMAXPROCS(0)) * elapsed.Seconds()
	b.ReportMetric(100*time.Duration(s.metrics.runCPU.Load()).Seconds()/cores, "sim-cpu-%")
	b.ReportMetric(100*serverCPU.Seconds()/cores, "server-cpu-%")
	reportCollector(b, rtBefore, rt, peakLive.Load(), elapsed)
	if leftover > 0 {
		b.Errorf("%d goroutines more than before the sessions", leftover)
	}
}

// reportCollector reports what the collector did during the sessions
// (between before and after): what was allocated and the live heap's peak,
// the collections, the collector's CPU and the part of it goroutines paid
// in assists (as shares of the cores over the wall time), the longest
// stop-the-world pause and the longest wait for every thread to stop
// (part of a pause), and how long the 99th and 99.9th percentile of
// goroutines waited, runnable, for a CPU (bucket upper bounds).
func reportCollector(b *testing.B, before, after runtimeFigures, peakLive uint64, elapsed time.Duration) {
	n := float64(b.N)
	cores := float64(runtime.GOMAXPROCS(0)) * elapsed.Seconds()
	b.ReportMetric(float64(after.uint(rmAllocs)-before.uint(rmAllocs))/(1<<20)/n, "alloc-MB/op")
	b.ReportMetric(float64(peakLive)/(1<<20), "peak-live-MB")
	b.ReportMetric(float64(after.uint(rmCycles)-before.uint(rmCycles))/n, "gc-cycles/op")
	b.ReportMetric(100*(after.float(rmGCCPU)-before.float(rmGCCPU))/cores, "gc-cpu-%")
	b.ReportMetric(100*(after.float(rmAssistCPU)-before.float(rmAssistCPU))/cores, "assist-cpu-%")
	b.ReportMetric(1000*quantile(after.histDiff(before, rmPauses), 1), "gc-pause-max-ms")
	b.ReportMetric(1000*quantile(after.histDiff(before, rmStopping), 1), "gc-stopping-max-ms")
	waits := after.histDiff(before, rmLatencies)
	b.ReportMetric(1000*quantile(waits, 0.99), "sched-p99-ms")
	b.ReportMetric(1000*quantile(waits, 0.999), "sched-p999-ms")
}

// loadSession runs wl to its end at full speed in a fresh session and
// returns the number of messages received.
//
// It stands for a browser on a machine of its own, so it reads as little
// as it can on the server's cores: an events message is read and
// discarded once its type is known (a browser decodes it on its own
// CPU), and only the other messages, all small, are decoded. Decoding
// every message with encoding/json took the 200 clients more CPU than the
// server's sessions, on the 2 cores they share.
func loadSession(url string, wl workload) (int, error) {
	ws, _, err := websocket.DefaultDialer.Dial(url, nil)
	if err != nil {
		return 0, err
	}
	defer ws.Close()
	run, _ := json.Marshal(map[string]any{"v": protocolVersion, "type": "run", "workload": wl, "speed": 0, "resolution": loadResolution})
	if err := ws.WriteMessage(websocket.TextMessage, run); err != nil {
		return 0, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	var msg struct {
		Type    string `json:"type"`
		T       int64  `json:"t"`
		Playing bool   `json:"playing"`
		Summary struct {
			EndTime int64  `json:"end_time"`
			Limit   string `json:"limit"`
		} `json:"summary"`
		Error apiError `json:"error"`
	}
	events := marshal(newHeader("events", 0))
	events = events[:bytes.IndexByte(events, ',')+len(`,"type":"events"`)]
	var data bytes.Buffer
	n, end := 0, int64(-1)
	for ctx.Err() == nil {
		ws.SetReadDeadline(time.Now().Add(time.Minute))
		_, r, err := ws.NextReader()
		if err != nil {
			return n, err
		}
		n++
		data.Reset()
		if _, err := io.CopyN(&data, r, int64(len(events))); err != nil && err != io.EOF {
			return n, err
		}
		if bytes.Equal(data.Bytes(), events) {
			if _, err := io.Copy(io.Discard, r); err != nil {
				return n, err
			}
			continue
		}
		if _, err := data.ReadFrom(r); err != nil {
			return n, err
		}
		msg.Type, msg.Playing, msg.Error = "", false, apiError{}
		if err := json.Unmarshal(data.Bytes(), &msg); err != nil {
			return n, err
		}
		switch {
		case msg.Type == "error" && msg.Error.Kind == "busy": // the server is full: retry as told
			time.Sleep(time.Duration(msg.Error.RetryAfter * float64(time.Second)))
			if err := ws.WriteMessage(websocket.TextMessage, run); err != nil {
				return n, err
			}
		case msg.Type == "error":
			return n, &msg.Error
		case msg.Type == "end":
			end = msg.Summary.EndTime
			if msg.Summary.Limit != "" {
				return n, errors.New(msg.Summary.Limit)
			}
		case msg.Type == "position" && end >= 0 && msg.T > end && !msg.Playing:
			return n, nil // played to the end
		}
	}
	return n, ctx.Err()
}

// writeFrameTimings appends timings to the file named name, one line per
// message: the benchmark, the example, when its oldest event could be sent
// (ms since start), the stages' durations in ms (born to the session's
// advance, to its events encoded, to the message made, to the writer's
// taking it, to its write), the whole latency and the message's bytes.
func writeFrameTimings(name, bench string, start time.Time, timings []frameTiming) error {
	ids := map[string]string{}
	for _, ex := range examples.All() {
		ids[ex.Workload.Source] = ex.ID
	}
	f, err := os.OpenFile(name, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	for _, t := range timings {
		src, _, _ := strings.Cut(t.source, "\n# session ")
		fmt.Fprintf(w, "%s\t%s\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%d\n", bench, ids[src],
			ms(t.born.Sub(start)), ms(t.woke.Sub(t.born)), ms(t.encoded.Sub(t.woke)), ms(t.made.Sub(t.encoded)),
			ms(t.taken.Sub(t.made)), ms(t.written.Sub(t.taken)), ms(t.written.Sub(t.born)), t.bytes)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
