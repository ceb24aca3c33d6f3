// middleware_test.go tests panic recovery, the page timeout, request ids
// and the access log.

package server

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/go-chi/chi/v5"
)

// secret is a panic message standing for internals that must reach the log
// but never the client.
const secret = "db password is hunter2"

func TestPanicRecovery(t *testing.T) {
	s, logs := newTestServer(t)
	boom := func(w http.ResponseWriter, r *http.Request) { panic(secret) }
	// One route at the root, as /ws will be; one in the page group, whose
	// timeout runs the handler on another goroutine.
	s.mux.Get("/test/root-panic", boom)
	s.mux.Group(func(r chi.Router) {
		r.Use(s.pageMiddleware()...)
		r.Get("/test/page-panic", boom)
	})
	tests := []struct {
		desc, target, accept string
	}{
		{"root route, browser", "/test/root-panic", browserAccept},
		{"root route, API client", "/test/root-panic", ""},
		{"page route", "/test/page-panic", browserAccept},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			w := get(s.Handler(), tt.target, tt.accept)
			if w.Code != http.StatusInternalServerError {
				t.Fatalf("status = %d, want 500", w.Code)
			}
			id := w.Header().Get("X-Request-Id")
			body := w.Body.String()
			if strings.Contains(body, secret) || strings.Contains(body, "goroutine") || strings.Contains(body, ".go:") {
				t.Errorf("500 body leaks internals: %q", body)
			}
			if !strings.Contains(body, id) {
				t.Errorf("500 body %q lacks the request id %s", body, id)
			}
			if got := w.Header().Get("X-Content-Type-Options"); got != "nosniff" {
				t.Errorf("500 response lacks security headers")
			}
			log := logs.String()
			for _, want := range []string{"panic serving request", "request_id=" + id, secret, "TestPanicRecovery.func1"} {
				if !strings.Contains(log, want) {
					t.Errorf("log lacks %q:\n%s", want, log)
				}
			}
		})
	}
}

func TestAbortHandlerPanicPropagates(t *testing.T) {
	s, logs := newTestServer(t)
	s.mux.Get("/test/abort", func(w http.ResponseWriter, r *http.Request) { panic(http.ErrAbortHandler) })
	defer func() {
		if p := recover(); p != http.ErrAbortHandler {
			t.Errorf("recovered %v, want http.ErrAbortHandler re-panicked for net/http", p)
		}
		if strings.Contains(logs.String(), "panic serving request") {
			t.Errorf("ErrAbortHandler was logged as a panic")
		}
	}()
	get(s.Handler(), "/test/abort", "")
}

func TestTimeout(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done(): // the timeout cancels the handler's context
		}
	})
	w := httptest.NewRecorder()
	withTimeout(20*time.Millisecond)(slow).ServeHTTP(w, httptest.NewRequest("GET", "/", nil))
	if w.Code != http.StatusServiceUnavailable || w.Body.String() != timeoutMessage {
		t.Errorf("got %d %q, want 503 %q", w.Code, w.Body.String(), timeoutMessage)
	}
}

func TestRequestLog(t *testing.T) {
	s, logs := newTestServer(t)
	w := get(s.Handler(), "/healthz", "")
	id := w.Header().Get("X-Request-Id")
	line := ""
	for _, l := range strings.Split(logs.String(), "\n") {
		if strings.Contains(l, "request_id="+id) {
			line = l
		}
	}
	for _, want := range []string{"msg=request", "method=GET", "path=/healthz", "status=200", "bytes=3", "duration="} {
		if !strings.Contains(line, want) {
			t.Errorf("log line %q lacks %q", line, want)
		}
	}
}

func TestRequestIDsAreUnique(t *testing.T) {
	s, _ := newTestServer(t)
	seen := make(map[string]bool)
	for range 100 {
		id := get(s.Handler(), "/healthz", "").Header().Get("X-Request-Id")
		if seen[id] {
			t.Fatalf("request id %s repeated", id)
		}
		seen[id] = true
	}
}

func TestRequestIDIgnoresClientHeader(t *testing.T) {
	s, _ := newTestServer(t)
	r := httptest.NewRequest("GET", "/healthz", nil)
	r.Header.Set("X-Request-Id", "forged\nlevel=ERROR")
	if got := send(s.Handler(), r).Header().Get("X-Request-Id"); strings.Contains(got, "forged") {
		t.Errorf("X-Request-Id = %q, want a fresh id", got)
	}
}

// TestRequireJSON checks that the JSON routes refuse the content types a
// cross-site page could send without asking, and serve JSON meanwhile.
func TestRequireJSON(t *testing.T) {
	s, _ := newTestServer(t)
	tests := []struct {
		contentType string
		status      int
	}{
		{"application/json", 200},
		{"application/json; charset=utf-8", 200},
		{"text/plain", 415},
		{"text/plain;charset=UTF-8", 415},
		{"application/x-www-form-urlencoded", 415},
		{"multipart/form-data; boundary=x", 415},
		{"", 415},
	}
	for _, route := range []struct{ target, body string }{
		{"/api/share", `{"workload": {"source": "pass"}}`},
		{"/api/run", `{"source": "pass"}`},
	} {
		for _, tt := range tests {
			r := httptest.NewRequest(http.MethodPost, route.target, strings.NewReader(route.body))
			if tt.contentType != "" {
				r.Header.Set("Content-Type", tt.contentType)
			}
			w := send(s.Handler(), r)
			if w.Code != tt.status || (tt.status == 415 && !strings.Contains(w.Body.String(), "application/json")) {
				t.Errorf("%s with %q: %d %s, want %d", route.target, tt.contentType, w.Code, w.Body, tt.status)
			}
		}
	}
}
