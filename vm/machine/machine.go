// Package machine is gilscope's simulated machine: cores, an OS scheduler and the GIL
// as CPython implements it, running the threads of one Python interpreter in simulated
// time.
//
// It is a discrete-event simulation in integer picoseconds (events are reported in
// nanoseconds). The thread on a core with the smallest clock runs next, never past the
// next timer or more than a quantum past another running thread, so threads on
// different cores interleave by time. Every random choice comes from one generator
// seeded by the run's seed: a run is a pure function of (program, model, parameters,
// seed).
package machine

import (
	"container/heap"
	"context"
	"fmt"
	"github.com/gilscope/gilscope/vm/trace"
	"io"
	"math"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/gilscope/gilscope/vm/compile"
	"github.com/gilscope/gilscope/vm/py"
)

// Machine is one simulation run. It is not safe for concurrent use.
type Machine struct {
	files map[string][]byte // the run's file system (fs.go), by absolute path
	dirs  map[string]bool   // the directories the program made (fs.go)
	// mtimes are the times the files and directories were last modified, in ns
	// since the Unix epoch of time.time() (fs.go).
	mtimes map[string]int64
	modes  map[string]int64 // permission bits set by chmod or at creation (fs.go)
	// kids are, for each directory, its children's names, each with how many files
	// and made directories lie at or under it (fs.go).
	kids  map[string]map[string]int
	stdin string // what input() has not read yet (Options.Stdin)
	model *Model
	rng   *rand.Rand
	// urandom is os.urandom's stream (uuid4, secrets): seeded by the run's seed, apart
	// from rng so that drawing bytes changes no scheduling choice.
	urandom  *rand.Rand
	now      int64 // ps
	maxTime  int64 // ps
	threads  []*thread
	cores    []*core
	runq     []*thread
	timers   timerHeap
	seq      uint64
	procs    []*process
	costs    py.Costs
	readCost int64 // ps of CPU a clock read costs
	slice    int64 // ps
	wakeMean int64 // ps
	blk      blockingCosts
	net      *network  // the loopback network (netsock.go), once a socket binds
	pc       procCosts // processes and pickling (mp.go)
	record   bool
	events   []Event
	// made counts the events made, instructions not included; a run making more
	// than maxEvents (if positive) is stopped (Options.MaxEvents).
	made      int
	maxEvents int
	ended     bool
	exitCode  int
	endWhy    string
	main      *thread
	objIDs    uint64
	cur       *thread // the thread whose bytecode is running
	acting    *thread // the thread whose step is being carried out
	curBase   int64   // its py Cost when the current Run began
	out       io.Writer
	errw      io.Writer
	outBytes  int
	outCut    bool

	refEvents  int
	refDropped int

	ctx         context.Context
	sink        func([]Event, trace.Time) error
	lend        bool       // sink is lent its batches (Options.LendEvents)
	lastFlushed trace.Time // the time of the last event handed out
	flushedTo   trace.Time // every event before it has been handed out
	lastSink    time.Time
	maxMemory   int64 // bytes; 0: py.DefaultMaxMemory
	polls       int
	pollAt      int   // poll when this many events are pending (flushEvents more than after the last poll)
	pollTime    int64 // poll when simulated time reaches this (ps): pollSpan after the last poll
	closed      bool  // the end event is out: nothing follows it
	interval    int64 // ps: the switch interval a new GIL starts with
	prog        *compile.Program
	forkserver  bool         // the forkserver is running
	mainExiting bool         // the main process waits for its children to exit
	imports     importPricer // what a process's first import of a module costs
	quantum     int64        // ps

	locks    map[uint64]*lockObj  // every _thread lock by id
	objs     map[uint64]*objState // traced objects by id
	objOrder []uint64
	merging  bool // a merge's own decref is not a program update

	codeIDs            map[*compile.Funcode]int32
	instrFrom, instrTo int64 // ps: the window of instr events
}

// thread is a simulated OS thread running one Python thread.
type thread struct {
	id       int32
	name     string
	py       *py.Thread
	state    ThreadState
	reason   string
	waitObj  uint64
	core     *core
	clock    int64 // ps; the thread's own time while on a core
	vruntime int64 // CPU time consumed, as CFS counts it
	slice0   int64 // when its current slice began
	hasGIL   bool
	proc     *process
	target   *py.Pickled // what a subinterpreter thread runs
	breaker  int32       // this thread's eval breaker (models without a shared one)
	// mergeQueue: biased counting — objects whose shared count went negative, for this
	// thread (their owner) to merge at its next check point.
	mergeQueue []*objState
	daemon     bool
	finished   bool

	// next, if set, runs when the thread is next on a core, instead of bytecode.
	next func()
	// busy is CPU work (C code) left before next runs.
	busy int64

	timer       *timer
	savedSwitch int64
	joiners     []*thread
	onFirstGIL  func()
	gotGIL      bool
	excReported bool
	// exitHooks: the main thread has gone on to run threading's exit handlers;
	// mainExc is the exception its program ended with, restored after them.
	exitHooks    bool
	mainExc      *py.Instance
	blockedSince int64
	stateAt      int64 // ps; when its state last changed (setState)
	cpuTime      int64
}

type core struct {
	id     int
	th     *thread
	freeAt int64 // ps: when its last thread left it
}

// ---- timers ----

type timer struct {
	at   int64
	seq  uint64
	fn   func()
	dead bool
	idx  int
}

type timerHeap []*timer

func (h timerHeap) Len() int { return len(h) }
func (h timerHeap) Less(i, j int) bool {
	if h[i].at != h[j].at {
		return h[i].at < h[j].at
	}
	return h[i].seq < h[j].seq
}
func (h timerHeap) Swap(i, j int)   { h[i], h[j] = h[j], h[i]; h[i].idx = i; h[j].idx = j }
func (h *timerHeap) Push(x any)     { t := x.(*timer); t.idx = len(*h); *h = append(*h, t) }
func (h *timerHeap) Pop() any       { old := *h; t := old[len(old)-1]; *h = old[:len(old)-1]; return t }
func (h timerHeap) peek() *timer    { return h[0] }
func (m *Machine) nextTimer() int64 { m.dropDeadTimers(); return m.timerAt() }

func (m *Machine) timerAt() int64 {
	if len(m.timers) == 0 {
		return math.MaxInt64
	}
	return m.timers.peek().at
}

func (m *Machine) dropDeadTimers() {
	for len(m.timers) > 0 && m.timers.peek().dead {
		heap.Pop(&m.timers)
	}
}

// after runs fn at simulated time at.
func (m *Machine) after(at int64, fn func()) *timer {
	m.seq++
	t := &timer{at: at, seq: m.seq, fn: fn}
	heap.Push(&m.timers, t)
	return t
}

func (t *timer) cancel() {
	if t != nil {
		t.dead = true
	}
}

// ---- events ----

// emit records an event; events of a thread carry the line and instruction it is at.
func (m *Machine) emit(e Event) {
	if !m.record || m.closed {
		return
	}
	if e.Thread > 0 && e.Line == 0 && int(e.Thread) <= len(m.threads) {
		if pt := m.threads[e.Thread-1].py; pt != nil {
			e.Line, e.PC, e.Code = pt.Line(), pt.PC(), m.codeIDs[pt.Code()]
		}
	}
	if e.Kind != EvInstr {
		m.made++
	}
	m.events = append(m.events, e)
}

// overEvents reports whether the run has made more events than it may.
func (m *Machine) overEvents() bool { return m.maxEvents > 0 && m.made > m.maxEvents }

func (m *Machine) setState(th *thread, s ThreadState, reason string, at int64) {
	if th.state == s && th.reason == reason {
		return
	}
	th.state, th.reason = s, reason
	th.stateAt = at
	coreID := int16(-1)
	if (s == StateRunning || s == StateRunningGIL) && th.core != nil {
		coreID = int16(th.core.id)
	}
	p := trace.StateChange{State: s, Wait: reason, Obj: th.waitObj}
	if reason == "join" || reason == "start" {
		p.Target, p.Obj = int32(th.waitObj), 0
	}
	m.emit(p.At(eventTime(at), th.id, coreID))
}

// ---- the loop ----

// quantum bounds how far a thread runs ahead of another running thread, so that
// threads on different cores interleave by time.
const quantum = 1 * us * 1000 // 1 µs in ps

// parallelQuantum is the quantum of models without a GIL: about two simple
// instructions, so that threads truly running at once interleave instruction by
// instruction (a read-modify-write of a shared variable can be split).
const parallelQuantum = 10 * 1000 // 10 ns in ps

// maxStep bounds one step of a thread running alone.
const maxStep = 100 * quantum

func (m *Machine) loop() {
	for !m.ended {
		if m.polls++; m.polls >= flushEvery || len(m.events) >= m.pollAt || m.now >= m.pollTime {
			m.polls = 0
			if m.poll(); m.ended {
				return
			}
		}
		th, other := m.earliestRunning()
		tNext := m.nextTimer()
		if m.overEvents() {
			// Every thread has got as far as the earliest on a core, and the
			// next timer: the run ends there, as at MaxTime.
			at := m.now
			if th != nil && th.clock < tNext {
				at = max(at, th.clock)
			} else if tNext != math.MaxInt64 {
				at = max(at, tNext)
			}
			m.end("max-events", 1, at)
			return
		}
		if th != nil && th.clock < tNext {
			if th.clock >= m.maxTime {
				m.end("max-time", 1, th.clock)
				return
			}
			if th.clock > m.now {
				m.now = th.clock
			}
			// A step never runs far past th's clock, so that the loop looks at its
			// context and stream often even when one thread runs alone.
			until := min(tNext, m.maxTime, th.clock+maxStep)
			if other != math.MaxInt64 {
				until = min(until, max(other, th.clock)+m.quantum)
			}
			if len(m.runq) > 0 {
				until = min(until, th.slice0+m.slice)
			}
			m.step(th, until)
			continue
		}
		if tNext == math.MaxInt64 {
			m.stalled()
			return
		}
		if tNext >= m.maxTime {
			m.end("max-time", 1, m.maxTime)
			return
		}
		t := heap.Pop(&m.timers).(*timer)
		if t.at > m.now {
			m.now = t.at
		}
		t.fn()
	}
}

// earliestRunning returns the thread on a core with the smallest clock, and the
// smallest clock among the other threads on cores.
func (m *Machine) earliestRunning() (*thread, int64) {
	var best *thread
	second := int64(math.MaxInt64)
	for _, c := range m.cores {
		th := c.th
		if th == nil {
			continue
		}
		if best == nil || th.clock < best.clock {
			if best != nil {
				second = min(second, best.clock)
			}
			best = th
		} else {
			second = min(second, th.clock)
		}
	}
	return best, second
}

// step runs th (on a core) until at most until.
func (m *Machine) step(th *thread, until int64) {
	m.acting = th
	defer func() { m.acting = nil }()
	if th.busy > 0 {
		d := min(th.busy, max(until-th.clock, 1))
		th.clock += d
		th.vruntime += d
		th.cpuTime += d
		th.busy -= d
		m.checkSlice(th)
		return
	}
	if th.next != nil {
		if th.hasGIL {
			m.setState(th, StateRunningGIL, "", th.clock)
		} else {
			m.setState(th, StateRunning, "", th.clock)
		}
		f := th.next
		th.next = nil
		f()
		return
	}
	m.runBytecode(th, until)
}

func (m *Machine) runBytecode(th *thread, until int64) {
	if th.hasGIL {
		m.setState(th, StateRunningGIL, "", th.clock)
	} else {
		m.setState(th, StateRunning, "", th.clock)
	}
	t := th.py
	before := t.Cost
	budget := before + max(until-th.clock, 1)
	m.cur, m.curBase = th, before
	t.CheckMemory()
	var stop py.Stop
	if th.clock < m.instrTo && until > m.instrFrom {
		stop = m.traceInstructions(th, before, budget)
	} else {
		stop = t.Run(budget)
	}
	m.cur = nil
	if m.ended {
		return // the process crashed
	}
	d := t.Cost - before
	th.clock += d
	th.vruntime += d
	th.cpuTime += d
	if m.model.GCEvery > 0 && th.proc.in.Allocations()-th.proc.lastGC >= uint64(m.model.GCEvery) {
		m.collect(th)
	}
	switch stop {
	case py.StopCheckpoint:
		th.proc.gil.checkpoint(th)
	case py.StopBlocked:
		sc := t.Pending
		m.syscall(th, sc)
	case py.StopDone:
		if !m.runExitHooks(th) {
			m.threadExit(th)
			return
		}
	}
	m.checkSlice(th)
}

// traceInstructions runs th as t.Run(budget) would, one instruction at a time, with
// an instr event before each that falls in the window. Stopping on a budget and
// resuming is invisible to the program, so a traced run is the untraced one.
func (m *Machine) traceInstructions(th *thread, before, budget int64) py.Stop {
	t := th.py
	for {
		at := th.clock + t.Cost - before
		if pc := t.NextPC(); pc >= 0 && at >= m.instrFrom && at < m.instrTo {
			code := t.Code()
			m.emit(trace.InstrAt(eventTime(at), th.id, coreOf(th), code.Pos[pc].Line, pc, m.codeIDs[code]))
		}
		stop := t.Run(min(t.Cost+1, budget))
		if stop != py.StopBudget || t.Cost >= budget {
			return stop
		}
	}
}

// checkSlice preempts th when its slice is over and another thread waits for a core,
// or when a woken thread waiting for a core is far enough behind it in CPU time.
func (m *Machine) checkSlice(th *thread) {
	if th.core == nil || len(m.runq) == 0 {
		return
	}
	if th.clock < th.slice0+m.slice && (th.vruntime-m.runq[0].vruntime <= wakeupGranularity*1000 ||
		th.clock-th.slice0 < minGranularity*1000) {
		return
	}
	c := th.core
	m.leaveCore(th, StateRunnable, "preempted")
	m.runq = append(m.runq, th)
	m.dispatch(c, th.clock)
}

// ---- the OS scheduler ----

// wakeLatency draws the delay before a woken thread runs on an idle core.
func (m *Machine) wakeLatency() int64 {
	extra := float64(m.wakeMean-minWakeLatency*1000) * m.rng.ExpFloat64()
	return minWakeLatency*1000 + min(int64(extra), 4*m.wakeMean)
}

// wake makes th runnable at time at; then fn runs when it is on a core.
func (m *Machine) wake(th *thread, at int64, fn func()) {
	// A waker running slightly ahead or behind in simulated time cannot wake a thread
	// before it went to sleep.
	at = max(at, th.blockedSince)
	// Nor can it run before it is woken: a core the scheduler hands it later, free
	// since earlier (dispatch), starts it from here.
	th.clock = max(th.clock, at)
	th.next = fn
	if th.timer != nil {
		th.timer.cancel()
		th.timer = nil
	}
	th.waitObj = 0
	m.setState(th, StateRunnable, "", at)
	// CFS places a sleeper just behind the running threads.
	if v := m.minVruntime() - 3*ms*1000; th.vruntime < v {
		th.vruntime = v
	}
	// The OS puts a woken thread on an idle core, which must leave its idle state
	// first (the wake-up latency). A core whose thread left it after the wake-up time
	// (that thread ran ahead in simulated time, to its block) was not idle then: the
	// woken thread was queued behind it, as Linux queues a synchronous wake-up on the
	// waker's core, and runs after a context switch once the core is free.
	for _, c := range m.cores {
		if c.th == nil && c.freeAt < at {
			m.onCore(th, c, at+m.wakeLatency())
			return
		}
	}
	for _, c := range m.cores {
		if c.th == nil {
			m.onCore(th, c, c.freeAt+contextSwitchCost*1000)
			return
		}
	}
	// Every core is busy: preempt the thread furthest ahead in CPU time if the sleeper
	// is far enough behind it (wake-up preemption), else wait for a slice to end.
	var victim *thread
	for _, c := range m.cores {
		if c.th != m.acting && (victim == nil || c.th.vruntime > victim.vruntime) {
			victim = c.th
		}
	}
	if victim != nil && victim.vruntime-th.vruntime > wakeupGranularity*1000 && victim.busy == 0 &&
		max(at, victim.clock)-victim.slice0 >= minGranularity*1000 {
		c := victim.core
		at = max(at, victim.clock)
		m.leaveCore(victim, StateRunnable, "preempted")
		m.runq = append(m.runq, victim)
		m.onCore(th, c, at+contextSwitchCost*1000)
		return
	}
	m.runq = append(m.runq, th)
}

func (m *Machine) minVruntime() int64 {
	v := int64(math.MaxInt64)
	for _, c := range m.cores {
		if c.th != nil {
			v = min(v, c.th.vruntime)
		}
	}
	if v == math.MaxInt64 {
		return 0
	}
	return v
}

// onCore puts th on core c, running from time at.
func (m *Machine) onCore(th *thread, c *core, at int64) {
	// A core freed by a thread running ahead in simulated time is not free before then.
	at = max(at, c.freeAt)
	c.th = th
	th.core = c
	th.clock = at
	th.slice0 = at
}

// leaveCore takes th off its core at its clock, in state s.
func (m *Machine) leaveCore(th *thread, s ThreadState, reason string) {
	if th.core != nil {
		th.core.th = nil
		th.core.freeAt = th.clock
		th.core = nil
	}
	th.blockedSince = th.clock
	m.setState(th, s, reason, th.clock)
}

// dispatch gives core c, free at time at, to the next runnable thread.
func (m *Machine) dispatch(c *core, at int64) {
	if c.th != nil || len(m.runq) == 0 {
		return
	}
	if m.nextTimer() < at {
		// The core is free only at at, later than something still to happen (a
		// thread leaving a core may have run ahead, charged for its system call): the
		// scheduler decides then, among the threads woken meanwhile too.
		m.after(at, func() { m.dispatch(c, at) })
		return
	}
	// CFS runs the runnable thread that has had the least CPU (the leftmost of its
	// tree): a thread woken from a sleep runs before a CPU-bound one.
	best := 0
	for i, r := range m.runq {
		if r.vruntime < m.runq[best].vruntime {
			best = i
		}
	}
	th := m.runq[best]
	m.runq = append(m.runq[:best], m.runq[best+1:]...)
	m.onCore(th, c, max(at, th.clock)+contextSwitchCost*1000)
}

// block takes th off its core into a blocked state; the core goes to the next thread.
func (m *Machine) block(th *thread, s ThreadState, reason string, obj uint64) {
	c := th.core
	th.waitObj = obj
	m.leaveCore(th, s, reason)
	if c != nil {
		m.dispatch(c, th.clock)
	}
}

// charge adds CPU work done by th outside bytecode (syscalls, wake-ups).
func (m *Machine) charge(th *thread, d int64) {
	th.clock += d
	th.vruntime += d
	th.cpuTime += d
}

// stalled ends a run in which no thread can make progress: every thread is done,
// or the live ones are all blocked with nothing to wake them.
func (m *Machine) stalled() {
	for _, th := range m.threads {
		if !th.finished {
			// Threads block at their own clocks, which may be past the loop's.
			at := m.now
			for _, o := range m.threads {
				at = max(at, o.clock)
			}
			m.now = at
			m.reportDeadlock()
			m.end("deadlock", 1, at)
			return
		}
	}
	m.end("exit", m.exitCode, m.now)
}

func (m *Machine) end(why string, code int, at int64) {
	if m.ended {
		return
	}
	m.ended = true
	m.endWhy = why
	m.exitCode = code
	if at > m.now {
		m.now = at
	}
	switch why {
	case "max-time":
		m.report(fmt.Sprintf("gilscope: the run reached its limit of %s of simulated time and was stopped\n",
			strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.3f", float64(m.maxTime)/1e12), "0"), ".")+" s"))
	case "max-events":
		m.report(fmt.Sprintf("gilscope: the run was stopped: it made more than %d events (the limit)\n", m.maxEvents))
	}
	m.reportLeaks()
	m.emit(trace.End{Cause: why, ExitCode: int32(code)}.At(eventTime(m.now), 0, -1))
	m.closed = true
}

// dropAfterEnd removes the events of threads that ran ahead of the end of the run
// (on other cores, up to a quantum): past the end, nothing happened.
func (m *Machine) dropAfterEnd(events []Event) []Event {
	end := eventTime(m.now)
	out := events[:0]
	for _, e := range events {
		if e.T <= end {
			out = append(out, e)
		}
	}
	return out
}
