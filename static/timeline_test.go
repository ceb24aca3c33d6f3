// timeline_test.go tests the timeline modules (model.js, timeline.js,
// panels.js) in headless Chromium: the spans RunStore derives must equal the
// Go span layer's (vm/machine spans.go) for real runs, the statistics panel
// must show the server's statistics (Go's stats.go), the canvas must really draw each lane (pixel colours), selection
// must explain events in words, and the modules must load under the real
// server's CSP. BenchmarkTimelineFrame measures the rendering figures of
// docs/performance.md ("Browser"); no test asserts timing.

package static_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"github.com/gilscope/gilscope/internal/browsertest"
	"github.com/gilscope/gilscope/static"
	"github.com/gilscope/gilscope/vm/machine"
	"github.com/gilscope/gilscope/vm/trace"
)

// testCSP is the policy of the test page: the real server's, minus the
// websocket and framing entries it does not need (server/security.go).
const testCSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'"

// run is a simulated program in the form the test page loads: what the
// protocol's compiled, events and end messages carry, plus Go's spans and
// stats of it to compare with.
type run struct {
	Events   []machine.Event   `json:"events"`
	Code     []codeObject      `json:"code"`
	Cores    int               `json:"cores"`
	Model    string            `json:"model"`
	EndTime  trace.Time        `json:"end_time"`
	Threads  []threadInfo      `json:"threads"`
	Timeline *machine.Timeline `json:"timeline"`
	Stats    *machine.Stats    `json:"stats"`
}

type threadInfo struct {
	ID   int32  `json:"id"`
	Name string `json:"name"`
}

// codeObject is one code object of the compiled message (docs/protocol.md).
type codeObject struct {
	ID           int           `json:"id"`
	Name         string        `json:"name"`
	QualName     string        `json:"qualname"`
	FirstLine    int32         `json:"firstline"`
	Instructions []instruction `json:"instructions"`
}

type instruction struct {
	Offset  int    `json:"offset"`
	Line    int32  `json:"line"`
	OpName  string `json:"opname"`
	Arg     uint32 `json:"arg"`
	ArgRepr string `json:"argrepr"`
	Target  bool   `json:"target"`
}

// simulate runs a Python file under a model and returns it as a run.
func simulate(t testing.TB, path, model string, cores int) *run {
	t.Helper()
	if testing.Short() { // every caller then opens a browser, which -short skips
		t.Skip("browser test skipped in -short mode")
	}
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	res, err := machine.Run(filepath.Base(path), src, machine.Options{Model: model, Cores: cores, Seed: 1, RecordEvents: true}, &out, io.Discard)
	if err != nil {
		t.Fatalf("run %s: %v", path, err)
	}
	r := &run{Events: res.Events, Cores: res.Cores, Model: res.Model, EndTime: res.EndTime,
		Timeline: trace.BuildTimeline(res.Events, res.Cores, res.EndTime), Stats: machine.ComputeStats(res)}
	for _, th := range res.Threads {
		r.Threads = append(r.Threads, threadInfo{th.ID, th.Name})
	}
	for id, fc := range res.Code {
		if fc == nil {
			continue
		}
		co := codeObject{ID: id, Name: fc.Name, QualName: fc.QualName, FirstLine: fc.FirstLine}
		for _, in := range fc.Instructions() {
			co.Instructions = append(co.Instructions, instruction{in.Offset, in.Line, in.Op.String(), in.Arg, in.ArgRepr, in.IsTarget})
		}
		r.Code = append(r.Code, co)
	}
	return r
}

// testHandler serves the embedded assets under /static/, the test page under
// /test/ and the runs under /data/<name>.json, all with testCSP.
func testHandler(t testing.TB, runs map[string]*run) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/static/", http.StripPrefix("/static/", http.FileServer(http.FS(static.FS()))))
	mux.Handle("/test/", http.StripPrefix("/test/", http.FileServer(http.Dir("testdata"))))
	mux.HandleFunc("/data/", func(w http.ResponseWriter, r *http.Request) {
		rn, ok := runs[strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/data/"), ".json")]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		if err := json.NewEncoder(w).Encode(rn); err != nil {
			t.Errorf("encoding run: %v", err)
		}
	})
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", testCSP)
		mux.ServeHTTP(w, r)
	})
}

// openTestPage starts the browser on the test page with the given runs.
func openTestPage(t testing.TB, runs map[string]*run) *browsertest.Browser {
	t.Helper()
	b := browsertest.Start(t, testHandler(t, runs))
	b.Open("/test/timeline_test.html")
	return b
}

// eval evaluates a JS expression (awaiting a promise) and decodes its JSON value into v.
func eval(t testing.TB, b *browsertest.Browser, expr string, v any) {
	t.Helper()
	s := browsertest.Run(b, chromedp.Evaluate[string]("(async () => JSON.stringify(await ("+expr+")))()", chromedp.EvalAwaitPromise))
	if err := json.Unmarshal([]byte(s), v); err != nil {
		t.Fatalf("decoding %s: %v (%.200s)", expr, err, s)
	}
}

// lineOf returns the line of the first instruction named op in function fn of r
// (with op "", the function's first line; with "max", its last).
func lineOf(r *run, fn, op string) int {
	for _, c := range r.Code {
		if c.Name != fn {
			continue
		}
		if op == "" {
			return int(c.FirstLine)
		}
		last := 0
		for _, in := range c.Instructions {
			last = max(last, int(in.Line))
		}
		if op == "max" {
			return last
		}
		for _, in := range c.Instructions {
			if in.OpName == op {
				return int(in.Line)
			}
		}
	}
	return -1
}

func gallery(name string) string  { return filepath.Join("..", "examples", "gallery", name) }
func fidelity(name string) string { return filepath.Join("..", "..", "shared", "fidelity", name) }

// TestRunStoreMirrorsGo feeds real runs to RunStore the way the protocol
// does and checks that its spans equal Go's and that it keeps the server's
// statistics as they came.
func TestRunStoreMirrorsGo(t *testing.T) {
	runs := map[string]*run{
		"cpu312":  simulate(t, gallery("cpu_threads.py"), "cpython-3.12", 2),
		"cpu313t": simulate(t, gallery("cpu_threads.py"), "cpython-3.13t", 2),
	}
	runs["race"] = simulate(t, filepath.Join("testdata", "race.py"), "nogil-unsafe", 2)
	runs["deadlock"] = simulate(t, filepath.Join("testdata", "deadlock.py"), "cpython-3.12", 2)
	for _, name := range []string{"io_threads.py", "convoy.py", "counter_race.py"} {
		if _, err := os.Stat(fidelity(name)); err == nil {
			runs[strings.TrimSuffix(name, ".py")] = simulate(t, fidelity(name), "cpython-3.12", 2)
		}
	}
	b := openTestPage(t, runs)
	for name, want := range runs {
		var got machine.Timeline
		eval(t, b, `gs.load("`+name+`").then((r) => gs.timelineJSON(gs.storeOf(r)))`, &got)
		if g, w := normTimeline(&got), normTimeline(want.Timeline); !reflect.DeepEqual(g, w) {
			t.Errorf("%s: spans differ from Go's BuildTimeline: %s", name, firstDiff(g, w))
		}
		var stats machine.Stats
		eval(t, b, `gs.load("`+name+`").then((r) => gs.storeOf(r).serverStats.stats)`, &stats)
		if !reflect.DeepEqual(&stats, want.Stats) {
			gj, _ := json.Marshal(stats)
			wj, _ := json.Marshal(want.Stats)
			t.Errorf("%s: the store's statistics are not the server's:\n got %s\nwant %s", name, gj, wj)
		}
	}
	var summary []string
	eval(t, b, `Promise.all(["cpu312", "cpu313t"].map((n) => gs.load(n).then((r) => gs.statsSummary(gs.storeOf(r).serverStats.stats))))`, &summary)
	t.Logf("summaries: %q", summary)
	for _, s := range summary {
		if !strings.Contains(s, "threads: ") || !strings.Contains(s, "× the sequential time") {
			t.Errorf("summary %q, want like %q", s, "3 threads: 1.02× the sequential time")
		}
	}
}

// firstDiff describes the first difference between two timelines.
func firstDiff(got, want *machine.Timeline) string {
	if got.End != want.End {
		return fmt.Sprintf("end %d, want %d", got.End, want.End)
	}
	if len(got.Threads) != len(want.Threads) {
		return fmt.Sprintf("%d threads, want %d", len(got.Threads), len(want.Threads))
	}
	for i := range got.Threads {
		g, w := got.Threads[i].Spans, want.Threads[i].Spans
		for j := 0; j < max(len(g), len(w)); j++ {
			if j >= len(g) || j >= len(w) || g[j] != w[j] {
				return fmt.Sprintf("thread %d: %d spans, want %d; first difference at %d: got %v, want %v",
					want.Threads[i].Thread, len(g), len(w), j, g[min(j, len(g)-1)], w[min(j, len(w)-1)])
			}
		}
	}
	if !reflect.DeepEqual(got.GILs, want.GILs) {
		return fmt.Sprintf("GIL holds differ: %v, want %v", got.GILs, want.GILs)
	}
	return fmt.Sprintf("cores differ: %v, want %v", got.Cores, want.Cores)
}

// normTimeline turns nil slices into empty ones, so JSON round trips compare equal.
func normTimeline(tl *machine.Timeline) *machine.Timeline {
	c := *tl
	if c.Threads == nil {
		c.Threads = []trace.ThreadSpans{}
	}
	if c.GILs == nil {
		c.GILs = []trace.GILSpans{}
	}
	for i := range c.Cores {
		if c.Cores[i] == nil {
			c.Cores[i] = []machine.CoreSpan{}
		}
	}
	return &c
}

// drawCheck is what the page reports about a drawn timeline: the colours
// sampled inside a known span of each kind of lane, and the colours wanted.
type drawCheck struct {
	CanvasW, CSSW   int
	Lanes           []string
	RunningGot      [3]int
	RunningWant     [3]int
	GILGot, GILWant [3]int
	CoreGot         [3]int
	CoreWant        [3]int
	Wait            [2]int // pixels of a wait_gil span in its colour, of all
	Themes          map[string][3]int
}

// drawScript draws run cpu312 and samples the canvas.
const drawScript = `gs.load("cpu312").then((r) => {
  const s = gs.storeOf(r), c = document.getElementById("tl");
  const tl = new gs.Timeline(c, s);
  tl.setView(0, s.end); tl.draw();
  const lane = (type, id) => tl.lanes.find((l) => l.type === type && l.id === id);
  const longest = (list, kind) => { let b = -1; for (let i = 0; i < list.n; i++) if (list.kind[i] === kind && (b < 0 || list.end[i] - list.start[i] > list.end[b] - list.start[b])) b = i; return b; };
  const th = gs.THEMES.dark, t2 = lane("thread", 2), sp = t2.list;
  const i = longest(sp, 2), mid = tl.x((sp.start[i] + Math.min(sp.end[i], s.end)) / 2);
  let wl = null, j = -1; // the thread lane with the longest wait_gil span
  for (const l of tl.lanes) {
    if (l.type !== "thread") continue;
    const k = longest(l.list, 4);
    if (k >= 0 && (!wl || l.list.end[k] - l.list.start[k] > wl.list.end[j] - wl.list.start[j])) { wl = l; j = k; }
  }
  const x0 = tl.x(wl.list.start[j]) + 2, x1 = tl.x(wl.list.end[j]) - 2;
  const gil = lane("gil", 0), g = gil.list; let k = 0; while (g.a[k] !== 2) k++;
  const gx = tl.x((g.start[k] + g.end[k]) / 2);
  const core = lane("core", sp.a[i]);
  const out = {
    CanvasW: c.width, CSSW: Math.round(c.getBoundingClientRect().width), Lanes: tl.lanes.map((l) => l.type + ":" + l.id),
    RunningGot: gs.pixel(c, mid, t2.y + 3), RunningWant: gs.hex(th.states.running_gil),
    GILGot: gs.pixel(c, gx, gil.y + 3), GILWant: gs.hex(gs.threadColor(2)),
    CoreGot: gs.pixel(c, mid, core.y + 3), CoreWant: gs.hex(gs.threadColor(2)),
    Wait: gs.regionCount(c, x0, wl.y + 2, x1 - x0, wl.h - 4, th.states.wait_gil, 12), Themes: {} };
  for (const name of ["light", "contrast"]) { tl.setTheme(name); tl.draw(); out.Themes[name] = gs.pixel(c, mid, t2.y + 3); }
  tl.destroy();
  return out;
})`

// TestTimelineDraws draws a real run and checks the pixels: a running_gil
// span is its state's colour, the longest wait_gil span is hatched (its colour covers
// part of it, not all), the GIL lane shows the holder's colour and the core
// lane the thread's; themes change the colours; the canvas has device pixels.
func TestTimelineDraws(t *testing.T) {
	runs := map[string]*run{"cpu312": simulate(t, gallery("cpu_threads.py"), "cpython-3.12", 2)}
	for _, dpr := range []float64{1, 2} {
		b := openTestPage(t, runs)
		if dpr != 1 {
			b.Do(chromedp.EmulateViewport(1280, 800, chromedp.EmulateScale(dpr)))
		}
		var got drawCheck
		eval(t, b, drawScript, &got)
		t.Logf("dpr %g: lanes %v, canvas %d device px for %d CSS px", dpr, got.Lanes, got.CanvasW, got.CSSW)
		if want := int(float64(got.CSSW) * dpr); got.CanvasW != want {
			t.Errorf("dpr %g: canvas is %d device pixels wide, want %d", dpr, got.CanvasW, want)
		}
		wantLanes := []string{"gil:0", "thread:1", "thread:2", "thread:3", "core:0", "core:1"}
		if !reflect.DeepEqual(got.Lanes, wantLanes) {
			t.Errorf("lanes %v, want %v", got.Lanes, wantLanes)
		}
		for _, c := range []struct {
			what      string
			got, want [3]int
		}{{"running_gil span", got.RunningGot, got.RunningWant}, {"GIL lane held by thread 2", got.GILGot, got.GILWant}, {"core lane running thread 2", got.CoreGot, got.CoreWant}} {
			if !nearRGB(c.got, c.want) {
				t.Errorf("dpr %g: %s drawn %v, want %v", dpr, c.what, c.got, c.want)
			}
		}
		if n, all := got.Wait[0], got.Wait[1]; n < all/4 || n > all*19/20 {
			t.Errorf("dpr %g: wait_gil span: %d of %d pixels in its colour, want hatching (between 1/4 and 95%%)", dpr, n, all)
		}
		for name, c := range got.Themes {
			if nearRGB(c, got.RunningWant) {
				t.Errorf("theme %s draws running_gil as the dark theme does (%v)", name, c)
			}
		}
	}
}

func nearRGB(a, b [3]int) bool {
	for i := range a {
		if d := a[i] - b[i]; d > 6 || d < -6 {
			return false
		}
	}
	return true
}

// TestTimelineScreenshots saves PNGs of the test page to the directory named
// by $TIMELINE_SHOTS (skipped when it is unset), for a human to look at.
func TestTimelineScreenshots(t *testing.T) {
	dir := os.Getenv("TIMELINE_SHOTS")
	if dir == "" {
		t.Skip("set TIMELINE_SHOTS=dir to save screenshots")
	}
	runs := map[string]*run{
		"cpu312":  simulate(t, gallery("cpu_threads.py"), "cpython-3.12", 2),
		"cpu313t": simulate(t, gallery("cpu_threads.py"), "cpython-3.13t", 2),
	}
	b := openTestPage(t, runs)
	for _, theme := range []string{"dark", "contrast"} {
		var ok bool
		eval(t, b, `Promise.all([gs.load("cpu312"), gs.load("cpu313t")]).then(([a, b]) => {
			const sa = gs.storeOf(a), sb = gs.storeOf(b);
			const tl = new gs.Timeline(document.getElementById("tl"), sa, {theme: "`+theme+`"});
			tl.setView(4.9e6, 5.6e6); tl.setPosition(5.3e6); tl.draw();
			const r = tl.lanes.find((l) => l.type === "thread" && l.id === 2);
			tl.select(tl.x(5126556), r.y + r.h / 2);
			tl._hoverAt(tl.x(5126556), r.y + r.h / 2); tl.draw();
			const cmp = new gs.CompareTimeline(document.getElementById("cmp"), sa, sb, {theme: "`+theme+`"});
			cmp.setView(0, Math.max(sa.end, sb.end)); cmp.setPosition(8e6); cmp.draw();
			const p = gs.mountPanels({objects: document.getElementById("objects"), bytecode: document.getElementById("bytecode"),
			  stats: document.getElementById("stats"), explain: document.getElementById("explain")}, sa, {theme: "`+theme+`"});
			p.update(5.3e6); p.render();
			return true;
		})`, &ok)
		png := browsertest.Run(b, chromedp.FullScreenshot(100))
		if err := os.WriteFile(filepath.Join(dir, "timeline-"+theme+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var ok bool
	eval(t, b, `(() => {
		const s = gs.storeOf(gs.synth(100000), 5000);
		for (const [id, v] of [["tl", 1], ["cmp", 0.002]]) {
			const tl = new gs.Timeline(document.getElementById(id), s);
			tl.setView(0, s.end * v); tl.setPosition(s.end * v * 0.5); tl.draw();
		}
		return true;
	})()`, &ok)
	png := browsertest.Run(b, chromedp.FullScreenshot(100))
	if err := os.WriteFile(filepath.Join(dir, "timeline-100k.png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
	eval(t, b, `(() => {
		const s = gs.storeOf(gs.anomalies(true));
		const tl = new gs.Timeline(document.getElementById("tl"), s, {theme: "light"});
		tl.setView(0, 6000); tl.setPosition(4500); tl.draw();
		const p = gs.mountPanels({objects: document.getElementById("objects")}, s);
		p.update(4500); p.render();
		return true;
	})()`, &ok)
	png = browsertest.Run(b, chromedp.FullScreenshot(100))
	if err := os.WriteFile(filepath.Join(dir, "timeline-anomalies.png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestTimelineSelectExplains clicks a forced switch on the canvas with a real
// mouse event and checks the explanation names the check point, the waiting
// thread and the durations; hovering shows the simulated time.
func TestTimelineSelectExplains(t *testing.T) {
	runs := map[string]*run{"cpu312": simulate(t, gallery("cpu_threads.py"), "cpython-3.12", 2)}
	b := openTestPage(t, runs)
	var at struct{ X, Y, T float64 }
	eval(t, b, `gs.load("cpu312").then((r) => {
		const s = gs.storeOf(r), c = document.getElementById("tl");
		const fs = s.instants.find((e) => e.kind === "forced_switch");
		window.tl = new gs.Timeline(c, s, {onSelect: (x) => { window.sel = x; }, onHover: (x) => { window.hov = x; }});
		tl.setView(fs.t - 2e5, fs.t + 2e5); tl.draw();
		const lane = tl.lanes.find((l) => l.type === "thread" && l.id === fs.thread);
		const box = c.getBoundingClientRect();
		return {X: box.left + tl.x(fs.t), Y: box.top + lane.y + lane.h / 2, T: fs.t};
	})`, &at)
	b.Do(chromedp.MouseEvent("mouseMoved", at.X, at.Y), chromedp.MouseClickXY(at.X, at.Y))
	var sel struct {
		Kind, Text, Hover string
	}
	eval(t, b, `Promise.resolve({Kind: window.sel && window.sel.item.event && window.sel.item.event.kind, Text: window.sel && window.sel.text, Hover: window.hov && window.hov.text})`, &sel)
	t.Logf("explanation: %s", sel.Text)
	t.Logf("hover: %s", sel.Hover)
	if sel.Kind != "forced_switch" {
		t.Fatalf("clicked %q, want the forced_switch mark", sel.Kind)
	}
	jump := fmt.Sprintf("JUMP_BACKWARD on line %d", lineOf(runs["cpu312"], "count", "JUMP_BACKWARD"))
	for _, want := range []string{jump + " of count()", "check point", "had asked", "ms"} {
		if !strings.Contains(sel.Text, want) {
			t.Errorf("explanation %q lacks %q", sel.Text, want)
		}
	}
	if !strings.Contains(sel.Hover, "forced switch · ") || !strings.Contains(sel.Hover, " ms") {
		t.Errorf("hover text %q, want the mark and its simulated time", sel.Hover)
	}
	// The drop request that caused it explains the whole hand-off.
	var drop string
	eval(t, b, `Promise.resolve(gs.explain(tl.stores[0], {event: tl.stores[0].instants.find((e) => e.kind === "drop_request")}))`, &drop)
	t.Logf("drop request: %s", drop)
	for _, want := range []string{"had waited", "asked thread 2", "saw the request", jump, "took it"} {
		if !strings.Contains(drop, want) {
			t.Errorf("drop request explanation %q lacks %q", drop, want)
		}
	}
	// Zoomed out, hovering a merged block summarises what it stands for.
	var summary string
	eval(t, b, `(() => {
		const s = gs.storeOf(gs.synth(20000), 2000), tl = new gs.Timeline(document.getElementById("cmp"), s);
		tl.fit(); tl.draw();
		const l = tl.lanes.find((x) => x.type === "thread" && x.id === 2);
		const hit = tl.hitTest(600, l.y + l.h - 2); // below the marks
		tl.destroy();
		return hit ? hit.lines.join(" / ") : "";
	})()`, &summary)
	t.Logf("merged block: %s", summary)
	if !strings.Contains(summary, "spans in these") || !strings.Contains(summary, "waiting for GIL") || !strings.Contains(summary, " %") {
		t.Errorf("hovering a merged block: %q, want how many spans and each state's share", summary)
	}
	// Forty threads do not fit: the lanes scroll, and the last one can be brought into view.
	var scroll struct {
		Max, Bottom, ViewBottom float64
		Visible                 bool
	}
	eval(t, b, `(() => {
		const s = gs.storeOf(gs.synth(2000, 40), 500), c = document.getElementById("cmp");
		const tl = new gs.Timeline(c, s); tl.fit(); tl.draw();
		const max = tl.maxScroll;
		tl.scroll(1e6); tl.draw();
		const last = tl.lanes[tl.lanes.length - 1];
		const lane40 = tl.lanes.find((l) => l.type === "thread" && l.id === 40);
		const hit = tl.hitTest(300, lane40.y + lane40.h / 2);
		const out = {Max: max, Bottom: last.y + last.h, ViewBottom: c.getBoundingClientRect().height - 20, Visible: !!hit && hit.lane.id === 40};
		tl.destroy();
		return out;
	})()`, &scroll)
	if scroll.Max <= 0 || math.Abs(scroll.Bottom-scroll.ViewBottom) > 1 || !scroll.Visible {
		t.Errorf("scrolling 40 lanes: max scroll %g, last lane ends at %g (view ends at %g), thread 40 hit: %v", scroll.Max, scroll.Bottom, scroll.ViewBottom, scroll.Visible)
	}
	// Keys zoom and pan; the wheel zooms around the pointer.
	var view struct{ Before, Keys, Wheel [2]float64 }
	eval(t, b, `Promise.resolve({Before: [tl.t0, tl.t1]})`, &view)
	b.Do(chromedp.Focus("#tl"), chromedp.KeyEvent("w"), chromedp.KeyEvent("d"))
	eval(t, b, `Promise.resolve({Before: [0, 0], Keys: [tl.t0, tl.t1]})`, &view)
	if w0, w1 := 4e5, view.Keys[1]-view.Keys[0]; w1 >= w0 {
		t.Errorf("after W the view is %g ns wide, want narrower than %g", w1, w0)
	}
	// The wheel zooms in around the pointer: the time under it stays put. (DevTools wants
	// a deltaX, and a zero one is left out of the JSON.)
	var under [2]float64
	eval(t, b, `Promise.resolve([tl.time(`+fmt.Sprint(at.X)+` - tl.canvas.getBoundingClientRect().left), tl.t1 - tl.t0])`, &under)
	b.Do(chromedp.MouseEvent(input.DispatchMouseEventTypeMouseWheel, at.X, at.Y, func(p *input.DispatchMouseEventParams) { p.DeltaX, p.DeltaY = 1e-9, -200 }))
	var after [2]float64
	eval(t, b, `new Promise((ok) => requestAnimationFrame(() => ok([tl.time(`+fmt.Sprint(at.X)+` - tl.canvas.getBoundingClientRect().left), tl.t1 - tl.t0])))`, &after)
	if after[1] >= under[1] || math.Abs(after[0]-under[0]) > under[1]/1000 {
		t.Errorf("wheel: view %g → %g ns wide, time under the pointer %g → %g; want narrower, same time", under[1], after[1], under[0], after[0])
	}
	// Dragging left by 200 px moves the view later by 200 px worth of time.
	var before, dragged [2]float64
	eval(t, b, `Promise.resolve([tl.t0, tl.resolution()])`, &before)
	b.Do(chromedp.MouseEvent(input.DispatchMouseEventTypeMousePressed, at.X, at.Y, chromedp.ButtonLeft, chromedp.ClickCount(1)),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, at.X-100, at.Y, chromedp.ButtonLeft),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, at.X-200, at.Y, chromedp.ButtonLeft),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseReleased, at.X-200, at.Y, chromedp.ButtonLeft, chromedp.ClickCount(1)))
	eval(t, b, `Promise.resolve([tl.t0, tl.resolution()])`, &dragged)
	if want := before[0] + 200*before[1]; math.Abs(dragged[0]-want) > 2*before[1] {
		t.Errorf("drag: view starts at %g, want %g", dragged[0], want)
	}
}

// TestTimelineAnomaliesAndDeadlock draws the events still to come (refcount
// anomalies, a deadlock) and checks the cycle, the marks and the objects panel.
func TestTimelineAnomaliesAndDeadlock(t *testing.T) {
	b := openTestPage(t, nil)
	var empty string
	eval(t, b, `(() => {
		const s = new gs.RunStore(), tl = new gs.Timeline(document.getElementById("tl"), s);
		tl.draw(); tl.setPosition(100); tl.fit(); tl.zoom(0.5); tl.pan(10); tl.draw();
		const el = {objects: document.getElementById("objects"), bytecode: document.getElementById("bytecode"), stats: document.getElementById("stats")};
		const p = gs.mountPanels(el, s); p.render();
		const text = JSON.stringify([s.stateAt(0), el.stats.textContent, el.bytecode.textContent]);
		tl.destroy(); p.destroy();
		return text;
	})()`, &empty)
	t.Logf("empty store: %s", empty)
	for _, withCycle := range []bool{true, false} {
		var got struct {
			Cycle          []map[string]any
			Text, Race     string
			RedMarks       [2]int
			RedCycle       [2]int
			GreyPause      [2]int
			Objects2200    string
			True2200       string
			Objects, Flags string
		}
		eval(t, b, `(() => {
			const s = gs.storeOf(gs.anomalies(`+strconv.FormatBool(withCycle)+`)), c = document.getElementById("tl");
			const tl = new gs.Timeline(c, s); tl.setView(0, 6000); tl.draw();
			const dl = s.instants.find((e) => e.kind === "deadlock");
			const l1 = tl.lanes.find((l) => l.type === "thread" && l.id === 1), l2 = tl.lanes.find((l) => l.type === "thread" && l.id === 2);
			const red = gs.THEMES.dark.anomaly;
			const el = {objects: document.getElementById("objects")};
			const p = gs.mountPanels(el, s); p.update(2200); p.render();
			const out = {Cycle: gs.deadlockCycle(s, dl), Text: gs.explain(s, {event: dl}),
			  Race: gs.explain(s, {event: s.instants.find((e) => e.kind === "ref_race")}),
			  RedMarks: gs.regionCount(c, tl.x(2000) - 8, l2.y, 16, l2.h, red, 20),
			  RedCycle: gs.regionCount(c, tl.x(5000) - 80, l1.y, 78, l2.y + l2.h - l1.y, red, 20),
			  GreyPause: gs.regionCount(c, tl.x(3650) - 2, l1.y + 2, 4, 4, "#8d8f92", 40),
			  Objects2200: el.objects.textContent,
			  True2200: [...el.objects.querySelectorAll("td.gs-bad")].map((e) => e.textContent).join("|")};
			p.update(5500); p.render();
			out.Objects = el.objects.textContent;
			out.Flags = [...el.objects.querySelectorAll(".gs-flags")].map((e) => e.textContent).join("|");
			tl.destroy(); p.destroy();
			return out;
		})()`, &got)
		t.Logf("with its cycle %v: cycle %v; %s", withCycle, got.Cycle, got.Text)
		t.Logf("race: %s", got.Race)
		if len(got.Cycle) != 2 || got.Cycle[0]["thread"] != 1.0 || got.Cycle[0]["lock"] != 11.0 || got.Cycle[0]["holder"] != 2.0 ||
			got.Cycle[1]["thread"] != 2.0 || got.Cycle[1]["lock"] != 10.0 || got.Cycle[1]["holder"] != 1.0 {
			t.Errorf("cycle %v, want 1 →(lock 11)→ 2 →(lock 10)→ 1", got.Cycle)
		}
		for _, want := range []string{"thread 1 (MainThread) waits for lock", "held by thread 2 (worker)", "thread 2 (worker) waits for lock"} {
			if !strings.Contains(got.Text, want) {
				t.Errorf("deadlock explanation %q lacks %q", got.Text, want)
			}
		}
		if !strings.Contains(got.Race, "the update of thread 2 (worker) was overwritten") || !strings.Contains(got.Race, "while 3 references exist") {
			t.Errorf("race explanation %q, want the lost update and the true count", got.Race)
		}
		if got.RedMarks[0] < 10 {
			t.Errorf("ref_race mark: %d red pixels on thread 2's lane, want a mark", got.RedMarks[0])
		}
		if got.RedCycle[0] < 30 {
			t.Errorf("deadlock cycle: %d red pixels left of the deadlock, want the drawn cycle", got.RedCycle[0])
		}
		if !strings.Contains(got.Objects2200, "list #50") || !strings.Contains(got.True2200, "3") {
			t.Errorf("objects panel at 2.2 µs: %q (marked %q), want list #50 with true count 3", got.Objects2200, got.True2200)
		}
		for _, want := range []string{"race, use after free", "race, leak"} {
			if !strings.Contains(got.Flags, want) {
				t.Errorf("objects panel flags %q lack %q", got.Flags, want)
			}
		}
		if !strings.Contains(got.Objects, "owner") {
			t.Errorf("objects panel %q lacks the owner column", got.Objects)
		}
	}
}

// TestTimelineRealAnomalies feeds the machine's own anomaly events (a
// refcount race and use after free under nogil-unsafe, a lock-order
// deadlock) through the store and checks the cycle, the explanations and
// the objects panel.
func TestTimelineRealAnomalies(t *testing.T) {
	runs := map[string]*run{
		"race":     simulate(t, filepath.Join("testdata", "race.py"), "nogil-unsafe", 2),
		"deadlock": simulate(t, filepath.Join("testdata", "deadlock.py"), "cpython-3.12", 2),
	}
	b := openTestPage(t, runs)
	var got struct {
		Cycle          []map[string]any
		Deadlock, Race string
		UAF, Flags     string
		Differs        bool
	}
	eval(t, b, `Promise.all([gs.load("race"), gs.load("deadlock")]).then(([r, d]) => {
		const sr = gs.storeOf(r), sd = gs.storeOf(d);
		const dl = sd.instants.find((e) => e.kind === "deadlock");
		const race = sr.instants.find((e) => e.kind === "ref_race"), uaf = sr.instants.find((e) => e.kind === "use_after_free");
		const el = {objects: document.getElementById("objects")};
		const p = gs.mountPanels(el, sr); p.update(sr.end); p.render();
		const rc = sr.refcountAt(race.obj, race.t);
		const out = {Cycle: gs.deadlockCycle(sd, dl), Deadlock: gs.explain(sd, {event: dl}), Race: gs.explain(sr, {event: race}),
		  UAF: gs.explain(sr, {event: uaf}), Flags: [...el.objects.querySelectorAll(".gs-flags")].map((e) => e.textContent).join("|"),
		  Differs: rc.count !== rc.trueCount};
		const tl = new gs.Timeline(document.getElementById("tl"), sd); tl.fit(); tl.draw(); tl.destroy();
		p.destroy();
		return out;
	})`, &got)
	t.Logf("deadlock: %v; %s", got.Cycle, got.Deadlock)
	t.Logf("race: %s", got.Race)
	t.Logf("use after free: %s", got.UAF)
	if len(got.Cycle) != 2 || got.Cycle[0]["thread"] != 2.0 || got.Cycle[0]["holder"] != 3.0 || got.Cycle[1]["thread"] != 3.0 || got.Cycle[1]["holder"] != 2.0 {
		t.Errorf("deadlock cycle %v, want thread 2 → lock b → thread 3 → lock a → thread 2", got.Cycle)
	}
	if !strings.Contains(got.Deadlock, "waits for lock b (#2), held by thread 3") {
		t.Errorf("deadlock explanation %q", got.Deadlock)
	}
	if !got.Differs || !strings.Contains(got.Race, "references exist") {
		t.Errorf("after the race the true count should differ from the simulated one (%v): %q", got.Differs, got.Race)
	}
	if !strings.Contains(got.UAF, "after it had been freed") || !strings.Contains(got.Flags, "race, use after free") {
		t.Errorf("use after free: %q; object flags %q", got.UAF, got.Flags)
	}
}

// TestRunStoreInstr checks the protocol's instr messages: they give a
// running thread's exact instruction, and a resent stretch replaces what
// the store held for it.
func TestRunStoreInstr(t *testing.T) {
	b := openTestPage(t, nil)
	var got []map[string]any
	eval(t, b, `(() => {
		const s = new gs.RunStore({cores: 1});
		s.handle({type: "compiled", run: 0, code: [{id: 1, name: "<module>", firstline: 1, instructions: [
			{offset: 0, line: 1, opname: "RESUME"}, {offset: 2, line: 2, opname: "LOAD_FAST"}, {offset: 4, line: 3, opname: "JUMP_BACKWARD"}]}]});
		s.handle({type: "events", t0: 0, t1: 1000, events: [
			{t: 0, kind: "thread_state", thread: 1, core: 0, state: "running", line: 1, pc: 0, code: 1}]});
		const at = (t) => { const x = s.stateAt(t).threads[0]; return {t, line: x.line, opname: x.opname, known: x.known}; };
		const out = [at(500)];
		s.handle({type: "instr", t0: 0, t1: 1000, events: [0, 1, 2, 0, 1, 2, 0, 1, 2, 0].map((pc, k) =>
			({t: k * 100, kind: "instr", thread: 1, core: 0, pc, line: pc + 1, code: 1}))});
		out.push(at(500), at(650));
		s.handle({type: "instr", t0: 400, t1: 700, events: [{t: 450, kind: "instr", thread: 1, core: 0, pc: 2, line: 3, code: 1}]});
		out.push(at(500), at(650), at(750));
		return out;
	})()`, &got)
	t.Logf("%v", got)
	// before any instr: the last event's position; then the instr samples (pc k%3 at
	// k*100 ns); then [400, 700) replaced by one sample at 450
	want := []struct {
		line   float64
		opname string
	}{{1, "RESUME"}, {3, "JUMP_BACKWARD"}, {1, "RESUME"}, {3, "JUMP_BACKWARD"}, {3, "JUMP_BACKWARD"}, {2, "LOAD_FAST"}}
	for i, w := range want {
		if i >= len(got) || got[i]["line"] != w.line || got[i]["opname"] != w.opname {
			t.Errorf("position %d: %v, want line %v %s", i, got[min(i, len(got)-1)], w.line, w.opname)
		}
	}
}

// TestTimelineProcesses runs a multiprocessing pool: each process's threads
// and GIL get a lane group of their own. Skipped on a machine without
// multiprocessing (every thread in process 1).
func TestTimelineProcesses(t *testing.T) {
	r := simulate(t, filepath.Join("testdata", "processes.py"), "cpython-3.12", 2)
	procs := map[int32]bool{}
	for _, e := range r.Events {
		if e.Kind == machine.EvThreadStart {
			procs[e.ThreadStart().Process] = true
		}
	}
	if len(procs) < 2 {
		t.Skip("the machine ran no second process")
	}
	b := openTestPage(t, map[string]*run{"procs": r})
	var got struct {
		Lanes   []string
		Explain string
	}
	eval(t, b, `gs.load("procs").then((r) => {
		const s = gs.storeOf(r), tl = new gs.Timeline(document.getElementById("tl"), s);
		tl.fit(); tl.draw();
		const out = {Lanes: tl.lanes.map((l) => l.type + ":" + (l.type === "group" ? l.label : l.id)),
		  Explain: gs.explain(s, {event: s.instants.find((e) => e.kind === "thread_start" && e.thread === 2)})};
		tl.destroy();
		return out;
	})`, &got)
	t.Logf("lanes %v; %s", got.Lanes, got.Explain)
	// Thread 4 to 6 are the pool's worker, task and result handlers, as in CPython.
	want := []string{"group:main process", "gil:0", "thread:1", "thread:4", "thread:5", "thread:6", "group:process 2", "gil:1", "thread:2", "group:process 3", "gil:2", "thread:3", "core:0", "core:1"}
	if !reflect.DeepEqual(got.Lanes, want) {
		t.Errorf("lanes %v, want %v", got.Lanes, want)
	}
	if !strings.Contains(got.Explain, "in process 2") {
		t.Errorf("thread_start explanation %q does not name the process", got.Explain)
	}
}

// frameFigures is what gs.bench reports: frame times in ms.
type frameFigures struct {
	ThreadSpans, AllSpans, Events int
	LoadMs, StateAtMs             float64
	DPR                           float64
	Canvas                        string
	Fit, Zoom, Pan, Script        struct {
		Min, Median, P95, Max float64
		Frames                int
	}
}

// BenchmarkTimelineFrame loads 100,000 synthetic thread-state spans and
// measures a frame of fit, zoom and pan in headless Chromium (software
// rendering), at device pixel ratios 1 and 2, reporting the median frame of
// each (the target is 16 ms; the figures go to docs/performance.md,
// "Browser"). Run it with go test ./static -run XXX -bench TimelineFrame.
func BenchmarkTimelineFrame(b *testing.B) {
	for _, dpr := range []float64{1, 2} {
		b.Run(fmt.Sprintf("dpr=%g", dpr), func(b *testing.B) {
			br := openTestPage(b, nil)
			if dpr != 1 {
				br.Do(chromedp.EmulateViewport(1280, 800, chromedp.EmulateScale(dpr)))
			}
			var f frameFigures
			for range b.N {
				eval(b, br, `gs.bench(100000)`, &f)
			}
			if f.ThreadSpans < 100000 {
				b.Fatalf("bench loaded %d thread spans, want at least 100,000", f.ThreadSpans)
			}
			b.Logf("canvas %s device px: %d thread spans (%d in all lanes, %d events, stored in %.0f ms); p95 fit %.2f, zoom %.2f, pan %.2f ms; draw() alone median %.2f ms; stateAt %.3f ms",
				f.Canvas, f.ThreadSpans, f.AllSpans, f.Events, f.LoadMs, f.Fit.P95, f.Zoom.P95, f.Pan.P95, f.Script.Median, f.StateAtMs)
			b.ReportMetric(f.Fit.Median, "fit-ms")
			b.ReportMetric(f.Zoom.Median, "zoom-ms")
			b.ReportMetric(f.Pan.Median, "pan-ms")
		})
	}
}

// TestTimelineCompareFollowPanels checks CompareTimeline (two runs on one
// axis), following the position, stateAt, and the panels' DOM.
func TestTimelineCompareFollowPanels(t *testing.T) {
	runs := map[string]*run{
		"cpu312":  simulate(t, gallery("cpu_threads.py"), "cpython-3.12", 2),
		"cpu313t": simulate(t, gallery("cpu_threads.py"), "cpython-3.13t", 2),
	}
	b := openTestPage(t, runs)
	var got struct {
		Lanes                   []string
		Teal                    [2]int
		FollowT0, FollowT1, End float64
		State                   struct {
			State, Opname string
			Line, Holder  int
		}
		Stats, Bytecode string
		Badges          []string
		Explain         string
	}
	eval(t, b, `Promise.all([gs.load("cpu312"), gs.load("cpu313t")]).then(([a, bb]) => {
		const sa = gs.storeOf(a), sb = gs.storeOf(bb), c = document.getElementById("cmp");
		const cmp = new gs.CompareTimeline(c, sa, sb);
		cmp.setView(0, Math.max(sa.end, sb.end)); cmp.draw();
		const lb = cmp.lanes.find((l) => l.si === 1 && l.type === "thread" && l.id === 2);
		const teal = gs.regionCount(c, cmp.x(sb.end * 0.3), lb.y + 2, cmp.x(sb.end * 0.6) - cmp.x(sb.end * 0.3), lb.h - 4, gs.THEMES.dark.states.running, 12);
		cmp.setView(0, 1e6); cmp.follow(true); cmp.setPosition(sa.end * 0.7);
		const tl2 = sa.threads.get(2).spans; let i = 0; while (tl2.kind[i] !== 2 || tl2.end[i] - tl2.start[i] < 1e6) i++;
		const t = Math.min(tl2.end[i], sa.end) - 2e3, st = sa.stateAt(t), th2 = st.threads.find((x) => x.id === 2);
		const el = {stats: document.getElementById("stats"), bytecode: document.getElementById("bytecode"), explain: document.getElementById("explain")};
		const p = gs.mountPanels(el, sa); p.update(t); p.render(); p.explain(null);
		const out = {Lanes: cmp.lanes.map((l) => l.type + ":" + (l.type === "group" ? l.label : l.id)), Teal: teal,
		  FollowT0: cmp.t0, FollowT1: cmp.t1, End: sa.end * 0.7,
		  State: {State: th2.state, Opname: th2.opname, Line: th2.line, Holder: st.gils[0].holder},
		  Stats: el.stats.textContent, Bytecode: el.bytecode.textContent,
		  Badges: [...el.bytecode.querySelectorAll(".gs-badge")].map((x) => x.textContent + "@" + x.closest("tr").querySelector(".gs-op").textContent),
		  Explain: el.explain.textContent};
		cmp.destroy(); p.destroy();
		return out;
	})`, &got)
	t.Logf("lanes %v; thread 2 at t: %+v; badges %v", got.Lanes, got.State, got.Badges)
	want := []string{"group:A · cpython-3.12", "gil:0", "thread:1", "thread:2", "thread:3", "core:0", "core:1",
		"group:B · cpython-3.13t", "thread:1", "thread:2", "thread:3", "core:0", "core:1"}
	if !reflect.DeepEqual(got.Lanes, want) {
		t.Errorf("compare lanes %v, want %v", got.Lanes, want)
	}
	if n, all := got.Teal[0], got.Teal[1]; n < all/4 {
		t.Errorf("3.13t thread 2 (running without a GIL): %d of %d pixels in its colour, want its striped span", n, all)
	}
	if got.End < got.FollowT0 || got.End > got.FollowT1 {
		t.Errorf("following: position %g outside the view [%g, %g]", got.End, got.FollowT0, got.FollowT1)
	}
	first, last := lineOf(runs["cpu312"], "count", ""), lineOf(runs["cpu312"], "count", "max")
	if got.State.State != "running_gil" || got.State.Holder != 2 || got.State.Line < first || got.State.Line > last || got.State.Opname == "" {
		t.Errorf("stateAt: thread 2 %+v, want running_gil in count() (lines %d–%d) holding the GIL", got.State, first, last)
	}
	if !strings.Contains(got.Stats, "× the sequential time") || !strings.Contains(got.Stats, "Thread-1 (count)") {
		t.Errorf("stats panel %q", got.Stats)
	}
	if len(got.Badges) != 1 || !strings.HasPrefix(got.Badges[0], "2@") || !strings.Contains(got.Bytecode, "JUMP_BACKWARD") {
		t.Errorf("bytecode panel: badges %v, want thread 2's mark on an instruction of count()", got.Badges)
	}
	if !strings.Contains(got.Explain, "Click a span") {
		t.Errorf("explain placeholder %q", got.Explain)
	}
}
