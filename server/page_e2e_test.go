// page_e2e_test.go tests the playground page as a user meets it, in headless
// Chromium against the real server (websocket, examples, share links): it
// opens on an example ready to play, runs it and draws lanes (checked on the
// canvas's pixels), pauses, steps and seeks, shares and reopens a link,
// toggles presentation mode, shows a syntax error at its line, compares two
// models, embeds, and measures the weight of the first load. Any console
// error fails a test (internal/browsertest).
//
// go test ./server -run Page -update rewrites docs/screenshots/.

package server_test

import (
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/gilscope/gilscope/internal/browsertest"
	"github.com/gilscope/gilscope/internal/store"
	"github.com/gilscope/gilscope/server"
	"github.com/gilscope/gilscope/static"
)

var update = flag.Bool("update", false, "rewrite docs/screenshots/*.png from the page tests")

// maxPageWeight bounds the bytes the browser transfers for the first load
// of the playground (TestPageWeight).
const maxPageWeight = 200 << 10

// pagePollTimeout bounds each wait for the page to reach a state.
const pagePollTimeout = 25 * time.Second

// Speeds (simulated ns per real second) the tests play at.
const (
	pageFastSpeed = 1e8 // a gallery example in well under a second
	pageSlowSpeed = 1e6 // 1 ms per second: slow enough to pause in the middle; instructions are sent
	pageMidSpeed  = 2e6 // 2 ms per second: no instructions (a paused link has none either)
)

// startPage opens headless Chromium on the real server: real assets,
// websocket sessions and an in-memory share store.
func startPage(t *testing.T) *browsertest.Browser {
	t.Helper()
	return browsertest.Start(t, pageHandler(t))
}

// pageHandler is the real server as the page tests serve it.
func pageHandler(t *testing.T) http.Handler {
	t.Helper()
	s, err := server.New(server.Config{Logger: slog.New(slog.DiscardHandler), Static: static.FS(), Store: store.NewMemory(),
		Runner: server.WorkersForTest(t)})
	if err != nil {
		t.Fatalf("server.New: %v", err)
	}
	return s.Handler()
}

// precompressAssets compresses the static assets now, as serve does at
// start-up: a test that weighs what the browser transfers must not see the
// plain bytes a server sends until its assets are compressed. Compression is
// memoized by content, so every server of the test binary shares it.
func precompressAssets(t *testing.T) {
	t.Helper()
	s, err := server.New(server.Config{Logger: slog.New(slog.DiscardHandler), Static: static.FS(), Store: store.NewMemory()})
	if err != nil {
		t.Fatalf("server.New: %v", err)
	}
	s.Precompress()
}

// openPage opens path at 1280×720 and waits until the page is ready and
// its run has compiled (the lanes have something to draw).
func openPage(t *testing.T, b *browsertest.Browser, path string) {
	t.Helper()
	b.Do(chromedp.EmulateViewport(1280, 720))
	b.Open(path)
	pageWait(t, b, `document.body.dataset.run > 0`)
}

// pageWait polls the JavaScript expression until it is truthy.
func pageWait(t *testing.T, b *browsertest.Browser, expr string) {
	t.Helper()
	browsertest.Run(b, chromedp.Poll[chromedp.Void](expr, chromedp.WithPollingTimeout(pagePollTimeout)))
}

// pageEval evaluates a JavaScript expression in the page.
func pageEval[T any](b *browsertest.Browser, expr string) T {
	return browsertest.Run(b, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
}

// pageKey presses one key (a character or a kb constant) on the focused element.
func pageKey(b *browsertest.Browser, k string, mods ...chromedp.Modifier) {
	b.Do(chromedp.KeyEvent(k, chromedp.KeyModifiers(mods...)))
}

// pageSpeed chooses a playback speed from the toolbar's picker, as a user does.
func pageSpeed(b *browsertest.Browser, speed float64) {
	pageChoose(b, "speed", strconv.FormatFloat(speed, 'f', -1, 64))
}

// pageType types s as a keyboard does: one keydown carrying the text per
// character, so a page that handles the keydown (preventDefault) stops the
// text, as in a real browser. (chromedp.KeyEvent sends the text in a
// separate char event, which the page cannot stop.)
func pageType(t *testing.T, b *browsertest.Browser, s string) {
	t.Helper()
	for _, r := range s {
		evs := kb.Encode(r)
		down, up := *evs[0], *evs[len(evs)-1]
		if len(evs) == 3 {
			down.Text, down.UnmodifiedText = evs[1].Text, evs[1].UnmodifiedText
		}
		for _, ev := range []input.DispatchKeyEventParams{down, up} {
			if _, err := chromedp.Call(b.Context(), input.DispatchKeyEvent, ev); err != nil {
				t.Fatalf("typing %q: %v", r, err)
			}
		}
	}
}

// pageChoose picks value in the <select> with the given id, as a user does.
func pageChoose(b *browsertest.Browser, id, value string) {
	pageEval[bool](b, fmt.Sprintf(`(() => { const s = document.getElementById(%q); s.value = %q; s.dispatchEvent(new Event("change")); return s.value === %q; })()`, id, value, value))
}

// pagePosition is where playback is, ns, as the page shows it.
func pagePosition(b *browsertest.Browser) int64 {
	return pageEval[int64](b, `Number(document.body.dataset.position)`)
}

// pageSettle waits until playback has stopped (a pause, step or seek has
// been answered) and the position has stayed put for a while, and returns it.
func pageSettle(t *testing.T, b *browsertest.Browser) int64 {
	t.Helper()
	deadline := time.Now().Add(pagePollTimeout)
	last, since := int64(-1), time.Now()
	for time.Now().Before(deadline) {
		p := pagePosition(b)
		playing := pageEval[string](b, `document.body.dataset.playing`)
		if p != last || playing != "0" {
			last, since = p, time.Now()
		} else if time.Since(since) >= 400*time.Millisecond {
			return p
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("playback did not settle (position %d)", last)
	return 0
}

// pageLanePixels counts the canvas pixels painted in the timeline's
// "running, holds GIL" colour (timeline.js THEMES): lanes were drawn.
const pageLanePixels = `(() => {
	const c = document.getElementById("timeline");
	const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
	let n = 0;
	for (let i = 0; i < d.length; i += 4) {
		if (Math.abs(d[i] - 0x2e) + Math.abs(d[i + 1] - 0xa0) + Math.abs(d[i + 2] - 0x43) < 24) n++;
	}
	return n;
})()`

// pageSnapshot is what the page shows of the run at its position, besides the
// canvas: the time, the output, each thread's line in the editor, and every
// thread's state and line (body[data-threads]).
const pageSnapshot = `JSON.stringify({
	time: document.getElementById("time").textContent,
	output: document.getElementById("output").textContent,
	lines: [...document.querySelectorAll(".cm-content .cm-line")].map((l, i) => l.className.includes("cm-thread-line") ? i + 1 + ":" + l.className : "").filter(Boolean),
	gutter: [...document.querySelectorAll(".thread-marks")].map((m) => m.textContent),
	threads: document.body.dataset.threads,
})`

// pageLinkSnapshot is pageSnapshot without the editor's thread lines. Those
// come from events that carry a line, and in the pixel holding the last
// message's end a change may arrive one message late (docs/protocol.md,
// Coalescing), so the author's page and the link's can differ there by one
// event's line; the states, the time and the output cannot.
const pageLinkSnapshot = `JSON.stringify({
	time: document.getElementById("time").textContent,
	output: document.getElementById("output").textContent,
	threads: document.body.dataset.threads,
})`

// TestPageRunsExample: the page opens on the first example, focus outside
// the editor, paused; Space plays it to the end; lanes are drawn and the
// output appears.
func TestPageRunsExample(t *testing.T) {
	b := startPage(t)
	openPage(t, b, "/")
	if src := pageEval[string](b, `document.querySelector(".cm-content").textContent`); !strings.Contains(src, "import threading") {
		t.Fatalf("editor does not show the example: %q", src)
	}
	if in := pageEval[bool](b, `!!document.activeElement.closest(".cm-editor")`); in {
		t.Error("the page opened with the focus in the editor")
	}
	if p := pageEval[string](b, `document.body.dataset.playing`); p != "0" {
		t.Errorf("playing = %s at start, want paused (0)", p)
	}
	pageSpeed(b, pageFastSpeed)
	b.Do(chromedp.Blur(chromedp.CSS("#speed")))
	pageKey(b, " ")
	pageWait(t, b, `document.body.dataset.ended === "1" && document.body.dataset.playing === "0"`)
	pageWait(t, b, `document.getElementById("output").textContent.includes("done")`)
	if n := pageEval[int](b, pageLanePixels); n < 300 {
		t.Errorf("%d canvas pixels in the running-with-GIL colour, want lanes (≥ 300)", n)
	}
	pageShot(t, b, "playground.png")
}

// TestPagePauseStepSeek: pausing stops the position, a step moves it on,
// and seeking back to a time shows what was shown there before.
func TestPagePauseStepSeek(t *testing.T) {
	b := startPage(t)
	openPage(t, b, "/")
	pageSpeed(b, pageSlowSpeed)
	b.Do(chromedp.Focus(chromedp.CSS("#play")))
	pageKey(b, " ")
	pageWait(t, b, `document.body.dataset.position > 2000000`)
	pageKey(b, " ")
	paused := pageSettle(t, b)
	time.Sleep(300 * time.Millisecond)
	if p := pagePosition(b); p != paused {
		t.Fatalf("position moved while paused: %d → %d", paused, p)
	}

	pageKey(b, kb.ArrowRight)
	pageWait(t, b, fmt.Sprintf(`Number(document.body.dataset.position) > %d`, paused))
	stepped := pageSettle(t, b)
	before := pageEval[string](b, pageSnapshot)
	t.Logf("paused at %d ns, stepped to %d ns, showing %s", paused, stepped, before)
	pageShot(t, b, "stepping.png")

	pageKey(b, kb.End)
	pageWait(t, b, fmt.Sprintf(`Number(document.body.dataset.position) > %d`, stepped))
	pageEval[bool](b, fmt.Sprintf(`(() => { const s = document.getElementById("seek"); s.value = "%d"; s.dispatchEvent(new Event("input")); return true; })()`, stepped))
	pageWait(t, b, fmt.Sprintf(`Number(document.body.dataset.position) === %d`, stepped))
	if p := pageSettle(t, b); p != stepped {
		t.Fatalf("after seeking back to %d the position is %d", stepped, p)
	}
	if after := pageEval[string](b, pageSnapshot); after != before {
		t.Errorf("seeking back shows another state:\nbefore %s\nafter  %s", before, after)
	}

	pageKey(b, kb.Home)
	pageWait(t, b, `document.body.dataset.position === "0"`)
}

// TestPageShareRoundTrip: the share button makes a link and a QR code; the
// link opens the same program, paused at the same time, showing the same.
func TestPageShareRoundTrip(t *testing.T) {
	b := startPage(t)
	openPage(t, b, "/")
	pageSpeed(b, pageMidSpeed)
	b.Do(chromedp.Click(chromedp.CSS("#play")))
	pageWait(t, b, `document.body.dataset.position > 3000000`)
	b.Do(chromedp.Click(chromedp.CSS("#play")))
	at := pageSettle(t, b)
	before := pageEval[string](b, pageLinkSnapshot)
	source := pageEval[string](b, `document.querySelector(".cm-content").innerText`)

	b.Do(chromedp.Focus(chromedp.CSS("#play")))
	pageKey(b, "s")
	pageWait(t, b, `document.getElementById("share-dialog").dataset.ready === "1"`)
	link := pageEval[string](b, `document.getElementById("share-url").value`)
	if u, err := url.Parse(link); err != nil || !strings.HasPrefix(u.Path, "/s/") {
		t.Fatalf("share link = %q, want …/s/{id}", link)
	}
	if n := pageEval[int](b, `Number(document.getElementById("share-qr").dataset.modules)`); n < 21 {
		t.Errorf("QR code has %d modules, want a QR code (≥ 21)", n)
	}
	if w := pageEval[float64](b, `document.getElementById("share-qr").getBoundingClientRect().width`); w < 300 {
		t.Errorf("QR code is %.0f CSS px wide, want ≥ 300 to scan from a projection", w)
	}
	pageShot(t, b, "share.png")

	u, _ := url.Parse(link)
	openPage(t, b, u.Path)
	pageWait(t, b, fmt.Sprintf(`Number(document.body.dataset.position) === %d && document.body.dataset.playing === "0"`, at))
	pageSettle(t, b)
	if got := pageEval[string](b, `document.querySelector(".cm-content").innerText`); got != source {
		t.Errorf("the link opens another program:\n%s\nwant\n%s", got, source)
	}
	if after := pageEval[string](b, pageLinkSnapshot); after != before {
		t.Errorf("the link shows another state:\nbefore %s\nafter  %s", before, after)
	}
	if n := pageEval[int](b, pageLanePixels); n < 100 {
		t.Errorf("%d lane pixels on the shared page, want lanes drawn", n)
	}
}

// TestPagePresentationMode: P toggles presentation mode, which keeps to the
// link and enlarges the type.
func TestPagePresentationMode(t *testing.T) {
	b := startPage(t)
	openPage(t, b, "/")
	normal := pageEval[float64](b, `parseFloat(getComputedStyle(document.body).fontSize)`)
	pageKey(b, "p")
	pageWait(t, b, `document.body.classList.contains("present") && location.search.includes("present=1")`)
	big := pageEval[float64](b, `parseFloat(getComputedStyle(document.body).fontSize)`)
	if big < normal*1.3 {
		t.Errorf("presentation font %.0fpx, normal %.0fpx: want larger type", big, normal)
	}
	if vis := pageEval[bool](b, `getComputedStyle(document.querySelector(".controls .workload")).display !== "none"`); vis {
		t.Error("the workload fields show in presentation mode")
	}
	pageSpeed(b, pageFastSpeed)
	b.Do(chromedp.Click(chromedp.CSS("#play")))
	pageWait(t, b, `document.body.dataset.ended === "1" && document.body.dataset.playing === "0"`)
	pageShot(t, b, "present.png")

	pageKey(b, "e")
	pageWait(t, b, `getComputedStyle(document.getElementById("editor-pane")).display === "none" && location.search.includes("code=0")`)
	pageKey(b, "e")

	path := pageEval[string](b, `location.pathname + location.search`)
	openPage(t, b, path)
	if on := pageEval[bool](b, `document.body.classList.contains("present")`); !on {
		t.Errorf("presentation mode not kept by the link %s", path)
	}
	pageKey(b, "p")
	pageWait(t, b, `!document.body.classList.contains("present") && !location.search.includes("present")`)
}

// TestPageSyntaxError: a program with a syntax error, run from the editor
// with Ctrl+Enter, shows the error at its line.
func TestPageSyntaxError(t *testing.T) {
	b := startPage(t)
	openPage(t, b, "/")
	b.Do(chromedp.Click(chromedp.CSS(".cm-content")))
	pageKey(b, "a", chromedp.ModifierCtrl)
	pageType(t, b, "#") // typed over every line
	if got := pageEval[string](b, `document.querySelector(".cm-content").textContent`); got != "#" {
		t.Errorf("typing over the whole program leaves %q, want %q", got, "#")
	}
	pageKey(b, kb.Backspace)
	pageType(t, b, "x = 1\nprint(x +)\ny = 2\n")
	t.Logf("editor: %q", pageEval[string](b, `[...document.querySelectorAll(".cm-content .cm-line")].map((l) => l.textContent).join("|")`))
	pageKey(b, kb.Enter, chromedp.ModifierCtrl)
	pageWait(t, b, `document.querySelector(".cm-error-line") !== null`)
	line := pageEval[int](b, `[...document.querySelectorAll(".cm-content .cm-line")].findIndex((l) => l.classList.contains("cm-error-line")) + 1`)
	if line != 2 {
		t.Errorf("error marked on line %d, want 2", line)
	}
	msg := pageEval[string](b, `document.getElementById("editor-error").textContent`)
	if !strings.HasPrefix(msg, "Line 2") {
		t.Errorf("error message %q, want it to name line 2", msg)
	}
	if ex := pageEval[string](b, `document.getElementById("example").value`); ex != "" {
		t.Errorf("example picker shows %q for an edited program, want none", ex)
	}
	// Escape leaves the editor, and Space then plays instead of typing.
	pageKey(b, kb.Escape)
	if in := pageEval[bool](b, `!!document.activeElement.closest(".cm-editor")`); in {
		t.Error("Escape did not leave the editor")
	}
	pageShot(t, b, "syntax-error.png")
}

// TestPageRuntimeError: an exception is shown at its line once playback
// reaches it, and not before.
func TestPageRuntimeError(t *testing.T) {
	b := startPage(t)
	openPage(t, b, "/")
	pageSpeed(b, pageFastSpeed)
	b.Do(chromedp.Click(chromedp.CSS(".cm-content")))
	pageKey(b, "a", chromedp.ModifierCtrl)
	pageKey(b, kb.Backspace)
	pageType(t, b, "x = 0\nprint(10 // 2)\nprint(10 // x)\n")
	pageKey(b, kb.Enter, chromedp.ModifierCtrl)
	pageWait(t, b, `document.body.dataset.ended === "1" && document.body.dataset.playing === "0"`)
	pageWait(t, b, `document.querySelector(".cm-error-line") !== null`)
	line := pageEval[int](b, `[...document.querySelectorAll(".cm-content .cm-line")].findIndex((l) => l.classList.contains("cm-error-line")) + 1`)
	msg := pageEval[string](b, `document.getElementById("editor-error").textContent`)
	if line != 3 || !strings.Contains(msg, "ZeroDivisionError") {
		t.Errorf("error on line %d: %q; want ZeroDivisionError on line 3", line, msg)
	}
	if out := pageEval[string](b, `document.getElementById("output").textContent`); !strings.Contains(out, "5") || !strings.Contains(out, "Traceback") {
		t.Errorf("output %q, want 5 and the traceback", out)
	}
	pageKey(b, kb.Escape)
	pageKey(b, kb.Home)
	pageWait(t, b, `document.body.dataset.position === "0" && document.querySelector(".cm-error-line") === null`)
}

// TestPageHelpOverlay: ? opens the list of shortcuts; Escape closes it;
// + and − change the speed.
func TestPageHelpOverlay(t *testing.T) {
	b := startPage(t)
	openPage(t, b, "/")
	pageKey(b, "?")
	pageWait(t, b, `document.getElementById("help-dialog").open`)
	text := pageEval[string](b, `document.getElementById("help-dialog").innerText`)
	for _, k := range []string{"Space", "Home", "End", "+", "−", "?", "P", "S"} {
		if !strings.Contains(text, k) {
			t.Errorf("help does not list %q", k)
		}
	}
	pageKey(b, kb.Escape)
	pageWait(t, b, `!document.getElementById("help-dialog").open`)

	// + and − step through the speeds.
	speed := pageEval[string](b, `document.getElementById("speed").value`)
	pageKey(b, "-")
	slower := pageEval[string](b, `document.getElementById("speed").value`)
	pageKey(b, "+")
	again := pageEval[string](b, `document.getElementById("speed").value`)
	if slower == speed || again != speed {
		t.Errorf("speed %s, after − %s, after + %s: want slower, then back", speed, slower, again)
	}
}

// TestPageKeyboardExplains: with the keyboard alone, Enter on the timeline
// explains what each lane is doing at the playhead, as a click would.
func TestPageKeyboardExplains(t *testing.T) {
	b := startPage(t)
	openPage(t, b, "/")
	pageSpeed(b, pageFastSpeed)
	b.Do(chromedp.Click(chromedp.CSS("#play")))
	pageWait(t, b, `document.body.dataset.position > 3000000`)
	b.Do(chromedp.Click(chromedp.CSS("#play")))
	pageSettle(t, b)
	b.Do(chromedp.Focus(chromedp.CSS("#timeline")))
	var seen []string
	for i := 0; i < 3; i++ {
		pageKey(b, kb.Enter)
		text := pageEval[string](b, `document.getElementById("panel-explain").textContent`)
		if text == "" || strings.Contains(text, "Click a span") {
			t.Fatalf("Enter %d on the timeline explains nothing: %q", i+1, text)
		}
		seen = append(seen, text)
	}
	if seen[0] == seen[1] && seen[1] == seen[2] {
		t.Errorf("Enter does not move to the next lane: %q", seen[0])
	}
	t.Logf("explanations: %q", seen)
}

// TestPageCompare: comparing two models runs both on one time axis.
func TestPageCompare(t *testing.T) {
	b := startPage(t)
	openPage(t, b, "/")
	pageSpeed(b, pageFastSpeed)
	other := pageEval[string](b, `[...document.getElementById("model").options].map((o) => o.value).find((m) => m !== document.getElementById("model").value) || ""`)
	if other == "" {
		t.Fatal("the model picker offers one model only")
	}
	pageChoose(b, "compare", other)
	pageWait(t, b, `document.body.classList.contains("comparing") && document.body.dataset.ended === "1"`)
	pageWait(t, b, `document.body.dataset.playing === "0"`)
	if n := pageEval[int](b, pageLanePixels); n < 300 {
		t.Errorf("%d lane pixels when comparing, want lanes drawn", n)
	}
	pageShot(t, b, "compare.png")

	// A link to the comparison reopens both models side by side.
	link := pageEval[string](b, `fetch("/api/share", {method: "POST", headers: {"Content-Type": "application/json"},
		body: JSON.stringify({workload: {source: "print(1)"}, view: {t: 0, compare: `+strconv.Quote(other)+`}})}).then((r) => r.json()).then((j) => j.id)`)
	openPage(t, b, "/s/"+link)
	pageWait(t, b, `document.body.classList.contains("comparing")`)
	if got := pageEval[string](b, `document.getElementById("compare").value`); got != other {
		t.Errorf("the link reopened comparing with %q, want %q", got, other)
	}
}

// TestPageEmbed: /embed/{id} shows the controls and the timeline only, and
// plays.
func TestPageEmbed(t *testing.T) {
	b := startPage(t)
	openPage(t, b, "/")
	link := pageEval[string](b, `fetch("/api/examples").then((r) => r.json()).then((list) => fetch("/api/share", {
		method: "POST", headers: {"Content-Type": "application/json"},
		body: JSON.stringify({workload: list[0].workload, view: {t: 0, speed: 1e8}})})).then((r) => r.json()).then((j) => j.id)`)
	openPage(t, b, "/embed/"+link)
	if n := pageEval[int](b, `document.querySelectorAll(".cm-editor, #output, .site-header").length`); n != 0 {
		t.Errorf("the embed view shows %d of editor, output, header; want none", n)
	}
	if href := pageEval[string](b, `document.querySelector(".open-link").getAttribute("href")`); href != "/s/"+link {
		t.Errorf("the embed links to %q, want the playground at /s/%s", href, link)
	}
	b.Do(chromedp.Click(chromedp.CSS("#play")))
	pageWait(t, b, `document.body.dataset.ended === "1" && document.body.dataset.playing === "0"`)
	pageShot(t, b, "embed.png")
}

// TestPagePhone: on a phone-sized screen the page is one column and the
// timeline is still drawn.
func TestPagePhone(t *testing.T) {
	b := startPage(t)
	b.Do(chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile))
	b.Open("/")
	pageWait(t, b, `document.body.dataset.run > 0`)
	if w := pageEval[float64](b, `document.documentElement.scrollWidth`); w > 390 {
		t.Errorf("page is %.0f px wide on a 390 px screen: it scrolls sideways", w)
	}
	pageSpeed(b, pageFastSpeed)
	b.Do(chromedp.Click(chromedp.CSS("#play")))
	pageWait(t, b, `document.body.dataset.ended === "1" && document.body.dataset.playing === "0"`)
	pageShot(t, b, "phone.png")
}

// TestPageWeight measures the first load of the playground as the browser
// received it: every response's bytes on the wire (headers, and the body as
// sent, compressed), from Network.loadingFinished, until the page is ready
// and its run compiled. It must stay under maxPageWeight with the codings
// the browser asks for (brotli for the assets); the gzip row, for a client
// or proxy without brotli, is only logged.
func TestPageWeight(t *testing.T) {
	precompressAssets(t)
	tests := []struct {
		desc           string
		acceptEncoding string // sent instead of the browser's own; "" keeps it
		bound          bool   // the total must stay under maxPageWeight
	}{
		{"as the browser asks", "", true},
		{"gzip only", "gzip", false},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			b := startPage(t)
			loads := recordLoads(t, b)
			if tt.acceptEncoding != "" {
				_, err := chromedp.Call(b.Context(), network.SetExtraHTTPHeaders,
					network.SetExtraHTTPHeadersParams{Headers: network.Headers{"Accept-Encoding": tt.acceptEncoding}})
				if err != nil {
					t.Fatal(err)
				}
			}
			openPage(t, b, "/")
			total := 0
			for _, l := range loads.wait(t) {
				t.Logf("%-40s %7d bytes %s", l.path, l.bytes, l.coding)
				total += l.bytes
			}
			t.Logf("first load: %d bytes transferred (%.1f KB; limit %d KB)", total, float64(total)/1024, maxPageWeight>>10)
			if tt.bound && total > maxPageWeight {
				t.Errorf("first load transferred %d bytes, over the %d limit", total, maxPageWeight)
			}
		})
	}
}

// pageLoad is one response the browser received in full.
type pageLoad struct {
	path   string
	coding string // its Content-Encoding
	bytes  int    // on the wire: headers and encoded body
}

// pageLoads records the HTTP responses of a tab (not websockets).
type pageLoads struct {
	mu       sync.Mutex
	pending  map[network.RequestID]bool
	resp     map[network.RequestID]*network.Response
	finished []pageLoad
}

// recordLoads starts recording b's loads.
func recordLoads(t *testing.T, b *browsertest.Browser) *pageLoads {
	l := &pageLoads{pending: map[network.RequestID]bool{}, resp: map[network.RequestID]*network.Response{}}
	err := chromedp.Listen(b.Context(), func(ev any) {
		l.mu.Lock()
		defer l.mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			l.pending[ev.RequestID] = true
		case *network.EventResponseReceived:
			l.resp[ev.RequestID] = ev.Response
		case *network.EventLoadingFailed:
			delete(l.pending, ev.RequestID)
		case *network.EventLoadingFinished:
			delete(l.pending, ev.RequestID)
			load := pageLoad{bytes: int(ev.EncodedDataLength)}
			if r := l.resp[ev.RequestID]; r != nil {
				u, _ := url.Parse(r.URL)
				load.path = u.Path
				load.coding, _ = r.Headers["Content-Encoding"].(string)
			}
			l.finished = append(l.finished, load)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// wait waits until no request is in flight and returns the loads.
func (l *pageLoads) wait(t *testing.T) []pageLoad {
	t.Helper()
	for deadline := time.Now().Add(pagePollTimeout); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		l.mu.Lock()
		n := len(l.pending)
		l.mu.Unlock()
		if n == 0 {
			break
		}
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.pending) != 0 {
		t.Fatalf("%d requests still in flight", len(l.pending))
	}
	return slices.Clone(l.finished)
}

// pageShot saves a screenshot of the viewport as docs/screenshots/name when
// the test runs with -update.
func pageShot(t *testing.T, b *browsertest.Browser, name string) {
	t.Helper()
	if !*update {
		return
	}
	time.Sleep(200 * time.Millisecond) // let the last frame paint
	png := browsertest.Run(b, chromedp.CaptureScreenshot())
	path := filepath.Join("..", "docs", "screenshots", name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
}
