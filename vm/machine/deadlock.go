// This file explains a deadlock: when every live thread is blocked and nothing can
// wake them, it builds the wait-for graph (a thread waits for a lock, held by a
// thread; or for a thread to finish) and names its cycle, where a real program would
// simply hang.

package machine

import (
	"fmt"
	"github.com/gilscope/gilscope/vm/trace"
	"strings"

	"github.com/gilscope/gilscope/vm/py"
)

// waitEdge is what a blocked thread waits for: a lock (and its holder) or a thread.
type waitEdge struct {
	lock *lockObj
	next *thread // the holder of lock, or the thread being joined; nil if none
}

// waitsFor returns th's edge in the wait-for graph, if it has one.
func (m *Machine) waitsFor(th *thread) (waitEdge, bool) {
	if th.finished || th.state != StateBlocked {
		return waitEdge{}, false
	}
	switch th.reason {
	case "lock":
		if l := m.locks[th.waitObj]; l != nil {
			return waitEdge{lock: l, next: l.owner}, true
		}
	case "join":
		if id := int(th.waitObj); id >= 1 && id <= len(m.threads) {
			return waitEdge{next: m.threads[id-1]}, true
		}
	}
	return waitEdge{}, false
}

// deadlockCycle finds a cycle in the wait-for graph: the threads on it, in order.
func (m *Machine) deadlockCycle() []*thread {
	for _, start := range m.threads {
		seen := map[*thread]int{}
		var path []*thread
		for th := start; th != nil; {
			if i, ok := seen[th]; ok {
				return path[i:]
			}
			seen[th] = len(path)
			path = append(path, th)
			e, ok := m.waitsFor(th)
			if !ok {
				break
			}
			th = e.next
		}
	}
	return nil
}

// lockNames names the locks held in __main__'s globals by their variable names.
func (m *Machine) lockNames() map[*lockObj]string {
	names := map[*lockObj]string{}
	m.procs[0].in.MainGlobals(func(name string, v py.Value) {
		if l, ok := v.(*lockObj); ok {
			if _, dup := names[l]; !dup {
				names[l] = name
			}
		}
	})
	return names
}

func (m *Machine) describeLock(l *lockObj, names map[*lockObj]string) string {
	if n, ok := names[l]; ok {
		return fmt.Sprintf("lock %s (#%d)", n, l.id)
	}
	return fmt.Sprintf("lock #%d", l.id)
}

// cycleEdges returns the cycle as the deadlock event carries it: one edge per
// thread, to the lock it waits for and the thread holding it.
func (m *Machine) cycleEdges(cycle []*thread) []trace.Edge {
	names := m.lockNames()
	edges := make([]trace.Edge, 0, len(cycle))
	for _, th := range cycle {
		e, _ := m.waitsFor(th)
		edge := trace.Edge{Thread: th.id}
		if e.next != nil {
			edge.Holder = e.next.id
		}
		if e.lock != nil {
			edge.Lock, edge.Label = e.lock.id, names[e.lock]
		}
		edges = append(edges, edge)
	}
	return edges
}

// describeCycle writes the cycle as thread → lock → thread …, back to its start.
func (m *Machine) describeCycle(cycle []*thread) string {
	names := m.lockNames()
	var b strings.Builder
	for _, th := range cycle {
		e, _ := m.waitsFor(th)
		b.WriteString(th.name)
		switch {
		case e.lock != nil && e.next == th:
			fmt.Fprintf(&b, " → %s, which only it could release (a Condition nobody notifies, a queue nobody feeds) → ", m.describeLock(e.lock, names))
		case e.lock != nil:
			fmt.Fprintf(&b, " → %s, held by ", m.describeLock(e.lock, names))
		default:
			b.WriteString(" → joins ")
		}
	}
	b.WriteString(cycle[0].name)
	return b.String()
}

// reportDeadlock records the deadlock event and explains it on stderr.
func (m *Machine) reportDeadlock() {
	var b strings.Builder
	b.WriteString("gilscope: deadlock: every live thread is blocked and nothing can wake them\n")
	text := ""
	var edges []trace.Edge
	if cycle := m.deadlockCycle(); cycle != nil {
		text = m.describeCycle(cycle)
		edges = m.cycleEdges(cycle)
		fmt.Fprintf(&b, "  cycle: %s\n", text)
	}
	var waits []string
	for _, th := range m.threads {
		if th.finished {
			continue
		}
		w := fmt.Sprintf("%s waits for %s", th.name, th.reason)
		if e, ok := m.waitsFor(th); ok && e.lock != nil {
			w = fmt.Sprintf("%s waits for %s", th.name, m.describeLock(e.lock, m.lockNames()))
		} else if ok && e.next != nil {
			w = fmt.Sprintf("%s waits to join %s", th.name, e.next.name)
		} else if th.waitObj != 0 {
			w += fmt.Sprintf(" #%d", th.waitObj)
		}
		if line := m.userLine(th); line > 0 {
			w += fmt.Sprintf(" at line %d", line)
		}
		waits = append(waits, w)
		fmt.Fprintf(&b, "  %s\n", w)
	}
	if text == "" {
		text = strings.Join(waits, "; ")
	}
	m.emit(trace.Deadlock{Cycle: edges, Note: clipText(text)}.At(eventTime(m.now), 0, -1))
	m.report(b.String())
}

// userLine is the line of the program (not of a library module) th is at.
func (m *Machine) userLine(th *thread) int32 {
	for f := th.py.Frame(); f != nil; f = f.Parent() {
		if _, ok := m.codeIDs[f.Code()]; ok {
			return f.Line()
		}
	}
	return 0
}
