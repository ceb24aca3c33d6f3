// This file lets a caller watch a run as it is simulated: events leave the machine in
// time order, in batches, while later ones are still being made, and a context stops
// a run that has gone on too long or is no longer wanted.

package machine

import (
	"context"
	"fmt"
	"github.com/gilscope/gilscope/vm/trace"
	"slices"
	"sort"
	"time"

	"github.com/gilscope/gilscope/vm/py"
)

// streamMargin is how far behind every running thread's clock an event must be before
// it is handed out. Threads on different cores run at most a quantum apart and a
// wake-up is never dated before its waker's clock minus a quantum, so no event made
// later can be earlier than this.
const streamMargin = 4 * quantum

// flushEvery is how many loop iterations pass between two looks at the stream and the
// context. flushEvents is how many new pending events also make the loop look: a
// run that makes events densely (every refcount change of a shared list) covers
// little simulated time per iteration, and without it would hand out nothing, and
// hold every event, until it ended. pollSpan is how much simulated time also makes
// it look: a thread running alone takes steps of maxStep, and 1024 of them are
// 100 ms of simulated time, a third of a second of the host's, which a stop or the
// first events would otherwise wait for. Polling changes nothing the run does.
const (
	flushEvery  = 1024
	flushEvents = 4096
	pollSpan    = 10 * ms * 1000 // ps
)

// poll runs every flushEvery iterations of the loop, or once flushEvents more events
// are pending: it stops a cancelled run and hands out the events no later event can
// precede.
func (m *Machine) poll() {
	if m.ctx != nil {
		if err := m.ctx.Err(); err != nil {
			m.stop(context.Cause(m.ctx))
			return
		}
	}
	if m.sink != nil {
		m.flush(m.watermark())
	}
	m.pollAt = len(m.events) + flushEvents
	m.pollTime = m.now + pollSpan
}

// interrupt is every interpreter's Interrupt: a builtin doing long work (hashing a
// huge nested tuple, joining millions of strings) asks it every few thousand units
// whether the run goes on, since the loop cannot poll until the builtin returns. It
// looks at the context and, at most every millisecond of host time, calls the sink with
// nothing new, so that a caller bounding the run's CPU time there sees the time pass.
func (m *Machine) interrupt() error {
	if !m.ended && m.ctx != nil {
		if err := m.ctx.Err(); err != nil {
			m.stop(context.Cause(m.ctx))
		}
	}
	if !m.ended && m.overEvents() { // a builtin making events by the thousand (freeing a huge list)
		m.end("max-events", 1, m.now)
	}
	if !m.ended && m.sink != nil {
		if now := time.Now(); now.Sub(m.lastSink) >= time.Millisecond {
			m.lastSink = now
			if err := m.sink(nil, m.flushedTo); err != nil {
				m.stop(err)
			}
		}
	}
	if m.ended {
		return py.ErrInterrupted
	}
	return nil
}

// watermark is the time (ns) before which no new event can be dated.
func (m *Machine) watermark() trace.Time {
	w := m.now
	for _, c := range m.cores {
		if c.th != nil {
			w = min(w, c.th.clock)
		}
	}
	w = min(w, m.timerAt())
	return eventTime(w - streamMargin)
}

// flush sorts the pending events and hands those dated before upTo (ns) to the sink,
// with upTo itself: the simulation is complete up to then. A call with no events
// still tells the caller how far simulated time has got.
func (m *Machine) flush(upTo trace.Time) {
	if upTo <= m.flushedTo {
		return
	}
	m.flushedTo = upTo
	sort.SliceStable(m.events, func(i, j int) bool { return m.events[i].T < m.events[j].T })
	n := sort.Search(len(m.events), func(i int) bool { return m.events[i].T >= upTo })
	var batch []Event
	if n > 0 {
		m.lastFlushed = m.events[n-1].T
		batch = m.events[:n:n]
		if !m.lend {
			batch = slices.Clone(batch)
		}
	}
	m.lastSink = time.Now()
	err := m.sink(batch, upTo)
	if n > 0 {
		rest := copy(m.events, m.events[n:])
		clear(m.events[rest:])
		m.events = m.events[:rest]
	}
	if err != nil {
		m.stop(err)
	}
}

// stop ends the run early because its caller asked: the reason goes to stderr.
func (m *Machine) stop(why error) {
	if m.ended {
		return
	}
	m.report(fmt.Sprintf("gilscope: the run was stopped: %v\n", why))
	m.end("stopped", 1, m.now)
}

// finishStream hands out every remaining event once the run is over.
func (m *Machine) finishStream() {
	if m.sink == nil {
		return
	}
	for i := range m.events {
		// A safety net: the margin makes this impossible, and a stream must stay in order.
		m.events[i].T = max(m.events[i].T, m.lastFlushed)
	}
	m.events = m.dropAfterEnd(m.events)
	m.flushedTo = -1
	m.flush(max(eventTime(m.now), m.lastFlushed) + 1)
}
