// worker.go defines the worker's side: Main, the `gilscope worker` command,
// which bounds its own process and serves jobs, one at a time, over stdin
// and stdout.

package worker

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"sync"
	"time"

	"github.com/gilscope/gilscope/vm/machine"
	"github.com/gilscope/gilscope/vm/trace"
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
	// CPU bounds the host CPU time of one job: the worker's RLIMIT_CPU is
	// set to what it has used plus CPU before each job; past it the run is
	// stopped (SIGXCPU), and a worker whose run has not stopped cpuGrace
	// later exits.
	CPU time.Duration
	// Stack bounds one goroutine's stack (debug.SetMaxStack): a recursion
	// past it is a fatal "stack overflow" of the worker alone.
	Stack int64
	// Jobs is how many jobs a worker serves before it exits (0 is 1). A
	// worker is reused only after a run that ended cleanly; a new process
	// per run would cost its start-up (the library compiled, about 60 ms
	// of CPU) on every run.
	Jobs int
	// CPUProfile, if set, makes the worker write a CPU profile of each job
	// to CPUProfile.PID.N (N counts its jobs from 1): the worker's side of
	// BenchmarkBoundary (-worker.cpuprofile).
	CPUProfile string
	// Nice is the worker's scheduling niceness (0 to 19, where the kernel
	// has one): a simulation is batch work, and a higher niceness lets
	// the server's own threads have the CPUs first when both want them.
	// The scheduler shares by weight, so a worker still has what the
	// server leaves idle.
	Nice int
}

// args returns the command-line flags that give a worker these limits.
func (l Limits) args() []string {
	return []string{fmt.Sprintf("-address-space=%d", l.AddressSpace), fmt.Sprintf("-memory=%d", l.Memory),
		"-cpu=" + l.CPU.String(), fmt.Sprintf("-stack=%d", l.Stack), fmt.Sprintf("-jobs=%d", l.Jobs),
		"-cpuprofile=" + l.CPUProfile, fmt.Sprintf("-nice=%d", l.Nice)}
}

// cpuGrace is how long past its CPU limit a worker may take to stop its
// run and report before it exits.
const cpuGrace = 2 * time.Second

// errCPULimit is the cause of a run stopped by SIGXCPU.
var errCPULimit = errors.New("it used all the host CPU time a worker may take")

// errParentGone stops a run whose server closed the pipe.
var errParentGone = errors.New("the server went away")

// freeAbove is the heap a worker may keep between jobs: above it, the
// memory a large run used is returned to the system before the worker
// says it is ready again.
const freeAbove = 64 << 20

// gcPercent is a worker's GOGC. A process's collector runs when its heap
// has grown by this percentage over what the last collection kept. In
// process, a run allocates into the server's heap, which the run logs make
// large, so the collector runs seldom; a worker's heap is one run's, a few
// MB between runs, so at Go's default of 100 it collected once or twice
// before the first batch of most runs and often after (BenchmarkBoundary:
// 2.7-4.8 ms later to the first batch and 20-28 % more CPU than in
// process; at 300, 0.2-0.5 ms and 2-10 %; docs/performance.md). Memory
// (debug.SetMemoryLimit) still bounds the heap: near it, the collector
// runs as often as it must.
const gcPercent = 300

// Main is the worker command: it parses its flags (the Limits), applies
// them to its own process, serves jobs from stdin to stdout and returns the
// exit status.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("worker", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var l Limits
	fs.Int64Var(&l.AddressSpace, "address-space", 0, "RLIMIT_AS in `bytes` (0: none)")
	fs.Int64Var(&l.Memory, "memory", 0, "Go heap limit in `bytes` (0: none)")
	fs.DurationVar(&l.CPU, "cpu", 0, "host CPU time of one job, rounded up to seconds (0: no limit)")
	fs.Int64Var(&l.Stack, "stack", 0, "maximum goroutine stack in `bytes` (0: Go's default)")
	fs.IntVar(&l.Jobs, "jobs", 1, "jobs to serve before exiting")
	fs.StringVar(&l.CPUProfile, "cpuprofile", "", "write a CPU profile of each job to `prefix`.PID.N (for measuring the worker's side)")
	fs.IntVar(&l.Nice, "nice", 0, "scheduling niceness of the process (0: the server's)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if err := setAddressSpace(l.AddressSpace); err != nil {
		fmt.Fprintln(stderr, "worker: setting limits:", err)
		return 1
	}
	if err := setNice(l.Nice); err != nil {
		fmt.Fprintln(stderr, "worker: setting the niceness:", err)
		return 1
	}
	debug.SetGCPercent(gcPercent)
	if l.Memory > 0 {
		debug.SetMemoryLimit(l.Memory)
	}
	if l.Stack > 0 {
		debug.SetMaxStack(int(l.Stack))
	}
	// Started ahead of need: do now what every run needs.
	if err := machine.Prepare(); err != nil {
		fmt.Fprintln(stderr, "worker:", err)
		return 1
	}
	if err := Serve(context.Background(), stdin, stdout, l); err != nil {
		fmt.Fprintln(stderr, "worker:", err)
		return 1
	}
	return 0
}

// server is a worker's side of the pipe: the frames going out, and the job
// being run, which a cancel frame or SIGXCPU stops.
type server struct {
	fw     *frameWriter
	limits Limits

	mu      sync.Mutex
	cancel  context.CancelCauseFunc // the current job's; nil between jobs
	job     int                     // the current job's number
	overCPU bool                    // the current job has had its SIGXCPU
}

// Serve says it is ready, then reads jobs from in, runs each and writes its
// frames to out, until it has served limits.Jobs, in is closed or a job
// fails. A job stops when ctx is done, when a cancel frame arrives or when
// in is closed, each with its cause. A panic is written as a failure frame
// and ends the worker: what it left behind is not trusted with another
// job.
func Serve(ctx context.Context, in io.Reader, out io.Writer, limits Limits) (err error) {
	s := &server{fw: newFrameWriter(out), limits: limits}
	jobs := make(chan jobFrame)
	gone := make(chan struct{})
	go s.read(ctx, newFrameReader(in), jobs, gone)
	if limits.CPU > 0 {
		onCPULimit(s.overLimit)
	}
	for n := 1; ; n++ {
		if err := s.fw.write(frameReady, nil); err != nil {
			return err
		}
		var j jobFrame
		select {
		case j = <-jobs:
		case <-gone:
			return nil // the pool closed this worker
		}
		if err := s.serve(j); err != nil {
			return err
		}
		if n >= max(limits.Jobs, 1) {
			return nil
		}
		var m runtime.MemStats // cheap next to a run: one stop of the world
		runtime.ReadMemStats(&m)
		if m.HeapAlloc > freeAbove || m.HeapSys-m.HeapReleased > 4*freeAbove {
			debug.FreeOSMemory()
		}
	}
}

// jobFrame is a job as it arrived, with the context that stops it.
type jobFrame struct {
	payload []byte
	ctx     context.Context
	cancel  context.CancelCauseFunc
	n       int // the job's number
}

// read reads frames from the pool: a job becomes the current one (so that
// a cancel right behind it stops it) and goes to jobs; a cancel stops the
// current job; the end of in stops it too and closes gone.
func (s *server) read(ctx context.Context, fr *frameReader, jobs chan<- jobFrame, gone chan<- struct{}) {
	for {
		typ, p, err := fr.read()
		if err != nil {
			s.stop(errParentGone)
			close(gone)
			return
		}
		switch typ {
		case frameJob:
			j := jobFrame{payload: bytes.Clone(p)}
			j.ctx, j.cancel = context.WithCancelCause(ctx)
			s.mu.Lock()
			s.cancel, s.overCPU = j.cancel, false
			s.job++
			j.n = s.job
			s.mu.Unlock()
			jobs <- j
		case frameCancel: // for the current job; one that has ended ignores it
			s.stop(errors.New(string(p)))
		}
	}
}

// stop stops the current job, if there is one.
func (s *server) stop(cause error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cancel != nil {
		s.cancel(cause)
	}
}

// overLimit handles a SIGXCPU: the first one of a job stops it; a job
// still running cpuGrace after that ends the worker, since some builtin is
// not looking at its budget.
func (s *server) overLimit() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cancel == nil {
		return
	}
	s.cancel(errCPULimit)
	if !s.overCPU {
		s.overCPU = true
		job := s.job
		time.AfterFunc(cpuGrace, func() {
			s.mu.Lock()
			defer s.mu.Unlock()
			if s.cancel != nil && s.job == job {
				os.Exit(3)
			}
		})
	}
}

// serve runs one job with its own CPU limit. The pool may send the next
// job as soon as this one's result is out, so that one may be current by
// the time this returns.
func (s *server) serve(j jobFrame) (err error) {
	defer func() {
		j.cancel(nil)
		s.mu.Lock()
		if s.job == j.n {
			s.cancel = nil
		}
		s.mu.Unlock()
	}()
	var job Job
	if err := json.Unmarshal(j.payload, &job); err != nil {
		return fmt.Errorf("decoding the job: %w", err)
	}
	start := processCPU()
	if s.limits.CPU > 0 {
		if err := setCPULimit(start + s.limits.CPU); err != nil {
			return err
		}
	}
	defer func() {
		if p := recover(); p != nil {
			s.fw.write(frameFailure, fmt.Appendf(nil, "panic: %v\n%s", p, debug.Stack()))
			err = fmt.Errorf("panic: %v", p)
		}
	}()
	if s.limits.CPUProfile != "" {
		stop, err := startProfile(fmt.Sprintf("%s.%d.%d", s.limits.CPUProfile, os.Getpid(), j.n))
		if err != nil {
			return err
		}
		defer stop()
	}
	runtime.LockOSThread() // so that the job's thread can be timed
	defer runtime.UnlockOSThread()
	return serveJob(j.ctx, &job, s.fw, func() time.Duration { return processCPU() - start }, newThreadClock())
}

// startProfile starts a CPU profile written to path; stop ends it.
func startProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}

// serveJob runs job, streaming its frames; cpu is the worker's CPU time
// since the job began, thread the clock of the job's thread.
func serveJob(ctx context.Context, job *Job, fw *frameWriter, cpu func() time.Duration, thread threadClock) error {
	stdout, stderr := &chunks{typ: frameStdout}, &chunks{typ: frameStderr}
	flushOutput := func() error {
		return errors.Join(stdout.flush(fw), stderr.flush(fw))
	}
	listing := func(code []CodeObject) error { return fw.writeJSON(frameListing, code) }
	var enc eventEncoder
	var buf []byte
	events := func(batch []machine.Event, upTo trace.Time) error {
		if err := flushOutput(); err != nil {
			return err
		}
		for { // split a large batch: upTo of all but the last part is the next part's first event
			n, to := len(batch), upTo
			if n > maxBatch {
				n, to = maxBatch, batch[maxBatch].T
			}
			buf = enc.appendEvents(buf[:0], batch[:n], to, cpu())
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
		Threads: res.Threads, Cores: res.Cores, Model: res.Model, Instructions: res.Instructions, CPU: cpu(),
		ThreadCPU: thread.used(), Stats: st})
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
