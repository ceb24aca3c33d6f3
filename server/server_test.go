// server_test.go tests construction, security headers, the pages, the
// health check and the 404 and 405 answers.

package server

import (
	"errors"
	"io/fs"
	"log/slog"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/gilscope/gilscope/internal/store"
)

func TestNewValidatesConfig(t *testing.T) {
	logger := slog.New(slog.DiscardHandler)
	mem := store.NewMemory()
	without := func(name string) fs.FS {
		m := minimalAssets()
		delete(m, name)
		return m
	}
	withExtra := func(name string) fs.FS {
		m := minimalAssets()
		m[name] = &fstest.MapFile{Data: []byte("x")}
		return m
	}
	tests := []struct {
		desc    string
		cfg     Config
		wantErr string // substring; "" means success
	}{
		{"complete config", Config{Logger: logger, Static: minimalAssets(), Store: mem}, ""},
		{"nil logger", Config{Static: minimalAssets(), Store: mem}, "Logger is nil"},
		{"nil static", Config{Logger: logger, Store: mem}, "Static is nil"},
		{"nil store", Config{Logger: logger, Static: minimalAssets()}, "Store is nil"},
		{"no app.js", Config{Logger: logger, Static: without("app.js"), Store: mem}, `"app.js"`},
		{"no app.css", Config{Logger: logger, Static: without("app.css"), Store: mem}, `"app.css"`},
		{"no favicon", Config{Logger: logger, Static: without("favicon.svg"), Store: mem}, `"favicon.svg"`},
		{"no tour.js", Config{Logger: logger, Static: without("tour.js"), Store: mem}, `"tour.js"`},
		{"no tour.css", Config{Logger: logger, Static: without("tour.css"), Store: mem}, `"tour.css"`},
		{"unservable file", Config{Logger: logger, Static: withExtra("notes.txt"), Store: mem}, "notes.txt: no known content type"},
		{"asset in subdirectory", Config{Logger: logger, Static: withExtra("timeline/draw.js"), Store: mem}, ""},
		{"a public URL", Config{Logger: logger, Static: minimalAssets(), Store: mem, PublicURL: "https://gil.example/"}, ""},
		{"a public URL without a scheme", Config{Logger: logger, Static: minimalAssets(), Store: mem, PublicURL: "gil.example"}, "not an http or https URL"},
		{"a public URL with a path", Config{Logger: logger, Static: minimalAssets(), Store: mem, PublicURL: "https://gil.example/app"}, "more than a scheme and a host"},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			s, err := New(tt.cfg)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatalf("New: %v", err)
			case tt.wantErr == "" && s == nil:
				t.Fatal("New returned nil Server and nil error")
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Fatalf("New error = %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}

func TestSecurityHeaders(t *testing.T) {
	s, _ := newTestServer(t)
	appJS, _ := s.assets.URL("app.js")
	tests := []struct {
		desc   string
		target string
		accept string
	}{
		{"playground page", "/", browserAccept},
		{"health check", "/healthz", ""},
		{"hashed asset", appJS, "*/*"},
		{"favicon", "/favicon.ico", "image/*"},
		{"404 page", "/no/such/page", browserAccept},
		{"404 text", "/no/such/page", ""},
		{"405", "/healthz?m=post", ""},
	}
	want := map[string]string{
		"X-Content-Type-Options":     "nosniff",
		"Referrer-Policy":            "strict-origin-when-cross-origin",
		"X-Frame-Options":            "DENY",
		"Cross-Origin-Opener-Policy": "same-origin",
	}
	requestID := regexp.MustCompile(`^[0-9a-f]{16}$`)
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			method := "GET"
			if strings.HasSuffix(tt.target, "?m=post") {
				method = "POST"
			}
			w := do(s.Handler(), method, tt.target, tt.accept)
			h := w.Result().Header
			for name, value := range want {
				if got := h.Get(name); got != value {
					t.Errorf("%s = %q, want %q", name, got, value)
				}
			}
			csp := h.Get("Content-Security-Policy")
			for _, d := range []string{"default-src 'none'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'"} {
				if !strings.Contains(csp, d) {
					t.Errorf("Content-Security-Policy %q lacks %q", csp, d)
				}
			}
			if id := h.Get("X-Request-Id"); !requestID.MatchString(id) {
				t.Errorf("X-Request-Id = %q, want 16 hex digits", id)
			}
		})
	}
}

func TestContentSecurityPolicy(t *testing.T) {
	tests := []struct {
		desc        string
		host        string
		wantConnect string
	}{
		{"name and port", "gilscope.example:8080", "connect-src 'self' ws://gilscope.example:8080 wss://gilscope.example:8080;"},
		{"IPv6 literal", "[::1]:8080", "connect-src 'self' ws://[::1]:8080 wss://[::1]:8080;"},
		{"empty host", "", "connect-src 'self';"},
		{"directive injection", "evil.example; script-src *", "connect-src 'self';"},
		{"scheme injection", "evil.example/x", "connect-src 'self';"},
		{"overlong host", strings.Repeat("a", maxHostLen+1), "connect-src 'self';"},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			csp := contentSecurityPolicy(tt.host, "'none'")
			if !strings.Contains(csp, tt.wantConnect) {
				t.Errorf("CSP = %q, want it to contain %q", csp, tt.wantConnect)
			}
			if strings.Count(csp, "script-src") != 1 {
				t.Errorf("CSP = %q, want exactly one script-src", csp)
			}
		})
	}
}

func TestHealth(t *testing.T) {
	s, _ := newTestServer(t)
	for _, method := range []string{"GET", "HEAD"} {
		t.Run(method, func(t *testing.T) {
			w := do(s.Handler(), method, "/healthz", "")
			if w.Code != 200 {
				t.Fatalf("status = %d, want 200", w.Code)
			}
			if got := w.Header().Get("Cache-Control"); got != "no-store" {
				t.Errorf("Cache-Control = %q, want no-store", got)
			}
			if method == "GET" && w.Body.String() != "ok\n" {
				t.Errorf("body = %q, want %q", w.Body.String(), "ok\n")
			}
		})
	}
}

func TestPlaygroundPage(t *testing.T) {
	s, _ := newTestServer(t)
	w := get(s.Handler(), "/", browserAccept)
	if w.Code != 200 {
		t.Fatalf("status = %d, want 200", w.Code)
	}
	if got := w.Header().Get("Content-Type"); got != "text/html; charset=utf-8" {
		t.Errorf("Content-Type = %q", got)
	}
	if got := w.Header().Get("Cache-Control"); got != "no-cache" {
		t.Errorf("Cache-Control = %q, want no-cache (the page names the asset version)", got)
	}
	body := w.Body.String()
	for _, want := range []string{
		`<title>gilscope</title>`,
		`id="editor-pane"`, `id="controls"`, `id="timeline-pane"`, `<canvas id="timeline"`, `id="output"`,
		`<a href="/tour">Guided tour</a>`,
		`<script type="module" src="/static/` + s.assets.version + `/app.js"></script>`,
		`<link rel="stylesheet" href="/static/` + s.assets.version + `/app.css">`,
		`<link rel="icon" type="image/svg+xml" href="/static/` + s.assets.version + `/favicon.svg">`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	for _, banned := range []string{"<style", " style=", "<script>", " onload=", " onclick="} {
		if strings.Contains(body, banned) {
			t.Errorf("page contains %q, which the CSP forbids", banned)
		}
	}
}

func TestNotFound(t *testing.T) {
	s, _ := newTestServer(t)
	tests := []struct {
		desc, target, accept string
		wantType, wantBody   string
	}{
		{"browser", "/nope", browserAccept, "text/html; charset=utf-8", "Page not found"},
		{"curl", "/nope", "*/*", "text/plain; charset=utf-8", "404 page not found"},
		{"no Accept", "/nope", "", "text/plain; charset=utf-8", "404 page not found"},
		{"unhashed asset", "/static/app.js", browserAccept, "text/html; charset=utf-8", "Page not found"},
		{"HTML-looking path is escaped", "/%3Cscript%3E", browserAccept, "text/html; charset=utf-8", "Page not found"},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			w := get(s.Handler(), tt.target, tt.accept)
			if w.Code != 404 {
				t.Fatalf("status = %d, want 404", w.Code)
			}
			if got := w.Header().Get("Content-Type"); got != tt.wantType {
				t.Errorf("Content-Type = %q, want %q", got, tt.wantType)
			}
			if body := w.Body.String(); !strings.Contains(body, tt.wantBody) || strings.Contains(body, "<script>") {
				t.Errorf("body = %q, want it to contain %q and no inline script", body, tt.wantBody)
			}
		})
	}
}

func TestMethodNotAllowed(t *testing.T) {
	s, _ := newTestServer(t)
	w := do(s.Handler(), "POST", "/", "")
	if w.Code != 405 {
		t.Fatalf("POST / status = %d, want 405", w.Code)
	}
	if allow := w.Header().Values("Allow"); !slices.Contains(allow, "GET") {
		t.Errorf("Allow = %q, want it to include GET", allow)
	}
}

func TestErrorsAreWrapped(t *testing.T) {
	_, err := loadAssets(fstest.MapFS{"x.bin": {Data: []byte{1}}})
	if err == nil || !strings.Contains(err.Error(), "loading static assets") {
		t.Fatalf("loadAssets error = %v, want context", err)
	}
	var pathErr *fs.PathError
	_, err = loadAssets(brokenFS{})
	if !errors.As(err, &pathErr) {
		t.Errorf("loadAssets error = %v, want it to wrap the *fs.PathError", err)
	}
}

// brokenFS is a file system whose only file cannot be read.
type brokenFS struct{}

func (brokenFS) Open(name string) (fs.File, error) {
	if name == "." {
		return fstest.MapFS{"app.js": {}}.Open(".")
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
}
