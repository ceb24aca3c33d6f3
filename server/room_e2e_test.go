// room_e2e_test.go tests rooms in headless Chromium: a presenter and three
// students in four pages of one browser. The students follow play, pause,
// seek, zoom and a model change; one detaches and rejoins; none of them
// makes the server simulate anything.

package server_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/gilscope/gilscope/internal/browsertest"
	"github.com/gilscope/gilscope/server"
)

// tab is one page of the browser, in a tab of its own.
type tab struct {
	t    *testing.T
	name string
	ctx  context.Context
	b    *browsertest.Browser
}

func (p *tab) run(actions ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, pagePollTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		state, _ := chromedp.Run(p.ctx, chromedp.Evaluate[string](`JSON.stringify(document.body.dataset) + " " + document.getElementById("status").textContent`))
		p.t.Fatalf("%s: %v; the page: %s; problems: %q", p.name, err, state, p.b.Problems())
	}
}

func (p *tab) wait(expr string) {
	p.t.Helper()
	p.run(chromedp.Poll[chromedp.Void](expr, chromedp.WithPollingTimeout(pagePollTimeout)))
}

func tabEval[T any](p *tab, expr string) T {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, pagePollTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		p.t.Fatalf("%s: %s: %v", p.name, expr, err)
	}
	return v
}

// cacheMisses reads the server's count of runs (kind "run") or instruction
// windows ("trace") it had to simulate; cacheHits of those it read from the
// cache.
func cacheMisses(t *testing.T, b *browsertest.Browser, kind string) int {
	return cacheCounter(t, b, "gilscope_"+kind+"_cache_misses_total")
}

func cacheHits(t *testing.T, b *browsertest.Browser, kind string) int {
	return cacheCounter(t, b, "gilscope_"+kind+"_cache_hits_total")
}

func cacheCounter(t *testing.T, b *browsertest.Browser, name string) int {
	t.Helper()
	resp, err := http.Get(b.URL("/metrics"))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	m := regexp.MustCompile(`(?m)^` + name + ` (\d+)`).FindSubmatch(body)
	if m == nil {
		t.Fatalf("/metrics has no %s", name)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

func TestPageRoom(t *testing.T) {
	if server.RaceEnabled {
		// Four pages each run the presenter's program; under the race detector
		// their runs are several times slower than the waits. The room's own
		// concurrency is checked under -race by rooms_test.go.
		t.Skip("four browser pages with their runs; skipped under the race detector")
	}
	b := startPage(t)
	presenter := &tab{t: t, name: "presenter", ctx: b.Context(), b: b}
	b.Do(chromedp.EmulateViewport(1280, 720))
	b.Open("/")
	presenter.wait(`document.body.dataset.run > 0`)
	presenter.run(chromedp.Click(chromedp.CSS("#room")), chromedp.Click(chromedp.CSS("#room-start")))
	presenter.wait(`(document.body.dataset.roomCode || "").length === 6 && document.querySelector(".room-qr").dataset.modules > 0`)
	code := tabEval[string](presenter, `document.body.dataset.roomCode`)
	if link := tabEval[string](presenter, `document.getElementById("room-link").textContent`); link != b.URL("/r/"+code) {
		t.Errorf("the room's link is %q, want %q", link, b.URL("/r/"+code))
	}
	missesBefore := cacheMisses(t, b, "run")

	var students []*tab
	for i := range 3 {
		ctx, cancel := chromedp.NewContext(b.Context())
		t.Cleanup(cancel)
		if err := chromedp.Do(ctx); err != nil { // opens the tab, for as long as ctx lasts
			t.Fatal(err)
		}
		s := &tab{t: t, name: fmt.Sprint("student ", i), ctx: ctx, b: b}
		s.run(chromedp.EmulateViewport(1280, 720), chromedp.Navigate(b.URL("/r/"+code)))
		s.wait(`document.body.dataset.roomFollowing === "1" && document.body.dataset.run > 0`)
		students = append(students, s)
	}
	presenter.wait(`document.body.dataset.roomFollowers === "3"`)
	pageShot(t, b, "room.png")
	source := tabEval[string](presenter, `document.querySelector("#editor .cm-content").innerText`)
	for _, s := range students {
		if got := tabEval[string](s, `document.querySelector("#editor .cm-content").innerText`); got != source {
			t.Errorf("%s shows another program:\n%s", s.name, got)
		}
	}

	// all waits until every student in group shows what expr gives on the presenter's page.
	all := func(group []*tab, expr string) {
		t.Helper()
		want := tabEval[string](presenter, expr)
		for _, s := range group {
			s.wait(fmt.Sprintf(`String(%s) === %q`, expr, want))
		}
	}
	const position = `document.body.dataset.position + "/" + document.body.dataset.playing`
	settle := func() {
		t.Helper()
		presenter.wait(`document.body.dataset.playing === "0"`)
		time.Sleep(300 * time.Millisecond) // the position the server confirms
	}

	// Play, at a speed the students see, then pause.
	pageSpeed(b, pageSlowSpeed)
	presenter.run(chromedp.Click(chromedp.CSS("#play")))
	for _, s := range students {
		s.wait(`document.body.dataset.playing === "1"`)
	}
	presenter.run(chromedp.Click(chromedp.CSS("#play")))
	settle()
	all(students, position)

	// Seek.
	presenter.run(chromedp.Evaluate[chromedp.Void](`(() => { const s = document.getElementById("seek"); s.value = String(Math.floor(Number(s.max) / 3)); s.dispatchEvent(new Event("input")); })()`))
	settle()
	all(students, position)

	// Zoom the timeline.
	presenter.run(chromedp.Focus(chromedp.CSS("#timeline")), chromedp.KeyEvent("w"), chromedp.KeyEvent("w"))
	presenter.wait(`document.body.dataset.roomView !== undefined`)
	time.Sleep(400 * time.Millisecond) // past the view's publishing interval
	all(students, `document.body.dataset.roomView`)

	// One student detaches; the others follow a seek; the student rejoins.
	away := students[0]
	away.run(chromedp.Click(chromedp.CSS("#room-follow")))
	away.wait(`document.body.dataset.roomFollowing === "0"`)
	awayAt := tabEval[string](away, position)
	presenter.run(chromedp.Evaluate[chromedp.Void](`(() => { const s = document.getElementById("seek"); s.value = String(Math.floor(Number(s.max) / 2)); s.dispatchEvent(new Event("input")); })()`))
	settle()
	all(students[1:], position)
	if got := tabEval[string](away, position); got != awayAt {
		t.Errorf("a detached student moved from %s to %s with the presenter", awayAt, got)
	}
	away.run(chromedp.Click(chromedp.CSS("#room-follow")))
	away.wait(`document.body.dataset.roomFollowing === "1"`)
	all(students, position)

	// A model change runs the program again: the students run it too.
	other := tabEval[string](presenter, `[...document.getElementById("model").options].map((o) => o.value).find((v) => v !== document.getElementById("model").value)`)
	runBefore := tabEval[string](students[1], `document.body.dataset.run`)
	presenter.run(chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => { const s = document.getElementById("model"); s.value = %q; s.dispatchEvent(new Event("change")); })()`, other)))
	for _, s := range students {
		s.wait(fmt.Sprintf(`document.getElementById("model").value === %q && document.body.dataset.run !== %q`, other, runBefore))
	}
	pageSpeed(b, pageFastSpeed)
	presenter.wait(`document.body.dataset.run !== "" && document.body.dataset.events > 0`)
	presenter.run(chromedp.Evaluate[chromedp.Void](`document.body.dataset.playing === "1" || document.getElementById("play").click()`))
	presenter.wait(`document.body.dataset.ended === "1"`)
	for _, s := range students {
		s.wait(`document.body.dataset.ended === "1"`)
	}

	// The presenter's two workloads were simulated once each; the
	// students' runs were all read from the cache.
	if misses := cacheMisses(t, b, "run") - missesBefore; misses != 1 {
		t.Errorf("%d runs simulated after the room opened, want 1 (the presenter's model change)", misses)
	}
	t.Logf("instruction windows: %d traced, %d read from the cache", cacheMisses(t, b, "trace"), cacheHits(t, b, "trace"))

	presenter.run(chromedp.Click(chromedp.CSS("#room-end")))
	for _, s := range students {
		s.wait(`document.body.dataset.roomRole === "ended"`)
	}
}
