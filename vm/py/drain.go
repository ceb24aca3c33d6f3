// This file defines how builtins called from Python code consume a generator: a
// builtin runs Python code it calls back in a nested run, where a blocking call is
// refused, yet `sorted(f.result() for f in futures)` must wait for each future. So a
// call like list(gen), dict(gen), sorted(gen), sum(gen), min/max(gen), "".join(gen),
// d.update(gen), any(gen) or all(gen), unpacking `a, b = gen` and `x in gen` first runs a small synthetic frame on the thread's stack that iterates the
// generator with FOR_ITER (each resume is a pushed frame, which may block and be
// switched), then hands the collected list to the builtin, or decides any/all itself.

package py

import "github.com/gilscope/gilscope/vm/compile"

func synthCode(name string, consts int, ops ...uint32) *compile.Funcode {
	return &compile.Funcode{Name: name, QualName: name, Code: ops, Pos: make([]compile.Position, len(ops)),
		Varnames: []string{".0"}, NumParams: 1, MaxStack: 4, Consts: make([]any, consts)}
}

func op(o compile.Opcode, arg uint32) uint32 { return uint32(o) | arg<<8 }

// Drain codes: local 0 is the generator, the other locals hold the call to make.
var (
	// collectCode builds the list of the generator's items.
	collectCode = synthCode("<collect>", 0,
		op(compile.BUILD_LIST, 0),
		op(compile.LOAD_FAST, 0),
		op(compile.FOR_ITER, 5),
		op(compile.LIST_APPEND, 2),
		op(compile.JUMP_BACKWARD_NO_INTERRUPT, 2),
		op(compile.END_FOR, 0),
		op(compile.RETURN_VALUE, 0))
	// anyCode and allCode return at the first item that decides.
	anyCode     = decideCode("<any>", compile.POP_JUMP_IF_TRUE, 1, 2)
	allCode     = decideCode("<all>", compile.POP_JUMP_IF_FALSE, 2, 1)
	drainConsts = []Value{None, False, True}
	// containsCode is `item in it` (local 1 in local 0): it compares each item
	// until one is equal, consuming the iterator up to there as CPython does.
	// Run with notInConsts it is `not in`.
	// An item identical to the one searched is equal without asking __eq__.
	containsCode = synthCode("<contains>", 3,
		op(compile.LOAD_FAST, 0),
		op(compile.FOR_ITER, 10),
		op(compile.COPY, 1),
		op(compile.LOAD_FAST, 1),
		op(compile.IS_OP, 0),
		op(compile.POP_JUMP_IF_TRUE, 12),
		op(compile.LOAD_FAST, 1),
		op(compile.COMPARE_OP, 2<<4),
		op(compile.POP_JUMP_IF_TRUE, 13),
		op(compile.JUMP_BACKWARD_NO_INTERRUPT, 1),
		op(compile.END_FOR, 0),
		op(compile.RETURN_CONST, 1),
		op(compile.POP_TOP, 0),
		op(compile.POP_TOP, 0),
		op(compile.RETURN_CONST, 2))
	notInConsts = []Value{None, True, False}
)

// decideCode iterates the generator until jump takes an item, then returns
// constant decided (of drainConsts); it returns constant exhausted if no item
// decides.
func decideCode(name string, jump compile.Opcode, exhausted, decided uint32) *compile.Funcode {
	return synthCode(name, 3,
		op(compile.LOAD_FAST, 0),
		op(compile.FOR_ITER, 4),
		op(jump, 6),
		op(compile.JUMP_BACKWARD_NO_INTERRUPT, 1),
		op(compile.END_FOR, 0),
		op(compile.RETURN_CONST, exhausted),
		op(compile.POP_TOP, 0),
		op(compile.RETURN_CONST, decided))
}

// freeOps prices the instructions of drain frames: nothing.
var freeOps [256]int64

// isDrainCode reports whether code is one of the synthetic drain codes, which
// tracebacks leave out as CPython shows no frame for a builtin.
func isDrainCode(code *compile.Funcode) bool {
	return code == collectCode || code == anyCode || code == allCode || code == containsCode ||
		code == printCode || code == printFlushCode || code == finalizeCode
}

// pushContains pushes a frame that answers `item in it` (`not in` when not is
// set) by iterating it on the thread's stack, for a generator or an iterator
// written in Python. It takes over the references to it and item.
func (t *Thread) pushContains(it, item Value, not bool) error {
	if t.depth >= maxDepth {
		t.Decref(it)
		t.Decref(item)
		return &LimitError{Class: RecursionErrorClass, Msg: "maximum recursion depth exceeded"}
	}
	consts := drainConsts
	if not {
		consts = notInConsts
	}
	f := &Frame{code: containsCode, consts: consts, stack: make([]Value, containsCode.MaxStack),
		locals: []Value{it, item}, parent: t.frame, globals: t.frame.globals}
	t.frame = f
	t.depth++
	return nil
}

// searchable reports whether `in` over v iterates a generator or an iterator
// written in Python (one whose class defines no __contains__).
func searchable(v Value) bool {
	switch a := v.(type) {
	case *Generator:
		return a.frame != nil && !a.running
	case *Instance:
		return pyNext(a) != nil && a.Class.Lookup("__contains__") == nil
	}
	return false
}

// mayDrain reports whether a call's arguments include a generator or an instance
// (which may be an iterator written in Python).
func mayDrain(args []Value) bool {
	for _, a := range args {
		switch a.(type) {
		case *Generator, *Instance:
			return true
		}
	}
	return false
}

// consumedArg returns the index in args (self first for a method) of the iterable a
// builtin consumes whole, when it is a generator (started or not) or an iterator
// whose __next__ is Python code, or -1.
func consumedArg(fn Value, args []Value, kw []string) int {
	gen := func(i int) int {
		if i < len(args) {
			switch a := args[i].(type) {
			case *Generator:
				if a.frame != nil && !a.running {
					return i
				}
			case *Instance:
				if pyNext(a) != nil {
					return i
				}
			}
		}
		return -1
	}
	switch fn := fn.(type) {
	case *Class:
		switch fn {
		case ListClass, TupleClass, SetClass, FrozenSetClass, DictClass:
			if len(args) == 1 && len(kw) == 0 {
				return gen(0)
			}
		}
	case *Builtin:
		npos := len(args) - len(kw)
		switch fn.Name {
		case "sorted", "min", "max", "any", "all":
			if fn.Self == nil && npos == 1 {
				return gen(0)
			}
		case "sum":
			if fn.Self == nil && (npos == 1 || npos == 2) {
				return gen(0)
			}
		case "join":
			if _, ok := args[0].(*Str); ok && len(args) == 2 {
				return gen(1)
			}
		case "extend":
			if _, ok := args[0].(*List); ok && len(args) == 2 {
				return gen(1)
			}
		case "update":
			if _, ok := args[0].(*Dict); ok && len(args) == 2 {
				return gen(1)
			}
		}
	}
	return -1
}

// drainable reports whether v is a generator (started or not, not running) or an
// iterator whose __next__ is Python code, which a drain frame can iterate.
func drainable(v Value) bool {
	switch a := v.(type) {
	case *Generator:
		return a.frame != nil && !a.running
	case *Instance:
		return pyNext(a) != nil
	}
	return false
}

// pushCollect pushes a frame that collects the items of it (a reference it takes
// over) into a list, which it returns to the current frame (unpacking a generator).
func (t *Thread) pushCollect(it Value) error {
	if t.depth >= maxDepth {
		t.Decref(it)
		return &LimitError{Class: RecursionErrorClass, Msg: "maximum recursion depth exceeded"}
	}
	f := &Frame{code: collectCode, consts: drainConsts, stack: make([]Value, collectCode.MaxStack),
		locals: make([]Value, 2), parent: t.frame, globals: t.frame.globals}
	f.locals[0] = it
	t.frame = f
	t.depth++
	return nil
}

// pushDrain pushes a drain frame for the call fn(args, kw), whose argument i is a
// generator: the call is made with the list of its items once the frame has collected
// them (any and all decide in the frame). The frame keeps references to the call.
func (t *Thread) pushDrain(fn Value, args []Value, kw []string, i int) error {
	if t.depth >= maxDepth {
		return &LimitError{Class: RecursionErrorClass, Msg: "maximum recursion depth exceeded"}
	}
	code := collectCode
	if b, ok := fn.(*Builtin); ok && b.Self == nil {
		switch b.Name {
		case "any":
			code = anyCode
		case "all":
			code = allCode
		}
	}
	f := &Frame{code: code, consts: drainConsts, stack: make([]Value, code.MaxStack),
		locals: make([]Value, 2+len(args)), parent: t.frame}
	if t.frame != nil {
		f.globals = t.frame.globals
	}
	t.Incref(args[i])
	f.locals[0] = args[i]
	if code == collectCode {
		t.Incref(fn)
		f.locals[1] = fn
		for j, a := range args {
			if j != i {
				t.Incref(a)
				f.locals[2+j] = a
			}
		}
		f.onReturn = func(t *Thread, items Value) (Value, error) {
			call := append([]Value(nil), f.locals[2:]...)
			call[i] = items
			defer t.Decref(items)
			if c, ok := fn.(*Class); ok && c != ListClass {
				return t.callValue(c, call, kw, false)
			}
			if fn == ListClass {
				t.Incref(items)
				return items, nil
			}
			return t.callValue(fn, call, kw, false)
		}
	}
	t.frame = f
	t.depth++
	return nil
}
