// This file defines the blocking calls threads make of the machine — sleep, I/O, C code,
// lock waits, thread start and join — with their real GIL behaviour: every blocking
// call drops the GIL voluntarily, blocks, and takes the GIL again afterwards.

package machine

import (
	"fmt"
	"github.com/gilscope/gilscope/vm/trace"

	"github.com/gilscope/gilscope/vm/py"
)

// call is a blocking call the machine knows how to carry out.
type call interface {
	py.Syscall
	do(m *Machine, th *thread)
}

func (m *Machine) syscall(th *thread, sc py.Syscall) {
	c, ok := sc.(call)
	if !ok {
		th.py.Resume(nil, th.py.NewExc(py.SystemErrorClass, "gilscope internal error: unknown blocking call %s", sc.Describe()))
		return
	}
	c.do(m, th)
}

// dropGIL releases th's GIL for a blocking call and charges the kernel entry.
func (m *Machine) dropGIL(th *thread) { m.dropGILAfter(th, syscallCost*1000) }

// dropGILAfter charges a system call of d ps, then releases th's GIL.
func (m *Machine) dropGILAfter(th *thread, d int64) {
	m.charge(th, d)
	m.releaseGIL(th)
}

// releaseGIL releases th's GIL for a call whose system call is priced apart, as the
// time it then runs without the GIL.
func (m *Machine) releaseGIL(th *thread) {
	if th.hasGIL {
		th.proc.gil.release(th, "voluntary")
	}
}

// resume returns a continuation that completes th's call with v (or err) and takes
// the GIL again.
func (m *Machine) resume(th *thread, v py.Value, err error) func() {
	return func() {
		th.py.Resume(v, err)
		th.proc.gil.take(th)
	}
}

// sleepCall is time.sleep and gilscope.io: block for d.
type sleepCall struct {
	d      int64 // ps
	reason string
}

func (c *sleepCall) Describe() string { return c.reason }

func (c *sleepCall) do(m *Machine, th *thread) {
	if c.d == 0 && m.model.SleepZeroSelect {
		// select() with a zero timeout returns at once: the thread keeps its core.
		d := int64(syscallCost * 1000)
		if c.reason == "sleep" {
			d = m.blk.selectZero // measured
		}
		m.dropGILAfter(th, d)
		th.proc.gil.take(th)
		th.py.Resume(py.None, nil)
		return
	}
	m.dropGIL(th)
	m.block(th, StateBlocked, c.reason, 0)
	at := th.clock + c.d
	if c.reason == "sleep" {
		at += timerSlack * 1000
	}
	th.timer = m.after(at, func() {
		th.timer = nil
		m.wake(th, m.now, m.resume(th, py.None, nil))
	})
}

// cCall is gilscope.c_call and GIL-releasing C code (hashlib, zlib): d of CPU work,
// with or without the GIL.
type cCall struct {
	d       int64
	release bool
	result  py.Value
}

func (c *cCall) Describe() string { return "C code" }

func (c *cCall) do(m *Machine, th *thread) {
	res := c.result
	if res == nil {
		res = py.None
	}
	if !c.release {
		// Holding the GIL: CPU work with no check point until it returns.
		m.setState(th, StateRunningGIL, "", th.clock)
		th.busy = c.d
		th.next = func() { th.py.Resume(res, nil) }
		return
	}
	m.charge(th, syscallCost*1000)
	th.proc.gil.release(th, "voluntary")
	m.setState(th, StateRunning, "C code", th.clock)
	th.busy = c.d
	th.next = m.resume(th, res, nil)
}

// startCall is Thread.start(): create the OS thread and wait until it runs.
type startCall struct {
	target *thread
	result py.Value
}

func (c *startCall) Describe() string { return "thread start" }

func (c *startCall) do(m *Machine, th *thread) {
	m.charge(th, threadCreateCost*1000)
	t := c.target
	t.onFirstGIL = func() {
		m.wake(th, t.clock, m.resume(th, c.result, nil))
	}
	m.wake(t, th.clock, func() { t.proc.gil.take(t) })
	m.dropGIL(th)
	m.block(th, StateBlocked, "start", uint64(t.id))
}

// joinCall is Thread.join(timeout).
type joinCall struct {
	target  *thread
	timeout int64 // ps; negative: none
}

func (c *joinCall) Describe() string { return "join" }

func (c *joinCall) do(m *Machine, th *thread) {
	t := c.target
	if t.finished {
		th.py.Resume(py.None, nil)
		return
	}
	m.dropGIL(th)
	m.waitOn(th, "join", uint64(t.id), &t.joiners, c.timeout, m.resume(th, py.None, nil))
}

// waitOn blocks th (its GIL already dropped) for reason on object obj, in the wait
// list *list. With a timeout (ps; negative: none) that passes first (timer slack
// late), th leaves the list and is woken with then.
func (m *Machine) waitOn(th *thread, reason string, obj uint64, list *[]*thread, timeout int64, then func()) {
	m.block(th, StateBlocked, reason, obj)
	*list = append(*list, th)
	if timeout >= 0 {
		m.timeWait(th, timeout, func() { *list = without(*list, th) }, then)
	}
}

// timeWait ends the wait of th, blocked, after timeout (ps) if nothing has woken
// it first: remove takes it off what it waited on, and then runs once it is on a
// core. A timed futex or poll wait is an hrtimer with the thread's timer slack, as
// a timed sleep is: it times out that much late.
func (m *Machine) timeWait(th *thread, timeout int64, remove, then func()) {
	if timeout > 0 {
		timeout += timerSlack * 1000
	}
	th.timer = m.after(th.clock+timeout, func() {
		th.timer = nil
		remove()
		m.wake(th, m.now, then)
	})
}

// threadExit ends th: it releases the GIL, wakes its joiners and leaves its core.
func (m *Machine) threadExit(th *thread) {
	if th.py.Exc != nil && !th.excReported {
		th.excReported = true
		m.reportException(th)
	}
	if th.hasGIL {
		th.proc.gil.release(th, "voluntary")
	}
	th.finished = true
	for _, j := range th.joiners {
		m.wake(j, th.clock, m.resume(j, py.None, nil))
	}
	th.joiners = nil
	c := th.core
	m.leaveCore(th, StateDone, "")
	if c != nil {
		m.dispatch(c, th.clock)
	}
	p := th.proc
	if th == p.main {
		m.mainExit(th)
	}
	switch {
	case p.subinterp:
		// A subinterpreter lives until the process ends; its threads are the main
		// interpreter's threads switched into it, which the exit waits for.
		if m.mainExiting {
			m.processExit(m.procs[0], th.clock)
		}
	case p.main.finished && m.liveNonDaemon(p) == 0:
		m.processExit(p, th.clock)
	}
}

// mainExit records the exit status of the main thread. The run ends when the last
// non-daemon thread has finished too (threading._shutdown joins them).
func (m *Machine) mainExit(th *thread) {
	code := 0
	if th.py.Exc != nil {
		code = 1
		if c, _, ok := th.py.SystemExitStatus(); ok {
			code = c
		}
	}
	th.proc.exitCode = code
	if th.proc.id == 1 {
		m.exitCode = code
	}
}

// reportException prints an uncaught exception the way CPython does: the main
// thread's traceback as is, other threads' after "Exception in thread NAME:".
func (m *Machine) reportException(th *thread) {
	t := th.py
	if _, _, ok := t.SystemExitStatus(); ok {
		// CPython prints a main thread's non-int status; a thread's
		// SystemExit ends it silently.
		if th == th.proc.main {
			t.SystemExitCode()
		}
		return
	}
	text := t.FormatException(t.Exc)
	switch {
	case th == th.proc.main && th.proc.id != 1:
		// multiprocessing's BaseProcess._bootstrap prints the process's name.
		text = fmt.Sprintf("Process %s:\n%s", th.proc.name, text)
	case th != th.proc.main:
		text = fmt.Sprintf("Exception in thread %s:\n%s", th.name, text)
	}
	m.write(th, text, true)
	m.emit(trace.Exception{Error: clipText(lastLine(text)), ProgramLine: m.programLine(t.Exc)}.At(eventTime(th.clock), th.id, coreOf(th)))
}

// programLine is the line of the program's own code innermost on exc's traceback,
// or 0.
func (m *Machine) programLine(exc *py.Instance) int32 {
	if exc == nil || exc.Exc == nil {
		return 0
	}
	for _, e := range exc.Exc.TB { // innermost first
		if _, ok := m.codeIDs[e.Code]; ok && e.PC >= 0 && e.PC < len(e.Code.Pos) {
			return e.Code.Pos[e.PC].Line
		}
	}
	return 0
}

func lastLine(s string) string {
	end := len(s)
	for end > 0 && s[end-1] == '\n' {
		end--
	}
	start := end
	for start > 0 && s[start-1] != '\n' {
		start--
	}
	return s[start:end]
}
