// timeline_e2e_test.go checks that the timeline modules (static/model.js,
// timeline.js, panels.js and the timeline.css they link) load and draw on the
// real page, under the real server's Content-Security-Policy. Their own
// behaviour is tested in static/timeline_test.go.

package server_test

import (
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/gilscope/gilscope/internal/browsertest"
	"github.com/gilscope/gilscope/web"
)

func TestTimelineModulesOnRealPage(t *testing.T) {
	b := startBrowser(t)
	b.Open("/")
	type result struct {
		Lanes    int
		Drawn    bool
		Collapse string
		Stats    string
	}
	got := browsertest.Run(b, chromedp.Evaluate[result](`(async () => {
		const base = document.querySelector('script[type="module"]').src.replace(/app\.js$/, "");
		const { RunStore } = await import(base + "model.js");
		const { Timeline } = await import(base + "timeline.js");
		const { mountPanels } = await import(base + "panels.js");
		const s = new RunStore({ cores: 1, model: "cpython-3.12" });
		s.add([
			{ t: 0, kind: "thread_start", thread: 1, core: -1, text: "MainThread" },
			{ t: 0, kind: "gil_acquire", thread: 1, core: 0 },
			{ t: 0, kind: "thread_state", thread: 1, core: 0, state: "running_gil" },
			{ t: 1000000, kind: "end", thread: 0, core: -1, text: "exit" },
		]);
		const hold = { count: 1, p10_ns: 1000000, p50_ns: 1000000, p90_ns: 1000000, p99_ns: 1000000, max_ns: 1000000 };
		s.handle({ v: 1, type: "stats", t: 1000001, stats: { model: "cpython-3.12", cores: 1, wall_ns: 1000000,
			gil_acquires: 1, gil_switches: 0, gil_switches_per_sec: 0, drop_requests: 0, forced_switches: 0, futile_wakeups: 0,
			gil_holds: hold, blocking: [], sequential_ns: 1000000, threads: [{ id: 1, name: "MainThread", cpu_ns: 1000000,
			gil_wait_ns: 0, runnable_ns: 0, blocked_ns: 0, gil_holds: hold }] } });
		const c = document.getElementById("`+web.TimelineID+`");
		const tl = new Timeline(c, s);
		tl.setView(0, 1000000); tl.draw();
		const lane = tl.lanes.find((l) => l.type === "thread");
		const dpr = c.width / c.getBoundingClientRect().width;
		const px = c.getContext("2d").getImageData(Math.round(tl.x(500000) * dpr), Math.round((lane.y + 3) * dpr), 1, 1).data;
		const box = document.createElement("div");
		document.body.appendChild(box);
		const p = mountPanels({ stats: box }, s);
		p.render();
		await new Promise((ok) => { const l = [...document.querySelectorAll("link[rel=stylesheet]")].find((x) => x.href.endsWith("timeline.css")); if (l.sheet) ok(); else l.addEventListener("load", ok); });
		return { Lanes: tl.lanes.length, Drawn: px[1] > 120 && px[0] < 100, Collapse: getComputedStyle(box.querySelector("table")).borderCollapse, Stats: box.textContent };
	})()`, chromedp.EvalAwaitPromise))
	if got.Lanes != 3 || !got.Drawn {
		t.Errorf("timeline on the real page: %d lanes (want GIL, thread, core), running span drawn: %v", got.Lanes, got.Drawn)
	}
	if got.Collapse != "collapse" {
		t.Errorf("panel table border-collapse = %q: timeline.css not applied under the CSP?", got.Collapse)
	}
	if got.Stats == "" {
		t.Error("stats panel is empty")
	}
}
