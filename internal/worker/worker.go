// worker.go defines the worker's side: Main, the `gilscope worker` command,
// which bounds its own process and serves one job over stdin and stdout.

package worker

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime/debug"
	"time"

	"github.com/gilscope/gilscope/vm/machine"
)

// Limits bound one worker process. The run's own bounds (its memory budget,
// recursion limit, CPU time and events) stop a program first, with a clear
// error; these are the floor under them, for what the simulator itself
// does wrong.
type Limits struct {
	// AddressSpace is the worker's RLIMIT_AS, in bytes: an allocation past
	// it fails and the worker dies with "out of memory".
	AddressSpace int64
	// Memory is the Go heap size the worker's garbage collector aims to
	// stay under (debug.SetMemoryLimit).
	Memory int64
	// CPU is the worker's RLIMIT_CPU: past it the run is stopped (SIGXCPU);
	// a second later the kernel kills the worker.
	CPU time.Duration
	// Stack bounds one goroutine's stack (debug.SetMaxStack): a recursion
	// past it is a fatal "stack overflow" of the worker alone.
	Stack int64
}

// args returns the command-line flags that give a worker these limits.
func (l Limits) args() []string {
	return []string{fmt.Sprintf("-address-space=%d", l.AddressSpace), fmt.Sprintf("-memory=%d", l.Memory),
		"-cpu=" + l.CPU.String(), fmt.Sprintf("-stack=%d", l.Stack)}
}

// cpuGrace is how long past its CPU limit a worker may take to stop its
// run and report before the kernel kills it.
const cpuGrace = 2 * time.Second

// errCPULimit is the cause of a run stopped by SIGXCPU.
var errCPULimit = errors.New("it used all the host CPU time a worker may take")

// errParentGone stops a run whose server closed the pipe.
var errParentGone = errors.New("the server went away")

// Main is the worker command: it parses its flags (the Limits), applies
// them to its own process, serves one job from stdin to stdout and returns
// the exit status.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("worker", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var l Limits
	fs.Int64Var(&l.AddressSpace, "address-space", 0, "RLIMIT_AS in `bytes` (0: none)")
	fs.Int64Var(&l.Memory, "memory", 0, "Go heap limit in `bytes` (0: none)")
	fs.DurationVar(&l.CPU, "cpu", 0, "RLIMIT_CPU, rounded up to seconds (0: none)")
	fs.Int64Var(&l.Stack, "stack", 0, "maximum goroutine stack in `bytes` (0: Go's default)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if err := setLimits(l.AddressSpace, l.CPU, cpuGrace); err != nil {
		fmt.Fprintln(stderr, "worker: setting limits:", err)
		return 1
	}
	if l.Memory > 0 {
		debug.SetMemoryLimit(l.Memory)
	}
	if l.Stack > 0 {
		debug.SetMaxStack(int(l.Stack))
	}
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	onCPULimit(func() { cancel(errCPULimit) })
	// Started ahead of need: do now what every run needs.
	if err := machine.Prepare(); err != nil {
		fmt.Fprintln(stderr, "worker:", err)
		return 1
	}
	if err := Serve(ctx, stdin, stdout); err != nil {
		fmt.Fprintln(stderr, "worker:", err)
		return 1
	}
	return 0
}

// Serve reads one job from in, runs it and writes its frames to out. The
// run stops when ctx is done, when a cancel frame arrives or when in is
// closed, each with its cause. A panic is written as a failure frame.
func Serve(ctx context.Context, in io.Reader, out io.Writer) (err error) {
	fr, fw := newFrameReader(in), newFrameWriter(out)
	typ, payload, err := fr.read()
	if errors.Is(err, io.EOF) {
		return nil // the pool closed before giving this worker a job
	}
	if err != nil {
		return err
	}
	if typ != frameJob {
		return fmt.Errorf("the first frame is %q, not a job", typ)
	}
	var job Job
	if err := json.Unmarshal(payload, &job); err != nil {
		return fmt.Errorf("decoding the job: %w", err)
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	go func() {
		for {
			typ, p, err := fr.read()
			if err != nil {
				cancel(errParentGone)
				return
			}
			if typ == frameCancel {
				cancel(errors.New(string(p)))
			}
		}
	}()
	defer func() {
		if p := recover(); p != nil {
			fw.write(frameFailure, fmt.Appendf(nil, "panic: %v\n%s", p, debug.Stack()))
			err = fmt.Errorf("panic: %v", p)
		}
	}()
	return serveJob(ctx, &job, fw)
}

// serveJob runs job, streaming its frames.
func serveJob(ctx context.Context, job *Job, fw *frameWriter) error {
	stdout, stderr := &chunks{typ: frameStdout}, &chunks{typ: frameStderr}
	flushOutput := func() error {
		return errors.Join(stdout.flush(fw), stderr.flush(fw))
	}
	listing := func(code []CodeObject) error { return fw.writeJSON(frameListing, code) }
	var buf []byte
	events := func(batch []machine.Event, upTo int64) error {
		if err := flushOutput(); err != nil {
			return err
		}
		for { // split a large batch: upTo of all but the last part is the next part's first event
			n, to := len(batch), upTo
			if n > maxBatch {
				n, to = maxBatch, batch[maxBatch].T
			}
			buf = appendEvents(buf[:0], batch[:n], to, processCPU())
			if err := fw.write(frameEvents, buf); err != nil {
				return err
			}
			if batch = batch[n:]; len(batch) == 0 {
				return nil
			}
		}
	}
	res, syn, err := execute(ctx, job, listing, events, stdout, stderr)
	if err != nil {
		fw.write(frameFailure, []byte(err.Error()))
		return err
	}
	if syn != nil {
		return fw.writeJSON(frameSyntax, syn)
	}
	if err := flushOutput(); err != nil {
		return err
	}
	st := stats(job, res)
	return fw.writeJSON(frameResult, result{ExitCode: res.ExitCode, EndTime: res.EndTime, End: res.End,
		Threads: res.Threads, Cores: res.Cores, Model: res.Model, Instructions: res.Instructions, CPU: processCPU(),
		Stats: st})
}

// chunks collects a stream of output between two flushes.
type chunks struct {
	typ byte
	buf bytes.Buffer
}

func (c *chunks) Write(p []byte) (int, error) { return c.buf.Write(p) }

func (c *chunks) flush(fw *frameWriter) error {
	if c.buf.Len() == 0 {
		return nil
	}
	for b := c.buf.Bytes(); len(b) > 0; {
		n := min(len(b), maxFrame)
		if err := fw.write(c.typ, b[:n]); err != nil {
			return err
		}
		b = b[n:]
	}
	c.buf.Reset()
	return nil
}
