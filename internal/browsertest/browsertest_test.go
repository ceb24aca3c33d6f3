// browsertest_test.go checks that the helper catches every kind of problem
// a browser test must fail on.

package browsertest

import (
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// testPages are small pages, each provoking one kind of problem before it
// marks itself ready. They use inline scripts: no CSP applies here.
var testPages = map[string]string{
	"/clean":         `<script>document.body.dataset.ready = "1"</script>`,
	"/console-error": `<script>console.error("boom from console")</script>`,
	"/assert":        `<script>console.assert(1 === 2, "assert from console")</script>`,
	"/exception":     `<script>throw new Error("kaboom from script")</script>`,
	"/rejection":     `<script>Promise.reject(new Error("rejected promise"))</script>`,
	"/missing-image": `<img src="/missing.png" alt="">`,
	"/warning-only":  `<script>console.warn("just a warning"); console.log("just a log")</script>`,
}

// servePages serves testPages; every page ends by marking itself ready.
func servePages() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, ok := testPages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(`<!doctype html><html><head><title>t</title><link rel="icon" href="data:,"></head><body>` +
			body + `<script>document.body.dataset.ready = "1"</script></body></html>`))
	})
}

// TestRecordsProblems checks that the helper catches each kind of problem
// a browser test must fail on, and ignores warnings and plain logs.
func TestRecordsProblems(t *testing.T) {
	b := Start(t, servePages())
	tests := []struct {
		path string
		want string // substring of the one expected problem; "" for none
	}{
		{"/clean", ""},
		{"/warning-only", ""},
		{"/console-error", "boom from console"},
		{"/assert", "assert from console"},
		{"/exception", "kaboom from script"},
		{"/rejection", "rejected promise"},
		{"/missing-image", "404"},
	}
	for _, tt := range tests {
		b.Open(tt.path)
		got := b.TakeProblems()
		t.Logf("%s: %q", tt.path, got)
		switch {
		case tt.want == "" && len(got) != 0:
			t.Errorf("%s: problems = %q, want none", tt.path, got)
		case tt.want != "" && (len(got) != 1 || !strings.Contains(got[0], tt.want)):
			t.Errorf("%s: problems = %q, want one containing %q", tt.path, got, tt.want)
		}
	}
}

// TestRun checks that Run returns an action's value.
func TestRun(t *testing.T) {
	b := Start(t, servePages())
	b.Open("/clean")
	if got := Run(b, chromedp.Evaluate[int]("6 * 7")); got != 42 {
		t.Errorf("Run(6 * 7) = %d, want 42", got)
	}
	if got := Run(b, chromedp.Title()); got != "t" {
		t.Errorf("title = %q, want %q", got, "t")
	}
}
