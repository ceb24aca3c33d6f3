// cache_test.go tests the run cache: one simulation for a workload asked for
// many times, the key, a partial log never served, the bound in bytes, and
// its bookkeeping under concurrent readers (run it with -race).

package server

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gilscope/gilscope/vm/machine"
)

// cacheTestSource makes a few thousand events: two threads appending.
const cacheTestSource = "import threading\nshared = []\ndef f():\n    for i in range(300):\n        shared.append(i)\n" +
	"ts = [threading.Thread(target=f) for _ in range(2)]\nfor t in ts:\n    t.start()\nfor t in ts:\n    t.join()\nprint(len(shared))\n"

func cacheWorkload(src string, seed int64) workload {
	return workload{Source: src, Model: machine.DefaultModel, Cores: 2, Seed: seed}
}

// TestRunKey checks that every field of a workload, the instruction window
// and nothing else makes a run's key.
func TestRunKey(t *testing.T) {
	base := cacheWorkload("print(1)\n", 1)
	tests := []struct {
		desc   string
		change func(*workload, *[2]float64)
	}{
		{"source", func(w *workload, _ *[2]float64) { w.Source = "print(2)\n" }},
		{"model", func(w *workload, _ *[2]float64) { w.Model = "cpython-3.9" }},
		{"cores", func(w *workload, _ *[2]float64) { w.Cores = 3 }},
		{"seed", func(w *workload, _ *[2]float64) { w.Seed = 2 }},
		{"switch interval", func(w *workload, _ *[2]float64) { w.SwitchInterval = 0.001 }},
		{"max time", func(w *workload, _ *[2]float64) { w.MaxTime = 1 }},
		{"window start", func(_ *workload, win *[2]float64) { win[0] = 1e-6 }},
		{"window end", func(_ *workload, win *[2]float64) { win[1] = 1e-6 }},
		{"source moved into the model", func(w *workload, _ *[2]float64) { w.Source, w.Model = "", "print(1)\n"+w.Model }},
	}
	key := runKeyOf(&base, [2]float64{})
	if again := base; runKeyOf(&again, [2]float64{}) != key {
		t.Fatal("an equal workload has another key")
	}
	for _, tt := range tests {
		wl, win := base, [2]float64{}
		tt.change(&wl, &win)
		if runKeyOf(&wl, win) == key {
			t.Errorf("%s: the same key as the base workload", tt.desc)
		}
	}
}

// TestCacheSharesOneSimulation checks that sessions and /api/run asking for
// one workload read one simulation, and get what a simulation of their own
// would have given them.
func TestCacheSharesOneSimulation(t *testing.T) {
	s, _ := newTestServer(t)
	wl := cacheWorkload(cacheTestSource, 1)
	first := startLiveRun(s, context.Background(), 1, wl)
	second := startLiveRun(s, context.Background(), 1, wl)
	if first.hit || !second.hit || first.runLog != second.runLog {
		t.Fatalf("hits %v and %v, one log: %v; want a miss, then a hit on it", first.hit, second.hit, first.runLog == second.runLog)
	}
	for !first.snapshot().done {
		first.consume(first.snapshot().events.Len())
		<-first.progress
	}
	shared := first.snapshot().events
	first.stop()
	second.stop()

	// The same workload, simulated alone: what the cache must be invisible against.
	alone := cacheWorkload(cacheTestSource, 1)
	fresh := newRunCache(s, maxCacheBytes)
	own, _ := fresh.open(context.Background(), alone, "live")
	own.consume(maxRunEvents)
	<-own.done
	if !reflect.DeepEqual(own.snapshot().events.Flat(), shared.Flat()) || own.summary().Stdout != "600\n" {
		t.Errorf("the shared log (%d events) differs from a simulation of its own (%d events, stdout %q)",
			shared.Len(), own.snapshot().events.Len(), own.summary().Stdout)
	}
	fresh.close(own)

	third := startLiveRun(s, context.Background(), 1, wl)
	if !third.hit || !third.snapshot().done || third.snapshot().events.Len() != shared.Len() {
		t.Errorf("a later session: hit %v, done %v; want the finished log", third.hit, third.snapshot().done)
	}
	third.stop()
	if h, m := s.cache.runs.hits.Load(), s.cache.runs.misses.Load(); h != 2 || m != 1 {
		t.Errorf("%d hits and %d misses, want 2 and 1", h, m)
	}

	// /api/run of the same workload is a hit too, and answers the run.
	body, _ := json.Marshal(wl)
	rec := post(s.Handler(), "/api/run", string(body))
	var resp runResponse
	json.Unmarshal(rec.Body.Bytes(), &resp)
	if rec.Code != 200 || resp.Stdout != "600\n" || resp.End != "exit" || resp.Stats == nil {
		t.Errorf("/api/run: %d %s", rec.Code, rec.Body)
	}
	if h, m := s.cache.runs.hits.Load(), s.cache.runs.misses.Load(); h != 3 || m != 1 {
		t.Errorf("after /api/run: %d hits and %d misses, want 3 and 1", h, m)
	}
	metrics := get(s.Handler(), "/metrics", "").Body.String()
	for _, want := range []string{"gilscope_run_cache_hits_total 3", "gilscope_run_cache_misses_total 1", "gilscope_run_cache_bytes "} {
		if !strings.Contains(metrics, want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
}

// TestCacheDropsPartialLogs checks that a run stopped because its readers
// left, or cut by the server's event budget, is never served to whoever
// asks for its workload next: they get a run simulated again, complete.
func TestCacheDropsPartialLogs(t *testing.T) {
	s, _ := newTestServer(t)
	// More events than a run goes ahead of its readers: it waits for them.
	wl := cacheWorkload("shared = []\nfor i in range(50000):\n    shared.append(i)\nprint('end')\n", 1)
	r := startLiveRun(s, context.Background(), 1, wl)
	for sn := r.snapshot(); sn.events.Len() == 0; sn = r.snapshot() {
		<-r.progress // paused: the run goes up to maxUnplayedEvents ahead
	}
	r.stop() // before the end: the partial log is dropped
	if entries, _ := s.cache.stats(); entries != 0 || s.heldEvents.Load() != 0 {
		t.Fatalf("after the last reader left a growing run: %d entries, %d events held", entries, s.heldEvents.Load())
	}
	again := startLiveRun(s, context.Background(), 1, wl)
	again.consume(maxRunEvents)
	<-again.done
	if again.hit || again.res.End != "exit" || again.summary().Stdout != "end\n" {
		t.Errorf("asked again: hit %v, end %q, stdout %q; want a new, complete run", again.hit, again.res.End, again.summary().Stdout)
	}
	again.stop()

	s.heldBudget = int64(again.snapshot().events.Len()) + 10 // the next run cannot fit
	other := cacheWorkload(cacheTestSource, 7)
	cut := startLiveRun(s, context.Background(), 1, other)
	cut.consume(maxRunEvents)
	<-cut.done
	if cut.limit != errServerEvents {
		t.Fatalf("limit %v, want the server's event budget", cut.limit)
	}
	cut.stop()
	s.heldBudget = maxHeldEvents
	whole := startLiveRun(s, context.Background(), 1, other)
	whole.consume(maxRunEvents)
	<-whole.done
	if whole.hit || whole.limit != nil || whole.summary().Stdout != "600\n" {
		t.Errorf("after a cut run: hit %v, limit %v; want the run simulated again, whole", whole.hit, whole.limit)
	}
	whole.stop()
}

// TestCacheEvictsLeastRecentlyUsed checks the bound in bytes: idle logs go,
// least recently used first, and logs being read stay whatever their size.
func TestCacheEvictsLeastRecentlyUsed(t *testing.T) {
	s, _ := newTestServer(t)
	run := func(seed int64) *liveRun {
		r := startLiveRun(s, context.Background(), 1, cacheWorkload(cacheTestSource, seed))
		r.consume(maxRunEvents)
		<-r.settled
		return r
	}
	r1 := run(1)
	r1.stop()
	_, one := s.cache.stats()
	if one == 0 {
		t.Fatal("a finished log takes no bytes")
	}
	s.cache.limit = 2*one + one/2 // two logs fit, not three
	run(2).stop()
	held := run(3) // read: it stays whatever the bound
	if entries, _ := s.cache.stats(); entries != 2 || s.cache.evictions.Load() != 1 {
		t.Fatalf("%d entries, %d evictions; want seed 1 evicted", entries, s.cache.evictions.Load())
	}
	if again := run(1); again.hit {
		t.Error("the least recently used log was kept")
	} else {
		again.stop()
	}
	if again := run(3); !again.hit {
		t.Error("a log being read was evicted")
	} else {
		again.stop()
	}
	held.stop()
	if _, bytes := s.cache.stats(); bytes > s.cache.limit {
		t.Errorf("%d bytes cached, over the limit of %d", bytes, s.cache.limit)
	}
}

// TestCacheConcurrentReaders opens, reads and closes a few workloads from
// many goroutines, some leaving before the end: every reader of a finished
// log sees the whole run, and the books balance afterwards.
func TestCacheConcurrentReaders(t *testing.T) {
	s, _ := newTestServer(t)
	s.cache.limit = 1 << 20
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for g := range 24 {
		wg.Go(func() {
			r := startLiveRun(s, context.Background(), 1, cacheWorkload(cacheTestSource, int64(g%4)))
			defer r.stop()
			if g%3 == 0 {
				return // leaves at once
			}
			for !r.snapshot().done {
				r.consume(r.snapshot().events.Len())
				select {
				case <-r.progress:
				case <-time.After(20 * time.Second):
					errs <- fmt.Errorf("reader %d: no progress", g)
					return
				}
			}
			if r.failed != nil {
				errs <- fmt.Errorf("reader %d: %s", g, r.failed.Message)
			} else if sum := r.summary(); sum.Stdout != "600\n" || sum.Limit != "" {
				errs <- fmt.Errorf("reader %d: stdout %q, limit %q", g, sum.Stdout, sum.Limit)
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	s.cache.mu.Lock()
	defer s.cache.mu.Unlock()
	var events, bytes int64
	for _, x := range s.cache.index {
		l := x.(*runLog)
		if l.refs != 0 || !l.over || l.elem == nil {
			t.Errorf("an indexed log with %d readers, over %v, idle %v after everyone left", l.refs, l.over, l.elem != nil)
		}
		events += int64(l.events.Len())
		bytes += l.bytes
	}
	if held := s.heldEvents.Load(); held != events || bytes != s.cache.bytes || s.cache.idle.Len() != len(s.cache.index) {
		t.Errorf("%d events held for %d cached; %d bytes counted for %d; %d idle of %d", held, events, s.cache.bytes, bytes,
			s.cache.idle.Len(), len(s.cache.index))
	}
}

// TestAPIRunCached checks that /api/run answers a cached run as it answers
// one it simulates, events included.
func TestAPIRunCached(t *testing.T) {
	s, _ := newTestServer(t)
	hs := httptest.NewServer(s.Handler())
	defer hs.Close()
	src, _ := json.Marshal(cacheTestSource)
	body := `{"source": ` + string(src) + `, "seed": 3, "events": true}`
	answer := func() string {
		resp, err := hs.Client().Post(hs.URL+"/api/run", "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			t.Fatalf("status %d: %s", resp.StatusCode, b)
		}
		return string(b)
	}
	first, second := answer(), answer()
	if first != second || !strings.Contains(first, `"stdout":"600\n"`) || !strings.Contains(first, `"events":[`) {
		t.Errorf("a cached answer differs from the first:\n%.300s\n%.300s", first, second)
	}
	if h, m := s.cache.runs.hits.Load(), s.cache.runs.misses.Load(); h != 1 || m != 1 {
		t.Errorf("%d hits and %d misses, want 1 and 1", h, m)
	}
}

// TestCacheSharesTraces checks that sessions asking for one instruction
// window of one workload read one trace, and that another window is
// another simulation.
func TestCacheSharesTraces(t *testing.T) {
	s, _ := newTestServer(t)
	wl := cacheWorkload(cacheTestSource, 1)
	a := startTrace(s, context.Background(), wl, 0, 50_000)
	b := startTrace(s, context.Background(), wl, 0, 50_000)
	if a.traceLog != b.traceLog {
		t.Fatal("two readers of one window got two traces")
	}
	<-a.done
	events, to, cover := a.snapshot()
	if events.Len() == 0 || cover != to {
		t.Fatalf("the trace holds %d instructions, complete up to %d of %d", events.Len(), cover, to)
	}
	a.stop()
	b.stop()
	again := startTrace(s, context.Background(), wl, 0, 50_000)
	if again.traceLog != a.traceLog {
		t.Error("a finished trace was not kept")
	}
	again.stop()
	other := startTrace(s, context.Background(), wl, 0, 60_000)
	if other.traceLog == a.traceLog {
		t.Error("another window was served the first one's trace")
	}
	other.stop()
	if h, m := s.cache.traces.hits.Load(), s.cache.traces.misses.Load(); h != 2 || m != 2 {
		t.Errorf("%d hits and %d misses, want 2 and 2", h, m)
	}
}
