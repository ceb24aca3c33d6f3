// liverun.go defines the simulations behind a live session: liveRun, the run
// being played, which streams its events into a log the session plays from
// (and seeks in), and instrTrace, a re-simulation of the same run that
// records every instruction of a window of simulated time, for slow motion.

package server

import (
	"context"
	"errors"
	"runtime"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/gilscope/gilscope/internal/worker"
	"github.com/gilscope/gilscope/vm/machine"
)

// maxUnplayedEvents bounds the events a live run may simulate ahead of what
// the session has sent; beyond it the simulation waits (backpressure).
const maxUnplayedEvents = 1 << 16

// maxTraceEvents bounds the instr events one trace window keeps; a window
// that would hold more is cut short.
const maxTraceEvents = 1 << 18

// liveRun is a simulation running in its own goroutine for a session. Its
// methods are safe for concurrent use.
type liveRun struct {
	id     int
	wl     workload
	ctx    context.Context
	cancel context.CancelCauseFunc
	// progress receives a token (it holds at most one) whenever the log
	// grows or the run ends.
	progress chan struct{}
	done     chan struct{} // closed when the simulation has ended
	space    chan struct{} // a token when the session has consumed events

	mu       sync.Mutex
	events   []machine.Event // every event so far, in time order; never changed once appended
	arrivals []arrival       // when each batch arrived, for the latency measurement
	upTo     int64           // the simulation is complete before upTo (ns)
	consumed int             // events the session has sent
	limit    error           // the limit that stopped the run, if one did
	srv      *Server
	released bool                // stop has given its events back to srv.heldEvents
	code     []worker.CodeObject // the program's listing, once the runner has compiled it

	// held says whether the simulation holds a run slot; only the
	// simulation's goroutine (simulate and the Handler methods) touches it.
	held bool

	// Set before done is closed.
	res            *machine.Result
	stdout, stderr string
	failed         *apiError // the run could not start (busy) or crashed
}

// arrival says that the events from index on arrived at at.
type arrival struct {
	index int
	at    time.Time
}

// startLiveRun starts simulating wl under parent.
func startLiveRun(s *Server, parent context.Context, id int, wl workload) *liveRun {
	ctx, cancel := context.WithCancelCause(parent)
	r := &liveRun{id: id, wl: wl, ctx: ctx, cancel: cancel, progress: make(chan struct{}, 1),
		done: make(chan struct{}), space: make(chan struct{}, 1), srv: s}
	go r.simulate(s)
	return r
}

// stop ends the simulation, waits until it has, and gives back the events it
// held to the server's budget (the session drops the run).
func (r *liveRun) stop() {
	r.cancel(errors.New("the run was replaced or the session ended"))
	<-r.done
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.released {
		r.released = true
		r.srv.heldEvents.Add(-int64(len(r.events)))
	}
}

func (r *liveRun) notify() {
	select {
	case r.progress <- struct{}{}:
	default:
	}
}

// simulate runs the simulation, holding a run slot while it works.
func (r *liveRun) simulate(s *Server) {
	defer r.notify()
	defer close(r.done)
	if err := s.runs.acquire(r.ctx, runQueueWait); err != nil {
		if errors.Is(err, errBusy) {
			r.failed = &apiError{Message: err.Error(), Kind: "busy", RetryAfter: retryAfter.Seconds()}
		}
		return
	}
	r.held = true
	defer func() {
		if r.held {
			s.runs.release(r.ctx)
		}
	}()
	start := time.Now()
	out, err := s.simulate(r.ctx, job(&r.wl, true), r)
	switch {
	case err != nil:
		r.failed = &errInternal
		return
	case out.Syntax != nil:
		r.failed = syntaxError(out.Syntax)
		return
	}
	r.res, r.stdout, r.stderr = out.Result, out.Stdout, out.Stderr
	r.mu.Lock()
	if cap(r.events) > len(r.events)+len(r.events)/8 { // the log is kept for seeks: give back what append reserved
		r.events = slices.Clone(r.events)
	}
	n := len(r.events)
	r.mu.Unlock()
	s.metrics.run("live", r.res.End, r.res.EndTime, r.res.Instructions, int64(n), time.Since(start))
}

// Listing keeps the program's code listing, which the session sends before
// any event.
func (r *liveRun) Listing(code []worker.CodeObject) {
	r.mu.Lock()
	r.code = code
	r.mu.Unlock()
	r.notify()
}

// Events appends a batch to the log, stops the run at a limit (cpu is the
// host CPU time the run has used), and waits, without its run slot, while
// the session is too far behind.
func (r *liveRun) Events(batch []machine.Event, upTo int64, cpu time.Duration) error {
	runtime.Gosched() // let the sessions' goroutines send what is ready
	if err := r.add(batch, upTo, cpu > r.srv.cpuLimit); err != nil {
		return err
	}
	if !r.mustWait() {
		return nil
	}
	if r.held { // waiting for the browser is not working
		r.srv.runs.release(r.ctx)
		r.held = false
	}
	if err := r.waitForSpace(); err != nil {
		return err
	}
	if err := r.srv.runs.acquire(r.ctx, 0); err != nil {
		return err
	}
	r.held = true
	return nil
}

// add appends a batch to the log, or returns the limit the run has reached.
// A batch that crosses the server's event budget is kept up to it. After a
// limit the machine still hands out its last events; of those only the end
// and the machine's own messages (why it stopped) are kept.
func (r *liveRun) add(batch []machine.Event, upTo int64, overCPU bool) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.limit != nil {
		batch = endOnly(batch)
	} else {
		switch room := r.srv.heldBudget - r.srv.heldEvents.Load(); {
		case overCPU:
			r.limit = errCPULimit
		case len(r.events)+len(batch) > maxRunEvents:
			r.limit = errEventLimit
		case int64(len(batch)) > room:
			r.limit = errServerEvents
			batch = batch[:max(room, 0)]
		}
	}
	if len(batch) > 0 {
		r.arrivals = append(r.arrivals, arrival{index: len(r.events), at: time.Now()})
		r.events = append(r.events, batch...)
		if !r.released { // the log only grows: it holds len(r.events) of the budget
			r.srv.heldEvents.Add(int64(len(batch)))
		}
	}
	r.upTo = max(r.upTo, upTo)
	r.notify()
	return r.limit
}

// endOnly keeps the events that end a run: the end itself and the machine's
// own messages (output of no thread).
func endOnly(batch []machine.Event) []machine.Event {
	var out []machine.Event
	for _, e := range batch {
		if e.Kind == machine.EvEnd || (e.Kind == machine.EvOutput && e.Thread == 0) {
			out = append(out, e)
		}
	}
	return out
}

func (r *liveRun) mustWait() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.limit == nil && len(r.events)-r.consumed > maxUnplayedEvents
}

// waitForSpace waits until the session has consumed enough of the log.
func (r *liveRun) waitForSpace() error {
	for r.mustWait() {
		select {
		case <-r.space:
		case <-r.ctx.Done():
			return context.Cause(r.ctx)
		}
	}
	return nil
}

// consume records that the session has sent the first n events.
func (r *liveRun) consume(n int) {
	r.mu.Lock()
	r.consumed = max(r.consumed, n)
	r.mu.Unlock()
	select {
	case r.space <- struct{}{}:
	default:
	}
}

// runSnapshot is a consistent view of a live run.
type runSnapshot struct {
	events []machine.Event
	upTo   int64
	done   bool
	end    int64 // when done: the run's end time + 1, the end of its last events message
}

func (r *liveRun) snapshot() runSnapshot {
	var sn runSnapshot
	select {
	case <-r.done:
		sn.done = true
	default:
	}
	r.mu.Lock()
	sn.events, sn.upTo = r.events, r.upTo
	r.mu.Unlock()
	if sn.done {
		sn.end = sn.upTo
		if r.res != nil {
			sn.end = max(sn.end, r.res.EndTime+1)
		}
		if n := len(sn.events); n > 0 {
			sn.end = max(sn.end, sn.events[n-1].T+1)
		}
	}
	return sn
}

// listing returns the program's code listing, or nil until the runner has
// compiled it.
func (r *liveRun) listing() []worker.CodeObject {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.code
}

// bornAt returns when event i arrived from the simulation.
func (r *liveRun) bornAt(i int) time.Time {
	r.mu.Lock()
	defer r.mu.Unlock()
	k := sort.Search(len(r.arrivals), func(k int) bool { return r.arrivals[k].index > i }) - 1
	if k < 0 {
		return time.Time{}
	}
	return r.arrivals[k].at
}

// summary returns how the run ended. Call it once done is closed.
func (r *liveRun) summary() summary {
	res := *r.res
	r.mu.Lock()
	res.Events = r.events
	limit := r.limit
	r.mu.Unlock()
	sum := summary{ExitCode: res.ExitCode, End: res.End, EndTime: res.EndTime, Stdout: r.stdout, Stderr: r.stderr,
		Stats: machine.ComputeStats(&res), Threads: []threadInfo{}, Cores: res.Cores, Model: res.Model}
	for _, th := range res.Threads {
		sum.Threads = append(sum.Threads, threadInfo{ID: th.ID, Name: th.Name})
	}
	if limit != nil {
		sum.Limit = "the run was stopped: " + limit.Error()
	}
	return sum
}

// errTraceDone stops a trace that has covered its window.
var errTraceDone = errors.New("the instruction window is complete")

// instrTrace re-simulates a run with every instruction in [from, to)
// recorded: determinism makes it the played run, traced. Its methods are
// safe for concurrent use.
type instrTrace struct {
	from     int64
	cancel   context.CancelFunc
	progress chan struct{} // a token whenever cover moves
	done     chan struct{}

	mu     sync.Mutex
	to     int64           // the window's end; lowered when the window is cut short
	cover  int64           // instr events are complete in [from, cover)
	events []machine.Event // the instr events in [from, cover), in time order
}

// startTrace starts tracing wl's instructions in [from, to).
func startTrace(s *Server, parent context.Context, wl workload, from, to int64) *instrTrace {
	ctx, cancel := context.WithTimeoutCause(parent, s.cpuLimit, errCPULimit)
	t := &instrTrace{from: from, to: to, cover: from, cancel: cancel,
		progress: make(chan struct{}, 1), done: make(chan struct{})}
	go t.simulate(s, ctx, wl)
	return t
}

func (t *instrTrace) stop() {
	t.cancel()
	<-t.done
}

func (t *instrTrace) notify() {
	select {
	case t.progress <- struct{}{}:
	default:
	}
}

func (t *instrTrace) simulate(s *Server, ctx context.Context, wl workload) {
	defer t.notify()
	defer close(t.done)
	if s.runs.acquire(ctx, 0) != nil {
		t.finish(false)
		return
	}
	defer s.runs.release(ctx)
	j := job(&wl, false)
	j.Instructions = [2]float64{float64(t.from) / 1e9, float64(t.to) / 1e9}
	start := time.Now()
	out, err := s.simulate(ctx, j, t)
	ok := err == nil && out.Syntax == nil
	if ok {
		s.metrics.run("trace", out.Result.End, out.Result.EndTime, out.Result.Instructions, 0, time.Since(start))
	}
	t.finish(ok && ctx.Err() == nil)
}

// Listing is not asked for: the played run has sent it.
func (t *instrTrace) Listing([]worker.CodeObject) {}

// Events keeps a batch's instr events in the window.
func (t *instrTrace) Events(batch []machine.Event, upTo int64, _ time.Duration) error {
	return t.add(batch, upTo)
}

// add keeps a batch's instr events in the window.
func (t *instrTrace) add(batch []machine.Event, upTo int64) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	defer t.notify()
	for _, e := range batch {
		if e.Kind == machine.EvInstr && e.T >= t.from && e.T < t.to {
			t.events = append(t.events, e)
		}
	}
	t.cover = max(t.cover, min(upTo, t.to))
	switch {
	case t.cover >= t.to:
		return errTraceDone
	case len(t.events) > maxTraceEvents:
		t.to = t.cover // cut the window short: the next one starts here
		return errTraceDone
	}
	return nil
}

// finish marks the window covered: the program ended inside it, or the
// trace failed (then the window is empty rather than stalling playback).
func (t *instrTrace) finish(ok bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if !ok && t.cover < t.to {
		t.to = max(t.cover, t.from)
	}
	t.cover = t.to
}

// snapshot returns the window's events, its end and how far it is complete.
func (t *instrTrace) snapshot() (events []machine.Event, to, cover int64) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.events, t.to, t.cover
}
