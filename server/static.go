// static.go defines the static asset route family: the assets loaded,
// content-hashed and compressed at construction, /static/<version>/<name>
// with immutable caching, and /favicon.ico.

package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/go-chi/chi/v5"
)

// staticPrefix is the URL path under which the hashed assets are served.
const staticPrefix = "/static/"

// faviconName is the asset served at /favicon.ico.
const faviconName = "favicon.svg"

// assets is the set of static files, read into memory once. All of them
// share one version, a hash of every name and content, so an asset's URL
// changes whenever any asset changes. One version for the whole set (rather
// than one hash per file) keeps relative ES module imports working: app.js
// can import "./timeline.js" and get the matching version.
type assets struct {
	version string
	files   map[string]asset // by slash-separated name, e.g. "app.js"
}

// asset is one static file.
type asset struct {
	content     []byte
	contentType string
	encoded     *lazyEncodings // content compressed, if it is text
}

// loadAssets reads every file in fsys and computes the version. It fails on
// a file whose extension has no known content type, so nothing is ever
// served as application/octet-stream by accident.
func loadAssets(fsys fs.FS) (*assets, error) {
	a := &assets{files: make(map[string]asset)}
	h := sha256.New()
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		ct, ok := contentType(name)
		if !ok {
			return fmt.Errorf("static asset %s: no known content type", name)
		}
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return fmt.Errorf("static asset: %w", err)
		}
		// WalkDir visits names in lexical order, so the hash is deterministic.
		// Length prefixes keep (name, content) pairs unambiguous.
		fmt.Fprintf(h, "%d:%s%d:", len(name), name, len(b))
		h.Write(b)
		a.files[name] = asset{content: b, contentType: ct}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("loading static assets: %w", err)
	}
	a.version = hex.EncodeToString(h.Sum(nil))[:versionHexDigits]
	a.compress()
	return a, nil
}

// compress gives every text asset its encodings, compressed on first use.
func (a *assets) compress() {
	for name, f := range a.files {
		if compressible(f.contentType) {
			f.encoded = compress(f.content)
			a.files[name] = f
		}
	}
}

// precompress compresses every text asset now, as many at once as there
// are CPUs.
func (a *assets) precompress() {
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for _, f := range a.files {
		if f.encoded != nil {
			wg.Go(func() {
				sem <- struct{}{}
				defer func() { <-sem }()
				f.encoded.get()
			})
		}
	}
	wg.Wait()
}

// contentType returns the Content-Type for an asset name, by extension.
// It is a fixed table, not mime.TypeByExtension, so responses do not depend
// on the host's /etc/mime.types.
func contentType(name string) (string, bool) {
	switch path.Ext(name) {
	case ".js", ".mjs":
		return "text/javascript; charset=utf-8", true
	case ".css":
		return "text/css; charset=utf-8", true
	case ".svg":
		return "image/svg+xml", true
	case ".png":
		return "image/png", true
	case ".json":
		return "application/json", true
	case ".woff2":
		return "font/woff2", true
	}
	return "", false
}

// compressible reports whether assets of the content type are worth
// compressing: text. PNG and WOFF2 are compressed already.
func compressible(contentType string) bool {
	return strings.HasPrefix(contentType, "text/") || contentType == "image/svg+xml" || contentType == "application/json"
}

// URL returns the content-hashed URL path of the named asset, such as
// "/static/0123456789abcdef/app.js", or an error if there is no such asset.
func (a *assets) URL(name string) (string, error) {
	if _, ok := a.files[name]; !ok {
		return "", fmt.Errorf("no static asset %q", name)
	}
	return staticPrefix + a.version + "/" + name, nil
}

// handleStatic serves /static/{version}/{name}. Only the current version is
// served: an old version's URL must not be cached forever with new content,
// so it gets a 404.
func (s *Server) handleStatic(w http.ResponseWriter, r *http.Request) {
	f, ok := s.assets.files[chi.URLParam(r, "*")]
	if !ok || chi.URLParam(r, "version") != s.assets.version {
		s.handleNotFound(w, r)
		return
	}
	cacheControl := "public, max-age=" + strconv.Itoa(int(assetMaxAge/time.Second)) + ", immutable"
	serveAsset(w, r, f, cacheControl, s.assets.version)
}

// handleFavicon serves /favicon.ico, which some browsers and crawlers ask for
// whatever the page links. Its URL is not hashed, so it is cached briefly.
func (s *Server) handleFavicon(w http.ResponseWriter, r *http.Request) {
	f, ok := s.assets.files[faviconName]
	if !ok {
		s.handleNotFound(w, r)
		return
	}
	cacheControl := "public, max-age=" + strconv.Itoa(int(faviconMaxAge/time.Second))
	serveAsset(w, r, f, cacheControl, s.assets.version)
}

// serveAsset writes f with the given Cache-Control, in the best coding the
// request accepts. tag identifies f's content (the asset version); each
// coding is its own representation, whose ETag is tag and the coding.
// http.ServeContent answers conditional and range requests.
func serveAsset(w http.ResponseWriter, r *http.Request, f asset, cacheControl, tag string) {
	h := w.Header()
	h.Set("Content-Type", f.contentType)
	h.Set("Cache-Control", cacheControl)
	body, etag := f.content, tag
	if f.encoded != nil {
		h.Add("Vary", "Accept-Encoding")
		br, gz := acceptsCoding(r, codingBrotli), acceptsCoding(r, codingGzip)
		var enc encodings
		if br || gz {
			enc, _ = f.encoded.ready() // the plain bytes until they are compressed
		}
		switch {
		case enc.brotli != nil && br:
			body, etag = enc.brotli, tag+"-"+codingBrotli
			h.Set("Content-Encoding", codingBrotli)
		case enc.gzip != nil && gz:
			body, etag = enc.gzip, tag+"-"+codingGzip
			h.Set("Content-Encoding", codingGzip)
		}
	}
	h.Set("ETag", `"`+etag+`"`)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
}
