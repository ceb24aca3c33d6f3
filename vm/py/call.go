// This file defines calls: pushing a Python frame (the evaluator never recurses on the
// Go stack for a Python-to-Python call), binding arguments to parameters, calling
// builtins, instantiating classes, and the nested runs builtins use to call back into
// Python code.

package py

import (
	"fmt"
	"slices"
	"strings"

	"github.com/gilscope/gilscope/vm/compile"
)

// allocFrame returns a frame sized for code.
func (in *Interp) allocFrame(code *compile.Funcode) *Frame {
	nl := len(code.Varnames)
	nc := len(code.Cellvars) + len(code.Freevars)
	buf := make([]Value, nl+code.MaxStack)
	f := &Frame{code: code, locals: buf[:nl:nl], stack: buf[nl:]}
	if nc > 0 {
		f.cells = make([]*Cell, nc)
	}
	return f
}

// pushCall makes a frame for fn(args) and makes it current. It consumes the
// references in args on success; on failure the caller still owns them.
func (t *Thread) pushCall(fn *Function, args []Value, kwnames []string) error {
	if t.depth >= maxDepth {
		return &LimitError{Class: RecursionErrorClass, Msg: "maximum recursion depth exceeded"}
	}
	t.Cost += t.Costs.PyCall
	code := fn.Code
	f := t.in.allocFrame(code)
	if len(kwnames) == 0 && !code.HasVarargs && !code.HasKwargs && code.NumKwOnly == 0 && len(args) == code.NumParams {
		copy(f.locals, args)
	} else {
		if err := t.bindArgs(f, fn, args, kwnames); err != nil {
			for i, v := range f.locals {
				if v != nil {
					t.Decref(v)
					f.locals[i] = nil
				}
			}
			return err
		}
		for _, a := range args {
			t.Decref(a)
		}
	}
	t.Incref(fn)
	f.fn = fn
	f.consts = fn.consts
	f.globals = fn.Globals
	f.builtins = fn.builtins
	f.parent = t.frame
	if code.IsModule {
		f.names = fn.Globals
	}
	t.frame = f
	t.depth++
	return nil
}

// tooManyPositional is CPython's error for a call giving npos positional arguments
// to fn, which takes fewer: "f() takes from 1 to 2 positional arguments but 3 were
// given", with the keyword-only arguments given by keyword counted apart.
func (t *Thread) tooManyPositional(fn *Function, npos int, kwnames []string) error {
	code := fn.Code
	np := code.NumParams
	ndef := 0
	if fn.Defaults != nil {
		ndef = len(fn.Defaults.Items)
	}
	sig := fmt.Sprint(np)
	plural := np != 1
	if ndef > 0 {
		sig = fmt.Sprintf("from %d to %d", np-ndef, np)
		plural = true
	}
	kwonly := 0
	for _, k := range kwnames {
		if slices.Contains(code.Varnames[np:np+code.NumKwOnly], k) {
			kwonly++
		}
	}
	s := ""
	if plural {
		s = "s"
	}
	given := fmt.Sprint(npos)
	if kwonly > 0 {
		given += fmt.Sprintf(" %s (and %d keyword-only %s)", pluralWord(npos, "positional argument"),
			kwonly, pluralWord(kwonly, "argument"))
	}
	verb := "were"
	if npos == 1 && kwonly == 0 {
		verb = "was"
	}
	return t.newExcf(TypeErrorClass, "%s() takes %s positional argument%s but %s %s given", fn.QualName, sig, s, given, verb)
}

// bindArgs binds borrowed args to f's parameters, taking new references.
func (t *Thread) bindArgs(f *Frame, fn *Function, args []Value, kwnames []string) error {
	code := fn.Code
	np, nkw := code.NumParams, code.NumKwOnly
	npos := len(args) - len(kwnames)
	locals := f.locals
	name := fn.QualName
	if npos > np && !code.HasVarargs {
		return t.tooManyPositional(fn, npos, kwnames)
	}
	for i := 0; i < npos && i < np; i++ {
		t.Incref(args[i])
		locals[i] = args[i]
	}
	next := np + nkw
	if code.HasVarargs {
		var extra []Value
		if npos > np {
			extra = make([]Value, npos-np)
			for i, a := range args[np:npos] {
				t.Incref(a)
				extra[i] = a
			}
		}
		locals[next] = t.newTuple(extra)
		next++
	}
	var kwargs *Dict
	if code.HasKwargs {
		kwargs = t.NewDict()
		locals[next] = kwargs
	}
	for j, k := range kwnames {
		v := args[npos+j]
		idx := -1
		for i, p := range code.Varnames[code.NumPosOnly : np+nkw] {
			if p == k {
				idx = code.NumPosOnly + i
				break
			}
		}
		if idx < 0 && kwargs == nil && slices.Contains(code.Varnames[:code.NumPosOnly], k) {
			return t.newExcf(TypeErrorClass, "%s() got some positional-only arguments passed as keyword arguments: '%s'", name, k)
		}
		if idx >= 0 {
			if locals[idx] != nil {
				return t.newExcf(TypeErrorClass, "%s() got multiple values for argument '%s'", name, k)
			}
			t.Incref(v)
			locals[idx] = v
			continue
		}
		if kwargs == nil {
			return t.newExcf(TypeErrorClass, "%s() got an unexpected keyword argument '%s'", name, k)
		}
		t.setStr(kwargs, k, v)
	}
	var missing []string
	ndef := 0
	if fn.Defaults != nil {
		ndef = len(fn.Defaults.Items)
	}
	for i := 0; i < np; i++ {
		if locals[i] != nil {
			continue
		}
		if d := i - (np - ndef); d >= 0 {
			v := fn.Defaults.Items[d]
			t.Incref(v)
			locals[i] = v
			continue
		}
		missing = append(missing, code.Varnames[i])
	}
	if len(missing) > 0 {
		return t.newExcf(TypeErrorClass, "%s() missing %d required positional %s: %s", name,
			len(missing), pluralWord(len(missing), "argument"), quoteList(missing))
	}
	for i := np; i < np+nkw; i++ {
		if locals[i] != nil {
			continue
		}
		if fn.KwDefaults != nil {
			if v := fn.KwDefaults.getStr(code.Varnames[i]); v != nil {
				t.Incref(v)
				locals[i] = v
				continue
			}
		}
		missing = append(missing, code.Varnames[i])
	}
	if len(missing) > 0 {
		return t.newExcf(TypeErrorClass, "%s() missing %d required keyword-only %s: %s", name,
			len(missing), pluralWord(len(missing), "argument"), quoteList(missing))
	}
	return nil
}

func pluralWord(n int, w string) string {
	if n == 1 {
		return w
	}
	return w + "s"
}

// quoteList formats names as CPython's argument errors do: 'a', 'b' and 'c'.
func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = "'" + n + "'"
	}
	if len(q) == 1 {
		return q[0]
	}
	if len(q) == 2 {
		return q[0] + " and " + q[1]
	}
	return strings.Join(q[:len(q)-1], ", ") + ", and " + q[len(q)-1]
}

// callGeneric executes CALL for a callable that is not a plain Python function:
// stack [callable, self_or_null, args…] at f.sp.
func (t *Thread) callGeneric(f *Frame, n int, kw []string) error {
	sp := f.sp
	callable, self := f.stack[sp-n-2], f.stack[sp-n-1]
	var fnv Value
	var args []Value
	if callable != nil {
		fnv, args = callable, f.stack[sp-n-1:sp]
	} else {
		fnv, args = self, f.stack[sp-n:sp]
	}
	var res Value
	var err error
	if mayDrain(args) {
		if i := consumedArg(fnv, args, kw); i >= 0 {
			err = t.pushDrain(fnv, args, kw, i)
		} else {
			res, err = t.callValue(fnv, args, kw, true)
		}
	} else {
		res, err = t.callValue(fnv, args, kw, true)
	}
	if err != nil && err != errBlocked {
		return err
	}
	for i := sp - n - 2; i < sp; i++ {
		t.xdecref(f.stack[i])
		f.stack[i] = nil
	}
	f.sp = sp - n - 2
	if err == errBlocked {
		return err
	}
	if res != nil {
		f.stack[f.sp] = res
		f.sp++
	}
	return nil
}

// callValue calls fn with borrowed args. When push is true and fn runs Python code,
// it pushes a frame and returns (nil, nil): the frame's return value will be pushed
// onto the caller's stack. Otherwise it returns the result.
func (t *Thread) callValue(fn Value, args []Value, kw []string, push bool) (Value, error) {
	switch fn := fn.(type) {
	case *Function:
		if !push {
			return t.callSync(fn, args, kw, nil)
		}
		for _, a := range args {
			t.Incref(a)
		}
		if err := t.pushCall(fn, args, kw); err != nil {
			for _, a := range args {
				t.Decref(a)
			}
			return nil, err
		}
		return nil, nil
	case *Builtin:
		t.Cost += t.Costs.CCall
		if fn.Self != nil {
			args = prepend(fn.Self, args)
		}
		if push && fn.Push != nil {
			f := t.frame
			if r, err := fn.Push(t, args, kw); r != nil || err != nil || t.frame != f {
				return r, err
			}
		}
		return fn.Fn(t, args, kw)
	case *BoundMethod:
		return t.callValue(fn.Func, prepend(fn.Self, args), kw, push)
	case *Class:
		if m := userDunder(fn, "__call__"); m != nil {
			return t.callValue(m, prepend(fn, args), kw, push)
		}
		return t.instantiate(fn, args, kw, push)
	case *GenericAlias:
		return t.callValue(fn.Origin, args, kw, push)
	case *Instance:
		call := fn.Class.Lookup("__call__")
		if call != nil {
			return t.callValue(call, prepend(fn, args), kw, push)
		}
	}
	return nil, t.newExcf(TypeErrorClass, "'%s' object is not callable", fn.Type().Name)
}

func prepend(v Value, args []Value) []Value {
	out := make([]Value, len(args)+1)
	out[0] = v
	copy(out[1:], args)
	return out
}

// Call calls fn with borrowed args and returns the result, running any Python code to
// completion in a nested run. Builtins use it to call back into Python.
func (t *Thread) Call(fn Value, args ...Value) (Value, error) {
	return t.callValue(fn, args, nil, false)
}

// CallKw is Call with keyword arguments: the last len(kw) args are their values.
func (t *Thread) CallKw(fn Value, args []Value, kw []string) (Value, error) {
	return t.callValue(fn, args, kw, false)
}

// nestedBudget bounds the simulated time a nested call may run, so that an infinite
// loop in a callback cannot hang the simulation.
const nestedBudget = 60_000_000_000_000_000 // 60 s in ps

// nestedSlice is how much simulated time a nested call runs between two looks at the
// run's interrupt: 1 ms in ps.
const nestedSlice = 1_000_000_000

// callSync runs fn(args) to completion in a nested run of the evaluator. setup, if
// non-nil, adjusts the new frame before it runs.
func (t *Thread) callSync(fn *Function, args []Value, kw []string, setup func(*Frame)) (Value, error) {
	for _, a := range args {
		t.Incref(a)
	}
	if err := t.pushCall(fn, args, kw); err != nil {
		for _, a := range args {
			t.Decref(a)
		}
		return nil, err
	}
	return t.runSync(setup)
}

// runSync runs the frame just pushed until it returns.
func (t *Thread) runSync(setup func(*Frame)) (Value, error) {
	f := t.frame
	if t.finalizers != nil {
		// No Python code runs before the callbacks of what was freed (finalize.go).
		t.runFinalizers()
	}
	f.sync = true
	if setup != nil {
		setup(f)
	}
	savedBudget, savedBreaker, savedTicks := t.budget, t.Breaker, t.Ticks
	limit := t.Cost + nestedBudget
	t.Breaker, t.Ticks = &zeroBreaker, -1
	t.syncDepth++
	var stop Stop
	for {
		// The nested loop runs in slices, so that the run's interrupt is looked at
		// while a callback runs long.
		t.budget = min(limit, t.Cost+nestedSlice)
		if stop = t.run(); stop != StopBudget || t.Cost >= limit || t.interrupted() != nil {
			break
		}
	}
	t.syncDepth--
	t.budget, t.Breaker, t.Ticks = savedBudget, savedBreaker, savedTicks
	switch stop {
	case stopSync:
		if e := t.syncErr; e != nil {
			// The caller's frame adds its own traceback entry.
			t.syncErr = nil
			return nil, e
		}
		r := t.syncResult
		t.syncResult = nil
		return r, nil
	case StopBlocked:
		t.Pending = nil
		t.unwindTo(f)
		return nil, t.newExc(RuntimeErrorClass,
			"gilscope does not support blocking calls inside code called back from a builtin (such as a sort key)")
	default:
		t.unwindTo(f)
		return nil, &LimitError{Class: RuntimeErrorClass, Msg: "gilscope: a callback from a builtin ran for more than 60 s of simulated time"}
	}
}

// unwindTo pops frames up to and including f.
func (t *Thread) unwindTo(f *Frame) {
	for t.frame != nil {
		g := t.frame
		t.popFrame(g)
		if g == f {
			return
		}
	}
}

// instantiate calls a class: cls(args).
func (t *Thread) instantiate(cls *Class, args []Value, kw []string, push bool) (Value, error) {
	if cls == LocalClass {
		return t.newLocal(cls, args, kw)
	}
	if cls.builtin || cls.New != nil && cls.Dict == nil {
		if cls.New == nil {
			return nil, t.newExcf(TypeErrorClass, "cannot create '%s' instances", cls.Name)
		}
		t.Cost += t.Costs.TypeCall
		return cls.New(t, prepend(cls, args), kw)
	}
	t.Cost += t.Costs.NewObject
	newer := cls.userLookup("__new__")
	inst, err := t.newObject(cls, newer, args, kw)
	if err != nil {
		return nil, err
	}
	if !IsInstance(inst, cls) {
		// __new__ returned something else: __init__ is not called.
		return inst, nil
	}
	init := cls.Lookup("__init__")
	switch init := init.(type) {
	case *Function:
		all := prepend(inst, args)
		if !push {
			r, err := t.callSync(init, all, kw, nil)
			if err == nil {
				err = t.checkInitResult(r)
			}
			if err != nil {
				t.Decref(inst)
				return nil, err
			}
			return inst, nil
		}
		for _, a := range all {
			t.Incref(a)
		}
		if err := t.pushCall(init, all, kw); err != nil {
			for _, a := range all {
				t.Decref(a)
			}
			t.Decref(inst)
			return nil, err
		}
		t.frame.onReturn = func(t *Thread, ret Value) (Value, error) {
			if err := t.checkInitResult(ret); err != nil {
				t.Decref(inst)
				return nil, err
			}
			return inst, nil
		}
		return nil, nil
	case *Builtin:
		r, err := init.Fn(t, prepend(inst, args), kw)
		if err != nil {
			t.Decref(inst)
			return nil, err
		}
		t.Decref(r)
		return inst, nil
	}
	if (len(args) > 0 || len(kw) > 0) && newer == nil && !subclassable(cls.layout()) && cls.layout() != TypeClass {
		t.Decref(inst)
		return nil, t.newExcf(TypeErrorClass, "%s() takes no arguments", cls.Name)
	}
	return inst, nil
}

// newObject makes a new instance of the user class cls, as cls.__new__ does:
// newer is a __new__ a class of the program defines (nil for the builtin one).
func (t *Thread) newObject(cls *Class, newer Value, args []Value, kw []string) (Value, error) {
	if newer != nil {
		if sm, ok := newer.(*staticMethod); ok {
			newer = sm.fn
		}
		return t.callValue(newer, prepend(cls, args), kw, false)
	}
	if l := cls.layout(); subclassable(l) {
		return builtinNew(l)(t, prepend(cls, args), kw)
	} else if l == TypeClass {
		return typeNew(t, prepend(cls, args), kw)
	}
	if cls.isLocal() {
		l, err := t.newLocal(cls, args, kw)
		if err != nil {
			return nil, err
		}
		return l, nil
	}
	if err := t.checkAbstract(cls); err != nil {
		return nil, err
	}
	inst := t.newInstance(cls)
	if cls.IsSubclass(BaseExceptionClass) {
		if len(kw) > 0 {
			t.Decref(inst)
			return nil, t.newExcf(TypeErrorClass, "%s() takes no keyword arguments", cls.Name)
		}
		inst.Exc = &ExcState{}
		items := make([]Value, len(args))
		for i, a := range args {
			t.Incref(a)
			items[i] = a
		}
		inst.Exc.Args = t.newTuple(items)
	}
	return inst, nil
}

func (t *Thread) checkInitResult(r Value) error {
	defer t.Decref(r)
	if r != None {
		return t.newExcf(TypeErrorClass, "__init__() should return None, not '%s'", r.Type().Name)
	}
	return nil
}

// checkAbstract refuses to instantiate a class whose __abstractmethods__ (which
// abc.ABCMeta sets) is not empty, as CPython's object.__new__ does.
func (t *Thread) checkAbstract(cls *Class) error {
	v := cls.Lookup("__abstractmethods__")
	if v == nil {
		return nil
	}
	items, err := t.toItems(v)
	if err != nil {
		return err
	}
	defer t.decrefAll(items)
	if len(items) == 0 {
		return nil
	}
	var names []string
	for _, it := range items {
		if s, ok := it.(*Str); ok {
			names = append(names, "'"+s.S+"'")
		}
	}
	slices.Sort(names)
	what := "method"
	if len(names) != 1 {
		what = "methods"
	}
	return t.newExcf(TypeErrorClass, "Can't instantiate abstract class %s without an implementation for abstract %s %s",
		cls.Name, what, strings.Join(names, ", "))
}

func (t *Thread) newInstance(cls *Class) *Instance {
	inst := &Instance{Class: cls, Dict: t.NewDict()}
	t.in.alloc(&inst.Header)
	t.Incref(cls)
	return inst
}

// buildClass implements __build_class__(body, name[, base]): it runs the class body
// in a new namespace (as a pushed frame when push is set) and creates the class.
func (t *Thread) buildClass(args []Value, kw []string, push bool) (Value, error) {
	if len(args) < 2 {
		return nil, t.newExc(TypeErrorClass, "__build_class__: not enough arguments")
	}
	body, ok := args[0].(*Function)
	name, ok2 := args[1].(*Str)
	if !ok || !ok2 {
		return nil, t.newExc(TypeErrorClass, "__build_class__: bad arguments")
	}
	npos := len(args) - len(kw)
	bases := []*Class{ObjectClass}
	if npos > 2 {
		bases = bases[:0]
		given, err := t.mroEntries(args[2:npos])
		if err != nil {
			return nil, err
		}
		defer t.decrefAll(given)
		for _, a := range given {
			b, ok := a.(*Class)
			if !ok {
				return nil, t.newExcf(TypeErrorClass, "bases must be types")
			}
			if err := t.checkBase(b); err != nil {
				return nil, err
			}
			bases = append(bases, b)
		}
		if err := t.checkLayouts(bases); err != nil {
			return nil, err
		}
	}
	kwnames, kwvals, explicit, err := t.classKeywords(kw, args[npos:])
	if err != nil {
		return nil, err
	}
	metaV, err := t.metaclassOf(explicit, bases)
	if err != nil {
		return nil, err
	}
	meta, _ := metaV.(*Class)
	var given []Value // the bases as the statement gave them, for a metaclass
	if npos > 2 {
		for _, b := range bases {
			given = append(given, b)
		}
	}
	ns, err := t.prepareNamespace(metaV, name, given, kwnames, kwvals)
	if err != nil {
		return nil, err
	}
	module := "__main__"
	if t.frame != nil {
		module = moduleOf(t.frame.globals)
	}
	finish := func(t *Thread, ret Value) (Value, error) {
		t.xdecref(ret)
		if m, ok := ns.getStr("__module__").(*Str); ok {
			module = m.S // the body set __module__
		}
		if meta == TypeClass {
			return t.makeClass(classSpec{meta: meta, name: name.S, module: module, bases: bases, ns: ns,
				kw: kwnames, kwvals: kwvals})
		}
		// A metaclass makes the class: metaclass(name, bases, namespace, **kw).
		for _, b := range given {
			t.Incref(b)
		}
		bt := t.newTuple(append([]Value(nil), given...))
		defer t.Decref(bt)
		return t.callValue(metaV, append([]Value{name, bt, ns}, kwvals...), kwnames, false)
	}
	if err := t.pushCall(body, nil, nil); err != nil {
		t.Decref(ns)
		return nil, err
	}
	t.frame.names = ns
	t.frame.ownsNames = true
	if push {
		t.frame.onReturn = finish
		return nil, nil
	}
	r, err := t.runSync(func(f *Frame) { f.onReturn = finish })
	return r, err
}
