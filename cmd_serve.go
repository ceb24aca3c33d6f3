// cmd_serve.go defines the serve command, which runs the web server.

package main

import (
	"context"
	"errors"
	"flag"
	"log/slog"
	"os"

	"github.com/gilscope/gilscope/server"
	"github.com/gilscope/gilscope/static"
)

// Defaults of the serve flags.
const (
	defaultAddr    = ":8080"
	defaultDataDir = "./data"
)

// serve runs the web server until ctx is done, then shuts it down gracefully.
func (c *cli) serve(ctx context.Context, args []string) (err error) {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	addr := fs.String("addr", defaultAddr, "listen on `host:port` (port 0 picks a free port)")
	data := fs.String("data", defaultDataDir, "keep shared workloads in `dir` (created if missing)")
	publicURL := fs.String("public-url", "", "the server's `URL` as browsers reach it (https://host): share links use it, websockets must come from it")
	storeURL := fs.String("store", "", "keep shared workloads in the PostgreSQL database at `url` (postgres://...) instead of -data")
	metricsAddr := fs.String("metrics-addr", "", "serve /metrics on `host:port` only, not on -addr")
	if err := c.parseFlags(fs, args); err != nil {
		return err
	}
	lns, err := listen(ctx, *addr, *metricsAddr)
	if err != nil {
		return err
	}
	served := false
	defer func() {
		if !served {
			lns.close()
		}
	}()
	db, err := openStore(ctx, *storeURL, *data)
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, db.Close()) }()
	log := slog.New(slog.NewTextHandler(c.stderr, nil))
	// Simulations run in worker processes: this executable, as "gilscope worker".
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	workers, err := server.NewWorkerPool([]string{exe, "worker"}, nil, log)
	if err != nil {
		return err
	}
	defer workers.Close()
	srv, err := server.New(server.Config{
		Logger:    log,
		Static:    static.FS(),
		Store:     db,
		Runner:    workers,
		PublicURL: *publicURL,
		Rooms:     roomsOf(db, log),

		SeparateMetrics: *metricsAddr != "",
	})
	if err != nil {
		return err
	}
	served = true // Serve closes the listeners
	go srv.Precompress()
	return serveOn(ctx, srv, lns)
}
