// This file defines the GIL mechanisms: CPython 3.2+'s new GIL (Python/ceval_gil.c)
// and 2.7's old GIL (a semaphore, Python/ceval.c and thread_pthread.h). Each is the
// mechanism itself — timed waits, drop requests, hand-offs, futile wake-ups — not a
// shortcut that reproduces its averages.

package machine

import "github.com/gilscope/gilscope/vm/trace"

// gilImpl is a GIL mechanism. take and checkpoint run with the thread on a core at its
// clock.
type gilImpl interface {
	// take acquires the GIL for th, or blocks th until it can; when th holds it, its
	// bytecode continues.
	take(th *thread)
	// release drops the GIL th holds (a blocking call, C code, thread exit).
	release(th *thread, reason string)
	// checkpoint handles th stopping at a check point (a drop request or, for the old
	// GIL, the end of a check interval).
	checkpoint(th *thread)
	// state is what the mechanism keeps of who holds it (nil: there is no GIL).
	state() *gilState
}

// gilState is what both mechanisms keep: whether the GIL is taken, by whom, since when
// it is free.
type gilState struct {
	m      *Machine
	locked bool
	holder *thread
	freeAt int64 // when it was last released
	// breaker is the eval breaker of the GIL's interpreter (the new GIL's drop request).
	breaker int32
}

func (g *gilState) state() *gilState { return g }

// taken records that th holds the GIL (value: the switch number, if the mechanism has one).
func (g *gilState) taken(th *thread, value int64) {
	m := g.m
	th.clock = max(th.clock, g.freeAt)
	g.locked = true
	g.holder = th
	th.hasGIL = true
	m.emit(trace.GILAcquire{GIL: th.proc.gilNumber(), Switch: value}.At(eventTime(th.clock), th.id, int16(th.core.id)))
	m.setState(th, StateRunningGIL, "", th.clock)
	m.firstGIL(th)
}

// dropped records that th released the GIL.
func (g *gilState) dropped(th *thread, reason string) {
	m := g.m
	g.freeAt = th.clock
	g.locked = false
	g.holder = nil
	th.hasGIL = false
	m.emit(trace.GILRelease{GIL: th.proc.gilNumber(), Cause: reason}.At(eventTime(th.clock), th.id, coreOf(th)))
	if th.core != nil {
		m.setState(th, StateRunning, "", th.clock)
	}
}

// pickWaiter removes and returns one of ws: which waiter a signal wakes is the OS's
// choice, drawn from the seeded generator.
func (m *Machine) pickWaiter(ws *[]*thread) *thread {
	i := m.rng.IntN(len(*ws))
	w := (*ws)[i]
	*ws = append((*ws)[:i], (*ws)[i+1:]...)
	return w
}

// ---- the new GIL ----

type newGIL struct {
	gilState
	lastHolder   *thread
	switchNumber int64
	dropRequest  bool
	interval     int64 // ps
	waiters      []*thread
	switchWait   []*thread // forced droppers waiting for someone to take it
}

func (g *newGIL) take(th *thread) {
	switch {
	case !g.locked && th.clock >= g.freeAt:
		g.acquire(th)
	case !g.locked:
		// Released later than th's time by a holder that ran ahead in simulated time:
		// at th's time the GIL was held, so th went to sleep on the GIL's condition and
		// that release's COND_SIGNAL wakes it. Woken, it must find the GIL still free: a
		// thread coming back from a short blocking call (a send, a recv of data already
		// there) is already running and takes it first. This race, not a constant, is
		// why an I/O thread beside a CPU-bound one gets the GIL back without waiting
		// out the interval most of the time.
		g.m.block(th, StateWaitGIL, "gil", 0)
		g.m.wake(th, g.freeAt, func() { g.take(th) })
	default:
		g.wait(th)
	}
}

// wait blocks th on the GIL's condition with a timeout of one interval.
func (g *newGIL) wait(th *thread) {
	m := g.m
	th.savedSwitch = g.switchNumber
	m.block(th, StateWaitGIL, "gil", 0)
	g.waiters = append(g.waiters, th)
	th.timer = m.after(th.clock+g.interval, func() { g.timeout(th) })
}

// timeout runs when th's timed wait expires: the OS wakes it, and once it runs it asks
// the holder to drop the GIL if nobody switched during the whole interval.
func (g *newGIL) timeout(th *thread) {
	m := g.m
	th.timer = nil
	g.removeWaiter(th)
	m.wake(th, m.now, func() {
		if g.locked && g.switchNumber == th.savedSwitch && !g.dropRequest {
			g.dropRequest = true
			g.breaker = 1
			holder := int32(0)
			if g.holder != nil {
				holder = g.holder.id
			}
			m.emit(trace.DropRequest{GIL: th.proc.gilNumber(), Holder: holder}.At(eventTime(th.clock), th.id, int16(th.core.id)))
		}
		g.take(th)
	})
}

func (g *newGIL) removeWaiter(th *thread) { g.waiters = without(g.waiters, th) }

func (g *newGIL) acquire(th *thread) {
	m := g.m
	th.clock = max(th.clock, g.freeAt)
	if g.lastHolder != th {
		g.lastHolder = th
		g.switchNumber++
	}
	// COND_SIGNAL(switch_cond): a forced dropper waiting for the hand-off may go on.
	for _, w := range g.switchWait {
		m.wake(w, th.clock, func() { g.take(w) })
	}
	g.switchWait = nil
	if g.dropRequest {
		g.dropRequest = false
		g.breaker = 0
	}
	g.taken(th, g.switchNumber)
}

func (g *newGIL) release(th *thread, reason string) {
	m := g.m
	g.dropped(th, reason)
	if len(g.waiters) > 0 {
		// COND_SIGNAL wakes one waiter.
		w := m.pickWaiter(&g.waiters)
		m.charge(th, futexWakeCost*1000)
		m.wake(w, th.clock, func() { g.take(w) })
	}
}

func (g *newGIL) checkpoint(th *thread) {
	m := g.m
	if !g.dropRequest || !th.hasGIL {
		return
	}
	f := th.py.Frame()
	var line, pc int32
	if f != nil {
		line, pc = f.Code().Pos[f.PC()].Line, int32(f.PC())
	}
	m.emit(trace.ForcedSwitch{GIL: th.proc.gilNumber()}.At(eventTime(th.clock), th.id, coreOf(th), line, pc))
	g.release(th, "forced")
	// drop_gil: with a drop request pending, wait until another thread has taken the
	// GIL (if nobody has yet), then compete for it again.
	g.dropRequest = false
	g.breaker = 0
	if g.lastHolder == th {
		m.block(th, StateWaitGIL, "handoff", 0)
		g.switchWait = append(g.switchWait, th)
		return
	}
	g.take(th)
}

// ---- the old GIL ----

// oldGIL is a POSIX semaphore (2.7 on Linux: USE_SEMAPHORES). A thread in sem_wait counts
// as a waiter from the moment it sleeps until it returns — also while it is woken but
// not yet running — and every sem_post made while there is a waiter enters the kernel
// (futex_wake), whether or not it wakes anyone.
type oldGIL struct {
	gilState
	waiters       []*thread // asleep in sem_wait
	pending       int       // woken, not yet back in sem_wait
	checkInterval int
}

func (g *oldGIL) take(th *thread) {
	m := g.m
	switch {
	case !g.locked && th.clock >= g.freeAt:
		g.acquire(th)
	case !g.locked:
		// Released later than th's time by a holder that ran ahead in simulated time:
		// at th's time the semaphore was still held, so th sleeps in sem_wait and that
		// release's sem_post wakes it; it must then win the race for the semaphore
		// like any woken waiter.
		m.block(th, StateWaitGIL, "gil", 0)
		g.pending++
		m.wake(th, g.freeAt, func() { g.woken(th) })
	default:
		m.block(th, StateWaitGIL, "gil", 0)
		g.waiters = append(g.waiters, th)
	}
}

func (g *oldGIL) acquire(th *thread) {
	// Python/ceval.c 2.7: `if (--_Py_Ticker < 0)` after a reset to _Py_CheckInterval:
	// the check comes every interval+1 counted instructions, which is why its position
	// in a loop drifts.
	th.py.Ticks = g.checkInterval + 1
	g.taken(th, 0)
}

func (g *oldGIL) release(th *thread, reason string) {
	m := g.m
	g.dropped(th, reason)
	if len(g.waiters)+g.pending == 0 {
		return
	}
	if len(g.waiters) == 0 {
		m.charge(th, futexSyscallCost*1000)
		return
	}
	// sem_post wakes one sleeper, who must still win the race for the semaphore.
	w := m.pickWaiter(&g.waiters)
	g.pending++
	m.charge(th, futexWakeCost*1000)
	m.wake(w, g.freeAt, func() { g.woken(w) })
}

// woken runs when a thread woken from sem_wait is on a core: it tries again, and its
// wake-up was futile if the semaphore was held at its time (taken again, or released
// only later by a holder that ran ahead).
func (g *oldGIL) woken(w *thread) {
	g.pending--
	if g.locked || w.clock < g.freeAt {
		g.m.emit(trace.FutileWakeup{GIL: w.proc.gilNumber()}.At(eventTime(w.clock), w.id, coreOf(w)))
	}
	g.take(w)
}

// checkpoint is the end of a check interval: release, then acquire again once the
// release's system call returns. Until then the semaphore is free, and a woken waiter
// that runs in that window takes it; otherwise the holder wins again.
func (g *oldGIL) checkpoint(th *thread) {
	if !th.hasGIL {
		return
	}
	g.release(th, "interval")
	th.next = func() { g.take(th) }
}

func coreOf(th *thread) int16 {
	if th.core == nil {
		return -1
	}
	return int16(th.core.id)
}

// firstGIL runs the actions waiting for th's first acquisition (Thread.start()
// returns once the new thread is running).
func (m *Machine) firstGIL(th *thread) {
	if th.gotGIL {
		return
	}
	th.gotGIL = true
	if f := th.onFirstGIL; f != nil {
		th.onFirstGIL = nil
		f()
	}
}
