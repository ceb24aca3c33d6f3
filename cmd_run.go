// cmd_run.go defines "gilscope run": run a program headless on the simulated machine
// and exit with its status.

package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/gilscope/gilscope/vm/machine"
)

// exitStatus is the exit code of a program run by "gilscope run"; it is not an
// error to report.
type exitStatus int

func (e exitStatus) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

// runFlags are the flags of "gilscope run".
type runFlags struct {
	opts   machine.Options
	stdin  string
	trace  string
	events string
	stats  bool
	json   bool
}

func (c *cli) runFlagSet(rf *runFlags) *flag.FlagSet {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.StringVar(&rf.opts.Model, "model", machine.DefaultModel, "interpreter model (gilscope models lists them)")
	fs.IntVar(&rf.opts.Cores, "cores", machine.DefaultCores, fmt.Sprintf("simulated cores (1–%d)", machine.MaxCores))
	fs.Int64Var(&rf.opts.Seed, "seed", 1, "seed of every random choice of the run")
	fs.Float64Var(&rf.opts.SwitchInterval, "switch-interval", 0, "GIL switch interval in seconds (0: the model's, 0.005)")
	fs.Float64Var(&rf.opts.MaxTime, "max-time", machine.MaxSimulatedTime, fmt.Sprintf("bound on simulated time, in seconds (at most %d)", machine.MaxSimulatedTime))
	fs.IntVar(&rf.opts.MaxEvents, "max-events", 0, "stop the run once it has made this many events, as the server does at 1048576 (0: no bound)")
	fs.Float64Var(&rf.opts.TimeSlice, "time-slice", 0, "OS time slice in seconds (0: 0.004)")
	fs.Float64Var(&rf.opts.WakeLatency, "wake-latency", 0, "mean wake-up latency on an idle core, in seconds (0: 20e-6)")
	fs.StringVar(&rf.stdin, "stdin", "", "a file whose lines input() reads (- for this command's standard input)")
	fs.StringVar(&rf.trace, "trace", "", "write a Chrome trace-event file (opens in ui.perfetto.dev)")
	fs.StringVar(&rf.events, "events", "", "write the raw event stream as JSON lines")
	fs.BoolVar(&rf.stats, "stats", false, "print a summary of the run to stderr")
	fs.BoolVar(&rf.json, "json", false, "print the summary as JSON on stdout after the program's output")
	return fs
}

// runProgram implements "gilscope run [flags] FILE.py".
func (c *cli) runProgram(ctx context.Context, args []string) error {
	var rf runFlags
	fs := c.runFlagSet(&rf)
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
	if rf.opts.MaxTime <= 0 {
		return usageErrorf("run: -max-time must be positive")
	}
	if rf.stdin != "" {
		in, err := c.readStdin(rf.stdin)
		if err != nil {
			return usageErrorf("run: -stdin: %v", err)
		}
		rf.opts.Stdin = in
	}
	if rf.opts.MaxEvents < 0 {
		return usageErrorf("run: -max-events must not be negative")
	}
	// Counting events needs them made: a run bounded by them records them.
	rf.opts.RecordEvents = rf.trace != "" || rf.events != "" || rf.stats || rf.json || rf.opts.MaxEvents > 0
	rf.opts.Context = ctx // a signal stops the run, even inside a long builtin
	res, err := machine.Run(file, src, rf.opts, c.stdout, c.stderr)
	if err != nil {
		return usageErrorf("run: %v", err)
	}
	if err := context.Cause(ctx); err != nil { // a signal: the machine said so; no outputs
		return fmt.Errorf("run: %w", err)
	}
	if err := c.writeRunOutputs(&rf, res); err != nil {
		return err
	}
	if res.ExitCode != 0 {
		return exitStatus(res.ExitCode)
	}
	return nil
}

// maxStdin bounds the standard input given to a program (-stdin).
const maxStdin = 1 << 20

// readStdin reads the file -stdin names, or this command's standard input for "-".
func (c *cli) readStdin(name string) (string, error) {
	var r io.Reader = os.Stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return "", err
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, maxStdin+1))
	if err != nil {
		return "", err
	}
	if len(b) > maxStdin {
		return "", fmt.Errorf("more than %d bytes", maxStdin)
	}
	return string(b), nil
}
