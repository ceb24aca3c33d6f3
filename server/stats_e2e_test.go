// stats_e2e_test.go checks in headless Chromium that the statistics panel
// shows the numbers "gilscope run --stats" prints for the same workload,
// whatever the speed it was played at and the zoom it was drawn at.

package server_test

import (
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/gilscope/gilscope/examples"
	"github.com/gilscope/gilscope/internal/browsertest"
	"github.com/gilscope/gilscope/server"
	"github.com/gilscope/gilscope/vm/machine"
	"github.com/gilscope/gilscope/vm/trace"
)

// cliFigures is what "gilscope run --stats" prints of a run (the text of
// Stats.WriteText): how often the GIL was passed and held, and each thread's
// row ("2 Thread-1 (count)") and time on CPU.
type cliFigures struct {
	Passed, Held string   // "passed to another thread 8 times", "held 9 times"
	Threads      []string // "1 MainThread: 114.1 µs", one per thread
	Ran          int      // threads with CPU time
}

// pageStatsFigures reads the same figures off the page's statistics panel,
// with the position of the statistics shown (data-t) and the events the page
// holds.
const pageStatsFigures = `JSON.stringify((() => {
	const box = document.getElementById("panel-stats");
	const text = box.textContent;
	const passed = /GIL passed (\d+) times?/.exec(text), held = /GIL held (\d+) times/.exec(text), ran = /^(\d+) threads?:/.exec(text);
	return {
		passed: passed ? "passed to another thread " + passed[1] + " times" : "",
		held: held ? "held " + held[1] + " times" : "",
		ran: ran ? Number(ran[1]) : -1,
		threads: [...box.querySelectorAll("table")[0].tBodies[0].rows].map((r) => r.cells[0].textContent.trim() + ": " + r.cells[1].textContent),
		t: Number(box.dataset.t), events: Number(document.body.dataset.events),
	};
})())`

// pageRecordViews makes the page keep the resolution of every view message
// it sends (window.viewsSent): the zoom the server coalesces to.
const pageRecordViews = `(() => {
	window.viewsSent = [];
	const send = WebSocket.prototype.send;
	WebSocket.prototype.send = function (data) {
		const m = JSON.parse(data);
		if (m.type === "view") window.viewsSent.push(m.resolution);
		return send.call(this, data);
	};
	return true;
})()`

// cliStats runs a gallery example under its first model as "gilscope run
// --stats" does and reads the figures off its text.
func cliStats(t *testing.T, id string) (cliFigures, *machine.Result) {
	t.Helper()
	ex, ok := examples.Lookup(id)
	if !ok {
		t.Fatalf("no example %s", id)
	}
	w := ex.Workload
	res, err := machine.Run(id+".py", []byte(w.Source), machine.Options{Model: w.Model, Cores: w.Cores, Seed: w.Seed,
		SwitchInterval: w.SwitchInterval, MaxTime: w.MaxTime, RecordEvents: true}, io.Discard, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	machine.ComputeStats(res).WriteText(&text)
	var f cliFigures
	lines := strings.Split(text.String(), "\n")
	f.Passed = regexp.MustCompile(`passed to another thread \d+ times?`).FindString(text.String())
	f.Held = regexp.MustCompile(`held \d+ times?`).FindString(text.String())
	row := regexp.MustCompile(`^(\d+ .*?)\s{2,}(\S+(?: \S+)?)\s{2,}`)
	for i, l := range lines {
		if !strings.HasPrefix(l, "thread ") {
			continue
		}
		for _, l := range lines[i+1:] {
			m := row.FindStringSubmatch(l)
			if m == nil {
				break
			}
			f.Threads = append(f.Threads, m[1]+": "+m[2])
			if m[2] != "0" {
				f.Ran++
			}
		}
		break
	}
	return f, res
}

// TestPageStatsEqualCLI plays gallery examples to the end at their default
// speed or another, at the page's zoom or zoomed out, and checks that the
// statistics panel shows the CLI's figures. Before the server sent them, the
// page counted GIL hand-offs from the coalesced events it draws: cpu_threads'
// 8 read 7 at the default speed and 6 at the fastest, io_threads' 48 read 14
// or 0, and zoomed out the main thread had no CPU time.
func TestPageStatsEqualCLI(t *testing.T) {
	tests := []struct {
		example string
		speed   float64 // 0: as fast as possible; -1: the page's default
		zoomOut bool    // zoom out to about 200 µs per pixel before playing
	}{
		{"cpu_threads", -1, false},
		{"cpu_threads", 0, false},
		{"cpu_threads", -1, true},
		{"cpu_threads", 0, true},
		{"io_threads", 1e8, false},
		{"io_threads", 0, true},
		{"convoy", 1e8, false},
		{"convoy", 0, true},
	}
	b := startPage(t)
	for _, tt := range tests {
		want, res := cliStats(t, tt.example)
		desc := fmt.Sprintf("%s at speed %g, zoomed out %v", tt.example, tt.speed, tt.zoomOut)
		openPage(t, b, "/?example="+tt.example)
		if tt.speed >= 0 {
			pageSpeed(b, tt.speed)
		}
		if tt.zoomOut {
			// Step to the first event first: the timeline fits itself again while
			// the run has no events, which would undo the zoom.
			b.Do(chromedp.Focus(chromedp.CSS("#play")))
			pageKey(b, kb.ArrowRight)
			pageWait(t, b, `Number(document.body.dataset.events) > 0 && document.body.dataset.playing === "0"`)
			pageEval[bool](b, pageRecordViews)
			b.Do(chromedp.Focus(chromedp.CSS("#timeline")))
			for range 24 { // ×1.25 each: from 1 ms across the canvas to about 200 ms
				pageKey(b, "-")
			}
			pageWait(t, b, `window.viewsSent.some((r) => r >= 1e5)`)
		}
		b.Do(chromedp.Focus(chromedp.CSS("#play")))
		pageKey(b, " ")
		// At the end playback stops, and the statistics of that position (one past
		// the end time, or the last event) are the whole run's.
		pageWait(t, b, fmt.Sprintf(`document.body.dataset.ended === "1" && document.body.dataset.playing === "0" &&
			Number(document.getElementById("panel-stats").dataset.t) > %d`, res.EndTime))
		var got struct {
			cliFigures
			T, Events int64
		}
		if err := json.Unmarshal([]byte(pageEval[string](b, pageStatsFigures)), &got); err != nil {
			t.Fatal(err)
		}
		res0 := pageEval[float64](b, `Math.max(0, ...(window.viewsSent || []))`)
		t.Logf("%s: the page shows %s, %s, %v (%d threads ran; %d of %d events drawn; view messages up to %g ns/px)",
			desc, got.Passed, got.Held, got.Threads, got.Ran, got.Events, len(res.Events), res0)
		if got.Passed != want.Passed || got.Held != want.Held || got.Ran != want.Ran || strings.Join(got.Threads, "; ") != strings.Join(want.Threads, "; ") {
			t.Errorf("%s: the panel shows GIL %s, %s, threads %q (%d ran);\ngilscope run --stats: GIL %s, %s, threads %q (%d ran)",
				desc, got.Passed, got.Held, got.Threads, got.Ran, want.Passed, want.Held, want.Threads, want.Ran)
		}
		if tt.zoomOut && tt.speed == 0 && got.Events >= int64(len(res.Events)) {
			t.Errorf("%s: the page holds %d events of %d: nothing was coalesced", desc, got.Events, len(res.Events))
		}
	}
}

// panelFigures are the figures the statistics panel shows (statsFigures in
// static/panels.js, which the panel renders and writes in data-figures).
type panelFigures struct {
	Summary        string         `json:"summary"`
	WallNS         trace.Duration `json:"wall_ns"`
	SequentialNS   trace.Duration `json:"sequential_ns"`
	GILSwitches    int            `json:"gil_switches"`
	SwitchesPerSec float64        `json:"gil_switches_per_sec"`
	DropRequests   int            `json:"drop_requests"`
	ForcedSwitches int            `json:"forced_switches"`
	FutileWakeups  int            `json:"futile_wakeups"`
	Holds          int            `json:"holds"`
	HoldP50        trace.Duration `json:"hold_p50_ns"`
	HoldMax        trace.Duration `json:"hold_max_ns"`
	Threads        []panelThread  `json:"threads"`
	Blocking       []panelBlock   `json:"blocking"`
}

type panelThread struct {
	ID      int32            `json:"id"`
	Name    string           `json:"name"`
	NS      []trace.Duration `json:"ns"` // on CPU, GIL wait, core wait, blocked
	Holds   int              `json:"holds"`
	HoldP50 trace.Duration   `json:"hold_p50_ns"`
}

type panelBlock struct {
	Reason string           `json:"reason"`
	Calls  int              `json:"calls"`
	NS     []trace.Duration `json:"ns"` // median, p99, median and p99 until running
}

// figuresOf is what the panel must show of s: the same figures, from Go (the
// summary line is checked apart: it is words the page makes of these figures).
func figuresOf(s *trace.Stats) panelFigures {
	f := panelFigures{WallNS: s.WallNS, SequentialNS: s.SequentialNS, GILSwitches: s.GILSwitches, SwitchesPerSec: s.SwitchesPerSec,
		DropRequests: s.DropRequests, ForcedSwitches: s.ForcedSwitches, FutileWakeups: s.FutileWakeups,
		Holds: s.Holds.Count, HoldP50: s.Holds.P50, HoldMax: s.Holds.Max, Threads: []panelThread{}, Blocking: []panelBlock{}}
	for _, x := range s.Threads {
		f.Threads = append(f.Threads, panelThread{x.ID, x.Name, []trace.Duration{x.CPUNS, x.GILWaitNS, x.RunnableNS, x.BlockedNS},
			x.Holds.Count, x.Holds.P50})
	}
	for _, x := range s.Blocking {
		f.Blocking = append(f.Blocking, panelBlock{x.Reason, x.Blocked.Count,
			[]trace.Duration{x.Blocked.P50, x.Blocked.P99, x.UntilRunning.P50, x.UntilRunning.P99}})
	}
	return f
}

// panelBudget bounds TestPanelEqualsCLIEverywhere's use of its browser.
const panelBudget = 15 * time.Minute

// panelZooms are the resolutions (simulated ns per pixel) the gallery-wide
// test coalesces at: about none, the page's default, and heavy merging.
var panelZooms = []float64{100, 1e4, 1e6}

// TestPanelEqualsCLIEverywhere runs every gallery example under every model it
// lists, at three zooms, through the real page, websocket and coalescing: the
// page starts the run paused with the zoom's resolution, then seeks to a
// quarter, half and three quarters of the run and past its end. At each
// position every figure of the statistics panel must be the CLI's: trace.
// ComputeStats of the run's events before the position (the run ending there),
// and at the end gilscope run --stats of the whole run.
//
// The test drives the page through its hooks (window.gilscopeApp: the run, the
// seeks) instead of playing in real time, and fixes the resolution the server
// coalesces at: the timeline's own zoom would otherwise change it as the view
// follows the run. One seek is answered once the simulation reaches it; the
// run cache makes the second and third zoom's runs free.
func TestPanelEqualsCLIEverywhere(t *testing.T) {
	if testing.Short() || server.RaceEnabled {
		t.Skip("runs the whole gallery in a browser (and under the race detector each page takes too long)")
	}
	start := time.Now()
	// One browser for the whole gallery: a browser test's usual minute is
	// not enough for 17 pages (the attempt that gave each example a browser
	// of its own still ran out of it on pages with four models).
	b := browsertest.StartFor(t, pageHandler(t), panelBudget)
	checks := 0
	for _, ex := range examples.All() {
		exStart := time.Now()
		openPage(t, b, "/?example="+ex.ID)
		// The page's own run is replaced; the timeline's zoom no longer reaches the server.
		pageEval[bool](b, `(() => { const a = window.gilscopeApp; a.viewChanged = () => {}; a.pause && a.pause(); return true; })()`)
		for _, model := range ex.Models {
			res := simulateExample(t, ex, model)
			for _, zoom := range panelZooms {
				desc := fmt.Sprintf("%s under %s at %g ns/px", ex.ID, model, zoom)
				run := pageEval[int](b, `Number(document.body.dataset.run)`)
				pageEval[bool](b, fmt.Sprintf(`(() => { const a = window.gilscopeApp; a.controls.setModel(%q); a.resolution = %g;
					a.startRun({ paused: true }); return true; })()`, model, zoom))
				pageWait(t, b, fmt.Sprintf(`Number(document.body.dataset.run) > %d`, run))
				for _, at := range []trace.Time{res.EndTime / 4, res.EndTime / 2, res.EndTime * 3 / 4, res.EndTime + 1} {
					want := figuresOf(trace.ComputeStats(prefixTrace(res, at)))
					if at > res.EndTime {
						want = figuresOf(trace.ComputeStats(res.Trace())) // what gilscope run --stats prints
						// Past the end once the run is known to have ended: the
						// simulation's events can reach past the end before its
						// result comes, and a position there meanwhile gets the
						// statistics of the events before it, replaced by the
						// whole run's when the result comes. The seek goes first:
						// a paused session lets the simulation run only so far
						// ahead of it (maxUnplayedEvents), which a dense run's
						// last quarter can exceed.
						pageEval[bool](b, fmt.Sprintf(`(window.gilscopeApp.seek(%d), true)`, at))
						pageWait(t, b, `window.gilscopeApp.leader.store.endTime !== undefined`)
					}
					got := pageFiguresAt(t, b, at)
					checks++
					if got.Summary == "" && want.SequentialNS > 0 {
						t.Errorf("%s at %d ns: the panel has no summary line", desc, at)
					}
					got.Summary = ""
					if !reflect.DeepEqual(got, want) {
						gj, _ := json.Marshal(got)
						wj, _ := json.Marshal(want)
						t.Errorf("%s at %d ns: the panel shows\n %s\ngilscope run --stats:\n %s", desc, at, gj, wj)
					}
				}
			}
		}
		t.Logf("%s: %d models in %v", ex.ID, len(ex.Models), time.Since(exStart).Round(time.Millisecond))
		checks += checkOtherModels(t, b, ex)
	}
	t.Logf("%d panels compared in %v", checks, time.Since(start).Round(time.Second))
}

// checkOtherModels checks the panel's figures for the models ex does not
// list, without playing them: the page makes its figures out of the stats
// messages alone (statsFigures), and TestWSStatsEqualComputeStats shows that
// a session's stats messages are ComputeStats of the run at every position
// and zoom under every model. So for each other model the run is simulated
// here, and the page's own statsFigures is given its statistics at a
// quarter, half and three quarters of the run and at the end; each must
// give the CLI's figures. It returns the panels compared.
func checkOtherModels(t *testing.T, b *browsertest.Browser, ex examples.Example) int {
	t.Helper()
	var models []string
	for _, m := range machine.Models() {
		if !slices.Contains(ex.Models, m.Name) {
			models = append(models, m.Name)
		}
	}
	// The simulations, side by side on the machine's cores; the page's
	// checks, one at a time.
	type ran struct {
		res *machine.Result
		err error
	}
	results := make([]chan ran, len(models))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, model := range models {
		results[i] = make(chan ran, 1)
		go func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			w := ex.Workload
			res, err := machine.Run(ex.ID+".py", []byte(w.Source), machine.Options{Model: model, Cores: w.Cores, Seed: w.Seed,
				SwitchInterval: w.SwitchInterval, MaxTime: w.MaxTime, RecordEvents: true}, io.Discard, io.Discard)
			results[i] <- ran{res, err}
		}()
	}
	checks := 0
	for i, model := range models {
		r := <-results[i]
		if r.err != nil {
			t.Fatalf("%s under %s: %v", ex.ID, model, r.err)
		}
		res := r.res
		var stats, wants []string
		for _, at := range []trace.Time{res.EndTime / 4, res.EndTime / 2, res.EndTime * 3 / 4, res.EndTime + 1} {
			st := trace.ComputeStats(prefixTrace(res, at))
			if at > res.EndTime {
				st = trace.ComputeStats(res.Trace()) // what gilscope run --stats prints
			}
			js, _ := json.Marshal(st)
			stats = append(stats, string(js))
			w, _ := json.Marshal(figuresOf(st))
			wants = append(wants, string(w))
		}
		got := pageEval[[]panelFigures](b, `(async () => {
			const app = [...document.scripts].find((s) => s.type === "module" && s.src.endsWith("/app.js"));
			const { statsFigures } = await import(app.src.replace(/app\.js$/, "panels.js"));
			return [`+strings.Join(stats, ",")+`].map((s) => statsFigures(s));
		})()`)
		for j := range wants {
			checks++
			if j >= len(got) {
				t.Fatalf("%s under %s: the page gave %d sets of figures, want %d", ex.ID, model, len(got), len(wants))
			}
			got[j].Summary = ""
			if g, _ := json.Marshal(got[j]); string(g) != wants[j] {
				t.Errorf("%s under %s, position %d of 4: the page's statsFigures gives\n %s\ngilscope run --stats:\n %s", ex.ID, model, j+1, g, wants[j])
			}
		}
	}
	return checks
}

// simulateExample runs ex under model as gilscope run does.
func simulateExample(t *testing.T, ex examples.Example, model string) *machine.Result {
	t.Helper()
	w := ex.Workload
	res, err := machine.Run(ex.ID+".py", []byte(w.Source), machine.Options{Model: model, Cores: w.Cores, Seed: w.Seed,
		SwitchInterval: w.SwitchInterval, MaxTime: w.MaxTime, RecordEvents: true}, io.Discard, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// prefixTrace is res cut at t: its events before t, ending at t.
func prefixTrace(res *machine.Result, t trace.Time) *trace.Trace {
	i := sort.Search(len(res.Events), func(i int) bool { return res.Events[i].T >= t })
	return &trace.Trace{Model: res.Model, Cores: res.Cores, EndTime: t, Events: res.Events[:i]}
}

// pageFiguresAt seeks the page to at and reads the figures its panel shows
// once they are the statistics of that position.
func pageFiguresAt(t *testing.T, b *browsertest.Browser, at trace.Time) panelFigures {
	t.Helper()
	pageEval[bool](b, fmt.Sprintf(`(window.gilscopeApp.seek(%d), true)`, at))
	box := `document.getElementById("panel-stats")`
	pageWait(t, b, fmt.Sprintf(`(() => { const box = %s; return !!box.dataset.figures && !box.classList.contains("gs-stale") &&
		Number(box.dataset.t) === %d; })()`, box, at))
	var f panelFigures
	if err := json.Unmarshal([]byte(pageEval[string](b, box+`.dataset.figures`)), &f); err != nil {
		t.Fatal(err)
	}
	return f
}
