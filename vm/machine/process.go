// This file defines simulated processes. Each has its own interpreter (heap, modules,
// threads) and its own GIL; the threads of every process share the machine's cores
// and its OS scheduler. The run is the main process; multiprocessing starts others.

package machine

import (
	"strings"

	"github.com/gilscope/gilscope/vm/py"
)

// process is one simulated OS process running an interpreter.
type process struct {
	id        int32 // 1 for the main process
	name      string
	pid       int
	in        *py.Interp
	gil       gilImpl
	main      *thread
	parent    *process
	threads   int // threads started, the main one included
	exitCode  int
	finished  bool
	signalled bool // terminate() sent SIGTERM, delivered when the child next runs
	gone      bool // finished, and its exit's teardown is over: joiners wake
	// exitCost and killCost are how long a child takes to be gone once its last
	// thread is done, or once a signal killed it (ps): its exit and the kernel's
	// teardown, before the threads joining it wake (setTeardown).
	exitCost, killCost int64
	joiners            []*thread  // threads waiting for it to end
	ends               []*pipeEnd // the Pipe ends it holds open, in the order it opened them
	daemon             bool
	// subinterp: an interpreter of the main process (concurrent.interpreters), with its
	// own GIL and heap, created without a thread of its own.
	subinterp bool
	// socks are its sockets by descriptor (netsock.go), once it imports socket.
	socks *sockets

	// loaded are the standard-library modules the process has imported, by
	// CPython's names (imports.go): what it imports again costs nothing.
	loaded map[string]bool

	// cwd is the working directory (os.getcwd), inherited from the parent.
	cwd string

	switchInterval int64 // ps: sys.getswitchinterval where no new GIL keeps it
	lastGC         uint64
	// exiting: the main thread's program has ended (CPython's finalization).
	exiting bool

	// A child's start: how, what to run, and (fork) the parent's globals.
	method  string
	target  *py.Pickled
	globals *py.Pickled
}

// newProcess makes a process with a fresh interpreter of the run's program and a GIL
// of the model's kind.
func (m *Machine) newProcess(name string, parent *process) *process {
	p := &process{id: int32(len(m.procs) + 1), name: name, parent: parent, switchInterval: m.interval,
		loaded: map[string]bool{}, cwd: fsWorkingDir}
	if parent != nil {
		p.cwd = parent.cwd
	}
	p.pid = 4000 + int(p.id)*7
	m.procs = append(m.procs, p)
	cfg := py.DefaultConfig()
	cfg.Version = m.model.Version
	cfg.ImmortalInterned = m.model.ImmortalObjects
	cfg.Seed = 0
	cfg.MaxMemory = m.maxMemory
	in := py.NewInterp(m.prog, cfg, nil, nil)
	if p.id > 1 {
		in.ShareMemory(m.procs[0].in.Memory()) // the processes of a run share its budget
	}
	in.ImmortalRefcount = m.model.ImmortalRefcount
	in.Library = theLibrary()
	if m.imports.tables != nil {
		in.OnImport = m.onImport
	}
	in.OnWrite = func(t *py.Thread, s string, stderr bool) { m.write(threadOf(t), s, stderr) }
	in.StdWrite = m.stdWrite
	in.Ext = extCodec{m}
	in.Interrupt = m.interrupt
	in.CallableIterator = callableIterator
	in.PythonLazyIter = pythonLazyIter
	in.Open = libOpen
	in.Input = m.input
	m.installModules(in)
	// Counts are watched when events are recorded, and always where threads fight
	// over them: that costs time, and plain counts can go wrong.
	counted := m.model.Parallel() && m.model.Refcounts != RCNone
	if (m.record && m.model.Refcounts != RCNone) || counted {
		in.Hook = refHook{m}
		in.TraceCallables = counted
	}
	p.in = in
	p.gil = m.newGILFor()
	return p
}

// newGILFor makes a GIL of the model's kind.
func (m *Machine) newGILFor() gilImpl {
	switch m.model.GIL {
	case OldGIL:
		return &oldGIL{gilState: gilState{m: m}, checkInterval: m.model.CheckInterval}
	case NoGIL:
		return &noGIL{m: m}
	case PyPyGIL:
		return &pypyGIL{gilState: gilState{m: m}, yieldTicks: m.model.YieldTicks}
	case RubyGVL:
		return &rubyGVL{gilState: gilState{m: m}, quantum: m.model.Quantum * 1000}
	}
	return &newGIL{gilState: gilState{m: m}, interval: m.interval}
}

// liveNonDaemon counts p's threads that keep it alive.
func (m *Machine) liveNonDaemon(p *process) int {
	n := 0
	for _, t := range m.threads {
		if t.proc == p && !t.finished && !t.daemon {
			n++
		}
	}
	return n
}

// processExit ends p once its main thread and its other non-daemon threads are done:
// daemon threads die with it, joiners wake. The main process's end is the run's.
func (m *Machine) processExit(p *process, at int64) {
	if p.finished {
		return
	}
	if p.id == 1 {
		// multiprocessing's exit handler terminates the daemon children first, then
		// joins the others.
		if !m.mainExiting {
			for _, c := range m.procs[1:] {
				if c.daemon && !c.subinterp && c.parent == p {
					m.signal(c, 15, at)
				}
			}
		}
		for _, c := range m.procs[1:] {
			if !c.gone && !c.daemon && (!c.subinterp || m.liveNonDaemon(c) > 0) {
				m.mainExiting = true
				return
			}
		}
		p.finished = true
		m.end("exit", m.exitCode, at)
		return
	}
	p.finished = true
	for len(p.ends) > 0 { // its exit closes its file descriptors
		m.closeEnd(p, p.ends[0], at)
	}
	for _, t := range m.threads {
		if t.proc == p && !t.finished {
			m.kill(t, at)
		}
	}
	m.afterTeardown(p, at, func(gone int64) {
		p.gone = true
		for _, j := range p.joiners {
			m.wake(j, gone, m.resume(j, py.None, nil))
		}
		p.joiners = nil
		if m.mainExiting {
			m.processExit(m.procs[0], gone)
		}
	})
}

// afterTeardown calls gone when p, which ended at at, is gone: after its exit or,
// killed by a signal, the kernel's teardown. The teardown holds no core here.
func (m *Machine) afterTeardown(p *process, at int64, gone func(at int64)) {
	d := p.exitCost
	if p.exitCode < 0 {
		d = p.killCost
	}
	if d <= 0 {
		gone(at)
		return
	}
	m.after(at+d, func() { gone(at + d) })
}

// kill ends a thread whose process exited under it.
func (m *Machine) kill(t *thread, at int64) {
	t.finished = true
	if t.timer != nil {
		t.timer.cancel()
		t.timer = nil
	}
	m.runq = without(m.runq, t)
	c := t.core
	// Not before its last change of state: a waker ahead in simulated time (by
	// up to a quantum) may have made it runnable "after" the killer's now.
	at = max(at, t.stateAt)
	t.clock = max(t.clock, at)
	if g := t.proc.gil.state(); g != nil && t.hasGIL {
		// The GIL ends with its process (a thread preempted holding it, say); no
		// waiter is woken, since every thread of the process ends with it.
		g.dropped(t, "voluntary")
	}
	m.leaveCore(t, StateDone, "")
	if c != nil {
		m.dispatch(c, at)
	}
}

// gilNumber is the number events give the process's GIL: 0 for the main process's.
func (p *process) gilNumber() uint64 { return uint64(p.id - 1) }

// without removes th from a list of waiting threads.
func without(ts []*thread, th *thread) []*thread {
	for i, x := range ts {
		if x == th {
			return append(ts[:i], ts[i+1:]...)
		}
	}
	return ts
}

// mainThread is the process's main thread; a subinterpreter's is its process's.
func (p *process) mainThread() *thread {
	for p.main == nil && p.parent != nil {
		p = p.parent
	}
	return p.main
}

// callableIterator makes iter(callable, sentinel)'s iterator, a Python object of the
// library (lib/_gilscope_iter.py) whose __next__ may block.
func callableIterator(t *py.Thread, callable, sentinel py.Value) (py.Value, error) {
	return callLib(t, "_gilscope_iter", "callable_iterator", []py.Value{callable, sentinel}, nil)
}

// pythonLazyIter makes zip, map, filter or enumerate over a Python-level source a
// generator of the library (lib/_gilscope_iter.py), whose pulls may block.
func pythonLazyIter(t *py.Thread, kind string, fn py.Value, srcs []py.Value, start py.Value, strict bool) (py.Value, error) {
	items := make([]py.Value, len(srcs))
	for i, s := range srcs {
		t.Incref(s)
		items[i] = s
	}
	iters, name := t.NewList(items), t.NewStr(kind) // the list owns its items
	defer t.Decref(iters)
	defer t.Decref(name)
	return callLib(t, "_gilscope_iter", "lazy", []py.Value{name, fn, iters, start, py.BoolOf(strict)}, nil)
}

// libOpen is builtins.open: the file objects are Python (lib/_gilscope_io.py) over the
// run's file system (fs.go).
func libOpen(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
	return callLib(t, "_gilscope_io", "open", args, kw)
}

// callLib calls the function name of a library module, importing the module first.
func callLib(t *py.Thread, module, name string, args []py.Value, kw []string) (py.Value, error) {
	mod, err := t.ImportModule(module)
	if err != nil {
		return nil, err
	}
	fn, err := t.GetAttr(mod, name)
	t.Decref(mod)
	if err != nil {
		return nil, err
	}
	r, err := t.CallKw(fn, args, kw)
	t.Decref(fn)
	return r, err
}

// input is builtins.input: it writes the prompt, then reads a line of the run's
// standard input (Options.Stdin), charging a system call. A child process reads
// /dev/null, as multiprocessing makes it do: EOFError.
func (m *Machine) input(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
	if len(kw) != 0 {
		return nil, t.NewExc(py.TypeErrorClass, "input() takes no keyword arguments")
	}
	if len(args) > 1 {
		return nil, t.NewExc(py.TypeErrorClass, "input expected at most 1 argument, got %d", len(args))
	}
	th := threadOf(t)
	if len(args) == 1 {
		prompt, err := t.Call(py.StrClass, args[0])
		if err != nil {
			return nil, err
		}
		m.write(th, prompt.(*py.Str).S, false)
		t.Decref(prompt)
	}
	m.chargeNow(th, syscallCost*1000)
	if th.proc.id > 1 || m.stdin == "" {
		return nil, t.NewExc(py.EOFErrorClass, "EOF when reading a line")
	}
	line, rest, _ := strings.Cut(m.stdin, "\n")
	m.stdin = rest
	return t.NewStr(strings.TrimSuffix(line, "\r")), nil
}

// runExitHooks is called when a thread's code has ended. For a process's main
// thread it marks the process exiting and, when threading's exit handlers are
// registered (threading._register_atexit: concurrent.futures joins its workers
// there), makes the main thread run them first, as CPython's threading._shutdown
// does before the interpreter waits for the other threads; the program's uncaught
// exception is reported before them and decides the exit status after them. It
// reports whether the thread goes on running.
func (m *Machine) runExitHooks(th *thread) bool {
	p := th.proc
	if th != p.main {
		return false
	}
	p.exiting = true
	t := th.py
	if th.exitHooks {
		if t.Exc != nil {
			t.Decref(t.Exc) // an exit handler's exception: the program's decides
		}
		t.Exc, th.mainExc = th.mainExc, nil
		return false
	}
	th.exitHooks = true
	mod := p.in.LoadedModule("threading")
	if mod == nil {
		return false
	}
	// threading's exit handlers, then (in the main process) the atexit module's
	// callbacks, which _run_exit_hooks runs once the other threads are joined.
	var n int64
	for _, list := range []string{"_threading_atexits", "_atexit_callbacks", "_final_hooks"} {
		hooks, err := t.GetAttr(mod, list)
		if err != nil || hooks == nil {
			continue
		}
		k, _ := t.Len(hooks)
		t.Decref(hooks)
		n += k
	}
	if n == 0 {
		return false
	}
	fn, err := t.GetAttr(mod, "_run_exit_hooks")
	if err != nil || fn == nil {
		return false
	}
	defer t.Decref(fn)
	if t.Exc != nil && !th.excReported {
		th.excReported = true
		m.reportException(th)
	}
	exc, err := t.Restart(fn)
	th.mainExc = exc
	if err != nil || t.Done {
		t.Exc, th.mainExc = th.mainExc, nil
		return false
	}
	return true
}
