// This file defines _thread: starting OS threads, joining them, and the basic lock,
// the primitives the Python-source threading module builds everything else on (as
// CPython's threading.py builds on its _thread).

package machine

import (
	"fmt"
	"github.com/gilscope/gilscope/vm/trace"

	"github.com/gilscope/gilscope/vm/py"
)

// lockObj is _thread.LockType: a binary semaphore, as CPython's lock is.
type lockObj struct {
	py.Header
	m       *Machine
	id      uint64
	locked  bool
	owner   *thread // the thread that acquired it (a plain lock has no owner in CPython; this is for deadlock reports)
	waiters []*thread
	freeAt  int64
}

// handleObj is the handle start_new_thread returns.
type handleObj struct {
	py.Header
	th *thread
}

var (
	lockClass   = py.NewClass("lock", nil)
	handleClass = py.NewClass("_ThreadHandle", nil)
)

func init() { lockClass.Module = "_thread" }

func (*lockObj) Type() *py.Class { return lockClass }

// PyRepr is repr() of a lock: "<locked _thread.lock object at 0x…>".
func (l *lockObj) PyRepr() string {
	state := "unlocked"
	if l.locked {
		state = "locked"
	}
	return "<" + state + " _thread.lock object at " + py.Address(l) + ">"
}
func (*handleObj) Type() *py.Class { return handleClass }

func init() {
	lockClass.Def("acquire", lockAcquire)
	lockClass.Def("__enter__", lockAcquire)
	lockClass.Def("release", lockRelease)
	lockClass.Def("__exit__", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
		if _, err := lockRelease(t, args[:1], nil); err != nil {
			return nil, err
		}
		return py.False, nil
	})
	lockClass.Def("locked", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
		return py.BoolOf(args[0].(*lockObj).locked), nil
	})
	// The old names _thread's lock still answers to.
	lockClass.Def("acquire_lock", lockAcquire)
	lockClass.Def("release_lock", lockRelease)
	lockClass.Def("locked_lock", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
		return py.BoolOf(args[0].(*lockObj).locked), nil
	})
	handleClass.Def("join", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
		h := args[0].(*handleObj)
		timeout := int64(-1)
		if len(args) > 1 && args[1] != py.None {
			s, ok := py.AsFloat(args[1])
			if !ok {
				return nil, t.NewExc(py.TypeErrorClass, "timeout must be a number")
			}
			timeout = max(int64(s*1e12), 0)
		}
		me := threadOf(t)
		if h.th == me {
			return nil, t.NewExc(py.RuntimeErrorClass, "cannot join current thread")
		}
		return nil, py.Block(t, &joinCall{target: h.th, timeout: timeout})
	})
	handleClass.Def("is_alive", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
		return py.BoolOf(!args[0].(*handleObj).th.finished), nil
	})
	handleClass.Def("ident", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
		return t.NewInt(int64(args[0].(*handleObj).th.id)), nil
	})
}

func lockAcquire(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
	pos, kws, err := t.Args("acquire", args, kw, "blocking", "timeout")
	if err != nil {
		return nil, err
	}
	l := pos[0].(*lockObj)
	blocking, timeout := true, int64(-1)
	if len(pos) > 1 {
		kws["blocking"] = pos[1]
	}
	if len(pos) > 2 {
		kws["timeout"] = pos[2]
	}
	if b, ok := kws["blocking"]; ok {
		if blocking, err = t.Truthy(b); err != nil {
			return nil, err
		}
	}
	if v, ok := kws["timeout"]; ok && v != py.None {
		s, ok := py.AsFloat(v)
		if !ok {
			return nil, t.NewExc(py.TypeErrorClass, "timeout must be a number")
		}
		if s >= 0 {
			if !blocking {
				return nil, t.NewExc(py.ValueErrorClass, "can't specify a timeout for a non-blocking call")
			}
			timeout = int64(s * 1e12)
		} else if s != -1 {
			return nil, t.NewExc(py.ValueErrorClass, "timeout value must be a non-negative number")
		}
	}
	th := threadOf(t)
	m := l.m
	if !l.locked {
		l.locked, l.owner = true, th
		m.emit(trace.LockOp{Lock: l.id}.Acquire(eventTime(m.clockNow(th)), th.id, coreOf(th)))
		return py.True, nil
	}
	if !blocking || timeout == 0 {
		return py.False, nil
	}
	return nil, py.Block(t, &lockWait{l: l, timeout: timeout})
}

func lockRelease(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
	l := args[0].(*lockObj)
	if !l.locked {
		return nil, t.NewExc(py.RuntimeErrorClass, "release unlocked lock")
	}
	m := l.m
	th := threadOf(t)
	l.locked, l.owner = false, nil
	at := m.clockNow(th)
	l.freeAt = at
	m.emit(trace.LockOp{Lock: l.id}.Release(eventTime(at), th.id, coreOf(th)))
	if len(l.waiters) > 0 {
		w := m.pickWaiter(&l.waiters)
		m.chargeNow(th, futexWakeCost*1000)
		m.wake(w, m.clockNow(th), func() { l.retry(w) })
	}
	return py.None, nil
}

// lockWait is a blocking acquire of a held lock.
type lockWait struct {
	l       *lockObj
	timeout int64
}

func (c *lockWait) Describe() string { return "lock acquire" }

func (c *lockWait) do(m *Machine, th *thread) {
	l := c.l
	m.dropGIL(th)
	m.waitOn(th, "lock", l.id, &l.waiters, c.timeout, m.resume(th, py.False, nil))
}

// wait blocks th on the lock again after a futile wake-up.
func (l *lockObj) wait(th *thread) { l.m.waitOn(th, "lock", l.id, &l.waiters, -1, nil) }

// retry runs when a woken waiter is on a core: the lock may have been taken again.
func (l *lockObj) retry(th *thread) {
	m := l.m
	if l.locked {
		l.wait(th)
		return
	}
	l.locked, l.owner = true, th
	th.clock = max(th.clock, l.freeAt)
	m.emit(trace.LockOp{Lock: l.id}.Acquire(eventTime(th.clock), th.id, coreOf(th)))
	m.resume(th, py.True, nil)()
}

func (m *Machine) newLock(t *py.Thread) *lockObj {
	m.objIDs++
	l := &lockObj{m: m, id: m.objIDs}
	m.locks[l.id] = l
	t.Register(l)
	return l
}

func (m *Machine) threadModule(t *py.Thread) *py.Module {
	attrs := map[string]py.Value{
		"allocate_lock": t.Builtin("allocate_lock", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			return m.newLock(t), nil
		}),
		"get_ident": t.Builtin("get_ident", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			return t.NewInt(int64(threadOf(t).id)), nil
		}),
		"start_new_thread": t.Builtin("start_new_thread", m.startNewThread),
		"get_native_id": t.Builtin("get_native_id", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			return t.NewInt(int64(threadOf(t).id)), nil
		}),
		"_exception_event": t.Builtin("_exception_event", m.exceptionEvent),
		"main_ident":       t.NewInt(int64(threadOf(t).proc.mainThread().id)),
	}
	attrs["LockType"] = lockClass
	attrs["_local"] = py.LocalClass
	return newModule(t, "_thread", attrs)
}

// finalizing reports whether th's process is past its main thread's end under a
// model of CPython 3.12, which refuses new threads and fork() then: 3.12's
// finalization marks the interpreter finalizing before it waits for the non-daemon
// threads (3.11 and 3.13 let those threads start others).
func (m *Machine) finalizing(th *thread) bool {
	v := m.model.Version
	return v[0] == 3 && v[1] == 12 && th.proc.exiting
}

// startNewThread implements start_new_thread(function, name, daemon): it creates the
// thread and blocks the caller until the new thread runs, as Thread.start() does.
func (m *Machine) startNewThread(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
	if err := t.CheckArgs("start_new_thread", args, kw, 3, 3); err != nil {
		return nil, err
	}
	name, _ := args[1].(*py.Str)
	daemon, err := t.Truthy(args[2])
	if err != nil {
		return nil, err
	}
	if len(m.threads) >= MaxThreads {
		return nil, t.NewExc(py.RuntimeErrorClass, "can't start new thread (gilscope allows %d threads)", MaxThreads)
	}
	if m.finalizing(threadOf(t)) {
		return nil, t.NewExc(py.RuntimeErrorClass, "can't create new thread at interpreter shutdown")
	}
	n := fmt.Sprintf("Thread-%d", len(m.threads))
	if name != nil {
		n = name.S
	}
	nt, err := m.newThread(n, args[0], daemon, threadOf(t))
	if err != nil {
		return nil, err
	}
	h := &handleObj{th: nt}
	t.Register(h)
	return nil, py.Block(t, &startCall{target: nt, result: h})
}

// exceptionEvent is _thread._exception_event(exc): threading's bootstrap catches what
// a thread's run() raised, to hand it to threading.excepthook, and reports it to the
// timeline with this, as the machine reports an exception that ends a thread.
func (m *Machine) exceptionEvent(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
	if err := t.CheckArgs("_exception_event", args, kw, 1, 1); err != nil {
		return nil, err
	}
	exc, ok := args[0].(*py.Instance)
	if !ok || exc.Exc == nil {
		return nil, t.NewExc(py.TypeErrorClass, "_exception_event() argument must be an exception")
	}
	th := threadOf(t)
	m.emit(trace.Exception{Error: clipText(lastLine(t.FormatException(exc))), ProgramLine: m.programLine(exc)}.At(eventTime(m.clockNow(th)), th.id, coreOf(th)))
	return py.None, nil
}
