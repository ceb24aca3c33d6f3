// cmd_run.go defines "gilscope run": run a program headless and exit with its status.

package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/gilscope/gilscope/vm"
	"github.com/gilscope/gilscope/vm/py"
)

// exitStatus is the exit code of a program run by "gilscope run"; it is not an
// error to report.
type exitStatus int

func (e exitStatus) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

// runProgram implements "gilscope run [flags] FILE.py".
func (c *cli) runProgram(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	seed := fs.Int64("seed", 1, "seed of the run's random choices")
	maxTime := fs.Float64("max-time", 120, "bound on simulated CPU time, in seconds")
	if err := c.parseFlagsArgs(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageErrorf("run: want exactly one program file, got %d arguments", fs.NArg())
	}
	file := fs.Arg(0)
	src, err := os.ReadFile(file)
	if err != nil {
		return usageErrorf("run: %v", err)
	}
	if *maxTime <= 0 {
		return usageErrorf("run: -max-time must be positive")
	}
	cfg := py.DefaultConfig()
	cfg.Seed = *seed
	code := vm.RunMain(file, src, vm.RunOptions{Config: cfg, Budget: int64(*maxTime * 1e12)}, c.stdout, c.stderr)
	if code != 0 {
		return exitStatus(code)
	}
	return nil
}
