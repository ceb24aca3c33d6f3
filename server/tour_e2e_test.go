// tour_e2e_test.go tests the guided tour in headless Chromium against the
// real server: the whole tour walked with the keyboard alone, presentation
// mode and the screenshots of docs/screenshots/tour-*.png, the room hook
// (a presenter's page fed the class's votes), and the weight of the first
// page against the playground's.

package server_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/gilscope/gilscope/examples"
	"github.com/gilscope/gilscope/internal/browsertest"
)

// tourWaitPage waits until the browser shows path, ready, in the given
// phase ("" for any): after a key that navigates, the page being left may
// still answer, or the evaluation may fall between two documents.
func tourWaitPage(t *testing.T, b *browsertest.Browser, path, phase string) {
	t.Helper()
	expr := fmt.Sprintf(`location.pathname === %q && document.body.dataset.ready === "1"`, path)
	if phase != "" {
		expr += fmt.Sprintf(` && document.body.dataset.phase === %q`, phase)
	}
	deadline := time.Now().Add(pagePollTimeout)
	for time.Now().Before(deadline) {
		if ok, err := chromedp.Run(b.Context(), chromedp.Evaluate[bool](expr)); err == nil && ok {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("the browser did not reach %s (phase %q)", path, phase)
}

// TestTourKeyboard walks every chapter with the keyboard alone: from the
// index, Enter opens chapter 1; in each chapter a digit (or an arrow on a
// slider) predicts, Enter answers and runs, the reveal and the highlight
// appear, and n opens the next chapter. The index then marks every
// chapter answered.
func TestTourKeyboard(t *testing.T) {
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
		if c.Question.Slider != nil {
			pageKey(b, kb.ArrowRight)
		} else {
			pageKey(b, "1")
		}
		pageKey(b, kb.Enter)
		pageWait(t, b, `document.body.dataset.phase === "revealed" && document.body.dataset.highlight !== undefined`)
		got := pageEval[string](b, `JSON.stringify({
			highlight: document.body.dataset.highlight,
			answer: document.body.dataset.answer,
			claims: document.querySelectorAll("#tour-claims li").length,
			variations: document.querySelectorAll("#tour-variations button").length,
			explain: document.getElementById("tour-highlight").textContent,
		})`)
		want := fmt.Sprintf(`"highlight":%q`, c.Highlight.Kind)
		if !strings.Contains(got, want) || !strings.Contains(got, fmt.Sprintf(`"claims":%d`, len(c.Claims))) {
			t.Errorf("chapter %d: revealed %s, want %s and %d claims", c.N, got, want, len(c.Claims))
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
