// This file defines the machine's view of reference counts. The objects a program
// shares through its module globals are traced: every change of their count becomes
// an event, and the model decides what the change costs and whether it survives —
// plain updates from two cores at once lose one of them (nogil-unsafe), atomic and
// locked updates pay for the cache line moving between cores, biased counting splits
// the count between the owner and everyone else (3.13t/3.14t).
//
// Beside each simulated count the machine keeps the true number of references (the
// count every update would give if none were lost), so an anomaly is detected exactly
// when it happens — never invented, and never under a model that cannot have one.

package machine

import (
	"fmt"
	"sort"

	"github.com/gilscope/gilscope/vm/compile"
	"github.com/gilscope/gilscope/vm/py"
	"github.com/gilscope/gilscope/vm/trace"
)

// maxRefEvents bounds the refcount events one run records; beyond it they are counted
// but not kept (the timeline shows counts, which the remaining events still carry).
const maxRefEvents = 200_000

// Costs of sharing an object's count between cores (docs/models.md, "Without a GIL").
const (
	// cacheLineTransfer: an update of a count last written by another core must first
	// fetch the cache line from it (core-to-core latency on current x86: 40–100 ns).
	cacheLineTransfer = 50 // ns
	// atomicExtra: an uncontended atomic add over a plain one (2.3 − 0.62 ns).
	atomicExtra = 1.68 // ns
)

// refOp is one recent update of a count: when its load happened, by whom, by how much.
type refOp struct {
	t      int64 // ps
	thread int32
	delta  int8
	lost   bool
	// where the update was made: a ref_race that reports it lost shows it there
	// (its line and code id are looked up then, not on every update).
	core int16
	pc   int32
	code *compile.Funcode
}

// objState is the machine's record of a traced object.
type objState struct {
	v          py.Value
	trueRef    int64 // references that really exist
	owner      int32 // biased counting: the owning thread
	local      int64 // biased counting: the owner's count
	shared     int64 // biased counting: everyone else's
	queued     bool  // biased counting: waiting for the owner to merge
	lastCore   int16 // the core that last wrote the count, -1 for none
	recent     [8]refOp
	nrecent    int
	key        uint64 // the object's number in events: its id, and its process above bit 40
	deferredRC bool
}

// refHook implements py.RefHook for a machine.
type refHook struct{ m *Machine }

// Alloc is called when an object starts being traced: its count is right at that point.
func (h refHook) Alloc(t *py.Thread, v py.Value) {
	m := h.m
	th := m.refThread(t)
	if th == nil {
		return
	}
	hd := py.HeaderOf(v)
	st := &objState{v: v, trueRef: hd.Ref, owner: th.id, local: hd.Ref, lastCore: -1}
	switch v.(type) {
	case *py.Function, *py.Class:
		st.deferredRC = m.model.DeferredShared
	}
	st.key = objKey(th, hd.ID)
	m.objs[st.key] = st
	m.objOrder = append(m.objOrder, st.key)
	m.emit(trace.Alloc{Obj: st.key, Type: v.Type().Name, Count: hd.Ref}.At(eventTime(m.clockNow(th)), th.id, coreOf(th)))
}

// Ref is called after a traced object's count changed by delta.
func (h refHook) Ref(t *py.Thread, v py.Value, delta int) {
	m := h.m
	if m.merging {
		return
	}
	th, st := m.traced(t, v)
	if st == nil {
		return
	}
	hd := py.HeaderOf(v)
	if hd.Freed() {
		m.useAfterFree(th, v, st)
		return
	}
	st.trueRef += int64(delta)
	counter := m.countUpdate(th, v, st, int64(delta))
	if m.refEvents >= maxRefEvents {
		m.refDropped++
		return
	}
	m.refEvents++
	m.emit(trace.RefUpdate{Obj: st.key, Type: v.Type().Name, Delta: int32(delta), Count: hd.Ref,
		Diff: hd.Ref - st.trueRef, Counter: counter}.At(eventTime(m.clockNow(th)), th.id, coreOf(th)))
}

// Free is called when an object's count reached zero.
func (h refHook) Free(t *py.Thread, v py.Value) {
	m := h.m
	th, st := m.traced(t, v)
	if st == nil {
		return
	}
	// Real above 0: lost increments brought the count to zero while references
	// remain, and the memory is released under them.
	m.emit(trace.Free{Obj: st.key, Type: v.Type().Name, Real: st.trueRef}.At(eventTime(m.clockNow(th)), th.id, coreOf(th)))
}

// traced returns the thread updating v and v's record, if v is traced (nil if not).
func (m *Machine) traced(t *py.Thread, v py.Value) (*thread, *objState) {
	th := m.refThread(t)
	if th == nil {
		return nil, nil
	}
	return th, m.objs[objKey(th, py.HeaderOf(v).ID)]
}

// refThread is the machine thread behind a py thread (the running one for code that
// runs outside any thread, such as module start-up).
func (m *Machine) refThread(t *py.Thread) *thread {
	if t != nil && t.Data != nil {
		return threadOf(t)
	}
	return m.cur
}

// countUpdate applies the model to an update the interpreter has just made to v's
// count: its cost, and for plain counts without a GIL, whether it or an overlapping
// update by another core is lost. It returns the count the update went to.
func (m *Machine) countUpdate(th *thread, v py.Value, st *objState, delta int64) trace.Counter {
	if !m.model.Parallel() || st.deferred() {
		return trace.CounterPlain
	}
	now := m.clockNow(th)
	core := coreOf(th)
	contended := st.lastCore >= 0 && st.lastCore != core
	st.lastCore = core
	transfer := int64(0)
	if contended {
		transfer = cacheLineTransfer * 1000
	}
	switch m.model.Refcounts {
	case RCAtomic:
		m.chargeNow(th, transfer+int64(atomicExtra*1000))
	case RCLocked:
		// Lock and unlock: two atomic operations on the object's line.
		m.chargeNow(th, transfer+2*int64(atomicExtra*1000))
	case RCBiased:
		m.chargeNow(th, transfer)
		return m.biasedUpdate(th, v, st, delta)
	case RCPlain:
		m.chargeNow(th, transfer)
		lost := contended && m.plainRace(th, v, st, delta, now)
		op := refOp{t: now, thread: th.id, delta: int8(delta), lost: lost, core: coreOf(th)}
		if pt := th.py; pt != nil {
			op.code, op.pc = pt.Code(), pt.PC()
		}
		st.remember(op)
		if hd := py.HeaderOf(v); hd.Ref <= 0 && delta > 0 {
			// The other core's decrement stored zero: it freed the object then.
			hd.Ref = 1
			m.merging = true
			th.py.Decref(v)
			m.merging = false
		}
	}
	return trace.CounterPlain
}

// deferred reports whether the object's count is deferred (3.14t): the interpreter
// does not count the references its threads' stacks hold, so they do not fight over it.
func (st *objState) deferred() bool { return st.deferredRC }

func (st *objState) remember(op refOp) {
	st.recent[st.nrecent%len(st.recent)] = op
	st.nrecent++
}

// plainRace looks for an update by another core whose load-to-store window overlaps
// this one's: the store must wait for the cache line (cacheLineTransfer), and a load
// by another core in that window reads the old count. Whichever store comes last
// overwrites the other: that update is lost. It reports whether this update is the
// lost one.
func (m *Machine) plainRace(th *thread, v py.Value, st *objState, delta, now int64) bool {
	hd := py.HeaderOf(v)
	n := min(st.nrecent, len(st.recent))
	for i := 0; i < n; i++ {
		op := &st.recent[i]
		if op.thread == th.id || op.lost || abs64(op.t-now) >= cacheLineTransfer*1000 {
			continue
		}
		var lostThread, winner int32
		var lostDelta int64
		// The event stands where the lost update was made: this thread's current
		// instruction, or the other's remembered one.
		core, line, pc, code := coreOf(th), int32(0), int32(0), int32(0)
		if op.t <= now {
			// The other core loaded first, this one loaded before its store landed and
			// stores last: the other update is lost.
			op.lost = true
			lostThread, winner, lostDelta = op.thread, th.id, int64(op.delta)
			if core = op.core; op.code != nil {
				line, pc, code = op.code.Pos[op.pc].Line, op.pc, m.codeIDs[op.code]
			}
		} else {
			lostThread, winner, lostDelta = th.id, op.thread, delta
		}
		before := hd.Ref - delta - int64(op.delta)
		hd.Ref -= lostDelta
		e := trace.RefRace{Obj: st.key, Type: v.Type().Name, Delta: int32(lostDelta), Overwriter: winner,
			Count: hd.Ref, Diff: hd.Ref - st.trueRef, Note: fmt.Sprintf(
				"%s and %s both loaded the count of %s #%d (%d) before either stored it; %s's %+d was overwritten",
				m.threadName(op.thread), m.threadName(th.id), v.Type().Name, hd.ID, before,
				m.threadName(lostThread), lostDelta)}.At(eventTime(now), lostThread, core)
		e.Line, e.PC, e.Code = line, pc, code
		m.emit(e)
		return lostThread == th.id
	}
	return false
}

// biasedUpdate is PEP 703's biased counting: the owner updates its local count with
// plain stores; other threads update the shared count atomically. A shared count that
// goes negative queues the object for its owner, who merges the two at its next check
// point; until then the queue holds the object alive.
func (m *Machine) biasedUpdate(th *thread, v py.Value, st *objState, delta int64) trace.Counter {
	if th.id == st.owner {
		st.local += delta
		return trace.CounterLocal
	}
	m.chargeNow(th, int64(atomicExtra*1000))
	st.shared += delta
	if st.shared < 0 && !st.queued {
		st.queued = true
		py.HeaderOf(v).Ref++ // the queue's reference
		owner := m.threads[st.owner-1]
		owner.mergeQueue = append(owner.mergeQueue, st)
		owner.breaker = 1
		return trace.CounterQueued
	}
	return trace.CounterShared
}

// safepoint runs at a check point of a thread in a model without a GIL: it merges the
// objects queued for it.
func (m *Machine) safepoint(th *thread) {
	q := th.mergeQueue
	th.mergeQueue = nil
	for _, st := range q {
		m.merge(th, st)
	}
}

// merge folds an object's shared count into its owner's and drops the queue's
// reference: the object is freed here if nothing else holds it.
func (m *Machine) merge(th *thread, st *objState) {
	hd := py.HeaderOf(st.v)
	st.queued = false
	st.local += st.shared
	st.shared = 0
	m.emit(trace.RefMerge{Obj: st.key, Type: st.v.Type().Name, Count: hd.Ref - 1}.At(eventTime(m.clockNow(th)), th.id, coreOf(th)))
	m.merging = true
	th.py.Decref(st.v)
	m.merging = false
}

// useAfterFree ends the process as the use of freed memory would: with a segmentation
// fault.
func (m *Machine) useAfterFree(th *thread, v py.Value, st *objState) {
	if m.ended {
		// The instruction that crashed the process may touch more freed objects
		// before it stops; its clock already holds the abort's cost.
		th.py.Abort()
		return
	}
	hd := py.HeaderOf(v)
	now := m.clockNow(th)
	m.emit(trace.UseAfterFree{Obj: st.key, Type: v.Type().Name, Real: st.trueRef}.At(eventTime(now), th.id, coreOf(th)))
	line := ""
	if l := th.py.Line(); l > 0 {
		line = fmt.Sprintf(" at line %d", l)
	}
	if now > m.now {
		m.now = now
	}
	m.report(fmt.Sprintf("gilscope: %s used %s #%d%s after it was freed: lost updates had brought its count to 0 while %d references remained\nSegmentation fault\n",
		th.name, v.Type().Name, hd.ID, line, st.trueRef))
	m.end("segfault", 139, now)
	th.py.Abort()
}

// reportLeaks ends a run under a model whose counts can be wrong: every traced object
// whose count is above its true count can never reach zero.
func (m *Machine) reportLeaks() {
	if !m.model.Parallel() || m.model.Refcounts != RCPlain || m.endWhy == "segfault" {
		return
	}
	ids := append([]uint64(nil), m.objOrder...)
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	leaked := 0
	for _, id := range ids {
		st := m.objs[id]
		hd := py.HeaderOf(st.v)
		if hd.Freed() || hd.Ref <= st.trueRef {
			continue
		}
		leaked++
		m.emit(trace.Leak{Obj: id, Type: st.v.Type().Name, Count: hd.Ref, Real: st.trueRef}.At(eventTime(m.now), 0, -1))
	}
	if leaked > 0 {
		m.report(fmt.Sprintf("gilscope: %d object(s) leaked: lost decrements left their counts above the references that exist, so they can never be freed\n", leaked))
	}
}

func (m *Machine) threadName(id int32) string {
	if id >= 1 && int(id) <= len(m.threads) {
		return m.threads[id-1].name
	}
	return fmt.Sprintf("thread %d", id)
}

// objKey numbers an object of th's process for events: ids are per interpreter, so
// other processes' objects carry their process number above bit 40.
func objKey(th *thread, id uint64) uint64 {
	return uint64(th.proc.id-1)<<40 | id
}

func abs64(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}
