// This file defines how a weak reference's callback runs when its object is freed by
// code the thread runs at its top level: not at once, in a nested run where a blocking
// call is refused, but at the thread's next check point, in a frame of its own on the
// thread's stack, so that it may block. multiprocessing's pools need it: CPython's
// finalizer of a pool dropped without close() joins the pool's threads in the thread
// that dropped it. The callback runs before any Python code runs after the drop
// (every CALL and RESUME is a check point, a return runs them first, and so does a
// nested run, in it), so what it does is seen in the same order as in CPython, where
// it runs inside the instruction that freed the object. An instance's __del__ runs
// the same way.
//
// The check point is reached through the eval breaker: the thread's Breaker points at
// a set word while callbacks wait, and the check point that sees it pushes their
// frames instead of stopping. Only a return pays for it, comparing one pointer: it
// runs waiting callbacks before the frame returns, since the thread may end first (a
// function called last in a module drops a pool, and no check point follows), or
// leave what the callback would see (a thread's run() drops its target's result,
// then _bootstrap removes the thread from threading's table).

package py

import "github.com/gilscope/gilscope/vm/compile"

// finalizeCode calls the callback (local 0) with the reference (local 1). Its frame
// is left out of tracebacks and its instructions are free, as CPython calls the
// callback from C.
var finalizeCode = synthCode("<finalize>", 1,
	op(compile.PUSH_NULL, 0),
	op(compile.LOAD_FAST, 0),
	op(compile.LOAD_FAST, 1),
	op(compile.CALL, 1),
	op(compile.POP_TOP, 0),
	op(compile.RETURN_CONST, 0))

func init() {
	finalizeCode.Varnames = []string{"callback", "ref"}
	finalizeCode.NumParams = 2
}

// canDefer reports whether a callback can wait for the thread's next check point: the
// thread runs its own code at its top level, not in a nested run.
func (t *Thread) canDefer() bool {
	return t.syncDepth == 0 && t.frame != nil && !t.Done && t.depth < maxDepth-1
}

// deferFinalizer queues callback cb of weak reference r (both owned by the queue).
func (t *Thread) deferFinalizer(cb, r Value) {
	if t.finalizers == nil {
		t.breaker, t.Breaker = t.Breaker, &setBreaker
	}
	t.finalizers = append(t.finalizers, cb, r)
}

// pushFinalizers, at a check point, gives the scheduler its Breaker back and pushes
// a frame for each waiting callback, the first queued on top, so that they run in
// the order they were queued.
func (t *Thread) pushFinalizers() {
	fins := t.finalizers
	t.finalizers = nil
	t.Breaker, t.breaker = t.breaker, nil
	for i := len(fins) - 2; i >= 0; i -= 2 {
		f := &Frame{code: finalizeCode, consts: drainConsts, stack: make([]Value, finalizeCode.MaxStack),
			locals: []Value{fins[i], fins[i+1]}, parent: t.frame, globals: t.frame.globals,
			onReturn: dropResult}
		t.frame = f
		t.depth++
	}
}

// dropResult is a finalizer frame's onReturn: the callback's result goes nowhere.
func dropResult(t *Thread, v Value) (Value, error) {
	t.Decref(v)
	return nil, nil
}

// runFinalizers runs the waiting callbacks at once, in nested runs: the thread ends
// before it reaches a check point.
func (t *Thread) runFinalizers() {
	for t.finalizers != nil {
		fins := t.finalizers
		t.finalizers = nil
		t.Breaker, t.breaker = t.breaker, nil
		for i := 0; i < len(fins); i += 2 {
			t.callFinalizer(fins[i], fins[i+1])
		}
	}
}

// callFinalizer calls cb(r) in a nested run, reporting what it raises, and drops
// both.
func (t *Thread) callFinalizer(cb, r Value) {
	res, err := t.Call(cb, r)
	if err == nil {
		t.Decref(res)
	} else {
		t.reportUnraisable(cb, err)
	}
	t.Decref(cb)
	t.Decref(r)
}

// finalizerRaised handles an exception leaving a finalizer frame f: it is reported as
// CPython reports what a callback it calls raises, and the thread goes on where the
// check point stopped it.
func (t *Thread) finalizerRaised(f *Frame, exc *Instance) {
	cb := f.locals[0]
	t.Incref(cb)
	t.popFrame(f)
	t.reportUnraisable(cb, exc)
	t.Decref(cb)
}

// finalizeInstance calls o's __del__ as CPython's finalizer does (PEP 442): once,
// with o alive again while it runs, like a weak reference's callback (at the
// thread's next check point, where it may block, or at once in a nested run). It
// reports whether o lives on; it is freed when the call drops the last reference,
// unless __del__ stored it somewhere.
func (t *Thread) finalizeInstance(o *Instance) bool {
	del := o.Class.userLookup("__del__")
	if del == nil || t.Done || t.frame == nil {
		return false
	}
	o.flags |= flagFinalized
	t.Incref(o)
	t.Incref(del)
	if t.canDefer() {
		t.deferFinalizer(del, o)
	} else {
		t.callFinalizer(del, o)
	}
	return true
}
