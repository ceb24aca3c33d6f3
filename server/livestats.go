// livestats.go defines the statistics a live session sends with the playback
// position: those of the run before the playhead, computed in Go once for
// every viewer and zoom (the browser draws coalesced events, which are not
// fit to count). One machine.StatsAccumulator follows the playhead through
// the run's log, so a position costs the events played since the last one,
// and a backward seek at most the accumulator's replay.

package server

import (
	"sync"
	"time"

	"github.com/gilscope/gilscope/vm/machine"
	"github.com/gilscope/gilscope/vm/trace"
)

// statsInterval is how often, at most, statistics are sent while the
// playhead moves; a stopped playhead gets them at once.
const statsInterval = 200 * time.Millisecond

// playheadStats computes and paces the statistics of one live run.
type playheadStats struct {
	acc       *machine.StatsAccumulator
	sent      bool
	sentT     trace.Time // the position of the last stats message
	sentFinal bool       // it held the whole run's statistics
	sentAt    time.Time
}

func newPlayheadStats(wl workload) playheadStats {
	return playheadStats{acc: trace.NewStatsAccumulator(wl.Model, wl.Cores)}
}

// due reports whether statistics should be sent for position t now; final
// says they are the whole run's (t is the end), which a position reached
// before the run was known to end may not have had.
func (p *playheadStats) due(t trace.Time, final, moving bool, now time.Time) bool {
	if p.sent && t == p.sentT && final == p.sentFinal {
		return false
	}
	return !moving || now.Sub(p.sentAt) >= statsInterval
}

// at returns the statistics of the events of log (the run's, in time order,
// complete before t) before t, the run's end taken as t: ComputeStats of that
// prefix. shared, if set, is the statistics the log's readers share: they
// come from there when it is not past the prefix.
func (p *playheadStats) at(shared *sharedStats, log eventLog, t trace.Time) *machine.Stats {
	n := log.Search(func(e *machine.Event) bool { return e.T >= t })
	if st := shared.at(log, n, t); st != nil {
		return st
	}
	if n < p.acc.Len() {
		p.acc.Rewind(n)
	}
	addEvents(p.acc, log.Slice(p.acc.Len(), n))
	return p.acc.Stats(t, nil)
}

// sharedStats is one accumulator for the live readers of a log: readers
// playing as fast as the simulation goes ask for the statistics of the
// same prefix (the one the simulation has completed), which it computes
// once for all of them; a reader behind it uses its own. Its methods are
// safe for concurrent use; the statistics it returns are never changed.
type sharedStats struct {
	mu  sync.Mutex
	acc *machine.StatsAccumulator
	n   int            // the last statistics asked for: the first n events,
	t   trace.Time     // ending at t,
	st  *machine.Stats // are st
}

// at returns the statistics of log's first n events ending at t, or nil
// when the shared accumulator is past them. s may be nil.
func (s *sharedStats) at(log eventLog, n int, t trace.Time) *machine.Stats {
	if s == nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.st != nil && n == s.n && t == s.t {
		return s.st
	}
	if n < s.acc.Len() {
		return nil
	}
	addEvents(s.acc, log.Slice(s.acc.Len(), n))
	s.n, s.t, s.st = n, t, s.acc.Stats(t, nil)
	return s.st
}

// sharedStats returns the statistics the log's live readers share, or nil
// when one reads it alone.
func (r *liveRun) sharedStats() *sharedStats {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.live < 2 {
		return nil
	}
	if r.stats == nil {
		r.stats = &sharedStats{acc: trace.NewStatsAccumulator(r.wl.Model, r.wl.Cores)}
	}
	return r.stats
}

// addEvents adds events to acc.
func addEvents(acc *machine.StatsAccumulator, events eventLog) {
	for p := range events.Pieces() {
		for i := range p {
			acc.Add(p[i])
		}
	}
}
