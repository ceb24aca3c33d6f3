// cache.go defines the run cache: a run is a pure function of its workload
// and the simulator's version, so its event log is simulated once and shared.
// runLog is one simulation's log, growing while it runs and immutable once
// appended to; runCache indexes the logs by key, counts who reads each, and
// keeps the finished ones nobody reads, least recently used first out, within
// maxCacheBytes. A live session (liverun.go) or an /api/run (api_run.go) whose
// workload was asked for before reads the same log, finished or still growing.

package server

import (
	"container/list"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"math"
	"slices"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	"github.com/gilscope/gilscope/internal/worker"
	"github.com/gilscope/gilscope/vm/machine"
	"github.com/gilscope/gilscope/vm/trace"
)

// maxCacheBytes bounds the finished logs the run cache keeps (about 100
// bytes an event): those nobody reads are dropped, least recently used
// first, beyond it. Logs being read are never dropped; they are bounded by
// maxHeldEvents with every other log.
const maxCacheBytes = 256 << 20

// errUnwanted stops a simulation whose last reader has gone: its partial log
// is dropped, never served as a run.
var errUnwanted = errors.New("the run was replaced or the session ended")

// runKey identifies a run: the hash of its workload, normalized, and the
// simulator's version.
type runKey [sha256.Size]byte

// runKeyOf returns the key of wl's run. window is an instruction window (in
// seconds, as worker.Job has it): [0, 0] for a run without one.
func runKeyOf(wl *workload, window [2]float64) runKey {
	h := sha256.New()
	field := func(b []byte) { // length-prefixed, so no two workloads give one stream
		var n [8]byte
		binary.LittleEndian.PutUint64(n[:], uint64(len(b)))
		h.Write(n[:])
		h.Write(b)
	}
	number := func(x uint64) {
		var n [8]byte
		binary.LittleEndian.PutUint64(n[:], x)
		field(n[:])
	}
	field([]byte(machine.SimulatorVersion))
	field([]byte(programFile))
	field([]byte(wl.Source))
	field([]byte(wl.Model))
	number(uint64(wl.Cores))
	number(uint64(wl.Seed))
	number(math.Float64bits(wl.SwitchInterval))
	number(math.Float64bits(wl.MaxTime))
	number(math.Float64bits(window[0]))
	number(math.Float64bits(window[1]))
	var k runKey
	h.Sum(k[:0])
	return k
}

// runCache indexes the run logs by key. Its methods are safe for concurrent
// use.
type runCache struct {
	srv   *Server
	limit int64 // maxCacheBytes; tests lower it
	// off makes every open a simulation of its own, shared with nobody
	// (the load benchmark's baseline).
	off bool

	mu    sync.Mutex
	index map[runKey]cached
	idle  *list.List // finished, reusable entries nobody reads; the front was read last
	bytes int64      // the finished entries in index

	runs, traces cacheCounts // opens of run logs and of traces
	evictions    atomic.Int64
}

// cacheCounts counts the opens that found their entry (hits) and those that
// started a simulation (misses).
type cacheCounts struct{ hits, misses atomic.Int64 }

// cached is what the cache holds: a simulation (a run's log, or an
// instruction window's trace) and what it has produced so far.
type cached interface {
	entry() *cacheEntry
	// simulate runs the simulation, closing the entry's done at its end.
	simulate()
	// reusable reports, once done, whether the result is the workload's,
	// to be served to whoever asks for it.
	reusable() bool
	// size estimates the bytes the result keeps.
	size() int64
	// drop lets the result go: nobody reads it and the cache does not keep it.
	drop()
}

// cacheEntry is the cache's bookkeeping of one cached simulation.
type cacheEntry struct {
	key     runKey
	cancel  context.CancelCauseFunc
	done    chan struct{} // closed when the simulation has ended
	settled chan struct{} // closed when the cache has been told

	// Guarded by the cache's mu.
	refs    int
	indexed bool          // in the index: open may return it
	over    bool          // the cache has been told the simulation ended
	elem    *list.Element // in the idle list
	bytes   int64         // size, once over and indexed
}

func (e *cacheEntry) entry() *cacheEntry { return e }

func newRunCache(s *Server, limit int64) *runCache {
	return &runCache{srv: s, limit: limit, index: map[runKey]cached{}, idle: list.New()}
}

// open returns the log of wl's run, holding a reference to it, and whether it
// was there already (a hit); on a miss it starts the simulation, which takes
// its run slot under parent's client address but is not stopped by parent:
// it ends when it is done, or when its last reader closes it. kind names
// the runs in the metrics ("live", "api"). Close the log when done with it.
func (c *runCache) open(parent context.Context, wl workload, kind string) (*runLog, bool) {
	x, hit := c.get(parent, runKeyOf(&wl, [2]float64{}), &c.runs, func(ctx context.Context) cached {
		return &runLog{wl: wl, kind: kind, srv: c.srv, cache: c, simCtx: ctx,
			subscribers: subscribers{subs: map[chan struct{}]struct{}{}}}
	})
	return x.(*runLog), hit
}

// get returns the entry of key with a reference held, making it with
// newEntry (and starting its simulation, under a context of its own that
// keeps parent's values but not its end) on a miss, counted in counts.
func (c *runCache) get(parent context.Context, key runKey, counts *cacheCounts, newEntry func(context.Context) cached) (cached, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if x := c.index[key]; x != nil && !c.off {
		e := x.entry()
		if e.elem != nil {
			c.idle.Remove(e.elem)
			e.elem = nil
		}
		e.refs++
		counts.hits.Add(1)
		return x, true
	}
	counts.misses.Add(1)
	ctx, cancel := context.WithCancelCause(context.WithoutCancel(parent))
	x := newEntry(ctx)
	e := x.entry()
	e.key, e.cancel, e.done, e.settled = key, cancel, make(chan struct{}), make(chan struct{})
	e.refs, e.indexed = 1, !c.off
	if e.indexed {
		c.index[key] = x
	}
	go func() {
		x.simulate()
		c.finished(x)
	}()
	return x, false
}

// close drops a reference to x. The last reader of a simulation still
// working stops it and waits for it: the partial result leaves the index,
// so it is never taken for the whole.
func (c *runCache) close(x cached) {
	e := x.entry()
	c.mu.Lock()
	if e.refs--; e.refs > 0 {
		c.mu.Unlock()
		return
	}
	if !e.over {
		select {
		case <-e.done: // finished is about to park it
		default:
			e.cancel(errUnwanted)
			c.unindex(x)
		}
		c.mu.Unlock()
		<-e.settled
		return
	}
	c.park(x)
	c.mu.Unlock()
}

// finished is told that x's simulation has ended. A result that is not the
// workload's (stopped early, failed, cut by the server's event budget)
// leaves the index at once; the readers it has keep it.
func (c *runCache) finished(x cached) {
	e := x.entry()
	c.mu.Lock()
	defer c.mu.Unlock()
	defer close(e.settled)
	if !x.reusable() {
		c.unindex(x)
	}
	e.over = true
	if e.indexed {
		e.bytes = x.size()
		c.bytes += e.bytes
	}
	if e.refs == 0 {
		c.park(x)
	} else {
		c.evict()
	}
}

// park keeps a finished entry nobody reads, if it is indexed, and drops it
// otherwise; then it evicts beyond the limit. Call with mu held.
func (c *runCache) park(x cached) {
	if !x.entry().indexed {
		x.drop()
		return
	}
	x.entry().elem = c.idle.PushFront(x)
	c.evict()
}

// evict drops the least recently used idle entries while the finished ones
// take more than the limit. Call with mu held.
func (c *runCache) evict() {
	for c.bytes > c.limit && c.idle.Len() > 0 {
		x := c.idle.Remove(c.idle.Back()).(cached)
		x.entry().elem = nil
		c.unindex(x)
		x.drop()
		c.evictions.Add(1)
	}
}

// unindex takes x out of the index: nobody will open it again. Call with mu
// held.
func (c *runCache) unindex(x cached) {
	e := x.entry()
	if !e.indexed {
		return
	}
	e.indexed = false
	if c.index[e.key] == x {
		delete(c.index, e.key)
	}
	if e.over {
		c.bytes -= e.bytes
	}
}

// stats returns the entries in the index and the bytes of the finished ones.
func (c *runCache) stats() (entries int, bytes int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.index), c.bytes
}

// runLog is one simulation and its event log, shared by its readers. Its
// methods are safe for concurrent use; the events a snapshot returns are
// never changed.
type runLog struct {
	cacheEntry
	wl     workload
	kind   string
	srv    *Server
	cache  *runCache
	simCtx context.Context // the simulation's own

	subscribers // told whenever the log grows or the run ends

	mu       sync.Mutex
	space    chan struct{}       // (lazily made) a token when a reader has consumed events
	events   eventLog            // every event so far, in time order; never changed once appended
	arrivals []arrival           // when each batch arrived, for the latency measurement
	upTo     trace.Time          // the simulation is complete before upTo
	consumed int                 // the most events any reader has sent on
	limit    error               // the limit that stopped the run, if one did
	released bool                // drop has given its events back to srv.heldEvents
	code     []worker.CodeObject // the program's listing, once the runner has compiled it
	live     int                 // the live sessions reading the log
	views    []*sharedEvents     // while live > 0: the log encoded at the resolutions they read
	stats    *sharedStats        // while live > 0: the statistics they share
	uses     uint64              // the views asked for, to find the least recently used

	// held says whether the simulation holds a run slot; only the
	// simulation's goroutine (simulate and the Handler methods) touches it.
	held bool
	// started is set once the simulation has had a run slot, for readers.
	started atomic.Bool

	// Set before done is closed.
	res            *machine.Result
	stdout, stderr string
	failed         *apiError // the run could not start (busy) or crashed
	busy           error     // the run slot's error, when failed is busy
	cut            bool      // the simulation was stopped from outside

	sumOnce sync.Once
	sum     summary
}

// arrival says that the events from index on arrived at at.
type arrival struct {
	index int
	at    time.Time
}

// reusable reports whether the finished log is the run's, to be served to
// whoever asks for the workload: the simulation ended by itself or at a
// limit of the run's own (its events, its CPU time), not because nobody
// wanted it, the server was busy or full, or the simulator failed.
func (l *runLog) reusable() bool {
	l.mu.Lock()
	limit := l.limit
	l.mu.Unlock()
	return l.failed == nil && !l.cut && !errors.Is(limit, errServerEvents)
}

// size estimates the bytes l keeps.
func (l *runLog) size() int64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := int64(l.events.Len())*int64(unsafe.Sizeof(machine.Event{})) + int64(len(l.stdout)+len(l.stderr)+len(l.wl.Source))
	for p := range l.events.Pieces() {
		for i := range p {
			n += int64(p[i].HeldBytes())
		}
	}
	for _, c := range l.code {
		n += 256 + int64(len(c.Instructions))*64
	}
	return n
}

// drop gives l's events back to the server's budget: nobody reads it and
// the cache has let it go.
func (l *runLog) drop() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.released {
		l.released = true
		l.srv.heldEvents.Add(-int64(l.events.Len()))
	}
}

// subscribers are the channels told when a simulation makes progress.
type subscribers struct {
	mu   sync.Mutex
	subs map[chan struct{}]struct{}
}

// subscribe returns a channel that receives a token (it holds at most one)
// whenever there is progress.
func (s *subscribers) subscribe() chan struct{} {
	ch := make(chan struct{}, 1)
	ch <- struct{}{} // whatever is there already is news to the reader
	s.mu.Lock()
	s.subs[ch] = struct{}{}
	s.mu.Unlock()
	return ch
}

func (s *subscribers) unsubscribe(ch chan struct{}) {
	s.mu.Lock()
	delete(s.subs, ch)
	s.mu.Unlock()
}

// notify tells every subscriber.
func (s *subscribers) notify() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for ch := range s.subs {
		select {
		case ch <- struct{}{}:
		default:
		}
	}
}

// simulate runs the simulation, holding a run slot while it works, and tells
// the cache when it has ended.
func (l *runLog) simulate() {
	s := l.srv
	defer l.notify()
	defer close(l.done)
	if err := s.runs.acquire(l.simCtx, s.queueWait); err != nil {
		l.busy, l.cut = err, true
		if errors.Is(err, errBusy) {
			l.failed = &apiError{Message: err.Error(), Kind: "busy", RetryAfter: retryAfter.Seconds()}
		}
		return
	}
	l.held = true
	l.started.Store(true)
	defer func() {
		if l.held {
			s.runs.release(l.simCtx)
		}
	}()
	start := time.Now()
	out, err := s.simulate(l.simCtx, job(&l.wl, true), l)
	l.cut = l.simCtx.Err() != nil
	switch {
	case err != nil:
		l.failed = &errInternal
		return
	case out.Syntax != nil:
		l.failed = syntaxError(out.Syntax)
		return
	}
	l.res, l.stdout, l.stderr = out.Result, out.Stdout, out.Stderr
	l.mu.Lock()
	l.events.trim() // the log is kept for seeks: give back what its last chunk reserved
	n := l.events.Len()
	l.mu.Unlock()
	s.metrics.run(l.kind, l.res.End, int64(l.res.EndTime), l.res.Instructions, int64(n), time.Since(start))
}

// Listing keeps the program's code listing, which a session sends before
// any event.
func (l *runLog) Listing(code []worker.CodeObject) {
	l.mu.Lock()
	l.code = code
	l.notify()
	l.mu.Unlock()
}

// Events appends a batch to the log, stops the run at a limit (cpu is the
// host CPU time the run has used), and waits, without its run slot, while
// every reader is too far behind.
func (l *runLog) Events(batch []machine.Event, upTo trace.Time, cpu time.Duration) error {
	if err := l.add(batch, upTo, cpu > l.srv.cpuLimit, time.Now()); err != nil {
		return err
	}
	if !l.mustWait() {
		return nil
	}
	if l.held { // waiting for the browser is not working
		l.srv.runs.release(l.simCtx)
		l.held = false
	}
	if err := l.waitForSpace(); err != nil {
		return err
	}
	if err := l.srv.runs.acquire(l.simCtx, 0); err != nil {
		return err
	}
	l.held = true
	return nil
}

// stopRunning stops a simulation that has started, at limit: an /api/run
// that has waited as long as an answer may (a loaded server's runs take
// longer in wall time than in CPU time). The run ends "stopped" with the
// limit, and is not kept for others (it was cut from outside); a live
// session reading the same log at that moment sees it stopped too. It
// reports whether the run had started.
func (l *runLog) stopRunning(limit error) bool {
	started := l.started.Load()
	l.mu.Lock()
	if started && l.limit == nil {
		l.limit = limit
	}
	l.mu.Unlock()
	if started {
		l.cancel(limit)
	}
	return started
}

// add appends a batch that arrived at arrived to the log, or returns the
// limit the run has reached.
// A batch that crosses the server's event budget is kept up to it. After a
// limit the machine still hands out its last events; of those only the end
// and the machine's own messages (why it stopped) are kept.
func (l *runLog) add(batch []machine.Event, upTo trace.Time, overCPU bool, arrived time.Time) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.limit != nil {
		batch = endOnly(batch)
	} else {
		switch room := l.srv.heldBudget - l.srv.heldEvents.Load(); {
		case overCPU:
			l.limit = errCPULimit
		case l.events.Len()+len(batch) > maxLogEvents:
			l.limit = errEventLimit
		case int64(len(batch)) > room:
			l.limit = errServerEvents
			batch = batch[:max(room, 0)]
		}
	}
	if len(batch) > 0 {
		l.arrivals = append(l.arrivals, arrival{index: l.events.Len(), at: arrived})
		l.events.append(batch)
		if !l.released { // the log only grows: it holds its length of the budget
			l.srv.heldEvents.Add(int64(len(batch)))
		}
	}
	l.upTo = max(l.upTo, upTo)
	l.notify()
	return l.limit
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

func (l *runLog) mustWait() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.limit == nil && l.events.Len()-l.consumed > maxUnplayedEvents
}

// waitForSpace waits until a reader has consumed enough of the log.
func (l *runLog) waitForSpace() error {
	l.mu.Lock()
	if l.space == nil {
		l.space = make(chan struct{}, 1)
	}
	space := l.space
	l.mu.Unlock()
	for l.mustWait() {
		select {
		case <-space:
		case <-l.simCtx.Done():
			return context.Cause(l.simCtx)
		}
	}
	return nil
}

// consume records that a reader has sent on the first n events: the
// simulation may run maxUnplayedEvents ahead of the reader furthest on.
func (l *runLog) consume(n int) {
	l.mu.Lock()
	if n <= l.consumed {
		l.mu.Unlock()
		return
	}
	l.consumed = n
	space := l.space
	l.mu.Unlock()
	if space != nil {
		select {
		case space <- struct{}{}:
		default:
		}
	}
}

// runSnapshot is a consistent view of a run log.
type runSnapshot struct {
	events eventLog
	upTo   trace.Time
	done   bool
	end    trace.Time // when done: the run's end time + 1, the end of its last events message
}

func (l *runLog) snapshot() runSnapshot {
	var sn runSnapshot
	select {
	case <-l.done:
		sn.done = true
	default:
	}
	l.mu.Lock()
	sn.events, sn.upTo = l.events, l.upTo
	l.mu.Unlock()
	if sn.done {
		sn.end = sn.upTo
		if l.res != nil {
			sn.end = max(sn.end, l.res.EndTime+1)
		}
		if n := sn.events.Len(); n > 0 {
			sn.end = max(sn.end, sn.events.At(n-1).T+1)
		}
	}
	return sn
}

// listing returns the program's code listing, or nil until the runner has
// compiled it.
func (l *runLog) listing() []worker.CodeObject {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.code
}

// bornAt returns when event i arrived from the simulation.
func (l *runLog) bornAt(i int) time.Time {
	l.mu.Lock()
	defer l.mu.Unlock()
	k, _ := slices.BinarySearchFunc(l.arrivals, i+1, func(a arrival, i int) int { return a.index - i })
	if k--; k < 0 {
		return time.Time{}
	}
	return l.arrivals[k].at
}

// summary returns how the run ended, computed once for all its readers.
// Call it once done is closed and failed is nil.
func (l *runLog) summary() summary {
	l.sumOnce.Do(func() {
		res := l.res
		l.mu.Lock()
		events, limit := l.events, l.limit
		l.mu.Unlock()
		acc := trace.NewStatsAccumulator(res.Model, res.Cores) // ComputeStats without a flat copy of the log
		for p := range events.Pieces() {
			for i := range p {
				acc.Add(p[i])
			}
		}
		sum := summary{ExitCode: res.ExitCode, End: res.End, EndTime: res.EndTime, Stdout: l.stdout, Stderr: l.stderr,
			Stats: acc.Stats(res.EndTime, res.Threads), Threads: []threadInfo{}, Cores: res.Cores, Model: res.Model}
		for _, th := range res.Threads {
			sum.Threads = append(sum.Threads, threadInfo{ID: th.ID, Name: th.Name})
		}
		if limit == nil && res.End == "max-events" { // the simulator stopped it at maxRunEvents
			limit = errEventLimit
		}
		if limit != nil {
			sum.Limit = "the run was stopped: " + limit.Error()
		}
		l.sum = sum
	})
	return l.sum
}

// runShared answers an /api/run from the workload's shared log, simulating
// it if it is not in the cache. It returns the answer; or the error to
// answer; or busy, when no run slot came free (or the run took too long to
// finish); or nothing at all when the events were asked for and the run makes more than an answer
// holds, which runToEnd then stops where they no longer fit.
func (s *Server) runShared(ctx context.Context, wl *workload, withEvents bool) (resp *runResponse, e *apiError, busy error) {
	ctx, cancel := context.WithTimeoutCause(ctx, s.queueWait+s.cpuLimit+runWallSlack, errBusy)
	defer cancel()
	l, _ := s.cache.open(ctx, *wl, "api")
	defer s.cache.close(l)
	l.consume(math.MaxInt) // an answer reads the whole run: never wait for it
	select {
	case <-l.done:
	case <-ctx.Done():
		if !l.stopRunning(errWallLimit) { // it never got a run slot
			return nil, nil, context.Cause(ctx)
		}
		select { // stopped: it reports within the worker's kill grace
		case <-l.done:
		case <-time.After(runStopWait):
			return nil, nil, context.Cause(ctx)
		}
	}
	switch {
	case l.busy != nil:
		return nil, nil, l.busy
	case l.failed != nil:
		return nil, l.failed, nil
	}
	sn := l.snapshot()
	if withEvents && sn.events.Len() > maxAnswerEvents {
		return nil, nil, nil
	}
	sum := l.summary()
	resp = &runResponse{Stdout: sum.Stdout, Stderr: sum.Stderr, ExitCode: sum.ExitCode, End: sum.End,
		EndTime: sum.EndTime, Limit: sum.Limit, Stats: sum.Stats}
	if sum.Limit != "" {
		s.metrics.error("limit")
	}
	if withEvents {
		resp.Events = sn.events.Flat()
	}
	return resp, nil, nil
}
