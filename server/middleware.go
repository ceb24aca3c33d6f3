// middleware.go defines the middleware every response passes through:
// request ids, the access log, panic recovery, the page timeout, the
// deadline on request bodies, and the JSON routes' content type.
// The security headers are in security.go.

package server

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"runtime/debug"
	"strings"
	"time"

	"github.com/go-chi/chi/v5/middleware"
)

// requestIDHeader is the response header that carries the request id, so a
// user can quote it in a bug report and an operator can find the log line.
const requestIDHeader = "X-Request-Id"

// requestIDBytes is the number of random bytes in a request id.
const requestIDBytes = 8

// requestIDKey is the context key of the request id.
type requestIDKey struct{}

// requestID returns the id that assignRequestID gave the request, or "" for
// a context that did not pass through it.
func requestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey{}).(string)
	return id
}

// assignRequestID gives each request a fresh random id, in its context and
// in the response header. Ids sent by the client are ignored: they could be
// forged to confuse the logs.
func (s *Server) assignRequestID(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := newRequestID()
		w.Header().Set(requestIDHeader, id)
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), requestIDKey{}, id)))
	})
}

// newRequestID returns requestIDBytes random bytes in hex.
func newRequestID() string {
	var b [requestIDBytes]byte
	rand.Read(b[:]) // never fails; see crypto/rand.Read
	return hex.EncodeToString(b[:])
}

// requestLog returns the server's logger annotated with the request's id.
func (s *Server) requestLog(r *http.Request) *slog.Logger {
	return s.log.With(slog.String("request_id", requestID(r.Context())))
}

// logRequests writes one structured log line per request when it finishes,
// with its status, size and duration.
func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		ww := middleware.NewWrapResponseWriter(w, r.ProtoMajor)
		defer func() {
			status := ww.Status()
			switch {
			case status != 0:
			case isUpgrade(r):
				status = http.StatusSwitchingProtocols // hijacked: the handler wrote 101 itself
			default:
				status = http.StatusOK // nothing written: net/http sends 200
			}
			s.log.LogAttrs(r.Context(), slog.LevelInfo, "request",
				slog.String("request_id", requestID(r.Context())),
				slog.String("method", r.Method),
				slog.String("path", r.URL.Path),
				slog.Int("status", status),
				slog.Int("bytes", ww.BytesWritten()),
				slog.Duration("duration", time.Since(start)),
			)
		}()
		next.ServeHTTP(ww, r)
	})
}

// recoverPanics turns a panic in a handler into a logged error, with its
// stack, and a bare 500 for the client, which learns only the request id.
// http.ErrAbortHandler is re-panicked: it is net/http's way to abort a
// response on purpose.
func (s *Server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			p := recover()
			if p == nil {
				return
			}
			if p == http.ErrAbortHandler {
				panic(p)
			}
			s.requestLog(r).Error("panic serving request",
				slog.String("panic", fmt.Sprint(p)),
				slog.String("stack", string(debug.Stack())))
			if !isUpgrade(r) { // a hijacked connection has no response to write
				s.internalError(w, r)
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// isUpgrade reports whether r asks to switch protocols (a websocket).
func isUpgrade(r *http.Request) bool {
	for _, v := range r.Header.Values("Connection") {
		for _, tok := range strings.Split(v, ",") {
			if strings.EqualFold(strings.TrimSpace(tok), "upgrade") {
				return true
			}
		}
	}
	return false
}

// internalError answers 500 with a generic message and the request id. The
// caller logs the cause; the client never sees it.
func (s *Server) internalError(w http.ResponseWriter, r *http.Request) {
	msg := fmt.Sprintf("500 internal server error (request id %s)", requestID(r.Context()))
	http.Error(w, msg, http.StatusInternalServerError)
}

// timeoutMessage is the body of the 503 sent when a page exceeds its timeout.
const timeoutMessage = "503 service unavailable: the request took too long"

// withTimeout returns middleware that answers 503 if the handler has not
// finished within d, and cancels the handler's context. The response is
// buffered, so it does not suit streaming or websocket routes.
func withTimeout(d time.Duration) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.TimeoutHandler(next, d, timeoutMessage)
	}
}

// readBodies reads a request's body, up to maxBodyBytes+1, within
// s.bodyTimeout before the handler runs, so that a client trickling a body,
// or declaring one it never sends, holds its connection that long at most;
// it is answered 408 (kind limit) and the connection is closed. The deadline
// is lifted once the body is read, except after an oversized one: the
// handler answers 413, and net/http's draining of the rest stays bounded.
// Requests without a body (a websocket handshake among them) pass untouched.
func (s *Server) readBodies(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body == nil || r.Body == http.NoBody {
			next.ServeHTTP(w, r)
			return
		}
		rc := http.NewResponseController(w)
		rc.SetReadDeadline(time.Now().Add(s.bodyTimeout)) // ErrNotSupported only in tests' recorders
		body, err := io.ReadAll(io.LimitReader(r.Body, maxBodyBytes+1))
		if err != nil {
			s.metrics.error("limit")
			w.Header().Set("Connection", "close")
			writeError(w, http.StatusRequestTimeout, apiError{
				Message: fmt.Sprintf("the request body did not arrive within %v", s.bodyTimeout), Kind: "limit"})
			return
		}
		if len(body) <= maxBodyBytes {
			rc.SetReadDeadline(time.Time{})
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		next.ServeHTTP(w, r)
	})
}

// requireJSON answers 415 to a request whose Content-Type is not
// application/json. A page of another site can send a "simple" cross-site
// POST (text/plain, a form) without the browser asking this server first;
// application/json cannot be sent so, which makes these routes same-site
// only for browsers.
func (s *Server) requireJSON(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
		if err != nil || mt != "application/json" {
			s.fail(w, &apiError{Message: "the request's Content-Type must be application/json",
				Kind: "request", status: http.StatusUnsupportedMediaType})
			return
		}
		next.ServeHTTP(w, r)
	})
}
