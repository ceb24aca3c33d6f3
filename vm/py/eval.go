// This file defines the evaluator: one loop with one switch that runs a thread's
// instructions until its budget runs out, a check point finds the eval breaker set, it
// blocks, or it finishes.

package py

import (
	"fmt"

	"github.com/gilscope/gilscope/vm/compile"
)

// Run runs the thread until its consumed Cost reaches budget (picoseconds, counted in
// the same units as Cost), it stops at a check point, blocks or finishes. It always
// stops at an instruction boundary.
func (t *Thread) Run(budget int64) Stop {
	if t.Done {
		return StopDone
	}
	if t.Pending != nil {
		return StopBlocked
	}
	t.budget = budget
	defer t.recoverPanic()
	if t.writeRest != nil && t.continueWrite() {
		return StopBlocked
	}
	return t.run()
}

// recoverPanic turns a Go panic in the evaluator (a gilscope bug) into an uncaught
// SystemError that ends the thread, so that one bad program cannot take down the
// process serving others.
func (t *Thread) recoverPanic() {
	if r := recover(); r != nil {
		exc := t.newExcf(SystemErrorClass, "gilscope internal error: %v", r)
		if t.in.Config.Debug {
			panic(r)
		}
		t.finish(nil, exc)
	}
}

// run is the dispatch loop. It returns when the budget is spent, at a check point, when
// the thread blocks or finishes, or (for nested calls) when a sync frame returns.
func (t *Thread) run() Stop {
	var (
		f     *Frame
		code  []uint32
		stack []Value
		sp    int
		pc    int
		err   error
	)
	costs := t.Costs
	var opCost *[256]int64 // the current frame's prices of instructions (set at reload)
	check := t.Checkpoint
	skip := t.skipCheck
	t.skipCheck = false
	budget := t.budget
	in := t.in
	if e := t.pendingErr; e != nil {
		t.pendingErr = nil
		if stop, done := t.handleError(t.frame, e); done {
			return stop
		}
	}
reload:
	f = t.frame
	code = f.code.Code
	// A drain frame stands for a builtin's C loop over a generator (drain.go):
	// its instructions are free, and each item costs what resuming the
	// generator does (its yield).
	opCost = &costs.Op
	if isDrainCode(f.code) {
		opCost = &freeOps
	}
	stack = f.stack
	sp = f.sp
	pc = f.pc
	for {
		if t.Cost >= budget {
			f.pc, f.sp = pc, sp
			return StopBudget
		}
		w := code[pc]
		op := compile.Opcode(w)
		arg := w >> 8
		if check[op] {
			// The instruction a thread stopped before is checked once: resuming runs
			// it, as CPython goes on past the check after taking the GIL back.
			if skip {
				skip = false
			} else if *t.Breaker != 0 {
				f.pc, f.sp = pc, sp
				if t.finalizers != nil {
					t.pushFinalizers() // finalize.go
					goto reload
				}
				t.skipCheck = true
				return StopCheckpoint
			} else if t.Ticks > 0 {
				t.Ticks--
				if t.Ticks == 0 {
					f.pc, f.sp = pc, sp
					t.skipCheck = true
					return StopCheckpoint
				}
			}
		}
		f.lasti = pc
		pc++
		t.Cost += opCost[op]
		t.Instructions++

		switch op {
		case compile.NOP, compile.RESUME, compile.END_FOR:

		case compile.LOAD_FAST:
			v := f.locals[arg]
			if v == nil {
				err = t.unboundLocal(f, int(arg))
				break
			}
			// Incref and Decref, written out: too large for Go to inline, and
			// these instructions are most of every loop.
			if h := hdrOf(v); h.flags == 0 {
				h.Ref++
			} else {
				t.increfSlow(v, h)
			}
			stack[sp] = v
			sp++

		case compile.STORE_FAST:
			sp--
			old := f.locals[arg]
			f.locals[arg] = stack[sp]
			stack[sp] = nil
			if old != nil {
				if h := hdrOf(old); h.flags == 0 {
					if h.Ref--; h.Ref == 0 {
						t.free(old)
					}
				} else if h.flags&flagImmortal == 0 { // a loop index is often a small int
					t.decrefSlow(old, h)
				}
			}

		case compile.LOAD_CONST:
			v := f.consts[arg]
			if h := hdrOf(v); h.flags == 0 {
				h.Ref++
			} else if h.flags&flagImmortal == 0 { // constants are often immortal
				t.increfSlow(v, h)
			}
			stack[sp] = v
			sp++

		case compile.POP_TOP:
			sp--
			t.xdecref(stack[sp])
			stack[sp] = nil

		case compile.PUSH_NULL:
			stack[sp] = nil
			sp++

		case compile.COPY:
			v := stack[sp-int(arg)]
			t.Incref(v)
			stack[sp] = v
			sp++

		case compile.SWAP:
			i := sp - int(arg)
			stack[sp-1], stack[i] = stack[i], stack[sp-1]

		case compile.BINARY_OP:
			x, y := stack[sp-2], stack[sp-1]
			t.Cost += costs.BinOp[arg&31]
			var r Value
			if a, ok := x.(*Int); ok && a.Big == nil && a.sub == nil {
				if b, ok := y.(*Int); ok && b.Big == nil && b.sub == nil {
					r = t.smallIntOp(int(arg), a.V, b.V)
				}
			}
			if r == nil {
				r, err = t.BinaryOp(int(arg), x, y)
				if err != nil {
					break
				}
			}
			sp -= 2
			stack[sp] = r
			stack[sp+1] = nil
			sp++
			t.decrefPair(x, y)

		case compile.COMPARE_OP:
			x, y := stack[sp-2], stack[sp-1]
			var r Value
			if a, ok := x.(*Int); ok && a.Big == nil && a.sub == nil {
				if b, ok := y.(*Int); ok && b.Big == nil && b.sub == nil {
					r = BoolOf(compareInts(int(arg>>4), a.V, b.V))
				}
			}
			if r == nil {
				r, err = t.Compare(int(arg>>4), x, y)
				if err != nil {
					break
				}
			}
			sp -= 2
			stack[sp] = r
			stack[sp+1] = nil
			sp++
			t.decrefPair(x, y)

		case compile.POP_JUMP_IF_FALSE, compile.POP_JUMP_IF_TRUE:
			sp--
			v := stack[sp]
			stack[sp] = nil
			var b bool
			switch v {
			case True:
				b = true
			case False, None:
				b = false
			default:
				b, err = t.Truth(v)
				t.Decref(v)
				if err != nil {
					break
				}
			}
			if b == (op == compile.POP_JUMP_IF_TRUE) {
				pc = int(arg)
			}

		case compile.POP_JUMP_IF_NONE, compile.POP_JUMP_IF_NOT_NONE:
			sp--
			v := stack[sp]
			stack[sp] = nil
			if (v == None) == (op == compile.POP_JUMP_IF_NONE) {
				pc = int(arg)
			}
			t.Decref(v)

		case compile.JUMP_FORWARD, compile.JUMP_BACKWARD:
			pc = int(arg)

		case compile.LOAD_GLOBAL:
			name := f.code.Names[arg>>1]
			v := f.globals.getStr(name)
			if v == nil {
				v = f.builtinsDict(in).getStr(name)
				if v == nil {
					err = t.nameError(name)
					break
				}
			}
			if arg&1 != 0 {
				stack[sp] = nil
				sp++
			}
			t.Incref(v)
			stack[sp] = v
			sp++

		case compile.STORE_GLOBAL:
			sp--
			v := stack[sp]
			stack[sp] = nil
			if in.Hook != nil {
				t.traceShared(v)
			}
			t.setStr(f.globals, f.code.Names[arg], v)
			t.Decref(v)

		case compile.FOR_ITER:
			var v Value
			if it, ok := stack[sp-1].(*iterator); ok {
				v = t.iterNext(it)
			} else if g, ok := stack[sp-1].(*Generator); ok && g.frame != nil {
				// The generator's frame runs on this thread's stack; what it yields
				// lands on this stack, and its return ends the loop (genReturn).
				f.pc, f.sp = pc, sp
				if err = t.resumeGen(g, None, genForIter); err != nil {
					break
				}
				goto reload
			} else if next := pyNext(stack[sp-1]); next != nil {
				// A Python __next__ runs as a frame (it may block); its value lands
				// on this stack, and StopIteration ends the loop (handleError).
				f.pc, f.sp = pc, sp
				if err = t.callIterNext(next, stack[sp-1]); err != nil {
					break
				}
				goto reload
			} else {
				v, err = t.Next(stack[sp-1])
				if err != nil {
					break
				}
			}
			if v == nil {
				sp--
				t.Decref(stack[sp])
				stack[sp] = nil
				pc = int(arg) + 1
				break
			}
			stack[sp] = v
			sp++

		case compile.RETURN_VALUE, compile.RETURN_CONST:
			if t.finalizers != nil {
				// Callbacks waiting for the next check point run before the frame
				// returns (its thread may end, or leave its threading bookkeeping,
				// before one), and the return after them (finalize.go).
				pc--
				t.Cost -= opCost[op]
				t.Instructions--
				f.pc, f.sp = pc, sp
				t.pushFinalizers()
				goto reload
			}
			var v Value
			if op == compile.RETURN_CONST {
				v = f.consts[arg]
				t.Incref(v)
			} else {
				sp--
				v = stack[sp]
				stack[sp] = nil
			}
			f.sp = sp
			if stop, done := t.returnFrom(f, v); done {
				return stop
			}
			if t.pendingErr != nil {
				err = t.pendingErr
				t.pendingErr = nil
				goto raise
			}
			goto reload

		case compile.CALL:
			n := int(arg)
			kw := f.kwnames
			f.kwnames = nil
			f.pc, f.sp = pc, sp
			callable, self := stack[sp-n-2], stack[sp-n-1]
			var fn *Function
			var args []Value
			if callable != nil {
				fn, _ = callable.(*Function)
				args = stack[sp-n-1 : sp]
			} else {
				fn, _ = self.(*Function)
				args = stack[sp-n : sp]
			}
			if fn == nil {
				err = t.callGeneric(f, n, kw)
				if err != nil {
					sp = f.sp // a blocking call has already popped its arguments
					break
				}
				if t.frame != f {
					if t.pendingErr != nil {
						// throw() resumed a generator with an exception to raise in it.
						err = t.pendingErr
						t.pendingErr = nil
						goto raise
					}
					goto reload
				}
				sp = f.sp
				break
			}
			// A Python function: the arguments move into the new frame.
			err = t.pushCall(fn, args, kw)
			if err != nil {
				break
			}
			for i := sp - n - 2; i < sp; i++ {
				stack[i] = nil
			}
			f.sp = sp - n - 2
			t.Decref(fn)
			goto reload

		default:
			f.pc, f.sp = pc, sp
			err = t.execSlow(f, op, arg)
			if err == nil {
				if t.frame != f {
					if t.pendingErr != nil {
						// throw() through CALL_FUNCTION_EX resumed a generator with
						// an exception to raise in it.
						err = t.pendingErr
						t.pendingErr = nil
						goto raise
					}
					goto reload
				}
				sp, pc = f.sp, f.pc
				continue
			}
			sp = f.sp
		}
		if err == nil {
			continue
		}
		f.pc, f.sp = pc, sp
	raise:
		stop, done := t.handleError(t.frame, err)
		err = nil
		if done {
			return stop
		}
		goto reload
	}
}

// pyNext returns the Python __next__ function of a user-defined iterator, or nil.
func pyNext(it Value) *Function {
	if inst, ok := it.(*Instance); ok {
		if fn, ok := inst.Class.Lookup("__next__").(*Function); ok {
			return fn
		}
	}
	return nil
}

// callIterNext pushes a frame running next(it) for FOR_ITER.
func (t *Thread) callIterNext(next *Function, it Value) error {
	t.Incref(it)
	if err := t.pushCall(next, []Value{it}, nil); err != nil {
		t.Decref(it)
		return err
	}
	t.frame.forIter = true
	return nil
}

// smallIntOp computes a BINARY_OP on two machine ints, or returns nil when the
// result needs the general path (overflow, division, floats).
func (t *Thread) smallIntOp(op int, a, b int64) Value {
	if op >= compile.NumInplace {
		op -= compile.NumInplace
	}
	switch op {
	case 0: // +
		c := a + b
		if (c > a) == (b > 0) {
			return t.newInt(c)
		}
	case 10: // -
		c := a - b
		if (c < a) == (b > 0) {
			return t.newInt(c)
		}
	case 5: // *
		if a > -(1<<31) && a < 1<<31 && b > -(1<<31) && b < 1<<31 {
			return t.newInt(a * b)
		}
	case 1: // &
		return t.newInt(a & b)
	case 7: // |
		return t.newInt(a | b)
	case 12: // ^
		return t.newInt(a ^ b)
	case 6: // %
		if b != 0 {
			m := a % b
			if m != 0 && (m < 0) != (b < 0) {
				m += b
			}
			return t.newInt(m)
		}
	case 2: // //
		if b != 0 && !(a == -1<<63 && b == -1) {
			q := a / b
			if (a%b != 0) && ((a < 0) != (b < 0)) {
				q--
			}
			return t.newInt(q)
		}
	}
	return nil
}

func compareInts(op int, a, b int64) bool {
	switch op {
	case 0:
		return a < b
	case 1:
		return a <= b
	case 2:
		return a == b
	case 3:
		return a != b
	case 4:
		return a > b
	}
	return a >= b
}

// returnFrom pops frame f, which returned v (a new reference), and delivers v to
// its caller. done reports that Run must return stop.
func (t *Thread) returnFrom(f *Frame, v Value) (stop Stop, done bool) {
	if f.gen != nil {
		return t.genReturn(f, v)
	}
	var rerr error // onReturn's error (a class statement's __init_subclass__)
	if f.onReturn != nil {
		r, err := f.onReturn(t, v)
		if err != nil {
			v, rerr = nil, err
		} else {
			v = r
		}
	}
	t.popFrame(f)
	exc, _ := rerr.(*Instance)
	if exc == nil && rerr != nil {
		t.pendingErr = rerr
	}
	if f.sync {
		if f == t.base {
			t.finish(v, exc)
			return StopDone, true
		}
		t.syncResult, t.syncErr = v, exc
		return stopSync, true
	}
	if exc != nil {
		t.pendingErr = exc
	}
	if v != nil {
		p := t.frame
		p.stack[p.sp] = v
		p.sp++
	}
	return 0, false
}

// popFrame releases f's locals and stack and makes its parent current. A generator's
// frame popped this way has finished.
func (t *Thread) popFrame(f *Frame) {
	t.releaseFrame(f)
	t.frame = f.parent
	t.depth--
	if f.gen != nil {
		t.genFinished(f.gen)
	}
}

// releaseFrame drops the references f holds.
func (t *Thread) releaseFrame(f *Frame) {
	for i, v := range f.locals {
		if v != nil {
			t.Decref(v)
			f.locals[i] = nil
		}
	}
	for i, c := range f.cells {
		if c != nil {
			t.Decref(c)
			f.cells[i] = nil
		}
	}
	for i := 0; i < f.sp; i++ {
		if v := f.stack[i]; v != nil {
			t.Decref(v)
			f.stack[i] = nil
		}
	}
	f.sp = 0
	if f.ownsNames {
		t.Decref(f.names)
		f.names = nil
	}
	if f.localsDict != nil {
		t.Decref(f.localsDict)
		f.localsDict = nil
	}
	if f.fn != nil {
		fn := f.fn
		f.fn = nil
		t.Decref(fn)
	}
}

// handleError delivers err, raised while executing f.lasti, to the innermost handler.
// done reports that Run must return stop (the thread blocked, finished, or a nested call
// ended with the exception).
func (t *Thread) handleError(f *Frame, err error) (stop Stop, done bool) {
	if err == errSyncDone {
		return stopSync, true
	}
	if err == errBlocked {
		if t.resume == nil {
			t.resume = pushResult
		}
		return StopBlocked, true
	}
	var exc *Instance
	reraise := false
	switch e := err.(type) {
	case *Instance:
		exc = e
	case *reraiseError:
		exc, reraise = e.exc, true
	default:
		exc = t.internalError(err)
	}
	if !reraise {
		t.setContext(exc)
		exc.Exc.addTraceback(f)
	}
	for {
		if h, ok := f.code.HandlerFor(f.lasti); ok {
			for f.sp > int(h.Depth) {
				f.sp--
				t.xdecref(f.stack[f.sp])
				f.stack[f.sp] = nil
			}
			if h.Lasti {
				f.stack[f.sp] = t.newInt(int64(f.lasti))
				f.sp++
			}
			f.stack[f.sp] = exc
			f.sp++
			f.pc = int(h.Target)
			return 0, false
		}
		if f.code == finalizeCode {
			t.finalizerRaised(f, exc)
			return 0, false
		}
		t.popFrame(f)
		if f.forIter && exc.Class.IsSubclass(StopIterationClass) {
			// The iterator's __next__ ended the loop: pop the iterator and jump past
			// the loop, as FOR_ITER does for an exhausted builtin iterator.
			t.Decref(exc)
			p := t.frame
			p.sp--
			t.Decref(p.stack[p.sp])
			p.stack[p.sp] = nil
			_, arg := p.code.Op(p.lasti)
			p.pc = int(arg) + 1
			return 0, false
		}
		if f.sync {
			if f == t.base {
				t.finish(nil, exc)
				return StopDone, true
			}
			t.syncErr = exc
			return stopSync, true
		}
		f = t.frame
		exc.Exc.addTraceback(f)
	}
}

// reraiseError re-raises an exception without adding a traceback entry (RERAISE and
// a bare raise).
type reraiseError struct{ exc *Instance }

func (r *reraiseError) Error() string { return "reraise" }

// internalError wraps a Go error that is not a Python exception. Limits the simulator
// enforces arrive here too and become the exception they name.
func (t *Thread) internalError(err error) *Instance {
	if le, ok := err.(*LimitError); ok {
		return t.newExc(le.Class, le.Msg)
	}
	return t.newExc(SystemErrorClass, fmt.Sprintf("gilscope internal error: %v", err))
}

// LimitError is returned when a program exceeds one of the runtime's limits; it is
// raised in the program as Class (MemoryError, RecursionError …).
type LimitError struct {
	Class *Class
	Msg   string
}

func (e *LimitError) Error() string { return e.Class.Name + ": " + e.Msg }
