// compress.go defines the compression of responses. The static assets are
// compressed once, in the background, from their first request or when the
// server precompresses them, with brotli and gzip at their best levels (the
// plain bytes go out meanwhile); pages, rendered per request, are gzipped on the way out with
// pooled writers. Each response takes the best coding the request's
// Accept-Encoding allows and says Vary: Accept-Encoding.

package server

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"
)

// Content codings, as Accept-Encoding and Content-Encoding name them.
const (
	codingBrotli = "br"
	codingGzip   = "gzip"
)

// minCompressBytes is the smallest page worth gzipping: below it the
// header and the round trip cost more than the bytes saved.
const minCompressBytes = 1 << 10

// encodings holds an asset compressed with each coding; nil where the
// coding would not make it smaller.
type encodings struct {
	brotli, gzip []byte
}

// encodingCache memoizes compression by content: compressing is a pure
// function of the bytes, brotli's best level takes seconds on the assets,
// and a process may build many servers over the same assets (the tests do).
var encodingCache struct {
	mu      sync.Mutex
	entries map[[sha256.Size]byte]*lazyEncodings
}

// lazyEncodings is content compressed with each coding, once, off the
// request path: brotli at its best level takes seconds on the larger assets
// (tens under the race detector), longer than a request may wait. Until the
// compression is done a response carries the plain bytes (ready), and a
// process that serves no asset never compresses one.
type lazyEncodings struct {
	content []byte
	once    sync.Once
	done    chan struct{} // closed when enc is set
	enc     encodings
}

// start compresses the content in the background, once.
func (l *lazyEncodings) start() {
	l.once.Do(func() {
		go func() {
			l.enc.brotli = smaller(l.content, brotliBest(l.content))
			l.enc.gzip = smaller(l.content, gzipBest(l.content))
			close(l.done)
		}()
	})
}

// ready returns the encodings if they are done, and starts them if not.
func (l *lazyEncodings) ready() (encodings, bool) {
	select {
	case <-l.done:
		return l.enc, true
	default:
		l.start()
		return encodings{}, false
	}
}

// get returns the encodings, waiting for them.
func (l *lazyEncodings) get() encodings {
	l.start()
	<-l.done
	return l.enc
}

// compress returns content's encodings, compressed on first use. It is safe
// for concurrent use; the same content is compressed once per process.
func compress(content []byte) *lazyEncodings {
	key := sha256.Sum256(content)
	encodingCache.mu.Lock()
	defer encodingCache.mu.Unlock()
	if encodingCache.entries == nil {
		encodingCache.entries = make(map[[sha256.Size]byte]*lazyEncodings)
	}
	e := encodingCache.entries[key]
	if e == nil {
		e = &lazyEncodings{content: content, done: make(chan struct{})}
		encodingCache.entries[key] = e
	}
	return e
}

// smaller returns packed if it is smaller than content, else nil.
func smaller(content, packed []byte) []byte {
	if len(packed) >= len(content) {
		return nil
	}
	return packed
}

func brotliBest(content []byte) []byte {
	var buf bytes.Buffer
	w := brotli.NewWriterLevel(&buf, brotli.BestCompression)
	w.Write(content) // writes to a bytes.Buffer do not fail
	w.Close()
	return buf.Bytes()
}

func gzipBest(content []byte) []byte {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression) // a valid level
	w.Write(content)
	w.Close()
	return buf.Bytes()
}

// gzipWriters recycles the page gzip writers (each holds ~800 KB of state).
var gzipWriters = sync.Pool{New: func() any { return gzip.NewWriter(nil) }}

// gzipPage returns page gzipped if r accepts gzip and page is worth it, with
// the coding to announce; else page and "".
func gzipPage(r *http.Request, page []byte) ([]byte, string) {
	if len(page) < minCompressBytes || !acceptsCoding(r, codingGzip) {
		return page, ""
	}
	var buf bytes.Buffer
	w := gzipWriters.Get().(*gzip.Writer)
	w.Reset(&buf)
	w.Write(page)
	w.Close()
	gzipWriters.Put(w)
	return buf.Bytes(), codingGzip
}

// acceptsCoding reports whether r's Accept-Encoding allows coding: named
// with a non-zero q, or not named and allowed by "*". A request without the
// header gets no coding, as most servers do.
func acceptsCoding(r *http.Request, coding string) bool {
	star := false
	for _, v := range r.Header.Values("Accept-Encoding") {
		for item := range strings.SplitSeq(v, ",") {
			name, params, _ := strings.Cut(item, ";")
			name = strings.ToLower(strings.TrimSpace(name))
			switch name {
			case coding:
				return qValue(params) > 0
			case "*":
				star = qValue(params) > 0
			}
		}
	}
	return star
}

// qValue returns the weight in an Accept-Encoding item's parameters
// ("q=0.5"), 1 if there is none, 0 if it is malformed.
func qValue(params string) float64 {
	for p := range strings.SplitSeq(params, ";") {
		k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
		if strings.EqualFold(strings.TrimSpace(k), "q") {
			q, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil {
				return 0
			}
			return q
		}
	}
	return 1
}
