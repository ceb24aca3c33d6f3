// This file defines the lock mechanisms of the other runtimes: no GIL at all (threads
// in parallel), PyPy's GIL (rpython/translator/c/src/thread_gil.c) and CRuby 3.3's GVL
// (thread_pthread.c). Like gil.go, each is the mechanism, not its averages.

package machine

import "github.com/gilscope/gilscope/vm/trace"

// PyPy: a waiter that finds the GIL taken becomes the "stealer" (one at a time) and
// polls it with a timed wait of this period; releasing around an external call is a
// plain store that signals nobody.
const pypyStealerPoll = 100 * us

// CRuby 3.3: a timer thread ticks at this period while threads wait for the GVL,
// charging the owner; at the quantum it sets the owner's interrupt flag.
const rubyTimerTick = 10 * ms

// ---- no GIL ----

// noGIL lets every thread run bytecode at once. Its check points serve the other
// work a free-threaded interpreter does there: merging queued refcounts and stopping
// for the garbage collector.
type noGIL struct{ m *Machine }

func (g *noGIL) take(th *thread) {
	g.m.setState(th, StateRunning, "", th.clock)
	g.m.firstGIL(th)
}

func (g *noGIL) release(th *thread, reason string) {}

func (g *noGIL) state() *gilState { return nil }

func (g *noGIL) checkpoint(th *thread) {
	th.breaker = 0
	g.m.safepoint(th)
}

// ---- PyPy ----

type pypyGIL struct {
	gilState
	yieldTicks int
	stealer    *thread   // the waiter polling the GIL
	waiters    []*thread // waiting to become the stealer
}

func (g *pypyGIL) take(th *thread) {
	if !g.locked {
		g.acquire(th)
		return
	}
	g.wait(th)
}

func (g *pypyGIL) acquire(th *thread) {
	th.py.Ticks = g.yieldTicks
	g.taken(th, 0)
}

// wait blocks th: as the stealer, polling; otherwise behind it.
func (g *pypyGIL) wait(th *thread) {
	g.m.block(th, StateWaitGIL, "gil", 0)
	if g.stealer != nil {
		g.waiters = append(g.waiters, th)
		return
	}
	g.stealer = th
	g.poll(th)
}

// poll arms the stealer's timed wait.
func (g *pypyGIL) poll(th *thread) {
	m := g.m
	th.timer = m.after(th.clock+pypyStealerPoll*1000, func() {
		th.timer = nil
		m.wake(th, m.now, func() { g.steal(th) })
	})
}

// steal runs when the stealer wakes: it takes a free GIL and passes the stealer's
// role on, or goes back to polling.
func (g *pypyGIL) steal(th *thread) {
	m := g.m
	if g.locked {
		m.emit(trace.FutileWakeup{GIL: th.proc.gilNumber()}.At(eventTime(th.clock), th.id, coreOf(th)))
		m.block(th, StateWaitGIL, "gil", 0)
		g.poll(th)
		return
	}
	g.stealer = nil
	if len(g.waiters) > 0 {
		w := g.waiters[0]
		g.waiters = g.waiters[1:]
		g.stealer = w
		w.blockedSince = max(w.blockedSince, th.clock)
		w.clock = max(w.clock, th.clock)
		g.poll(w)
	}
	g.acquire(th)
}

// release is the store that frees the GIL. Only a yield signals the stealer; a release
// around an external call leaves it to notice at its next poll.
func (g *pypyGIL) release(th *thread, reason string) {
	m := g.m
	g.dropped(th, reason)
	// The signal only matters while the stealer sleeps in its timed wait.
	if s := g.stealer; reason == "forced" && s != nil && s.timer != nil {
		m.charge(th, futexWakeCost*1000)
		m.wake(s, th.clock, func() { g.steal(s) })
	}
}

// checkpoint is the end of a yield period: with someone waiting, the holder releases,
// signals the stealer and queues behind it.
func (g *pypyGIL) checkpoint(th *thread) {
	th.py.Ticks = g.yieldTicks
	if !th.hasGIL || g.stealer == nil {
		return
	}
	g.m.emit(trace.ForcedSwitch{GIL: th.proc.gilNumber()}.At(eventTime(th.clock), th.id, coreOf(th),
		th.py.Line(), th.py.PC()))
	g.release(th, "forced")
	g.wait(th)
}

// ---- Ruby's GVL ----

type rubyGVL struct {
	gilState
	queue    []*thread // FIFO of waiters
	reserved *thread   // the waiter the GVL was handed to, not yet running
	quantum  int64     // ps
	charged  int64     // ps of the quantum the timer has charged to the owner
	tick     *timer
}

func (g *rubyGVL) take(th *thread) {
	if g.reserved == th || (!g.locked && g.reserved == nil) {
		g.reserved = nil
		g.charged = 0
		th.breaker = 0
		g.taken(th, 0)
		g.armTimer(th.clock)
		return
	}
	g.m.block(th, StateWaitGIL, "gvl", 0)
	g.queue = append(g.queue, th)
	g.armTimer(th.clock)
}

// armTimer starts the timer thread while anyone waits.
func (g *rubyGVL) armTimer(at int64) {
	if g.tick != nil || len(g.queue) == 0 {
		return
	}
	m := g.m
	g.tick = m.after(at+rubyTimerTick*1000, func() {
		g.tick = nil
		if g.holder != nil && len(g.queue) > 0 {
			g.charged += rubyTimerTick * 1000
			if g.charged >= g.quantum {
				g.holder.breaker = 1 // RUBY_VM_SET_TIMER_INTERRUPT
			}
		}
		g.armTimer(m.now)
	})
}

// release hands the GVL straight to the first waiter.
func (g *rubyGVL) release(th *thread, reason string) {
	m := g.m
	g.dropped(th, reason)
	if len(g.queue) == 0 {
		return
	}
	w := g.queue[0]
	g.queue = g.queue[1:]
	g.reserved = w
	m.charge(th, futexWakeCost*1000)
	m.wake(w, th.clock, func() { g.take(w) })
}

// checkpoint is the timer interrupt: the owner yields to the first waiter and queues
// behind everyone else.
func (g *rubyGVL) checkpoint(th *thread) {
	th.breaker = 0
	if !th.hasGIL || len(g.queue) == 0 {
		return
	}
	g.m.emit(trace.ForcedSwitch{GIL: th.proc.gilNumber()}.At(eventTime(th.clock), th.id, coreOf(th),
		th.py.Line(), th.py.PC()))
	g.release(th, "forced")
	g.take(th)
}

// collect is a stop-the-world collection of a tracing garbage collector: every thread
// on a core stops for the pause.
func (m *Machine) collect(th *thread) {
	th.proc.lastGC = th.proc.in.Allocations()
	pause := m.model.GCPause * 1000
	m.emit(trace.GCPause{Pause: trace.Duration(m.model.GCPause)}.At(eventTime(th.clock), th.id, coreOf(th)))
	for _, c := range m.cores {
		if o := c.th; o != nil {
			o.clock = max(o.clock, th.clock) + pause
		}
	}
}
