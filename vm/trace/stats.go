// This file defines Stats, the figures a run is judged by (CPU and GIL wait per
// thread, GIL tenure, switch rate, blocking-call latency), computed from the span
// layer, and their text and JSON forms.

package trace

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// Stats summarizes one run. Durations are nanoseconds of simulated time.
type Stats struct {
	Model          string          `json:"model"`
	Cores          int             `json:"cores"`
	WallNS         Duration        `json:"wall_ns"`
	GILAcquires    int             `json:"gil_acquires"`
	GILSwitches    int             `json:"gil_switches"`
	SwitchesPerSec float64         `json:"gil_switches_per_sec"`
	DropRequests   int             `json:"drop_requests"`
	ForcedSwitches int             `json:"forced_switches"`
	FutileWakeups  int             `json:"futile_wakeups"`
	Holds          Dist            `json:"gil_holds"`
	Blocking       []BlockingStats `json:"blocking"`
	Threads        []ThreadStats   `json:"threads"`
	// SequentialNS is how long the same work would take done one thread after
	// another: every thread's CPU time plus its waits for the outside world
	// (outsideWaits).
	SequentialNS Duration `json:"sequential_ns"`
}

// ThreadStats is the time one thread spent in each state, and its GIL tenures.
type ThreadStats struct {
	ID         int32    `json:"id"`
	Name       string   `json:"name"`
	CPUNS      Duration `json:"cpu_ns"`      // running_gil + running
	GILWaitNS  Duration `json:"gil_wait_ns"` // wait_gil
	RunnableNS Duration `json:"runnable_ns"` // ready, waiting for a core
	BlockedNS  Duration `json:"blocked_ns"`  // blocked in a call
	Holds      Dist     `json:"gil_holds"`
}

// BlockingStats is the latency of the blocking calls of one kind (a blocked-span
// Reason). Blocked measures the blocked spans themselves; UntilRunning measures from
// the start of each to the thread's next running span (running_gil when the run has
// a GIL): the wake-up plus the wait for a core and the GIL, as a program sees it.
// Calls still blocked at the end of the run are left out.
type BlockingStats struct {
	Reason       string `json:"reason"`
	Blocked      Dist   `json:"blocked"`
	UntilRunning Dist   `json:"until_running"`
}

// Dist summarizes a sample of durations in nanoseconds. Percentiles are by nearest
// rank (each is one of the samples); all are 0 for an empty sample.
type Dist struct {
	Count int      `json:"count"`
	P10   Duration `json:"p10_ns"`
	P50   Duration `json:"p50_ns"`
	P90   Duration `json:"p90_ns"`
	P99   Duration `json:"p99_ns"`
	Max   Duration `json:"max_ns"`
}

// ComputeStats computes the statistics of a run with recorded events. A GIL hold
// is a tenure: from a thread's acquire to the release after which another thread
// takes the GIL or none does (2.7's check-interval release-and-re-acquire by the
// same thread does not end a tenure). A switch is an acquire by a thread other than
// the GIL's previous holder.
func ComputeStats(r *Trace) *Stats {
	tl := BuildTimeline(r.Events, r.Cores, r.EndTime)
	s := &Stats{Model: r.Model, Cores: r.Cores, WallNS: Duration(r.EndTime)}
	s.countInstants(r.Events)
	tenures := s.gilStats(tl)
	s.Threads = threadStats(tl, threadNames(r), tenures)
	s.SequentialNS = sequential(tl)
	s.Blocking = blockingStats(tl, s.GILAcquires > 0)
	return s
}

// countInstants counts drop requests, forced switches and futile wake-ups.
func (s *Stats) countInstants(events []Event) {
	for _, e := range events {
		switch e.Kind {
		case EvDropRequest:
			s.DropRequests++
		case EvForcedSwitch:
			s.ForcedSwitches++
		case EvFutileWakeup:
			s.FutileWakeups++
		}
	}
}

// gilStats fills the GIL figures and returns the tenure lengths by thread.
func (s *Stats) gilStats(tl *Timeline) map[int32][]Duration {
	byThread := map[int32][]Duration{}
	var all []Duration
	for _, g := range tl.GILs {
		s.GILAcquires += len(g.Holds)
		for i, h := range g.Holds {
			if i > 0 && g.Holds[i-1].Thread != h.Thread {
				s.GILSwitches++
			}
		}
		for _, t := range tenures(g.Holds) {
			byThread[t.Thread] = append(byThread[t.Thread], t.Dur())
			all = append(all, t.Dur())
		}
	}
	s.Holds = distOf(all)
	if s.WallNS > 0 {
		s.SwitchesPerSec = math.Round(float64(s.GILSwitches)/s.WallNS.Seconds()*100) / 100
	}
	return byThread
}

// tenures merges the holds of one GIL that a check-interval release did not end:
// the same thread re-acquiring after releasing with reason "interval".
func tenures(holds []HoldSpan) []HoldSpan {
	var out []HoldSpan
	for _, h := range holds {
		if n := len(out); n > 0 && out[n-1].Thread == h.Thread && out[n-1].Reason == "interval" {
			out[n-1].End, out[n-1].Reason = h.End, h.Reason
			continue
		}
		out = append(out, h)
	}
	return out
}

// threadNames returns the name of every thread: from the result, else from its
// start event.
func threadNames(r *Trace) map[int32]string {
	names := map[int32]string{}
	for _, e := range r.Events {
		if e.Kind == EvThreadStart {
			names[e.Thread] = e.ThreadStart().Name
		}
	}
	for _, t := range r.Threads {
		names[t.ID] = t.Name
	}
	return names
}

// threadStats computes the per-thread figures for every thread that has spans or a
// name, sorted by id.
func threadStats(tl *Timeline, names map[int32]string, tenures map[int32][]Duration) []ThreadStats {
	byID := map[int32]*ThreadStats{}
	get := func(id int32) *ThreadStats {
		if byID[id] == nil {
			byID[id] = &ThreadStats{ID: id, Name: names[id]}
		}
		return byID[id]
	}
	for id := range names {
		get(id)
	}
	for _, t := range tl.Threads {
		ts := get(t.Thread)
		for _, sp := range t.Spans {
			ts.add(sp)
		}
	}
	for id, ds := range tenures {
		get(id).Holds = distOf(ds)
	}
	out := make([]ThreadStats, 0, len(byID))
	for _, ts := range byID {
		out = append(out, *ts)
	}
	slices.SortFunc(out, func(a, b ThreadStats) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

// add accounts span sp to the time of its state.
func (ts *ThreadStats) add(sp Span) {
	switch sp.State {
	case StateRunningGIL, StateRunning:
		ts.CPUNS += sp.Dur()
	case StateWaitGIL:
		ts.GILWaitNS += sp.Dur()
	case StateRunnable:
		ts.RunnableNS += sp.Dur()
	case StateBlocked:
		ts.BlockedNS += sp.Dur()
	}
}

// outsideWaits are the blocking calls that wait for the outside world (a sleep,
// simulated I/O), which a sequential program would wait for too. Waits for other
// threads and processes (locks, joins, the GIL, and any wait on an object: a socket
// or pipe between threads) are not.
var outsideWaits = map[string]bool{"sleep": true, "io": true}

// waitsOutside reports whether span sp is a wait for the outside world.
func waitsOutside(sp Span) bool {
	return sp.State == StateBlocked && outsideWaits[sp.Reason] && sp.Obj == 0
}

// sequential returns the CPU time of every thread plus its waits for the outside
// world.
func sequential(tl *Timeline) Duration {
	var ns Duration
	for _, t := range tl.Threads {
		for _, sp := range t.Spans {
			if runsOnCore(sp.State) || waitsOutside(sp) {
				ns += sp.Dur()
			}
		}
	}
	return ns
}

// blockingStats computes the latency of completed blocking calls by reason, sorted
// by reason. With hasGIL, a call ends when its thread next runs holding the GIL.
func blockingStats(tl *Timeline, hasGIL bool) []BlockingStats {
	blocked := map[string][]Duration{}
	until := map[string][]Duration{}
	for _, t := range tl.Threads {
		for i, sp := range t.Spans {
			if sp.State != StateBlocked || i == len(t.Spans)-1 {
				continue
			}
			blocked[sp.Reason] = append(blocked[sp.Reason], sp.Dur())
			if at, ok := nextRun(t.Spans[i+1:], hasGIL); ok {
				until[sp.Reason] = append(until[sp.Reason], at.Sub(sp.Start))
			}
		}
	}
	out := []BlockingStats{}
	for reason, ds := range blocked {
		out = append(out, BlockingStats{Reason: reason, Blocked: distOf(ds), UntilRunning: distOf(until[reason])})
	}
	slices.SortFunc(out, func(a, b BlockingStats) int { return cmp.Compare(a.Reason, b.Reason) })
	return out
}

// nextRun returns the start of the first span that runs the thread (holding the
// GIL, with hasGIL).
func nextRun(spans []Span, hasGIL bool) (Time, bool) {
	for _, sp := range spans {
		if sp.State == StateRunningGIL || (!hasGIL && sp.State == StateRunning) {
			return sp.Start, true
		}
	}
	return 0, false
}

// distOf summarizes xs (which it may reorder).
func distOf(xs []Duration) Dist {
	if len(xs) == 0 {
		return Dist{}
	}
	slices.Sort(xs)
	return Dist{
		Count: len(xs),
		P10:   percentile(xs, 10),
		P50:   percentile(xs, 50),
		P90:   percentile(xs, 90),
		P99:   percentile(xs, 99),
		Max:   xs[len(xs)-1],
	}
}

// percentile returns the pct-th percentile of sorted (non-empty) by nearest rank:
// the smallest sample with at least pct % of the samples at or below it.
func percentile(sorted []Duration, pct int) Duration {
	rank := (pct*len(sorted) + 99) / 100
	return sorted[max(rank, 1)-1]
}

// WriteText writes a short human summary of s: the run, the GIL, a table of
// threads and a table of blocking calls.
func (s *Stats) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s on %s, %s of simulated time\n", s.Model, quantity(s.Cores, "core", "cores"), fmtDur(s.WallNS))
	fmt.Fprintf(&b, "GIL: passed to another thread %s (%.1f per second); %s, %s, %s\n",
		quantity(s.GILSwitches, "time", "times"), s.SwitchesPerSec, quantity(s.DropRequests, "drop request", "drop requests"),
		quantity(s.ForcedSwitches, "forced switch", "forced switches"), quantity(s.FutileWakeups, "futile wake-up", "futile wake-ups"))
	if h := s.Holds; h.Count > 0 {
		fmt.Fprintf(&b, "GIL held %s: median %s, 10%% under %s, 90%% under %s, longest %s\n",
			quantity(h.Count, "time", "times"), fmtDur(h.P50), fmtDur(h.P10), fmtDur(h.P90), fmtDur(h.Max))
	}
	b.WriteString("\n")
	writeTable(&b, s.threadRows())
	if len(s.Blocking) > 0 {
		b.WriteString("\n")
		writeTable(&b, s.blockingRows())
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// threadRows returns the thread table, header first.
func (s *Stats) threadRows() [][]string {
	rows := [][]string{{"thread", "on CPU", "waiting for GIL", "waiting for a core", "blocked", "GIL holds", "median hold", "longest hold"}}
	for _, t := range s.Threads {
		name := fmt.Sprintf("%d %s", t.ID, t.Name)
		rows = append(rows, []string{name, fmtDur(t.CPUNS), fmtDur(t.GILWaitNS), fmtDur(t.RunnableNS),
			fmtDur(t.BlockedNS), fmt.Sprint(t.Holds.Count), fmtDur(t.Holds.P50), fmtDur(t.Holds.Max)})
	}
	return rows
}

// blockingRows returns the blocking-call table, header first.
func (s *Stats) blockingRows() [][]string {
	rows := [][]string{{"blocked in", "calls", "median", "p99", "median until running", "p99 until running"}}
	for _, bs := range s.Blocking {
		rows = append(rows, []string{bs.Reason, fmt.Sprint(bs.Blocked.Count), fmtDur(bs.Blocked.P50),
			fmtDur(bs.Blocked.P99), fmtDur(bs.UntilRunning.P50), fmtDur(bs.UntilRunning.P99)})
	}
	return rows
}

// writeTable writes rows as an aligned table: the first column left-aligned, the
// others right-aligned, two spaces apart.
func writeTable(b *strings.Builder, rows [][]string) {
	var widths []int
	for _, row := range rows {
		for i, cell := range row {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], utf8.RuneCountInString(cell))
		}
	}
	for _, row := range rows {
		for i, cell := range row {
			pad := strings.Repeat(" ", widths[i]-utf8.RuneCountInString(cell))
			switch {
			case i == 0 && len(row) == 1:
				b.WriteString(cell)
			case i == 0:
				b.WriteString(cell + pad)
			default:
				b.WriteString("  " + pad + cell)
			}
		}
		b.WriteString("\n")
	}
}

// quantity returns n followed by the singular or plural noun.
func quantity(n int, singular, plural string) string {
	if n == 1 {
		return "1 " + singular
	}
	return fmt.Sprintf("%d %s", n, plural)
}

// fmtDur formats ns with a unit suited to its size.
func fmtDur(ns Duration) string {
	switch {
	case ns == 0:
		return "0"
	case ns < 1_000:
		return fmt.Sprintf("%d ns", ns)
	case ns < 1_000_000:
		return fmt.Sprintf("%.1f µs", ns.Micros())
	case ns < 1_000_000_000:
		return fmt.Sprintf("%.2f ms", float64(ns)/float64(Millisecond))
	default:
		return fmt.Sprintf("%.3f s", ns.Seconds())
	}
}
