// This file defines _gilscope_mp, the primitives the Python-source multiprocessing
// module is built on: starting a process (fork, spawn or forkserver, with the measured
// cost of each), joining it, and the pipes that carry pickled values between
// processes (Queue, Pipe), at pickle's measured speed (docs/models.md, "Processes").

package machine

import (
	"fmt"
	"maps"
	"slices"

	"github.com/gilscope/gilscope/vm/py"
)

// What a process's start-up and pickling cost comes from the model's calibration
// (Procs, measured per version by tools/calibrate/procs.py; m.pc). The machine
// estimates the parent's resident memory, which fork's page-table copy and the
// child's exit grow with, from its live objects.
const (
	baseMemoryMB   = 10 // an interpreter's resident memory before the program's objects
	bytesPerObject = 64
)

func (m *Machine) dumpsCost(p *py.Pickled) int64 {
	return (p.Size-p.Structured)*m.pc.dumpsRaw + p.Structured*m.pc.dumpsStruct
}

func (m *Machine) loadsCost(p *py.Pickled) int64 {
	return (p.Size-p.Structured)*m.pc.loadsRaw + p.Structured*m.pc.loadsStruct
}

// ---- pipes ----

// pipeCapacity is what an OS pipe holds before a write to it blocks: Linux's
// default, 16 pages (docs/models.md, "Processes"). A multiprocessing.Queue's feeder
// thread writes to one, so a child that put more than this and is not read from
// cannot finish its exit.
const pipeCapacity = 65536

// mpChan is one direction of a pipe between processes: pickled messages in order, and
// the threads blocked reading it.
type mpChan struct {
	id      uint64
	msgs    []*py.Pickled
	readers []*thread
	// capacity, if positive, is the bytes the pipe holds: a write that takes it
	// beyond waits (in full, with its message in writing) until the bytes
	// queued are within it again, or its own message has been read.
	capacity int64
	bytes    int64
	full     []*thread
	writing  map[*thread]*py.Pickled
	// A Pipe's direction ends (its reader sees EOF) when no process has the end
	// that writes it open: writers counts them.
	pipe    bool
	writers int
}

// pipeEnd is one end of a Pipe as a file descriptor is: each process that has it
// open (it made the pipe, a fork inherited it, or it received the end) holds it
// until it closes it or exits.
type pipeEnd struct {
	in, out *mpChan
}

// mpEnd is a process's handle on a queue (both directions are the same channel) or
// on one end of a Pipe (end).
type mpEnd struct {
	py.Header
	m       *Machine
	in, out *mpChan
	end     *pipeEnd
}

// openEnd records that p holds e open.
func (m *Machine) openEnd(p *process, e *pipeEnd) {
	if slices.Contains(p.ends, e) {
		return
	}
	p.ends = append(p.ends, e)
	e.out.writers++
}

// closeEnd closes p's e: when no process holds it, the threads blocked reading the
// other end wake to EOF once the messages sent are read.
func (m *Machine) closeEnd(p *process, e *pipeEnd, at int64) {
	i := slices.Index(p.ends, e)
	if i < 0 {
		return
	}
	p.ends = slices.Delete(p.ends, i, i+1)
	c := e.out
	c.writers--
	if c.writers > 0 || len(c.msgs) > 0 {
		return
	}
	readers := c.readers
	c.readers = nil
	for _, r := range readers {
		if !r.finished { // a reader whose process was killed stays listed
			m.wake(r, at, func() { m.recvReady(r, c) })
		}
	}
}

// eof reports whether reading c finds the end of the pipe.
func (c *mpChan) eof() bool { return c.pipe && c.writers == 0 && len(c.msgs) == 0 }

var (
	endClass  = py.NewClass("_Channel", nil)
	procClass = py.NewClass("_ProcessHandle", nil)
)

func (e *mpEnd) Type() *py.Class { return endClass }

// extCodec carries queue and pipe ends and shared cells across processes: the
// channel or cell is shared, the handle is new in the receiving interpreter.
type extCodec struct{ m *Machine }

func (c extCodec) Pack(v py.Value, fork bool) (any, bool) {
	switch e := v.(type) {
	case *mpEnd:
		if e.end != nil && !fork {
			// Sent to another process (spawn's arguments, a queue), a Pipe's end is
			// duplicated now, as CPython's DupFd does: it stays open until the
			// receiver holds it.
			e.end.out.writers++
			return sentEnd{*e}, true
		}
		return *e, true
	case *mpCell:
		return e.s, true
	case *lockObj:
		// A fork copies a thread lock as it is: one held in the parent stays held
		// in the child, where no thread will release it.
		if fork {
			return forkedLock{locked: e.locked}, true
		}
	}
	return nil, false
}

// signal sends p signal sig (SIGTERM, SIGKILL) at now: it is delivered, and p dies of
// it, when p next runs, a wake-up later, unless p has exited by then.
func (m *Machine) signal(p *process, sig int, now int64) {
	if p.finished || p.signalled {
		return
	}
	p.signalled = true
	at := now + m.wakeLatency()
	m.after(at, func() {
		if !p.finished {
			p.exitCode = -sig
			m.processExit(p, at)
		}
	})
}

// setTeardown sets how long p takes to be gone after it exits and after a signal
// kills it, from the measured times to join() returning (procCosts). Those include
// what the machine draws apart: the parent's wake-up from join(), and before a
// kill the signal's delivery (a wake-up of the child).
func (p *process) setTeardown(m *Machine, exit, kill int64) {
	p.exitCost = max(exit-m.wakeMean, 0)
	p.killCost = max(kill-2*m.wakeMean, 0)
}

// sentEnd is a Pipe's end on its way to another process, holding it open.
type sentEnd struct{ e mpEnd }

// forkedLock is a thread lock as a fork's child gets it.
type forkedLock struct{ locked bool }

func (c extCodec) Unpack(t *py.Thread, x any) (py.Value, error) {
	var n py.Value
	switch e := x.(type) {
	case mpEnd:
		n = &mpEnd{m: e.m, in: e.in, out: e.out, end: e.end}
		if e.end != nil {
			c.m.openEnd(threadOf(t).proc, e.end)
		}
	case sentEnd:
		n = &mpEnd{m: e.e.m, in: e.e.in, out: e.e.out, end: e.e.end}
		c.m.openEnd(threadOf(t).proc, e.e.end)
		e.e.end.out.writers-- // the copy that travelled is now the receiver's
	case *mpCellState:
		n = &mpCell{s: e}
	case forkedLock:
		l := c.m.newLock(t)
		l.locked = e.locked
		return l, nil
	}
	t.Register(n)
	return n, nil
}

func (m *Machine) newChan() *mpChan {
	m.objIDs++
	return &mpChan{id: m.objIDs}
}

// send pickles v in th (holding its GIL, at pickle's speed) and writes it to c. It
// returns the blocking call th must make when c is a pipe that the message filled
// beyond its capacity, else nil.
func (m *Machine) send(t *py.Thread, c *mpChan, v py.Value) (*sendWaitCall, error) {
	th := threadOf(t)
	p, err := t.Pickle(v, false)
	if err != nil {
		return nil, err
	}
	m.chargeNow(th, m.dumpsCost(p)+syscallCost*1000)
	c.msgs = append(c.msgs, p)
	c.bytes += p.Size
	for len(c.readers) > 0 && c.readers[0].finished {
		c.readers = c.readers[1:] // its process was killed while it waited
	}
	if len(c.readers) > 0 {
		r := c.readers[0]
		c.readers = c.readers[1:]
		at := m.clockNow(th)
		m.chargeNow(th, futexWakeCost*1000)
		m.wake(r, at, func() { m.recvReady(r, c) })
	}
	if c.capacity > 0 && c.bytes > c.capacity {
		return &sendWaitCall{c: c, p: p}, nil
	}
	return nil, nil
}

// sendWaitCall is the rest of a write to a full pipe: the writer waits, without
// its GIL, until a reader has made room for what it wrote.
type sendWaitCall struct {
	c *mpChan
	p *py.Pickled
}

func (c *sendWaitCall) Describe() string { return "pipe write" }

func (c *sendWaitCall) do(m *Machine, th *thread) {
	m.dropGIL(th)
	if c.c.written(c.p) {
		m.resume(th, py.None, nil)()
		return
	}
	if c.c.writing == nil {
		c.c.writing = map[*thread]*py.Pickled{}
	}
	c.c.writing[th] = c.p
	m.waitOn(th, "pipe write", c.c.id, &c.c.full, -1, nil)
}

// written reports whether the write of p is complete: the pipe holds no more than
// its capacity, or p has been read.
func (c *mpChan) written(p *py.Pickled) bool {
	return c.bytes <= c.capacity || !slices.Contains(c.msgs, p)
}

// took records that a reader took p from c at time at, waking the writers whose
// write that completes.
func (m *Machine) took(c *mpChan, p *py.Pickled, at int64) {
	c.bytes -= p.Size
	if len(c.full) == 0 {
		return
	}
	var still []*thread
	for _, w := range c.full {
		if w.finished || !c.written(c.writing[w]) {
			if !w.finished {
				still = append(still, w)
			}
			continue
		}
		delete(c.writing, w)
		m.wake(w, at, m.resume(w, py.None, nil))
	}
	c.full = still
}

// recvCall is a blocking read of a pipe.
type recvCall struct {
	c       *mpChan
	timeout int64 // ps; negative: none
}

func (c *recvCall) Describe() string { return "pipe read" }

func (c *recvCall) do(m *Machine, th *thread) {
	m.dropGIL(th)
	if len(c.c.msgs) > 0 || c.c.eof() {
		m.recvReady(th, c.c)
		return
	}
	m.waitOn(th, "pipe", c.c.id, &c.c.readers, c.timeout, func() {
		th.py.Resume(th.py.NewTuple([]py.Value{py.False, py.None}), nil)
		th.proc.gil.take(th)
	})
}

// recvReady runs in th on a core: it takes the next message (if another reader has not
// taken it first), unpickles it holding the GIL.
func (m *Machine) recvReady(th *thread, c *mpChan) {
	if c.eof() {
		th.py.Resume(nil, th.py.NewExc(py.EOFErrorClass, ""))
		th.proc.gil.take(th)
		return
	}
	if len(c.msgs) == 0 {
		m.waitOn(th, "pipe", c.id, &c.readers, -1, nil)
		return
	}
	p := c.msgs[0]
	c.msgs = c.msgs[1:]
	m.took(c, p, th.clock)
	m.charge(th, syscallCost*1000)
	th.next = func() {
		v, err := th.py.Unpickle(p)
		if err == nil {
			v = th.py.NewTuple([]py.Value{py.True, v})
		}
		th.py.Resume(v, err)
		th.proc.gil.take(th)
	}
	th.busy = m.loadsCost(p)
}

// ---- processes ----

type procHandle struct {
	py.Header
	p *process
}

func (*procHandle) Type() *py.Class { return procClass }

// procStartCall is Process.start(): the parent's share of the start method's cost,
// then the child runs on its own.
type procStartCall struct {
	child *process
	cost  int64 // ps, in the parent
	boot  int64 // ps, in the child before it runs Python
}

func (c *procStartCall) Describe() string { return "process start" }

func (c *procStartCall) do(m *Machine, th *thread) {
	// fork() and the spawn request are made holding the GIL.
	th.busy = c.cost
	th.next = func() {
		p := c.child
		pt, err := p.in.ChildThread(mainNameFor(p.method), libProgram("_mp_boot"))
		if err != nil {
			th.py.Resume(nil, err)
			return
		}
		child := m.adopt(pt, p.name, false, p)
		p.main, p.threads = child, 1
		child.clock = th.clock
		child.busy = c.boot
		m.wake(child, th.clock, func() { p.gil.take(child) })
		th.py.Resume(&procHandle{p: p}, nil)
	}
}

func mainNameFor(method string) string {
	if method == "fork" {
		return "__main__"
	}
	return "__mp_main__"
}

// procJoinCall waits for a process to end.
type procJoinCall struct {
	p       *process
	timeout int64
}

func (c *procJoinCall) Describe() string { return "process join" }

func (c *procJoinCall) do(m *Machine, th *thread) {
	p := c.p
	if p.gone {
		th.py.Resume(py.None, nil)
		return
	}
	m.dropGIL(th)
	m.waitOn(th, "process", uint64(p.id), &p.joiners, c.timeout, m.resume(th, py.None, nil))
}

// parentMB estimates the parent's resident memory for fork's page-table copy.
func parentMB(p *process) int64 {
	return baseMemoryMB + int64(p.in.LiveObjects())*bytesPerObject/1_000_000
}

func (m *Machine) mpModule(t *py.Thread) *py.Module {
	fn := func(name string, f py.BuiltinFunc) py.Value { return t.Builtin(name, f) }
	attrs := map[string]py.Value{
		"cpu_count": fn("cpu_count", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			return t.NewInt(int64(len(m.cores))), nil
		}),
		"default_method": fn("default_method", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			// fork on Linux until 3.13, forkserver from 3.14 (docs/models.md, "Processes").
			if m.model.Version[0] == 3 && m.model.Version[1] >= 14 {
				return t.NewStr("forkserver"), nil
			}
			return t.NewStr("fork"), nil
		}),
		// chan([os_pipe]): a channel; with os_pipe true, one with an OS pipe's
		// capacity (a Queue's).
		"chan": fn("chan", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			c := m.newChan()
			if len(args) > 0 && args[0] == py.True {
				c.capacity = pipeCapacity
			}
			e := &mpEnd{m: m, in: c, out: c}
			t.Register(e)
			return e, nil
		}),
		"pipe": fn("pipe", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			a, b := m.newChan(), m.newChan()
			a.pipe, b.pipe = true, true
			p1, p2 := &pipeEnd{in: a, out: b}, &pipeEnd{in: b, out: a}
			m.openEnd(threadOf(t).proc, p1)
			m.openEnd(threadOf(t).proc, p2)
			e1 := &mpEnd{m: m, in: a, out: b, end: p1}
			e2 := &mpEnd{m: m, in: b, out: a, end: p2}
			t.Register(e1)
			t.Register(e2)
			return t.NewTuple([]py.Value{e1, e2}), nil
		}),
		// send(end, obj) pickles obj and writes it.
		"send": fn("send", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			e, ok := args[0].(*mpEnd)
			if !ok || len(args) != 2 {
				return nil, t.NewExc(py.TypeErrorClass, "send(end, obj)")
			}
			wait, err := m.send(t, e.out, args[1])
			if err != nil || wait == nil {
				return py.None, err
			}
			return nil, py.Block(t, wait)
		}),
		// recv(end, timeout) → (True, obj), or (False, None) when the timeout (seconds;
		// None: wait for ever; 0: do not wait) passed first.
		"recv": fn("recv", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			e, ok := args[0].(*mpEnd)
			if !ok || len(args) != 2 {
				return nil, t.NewExc(py.TypeErrorClass, "recv(end, timeout)")
			}
			timeout := int64(-1)
			if args[1] != py.None {
				s, ok := py.AsFloat(args[1])
				if !ok || s < 0 {
					return nil, t.NewExc(py.ValueErrorClass, "'timeout' must be a non-negative number")
				}
				timeout = int64(s * 1e12)
			}
			if timeout == 0 && len(e.in.msgs) == 0 && !e.in.eof() {
				return t.NewTuple([]py.Value{py.False, py.None}), nil
			}
			return nil, py.Block(t, &recvCall{c: e.in, timeout: timeout})
		}),
		// close(end) closes this process's copy of a Pipe's end.
		"close": fn("close", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			e, ok := args[0].(*mpEnd)
			if !ok {
				return nil, t.NewExc(py.TypeErrorClass, "close(end)")
			}
			if e.end != nil {
				m.closeEnd(threadOf(t).proc, e.end, m.clockNow(threadOf(t)))
			}
			return py.None, nil
		}),
		// eof(end): reading the end finds the end of the pipe (poll() is true then).
		"eof": fn("eof", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			e, ok := args[0].(*mpEnd)
			if !ok {
				return nil, t.NewExc(py.TypeErrorClass, "eof(end)")
			}
			return py.BoolOf(e.in.eof()), nil
		}),
		"pending": fn("pending", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			e, ok := args[0].(*mpEnd)
			if !ok {
				return nil, t.NewExc(py.TypeErrorClass, "pending(end)")
			}
			return t.NewInt(int64(len(e.in.msgs))), nil
		}),
		"start": fn("start", m.mpStart),
		"join": fn("join", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			h, ok := args[0].(*procHandle)
			if !ok {
				return nil, t.NewExc(py.TypeErrorClass, "join: not a process")
			}
			timeout := int64(-1)
			if len(args) > 1 && args[1] != py.None {
				s, _ := py.AsFloat(args[1])
				timeout = max(int64(s*1e12), 0)
			}
			return nil, py.Block(t, &procJoinCall{p: h.p, timeout: timeout})
		}),
		"exitcode": fn("exitcode", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			h := args[0].(*procHandle)
			if !h.p.gone { // a child is reaped once its exit is over
				return py.None, nil
			}
			return t.NewInt(int64(h.p.exitCode)), nil
		}),
		"is_alive": fn("is_alive", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			return py.BoolOf(!args[0].(*procHandle).p.gone), nil
		}),
		"pid": fn("pid", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			if h, ok := args[0].(*procHandle); ok {
				return t.NewInt(int64(h.p.pid)), nil
			}
			return t.NewInt(int64(threadOf(t).proc.pid)), nil
		}),
		"terminate": fn("terminate", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			// SIGTERM is delivered when the child next runs: kill() returns at once
			// and the child is alive until then (is_alive() just after terminate()
			// is True, as in CPython), dying of it unless it exits first.
			h := args[0].(*procHandle)
			sig := int64(15)
			if len(args) > 1 {
				sig, _ = py.AsInt(args[1]) // kill(): SIGKILL
			}
			m.signal(h.p, int(sig), m.clockNow(threadOf(t)))
			return py.None, nil
		}),
		"current": fn("current", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			p := threadOf(t).proc
			return t.NewTuple([]py.Value{t.NewStr(p.name), t.NewInt(int64(p.pid)), t.NewStr(p.method)}), nil
		}),
		"interp_create": fn("interp_create", m.interpCreate),
		"interp_start":  fn("interp_start", m.interpStart),
		// The child's side.
		"child_setup": fn("child_setup", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			th := threadOf(t)
			if th.target != nil {
				return t.Unpickle(th.target)
			}
			p := th.proc
			if p.globals != nil {
				return t.UnpickleFork(p.globals, p.target)
			}
			if err := t.RunMain(); err != nil {
				return nil, err
			}
			return t.Unpickle(p.target)
		}),
	}
	m.mpCellAttrs(t, attrs)
	return t.NewModule("_gilscope_mp", attrs)
}

// mpStart is _gilscope_mp.start(target, args, kwargs, name, method, daemon): it
// pickles what the child needs (fork copies the parent's globals too) and starts it.
func (m *Machine) mpStart(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
	if err := t.CheckArgs("start", args, kw, 6, 6); err != nil {
		return nil, err
	}
	th := threadOf(t)
	name, _ := args[3].(*py.Str)
	method, _ := args[4].(*py.Str)
	if name == nil || method == nil {
		return nil, t.NewExc(py.TypeErrorClass, "start: bad arguments")
	}
	if len(m.threads) >= MaxThreads || len(m.procs) >= MaxThreads {
		return nil, t.NewExc(py.RuntimeErrorClass, "can't start new process (gilscope allows %d threads and processes)", MaxThreads)
	}
	fork := method.S == "fork"
	if fork && m.finalizing(th) {
		return nil, t.NewExc(py.RuntimeErrorClass, "can't fork at interpreter shutdown")
	}
	payload := t.NewTuple([]py.Value{args[0], args[1], args[2]})
	t.Register(payload)
	for _, a := range args[:3] {
		t.Incref(a)
	}
	var target, globals *py.Pickled
	var err error
	if fork {
		globals, target, err = t.PickleFork(payload)
	} else {
		target, err = t.Pickle(payload, false)
	}
	t.Decref(payload)
	if err != nil {
		return nil, err
	}
	daemon, _ := t.Truthy(args[5])
	p := m.newProcess(name.S, th.proc)
	p.method, p.target, p.daemon = method.S, target, daemon
	c := &procStartCall{child: p}
	switch method.S {
	case "fork":
		p.globals = globals
		p.loaded = maps.Clone(th.proc.loaded) // fork copies the parent's modules
		for _, e := range th.proc.ends {      // and its file descriptors
			m.openEnd(p, e)
		}
		mb := parentMB(th.proc)
		c.cost = m.pc.forkParent + mb*m.pc.forkParentPerMB
		// The child's exit unmaps what fork shared with the parent: the per-MB
		// part of the child's share is paid at its end.
		c.boot = m.pc.forkChild - m.pc.forkExit
		p.setTeardown(m, m.pc.forkExit+mb*m.pc.forkChildPerMB, m.pc.forkKill+mb*m.pc.forkChildPerMB)
	case "spawn":
		p.loaded = m.bootLoaded()
		c.cost = m.pc.spawnParent + m.dumpsCost(target)
		c.boot = m.pc.spawnChild - m.pc.spawnExit + m.loadsCost(target)
		p.setTeardown(m, m.pc.spawnExit, m.pc.spawnKill)
	case "forkserver":
		p.loaded = m.bootLoaded()
		c.cost = m.pc.serverParent + m.dumpsCost(target)
		if !m.forkserver {
			m.forkserver = true
			c.cost += m.pc.serverStart
		}
		c.boot = m.pc.serverChild - m.pc.serverExit + m.loadsCost(target)
		p.setTeardown(m, m.pc.serverExit, m.pc.serverKill)
	default:
		return nil, t.NewExc(py.ValueErrorClass, "cannot find context for %q", method.S)
	}
	return nil, py.Block(t, c)
}

// ---- subinterpreters ----

// subinterpCreateCost is what creating an interpreter costs (docs/models.md, "Processes": 10–17 ms).
const subinterpCreateCost = 13 * ms

// interpCreate is _gilscope_mp.interp_create(): a new interpreter in this process,
// with its own GIL and nothing shared. The caller's thread builds it, outside its own
// interpreter's GIL.
func (m *Machine) interpCreate(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
	parent := threadOf(t).proc
	if len(m.procs) >= MaxThreads {
		return nil, t.NewExc(py.RuntimeErrorClass, "can't create a new interpreter (gilscope allows %d interpreters and processes)", MaxThreads)
	}
	n := 0
	for _, p := range m.procs {
		if p.subinterp {
			n++
		}
	}
	p := m.newProcess(fmt.Sprintf("interpreter-%d", n+1), parent)
	p.subinterp, p.pid, p.method = true, parent.pid, "subinterpreter"
	h := &procHandle{p: p}
	t.Register(h)
	return nil, py.Block(t, &cCall{d: subinterpCreateCost * 1000, release: true, result: h})
}

// interpStart is _gilscope_mp.interp_start(interp, func, args, kwargs, name): a thread
// running func(*args, **kwargs) in the interpreter. What crosses is copied: functions
// and classes of __main__ by value (the subinterpreter's own __main__ is empty), the
// rest pickled.
func (m *Machine) interpStart(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
	if err := t.CheckArgs("interp_start", args, kw, 5, 5); err != nil {
		return nil, err
	}
	h, ok := args[0].(*procHandle)
	name, ok2 := args[4].(*py.Str)
	if !ok || !ok2 || !h.p.subinterp {
		return nil, t.NewExc(py.TypeErrorClass, "interp_start: bad arguments")
	}
	if len(m.threads) >= MaxThreads {
		return nil, t.NewExc(py.RuntimeErrorClass, "can't start new thread (gilscope allows %d threads)", MaxThreads)
	}
	payload := t.NewTuple([]py.Value{args[1], args[2], args[3]})
	t.Register(payload)
	for _, a := range args[1:4] {
		t.Incref(a)
	}
	target, err := t.Pickle(payload, true)
	t.Decref(payload)
	if err != nil {
		return nil, err
	}
	p := h.p
	pt, err := p.in.BootThread(name.S, "__main__", libProgram("_interp_boot"))
	if err != nil {
		return nil, err
	}
	parent := threadOf(t)
	nt := m.adopt(pt, name.S, false, p)
	nt.target = target
	nt.clock = m.clockNow(parent)
	p.threads++
	th := &handleObj{th: nt}
	t.Register(th)
	return nil, py.Block(t, &startCall{target: nt, result: th})
}
