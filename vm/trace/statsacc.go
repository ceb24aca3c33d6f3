// This file defines StatsAccumulator, which computes a run's Stats incrementally:
// it consumes events in time order and reports, at any point, the statistics of the
// events it has consumed, exactly as ComputeStats reports them for that prefix. A
// live session uses it to show the statistics at the playhead without going over
// the whole run again at every step.

package trace

import (
	"cmp"
	"math"
	"slices"
	"sort"
)

// statsMarkEvery is how many events apart a StatsAccumulator saves its state, so
// that Rewind goes back at most that many events.
const statsMarkEvery = 1 << 16

// StatsAccumulator computes the Stats of a growing prefix of a run's events. Add
// takes the events in time order; Stats(end, threads) equals ComputeStats of a
// Result with the events added so far, EndTime end and Threads threads. Rewind goes
// back to an earlier prefix. It is not safe for concurrent use.
type StatsAccumulator struct {
	model     string
	cores     int
	markEvery int
	marks     []statsState // marks[i] is the state after i·markEvery events
	st        statsState
}

// statsState is everything a StatsAccumulator knows after some events. Its sample
// logs only grow, so a copy (clone) shares them safely.
type statsState struct {
	n        int  // events added
	last     Time // the time of the last event added
	drops    int
	forced   int
	futile   int
	acquires int
	switches int
	threads  map[int32]*threadAcc
	gils     map[uint64]*gilAcc
	holds    *samples            // every completed GIL tenure
	blocked  map[string]*samples // completed blocking calls by reason
	untilGIL map[string]*samples // from a blocking call to running with the GIL
	untilRun map[string]*samples // from a blocking call to running at all
}

// threadAcc is what the accumulator keeps of one thread.
type threadAcc struct {
	name    string
	named   bool
	done    bool
	open    Span // the state span still open, if isOpen
	isOpen  bool
	spans   bool                    // a span of positive length has been closed
	total   [StateDone + 1]Duration // closed span time by state
	outside Duration                // closed waits for the outside world
	// lastBlocked is the last span closed, when it is a blocked one: it counts as a
	// completed call once another span follows it.
	lastBlocked *Span
	// waitGIL and waitRun are the blocking calls whose thread has not run since
	// (holding the GIL, or at all).
	waitGIL, waitRun []Span
	holds            *samples // completed GIL tenures
}

// gilAcc is what the accumulator keeps of one GIL: the hold in progress and the
// tenure it belongs to.
type gilAcc struct {
	held      bool  // a hold is open
	holder    int32 // its thread
	last      int32 // the thread of the latest acquire
	tenure    HoldSpan
	hasTenure bool // a tenure is open or may go on (its last hold ended "interval")
}

// NewStatsAccumulator returns an accumulator for a run of the given model and
// cores, with no events added.
func NewStatsAccumulator(model string, cores int) *StatsAccumulator {
	a := &StatsAccumulator{model: model, cores: cores, markEvery: statsMarkEvery}
	a.st = newStatsState()
	a.marks = []statsState{a.st.clone()}
	return a
}

func newStatsState() statsState {
	return statsState{threads: map[int32]*threadAcc{}, gils: map[uint64]*gilAcc{}, holds: &samples{},
		blocked: map[string]*samples{}, untilGIL: map[string]*samples{}, untilRun: map[string]*samples{}}
}

// Len returns the number of events added.
func (a *StatsAccumulator) Len() int { return a.st.n }

// Rewind goes back to a state with at most n events added and returns how many
// are: a saved state at most statsMarkEvery events before n, or n itself if no
// more than n have been added. Add the events from there on again.
func (a *StatsAccumulator) Rewind(n int) int {
	if n >= a.st.n {
		return a.st.n
	}
	i := min(max(n, 0)/a.markEvery, len(a.marks)-1)
	a.st = a.marks[i].clone()
	a.marks = a.marks[:i+1]
	return a.st.n
}

// Add adds the next event; events come in time order.
func (a *StatsAccumulator) Add(e Event) {
	s := &a.st
	s.n++
	s.last = e.T
	switch e.Kind {
	case EvThreadState:
		s.state(e)
	case EvThreadStart:
		th := s.thread(e.Thread)
		th.name, th.named = e.ThreadStart().Name, true
	case EvGILAcquire:
		s.acquire(e)
	case EvGILRelease:
		s.release(e)
	case EvDropRequest:
		s.drops++
	case EvForcedSwitch:
		s.forced++
	case EvFutileWakeup:
		s.futile++
	}
	if s.n%a.markEvery == 0 && s.n/a.markEvery == len(a.marks) {
		a.marks = append(a.marks, s.clone())
	}
}

func (s *statsState) thread(id int32) *threadAcc {
	th := s.threads[id]
	if th == nil {
		th = &threadAcc{holds: &samples{}}
		s.threads[id] = th
	}
	return th
}

// state follows threadSpans: a repeated state continues the span, a thread's
// history stops at done.
func (s *statsState) state(e Event) {
	th := s.thread(e.Thread)
	if th.done {
		return
	}
	next := stateSpan(e)
	if th.isOpen && sameState(th.open, next) {
		return
	}
	if th.isOpen {
		sp := th.open
		sp.End = e.T
		s.close(th, sp)
	}
	th.open, th.isOpen = next, next.State != StateDone
	th.done = next.State == StateDone
}

// close accounts a closed span; empty spans are dropped, as threadSpans drops them.
func (s *statsState) close(th *threadAcc, sp Span) {
	if sp.End <= sp.Start {
		return
	}
	th.spans = true
	th.total[sp.State] += sp.Dur()
	if waitsOutside(sp) {
		th.outside += sp.Dur()
	}
	if b := th.lastBlocked; b != nil {
		addSample(s.blocked, b.Reason, b.Dur())
		th.lastBlocked = nil
	}
	s.resolveWaits(th, sp)
	if sp.State == StateBlocked {
		b := sp
		th.lastBlocked = &b
		th.waitGIL = append(th.waitGIL, sp)
		th.waitRun = append(th.waitRun, sp)
	}
}

// resolveWaits ends the blocking calls' waits that span sp ends: those for running
// with the GIL if it runs with the GIL, those for running at all if it runs.
func (s *statsState) resolveWaits(th *threadAcc, sp Span) {
	if sp.State == StateRunningGIL {
		for _, b := range th.waitGIL {
			addSample(s.untilGIL, b.Reason, sp.Start.Sub(b.Start))
		}
		th.waitGIL = nil
	}
	if runsOnCore(sp.State) {
		for _, b := range th.waitRun {
			addSample(s.untilRun, b.Reason, sp.Start.Sub(b.Start))
		}
		th.waitRun = nil
	}
}

// acquire follows gilSpans and tenures: an acquire of a held GIL closes the hold;
// the same thread re-acquiring after an "interval" release goes on with its tenure.
func (s *statsState) acquire(e Event) {
	gil := e.GILAcquire().GIL
	g := s.gils[gil]
	if g == nil {
		g = &gilAcc{}
		s.gils[gil] = g
	} else if e.Thread != g.last {
		s.switches++
	}
	s.acquires++
	if g.held { // an invalid stream: the hold ends here, with no reason
		g.tenure.End, g.tenure.Reason = e.T, ""
	}
	if g.hasTenure && !(g.tenure.Thread == e.Thread && g.tenure.Reason == "interval") {
		s.endTenure(g.tenure)
		g.hasTenure = false
	}
	if !g.hasTenure {
		g.tenure, g.hasTenure = HoldSpan{GIL: gil, Thread: e.Thread, Start: e.T}, true
	}
	g.held, g.holder, g.last = true, e.Thread, e.Thread
}

// release ends the hold of the GIL's holder; a tenure released other than at the
// check interval is complete.
func (s *statsState) release(e Event) {
	p := e.GILRelease()
	g := s.gils[p.GIL]
	if g == nil || !g.held || g.holder != e.Thread {
		return
	}
	g.held = false
	g.tenure.End, g.tenure.Reason = e.T, p.Cause
	if p.Cause != "interval" {
		s.endTenure(g.tenure)
		g.hasTenure = false
	}
}

func (s *statsState) endTenure(h HoldSpan) {
	s.holds.log = append(s.holds.log, h.Dur())
	th := s.thread(h.Thread)
	th.holds.log = append(th.holds.log, h.Dur())
}

// clone returns a copy of s that shares nothing it or s will change.
func (s *statsState) clone() statsState {
	c := *s
	c.threads = make(map[int32]*threadAcc, len(s.threads))
	for id, th := range s.threads {
		t := *th
		t.waitGIL, t.waitRun = slices.Clip(th.waitGIL), slices.Clip(th.waitRun)
		t.holds = th.holds.clone()
		c.threads[id] = &t
	}
	c.gils = make(map[uint64]*gilAcc, len(s.gils))
	for id, g := range s.gils {
		gc := *g
		c.gils[id] = &gc
	}
	c.holds = s.holds.clone()
	c.blocked, c.untilGIL, c.untilRun = cloneSamples(s.blocked), cloneSamples(s.untilGIL), cloneSamples(s.untilRun)
	return c
}

func cloneSamples(m map[string]*samples) map[string]*samples {
	c := make(map[string]*samples, len(m))
	for k, v := range m {
		c[k] = v.clone()
	}
	return c
}

// Stats returns the statistics of the events added so far, as ComputeStats reports
// them for a Result with those events, EndTime end and Threads threads: spans still
// open are closed at end (or at the last event, if later) and WallNS is end.
func (a *StatsAccumulator) Stats(end Time, threads []ThreadInfo) *Stats {
	s := &a.st
	out := &Stats{Model: a.model, Cores: a.cores, WallNS: Duration(end), GILAcquires: s.acquires, GILSwitches: s.switches,
		DropRequests: s.drops, ForcedSwitches: s.forced, FutileWakeups: s.futile}
	p := s.openTenures(max(end, s.last))
	out.Threads, out.SequentialNS = s.threadStats(max(end, s.last), s.names(threads), p)
	out.Holds = s.holds.dist(p.holds)
	if out.WallNS > 0 {
		out.SwitchesPerSec = math.Round(float64(out.GILSwitches)/(float64(out.WallNS)/1e9)*100) / 100
	}
	out.Blocking = s.blockingStats(p)
	return out
}

// pending holds the samples that what is still open adds when it is closed at
// some time: GIL tenures, blocking calls followed by the open span, the waits it
// ends.
type pending struct {
	holds   []Duration
	holdsBy map[int32][]Duration
	blocked map[string][]Duration
	until   map[string][]Duration
}

// openTenures returns the tenures still going on, closed at closeAt.
func (s *statsState) openTenures(closeAt Time) *pending {
	p := &pending{holdsBy: map[int32][]Duration{}, blocked: map[string][]Duration{}, until: map[string][]Duration{}}
	for _, g := range s.gils {
		if !g.hasTenure {
			continue
		}
		h := g.tenure
		if g.held {
			h.End = closeAt
		}
		p.holds = append(p.holds, h.Dur())
		p.holdsBy[h.Thread] = append(p.holdsBy[h.Thread], h.Dur())
	}
	return p
}

// names returns every thread's name: from its start event, else from threads.
func (s *statsState) names(threads []ThreadInfo) map[int32]string {
	names := map[int32]string{}
	for id, th := range s.threads {
		if th.named {
			names[id] = th.name
		}
	}
	for _, ti := range threads {
		names[ti.ID] = ti.Name
	}
	return names
}

// threadStats returns the figures of every thread that has spans, a name or GIL
// tenures, sorted by id, with open spans closed at closeAt (adding to p what they
// complete), and the sequential time.
func (s *statsState) threadStats(closeAt Time, names map[int32]string, p *pending) ([]ThreadStats, Duration) {
	out := make([]ThreadStats, 0, len(s.threads))
	var seq Duration
	for id, th := range s.threads {
		total, outside, spans := th.total, th.outside, th.spans
		if sp := th.open; th.isOpen && closeAt > sp.Start {
			sp.End = closeAt
			spans = true
			total[sp.State] += sp.Dur()
			if waitsOutside(sp) {
				outside += sp.Dur()
			}
			s.closeOpen(th, sp, p)
		}
		_, named := names[id]
		if !spans && !named && th.holds.len() == 0 && len(p.holdsBy[id]) == 0 {
			continue
		}
		ts := ThreadStats{ID: id, Name: names[id], CPUNS: total[StateRunningGIL] + total[StateRunning],
			GILWaitNS: total[StateWaitGIL], RunnableNS: total[StateRunnable], BlockedNS: total[StateBlocked],
			Holds: th.holds.dist(p.holdsBy[id])}
		out = append(out, ts)
		seq += ts.CPUNS + outside
	}
	for id, name := range names {
		if s.threads[id] == nil {
			out = append(out, ThreadStats{ID: id, Name: name})
		}
	}
	slices.SortFunc(out, func(a, b ThreadStats) int { return cmp.Compare(a.ID, b.ID) })
	return out, seq
}

// closeOpen adds to p what closing th's open span as sp completes: the blocking
// call before it, and the waits for running that it ends (with the GIL, when the
// run has one).
func (s *statsState) closeOpen(th *threadAcc, sp Span, p *pending) {
	if b := th.lastBlocked; b != nil {
		p.blocked[b.Reason] = append(p.blocked[b.Reason], b.Dur())
	}
	waits := th.waitRun
	if s.acquires > 0 {
		waits = nil
		if sp.State == StateRunningGIL {
			waits = th.waitGIL
		}
	} else if !runsOnCore(sp.State) {
		waits = nil
	}
	for _, b := range waits {
		p.until[b.Reason] = append(p.until[b.Reason], sp.Start.Sub(b.Start))
	}
}

// blockingStats returns the latency of the completed blocking calls by reason,
// sorted by reason, with p's added.
func (s *statsState) blockingStats(p *pending) []BlockingStats {
	until := s.untilRun
	if s.acquires > 0 { // a call ends when its thread runs with the GIL
		until = s.untilGIL
	}
	out := []BlockingStats{}
	for reason, bs := range s.blocked {
		out = append(out, BlockingStats{Reason: reason, Blocked: bs.dist(p.blocked[reason]),
			UntilRunning: until[reason].dist(p.until[reason])})
	}
	for reason, ds := range p.blocked {
		if s.blocked[reason] == nil {
			out = append(out, BlockingStats{Reason: reason, Blocked: distOf(ds), UntilRunning: until[reason].dist(p.until[reason])})
		}
	}
	slices.SortFunc(out, func(a, b BlockingStats) int { return cmp.Compare(a.Reason, b.Reason) })
	return out
}

// samples is a growing sample of durations: a log that only grows, and a sorted
// copy of it brought up to date when a distribution is asked for. A nil *samples
// is empty.
type samples struct {
	log    []Duration
	sorted []Duration // log[:len(sorted)], sorted
}

func (s *samples) len() int {
	if s == nil {
		return 0
	}
	return len(s.log)
}

// clone returns a copy that shares the log (its capacity ends at its length, so
// neither sees what the other adds) but not the sorted copy, which is remade.
func (s *samples) clone() *samples {
	if s == nil {
		return nil
	}
	return &samples{log: slices.Clip(s.log)}
}

// dist summarizes the sample with extra values added (which it may reorder), as
// distOf summarizes them.
func (s *samples) dist(extra []Duration) Dist {
	var sorted []Duration
	if s != nil {
		sorted = s.sort()
	}
	n := len(sorted) + len(extra)
	if n == 0 {
		return Dist{}
	}
	slices.Sort(extra)
	pct := func(p int) Duration { return kth(sorted, extra, max((p*n+99)/100, 1)-1) }
	return Dist{Count: n, P10: pct(10), P50: pct(50), P90: pct(90), P99: pct(99), Max: kth(sorted, extra, n-1)}
}

// sort brings the sorted copy up to the log and returns it: the values added since
// are sorted and merged in, so a distribution asked for now and then costs O(n), not
// O(n log n).
func (s *samples) sort() []Duration {
	k := len(s.sorted)
	if k == len(s.log) {
		return s.sorted
	}
	fresh := slices.Clone(s.log[k:])
	slices.Sort(fresh)
	s.sorted = append(s.sorted, fresh...)
	for i, j, w := k-1, len(fresh)-1, len(s.sorted)-1; j >= 0; w-- {
		if i >= 0 && s.sorted[i] > fresh[j] {
			s.sorted[w], i = s.sorted[i], i-1
		} else {
			s.sorted[w], j = fresh[j], j-1
		}
	}
	return s.sorted
}

// addSample adds x to the sample of key in m.
func addSample(m map[string]*samples, key string, x Duration) {
	s := m[key]
	if s == nil {
		s = &samples{}
		m[key] = s
	}
	s.log = append(s.log, x)
}

// kth returns the k-th smallest (from 0) of the union of sorted slices a and b (b
// short): the split that takes j values from b and k+1-j from a in order.
func kth(a, b []Duration, k int) Duration {
	j := sort.Search(min(len(b), k+1)+1, func(j int) bool {
		i := k + 1 - j
		return i <= len(a) && (i == 0 || j == len(b) || a[i-1] <= b[j])
	})
	i := k + 1 - j
	switch {
	case i == 0:
		return b[j-1]
	case j == 0:
		return a[i-1]
	}
	return max(a[i-1], b[j-1])
}
