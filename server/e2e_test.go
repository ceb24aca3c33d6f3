// e2e_test.go tests the real pages in headless Chromium; see
// internal/browsertest.

package server_test

import (
	"log/slog"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/gilscope/gilscope/internal/browsertest"
	"github.com/gilscope/gilscope/internal/store"
	"github.com/gilscope/gilscope/server"
	"github.com/gilscope/gilscope/static"
	"github.com/gilscope/gilscope/web"
)

// startBrowser opens headless Chromium on the real handler over the real
// embedded assets.
func startBrowser(t *testing.T) *browsertest.Browser {
	t.Helper()
	s, err := server.New(server.Config{Logger: slog.New(slog.DiscardHandler), Static: static.FS(), Store: store.NewMemory(),
		Runner: server.WorkersForTest(t)})
	if err != nil {
		t.Fatalf("server.New: %v", err)
	}
	return browsertest.Start(t, s.Handler())
}

// TestPlaygroundInBrowser loads the playground in a real browser: the module
// script runs, the stylesheet and icon load under the CSP, the panes are
// there, and nothing is logged as an error (browsertest fails the test on
// any console error, exception or failed load).
func TestPlaygroundInBrowser(t *testing.T) {
	b := startBrowser(t)
	b.Open("/")

	if got := browsertest.Run(b, chromedp.Title()); got != "gilscope" {
		t.Errorf("title = %q, want gilscope", got)
	}
	for _, id := range []string{web.EditorPaneID, web.ControlsID, web.TimelinePaneID, web.TimelineID, web.OutputPaneID, web.OutputID} {
		n := browsertest.Run(b, chromedp.Evaluate[int](`document.querySelectorAll("#`+id+`").length`))
		if n != 1 {
			t.Errorf("%d elements with id %q, want 1", n, id)
		}
	}
	if tag := browsertest.Run(b, chromedp.Evaluate[string](`document.getElementById("`+web.TimelineID+`").tagName`)); tag != "CANVAS" {
		t.Errorf("#%s is a %s, want a CANVAS", web.TimelineID, tag)
	}
	// The stylesheet applied: the playground is a grid, the body has the theme.
	if d := browsertest.Run(b, chromedp.Evaluate[string](`getComputedStyle(document.querySelector("main")).display`)); d != "grid" {
		t.Errorf("main display = %q, want grid (app.css not applied?)", d)
	}
	// The icon the page links is fetchable (Chromium does not log a failed icon).
	icon := browsertest.Run(b, chromedp.Evaluate[int](
		`fetch(document.querySelector('link[rel="icon"]').href).then(r => r.status)`,
		chromedp.EvalAwaitPromise))
	if icon != 200 {
		t.Errorf("icon fetch status = %d, want 200", icon)
	}
}

// TestCSPBlocksInlineCode checks that the browser enforces the CSP: inline
// script and style injected into the page do not run, and each violation is
// reported.
func TestCSPBlocksInlineCode(t *testing.T) {
	b := startBrowser(t)
	b.Open("/")
	ran := browsertest.Run(b, chromedp.Evaluate[bool](`(() => {
		const s = document.createElement("script");
		s.textContent = "window.inlineRan = true";
		document.head.append(s);
		const st = document.createElement("style");
		st.textContent = "body { display: none }";
		document.head.append(st);
		return window.inlineRan === true;
	})()`))
	if ran {
		t.Error("an injected inline script ran: the CSP is not enforced")
	}
	if d := browsertest.Run(b, chromedp.Evaluate[string](`getComputedStyle(document.body).display`)); d == "none" {
		t.Error("an injected inline style applied: the CSP is not enforced")
	}
	problems := b.TakeProblems()
	if n := countContaining(problems, "Content Security Policy"); n != 2 {
		t.Errorf("got %d CSP violation reports, want 2 (script, style): %q", n, problems)
	}
}

// TestNotFoundInBrowser checks that the 404 page renders with its assets
// under the CSP. The 404 status itself is logged by Chromium as a failed
// load, which is expected and taken.
func TestNotFoundInBrowser(t *testing.T) {
	b := startBrowser(t)
	b.Open("/no/such/page")
	if h := browsertest.Run(b, chromedp.Text(chromedp.CSS("main h2"))); h != "Page not found" {
		t.Errorf("heading = %q, want %q", h, "Page not found")
	}
	problems := b.TakeProblems()
	if len(problems) != 1 || !strings.Contains(problems[0], "404") {
		t.Errorf("problems = %q, want only the document's 404", problems)
	}
}

func countContaining(list []string, sub string) int {
	n := 0
	for _, s := range list {
		if strings.Contains(s, sub) {
			n++
		}
	}
	return n
}
