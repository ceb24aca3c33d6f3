// This file defines weak references: an object weakref.py's ReferenceType makes
// points to its target without holding a count on it. When the target's count
// reaches zero and it is freed, as CPython frees it, every reference to it dies
// (returns None from then on) and the callbacks of those still alive run, newest
// first, on the thread that dropped the last reference, as CPython's
// PyObject_ClearWeakRefs calls them. The machine has no cycle collector: an object in
// a reference cycle is never freed, so its weak references never die.

package py

// weakRef is a weak reference's state: its target (borrowed, nil once freed) and its
// callback (owned, or nil).
type weakRef struct {
	target   Value
	callback Value
}

// WeakReferenceable reports whether weak references to v may be made, as CPython's
// types allow them: instances of classes, functions, classes, methods, builtins,
// sets, generators and modules; not numbers, strings, tuples, lists, dicts,
// exceptions or bare objects (a subclass's instances may).
func WeakReferenceable(v Value) bool {
	if subOf(v) != nil {
		return true
	}
	switch o := v.(type) {
	case *Instance:
		return o.Exc == nil && o.Class != ObjectClass
	case *Function, *Class, *BoundMethod, *Builtin, *Set, *Generator, *Module:
		return true
	}
	return false
}

// WeakTrack makes ref (a new weak reference object) point to target, with callback
// (nil for none): ref holds callback and no count on target.
func (t *Thread) WeakTrack(ref, target, callback Value) error {
	if !WeakReferenceable(target) {
		return t.newExcf(TypeErrorClass, "cannot create weak reference to '%s' object", target.Type().Name)
	}
	in := t.in
	if in.weakRefs == nil {
		in.weakRefs = map[*Header]*weakRef{}
		in.weakTargets = map[*Header][]Value{}
	}
	rh, th := hdrOf(ref), hdrOf(target)
	if callback != nil {
		t.Incref(callback)
	}
	in.weakRefs[rh] = &weakRef{target: target, callback: callback}
	in.weakTargets[th] = append(in.weakTargets[th], ref)
	rh.flags |= flagWeak
	th.flags |= flagWeak
	return nil
}

// WeakGet returns what ref points to (a new reference), or nil once it has died.
func (t *Thread) WeakGet(ref Value) Value {
	w := t.in.weakRefs[hdrOf(ref)]
	if w == nil || w.target == nil {
		return nil
	}
	t.Incref(w.target)
	return w.target
}

// WeakCallback returns ref's callback (borrowed), or nil.
func (t *Thread) WeakCallback(ref Value) Value {
	if w := t.in.weakRefs[hdrOf(ref)]; w != nil {
		return w.callback
	}
	return nil
}

// WeakRefsTo returns the weak references alive to target (borrowed), oldest first.
func (t *Thread) WeakRefsTo(target Value) []Value {
	return t.in.weakTargets[hdrOf(target)]
}

// freeWeak runs as v is freed: a weak reference leaves its target's list and drops
// its callback; a target's references die, and their callbacks run.
func (t *Thread) freeWeak(v Value) {
	in := t.in
	h := hdrOf(v)
	if w := in.weakRefs[h]; w != nil {
		delete(in.weakRefs, h)
		if w.target != nil {
			th := hdrOf(w.target)
			refs := in.weakTargets[th]
			for i, r := range refs {
				if r == v {
					in.weakTargets[th] = append(refs[:i:i], refs[i+1:]...)
					break
				}
			}
		}
		t.xdecref(w.callback)
	}
	refs, ok := in.weakTargets[h]
	if !ok {
		return
	}
	delete(in.weakTargets, h)
	var calls []Value
	for _, r := range refs {
		w := in.weakRefs[hdrOf(r)]
		w.target = nil
		if w.callback != nil {
			calls = append(calls, r)
		}
	}
	for i := len(calls) - 1; i >= 0; i-- {
		r := calls[i]
		w := in.weakRefs[hdrOf(r)]
		if w == nil || w.callback == nil {
			continue // freed or cleared by an earlier callback
		}
		cb := w.callback
		w.callback = nil
		if t.Done || t.frame == nil {
			t.Decref(cb)
			continue
		}
		t.Incref(r) // alive while its callback runs
		if t.canDefer() {
			t.deferFinalizer(cb, r)
		} else {
			t.callFinalizer(cb, r)
		}
	}
}

// reportUnraisable prints what a callback the interpreter called on its own raised,
// as CPython's unraisable hook does: "Exception ignored in: <callback>" and the
// traceback.
func (t *Thread) reportUnraisable(cb Value, err error) {
	e, ok := err.(*Instance)
	if !ok {
		e = t.internalError(err)
	}
	what, rerr := t.Repr(cb)
	if rerr != nil {
		if e2, ok := rerr.(*Instance); ok {
			t.Decref(e2)
		}
		what = "<" + cb.Type().Name + " object>"
	}
	t.in.write(t, "Exception ignored in: "+what+"\n"+t.FormatException(e), true)
	t.Decref(e)
}

// ReferenceErrorClass is raised by a weak proxy whose object has been freed.
var ReferenceErrorClass = newExcClass("ReferenceError", ExceptionClass)

// init runs after exceptions.go's (files initialise in name order), so it sets what
// that init sets for the classes it lists.
func init() {
	ReferenceErrorClass.New = excNew
	exceptionClasses = append(exceptionClasses, ReferenceErrorClass)
}
