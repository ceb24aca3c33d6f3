// serve.go defines how the Server runs: listening, and graceful shutdown
// when the caller's context ends.

package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
)

// ListenAndServe listens on the TCP address addr (host:port; port 0 picks a
// free one) and calls Serve.
func (s *Server) ListenAndServe(ctx context.Context, addr string) error {
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	return s.Serve(ctx, ln)
}

// Serve serves HTTP on ln until ctx is done, then shuts down gracefully: it
// stops accepting connections, cancels the contexts of long-lived sessions
// (see sessionGroup), and waits up to shutdownTimeout for in-flight requests
// to finish and sessions to leave before it closes what remains, logging
// what it abandons. It returns nil once shut down, cleanly or not: a run
// that does not stop must not make the server fail to exit. Serve closes ln,
// and may be called only once.
// It keeps at most s.maxConns connections open, s.maxConnsPerAddr from one
// client address (see connLimiter).
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := &http.Server{
		Handler:           s.mux,
		ReadHeaderTimeout: readHeaderTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
		// No ReadTimeout or WriteTimeout: they would cut websockets off.
		// Short routes get pageTimeout from their middleware instead.
	}
	hs.RegisterOnShutdown(s.sessions.close)
	served := make(chan error, 1)
	limited := newConnLimiter(ln, s.maxConns, s.maxConnsPerAddr, s.metrics.error)
	go func() { served <- hs.Serve(limited) }()
	s.log.Info("listening", slog.String("addr", ln.Addr().String()))

	select {
	case err := <-served:
		s.sessions.close()
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	return s.shutdown(hs, served, limited)
}

// shutdown stops hs gracefully within s.shutdownWait, then closes what is
// left, logging what it abandons (the sessions, runs and connections still
// there), and waits for its Serve call to return (its result arrives on
// served).
func (s *Server) shutdown(hs *http.Server, served <-chan error, conns *connLimiter) error {
	s.log.Info("shutting down", slog.Duration("timeout", s.shutdownWait))
	ctx, cancel := context.WithTimeout(context.Background(), s.shutdownWait)
	defer cancel()
	s.sessions.close() // also registered with hs; closing first starts the sessions' goodbyes sooner
	if err := errors.Join(hs.Shutdown(ctx), s.sessions.wait(ctx)); err != nil {
		s.log.Warn("shutdown timed out: abandoning what is left",
			slog.Int64("sessions", s.metrics.sessionsActive.Load()),
			slog.Int("runs", s.runs.busy()),
			slog.Int("connections", conns.openConns()),
			slog.Any("error", err))
		hs.Close()
	} else {
		s.log.Info("shut down cleanly")
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}
