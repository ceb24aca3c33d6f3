package worker

import (
	"context"
	"errors"
	"os"
	"reflect"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/gilscope/gilscope/vm/machine"
	"github.com/gilscope/gilscope/vm/trace"
)

// TestMain makes the test binary a worker when the pool starts it as one.
func TestMain(m *testing.M) {
	if os.Getenv("GILSCOPE_TEST_WORKER") == "1" {
		os.Exit(Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// testPool returns a pool whose workers are this test binary, two kept
// warm as a server's are.
func testPool(t testing.TB, limits Limits) *Pool {
	t.Helper()
	return newTestPool(t, 2, limits)
}

func newTestPool(t testing.TB, warm int, limits Limits) *Pool {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	p, err := NewPool(PoolConfig{Command: []string{exe}, Env: append(os.Environ(), "GILSCOPE_TEST_WORKER=1"),
		Warm: warm, Limits: limits})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Close)
	return p
}

// collect is a Handler that keeps everything.
type collect struct {
	mu      sync.Mutex
	code    []CodeObject
	events  []machine.Event
	upTo    trace.Time
	cpu     time.Duration
	onEvent func(n int) error
}

func (c *collect) Listing(code []CodeObject) { c.code = code }

func (c *collect) Events(batch []machine.Event, upTo trace.Time, cpu time.Duration) error {
	c.mu.Lock()
	c.events = append(c.events, batch...)
	c.upTo, c.cpu = upTo, cpu
	n := len(c.events)
	c.mu.Unlock()
	if c.onEvent != nil {
		return c.onEvent(n)
	}
	return nil
}

const threads = `import threading
def work(n):
    while n > 0:
        n -= 1
ts = [threading.Thread(target=work, args=(20000,)) for _ in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print("done", [t.name for t in ts])
`

func job(src string) *Job {
	return &Job{Filename: "main.py", Source: src, Model: "cpython-3.12", Cores: 2, Seed: 1, Listing: true}
}

// TestPoolMatchesLocal: a run through a worker is the run in process,
// event for event, on a fresh worker and on one that served runs before.
func TestPoolMatchesLocal(t *testing.T) {
	p := testPool(t, Limits{Jobs: 100})
	models := []string{"cpython-3.12", "cpython-2.7", "nogil-unsafe", "cpython-3.14t"}
	for _, model := range append(models, models...) {
		t.Run(model, func(t *testing.T) {
			j := job(threads)
			j.Model = model
			var local, remote collect
			lo, err := Local{}.Run(context.Background(), j, &local)
			if err != nil {
				t.Fatal(err)
			}
			ro, err := p.Run(context.Background(), j, &remote)
			if err != nil {
				t.Fatal(err)
			}
			if len(local.events) == 0 || !reflect.DeepEqual(local.events, remote.events) {
				t.Errorf("events differ: %d local, %d through the worker", len(local.events), len(remote.events))
			}
			if !reflect.DeepEqual(local.code, remote.code) || len(remote.code) < 2 {
				t.Errorf("listing differs: %d local, %d through the worker", len(local.code), len(remote.code))
			}
			if ro.ThreadCPU <= 0 {
				t.Errorf("no CPU time reported for the worker's thread")
			}
			lo.CPU, ro.CPU, lo.ThreadCPU, ro.ThreadCPU = 0, 0, 0, 0
			if !reflect.DeepEqual(lo, ro) {
				t.Errorf("outcome differs:\nlocal  %+v %+v\nworker %+v %+v", lo, lo.Result, ro, ro.Result)
			}
			if ro.Stdout != "done ['Thread-1 (work)', 'Thread-2 (work)', 'Thread-3 (work)']\n" {
				t.Errorf("stdout %q", ro.Stdout)
			}
			if remote.cpu <= 0 {
				t.Errorf("no CPU time reported")
			}
		})
	}
	// The pool started one worker and its warm spare: the runs reused them.
	if s := p.Stats(); s.Started > 2 {
		t.Errorf("stats %+v: %d workers started for %d runs", s, s.Started, 2*len(models))
	}
}

// TestPoolReuse: a worker serves Limits.Jobs runs and then makes way for
// a new one; a run stopped by its context leaves the worker fit for the
// next, which the stale cancel does not touch.
func TestPoolReuse(t *testing.T) {
	p := newTestPool(t, 1, Limits{Jobs: 3})
	var pids [][]int
	for i := range 5 {
		var c collect
		ctx, cancel := context.WithCancelCause(context.Background())
		src := threads
		if i == 1 { // stopped as soon as it has produced events
			src = "while True:\n    pass\n"
			c.onEvent = func(int) error { cancel(errors.New("enough")); return nil }
		}
		out, err := p.Run(ctx, job(src), &c)
		cancel(nil)
		if err != nil {
			t.Fatalf("run %d: %v", i, err)
		}
		want := "done ['Thread-1 (work)', 'Thread-2 (work)', 'Thread-3 (work)']\n"
		if i == 1 {
			if out.Result.End != "stopped" {
				t.Errorf("run %d ended %q", i, out.Result.End)
			}
		} else if out.Stdout != want || out.Result.ExitCode != 0 {
			t.Errorf("run %d: stdout %q, result %+v, stderr %q", i, out.Stdout, out.Result, out.Stderr)
		}
		live := p.PIDs()
		for deadline := time.Now().Add(5 * time.Second); len(live) > 1 && time.Now().Before(deadline); {
			time.Sleep(10 * time.Millisecond) // a worker that served its last job is exiting
			live = p.PIDs()
		}
		pids = append(pids, live)
	}
	// Runs 0–2 on the one warm worker, which then makes way for a new one
	// for runs 3 and 4.
	if len(pids[0]) != 1 || !slices.Equal(pids[0], pids[1]) || !slices.Equal(pids[3], pids[4]) ||
		slices.Equal(pids[0], pids[3]) {
		t.Errorf("live workers after each run: %v; want one worker for the first three runs, another after", pids)
	}
	if s := p.Stats(); s.Started != 2 || s.Crashed != 0 {
		t.Errorf("stats %+v: want 2 workers started (1 warm, 1 replacing it after its 3 jobs)", s)
	}
}

// TestPoolCPULimitEachJob: the CPU limit is per job: a reused worker's
// run gets all of it, and a run over it is stopped.
func TestPoolCPULimitEachJob(t *testing.T) {
	if testing.Short() {
		t.Skip("spends a second of CPU")
	}
	p := testPool(t, Limits{Jobs: 10, CPU: time.Second})
	for i := range 2 {
		out, err := p.Run(context.Background(), job(threads), &collect{})
		if err != nil || out.Result.ExitCode != 0 {
			t.Fatalf("run %d: %v %+v", i, err, out)
		}
	}
	out, err := p.Run(context.Background(), job("while True:\n    pass\n"), &collect{})
	if err != nil {
		t.Fatal(err)
	}
	if out.Result.End != "stopped" || !strings.Contains(out.Stderr, errCPULimit.Error()) {
		t.Errorf("end %q, stderr %q", out.Result.End, out.Stderr)
	}
	if out.CPU < time.Second || out.CPU > 3*time.Second {
		t.Errorf("the run used %v of CPU, want about its limit of 1s", out.CPU)
	}
}

func TestPoolSyntaxError(t *testing.T) {
	p := testPool(t, Limits{})
	var c collect
	out, err := p.Run(context.Background(), job("x = (1,\nprint(x)\n"), &c)
	if err != nil {
		t.Fatal(err)
	}
	if out.Syntax == nil || out.Syntax.Line != 1 || out.Result.End != "syntax-error" {
		t.Fatalf("got %+v, %+v", out.Syntax, out.Result)
	}
	if c.code != nil || c.events != nil {
		t.Errorf("a program that does not compile produced a listing or events")
	}
}

// TestPoolStops: a run is stopped by its context and by its handler, with
// the cause on stderr, and a worker stuck past killGrace is killed.
func TestPoolStops(t *testing.T) {
	p := testPool(t, Limits{})
	loop := "while True:\n    pass\n"
	t.Run("context", func(t *testing.T) {
		ctx, cancel := context.WithCancelCause(context.Background())
		c := collect{onEvent: func(n int) error {
			cancel(errors.New("enough"))
			return nil
		}}
		out, err := p.Run(ctx, job(loop), &c)
		if err != nil {
			t.Fatal(err)
		}
		if out.Result.End != "stopped" || !strings.Contains(out.Stderr, "the run was stopped: enough") {
			t.Errorf("end %q, stderr %q", out.Result.End, out.Stderr)
		}
	})
	t.Run("handler", func(t *testing.T) {
		c := collect{onEvent: func(n int) error { return errors.New("too many") }}
		out, err := p.Run(context.Background(), job(loop), &c)
		if err != nil {
			t.Fatal(err)
		}
		if out.Result.End != "stopped" || !strings.Contains(out.Stderr, "the run was stopped: too many") {
			t.Errorf("end %q, stderr %q", out.Result.End, out.Stderr)
		}
	})
	t.Run("stuck", func(t *testing.T) {
		// A handler that does not return keeps the run from ending, as a
		// worker stuck in a builtin that never looks at its budget would:
		// past killGrace the worker is killed. The handler returns once the
		// worker has gone (or after a minute, and the test fails). The pool's
		// one live worker is the one running, and may serve 64 runs, so one
		// that merely stopped its run would stay in the pool.
		p := newTestPool(t, 1, Limits{Jobs: 64})
		ctx, cancel := context.WithCancelCause(context.Background())
		var pid int
		gone := func() bool { return syscall.Kill(pid, 0) != nil }
		c := collect{onEvent: func(n int) error {
			if pid != 0 {
				return nil
			}
			if pids := p.PIDs(); len(pids) == 1 {
				pid = pids[0]
			}
			cancel(errors.New("stuck"))
			for deadline := time.Now().Add(time.Minute); pid != 0 && !gone() && time.Now().Before(deadline); {
				time.Sleep(10 * time.Millisecond)
			}
			return nil
		}}
		out, err := p.Run(ctx, job(loop), &c)
		if err != nil {
			t.Fatal(err)
		}
		if out.Result.End != "stopped" || !strings.Contains(out.Stderr, "stuck") {
			t.Errorf("end %q, stderr %q", out.Result.End, out.Stderr)
		}
		if pid == 0 {
			t.Fatal("the pool did not have one live worker during the run")
		}
		// The pool forgets a dead worker once it has reaped it, which may
		// come just after the run's end.
		for deadline := time.Now().Add(time.Minute); slices.Contains(p.PIDs(), pid) && time.Now().Before(deadline); {
			time.Sleep(10 * time.Millisecond)
		}
		if !gone() || slices.Contains(p.PIDs(), pid) {
			t.Errorf("worker %d, stuck past killGrace, was not killed", pid)
		}
	})
}

// TestPoolWorkerDies: a worker that dies is a FailureError for its run
// alone; the pool goes on serving.
func TestPoolWorkerDies(t *testing.T) {
	// A 1 MB stack: the compiler's recursion on a deeply nested expression
	// overflows it, a fatal error of the worker alone.
	p := testPool(t, Limits{Stack: 1 << 20})
	t.Run("killed", func(t *testing.T) {
		var once sync.Once
		var killed []int
		c := collect{onEvent: func(n int) error {
			once.Do(func() {
				killed = p.PIDs()
				for _, pid := range killed {
					syscall.Kill(pid, syscall.SIGKILL)
				}
			})
			return nil
		}}
		_, err := p.Run(context.Background(), job("while True:\n    pass\n"), &c)
		// The idle worker died too: wait until the pool has seen it.
		for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
			if !slices.ContainsFunc(p.PIDs(), func(pid int) bool { return slices.Contains(killed, pid) }) {
				break
			}
		}
		var fe *FailureError
		if !errors.As(err, &fe) || !strings.Contains(fe.What, "killed") {
			t.Fatalf("err = %v (%+v), want a FailureError saying the worker was killed", err, fe)
		}
	})
	t.Run("stack overflow", func(t *testing.T) {
		src := "x = " + strings.Repeat("(", 5000) + "1" + strings.Repeat(")", 5000) + "\n"
		_, err := p.Run(context.Background(), job(src), &collect{})
		var fe *FailureError
		if err == nil {
			t.Skip("the compiler no longer recurses this deep")
		}
		if !errors.As(err, &fe) || !strings.Contains(fe.Detail, "stack") {
			t.Fatalf("err = %v, want a FailureError with the stack overflow", err)
		}
	})
	t.Run("still serving", func(t *testing.T) {
		var c collect
		out, err := p.Run(context.Background(), job(threads), &c)
		if err != nil || out.Result.ExitCode != 0 {
			t.Fatalf("err %v, outcome %+v", err, out)
		}
	})
	if s := p.Stats(); s.Crashed < 1 {
		t.Errorf("stats %+v: no crash counted", s)
	}
}

func TestEventsRoundTrip(t *testing.T) {
	ref := func(t trace.Time, thread int32, core int16, p trace.RefUpdate, line, pc, code int32) machine.Event {
		e := p.At(t, thread, core)
		e.Line, e.PC, e.Code = line, pc, code
		return e
	}
	batch := []machine.Event{
		trace.ThreadStart{Name: "MainThread", Process: 1}.At(0, 1, 0),
		trace.GILAcquire{GIL: 1<<40 | 7, Switch: 3}.At(5, 1, 1),
		ref(5, 2, 0, trace.RefUpdate{Count: -3, Diff: -1}, 12, 40, 3),
		ref(6, 2, 1, trace.RefUpdate{Obj: 9, Type: "list", Delta: 1, Count: 2, Counter: trace.CounterQueued}, 0, 0, 0),
		ref(6, 2, 1, trace.RefUpdate{Obj: 9, Type: "list", Delta: -1, Count: 1}, 0, 0, 0),
		ref(7, -1, -1<<15, trace.RefUpdate{Obj: 1<<64 - 1, Type: "list", Delta: -1 << 31, Count: -1 << 63, Diff: 1<<63 - 1},
			1<<31-1, -1<<31, 1),
		trace.StateChange{State: trace.StateBlocked, Wait: "join", Target: 3}.At(7, 4, -1),
		trace.RefRace{Obj: 9, Type: "int", Delta: -1, Overwriter: 2, Count: 1, Note: "a note"}.At(8, 1, -1),
		trace.Deadlock{Cycle: []trace.Edge{{Thread: 1, Lock: 5, Label: "a", Holder: 2}, {Thread: 2, Holder: 1}},
			Note: "MainThread → lock a (#5), held by Thread-1 → joins MainThread"}.At(9, 0, -1),
		trace.End{Cause: strings.Repeat("é", 1000), ExitCode: -1 << 31}.At(1<<50, 0, -1),
	}
	var enc eventEncoder
	var d eventDecoder
	got, upTo, cpu, err := d.decode(enc.appendEvents(nil, batch, 1<<51, 3*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, batch) || upTo != 1<<51 || cpu != 3*time.Second {
		t.Errorf("got %+v %d %v", got, upTo, cpu)
	}
	// The decoder reuses its slice: an event with few fields leaves none of
	// the fields of the event decoded there before.
	sparse := make([]machine.Event, len(batch))
	for i := range sparse {
		sparse[i] = trace.End{Cause: "exit"}.At(trace.Time(i), 0, -1)
	}
	if got, _, _, err = d.decode(enc.appendEvents(nil, sparse, 0, 0)); err != nil || !reflect.DeepEqual(got, sparse) {
		t.Errorf("the second batch: %v, got %+v", err, got)
	}
}

// FuzzDecodeEvents: a corrupt frame is an error, never a panic or a huge
// allocation.
func FuzzDecodeEvents(f *testing.F) {
	var enc eventEncoder
	f.Add(enc.appendEvents(nil, []machine.Event{trace.Output{Stream: trace.Stdout, Text: "hi"}.At(3, 1, 0)}, 4, 1))
	f.Add(enc.appendEvents(nil, []machine.Event{trace.Alloc{Obj: 2, Type: "hi"}.At(3, 1, 0), trace.Alloc{Obj: 3, Type: "hi"}.At(4, 1, 0)}, 5, 1))
	f.Add([]byte{0, 0, 0xff, 0xff, 0xff, 0xff, 0x0f})
	f.Fuzz(func(t *testing.T, data []byte) {
		var d eventDecoder
		batch, upTo, cpu, err := d.decode(data)
		if err != nil {
			return
		}
		batch = slices.Clone(batch) // the next decode reuses the decoder's slice
		var enc eventEncoder
		var fresh eventDecoder // strings are numbered from 1 again
		again, _, _, err := fresh.decode(enc.appendEvents(nil, batch, upTo, cpu))
		if err != nil || !reflect.DeepEqual(again, batch) {
			t.Fatalf("re-encoding a decoded batch: %v", err)
		}
	})
}
