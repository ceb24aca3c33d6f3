// Package browsertest runs end-to-end tests of gilscope pages in headless
// Chromium, driven by chromedp.
//
// Start serves a handler on a loopback httptest server and opens a fresh
// browser tab with its own temporary profile, started with flags that keep
// Chromium off the network. The returned Browser records every console
// error, uncaught exception and browser log error, and the test fails at
// cleanup if any were recorded and not taken with TakeProblems.
//
// A missing Chromium skips the test, unless the environment sets
// E2E_REQUIRED=1 (as .ci/run does), in which case the test fails.
package browsertest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// ReadySelector matches the page once static/app.js has finished starting.
const ReadySelector = `body[data-ready="1"]`

// RequiredEnv names the environment variable that, set to "1", turns a
// missing Chromium from a skip into a failure.
const RequiredEnv = "E2E_REQUIRED"

// chromiumPath is where Debian's chromium package installs the browser.
const chromiumPath = "/usr/bin/chromium"

// testTimeout bounds one test's whole use of the browser, start included.
const testTimeout = 60 * time.Second

// windowWidth and windowHeight are the size of the browser window, in CSS
// pixels: a laptop screen, so layouts are tested at a realistic size.
const (
	windowWidth  = 1280
	windowHeight = 800
)

// Browser is one headless Chromium tab pointed at one test server. Its
// methods fail the test on error, so they must be called from the test's
// goroutine.
type Browser struct {
	t       testing.TB
	ctx     context.Context // the tab's chromedp context
	baseURL string

	mu       sync.Mutex
	problems []string // under mu
}

// ChromiumPath returns the Chromium executable to use: /usr/bin/chromium if
// it exists, else "chromium" or "chromium-browser" on PATH.
func ChromiumPath() (string, error) {
	if _, err := os.Stat(chromiumPath); err == nil {
		return chromiumPath, nil
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", errors.New("chromium not found at " + chromiumPath + " or on PATH (apt-get install chromium)")
}

// Start serves h on a new loopback test server, starts Chromium, and returns
// a Browser whose tab is open but has loaded nothing yet. Everything is torn
// down when the test ends; before that, the test fails if the page logged a
// problem that was not taken with TakeProblems.
//
// Start skips the test under -short (the quick loop runs no browser), and if
// Chromium is missing, or then fails it if the environment sets
// E2E_REQUIRED=1.
func Start(t testing.TB, h http.Handler) *Browser {
	t.Helper()
	return StartFor(t, h, testTimeout)
}

// StartFor is Start for a test whose whole use of the browser may take up to
// budget: one that walks many pages in one browser (each wait in it is still
// bounded by its own poll timeout).
func StartFor(t testing.TB, h http.Handler, budget time.Duration) *Browser {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	exe, err := ChromiumPath()
	if err != nil {
		if os.Getenv(RequiredEnv) == "1" {
			t.Fatalf("browser test required (%s=1): %v", RequiredEnv, err)
		}
		t.Skipf("skipping browser test: %v; set %s=1 to make this a failure", err, RequiredEnv)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)

	ctx, cancel := context.WithTimeout(context.Background(), budget)
	t.Cleanup(cancel)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, allocatorOptions(exe, t.TempDir())...)
	t.Cleanup(cancelAlloc) // waits for the browser process to exit
	tabCtx, cancelTab := chromedp.NewContext(allocCtx, chromedp.WithLogf(t.Logf))
	t.Cleanup(cancelTab)

	b := &Browser{t: t, ctx: tabCtx, baseURL: srv.URL}
	if err := chromedp.Listen(tabCtx, b.record); err != nil {
		t.Fatalf("starting chromium %s: %v", exe, err)
	}
	t.Cleanup(b.checkProblems) // runs first: cleanups run last-in, first-out
	return b
}

// allocatorOptions returns the Chromium command line: headless, a fresh
// profile in userDataDir, and every background service that would reach
// for the network turned off.
func allocatorOptions(exe, userDataDir string) []chromedp.ExecAllocatorOption {
	return []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.UserDataDir(userDataDir),
		chromedp.Headless,
		chromedp.NoSandbox, // tests run as root in CI
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.WindowSize(windowWidth, windowHeight),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-features", "Translate,OptimizationHints,MediaRouter"),
	}
}

// Tab opens another tab in b's browser, on the same test server, with its
// own problem record (checked when the test ends), for tests of pages that
// talk to each other (a presenter and students).
func Tab(t testing.TB, b *Browser) *Browser {
	t.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx)
	t.Cleanup(cancel)
	tab := &Browser{t: t, ctx: ctx, baseURL: b.baseURL}
	if err := chromedp.Listen(ctx, tab.record); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	t.Cleanup(tab.checkProblems)
	return tab
}

// URL returns the absolute URL of path on the test server.
func (b *Browser) URL(path string) string {
	return b.baseURL + path
}

// Context returns the tab's chromedp context, for chromedp calls that Run
// does not cover. It is canceled when the test ends.
func (b *Browser) Context() context.Context {
	return b.ctx
}

// Do runs chromedp actions that return no value, in order, in the tab, and
// fails the test on the first error.
func (b *Browser) Do(steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, steps...); err != nil {
		b.t.Fatalf("browser: %v (problems so far: %q)", err, b.Problems())
	}
}

// Run runs one chromedp action in b's tab and returns its value, failing the
// test on error. (It is a function, not a method, because Go methods cannot
// have type parameters.) For example:
//
//	title := browsertest.Run(b, chromedp.Title())
func Run[T any](b *Browser, a chromedp.Action[T]) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, a)
	if err != nil {
		b.t.Fatalf("browser: %v (problems so far: %q)", err, b.Problems())
	}
	return v
}

// Open navigates to path on the test server and waits until the page is
// ready (ReadySelector matches).
func (b *Browser) Open(path string) {
	b.t.Helper()
	b.Do(
		chromedp.Navigate(b.URL(path)),
		chromedp.WaitReady(chromedp.CSS(ReadySelector)),
	)
}

// Problems returns the problems recorded so far, one line each: console
// errors and assertion failures, uncaught exceptions and unhandled
// rejections, and browser log errors (failed loads, CSP violations).
func (b *Browser) Problems() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.problems...)
}

// TakeProblems returns the problems recorded so far and forgets them, for a
// test that provokes problems on purpose. It first does a round trip to the
// page, so every problem the page reported before the call is included.
func (b *Browser) TakeProblems() []string {
	b.t.Helper()
	b.sync()
	b.mu.Lock()
	defer b.mu.Unlock()
	p := b.problems
	b.problems = nil
	return p
}

// sync does a round trip to the page. The browser sends events in order and
// chromedp calls listeners before it reads the next message, so after the
// round trip every earlier event has been recorded.
func (b *Browser) sync() {
	b.t.Helper()
	if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[int]("0")); err != nil {
		b.t.Errorf("browser: syncing with the page: %v", err)
	}
}

// checkProblems fails the test for every problem not taken.
func (b *Browser) checkProblems() {
	b.t.Helper()
	for _, p := range b.TakeProblems() {
		b.t.Errorf("browser reported a problem: %s", p)
	}
}

// record is the tab's event listener. It runs on chromedp's reader
// goroutine, so it only appends under the lock.
func (b *Browser) record(ev any) {
	p, ok := problem(ev)
	if !ok {
		return
	}
	b.mu.Lock()
	b.problems = append(b.problems, p)
	b.mu.Unlock()
}

// problem describes ev if it reports a problem: a console.error or failed
// console.assert, an uncaught exception or unhandled rejection, or an
// error-level browser log entry.
func problem(ev any) (string, bool) {
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type != runtime.ConsoleAPICalledTypeError && ev.Type != runtime.ConsoleAPICalledTypeAssert {
			return "", false
		}
		return fmt.Sprintf("console.%s: %s", ev.Type, describeArgs(ev.Args)), true
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		text := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			text += " " + d.Exception.Description
		}
		return fmt.Sprintf("exception at %s:%d:%d: %s", d.URL, d.LineNumber+1, d.ColumnNumber+1, text), true
	case *log.EventEntryAdded:
		e := ev.Entry
		if e.Level != log.EntryLevelError {
			return "", false
		}
		return fmt.Sprintf("log (%s) %s: %s", e.Source, e.URL, e.Text), true
	}
	return "", false
}

// describeArgs renders console arguments roughly as DevTools prints them.
func describeArgs(args []*runtime.RemoteObject) string {
	parts := make([]string, 0, len(args))
	for _, a := range args {
		var str string
		switch {
		case a.Type == runtime.RemoteObjectTypeString && json.Unmarshal(a.Value, &str) == nil:
			parts = append(parts, str)
		case a.Description != "":
			parts = append(parts, a.Description)
		case len(a.Value) > 0:
			parts = append(parts, string(a.Value))
		default:
			parts = append(parts, string(a.Type))
		}
	}
	return strings.Join(parts, " ")
}
