// cmd_worker.go defines the worker command: the process the server starts
// to run one simulation (internal/worker). It is not for people to type.

package main

import (
	"context"
	"os"

	"github.com/gilscope/gilscope/internal/worker"
)

// worker serves one job from the server on stdin and stdout.
func (c *cli) worker(ctx context.Context, args []string) error {
	if code := worker.Main(args, os.Stdin, c.stdout, c.stderr); code != 0 {
		return exitStatus(code)
	}
	return nil
}
