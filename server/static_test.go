// static_test.go tests the hashed static assets: URLs, versions and caching.

package server

import (
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/gilscope/gilscope/static"
)

func TestStaticAssets(t *testing.T) {
	s, _ := newTestServer(t)
	v := s.assets.version
	const immutable = "public, max-age=31536000, immutable"
	tests := []struct {
		desc       string
		target     string
		wantStatus int
		wantType   string
		wantCache  string
		wantFile   string // asset whose content is the expected body
	}{
		{"script", "/static/" + v + "/app.js", 200, "text/javascript; charset=utf-8", immutable, "app.js"},
		{"stylesheet", "/static/" + v + "/app.css", 200, "text/css; charset=utf-8", immutable, "app.css"},
		{"icon", "/static/" + v + "/favicon.svg", 200, "image/svg+xml", immutable, "favicon.svg"},
		{"favicon.ico", "/favicon.ico", 200, "image/svg+xml", "public, max-age=86400", "favicon.svg"},
		{"stale version", "/static/0000000000000000/app.js", 404, "text/plain; charset=utf-8", "", ""},
		{"unknown asset", "/static/" + v + "/nope.js", 404, "text/plain; charset=utf-8", "", ""},
		{"unhashed URL", "/static/app.js", 404, "text/plain; charset=utf-8", "", ""},
		{"directory", "/static/" + v + "/", 404, "text/plain; charset=utf-8", "", ""},
		{"Go source is not embedded", "/static/" + v + "/static.go", 404, "text/plain; charset=utf-8", "", ""},
		{"traversal", "/static/" + v + "/../../go.mod", 404, "text/plain; charset=utf-8", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			w := get(s.Handler(), tt.target, "*/*")
			if w.Code != tt.wantStatus {
				t.Fatalf("status = %d, want %d", w.Code, tt.wantStatus)
			}
			if got := w.Header().Get("Content-Type"); got != tt.wantType {
				t.Errorf("Content-Type = %q, want %q", got, tt.wantType)
			}
			if tt.wantCache != "" {
				if got := w.Header().Get("Cache-Control"); got != tt.wantCache {
					t.Errorf("Cache-Control = %q, want %q", got, tt.wantCache)
				}
			}
			if tt.wantFile != "" && w.Body.String() != string(s.assets.files[tt.wantFile].content) {
				t.Errorf("body is not the content of %s", tt.wantFile)
			}
		})
	}
}

func TestStaticConditionalRequest(t *testing.T) {
	s, _ := newTestServer(t)
	u, _ := s.assets.URL("app.js")
	etag := get(s.Handler(), u, "*/*").Header().Get("ETag")
	if etag == "" {
		t.Fatal("no ETag on a hashed asset")
	}
	tests := []struct {
		desc        string
		ifNoneMatch string
		wantStatus  int
	}{
		{"matching ETag", etag, http.StatusNotModified},
		{"other ETag", `"0000000000000000"`, http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			r := httptest.NewRequest("GET", u, nil)
			r.Header.Set("If-None-Match", tt.ifNoneMatch)
			if w := send(s.Handler(), r); w.Code != tt.wantStatus {
				t.Errorf("status = %d, want %d", w.Code, tt.wantStatus)
			}
		})
	}
}

// TestPageLinksServedAssets checks that every /static/ URL the page links is
// served, so the hashed URLs the layout asks for and the ones the router
// accepts agree.
func TestPageLinksServedAssets(t *testing.T) {
	s, _ := newTestServer(t)
	page := get(s.Handler(), "/", browserAccept).Body.String()
	links := regexp.MustCompile(`(?:href|src)="(/static/[^"]+)"`).FindAllStringSubmatch(page, -1)
	if len(links) != 3 {
		t.Fatalf("page links %d static assets, want 3 (script, style, icon): %q", len(links), links)
	}
	for _, m := range links {
		if w := get(s.Handler(), m[1], "*/*"); w.Code != 200 {
			t.Errorf("GET %s = %d, want 200", m[1], w.Code)
		}
	}
}

func TestAssetVersion(t *testing.T) {
	version := func(t *testing.T, m fstest.MapFS) string {
		t.Helper()
		a, err := loadAssets(m)
		if err != nil {
			t.Fatalf("loadAssets: %v", err)
		}
		if !regexp.MustCompile(`^[0-9a-f]{16}$`).MatchString(a.version) {
			t.Fatalf("version = %q, want 16 hex digits", a.version)
		}
		return a.version
	}
	base := version(t, minimalAssets())
	tests := []struct {
		desc   string
		change func(fstest.MapFS)
		same   bool
	}{
		{"same content", func(fstest.MapFS) {}, true},
		{"edited script", func(m fstest.MapFS) { m["app.js"] = &fstest.MapFile{Data: []byte("// new\n")} }, false},
		{"edited icon", func(m fstest.MapFS) { m["favicon.svg"] = &fstest.MapFile{Data: []byte("<svg/>")} }, false},
		{"added module", func(m fstest.MapFS) { m["timeline.js"] = &fstest.MapFile{Data: []byte("")} }, false},
		{"renamed file", func(m fstest.MapFS) { m["other.css"] = m["app.css"]; delete(m, "app.css") }, false},
		{"content moved between files", func(m fstest.MapFS) {
			// app.js+app.css concatenated is unchanged; the length prefixes
			// must still tell the two sets apart.
			js, css := m["app.js"].Data, m["app.css"].Data
			m["app.js"] = &fstest.MapFile{Data: append(append([]byte{}, js...), css[:2]...)}
			m["app.css"] = &fstest.MapFile{Data: css[2:]}
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			m := minimalAssets()
			tt.change(m)
			if got := version(t, m); (got == base) != tt.same {
				t.Errorf("version %s vs base %s: same = %v, want %v", got, base, got == base, tt.same)
			}
		})
	}
}

func TestEmbeddedAssetsLoad(t *testing.T) {
	a, err := loadAssets(static.FS())
	if err != nil {
		t.Fatalf("loading the embedded assets: %v", err)
	}
	for _, name := range []string{"app.js", "app.css", "favicon.svg"} {
		if f, ok := a.files[name]; !ok || len(f.content) == 0 {
			t.Errorf("embedded asset %s missing or empty", name)
		}
	}
	for name := range a.files {
		if strings.HasSuffix(name, ".go") {
			t.Errorf("Go source %s is embedded as an asset", name)
		}
	}
}
