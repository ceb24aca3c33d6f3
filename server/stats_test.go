// stats_test.go tests the stats messages of the live protocol: the
// statistics a session sends are ComputeStats of the run before the
// playhead, and at the end the whole run's, as "gilscope run --json"
// prints them, whatever the browser's resolution.

package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http/httptest"
	"sort"
	"testing"
	"time"

	"github.com/gilscope/gilscope/examples"
	"github.com/gilscope/gilscope/vm/machine"
	"github.com/gilscope/gilscope/vm/trace"
)

// cliRun runs a gallery workload as "gilscope run --json --model M --cores C
// --seed S [--switch-interval I] --max-time T --max-events 1048576 FILE" does
// (cmd_run.go), and returns the result and the JSON of its statistics as the
// CLI prints them, compacted. The server stops a run at that many events
// (switch_interval makes more under nogil-unsafe).
func cliRun(t *testing.T, ex examples.Example, model string) (*machine.Result, []byte) {
	t.Helper()
	w := ex.Workload
	opts := machine.Options{Model: model, Cores: w.Cores, Seed: w.Seed, SwitchInterval: w.SwitchInterval,
		MaxTime: w.MaxTime, MaxEvents: maxRunEvents, RecordEvents: true}
	if opts.MaxTime == 0 {
		opts.MaxTime = 120 // the flag's default
	}
	res, err := machine.Run(ex.ID+".py", []byte(w.Source), opts, io.Discard, io.Discard)
	if err != nil {
		t.Fatalf("%s under %s: %v", ex.ID, model, err)
	}
	var out, compact bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetIndent("", "  ")
	if err := enc.Encode(machine.ComputeStats(res)); err != nil {
		t.Fatal(err)
	}
	if err := json.Compact(&compact, out.Bytes()); err != nil {
		t.Fatal(err)
	}
	return res, compact.Bytes()
}

// prefixJSON is the JSON of ComputeStats of res's events before t, the run's
// end taken as t.
func prefixJSON(res *machine.Result, t trace.Time) []byte {
	i := sort.Search(len(res.Events), func(i int) bool { return res.Events[i].T >= t })
	b, _ := json.Marshal(machine.ComputeStats(&machine.Result{Model: res.Model, Cores: res.Cores, EndTime: t, Events: res.Events[:i]}))
	return b
}

// TestWSStatsEqualComputeStats plays every gallery example under every
// model, at resolutions 0, 1 µs and 100 µs per pixel: paused, it seeks to a
// quarter, three quarters and half of the run (forward, forward, back),
// then plays to the end as fast as it goes. Every stats message must equal
// ComputeStats of the run before its position, and the last, at the end,
// the CLI's --json output to the byte. This is the statistics panel's
// parity with the CLI for every model through the real wire (session,
// coalescing, stats messages); TestPanelEqualsCLIEverywhere shows in a
// browser that the panel shows what those messages carry, for the models
// each example lists. Under -short (and the race detector) it plays one
// example under the models it lists.
func TestWSStatsEqualComputeStats(t *testing.T) {
	s, _ := newTestServer(t)
	s.clients = newRateLimiter(math.Inf(1), 0) // every session comes from 127.0.0.1
	hs := httptest.NewServer(s.Handler())
	defer hs.Close()
	all := examples.All()
	var models []string
	for _, m := range machine.Models() {
		models = append(models, m.Name)
	}
	if testing.Short() || raceEnabled {
		ex, _ := examples.Lookup("cpu_threads")
		all, models = []examples.Example{ex}, nil
	}
	for _, ex := range all {
		t.Run(ex.ID, func(t *testing.T) {
			// Not in parallel: cliRun simulates in this process, at the
			// server's priority, and would starve the other example's worker
			// (at niceness 10) until its session went silent for the
			// client's 20 s.
			listed := models
			if listed == nil {
				listed = ex.Models
			}
			for _, model := range listed {
				res, cli := cliRun(t, ex, model)
				for _, resolution := range []float64{0, 1e3, 1e5} {
					desc := fmt.Sprintf("%s/%s/%g", ex.ID, model, resolution)
					checkSessionStats(t, dialWS(t, hs), desc, ex, model, resolution, res, cli)
				}
			}
		})
	}
}

// TestWSSharedStats checks the statistics of sessions reading one log
// together, which share an accumulator (sharedStats) when one is not behind
// it: each must still get ComputeStats of the run before its position.
func TestWSSharedStats(t *testing.T) {
	s, _ := newTestServer(t)
	s.clients = newRateLimiter(math.Inf(1), 0)
	hs := httptest.NewServer(s.Handler())
	defer hs.Close()
	ex, _ := examples.Lookup("cpu_threads")
	res, cli := cliRun(t, ex, ex.Workload.Model)
	t.Run("readers", func(t *testing.T) {
		for i := range 3 {
			t.Run(fmt.Sprint(i), func(t *testing.T) {
				t.Parallel()
				checkSessionStats(t, dialWS(t, hs), t.Name(), ex, ex.Workload.Model, 1e3, res, cli)
			})
		}
	})
}

// checkSessionStats drives one session through a run of ex and checks its
// stats messages.
func checkSessionStats(t *testing.T, c *wsClient, desc string, ex examples.Example, model string, resolution float64,
	res *machine.Result, cli []byte) {
	t.Helper()
	wl := ex.Workload
	wl.Model = model
	c.send(map[string]any{"type": "run", "workload": wl, "speed": 0, "resolution": resolution, "paused": true})
	ended := false // the end message has come
	check := func(m received) {
		t.Helper()
		if want := prefixJSON(res, m.T); m.T <= res.EndTime && !bytes.Equal(m.Stats, want) {
			t.Fatalf("%s: stats at %d ns:\n got %s\nwant %s", desc, m.T, m.Stats, want)
		}
	}
	// statsAt reads until the stats of position at, checking every stats message.
	statsAt := func(at trace.Time) received {
		for {
			m, before := c.until("stats", 1)
			for _, b := range before {
				ended = ended || b.Type == "end"
			}
			check(m)
			if m.T == at {
				return m
			}
		}
	}
	for _, at := range []trace.Time{res.EndTime / 4, res.EndTime * 3 / 4, res.EndTime / 2} {
		c.send(map[string]any{"type": "seek", "t": at})
		statsAt(at)
	}
	// Play to the end: the playhead stops there (a position not playing after
	// the end message), and the stats of that position are the last.
	c.send(map[string]any{"type": "play"})
	stop := trace.Time(-1)
	var last, latest received // the stats of the stop; the latest after the end
	for last.Type == "" {
		switch m := c.read(); {
		case m.Type == "end":
			ended = true
		case m.Type == "position" && ended && !m.Playing:
			stop = m.T
			// The stats of the end may come before the position that says
			// the playhead stopped there (sent while it was still playing,
			// and not again for the same place). Stats sent before the end
			// message are a prefix's, even at that place: the run's last
			// events can come before its result.
			if latest.Type != "" && latest.T == stop {
				last = latest
			}
		case m.Type == "stats":
			check(m)
			if ended {
				latest = m
			}
			if m.T == stop {
				last = m
			}
		}
	}
	if !bytes.Equal(last.Stats, cli) {
		t.Errorf("%s: stats at the end:\n got %s\nwant %s (gilscope run --json)", desc, last.Stats, cli)
	}
	c.ws.Close()
}

// TestPlayheadStatsDue checks when statistics are sent: at once when the
// playhead stops somewhere new, at most every statsInterval while it moves,
// never twice for one position, but once more when a position turns out to
// be the end (the whole run's statistics replace the prefix's).
func TestPlayheadStatsDue(t *testing.T) {
	t0 := time.Now()
	sent := playheadStats{sent: true, sentT: 100, sentAt: t0}
	tests := []struct {
		desc          string
		p             playheadStats
		t             trace.Time
		final, moving bool
		now           time.Time
		want          bool
	}{
		{"the first, at 0", playheadStats{}, 0, false, false, t0, true},
		{"stopped at the same place", sent, 100, false, false, t0.Add(time.Second), false},
		{"stopped elsewhere", sent, 50, false, false, t0.Add(time.Millisecond), true},
		{"moving, soon after", sent, 150, false, true, t0.Add(statsInterval / 2), false},
		{"moving, an interval after", sent, 150, false, true, t0.Add(statsInterval), true},
		{"the same position found to be the end", sent, 100, true, false, t0.Add(time.Millisecond), true},
	}
	for _, tt := range tests {
		if got := tt.p.due(tt.t, tt.final, tt.moving, tt.now); got != tt.want {
			t.Errorf("%s: due = %v, want %v", tt.desc, got, tt.want)
		}
	}
}
