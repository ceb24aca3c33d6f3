// This file defines generators: a generator object owns a suspended frame. Resuming
// it (next, send, throw, a for loop, yield from) pushes that frame onto the thread's
// frame stack, so a generator body runs in the evaluator's one loop like any Python
// call and a thread can be switched inside it; YIELD_VALUE takes the frame off the
// stack again with its state intact. Builtins that consume a generator (list, sum,
// str.join …) run it in a nested run, as they run any Python callback.

package py

import (
	"github.com/gilscope/gilscope/vm/compile"
)

// Generator is a generator object (CPython's PyGenObject).
type Generator struct {
	Header
	frame    *Frame // the suspended frame; nil once the generator has finished
	name     string
	qualName string
	running  bool // its frame is on a thread's stack (gi_running)
	started  bool
	mode     genMode // how the frame's next yield or return reaches its resumer
	dflt     Value   // genNextDefault: next()'s default, owned while the frame runs
	// exc is the exception the generator was handling when it yielded (its own
	// sys.exc_info), outer the resumer's while the generator runs; both are owned.
	exc, outer Value
}

// genMode says who resumed a generator, and so where its next yield or return goes.
type genMode uint8

const (
	// genPush: next(), send() or throw() called by Python code. A yielded value is
	// pushed on the caller's stack; a return raises StopIteration there.
	genPush genMode = iota
	// genForIter: FOR_ITER. A yielded value is the loop's next item; a return ends
	// the loop.
	genForIter
	// genSend: SEND (yield from). A return jumps to SEND's target with the value.
	genSend
	// genSync: a builtin's nested run (list(g), sum(g) …): Run returns stopSync with
	// the value in syncResult, and genReturned says it was returned.
	genSync
	// genNextDefault: next(g, default) called by Python code: as genPush, but a
	// return pushes the default.
	genNextDefault
)

// GeneratorClass is the type of generator objects (types.GeneratorType).
var GeneratorClass = newBuiltinClass("generator", ObjectClass)

// GeneratorExitClass is raised inside a generator by close().
var GeneratorExitClass = newExcClass("GeneratorExit", BaseExceptionClass)

func (g *Generator) Type() *Class { return GeneratorClass }

func (g *Generator) repr() string {
	return "<generator object " + g.qualName + " at " + address(g) + ">"
}

// newGenerator makes the generator that owns f, which has just run RETURN_GENERATOR.
func (t *Thread) newGenerator(f *Frame) *Generator {
	g := &Generator{frame: f, name: f.code.Name, qualName: f.code.QualName}
	if f.fn != nil {
		g.name, g.qualName = f.fn.Name, f.fn.QualName
	}
	t.in.alloc(&g.Header)
	f.gen = g
	return g
}

// returnGenerator executes RETURN_GENERATOR in f: the call that made f returns a new
// generator owning f, which leaves the thread's stack unreleased. done reports that
// Run must return stop.
func (t *Thread) returnGenerator(f *Frame) (stop Stop, done bool) {
	g := t.newGenerator(f)
	onReturn, sync := f.onReturn, f.sync
	f.onReturn, f.sync, f.forIter = nil, false, false
	t.frame = f.parent
	f.parent = nil
	t.depth--
	var v Value = g
	if onReturn != nil {
		r, err := onReturn(t, v)
		if err != nil {
			v = nil
			t.pendingErr = err
		} else {
			v = r
		}
	}
	if sync {
		t.syncResult = v
		return stopSync, true
	}
	if v != nil {
		p := t.frame
		p.stack[p.sp] = v
		p.sp++
	}
	return 0, false
}

// checkResume reports why g cannot be resumed with v, as CPython words it.
func (t *Thread) checkResume(g *Generator, v Value) error {
	if g.running {
		return t.newExc(ValueErrorClass, "generator already executing")
	}
	if !g.started && v != nil && v != None {
		return t.newExc(TypeErrorClass, "can't send non-None value to a just-started generator")
	}
	if t.depth >= maxDepth {
		return &LimitError{Class: RecursionErrorClass, Msg: "maximum recursion depth exceeded"}
	}
	return nil
}

// resumeGen makes the frame of g (not finished) current in mode, with v (borrowed)
// pushed as the value of the yield it stopped at; v nil pushes None, for an exception
// thrown in.
func (t *Thread) resumeGen(g *Generator, v Value, mode genMode) error {
	if err := t.checkResume(g, v); err != nil {
		return err
	}
	if v == nil {
		v = None
	}
	f := g.frame
	t.Incref(v)
	f.stack[f.sp] = v
	f.sp++
	f.parent = t.frame
	t.frame = f
	t.depth++
	// The running frame keeps its generator alive: next(g) from Python code drops
	// the caller's reference as soon as the frame is pushed.
	t.Incref(g)
	g.running, g.started, g.mode = true, true, mode
	f.sync = mode == genSync
	t.genEnter(g)
	return nil
}

// genEnter gives the generator its own exception state: the one it was handling when
// it yielded, else the resumer's (CPython chains them, and a generator that handles
// nothing sees its resumer's).
func (t *Thread) genEnter(g *Generator) {
	g.outer = t.excInfo
	switch {
	case g.exc != nil:
		t.excInfo, g.exc = g.exc, nil
	case g.outer != nil:
		t.Incref(g.outer)
	}
}

// genLeave gives the resumer its exception state back, keeping the generator's if it
// is handling one.
func (t *Thread) genLeave(g *Generator) {
	if t.excInfo == g.outer {
		if t.excInfo != nil {
			t.Decref(t.excInfo)
		}
	} else {
		g.exc = t.excInfo
	}
	t.excInfo, g.outer = g.outer, nil
}

// yieldValue executes YIELD_VALUE in f, a generator's frame: the frame leaves the
// thread's stack with its state, and v (a new reference) goes to the resumer. done
// reports that Run must return stop.
func (t *Thread) yieldValue(f *Frame, v Value) (stop Stop, done bool) {
	g := f.gen
	t.genLeave(g)
	t.frame = f.parent
	f.parent = nil
	t.depth--
	g.running = false
	if g.mode == genSync {
		f.sync = false
		t.syncResult = v
		t.Decref(g)
		return stopSync, true
	}
	if g.dflt != nil {
		t.Decref(g.dflt)
		g.dflt = nil
	}
	p := t.frame
	p.stack[p.sp] = v
	p.sp++
	t.Decref(g)
	return 0, false
}

// genReturn finishes generator frame f, which returned v (a new reference), and
// delivers v as its resumer expects it.
func (t *Thread) genReturn(f *Frame, v Value) (stop Stop, done bool) {
	mode, dflt := f.gen.mode, f.gen.dflt
	f.gen.dflt = nil
	t.popFrame(f)
	p := t.frame
	switch mode {
	case genNextDefault:
		t.Decref(v)
		p.stack[p.sp] = dflt
		p.sp++
	case genSync:
		t.syncResult = v
		t.genReturned = true
		return stopSync, true
	case genForIter:
		t.Decref(v)
		p.sp--
		t.Decref(p.stack[p.sp])
		p.stack[p.sp] = nil
		_, arg := p.code.Op(p.lasti)
		p.pc = int(arg) + 1
	case genSend:
		p.stack[p.sp] = v
		p.sp++
		_, arg := p.code.Op(p.lasti)
		p.pc = int(arg)
	default:
		t.pendingErr = t.stopIteration(v)
		t.Decref(v)
	}
	return 0, false
}

// genFinished records that g's frame, being released, is gone.
func (t *Thread) genFinished(g *Generator) {
	running := g.running
	if running {
		t.genLeave(g)
	}
	g.running = false
	g.frame.gen = nil
	g.frame = nil
	if g.dflt != nil {
		t.Decref(g.dflt)
		g.dflt = nil
	}
	if g.exc != nil {
		t.Decref(g.exc)
		g.exc = nil
	}
	if running {
		t.Decref(g)
	}
}

// stopIteration returns the StopIteration a generator's return of v raises: without
// arguments for None, as CPython does.
func (t *Thread) stopIteration(v Value) *Instance {
	if v == None {
		r, _ := excNew(t, []Value{StopIterationClass}, nil)
		return r.(*Instance)
	}
	return t.newExcValue(StopIterationClass, v)
}

// stopIterationValue is the value a StopIteration carries (its first argument).
func stopIterationValue(e *Instance) Value {
	if e.Exc != nil && e.Exc.Args != nil && len(e.Exc.Args.Items) > 0 {
		return e.Exc.Args.Items[0]
	}
	return None
}

// stopIterationError is CALL_INTRINSIC_1 INTRINSIC_STOPITERATION_ERROR: a
// StopIteration leaving a generator becomes a RuntimeError (PEP 479); any other
// exception is returned as it is (new references).
func (t *Thread) stopIterationError(x Value) Value {
	e, ok := x.(*Instance)
	if !ok || !e.Class.IsSubclass(StopIterationClass) {
		t.Incref(x)
		return x
	}
	r := t.newExc(RuntimeErrorClass, "generator raised StopIteration")
	t.Incref(e)
	t.Incref(e)
	r.Exc.Cause, r.Exc.Context, r.Exc.Suppress = e, e, true
	return r
}

// genSendSync resumes g with v (borrowed) in a nested run until it yields or returns
// r; done reports a return (or a generator already finished, r None).
func (t *Thread) genSendSync(g *Generator, v Value) (r Value, done bool, err error) {
	if g.frame == nil {
		return None, true, nil
	}
	if err := t.resumeGen(g, v, genSync); err != nil {
		return nil, false, err
	}
	return t.genRunSync()
}

// genRunSync runs the generator frame just resumed until it yields or returns.
func (t *Thread) genRunSync() (r Value, done bool, err error) {
	t.genReturned = false
	r, err = t.runSync(nil)
	done = t.genReturned
	t.genReturned = false
	return r, done, err
}

// genThrow throws exc (a new reference) into g, the way gen.throw() does. When g is
// delegating (yield from), exc goes to the delegate first. Either g's frame is
// resumed with exc raised in it (pushed reports it: the caller runs it in mode,
// which must be genPush or genSync), or the outcome is known at once: r is a value
// the delegate yielded, or err is the exception the call raises.
func (t *Thread) genThrow(g *Generator, exc *Instance, mode genMode) (r Value, pushed bool, err error) {
	if g.frame == nil {
		return nil, false, exc
	}
	if g.running {
		t.Decref(exc)
		return nil, false, t.newExc(ValueErrorClass, "generator already executing")
	}
	if d := g.delegate(); d != nil {
		g.running = true // as CPython marks it while the delegate runs
		var derr error
		if exc.Class == GeneratorExitClass {
			derr = t.closeIter(d)
		} else {
			var y Value
			y, derr = t.throwInto(d, exc)
			if derr == nil && y != nil {
				g.running = false
				t.Decref(exc)
				return y, false, nil
			}
		}
		g.running = false
		if derr != nil {
			t.Decref(exc)
			e, ok := derr.(*Instance)
			if !ok {
				return nil, false, derr
			}
			exc = e
		}
	}
	if err := t.resumeGen(g, nil, mode); err != nil {
		t.Decref(exc)
		return nil, false, err
	}
	t.pendingErr = exc
	return nil, true, nil
}

// delegate returns the iterator g delegates to while suspended in a yield from.
func (g *Generator) delegate() Value {
	f := g.frame
	if f == nil || !g.started || f.lasti < 1 || f.sp < 1 {
		return nil
	}
	if op, _ := f.code.Op(f.lasti); op != compile.YIELD_VALUE {
		return nil
	}
	if op, _ := f.code.Op(f.lasti - 1); op != compile.SEND {
		return nil
	}
	return f.stack[f.sp-1]
}

// throwInto throws exc (borrowed) into the delegate d of a yield from, in a nested
// run: y is what it yields, or err what it raises. A delegate without a throw method
// gets exc back as err.
func (t *Thread) throwInto(d Value, exc *Instance) (y Value, err error) {
	if dg, ok := d.(*Generator); ok {
		t.Incref(exc)
		r, pushed, err := t.genThrow(dg, exc, genSync)
		if !pushed {
			return r, err
		}
		r, done, err := t.genRunSync()
		if err != nil {
			return nil, err
		}
		if done {
			e := t.stopIteration(r)
			t.Decref(r)
			return nil, e
		}
		return r, nil
	}
	m, err := t.getAttr(d, "throw")
	if err != nil {
		return nil, err
	}
	if m == nil {
		t.Incref(exc)
		return nil, exc
	}
	defer t.Decref(m)
	return t.Call(m, exc)
}

// closeIter closes the delegate of a yield from when GeneratorExit is thrown in.
func (t *Thread) closeIter(d Value) error {
	if dg, ok := d.(*Generator); ok {
		return t.genClose(dg)
	}
	m, err := t.getAttr(d, "close")
	if err != nil || m == nil {
		return err
	}
	defer t.Decref(m)
	r, err := t.Call(m)
	if err == nil {
		t.Decref(r)
	}
	return err
}

// genClose is gen.close(): GeneratorExit is thrown in, and the generator must let it
// (or a StopIteration) out.
func (t *Thread) genClose(g *Generator) error {
	if g.frame == nil {
		return nil
	}
	if g.running {
		return t.newExc(ValueErrorClass, "generator already executing")
	}
	if !g.started {
		t.releaseFrame(g.frame)
		t.genFinished(g)
		return nil
	}
	exc, _ := excNew(t, []Value{GeneratorExitClass}, nil)
	r, pushed, err := t.genThrow(g, exc.(*Instance), genSync)
	if pushed {
		var done bool
		r, done, err = t.genRunSync()
		if err == nil && done {
			t.Decref(r)
			return nil
		}
	}
	if err == nil {
		t.Decref(r)
		return t.newExc(RuntimeErrorClass, "generator ignored GeneratorExit")
	}
	if e, ok := err.(*Instance); ok && (e.Class.IsSubclass(GeneratorExitClass) || e.Class.IsSubclass(StopIterationClass)) {
		t.Decref(e)
		return nil
	}
	return err
}

// finalizeGen runs when a generator's last reference is dropped: a suspended
// generator is closed, so its finally blocks run, as CPython's finalizer does; an
// error is reported as CPython reports an unraisable exception.
func (t *Thread) finalizeGen(g *Generator) {
	if g.frame == nil {
		return
	}
	if !g.started || g.running || t.Done || t.frame == nil {
		if !g.running {
			t.releaseFrame(g.frame)
			t.genFinished(g)
		}
		return
	}
	// The generator lives again while it closes (its running frame holds a
	// reference), as CPython resurrects an object in its finalizer.
	h := &g.Header
	h.flags &^= flagFreed
	h.Ref = 1
	err := t.genClose(g)
	h.Ref--
	h.flags |= flagFreed
	if err == nil {
		return
	}
	e, ok := err.(*Instance)
	if !ok {
		e = t.internalError(err)
	}
	if len(e.Exc.TB) == 0 {
		// As CPython's unraisable hook: the frame the generator was dropped in.
		e.Exc.addTraceback(t.frame)
	}
	t.in.write(t, "Exception ignored in: "+g.repr()+"\n"+t.FormatException(e), true)
	t.Decref(e)
}

// sendTo is one step of yield from over d, which is not a suspended generator: it
// sends v (borrowed; None means next) and returns what d yields, or its return value
// with done set.
func (t *Thread) sendTo(d Value, v Value) (r Value, done bool, err error) {
	if g, ok := d.(*Generator); ok {
		return t.genSendSync(g, v)
	}
	if it, ok := d.(*iterator); ok && v == None {
		if r := t.iterNext(it); r != nil {
			return r, false, nil
		}
		return None, true, nil
	}
	var m Value
	if v == None {
		m, err = t.getAttr(d, "__next__")
	} else {
		m, err = t.getAttr(d, "send")
	}
	if err == nil && m == nil {
		err = t.newExcf(AttributeErrorClass, "'%s' object has no attribute 'send'", d.Type().Name)
	}
	if err != nil {
		return nil, false, err
	}
	if v == None {
		r, err = t.Call(m)
	} else {
		r, err = t.Call(m, v)
	}
	t.Decref(m)
	if e, ok := err.(*Instance); ok && e.Class.IsSubclass(StopIterationClass) {
		r = stopIterationValue(e)
		t.Incref(r)
		t.Decref(e)
		return r, true, nil
	}
	return r, false, err
}

// errSyncDone is what an instruction returns when the nested run it is part of ends
// (a generator run by a builtin yielded or returned): Run returns stopSync.
var errSyncDone error = syncDoneError{}

type syncDoneError struct{}

func (syncDoneError) Error() string { return "nested run done" }

// execGenerator executes the generator instructions, outside the evaluator's main
// switch so that they cost its hot loop nothing. A frame switch (a yield, a generator
// returned, a delegate resumed) is seen by the loop as t.frame changing.
func (t *Thread) execGenerator(f *Frame, op compile.Opcode, arg uint32) error {
	switch op {
	case compile.YIELD_VALUE:
		if _, done := t.yieldValue(f, f.pop()); done {
			return errSyncDone
		}

	case compile.RETURN_GENERATOR:
		if _, done := t.returnGenerator(f); done {
			return errSyncDone
		}
		if err := t.pendingErr; err != nil {
			t.pendingErr = nil
			return err
		}

	case compile.GET_YIELD_FROM_ITER:
		x := f.top()
		if _, ok := x.(*Generator); ok {
			return nil
		}
		it, err := t.Iter(x)
		if err != nil {
			return err
		}
		f.stack[f.sp-1] = it
		t.Decref(x)

	case compile.SEND:
		v, d := f.stack[f.sp-1], f.stack[f.sp-2]
		if g, ok := d.(*Generator); ok && g.frame != nil {
			// The delegate runs as a frame on this thread's stack.
			f.sp--
			f.stack[f.sp] = nil
			err := t.resumeGen(g, v, genSend)
			t.Decref(v)
			return err
		}
		r, done, err := t.sendTo(d, v)
		if err != nil {
			return err
		}
		f.stack[f.sp-1] = r
		t.Decref(v)
		if done {
			f.pc = int(arg)
		}

	case compile.END_SEND:
		r := f.pop()
		t.Decref(f.pop())
		f.push(r)

	case compile.CLEANUP_THROW:
		exc := f.pop().(*Instance)
		if !exc.Class.IsSubclass(StopIterationClass) {
			return &reraiseError{exc: exc}
		}
		v := stopIterationValue(exc)
		t.Incref(v)
		t.Decref(exc)
		t.Decref(f.pop())
		t.Decref(f.pop())
		f.push(None)
		f.push(v)
	}
	return nil
}

// ---- the generator type's methods ----

func init() {
	g := GeneratorClass
	g.method("__iter__", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("__iter__", args, kw, 1, 1); err != nil {
			return nil, err
		}
		t.Incref(args[0])
		return args[0], nil
	})
	g.method("__next__", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("__next__", args, kw, 1, 1); err != nil {
			return nil, err
		}
		return t.genSendValue(args[0].(*Generator), None)
	})
	g.Methods["__next__"].(*Builtin).Push = func(t *Thread, args []Value, kw []string) (Value, error) {
		if len(args) != 1 || len(kw) > 0 {
			return nil, nil
		}
		return t.genPushSend(args[0].(*Generator), None)
	}
	g.method("send", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("send", args, kw, 2, 2); err != nil {
			return nil, err
		}
		return t.genSendValue(args[0].(*Generator), args[1])
	})
	g.Methods["send"].(*Builtin).Push = func(t *Thread, args []Value, kw []string) (Value, error) {
		if len(args) != 2 || len(kw) > 0 {
			return nil, nil
		}
		return t.genPushSend(args[0].(*Generator), args[1])
	}
	g.method("throw", func(t *Thread, args []Value, kw []string) (Value, error) {
		return t.genThrowMethod(args, kw, genSync)
	})
	g.Methods["throw"].(*Builtin).Push = func(t *Thread, args []Value, kw []string) (Value, error) {
		return t.genThrowMethod(args, kw, genPush)
	}
	g.method("close", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("close", args, kw, 1, 1); err != nil {
			return nil, err
		}
		if err := t.genClose(args[0].(*Generator)); err != nil {
			return nil, err
		}
		return None, nil
	})
}

// genSendValue is send(v) in a nested run: the value yielded, or StopIteration.
func (t *Thread) genSendValue(g *Generator, v Value) (Value, error) {
	if g.frame == nil {
		return nil, t.stopIteration(None)
	}
	r, done, err := t.genSendSync(g, v)
	if err != nil {
		return nil, err
	}
	if done {
		e := t.stopIteration(r)
		t.Decref(r)
		return nil, e
	}
	return r, nil
}

// genPushSend is send(v) called from Python code: the generator's frame is pushed
// and the call's result is what it yields. A Push function returns (nil, nil) once it
// has pushed a frame.
// genPushNext is next(g, dflt) called from Python code: as send(None), but a
// return gives dflt (borrowed).
func (t *Thread) genPushNext(g *Generator, dflt Value) (Value, error) {
	if g.frame == nil {
		t.Incref(dflt)
		return dflt, nil
	}
	if err := t.resumeGen(g, nil, genNextDefault); err != nil {
		return nil, err
	}
	t.Incref(dflt)
	g.dflt = dflt
	return nil, nil
}

func (t *Thread) genPushSend(g *Generator, v Value) (Value, error) {
	if g.frame == nil {
		return nil, t.stopIteration(None)
	}
	if err := t.resumeGen(g, v, genPush); err != nil {
		return nil, err
	}
	return nil, nil
}

// genThrowMethod is gen.throw(value) or the deprecated gen.throw(type[, value[, tb]]).
func (t *Thread) genThrowMethod(args []Value, kw []string, mode genMode) (Value, error) {
	if err := t.nargs("throw", args, kw, 2, 4); err != nil {
		return nil, err
	}
	g := args[0].(*Generator)
	if len(args) > 2 {
		if err := t.warnDeprecated("the (type, exc, tb) signature of throw() is deprecated, use the single-arg signature instead."); err != nil {
			return nil, err
		}
	}
	exc, err := t.throwArgs(args[1:])
	if err != nil {
		return nil, err
	}
	r, pushed, err := t.genThrow(g, exc, mode)
	if !pushed || mode == genPush {
		return r, err
	}
	r, done, err := t.genRunSync()
	if err == nil && done {
		e := t.stopIteration(r)
		t.Decref(r)
		return nil, e
	}
	return r, err
}

// warnDeprecated issues a DeprecationWarning through the warnings module, attributed
// to the Python line calling the builtin, when the interpreter has that module.
func (t *Thread) warnDeprecated(msg string) error {
	if t.in.Library == nil || !t.in.Library.Has("warnings") {
		return nil
	}
	m, err := t.importModule("warnings")
	if err != nil {
		return err
	}
	defer t.Decref(m)
	var warn Value
	if warn, err = t.getAttr(m, "warn"); err != nil || warn == nil {
		return err
	}
	defer t.Decref(warn)
	s := t.NewStr(msg)
	defer t.Decref(s)
	r, err := t.Call(warn, s, DeprecationWarningClass)
	if err == nil {
		t.Decref(r)
	}
	return err
}

// throwArgs makes the exception throw(type[, value[, tb]]) raises, as CPython does.
func (t *Thread) throwArgs(args []Value) (*Instance, error) {
	typ := args[0]
	var val Value = None
	if len(args) > 1 {
		val = args[1]
	}
	if len(args) > 2 && args[2] != None {
		return nil, t.newExc(TypeErrorClass, "throw() third argument must be a traceback object")
	}
	switch o := typ.(type) {
	case *Class:
		if o.IsSubclass(BaseExceptionClass) {
			if e, ok := val.(*Instance); ok && e.Exc != nil && e.Class.IsSubclass(o) {
				t.Incref(e)
				return e, nil
			}
			var r Value
			var err error
			switch v := val.(type) {
			case *NoneType:
				r, err = t.Call(o)
			case *Tuple:
				r, err = t.callValue(o, v.Items, nil, false)
			default:
				r, err = t.Call(o, val)
			}
			if err != nil {
				return nil, err
			}
			if e, ok := r.(*Instance); ok && e.Exc != nil {
				return e, nil
			}
			t.Decref(r)
		}
	case *Instance:
		if o.Exc != nil {
			if val != None {
				return nil, t.newExc(TypeErrorClass, "instance exception may not have a separate value")
			}
			t.Incref(o)
			return o, nil
		}
	}
	return nil, t.newExcf(TypeErrorClass, "exceptions must be classes or instances deriving from BaseException, not %s", typ.Type().Name)
}

// genAttr returns a generator's data attributes.
func (t *Thread) genAttr(g *Generator, name string) Value {
	switch name {
	case "__name__":
		return t.NewStr(g.name)
	case "__qualname__":
		return t.NewStr(g.qualName)
	case "gi_running":
		return BoolOf(g.running)
	case "gi_suspended":
		return BoolOf(g.frame != nil && g.started && !g.running)
	case "gi_frame":
		if g.frame == nil {
			return None
		}
		fr := &genFrame{g: g}
		t.in.alloc(&fr.Header)
		t.Incref(g)
		return fr
	case "gi_yieldfrom":
		if d := g.delegate(); d != nil && !g.running {
			t.Incref(d)
			return d
		}
		return None
	}
	return nil
}

// genFrame is what gi_frame gives: a view of a generator's frame with its line
// (f_lineno) and whether it is running; gilscope has no other frame objects.
type genFrame struct {
	Header
	g *Generator
}

var frameClass = newBuiltinClass("frame", ObjectClass)

func (fr *genFrame) Type() *Class { return frameClass }

// frameAttr returns f_lineno of a generator's frame: the line of the yield it is
// suspended at, or of its def before it starts.
func (t *Thread) frameAttr(fr *genFrame, name string) Value {
	f := fr.g.frame
	switch name {
	case "f_lineno":
		if f == nil {
			return None
		}
		return t.newInt(int64(f.Line()))
	}
	return nil
}
