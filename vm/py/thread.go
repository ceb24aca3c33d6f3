// This file defines threads and frames: the state the stepped evaluator keeps in
// values so that a scheduler can stop a thread at any instruction boundary and resume it
// later.

package py

import (
	"github.com/gilscope/gilscope/vm/compile"
)

// Frame is one activation of a function, class body or module.
type Frame struct {
	fn      *Function
	code    *compile.Funcode
	consts  []Value
	globals *Dict
	names   *Dict // the namespace of module and class bodies (LOAD_NAME/STORE_NAME)
	locals  []Value
	cells   []*Cell
	stack   []Value
	sp      int
	pc      int // next instruction
	lasti   int // instruction being executed (for tracebacks and exception tables)
	parent  *Frame
	kwnames []string
	// onReturn, if set, turns the frame's return value into the value its caller sees
	// (used for __init__ and class bodies).
	onReturn func(t *Thread, ret Value) (Value, error)
	// sync marks a frame started by callSync: its return ends the nested run.
	sync bool
	// forIter marks a __next__ called by FOR_ITER: StopIteration ends the loop.
	forIter bool
	// ownsNames marks a class body, whose namespace the frame owns until the class
	// takes it.
	ownsNames bool
	// gen is the generator owning the frame, or nil for an ordinary call.
	gen *Generator
	// builtins is the frame's builtins namespace when it is not the interpreter's
	// (Function.builtins, borrowed from the frame's function).
	builtins *Dict
	// localsDict is what locals() returns in a function's frame (an owned
	// reference), made at its first call.
	localsDict *Dict
}

// builtinsDict is the builtins namespace names the frame does not find in its
// globals are looked up in.
func (f *Frame) builtinsDict(in *Interp) *Dict {
	if f.builtins != nil {
		return f.builtins
	}
	return in.builtins
}

// Code returns the code the frame runs.
func (f *Frame) Code() *compile.Funcode { return f.code }

// Line returns the source line of the instruction being executed.
func (f *Frame) Line() int32 { return f.code.Pos[f.lasti].Line }

// PC returns the index of the instruction being executed.
func (f *Frame) PC() int { return f.lasti }

// Parent returns the calling frame, or nil.
func (f *Frame) Parent() *Frame { return f.parent }

// Stop says why Thread.Run returned.
type Stop uint8

const (
	// StopBudget: the time budget ran out.
	StopBudget Stop = iota
	// StopCheckpoint: at a check point, the eval breaker was set or the tick count ran out.
	StopCheckpoint
	// StopBlocked: the thread made a blocking call; Pending describes it.
	StopBlocked
	// StopDone: the thread finished; Exc holds its uncaught exception, if any.
	StopDone
	stopSync // internal: a nested call returned
)

// Syscall is a blocking request a builtin makes of the scheduler (sleep, lock
// acquire, I/O, join …). The scheduler completes it with Thread.Resume.
type Syscall interface {
	// Describe names the call for events and error messages.
	Describe() string
}

// errBlocked is returned by a builtin that has set Thread.Pending.
type blockedError struct{}

func (blockedError) Error() string { return "blocked" }

var errBlocked error = blockedError{}

// Thread is a Python thread's interpreter state.
type Thread struct {
	in    *Interp
	ID    int64
	Name  string
	frame *Frame
	depth int
	base  *Frame

	excInfo Value // the exception being handled (sys.exc_info), or nil

	// writeRest is what a print still has to write after a write(2) it blocked in.
	writeRest *pendingWrite
	// finalizers are the weak references' callbacks waiting for the next check point
	// (finalize.go), and breaker the scheduler's Breaker while they wait.
	finalizers []Value
	breaker    *int32

	// Cost is the simulated CPU time this thread has consumed, in picoseconds.
	Cost int64
	// Instructions counts the instructions the thread has executed.
	Instructions int64
	budget       int64
	// Costs is the model's price list: what each instruction and each unit of a
	// builtin's work costs, in picoseconds.
	Costs *Costs
	// Checkpoint marks the opcodes before which the eval breaker is checked.
	Checkpoint *[256]bool
	// Breaker, when non-zero at a check point, stops the thread (a GIL drop request or
	// another interrupt). It is owned by the scheduler.
	Breaker *int32
	// Ticks counts down at check points; at zero the thread stops with StopCheckpoint
	// (CPython 2.7's check interval). Negative disables it.
	Ticks int

	// Pending is the blocking call the thread is stopped in (StopBlocked).
	Pending Syscall
	resume  func(t *Thread, v Value, err error) error
	// Exc is the uncaught exception that ended the thread, if any.
	Exc *Instance
	// Result is the value the thread's function returned.
	Result Value
	// Done reports whether the thread has finished.
	Done bool

	reprStack      []Value
	pendingAttrErr error
	skipCheck      bool
	syncResult     Value
	syncErr        *Instance
	pendingErr     error
	syncDepth      int
	genReturned    bool // a generator run by genRunSync returned instead of yielding
	cDepth         int  // builtins' recursion into nested values (enterNested)
	workDone       int  // builtins' work since the last look at the interrupt
	// Data is free for the scheduler's own per-thread state.
	Data any
}

// maxDepth is the recursion limit (sys.getrecursionlimit()).
const maxDepth = 1000

var (
	defaultCosts      Costs
	defaultCheckpoint [256]bool
	zeroBreaker       int32
	setBreaker        int32 = 1
)

func init() {
	for i := range defaultCosts.Op {
		defaultCosts.Op[i] = 4000
	}
	defaultCheckpoint[compile.RESUME] = true
	defaultCheckpoint[compile.JUMP_BACKWARD] = true
	defaultCheckpoint[compile.CALL] = true
	defaultCheckpoint[compile.CALL_FUNCTION_EX] = true
}

// NewThread creates a thread that will call fn(args...) when run. Args are borrowed.
func (in *Interp) NewThread(name string, fn Value, args []Value, kwnames []string) (*Thread, error) {
	t := in.newThread(name)
	if err := t.start(fn, args, kwnames); err != nil {
		return nil, err
	}
	return t, nil
}

func (in *Interp) newThread(name string) *Thread {
	in.nextTID++
	t := &Thread{in: in, ID: in.nextTID, Name: name, Costs: &defaultCosts,
		Checkpoint: &defaultCheckpoint, Breaker: &zeroBreaker, Ticks: -1}
	in.threads = append(in.threads, t)
	return t
}

// Interp returns the thread's interpreter.
func (t *Thread) Interp() *Interp { return t.in }

// Frame returns the innermost frame, or nil when the thread has finished.
func (t *Thread) Frame() *Frame { return t.frame }

// start prepares the thread's first frame: a call of fn with args.
func (t *Thread) start(fn Value, args []Value, kwnames []string) error {
	// A base frame with a tiny stack receives the function's result.
	base := &Frame{code: baseCode, stack: make([]Value, 4), sync: true}
	t.frame = base
	t.base = base
	t.Incref(fn)
	base.stack[0] = fn
	base.sp = 1
	for _, a := range args {
		t.Incref(a)
	}
	res, err := t.callValue(fn, args, kwnames, true)
	for _, a := range args {
		t.Decref(a)
	}
	if err != nil {
		return err
	}
	if res != nil {
		// A builtin target ran to completion at once.
		t.finish(res, nil)
	}
	return nil
}

// Restart makes a finished thread call fn() next, as CPython's main thread goes on
// to run the interpreter's exit handlers after the program: Done is cleared and
// the thread's result dropped; its uncaught exception, if any, is returned (a
// reference the caller owns) and cleared.
func (t *Thread) Restart(fn Value) (*Instance, error) {
	exc := t.Exc
	t.xdecref(t.Result)
	t.Done, t.Exc, t.Result = false, nil, nil
	return exc, t.start(fn, nil, nil)
}

// baseCode is the code of a thread's base frame: it only returns.
var baseCode = &compile.Funcode{Name: "<thread>", Code: []uint32{uint32(compile.RETURN_VALUE)},
	Pos: []compile.Position{{}}}

func (t *Thread) finish(res Value, exc *Instance) {
	if t.finalizers != nil {
		t.runFinalizers()
	}
	if t.base != nil {
		for i := 0; i < t.base.sp; i++ {
			t.xdecref(t.base.stack[i])
			t.base.stack[i] = nil
		}
	}
	t.frame = nil
	t.Done = true
	t.Result = res
	t.Exc = exc
}

// Block makes the builtin calling it block in sc: it sets t.Pending and returns the
// error the builtin must return. The scheduler completes the call with Resume, whose
// value becomes the call's result.
func Block(t *Thread, sc Syscall) error {
	t.Pending = sc
	return errBlocked
}

// pushResult is the default continuation of a blocking call: its result is pushed
// onto the frame that made the call.
func pushResult(t *Thread, v Value, err error) error {
	if err != nil {
		return err
	}
	if v == nil {
		v = None
	}
	f := t.frame
	f.stack[f.sp] = v
	f.sp++
	return nil
}

// Resume completes the thread's pending blocking call with result v (a new
// reference, or nil with err set) so that it can run again.
func (t *Thread) Resume(v Value, err error) {
	t.Pending = nil
	r := t.resume
	t.resume = nil
	if r == nil {
		return
	}
	if e := r(t, v, err); e != nil {
		t.pendingErr = e
	}
}
