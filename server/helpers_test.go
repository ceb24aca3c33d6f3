// helpers_test.go defines the fixtures the server tests share.

package server

import (
	"bytes"
	"io/fs"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/gilscope/gilscope/internal/store"
	"github.com/gilscope/gilscope/static"
)

// logBuffer is a bytes.Buffer safe for the concurrent writes of a logger.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// newTestServer returns a Server over the real static assets, logging to the
// returned buffer.
func newTestServer(t *testing.T) (*Server, *logBuffer) {
	t.Helper()
	return newTestServerFS(t, static.FS())
}

// newTestServerB is newTestServer for a benchmark.
func newTestServerB(b *testing.B) (*Server, *logBuffer) {
	b.Helper()
	return newTestServerFS(b, static.FS())
}

// newTestServerFS is newTestServer over the given assets.
func newTestServerFS(t testing.TB, fsys fs.FS) (*Server, *logBuffer) {
	t.Helper()
	logs := new(logBuffer)
	s, err := New(Config{Logger: slog.New(slog.NewTextHandler(logs, nil)), Static: fsys, Store: store.NewMemory(),
		Runner: testPool(t)})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return s, logs
}

// minimalAssets is the smallest asset set the page shell accepts.
func minimalAssets() fstest.MapFS {
	return fstest.MapFS{
		"app.js":      {Data: []byte("document.body.dataset.ready = '1';\n")},
		"app.css":     {Data: []byte("body {}\n")},
		"favicon.svg": {Data: []byte("<svg xmlns='http://www.w3.org/2000/svg'/>\n")},
		"tour.js":     {Data: []byte("document.body.dataset.ready = '1';\n")},
		"tour.css":    {Data: []byte("main {}\n")},
	}
}

// get sends a GET for target with the given Accept header ("" for none) to
// h and returns the recorded response.
func get(h http.Handler, target, accept string) *httptest.ResponseRecorder {
	return do(h, http.MethodGet, target, accept)
}

// do sends a request with the given method and Accept header to h.
func do(h http.Handler, method, target, accept string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, target, nil)
	if accept != "" {
		r.Header.Set("Accept", accept)
	}
	return send(h, r)
}

// send serves r with h and returns the recorded response.
func send(h http.Handler, r *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// browserAccept is the Accept header of a Chromium navigation.
const browserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"
