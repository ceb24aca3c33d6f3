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
// to finish and sessions to leave before it closes what remains. It returns
// nil after a clean shutdown. Serve closes ln, and may be called only once.
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
	return s.shutdown(hs, served)
}

// shutdown stops hs gracefully within shutdownTimeout, then forcibly, and
// waits for its Serve call to return (its result arrives on served).
func (s *Server) shutdown(hs *http.Server, served <-chan error) error {
	s.log.Info("shutting down", slog.Duration("timeout", shutdownTimeout))
	ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	s.sessions.close() // also registered with hs; closing first starts the sessions' goodbyes sooner
	err := errors.Join(hs.Shutdown(ctx), s.sessions.wait(ctx))
	if err != nil {
		err = errors.Join(fmt.Errorf("graceful shutdown: %w", err), hs.Close())
	}
	if serr := <-served; !errors.Is(serr, http.ErrServerClosed) {
		err = errors.Join(err, fmt.Errorf("serve: %w", serr))
	}
	if err == nil {
		s.log.Info("shut down cleanly")
	}
	return err
}
