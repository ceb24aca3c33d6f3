// Package vm ties gilscope's interpreter phases together: parse (vm/syntax), compile
// (vm/compile) and run (vm/py). The simulated machine that runs many threads under a
// GIL model builds on the same pieces.
package vm

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/gilscope/gilscope/vm/compile"
	"github.com/gilscope/gilscope/vm/py"
	"github.com/gilscope/gilscope/vm/syntax"
)

// MaxSource is the largest program gilscope accepts, in bytes.
const MaxSource = 256 << 10

// Compile parses and compiles a program. Errors are *syntax.Error values.
func Compile(filename string, src []byte) (*compile.Program, error) {
	if len(src) > MaxSource {
		return nil, &syntax.Error{Filename: filename, Pos: syntax.Pos{Line: 1, Col: 1},
			Msg: fmt.Sprintf("program too large (%d bytes; the limit is %d)", len(src), MaxSource)}
	}
	m, err := syntax.Parse(filename, src)
	if err != nil {
		return nil, err
	}
	return compile.Compile(m, src)
}

// Exit codes of a run.
const (
	ExitOK        = 0
	ExitException = 1
	ExitSyntax    = 2
)

// RunOptions configures RunMain.
type RunOptions struct {
	Config py.Config
	// Budget bounds the CPU time the program may consume, in picoseconds of
	// simulated time; 0 means 120 s.
	Budget int64
	// Context, if set, stops the program when it is done, even inside a builtin
	// (Interp.Interrupt): the budget only bounds the evaluator's own steps.
	Context context.Context
}

// RunMain runs a single-threaded program to completion on the plain interpreter
// (no simulated machine) and returns its exit code. Syntax errors are printed to
// stderr the way CPython prints them.
func RunMain(filename string, src []byte, opts RunOptions, stdout, stderr io.Writer) int {
	prog, err := Compile(filename, src)
	if err != nil {
		if se, ok := err.(*syntax.Error); ok {
			io.WriteString(stderr, se.Pretty(src))
		} else {
			fmt.Fprintln(stderr, err)
		}
		return ExitSyntax
	}
	in := py.NewInterp(prog, opts.Config, stdout, stderr)
	if ctx := opts.Context; ctx != nil {
		in.Interrupt = func() error {
			if ctx.Err() != nil {
				return py.ErrInterrupted
			}
			return nil
		}
	}
	t, err := in.MainThread()
	if err != nil {
		fmt.Fprintln(stderr, err)
		return ExitException
	}
	budget := opts.Budget
	if budget == 0 {
		budget = 120_000_000_000_000
	}
	for {
		// Steps of 1 ms, as the machine's are short: the run's context and memory are
		// looked at between two.
		if stopped(opts.Context, stderr) {
			return ExitException
		}
		t.CheckMemory()
		switch t.Run(min(budget, t.Cost+stepBudget)) {
		case py.StopDone:
			return exitStatus(t, stderr)
		case py.StopBudget:
			if t.Cost < budget {
				continue
			}
			if stopped(opts.Context, stderr) { // a builtin saw it first
				return ExitException
			}
			fmt.Fprintf(stderr, "gilscope: the program ran for more than %s of simulated CPU time and was stopped\n", seconds(budget))
			return ExitException
		case py.StopBlocked:
			fmt.Fprintf(stderr, "gilscope: %s needs the simulated machine\n", t.Pending.Describe())
			return ExitException
		case py.StopCheckpoint:
			// No scheduler: nothing to switch to.
		}
	}
}

// stopped reports whether ctx (which may be nil) is done, saying so on stderr.
func stopped(ctx context.Context, stderr io.Writer) bool {
	if ctx == nil || ctx.Err() == nil {
		return false
	}
	fmt.Fprintf(stderr, "gilscope: the run was stopped: %v\n", context.Cause(ctx))
	return true
}

// stepBudget is how much simulated CPU time RunMain lets a thread run at once, in ps.
const stepBudget = 1_000_000_000

func seconds(ps int64) string {
	return strings.TrimSuffix(fmt.Sprintf("%.3f", float64(ps)/1e12), "0") + " s"
}

// exitStatus prints the thread's uncaught exception, if any, and returns the
// process exit code CPython would use.
func exitStatus(t *py.Thread, stderr io.Writer) int {
	if t.Exc == nil {
		return ExitOK
	}
	if code, ok := t.SystemExitCode(); ok {
		return code
	}
	io.WriteString(stderr, t.FormatException(t.Exc))
	return ExitException
}
