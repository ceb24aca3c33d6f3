// liverun.go defines the simulations behind a live session: liveRun, the run
// being played, which streams its events into a log the session plays from
// (and seeks in), and instrTrace, a re-simulation of the same run that
// records every instruction of a window of simulated time, for slow motion.

package server

import (
	"context"
	"errors"
	"sync"
	"time"
	"unsafe"

	"github.com/gilscope/gilscope/internal/worker"
	"github.com/gilscope/gilscope/vm/machine"
	"github.com/gilscope/gilscope/vm/trace"
)

// maxUnplayedEvents bounds the events a live run may simulate ahead of what
// the session has sent; beyond it the simulation waits (backpressure).
const maxUnplayedEvents = 1 << 16

// maxTraceEvents bounds the instr events one trace window keeps; a window
// that would hold more is cut short.
const maxTraceEvents = 1 << 18

// liveRun is a session's run: its reading of the shared log of the
// workload's simulation (cache.go), which it may have started or found
// there, finished or growing. Its methods are safe for concurrent use.
type liveRun struct {
	*runLog
	id int
	// ctx is the session's: the instruction traces of the run end with it.
	ctx context.Context
	// progress receives a token (it holds at most one) whenever the log
	// grows or the run ends.
	progress chan struct{}
	hit      bool      // the log was in the cache
	opened   time.Time // when the session asked for the run
}

// startLiveRun opens wl's run for a session under parent: a run simulated
// before (or being simulated) is read from the cache, another is started.
func startLiveRun(s *Server, parent context.Context, id int, wl workload) *liveRun {
	l, hit := s.cache.open(parent, wl, "live")
	l.mu.Lock()
	l.live++
	l.mu.Unlock()
	return &liveRun{runLog: l, id: id, ctx: parent, progress: l.subscribe(), hit: hit, opened: time.Now()}
}

// bornAt returns when event i could first be sent to the session: when it
// arrived from the simulation, or when the session asked for a run
// simulated before.
func (r *liveRun) bornAt(i int) time.Time {
	born := r.runLog.bornAt(i)
	if born.Before(r.opened) {
		return r.opened
	}
	return born
}

// readers returns the live sessions reading the run's log, this one
// included.
func (r *liveRun) readers() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.live
}

// stop lets the run go: the session drops it. The last reader of a
// simulation still working stops it and waits for it.
func (r *liveRun) stop() {
	r.unsubscribe(r.progress)
	r.mu.Lock()
	if r.live--; r.live == 0 {
		r.views, r.stats = nil, nil // kept for sessions reading together, not for the next visitor
	}
	r.mu.Unlock()
	r.cache.close(r.runLog)
}

// errTraceDone stops a trace that has covered its window.
var errTraceDone = errors.New("the instruction window is complete")

// instrTrace is a session's reading of an instruction window's trace
// (traceLog), shared through the run cache with every session that asks for
// the same window of the same workload. Its methods are safe for concurrent
// use.
type instrTrace struct {
	*traceLog
	progress chan struct{} // a token whenever cover moves
}

// startTrace starts tracing wl's instructions in [from, to), or reads the
// trace of that window another session started.
func startTrace(s *Server, parent context.Context, wl workload, from, to trace.Time) *instrTrace {
	window := [2]float64{float64(from) / 1e9, float64(to) / 1e9}
	x, _ := s.cache.get(parent, runKeyOf(&wl, window), &s.cache.traces, func(ctx context.Context) cached {
		return &traceLog{from: from, to: to, cover: from, srv: s, wl: wl, simCtx: ctx,
			subscribers: subscribers{subs: map[chan struct{}]struct{}{}}}
	})
	t := x.(*traceLog)
	return &instrTrace{traceLog: t, progress: t.subscribe()}
}

// stop lets the trace go; the last reader of a trace still working stops it.
func (t *instrTrace) stop() {
	t.unsubscribe(t.progress)
	t.srv.cache.close(t.traceLog)
}

// traceLog re-simulates a run with every instruction in [from, to)
// recorded: determinism makes it the played run, traced. Its methods are
// safe for concurrent use.
type traceLog struct {
	cacheEntry
	subscribers
	from   trace.Time
	srv    *Server
	wl     workload
	simCtx context.Context

	mu     sync.Mutex
	to     trace.Time // the window's end; lowered when the window is cut short
	cover  trace.Time // instr events are complete in [from, cover)
	events eventLog   // the instr events in [from, cover), in time order
	ok     bool       // the trace ended by itself (set before done is closed)
}

func (t *traceLog) simulate() {
	s := t.srv
	defer t.notify()
	defer close(t.done)
	ctx, cancel := context.WithTimeoutCause(t.simCtx, s.cpuLimit, errCPULimit)
	defer cancel()
	if s.runs.acquire(ctx, 0) != nil {
		t.finish(false)
		return
	}
	defer s.runs.release(ctx)
	j := job(&t.wl, false)
	j.Instructions = [2]float64{float64(t.from) / 1e9, float64(t.to) / 1e9}
	start := time.Now()
	out, err := s.simulate(ctx, j, t)
	ok := err == nil && out.Syntax == nil
	if ok {
		s.metrics.run("trace", out.Result.End, int64(out.Result.EndTime), out.Result.Instructions, 0, time.Since(start))
	}
	t.ok = ok && ctx.Err() == nil
	t.finish(t.ok)
}

// reusable reports whether the trace covered its window (or what of it the
// program ran) by itself.
func (t *traceLog) reusable() bool { return t.ok }

// size estimates the bytes the trace keeps.
func (t *traceLog) size() int64 {
	t.mu.Lock()
	defer t.mu.Unlock()
	return int64(t.events.Len()) * int64(unsafe.Sizeof(machine.Event{}))
}

// drop does nothing: a trace's events are not counted in heldEvents.
func (t *traceLog) drop() {}

// Listing is not asked for: the played run has sent it.
func (t *traceLog) Listing([]worker.CodeObject) {}

// Events keeps a batch's instr events in the window.
func (t *traceLog) Events(batch []machine.Event, upTo trace.Time, _ time.Duration) error {
	return t.add(batch, upTo)
}

// add keeps a batch's instr events in the window.
func (t *traceLog) add(batch []machine.Event, upTo trace.Time) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	defer t.notify()
	for i := range batch {
		if e := &batch[i]; e.Kind == machine.EvInstr && e.T >= t.from && e.T < t.to {
			t.events.append(batch[i : i+1])
		}
	}
	t.cover = max(t.cover, min(upTo, t.to))
	switch {
	case t.cover >= t.to:
		return errTraceDone
	case t.events.Len() > maxTraceEvents:
		t.to = t.cover // cut the window short: the next one starts here
		return errTraceDone
	}
	return nil
}

// finish marks the window covered: the program ended inside it, or the
// trace failed (then the window is empty rather than stalling playback).
func (t *traceLog) finish(ok bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if !ok && t.cover < t.to {
		t.to = max(t.cover, t.from)
	}
	t.cover = t.to
}

// snapshot returns the window's events, its end and how far it is complete.
func (t *traceLog) snapshot() (events eventLog, to, cover trace.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.events, t.to, t.cover
}
