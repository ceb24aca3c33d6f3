// sessions.go defines the session group: the shutdown hook for long-lived
// connections, such as websockets, that http.Server.Shutdown cannot see
// because they are hijacked.

package server

import (
	"context"
	"errors"
	"fmt"
	"sync"
)

// errShuttingDown is the cause of a session context canceled because the
// server is shutting down. A websocket session that sees it should send a
// close frame with code 1001 (going away) before it returns.
var errShuttingDown = errors.New("server shutting down")

// sessionGroup tracks long-lived sessions so that shutdown can ask them to
// end and wait until they have. All methods are safe for concurrent use.
//
// A websocket handler uses it like this:
//
//	ctx, leave, ok := s.sessions.join(r.Context())
//	if !ok {
//		http.Error(w, "503 shutting down", http.StatusServiceUnavailable)
//		return
//	}
//	defer leave()
//	// ... upgrade; when ctx is done and context.Cause(ctx) is
//	// errShuttingDown, send a close frame (1001) and return.
type sessionGroup struct {
	mu       sync.Mutex
	closing  context.Context // canceled, with cause errShuttingDown, when shutdown begins
	shutdown context.CancelCauseFunc
	closed   bool // under mu; once true, join refuses and active only shrinks
	active   sync.WaitGroup
}

// newSessionGroup returns an open, empty group.
func newSessionGroup() *sessionGroup {
	ctx, cancel := context.WithCancelCause(context.Background())
	return &sessionGroup{closing: ctx, shutdown: cancel}
}

// join registers a session. If shutdown has begun it returns ok == false,
// and the caller must refuse the session. Otherwise it returns a context
// derived from parent that is also canceled, with cause errShuttingDown,
// when shutdown begins; the caller must call leave exactly once when the
// session has ended.
func (g *sessionGroup) join(parent context.Context) (ctx context.Context, leave func(), ok bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.closed {
		return nil, nil, false
	}
	g.active.Add(1)
	ctx, cancel := context.WithCancelCause(parent)
	stop := context.AfterFunc(g.closing, func() { cancel(errShuttingDown) })
	leave = sync.OnceFunc(func() {
		stop()
		cancel(nil)
		g.active.Done()
	})
	return ctx, leave, true
}

// close begins shutdown: it refuses new sessions and cancels the contexts of
// the active ones. It is idempotent.
func (g *sessionGroup) close() {
	g.mu.Lock()
	g.closed = true
	g.mu.Unlock()
	g.shutdown(errShuttingDown)
}

// wait blocks until every session has left, or ctx is done, in which case it
// returns an error wrapping ctx's. Call it after close.
func (g *sessionGroup) wait(ctx context.Context) error {
	done := make(chan struct{})
	go func() {
		g.active.Wait()
		close(done)
	}()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("waiting for sessions to end: %w", context.Cause(ctx))
	}
}
