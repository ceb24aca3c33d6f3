// compress_test.go tests compressed responses: the coding each
// Accept-Encoding gets for assets and pages, and their ETags.

package server

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http/httptest"
	"testing"

	"github.com/andybalholm/brotli"
)

func TestAcceptsCoding(t *testing.T) {
	tests := []struct {
		header     string
		br, gzipOK bool
	}{
		{"", false, false},
		{"gzip, deflate, br, zstd", true, true},
		{"gzip, deflate", false, true},
		{"GZIP", false, true},
		{"br;q=0, gzip", false, true},
		{"br; q=0.5, gzip;q=1.0", true, true},
		{"gzip;q=0", false, false},
		{"gzip;q=nonsense", false, false},
		{"*", true, true},
		{"*;q=0", false, false},
		{"*, br;q=0", false, true},
		{"identity", false, false},
	}
	for _, tt := range tests {
		r := httptest.NewRequest("GET", "/", nil)
		if tt.header != "" {
			r.Header.Set("Accept-Encoding", tt.header)
		}
		if got := acceptsCoding(r, codingBrotli); got != tt.br {
			t.Errorf("Accept-Encoding %q: br accepted = %v, want %v", tt.header, got, tt.br)
		}
		if got := acceptsCoding(r, codingGzip); got != tt.gzipOK {
			t.Errorf("Accept-Encoding %q: gzip accepted = %v, want %v", tt.header, got, tt.gzipOK)
		}
	}
}

// decode undoes the coding of a response body.
func decode(t *testing.T, coding string, body []byte) []byte {
	t.Helper()
	var r io.Reader = bytes.NewReader(body)
	switch coding {
	case "":
		return body
	case codingGzip:
		zr, err := gzip.NewReader(r)
		if err != nil {
			t.Fatal(err)
		}
		r = zr
	case codingBrotli:
		r = brotli.NewReader(r)
	default:
		t.Fatalf("unknown coding %q", coding)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("decoding %s: %v", coding, err)
	}
	return out
}

// TestCompressedAssets fetches assets with each Accept-Encoding and checks
// the coding, the headers, and that the body decodes to the asset.
func TestCompressedAssets(t *testing.T) {
	s, _ := newTestServer(t)
	s.Precompress()
	script, _ := s.assets.URL("app.js")
	tests := []struct {
		desc       string
		target     string
		accept     string
		wantCoding string
	}{
		{"Chromium over HTTPS gets brotli", script, "gzip, deflate, br, zstd", codingBrotli},
		{"gzip only", script, "gzip, deflate", codingGzip},
		{"brotli refused", script, "br;q=0, gzip", codingGzip},
		{"no header", script, "", ""},
		{"nothing acceptable", script, "identity", ""},
		{"the icon is SVG, compressed too", "/favicon.ico", "gzip", codingGzip},
		{"the examples gallery", "/api/examples", "gzip, deflate, br, zstd", codingBrotli},
	}
	want := map[string][]byte{
		script:          s.assets.files["app.js"].content,
		"/favicon.ico":  s.assets.files[faviconName].content,
		"/api/examples": s.gallery.answer.content,
	}
	etags := map[string]string{}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			r := httptest.NewRequest("GET", tt.target, nil)
			if tt.accept != "" {
				r.Header.Set("Accept-Encoding", tt.accept)
			}
			w := send(s.Handler(), r)
			if w.Code != 200 {
				t.Fatalf("status %d", w.Code)
			}
			h := w.Header()
			if got := h.Get("Content-Encoding"); got != tt.wantCoding {
				t.Errorf("Content-Encoding = %q, want %q", got, tt.wantCoding)
			}
			if got := h.Get("Vary"); got != "Accept-Encoding" {
				t.Errorf("Vary = %q, want Accept-Encoding", got)
			}
			if got := decode(t, tt.wantCoding, w.Body.Bytes()); !bytes.Equal(got, want[tt.target]) {
				t.Errorf("decoded body is not what %s serves", tt.target)
			}
			if tt.target == script {
				if prev, ok := etags[h.Get("ETag")]; ok && prev != tt.wantCoding {
					t.Errorf("ETag %s is shared by codings %q and %q", h.Get("ETag"), prev, tt.wantCoding)
				}
				etags[h.Get("ETag")] = tt.wantCoding
			}
		})
	}
}

// TestCompressedAssetRevalidation checks that a cached representation is
// revalidated only by a request that would get the same coding.
func TestCompressedAssetRevalidation(t *testing.T) {
	s, _ := newTestServer(t)
	s.Precompress()
	u, _ := s.assets.URL("app.js")
	r := httptest.NewRequest("GET", u, nil)
	r.Header.Set("Accept-Encoding", "br")
	etag := send(s.Handler(), r).Header().Get("ETag")
	for _, tt := range []struct {
		accept     string
		wantStatus int
	}{
		{"br", 304},
		{"gzip", 200},
	} {
		r := httptest.NewRequest("GET", u, nil)
		r.Header.Set("Accept-Encoding", tt.accept)
		r.Header.Set("If-None-Match", etag)
		if w := send(s.Handler(), r); w.Code != tt.wantStatus {
			t.Errorf("If-None-Match %s with Accept-Encoding %s: status %d, want %d", etag, tt.accept, w.Code, tt.wantStatus)
		}
	}
}

// TestCompressedPages checks that pages are gzipped for clients that accept
// it, and sent plain to the others.
func TestCompressedPages(t *testing.T) {
	s, _ := newTestServer(t)
	plain := get(s.Handler(), "/", browserAccept)
	for _, tt := range []struct {
		desc, target, accept, wantCoding string
		wantStatus                       int
	}{
		{"playground, gzip", "/", "gzip, deflate, br", codingGzip, 200},
		{"playground, plain", "/", "", "", 200},
		{"404 page, too small to be worth it", "/nowhere", "gzip", "", 404},
	} {
		t.Run(tt.desc, func(t *testing.T) {
			r := httptest.NewRequest("GET", tt.target, nil)
			r.Header.Set("Accept", browserAccept)
			if tt.accept != "" {
				r.Header.Set("Accept-Encoding", tt.accept)
			}
			w := send(s.Handler(), r)
			if w.Code != tt.wantStatus {
				t.Fatalf("status %d, want %d", w.Code, tt.wantStatus)
			}
			if got := w.Header().Get("Content-Encoding"); got != tt.wantCoding {
				t.Errorf("Content-Encoding = %q, want %q", got, tt.wantCoding)
			}
			if got := w.Header().Get("Vary"); got != "Accept-Encoding" {
				t.Errorf("Vary = %q, want Accept-Encoding", got)
			}
			body := decode(t, tt.wantCoding, w.Body.Bytes())
			if tt.target == "/" && !bytes.Equal(body, plain.Body.Bytes()) {
				t.Errorf("decoded page differs from the plain one")
			}
		})
	}
}

// TestAssetPlainUntilCompressed checks that a request never waits for the
// compression: before it is done the plain bytes go out, and it starts it.
func TestAssetPlainUntilCompressed(t *testing.T) {
	b := bytes.Repeat([]byte("let x = 1;\n"), 5000) // content no other test has
	a := asset{content: b, contentType: "text/javascript; charset=utf-8", encoded: compress(b)}
	r := httptest.NewRequest("GET", "/x.js", nil)
	r.Header.Set("Accept-Encoding", "br, gzip")
	w := httptest.NewRecorder()
	serveAsset(w, r, a, "no-cache", "v")
	if ce := w.Header().Get("Content-Encoding"); ce != "" || w.Body.Len() != len(b) {
		t.Errorf("before compression: Content-Encoding %q, %d bytes; want the plain %d", ce, w.Body.Len(), len(b))
	}
	if w.Header().Get("Vary") != "Accept-Encoding" {
		t.Errorf("Vary = %q", w.Header().Get("Vary"))
	}
	a.encoded.get() // the first request started it
	w = httptest.NewRecorder()
	serveAsset(w, r, a, "no-cache", "v")
	if ce := w.Header().Get("Content-Encoding"); ce != "br" || w.Body.Len() >= len(b) {
		t.Errorf("after compression: Content-Encoding %q, %d bytes", ce, w.Body.Len())
	}
}
