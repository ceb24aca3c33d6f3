// pool.go defines the server's side: a Pool of worker processes, each
// started ahead of need and used for one run at a time, and the run's
// supervision (cancellation, a kill when a worker does not stop, and the
// report of a worker that died).

package worker

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gilscope/gilscope/vm"
	"github.com/gilscope/gilscope/vm/machine"
	"github.com/gilscope/gilscope/vm/py"
	"github.com/gilscope/gilscope/vm/trace"
)

// killGrace is how long a worker asked to stop its run may take to report
// before it is killed (a builtin that does not look at its budget).
const killGrace = 2 * time.Second

// maxOutput bounds the stdout and stderr a pool keeps of one run; the
// machine's own output limit is far below it, so this only guards against
// a broken worker.
const maxOutput = 8 * py.MaxOutput

// stderrHead is how much of a worker's own stderr a pool keeps to report
// why it died: a Go fatal error comes first, then every goroutine's stack.
const stderrHead = 4 << 10

// PoolConfig configures a Pool.
type PoolConfig struct {
	// Command starts a worker: the program and its arguments, to which the
	// pool appends the limits' flags. The server passes its own executable
	// and "worker".
	Command []string
	// Env is the workers' environment (nil: the server's).
	Env []string
	// Warm is how many workers are kept started, idle or running a job,
	// so a run does not wait for a process to start.
	Warm int
	// Limits bound each worker.
	Limits Limits
	// Log receives a line for every worker that dies.
	Log *slog.Logger
}

// Pool runs jobs in worker processes. Its methods are safe for concurrent
// use.
type Pool struct {
	cfg PoolConfig

	mu     sync.Mutex
	idle   []*proc // started, waiting for a job
	live   map[*proc]struct{}
	busy   int // workers given a run that has not ended
	closed bool
	wg     sync.WaitGroup // the goroutines that wait for workers to exit

	started, crashed atomic.Int64
	refilling        atomic.Bool
}

// proc is one worker process.
type proc struct {
	cmd    *exec.Cmd
	in     io.WriteCloser
	out    io.ReadCloser
	fr     *frameReader // reads out, across jobs
	stderr *head
	exited chan struct{} // closed when the process has been waited for
	err    error         // how it exited; set before exited is closed
	jobs   int           // jobs given to it

	// ready is closed when the worker has said it is ready for a job (or
	// failed to: readyErr). Nothing else reads fr until then.
	ready    chan struct{}
	readyErr error

	wmu sync.Mutex // serialises writes to in
	fw  *frameWriter
}

// awaitReady reads, in the background, the ready frame a worker sends
// when it has started and after each job but its last.
func (w *proc) awaitReady() {
	w.ready = make(chan struct{})
	go func() {
		defer close(w.ready)
		typ, _, err := w.fr.read()
		if err == nil && typ != frameReady {
			err = fmt.Errorf("worker: a %q frame where it should say it is ready", typ)
		}
		w.readyErr = err
	}()
}

// isReady reports whether the worker has said it is ready.
func (w *proc) isReady() bool {
	select {
	case <-w.ready:
		return w.readyErr == nil
	default:
		return false
	}
}

// NewPool returns a pool and starts its warm workers.
func NewPool(cfg PoolConfig) (*Pool, error) {
	if len(cfg.Command) == 0 {
		return nil, errors.New("worker: PoolConfig.Command is empty")
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	p := &Pool{cfg: cfg, live: map[*proc]struct{}{}}
	// Start one now, so a command that cannot start is an error here.
	w, err := p.start()
	if err != nil {
		return nil, err
	}
	p.mu.Lock()
	p.idle = append(p.idle, w)
	p.mu.Unlock()
	p.refill()
	return p, nil
}

// Stats are a pool's figures.
type Stats struct {
	Live    int   // worker processes running (idle or working)
	Idle    int   // started and waiting for a job
	Ready   int   // idle and ready: started up, or done with a run
	Started int64 // started since the pool was made
	Crashed int64 // died while running a job
}

// Stats returns the pool's figures.
func (p *Pool) Stats() Stats {
	p.mu.Lock()
	defer p.mu.Unlock()
	ready := 0
	for _, w := range p.idle {
		if w.isReady() {
			ready++
		}
	}
	return Stats{Live: len(p.live), Idle: len(p.idle), Ready: ready, Started: p.started.Load(),
		Crashed: p.crashed.Load()}
}

// PIDs returns the process ids of the live workers.
func (p *Pool) PIDs() []int {
	p.mu.Lock()
	defer p.mu.Unlock()
	var pids []int
	for w := range p.live {
		pids = append(pids, w.cmd.Process.Pid)
	}
	return pids
}

// Close kills the idle workers and waits for every worker to exit; runs in
// progress should have been stopped first (their workers are killed too).
func (p *Pool) Close() {
	p.mu.Lock()
	p.closed = true
	for w := range p.live {
		w.cmd.Process.Kill()
	}
	idle := p.idle
	p.idle = nil
	p.mu.Unlock()
	p.wg.Wait()
	for _, w := range idle {
		w.out.Close()
	}
}

// start starts a worker process.
func (p *Pool) start() (*proc, error) {
	args := append(append([]string(nil), p.cfg.Command[1:]...), p.cfg.Limits.args()...)
	cmd := exec.Command(p.cfg.Command[0], args...)
	cmd.Env = p.cfg.Env
	dieWithParent(cmd)
	w := &proc{cmd: cmd, stderr: &head{max: stderrHead}, exited: make(chan struct{})}
	cmd.Stderr = w.stderr
	var err error
	if w.in, err = cmd.StdinPipe(); err != nil {
		return nil, err
	}
	// Not StdoutPipe: Wait closes that as soon as the process exits, and
	// the last frames may not have been read by then.
	out, outw, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	defer outw.Close() // the worker's end; the worker keeps its copy
	growPipe(out)
	cmd.Stdout, w.out = outw, out
	w.fw, w.fr = newFrameWriter(w.in), newFrameReader(out)
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		out.Close()
		return nil, errors.New("worker: the pool is closed")
	}
	if err := cmd.Start(); err != nil {
		out.Close()
		return nil, fmt.Errorf("worker: starting %s: %w", p.cfg.Command[0], err)
	}
	p.started.Add(1)
	p.live[w] = struct{}{}
	w.awaitReady()
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		w.err = cmd.Wait()
		p.mu.Lock()
		delete(p.live, w)
		i := slices.Index(p.idle, w)
		if i >= 0 { // died idle (killed from outside): replace it
			p.idle = slices.Delete(p.idle, i, i+1)
			w.out.Close()
		}
		p.mu.Unlock()
		close(w.exited)
		if i >= 0 {
			p.refill()
		}
	}()
	return w, nil
}

// spares is how many idle workers the pool keeps (p.mu held): Warm, less
// those busy with a run, which come back to the idle list when it ends.
// A run that finds none idle starts one, which ends with its run unless
// the idle list is short of Warm by then.
func (p *Pool) spares() int {
	return max(p.cfg.Warm-p.busy, 0)
}

// refill starts workers in the background until there are enough spares.
func (p *Pool) refill() {
	if !p.refilling.CompareAndSwap(false, true) {
		return
	}
	go func() {
		defer p.refilling.Store(false)
		for {
			p.mu.Lock()
			enough := p.closed || len(p.idle) >= p.spares()
			p.mu.Unlock()
			if enough {
				return
			}
			w, err := p.start()
			if err != nil {
				p.cfg.Log.Error("starting a worker", "error", err)
				return
			}
			p.mu.Lock()
			p.idle = append(p.idle, w)
			p.mu.Unlock()
		}
	}()
}

// get returns an idle worker, or starts one, for a run. A replacement is
// started now only for a pool left with no idle worker; otherwise when the
// run ends (Run), if its worker does not come back, so that starting one
// does not compete with the run for the CPUs.
func (p *Pool) get() (*proc, error) {
	p.mu.Lock()
	p.busy++
	if n := len(p.idle); n > 0 {
		// One that is ready, else the oldest: the likeliest to be ready soon.
		i := max(slices.IndexFunc(p.idle, (*proc).isReady), 0)
		w := p.idle[i]
		p.idle = slices.Delete(p.idle, i, i+1)
		p.mu.Unlock()
		if n == 1 {
			p.refill()
		}
		return w, nil
	}
	p.mu.Unlock()
	defer p.refill()
	w, err := p.start()
	if err != nil {
		p.mu.Lock()
		p.busy--
		p.mu.Unlock()
	}
	return w, err
}

// send writes a frame to a worker.
func (w *proc) send(typ byte, payload []byte) error {
	w.wmu.Lock()
	defer w.wmu.Unlock()
	return w.fw.write(typ, payload)
}

// Run runs job in a worker. When ctx is done or h.Events fails, the worker
// is asked to stop the run with the cause; one that has not reported within
// killGrace is killed, and the run ends "stopped" with what it had
// produced. A worker that dies otherwise is a FailureError. A worker whose
// run ended with its result serves another job later, up to Limits.Jobs.
func (p *Pool) Run(ctx context.Context, job *Job, h Handler) (*Outcome, error) {
	w, err := p.get()
	if err != nil {
		return nil, err
	}
	defer p.refill()
	payload, err := json.Marshal(job)
	if err != nil {
		p.put(w, false)
		return nil, err
	}
	w.jobs++
	if err := w.send(frameJob, payload); err != nil {
		return nil, p.died(w, job, err)
	}
	r := &reading{w: w, job: job, h: h, stopped: make(chan struct{})}
	watched := make(chan struct{})
	go func() {
		defer close(watched)
		r.watch(ctx)
	}()
	out, err := r.run()
	close(r.stopped)
	<-watched // no cancel frame for this run is sent after the next job
	if err != nil {
		if cause := r.stopCause(); cause != nil && r.killed.Load() {
			p.put(w, false)
			return r.stoppedOutcome(cause), nil
		}
		return nil, p.died(w, job, err)
	}
	p.put(w, !r.killed.Load() && w.jobs < max(p.cfg.Limits.Jobs, 1))
	return out, nil
}

// put takes back the worker of a run that has ended: to the idle list,
// first in line since it has started, or it ends it. The idle list keeps
// Warm workers: those a burst of runs started beyond it end with their
// runs.
func (p *Pool) put(w *proc, reuse bool) {
	p.mu.Lock()
	p.busy--
	if reuse && !p.closed && len(p.idle) < p.cfg.Warm {
		w.awaitReady()
		p.idle = slices.Insert(p.idle, 0, w)
		p.mu.Unlock()
		return
	}
	p.mu.Unlock()
	w.cmd.Process.Kill() // a no-op once it has exited
	w.out.Close()
}

// died reports a worker that ended a run without a result.
func (p *Pool) died(w *proc, job *Job, readErr error) error {
	w.cmd.Process.Kill()
	<-w.exited
	w.out.Close()
	p.mu.Lock()
	p.busy--
	p.mu.Unlock()
	p.crashed.Add(1)
	var fe *FailureError
	if errors.As(readErr, &fe) { // the worker reported its failure before it ended
		fe.Detail += w.stderr.String()
	} else {
		what := "the worker died"
		if w.err != nil {
			what += " (" + w.err.Error() + ")"
		}
		fe = &FailureError{What: what, Detail: w.stderr.String()}
	}
	p.cfg.Log.Error("a worker failed", "what", fe.What, "model", job.Model, "stderr", w.stderr.String(), "read", readErr)
	return fe
}

// reading is one run's side of the pipe: the frames coming in, and the
// cancellation going out.
type reading struct {
	w       *proc
	job     *Job
	h       Handler
	dec     eventDecoder
	stopped chan struct{} // closed when Run returns

	mu     sync.Mutex
	cause  error // why the run was asked to stop, once it was
	upTo   trace.Time
	cpu    time.Duration
	stdout bytes.Buffer
	stderr bytes.Buffer
	killed atomic.Bool
}

// watch asks the worker to stop when ctx is done.
func (r *reading) watch(ctx context.Context) {
	select {
	case <-ctx.Done():
		r.stop(context.Cause(ctx))
	case <-r.stopped:
	}
}

// stop asks the worker to stop the run, and kills it if it has not ended
// within killGrace.
func (r *reading) stop(cause error) {
	r.mu.Lock()
	if r.cause != nil {
		r.mu.Unlock()
		return
	}
	r.cause = cause
	r.mu.Unlock()
	r.w.send(frameCancel, []byte(cause.Error()))
	go func() {
		t := time.NewTimer(killGrace)
		defer t.Stop()
		select {
		case <-t.C:
			r.killed.Store(true)
			r.w.cmd.Process.Kill()
		case <-r.stopped:
		case <-r.w.exited:
		}
	}()
}

func (r *reading) stopCause() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.cause
}

// run waits for the worker to be ready, then reads the run's frames until
// its result.
func (r *reading) run() (*Outcome, error) {
	<-r.w.ready
	if r.w.readyErr != nil {
		return nil, r.w.readyErr
	}
	for {
		typ, payload, err := r.w.fr.read()
		if err != nil {
			return nil, err
		}
		switch typ {
		case frameListing:
			var code []CodeObject
			if err := json.Unmarshal(payload, &code); err != nil {
				return nil, err
			}
			r.h.Listing(code)
		case frameSyntax:
			var syn SyntaxError
			if err := json.Unmarshal(payload, &syn); err != nil {
				return nil, err
			}
			res := &machine.Result{ExitCode: vm.ExitSyntax, End: "syntax-error", Cores: r.job.Cores, Model: r.job.Model}
			return &Outcome{Result: res, Syntax: &syn}, nil
		case frameEvents:
			if err := r.events(payload); err != nil {
				return nil, err
			}
		case frameStdout, frameStderr:
			r.output(typ, payload)
		case frameResult:
			return r.outcome(payload)
		case frameFailure:
			return nil, &FailureError{What: firstLine(string(payload)), Detail: string(payload)}
		default:
			return nil, fmt.Errorf("worker: unknown frame %q", typ)
		}
	}
}

func (r *reading) events(payload []byte) error {
	batch, upTo, cpu, err := r.dec.decode(payload)
	if err != nil {
		return err
	}
	r.mu.Lock()
	r.upTo, r.cpu = upTo, cpu
	r.mu.Unlock()
	if err := r.h.Events(batch, upTo, cpu); err != nil {
		r.stop(err)
	}
	return nil
}

func (r *reading) output(typ byte, payload []byte) {
	r.mu.Lock()
	defer r.mu.Unlock()
	b := &r.stdout
	if typ == frameStderr {
		b = &r.stderr
	}
	if b.Len()+len(payload) <= maxOutput {
		b.Write(payload)
	}
}

func (r *reading) outcome(payload []byte) (*Outcome, error) {
	var res result
	if err := json.Unmarshal(payload, &res); err != nil {
		return nil, err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return &Outcome{Result: &machine.Result{ExitCode: res.ExitCode, EndTime: res.EndTime, End: res.End,
		Threads: res.Threads, Cores: res.Cores, Model: res.Model, Instructions: res.Instructions},
		Stdout: r.stdout.String(), Stderr: r.stderr.String(), CPU: res.CPU, ThreadCPU: res.ThreadCPU, Stats: res.Stats}, nil
}

// stoppedOutcome is the outcome of a run whose worker had to be killed: it
// ends "stopped" where the simulation had got to, as the machine ends a
// stopped run, with the cause on stderr.
func (r *reading) stoppedOutcome(cause error) *Outcome {
	r.mu.Lock()
	defer r.mu.Unlock()
	stderr := r.stderr.String() + fmt.Sprintf("gilscope: the run was stopped: %v\n", cause)
	return &Outcome{Result: &machine.Result{ExitCode: 1, End: "stopped", EndTime: r.upTo, Cores: r.job.Cores, Model: r.job.Model},
		Stdout: r.stdout.String(), Stderr: stderr, CPU: r.cpu}
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// head keeps the first max bytes written to it.
type head struct {
	mu  sync.Mutex
	max int
	buf []byte
}

func (t *head) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf = append(t.buf, p[:min(len(p), t.max-len(t.buf))]...)
	return len(p), nil
}

func (t *head) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.buf)
}
