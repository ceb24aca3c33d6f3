// run.go defines what a run is on either side of the process boundary: the
// Runner interface, the Handler a run reports to, its Outcome, and Local,
// which runs a job in the calling process.

package worker

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"time"

	"github.com/gilscope/gilscope/vm"
	"github.com/gilscope/gilscope/vm/machine"
	"github.com/gilscope/gilscope/vm/trace"
)

// A Runner runs jobs. Run returns when the run has ended: the program
// finished, the machine stopped it, or ctx was done (then the run ends
// "stopped" with ctx's cause on its stderr). An error means the simulator
// itself failed (a crash, a panic) and the run produced no outcome.
type Runner interface {
	Run(ctx context.Context, job *Job, h Handler) (*Outcome, error)
}

// Handler receives what a run produces, in order: the listing (if the job
// asks for it and the program compiles), then event batches. A batch is
// lent: it is valid only during the call (the machine's buffer in process,
// the decoder's through a worker), so a handler that keeps events copies
// them. Events may block (a slow consumer slows the simulation down); an
// error it returns stops the run, with the error's text on the run's
// stderr. cpu is the host CPU time the run has used so far.
type Handler interface {
	Listing(code []CodeObject)
	Events(batch []machine.Event, upTo trace.Time, cpu time.Duration) error
}

// Outcome is how a run ended.
type Outcome struct {
	// Result is the machine's result; its Events and Code are empty (the
	// events went to the Handler, the code in the listing).
	Result *machine.Result
	Stdout string
	Stderr string
	// Syntax is set when the program did not compile (Result.End is
	// "syntax-error").
	Syntax *SyntaxError
	// CPU is the host CPU time the run used, compiling included: in
	// process, its thread's; in a worker, the whole worker's.
	CPU time.Duration
	// ThreadCPU is the CPU time of the thread that compiled and simulated
	// (in a worker too), without what the collector did on other threads:
	// on an idle machine, about the time the run took.
	ThreadCPU time.Duration
	// Stats are the run's statistics, if the job asked for them.
	Stats *machine.Stats
}

// FailureError is a run the simulator failed on: a panic (Local, or a
// worker that could report it) or a worker process that died.
type FailureError struct {
	What   string // "panic: …", or how the worker ended ("signal: killed")
	Detail string // the panic's stack or the end of the worker's stderr
}

func (e *FailureError) Error() string {
	if e.Detail == "" {
		return "the simulator failed: " + e.What
	}
	return fmt.Sprintf("the simulator failed: %s\n%s", e.What, e.Detail)
}

// execute compiles and runs job, handing the listing and the events to the
// given functions and the program's output to stdout and stderr. It
// returns the machine's result, without events unless the job asks for
// statistics, and a syntax error if the program does not compile. Each
// batch events receives is lent: valid only during the call.
func execute(ctx context.Context, job *Job, listing func([]CodeObject) error,
	events func([]machine.Event, trace.Time) error, stdout, stderr io.Writer) (*machine.Result, *SyntaxError, error) {
	prog, syn := Compile(job.Filename, []byte(job.Source))
	if syn != nil {
		return &machine.Result{ExitCode: vm.ExitSyntax, End: "syntax-error", Cores: job.Cores, Model: job.Model}, syn, nil
	}
	if job.Listing {
		if err := listing(Listing(prog)); err != nil {
			return nil, nil, err
		}
	}
	opts := job.options()
	opts.Context = ctx
	opts.Program = prog // compiled once
	opts.LendEvents = true
	var all []machine.Event
	opts.OnEvents = func(batch []machine.Event, upTo trace.Time) error {
		if job.Stats {
			all = append(all, batch...)
		}
		return events(batch, upTo)
	}
	res, err := machine.Run(job.Filename, []byte(job.Source), opts, stdout, stderr)
	if err != nil {
		return nil, nil, err
	}
	res.Code, res.Events = nil, all
	return res, nil, nil
}

// stats returns the statistics of a run whose result holds its events, if
// the job asked for them, and drops the events.
func stats(job *Job, res *machine.Result) *machine.Stats {
	if !job.Stats {
		return nil
	}
	st := machine.ComputeStats(res)
	res.Events = nil
	return st
}

// Local runs jobs in the calling goroutine, in this process: what the CLI
// does, and the baseline the process boundary is measured against. A panic
// of the simulator is recovered and returned as a FailureError; a fatal
// error (a stack overflow) ends the process.
type Local struct{}

// Run runs job to its end.
func (Local) Run(ctx context.Context, job *Job, h Handler) (out *Outcome, err error) {
	// The run's CPU time is its OS thread's: the goroutine keeps one.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	clock := newThreadClock()
	defer func() {
		if p := recover(); p != nil {
			out, err = nil, &FailureError{What: fmt.Sprint("panic: ", p), Detail: string(debug.Stack())}
		}
	}()
	var stdout, stderr bytes.Buffer
	listing := func(code []CodeObject) error { h.Listing(code); return nil }
	events := func(batch []machine.Event, upTo trace.Time) error { return h.Events(batch, upTo, clock.used()) }
	res, syn, err := execute(ctx, job, listing, events, &stdout, &stderr)
	if err != nil {
		return nil, &FailureError{What: err.Error()}
	}
	var st *machine.Stats
	if syn == nil {
		st = stats(job, res)
	}
	return &Outcome{Result: res, Stdout: stdout.String(), Stderr: stderr.String(), Syntax: syn, CPU: clock.used(), ThreadCPU: clock.used(),
		Stats: st}, nil
}
