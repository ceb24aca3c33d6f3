// cmd_serve_metrics.go defines how serve runs with -metrics-addr: /metrics
// on a listener of its own, beside the main one.

package main

import (
	"context"
	"errors"
	"fmt"
	"net"

	"github.com/gilscope/gilscope/server"
)

// listenAndServe runs srv on addr until ctx is done and, if metricsAddr is
// set, its /metrics on metricsAddr (srv must have been made with
// Config.SeparateMetrics). Both listeners are open before either serves, so
// a bad address fails at start; both stop when either fails.
func listenAndServe(ctx context.Context, srv *server.Server, addr, metricsAddr string) error {
	if metricsAddr == "" {
		return srv.ListenAndServe(ctx, addr)
	}
	var lc net.ListenConfig
	mln, err := lc.Listen(ctx, "tcp", metricsAddr)
	if err != nil {
		return fmt.Errorf("-metrics-addr: %w", err)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	metricsDone := make(chan error, 1)
	go func() {
		err := srv.ServeMetrics(ctx, mln)
		cancel() // a failed metrics listener stops the server too
		metricsDone <- err
	}()
	err = srv.ListenAndServe(ctx, addr)
	cancel()
	return errors.Join(err, <-metricsDone)
}
