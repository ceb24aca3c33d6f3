// This file defines the machine's view of reference counts: the objects a program
// shares through its module globals are traced, and every change of their count, and
// their freeing, becomes an event.

package machine

import "github.com/gilscope/gilscope/vm/py"

// maxRefEvents bounds the refcount events one run records; beyond it they are counted
// but not kept (the timeline shows counts, which the remaining events still carry).
const maxRefEvents = 200_000

// refHook implements py.RefHook for a machine.
type refHook struct{ m *Machine }

func (h refHook) event(t *py.Thread, v py.Value, kind Kind, delta int64) {
	m := h.m
	th := m.cur
	if t.Data != nil {
		th = threadOf(t)
	}
	if th == nil {
		return
	}
	if kind == EvRef {
		if m.refEvents >= maxRefEvents {
			m.refDropped++
			return
		}
		m.refEvents++
	}
	m.emit(Event{T: m.clockNow(th) / 1000, Kind: kind, Thread: th.id, Core: coreOf(th),
		Obj: py.HeaderOf(v).ID, Value: delta, Count: py.HeaderOf(v).Ref, Text: v.Type().Name})
}

// Alloc is called when an object starts being traced.
func (h refHook) Alloc(t *py.Thread, v py.Value) { h.event(t, v, EvAlloc, 0) }

// Ref is called after a traced object's count changed.
func (h refHook) Ref(t *py.Thread, v py.Value, delta int) { h.event(t, v, EvRef, int64(delta)) }

// Free is called when a traced object is freed.
func (h refHook) Free(t *py.Thread, v py.Value) { h.event(t, v, EvFree, 0) }
