// cmd_serve_metrics.go defines how serve opens its listeners and runs on
// them: the main one and, with -metrics-addr, one of its own for /metrics.

package main

import (
	"context"
	"errors"
	"fmt"
	"net"

	"github.com/gilscope/gilscope/server"
)

// listeners are the sockets serve runs on; metrics is nil without
// -metrics-addr.
type listeners struct {
	main, metrics net.Listener
}

// listen opens the listeners before anything else starts (the store, the
// workers), so that a bad or busy address fails at once and cheaply.
func listen(ctx context.Context, addr, metricsAddr string) (listeners, error) {
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", addr)
	if err != nil {
		return listeners{}, fmt.Errorf("listen: %w", err)
	}
	if metricsAddr == "" {
		return listeners{main: ln}, nil
	}
	mln, err := lc.Listen(ctx, "tcp", metricsAddr)
	if err != nil {
		ln.Close()
		return listeners{}, fmt.Errorf("-metrics-addr: %w", err)
	}
	return listeners{main: ln, metrics: mln}, nil
}

// close closes listeners that were never served.
func (l listeners) close() {
	l.main.Close()
	if l.metrics != nil {
		l.metrics.Close()
	}
}

// serveOn runs srv on l until ctx is done, and its /metrics on l.metrics if
// there is one (srv must then have been made with Config.SeparateMetrics).
// Both stop when either fails.
func serveOn(ctx context.Context, srv *server.Server, l listeners) error {
	if l.metrics == nil {
		return srv.Serve(ctx, l.main)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	metricsDone := make(chan error, 1)
	go func() {
		err := srv.ServeMetrics(ctx, l.metrics)
		cancel() // a failed metrics listener stops the server too
		metricsDone <- err
	}()
	err := srv.Serve(ctx, l.main)
	cancel()
	return errors.Join(err, <-metricsDone)
}
