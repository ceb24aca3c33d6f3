// livestats.go defines the statistics a live session sends with the playback
// position: those of the run before the playhead, computed in Go once for
// every viewer and zoom (the browser draws coalesced events, which are not
// fit to count). One machine.StatsAccumulator follows the playhead through
// the run's log, so a position costs the events played since the last one,
// and a backward seek at most the accumulator's replay.

package server

import (
	"sort"
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
// prefix.
func (p *playheadStats) at(log []machine.Event, t trace.Time) *machine.Stats {
	n := sort.Search(len(log), func(i int) bool { return log[i].T >= t })
	if n < p.acc.Len() {
		p.acc.Rewind(n)
	}
	for i := p.acc.Len(); i < n; i++ {
		p.acc.Add(log[i])
	}
	return p.acc.Stats(t, nil)
}
