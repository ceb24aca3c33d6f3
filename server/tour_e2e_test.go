// tour_e2e_test.go tests the guided tour in headless Chromium against the
// real server: the whole tour walked with the keyboard alone, presentation
// mode and the screenshots of docs/screenshots/tour-*.png, a chapter in a
// room (a presenter and three students voting), the link to the playground, and the
// weight of the first page against the playground's.

package server_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/gilscope/gilscope/examples"
	"github.com/gilscope/gilscope/internal/browsertest"
	"github.com/gilscope/gilscope/server"
)

// tourWaitPage waits until the browser shows path, ready, in the given
// phase ("" for any).
func tourWaitPage(t *testing.T, b *browsertest.Browser, path, phase string) {
	t.Helper()
	expr := fmt.Sprintf(`location.pathname === %q && document.body.dataset.ready === "1"`, path)
	if phase != "" {
		expr += fmt.Sprintf(` && document.body.dataset.phase === %q`, phase)
	}
	tourWaitFor(t, b, expr, path)
}

// tourWaitFor polls expr until it is true. Unlike pageWait it survives a
// navigation: after a key that opens another page, the page being left may
// still answer, or the evaluation may fall between two documents.
func tourWaitFor(t *testing.T, b *browsertest.Browser, expr, what string) {
	t.Helper()
	deadline := time.Now().Add(pagePollTimeout)
	for time.Now().Before(deadline) {
		if ok, err := chromedp.Run(b.Context(), chromedp.Evaluate[bool](expr)); err == nil && ok {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("the browser did not reach %s", what)
}

// tourReduceMotion asks the tab for reduced motion: the tour shows a
// finished run at once instead of sweeping the cursor over it for two
// seconds, which the tests would only wait for.
func tourReduceMotion(t *testing.T, b *browsertest.Browser) {
	t.Helper()
	_, err := chromedp.Call(b.Context(), emulation.SetEmulatedMedia,
		emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: "reduce"}}})
	if err != nil {
		t.Fatal(err)
	}
}

// TestTourKeyboard walks every chapter with the keyboard alone: from the
// index, Enter opens chapter 1; in each chapter a digit (or an arrow on a
// slider) predicts, Enter answers and runs, the reveal and the highlight
// appear, and n opens the next chapter. The index then marks every
// chapter answered.
func TestTourKeyboard(t *testing.T) {
	if server.RaceEnabled {
		t.Skip("runs every chapter to its end: under the race detector the runs meet their CPU limit; the plain run covers it")
	}
	b := startPage(t)
	b.Do(chromedp.EmulateViewport(1280, 900))
	b.Open("/tour")
	pageKey(b, kb.Enter)
	chs := examples.Tour()
	for _, c := range chs {
		tourWaitPage(t, b, fmt.Sprintf("/tour/%d", c.N), "question")
		if run := pageEval[bool](b, `document.getElementById("tour-run").hidden && document.getElementById("tour-reveal").hidden`); !run {
			t.Errorf("chapter %d: the run or the reveal shows before the answer", c.N)
		}
		tourAnswer(t, b, c)
		if c.N == 1 { // chapter 1 plays the sweep; the others are shown at once
			tourReduceMotion(t, b)
		}
		got := pageEval[string](b, `JSON.stringify({
			highlight: document.body.dataset.highlight,
			answer: document.body.dataset.answer,
			claims: document.querySelectorAll("#tour-claims li").length,
			measured: document.querySelectorAll("#tour-claims .tour-measured").length,
			variations: document.querySelectorAll("#tour-variations button").length,
			explain: document.getElementById("tour-highlight").textContent,
		})`)
		want := fmt.Sprintf(`"highlight":%q`, c.Highlight.Kind)
		measured := fmt.Sprintf(`"measured":%d`, printedClaims(c))
		if !strings.Contains(got, want) || !strings.Contains(got, fmt.Sprintf(`"claims":%d`, len(c.Claims))) || !strings.Contains(got, measured) {
			t.Errorf("chapter %d: revealed %s, want %s, %d claims and %s", c.N, got, want, len(c.Claims), measured)
		}
		if c.N == 7 { // a variation, by its digit: the run starts again under it
			pageKey(b, "1")
			pageWait(t, b, `document.getElementById("tour-status").textContent.includes("cpython-2.7") && document.body.dataset.highlight !== undefined`)
		}
		if c.N < len(chs) {
			pageKey(b, "n")
		}
	}
	b.Open("/tour")
	if n := pageEval[int](b, `document.querySelectorAll("#tour-toc li.done").length`); n != len(chs) {
		t.Errorf("the index marks %d chapters answered, want %d", n, len(chs))
	}
}

// tourAnswer predicts with the keyboard (the first choice, or one step of
// the slider) and waits for the reveal.
func tourAnswer(t *testing.T, b *browsertest.Browser, c examples.Chapter) {
	t.Helper()
	if c.Question.Slider != nil {
		pageKey(b, kb.ArrowRight)
	} else {
		pageKey(b, "1")
	}
	pageKey(b, kb.Enter)
	pageWait(t, b, `document.body.dataset.phase === "revealed" && document.body.dataset.highlight !== undefined`)
}

// TestTourScreenshots shows three chapters before the reveal, after it and
// in presentation mode (docs/screenshots/tour-NN-*.png with
// -update), and checks that presentation mode enlarges the type
// and survives the chapter links.
func TestTourScreenshots(t *testing.T) {
	if server.RaceEnabled {
		t.Skip("runs three chapters for pictures: the plain run covers it")
	}
	b := startPage(t)
	b.Do(chromedp.EmulateViewport(1280, 860))
	tourReduceMotion(t, b)
	chs := examples.Tour()
	for _, n := range []int{3, 4, 7} {
		c := chs[n-1]
		b.Open(fmt.Sprintf("/tour/%d", n))
		normal := pageEval[float64](b, `parseFloat(getComputedStyle(document.body).fontSize)`)
		pageShot(t, b, fmt.Sprintf("tour-%02d-question.png", n))
		tourAnswer(t, b, c)
		pageEval[bool](b, `(document.getElementById("tour-run").scrollIntoView(), true)`)
		pageShot(t, b, fmt.Sprintf("tour-%02d-revealed.png", n))

		b.Open(fmt.Sprintf("/tour/%d", n))
		pageKey(b, "P")
		pageWait(t, b, `document.body.classList.contains("present") && location.search.includes("present=1")`)
		if big := pageEval[float64](b, `parseFloat(getComputedStyle(document.body).fontSize)`); big < normal*1.3 {
			t.Errorf("chapter %d: presentation font %.0fpx, normal %.0fpx", n, big, normal)
		}
		if next := pageEval[string](b, `document.querySelector(".tour-next-link").getAttribute("href")`); !strings.HasSuffix(next, "?present=1") {
			t.Errorf("chapter %d: the next link %q leaves presentation mode", n, next)
		}
		tourAnswer(t, b, c)
		pageEval[bool](b, `(document.getElementById("tour-run").scrollIntoView(), true)`)
		pageShot(t, b, fmt.Sprintf("tour-%02d-present.png", n))
	}
}

// TestTourRoom: a presenter runs chapter 7 in a room; three students
// open the room's link on their own pages, which take them to the chapter,
// and answer there. The presenter's page counts their answers as bars while
// the run stays hidden everywhere; when the presenter goes on, every page
// runs the chapter and gives its own student the verdict.
func TestTourRoom(t *testing.T) {
	b := startPage(t)
	const chapter = 7
	c := examples.Tour()[chapter-1]
	path := fmt.Sprintf("/tour/%d", chapter)
	tabs := []*browsertest.Browser{b}
	for range 3 {
		tabs = append(tabs, browsertest.Tab(t, b))
	}
	for _, tab := range tabs {
		tab.Do(chromedp.EmulateViewport(1000, 800))
		tourReduceMotion(t, tab)
	}
	presenter, students := tabs[0], tabs[1:]
	presenter.Open(path)
	presenter.Do(chromedp.Click(chromedp.CSS("#tour-room")))
	pageWait(t, presenter, `(document.body.dataset.tourRoomCode || "") !== ""`)
	code := pageEval[string](presenter, `document.body.dataset.tourRoomCode`)
	if shown := pageEval[string](presenter, `document.getElementById("tour-room-code").textContent`); strings.ReplaceAll(shown, " ", "") != code {
		t.Errorf("the presenter's page shows the code %q, want %q", shown, code)
	}
	for _, s := range students {
		s.Open("/r/" + code) // the link the presenter shows: the playground, which follows the room to the tour
		tourWaitFor(t, s, fmt.Sprintf(`location.pathname === %q && document.body.dataset.ready === "1" && document.body.dataset.tourRoom === "follower"`, path), "the chapter, following the room")
	}
	pageWait(t, presenter, `document.body.dataset.tourRoomFollowers === "3"`)
	votes := []string{"2", "2", "3"} // keys: choices 1 and 2 (0-based)
	for i, s := range students {
		pageKey(s, votes[i])
		pageKey(s, kb.Enter)
		pageWait(t, s, `document.body.dataset.phase === "voting" && !document.getElementById("tour-wait").hidden`)
	}
	want := make([]string, len(c.Question.Choices))
	for i := range want {
		want[i] = "0"
	}
	want[1], want[2] = "2", "1"
	bars := `[...document.querySelectorAll("#tour-votes .tour-vote-count")].map((e) => e.textContent).join(",")`
	pageWait(t, presenter, bars+` === `+fmt.Sprintf("%q", strings.Join(want, ",")))
	for i, tab := range tabs {
		if hidden := pageEval[bool](tab, `document.getElementById("tour-run").hidden && document.getElementById("tour-reveal").hidden`); !hidden {
			t.Errorf("page %d shows the run while the class answers", i)
		}
	}
	pageKey(presenter, "s") // the presenter goes on to the run
	for i, tab := range tabs {
		pageWait(t, tab, `document.body.dataset.phase === "revealed"`)
		if i > 0 {
			want := "wrong"
			if votes[i-1] == fmt.Sprint(c.Question.Answer+1) {
				want = "right"
			}
			if got := pageEval[string](tab, `document.body.dataset.answer`); got != want {
				t.Errorf("student %d (key %s): answer %q, want %q", i, votes[i-1], got, want)
			}
		}
	}
}

// TestTourWeight: the tour's first pages (the index and chapter 1) transfer
// no more bytes than the playground's first load, measured the same way
// (TestPageWeight).
func TestTourWeight(t *testing.T) {
	precompressAssets(t)
	weigh := func(path string) int {
		b := startPage(t)
		loads := recordLoads(t, b)
		b.Do(chromedp.EmulateViewport(1280, 720))
		b.Open(path)
		if path == "/" {
			pageWait(t, b, `document.body.dataset.run > 0`)
		}
		total := 0
		for _, l := range loads.wait(t) {
			total += l.bytes
		}
		t.Logf("%s: %d bytes (%.1f KB)", path, total, float64(total)/1024)
		return total
	}
	playground := weigh("/")
	for _, path := range []string{"/tour", "/tour/1"} {
		if n := weigh(path); n > playground {
			t.Errorf("%s transfers %d bytes, more than the playground's %d", path, n, playground)
		}
	}
}

// TestTourOpensPlayground: "Open in the playground" shares the chapter's
// workload and opens the playground on it.
func TestTourOpensPlayground(t *testing.T) {
	b := startPage(t)
	b.Do(chromedp.EmulateViewport(1280, 720))
	b.Open("/tour/5")
	pageEval[bool](b, `(document.getElementById("tour-playground").focus(), true)`)
	pageKey(b, kb.Enter)
	tourWaitFor(t, b, `location.pathname.startsWith("/s/") && document.body.dataset.ready === "1"`, "the shared playground")
	got := pageEval[string](b, `JSON.parse(document.querySelector("main").dataset.initial).workload.source`)
	if want := examples.Tour()[4].Source; got != want {
		t.Errorf("the playground opened on\n%s\nwant chapter 5's program\n%s", got, want)
	}
}

// printedClaims counts the claims about the chapter's own run whose value
// the program prints (out: metrics): the reveal shows their figure.
func printedClaims(c examples.Chapter) int {
	n := 0
	for _, cl := range c.Claims {
		if cl.Versus != nil || cl.Setup != (examples.Setup{}) {
			continue
		}
		parts := strings.Split(cl.Metric, "/")
		ok := len(parts) <= 2
		for _, p := range parts {
			ok = ok && strings.HasPrefix(p, "out:")
		}
		if ok {
			n++
		}
	}
	return n
}
