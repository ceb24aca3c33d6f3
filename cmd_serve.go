// cmd_serve.go defines the serve command, which runs the web server.

package main

import (
	"context"
	"flag"
	"log/slog"

	"github.com/gilscope/gilscope/server"
	"github.com/gilscope/gilscope/static"
)

// defaultAddr is where serve listens unless -addr says otherwise.
const defaultAddr = ":8080"

// serve runs the web server until ctx is done, then shuts it down gracefully.
func (c *cli) serve(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	addr := fs.String("addr", defaultAddr, "listen on `host:port` (port 0 picks a free port)")
	if err := c.parseFlags(fs, args); err != nil {
		return err
	}
	srv, err := server.New(server.Config{
		Logger: slog.New(slog.NewTextHandler(c.stderr, nil)),
		Static: static.FS(),
	})
	if err != nil {
		return err
	}
	return srv.ListenAndServe(ctx, *addr)
}
