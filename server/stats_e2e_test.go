// stats_e2e_test.go checks in headless Chromium that the statistics panel
// shows the numbers "gilscope run --stats" prints for the same workload,
// whatever the speed it was played at and the zoom it was drawn at.

package server_test

import (
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/gilscope/gilscope/examples"
	"github.com/gilscope/gilscope/vm/machine"
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
