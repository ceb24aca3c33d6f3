// This file defines execSlow, the evaluator's out-of-line opcodes: everything that
// is not on the hot path of a simple loop.

package py

import (
	"math/big"
	"strings"

	"github.com/gilscope/gilscope/vm/compile"
)

func (f *Frame) push(v Value) {
	f.stack[f.sp] = v
	f.sp++
}

func (f *Frame) pop() Value {
	f.sp--
	v := f.stack[f.sp]
	f.stack[f.sp] = nil
	return v
}

func (f *Frame) top() Value { return f.stack[f.sp-1] }

// execSlow executes one instruction with f.sp and f.pc saved. It may push or pop
// frames (the caller reloads when t.frame changes).
func (t *Thread) execSlow(f *Frame, op compile.Opcode, arg uint32) error {
	code := f.code
	switch op {
	case compile.DELETE_FAST:
		old := f.locals[arg]
		if old == nil {
			return t.unboundLocal(f, int(arg))
		}
		f.locals[arg] = nil
		t.Decref(old)

	case compile.DELETE_GLOBAL:
		return t.delName(f.globals, code.Names[arg], true)

	case compile.LOAD_NAME:
		name := code.Names[arg]
		v := f.names.getStr(name)
		if v == nil && f.names != f.globals {
			v = f.globals.getStr(name)
		}
		if v == nil {
			v = f.builtinsDict(t.in).getStr(name)
		}
		if v == nil {
			return t.nameError(name)
		}
		t.Incref(v)
		f.push(v)

	case compile.STORE_NAME:
		v := f.pop()
		if t.in.Hook != nil && f.names == f.globals && f.code.IsModule {
			t.traceShared(v)
		}
		t.setStr(f.names, code.Names[arg], v)
		t.Decref(v)

	case compile.DELETE_NAME:
		return t.delName(f.names, code.Names[arg], false)

	case compile.MAKE_CELL:
		c := &Cell{}
		t.in.alloc(&c.Header)
		if p := code.CellParam[arg]; p >= 0 {
			c.V = f.locals[p]
			f.locals[p] = nil
		}
		f.cells[arg] = c

	case compile.COPY_FREE_VARS:
		nc := len(code.Cellvars)
		for i, c := range f.fn.Closure {
			t.Incref(c)
			f.cells[nc+i] = c
		}

	case compile.LOAD_DEREF:
		v := f.cells[arg].V
		if v == nil {
			return t.freeVarError(f, int(arg))
		}
		t.Incref(v)
		f.push(v)

	case compile.STORE_DEREF:
		c := f.cells[arg]
		old := c.V
		c.V = f.pop()
		t.xdecref(old)

	case compile.DELETE_DEREF:
		c := f.cells[arg]
		if c.V == nil {
			return t.freeVarError(f, int(arg))
		}
		old := c.V
		c.V = nil
		t.Decref(old)

	case compile.LOAD_CLOSURE:
		c := f.cells[arg]
		t.Incref(c)
		f.push(c)

	case compile.LOAD_ATTR:
		obj := f.top()
		name := code.Names[arg>>1]
		if arg&1 != 0 {
			meth, self, err := t.loadMethod(obj, name)
			if err != nil {
				return err
			}
			f.pop()
			t.Decref(obj)
			if meth != nil {
				f.push(meth)
				f.push(self)
			} else {
				f.push(nil)
				f.push(self)
			}
			return nil
		}
		v, err := t.GetAttr(obj, name)
		if err == nil && t.pendingAttrErr != nil {
			err, t.pendingAttrErr = t.pendingAttrErr, nil
		}
		if err != nil {
			return err
		}
		f.pop()
		t.Decref(obj)
		f.push(v)

	case compile.STORE_ATTR:
		obj, v := f.stack[f.sp-1], f.stack[f.sp-2]
		if err := t.SetAttr(obj, code.Names[arg], v); err != nil {
			return err
		}
		f.pop()
		f.pop()
		t.Decref(obj)
		t.Decref(v)

	case compile.DELETE_ATTR:
		obj := f.top()
		if err := t.DelAttr(obj, code.Names[arg]); err != nil {
			return err
		}
		t.Decref(f.pop())

	case compile.BINARY_SUBSCR:
		x, k := f.stack[f.sp-2], f.stack[f.sp-1]
		v, err := t.GetItem(x, k)
		if err != nil {
			return err
		}
		t.Decref(f.pop())
		t.Decref(f.pop())
		f.push(v)

	case compile.STORE_SUBSCR:
		k, x, v := f.stack[f.sp-1], f.stack[f.sp-2], f.stack[f.sp-3]
		if err := t.SetItem(x, k, v); err != nil {
			return err
		}
		for i := 0; i < 3; i++ {
			t.Decref(f.pop())
		}

	case compile.DELETE_SUBSCR:
		k, x := f.stack[f.sp-1], f.stack[f.sp-2]
		if err := t.DelItem(x, k); err != nil {
			return err
		}
		t.Decref(f.pop())
		t.Decref(f.pop())

	case compile.BUILD_SLICE:
		s := &Slice{Step: None}
		if arg == 3 {
			s.Step = f.pop()
		}
		s.Stop = f.pop()
		s.Start = f.pop()
		t.in.alloc(&s.Header)
		f.push(s)

	case compile.UNARY_NEGATIVE, compile.UNARY_INVERT, compile.UNARY_NOT, compile.CALL_INTRINSIC_1:
		x := f.top()
		r, err := t.unary(op, arg, x)
		if err != nil {
			return err
		}
		f.pop()
		t.Decref(x)
		f.push(r)

	case compile.IS_OP:
		y := f.pop()
		x := f.pop()
		f.push(BoolOf((x == y) != (arg == 1)))
		t.Decref(x)
		t.Decref(y)

	case compile.CONTAINS_OP:
		y, x := f.stack[f.sp-1], f.stack[f.sp-2]
		if searchable(y) {
			// Iterate a generator on the thread's stack: its body may block.
			f.pop()
			f.pop()
			return t.pushContains(y, x, arg == 1)
		}
		in, err := t.Contains(y, x)
		if err != nil {
			return err
		}
		f.pop()
		f.pop()
		t.Decref(x)
		t.Decref(y)
		f.push(BoolOf(in != (arg == 1)))

	case compile.GET_ITER:
		x := f.top()
		it, err := t.Iter(x)
		if err != nil {
			return err
		}
		f.pop()
		t.Decref(x)
		f.push(it)

	case compile.BUILD_TUPLE, compile.BUILD_LIST:
		n := int(arg)
		items := make([]Value, n)
		copy(items, f.stack[f.sp-n:f.sp])
		for i := f.sp - n; i < f.sp; i++ {
			f.stack[i] = nil
		}
		f.sp -= n
		if op == compile.BUILD_TUPLE {
			f.push(t.newTuple(items))
		} else {
			f.push(t.newList(items))
		}

	case compile.BUILD_SET:
		n := int(arg)
		s := t.newSet(false)
		for _, v := range f.stack[f.sp-n : f.sp] {
			if err := t.setAdd(s, v); err != nil {
				t.Decref(s)
				return err
			}
		}
		for i := 0; i < n; i++ {
			t.Decref(f.pop())
		}
		f.push(s)

	case compile.BUILD_MAP:
		n := int(arg)
		d := t.NewDict()
		base := f.sp - 2*n
		for i := 0; i < n; i++ {
			if err := t.dictSet(d, f.stack[base+2*i], f.stack[base+2*i+1]); err != nil {
				t.Decref(d)
				return err
			}
		}
		for i := 0; i < 2*n; i++ {
			t.Decref(f.pop())
		}
		f.push(d)

	case compile.BUILD_STRING:
		n := int(arg)
		size := 0
		for _, v := range f.stack[f.sp-n : f.sp] {
			size += len(v.(*Str).S)
		}
		if err := t.reserve(int64(size)); err != nil {
			return err
		}
		buf := make([]byte, 0, size)
		for _, v := range f.stack[f.sp-n : f.sp] {
			buf = append(buf, v.(*Str).S...)
		}
		for i := 0; i < n; i++ {
			t.Decref(f.pop())
		}
		f.push(t.NewStr(string(buf)))

	case compile.LIST_APPEND:
		v := f.pop()
		l := f.stack[f.sp-int(arg)].(*List)
		if len(l.Items) >= t.in.Config.MaxItems {
			t.Decref(v)
			return t.memoryError()
		}
		l.Items = append(l.Items, v)
		t.in.holdList(l)

	case compile.SET_ADD:
		v := f.top()
		if err := t.setAdd(f.stack[f.sp-1-int(arg)].(*Set), v); err != nil {
			return err
		}
		t.Decref(f.pop())

	case compile.MAP_ADD:
		k, v := f.stack[f.sp-2], f.stack[f.sp-1]
		if err := t.dictSet(f.stack[f.sp-2-int(arg)].(*Dict), k, v); err != nil {
			return err
		}
		t.Decref(f.pop())
		t.Decref(f.pop())

	case compile.LIST_EXTEND:
		v := f.top()
		l := f.stack[f.sp-1-int(arg)].(*List)
		if err := t.listExtend(l, v); err != nil {
			if e, ok := err.(*Instance); ok && e.Class == TypeErrorClass {
				t.Decref(e)
				return t.newExcf(TypeErrorClass, "Value after * must be an iterable, not %s", v.Type().Name)
			}
			return err
		}
		t.Decref(f.pop())

	case compile.SET_UPDATE:
		v := f.top()
		items, err := t.toItems(v)
		if err != nil {
			return err
		}
		s := f.stack[f.sp-1-int(arg)].(*Set)
		for _, x := range items {
			if err == nil {
				err = t.setAdd(s, x)
			}
			t.Decref(x)
		}
		if err != nil {
			return err
		}
		t.Decref(f.pop())

	case compile.DICT_UPDATE, compile.DICT_MERGE:
		v := f.top()
		d := f.stack[f.sp-1-int(arg)].(*Dict)
		src, ok := v.(*Dict)
		if !ok {
			m, err := t.mappingToDict(v)
			if err != nil {
				return err
			}
			if m != nil {
				defer t.Decref(m)
				src, ok = m, true
			}
		}
		if !ok {
			if op == compile.DICT_MERGE {
				return t.newExcf(TypeErrorClass, "argument after ** must be a mapping, not %s", v.Type().Name)
			}
			return t.newExcf(TypeErrorClass, "'%s' object is not a mapping", v.Type().Name)
		}
		var err error
		src.items(func(k, x Value) bool {
			if op == compile.DICT_MERGE {
				if old, _ := t.dictGet(d, k); old != nil {
					ks, _ := t.Repr(k)
					err = t.newExcf(TypeErrorClass, "got multiple values for keyword argument %s", ks)
					return false
				}
			}
			err = t.dictSet(d, k, x)
			return err == nil
		})
		if err != nil {
			return err
		}
		t.Decref(f.pop())

	case compile.UNPACK_SEQUENCE, compile.UNPACK_EX:
		if drainable(f.top()) {
			// Collect a generator's items on the thread's stack, then unpack again.
			f.pc = f.lasti
			return t.pushCollect(f.pop())
		}
		if op == compile.UNPACK_SEQUENCE {
			return t.unpackSequence(f, int(arg), -1, 0)
		}
		return t.unpackSequence(f, int(arg&0xff), int(arg&0xff), int(arg>>8))

	case compile.FORMAT_VALUE:
		var spec string
		if arg&compile.FormatHaveSpec != 0 {
			s := f.pop()
			spec = s.(*Str).S
			t.Decref(s)
		}
		v := f.top()
		var r string
		var err error
		switch arg & compile.FormatConvMask {
		case 1:
			r, err = t.ToStr(v)
			if err == nil && spec != "" {
				r, err = t.formatStr(r, spec)
			}
		case 2:
			r, err = t.Repr(v)
			if err == nil && spec != "" {
				r, err = t.formatStr(r, spec)
			}
		case 3:
			r, err = t.Repr(v)
			r = asciiEscape(r)
			if err == nil && spec != "" {
				r, err = t.formatStr(r, spec)
			}
		default:
			if s, ok := v.(*Str); ok && s.sub == nil && spec == "" {
				return nil // already a str
			}
			r, err = t.Format(v, spec)
		}
		if err != nil {
			return err
		}
		f.pop()
		t.Decref(v)
		f.push(t.NewStr(r))

	case compile.KW_NAMES:
		f.kwnames = code.Consts[arg].(compile.KwNames)

	case compile.CALL_FUNCTION_EX:
		return t.callFunctionEx(f, arg&1 != 0)

	case compile.MAKE_FUNCTION:
		return t.makeFunction(f, arg)

	case compile.LOAD_BUILD_CLASS:
		f.push(buildClassBuiltin)

	case compile.IMPORT_NAME:
		var m Value
		var err error
		if t.in.OnImport != nil && !strings.HasPrefix(code.Filename, "<gilscope ") {
			m, err = t.pricedImport(code.Names[arg], f.top())
		} else {
			m, err = t.importName(code.Names[arg], f.top())
		}
		if err != nil {
			return err
		}
		t.Decref(f.pop()) // fromlist
		t.Decref(f.pop()) // level
		f.push(m)

	case compile.IMPORT_FROM:
		m := f.top()
		name := code.Names[arg]
		v, err := t.getAttr(m, name)
		if err != nil {
			return err
		}
		if v == nil {
			mn := "?"
			if mod, ok := m.(*Module); ok {
				mn = mod.Name
				// As CPython's IMPORT_FROM: a name the package lacks may be a
				// submodule (from multiprocessing import synchronize), which a
				// standard-library module gilscope lacks refuses by name.
				if full := mn + "." + name; t.in.knownModule(full) {
					sub, err := t.importModule(full)
					if err != nil {
						return err
					}
					f.push(sub)
					break
				}
			}
			return t.newExcf(ImportErrorClass, "cannot import name '%s' from '%s' (unknown location)", name, mn)
		}
		f.push(v)

	case compile.BEFORE_WITH:
		return t.beforeWith(f)

	case compile.WITH_EXCEPT_START:
		exc := f.stack[f.sp-1]
		exit := f.stack[f.sp-4]
		typ := exc.Type()
		// A Python __exit__ runs as a pushed frame, so it may block too.
		r, err := t.callValue(exit, []Value{typ, exc, None}, nil, true)
		if err != nil {
			return err
		}
		if r != nil {
			f.push(r)
		}

	case compile.PUSH_EXC_INFO:
		exc := f.pop()
		prev := t.excInfo
		if prev == nil {
			prev = None
		}
		f.push(prev)
		f.push(exc)
		t.Incref(exc)
		t.excInfo = exc

	case compile.POP_EXCEPT:
		prev := f.pop()
		old := t.excInfo
		if prev == None {
			t.excInfo = nil
			t.Decref(prev)
		} else {
			t.excInfo = prev
		}
		t.xdecref(old)

	case compile.CHECK_EXC_MATCH:
		typ := f.top()
		exc := f.stack[f.sp-2]
		ok, err := t.excMatches(exc, typ)
		if err != nil {
			return err
		}
		f.pop()
		t.Decref(typ)
		f.push(BoolOf(ok))

	case compile.RERAISE:
		// The lasti operand only matters for line numbers of new traceback
		// entries, and a re-raise adds none.
		exc := f.pop()
		e, ok := exc.(*Instance)
		if !ok || e.Exc == nil {
			return t.newExc(SystemErrorClass, "RERAISE of a non-exception")
		}
		return &reraiseError{exc: e}

	case compile.RAISE_VARARGS:
		return t.raise(f, int(arg))

	case compile.LOAD_ASSERTION_ERROR:
		f.push(AssertionErrorClass)

	case compile.JUMP_BACKWARD_NO_INTERRUPT:
		f.pc = int(arg)

	case compile.YIELD_VALUE, compile.RETURN_GENERATOR, compile.GET_YIELD_FROM_ITER, compile.SEND,
		compile.END_SEND, compile.CLEANUP_THROW:
		return t.execGenerator(f, op, arg)
	case compile.SETUP_ANNOTATIONS, compile.IMPORT_STAR:
		return t.runAnnotationOp(f, op)
	case compile.GET_LEN, compile.MATCH_MAPPING, compile.MATCH_SEQUENCE, compile.MATCH_KEYS,
		compile.MATCH_CLASS:
		return t.execMatch(f, op, arg)

	default:
		return t.newExcf(SystemErrorClass, "unknown opcode %v", op)
	}
	return nil
}

func (t *Thread) delName(d *Dict, name string, global bool) error {
	k := t.NewStr(name)
	found, err := t.dictDel(d, k)
	t.Decref(k)
	if err != nil {
		return err
	}
	if !found {
		return t.nameError(name)
	}
	return nil
}

func (t *Thread) freeVarError(f *Frame, i int) error {
	nc := len(f.code.Cellvars)
	if i < nc {
		return t.unboundLocalName(f.code.Cellvars[i])
	}
	return t.newExcf(NameErrorClass, "cannot access free variable '%s' where it is not associated with a value in enclosing scope", f.code.Freevars[i-nc])
}

func (t *Thread) unboundLocalName(name string) error {
	return t.newExcf(UnboundLocalErrorClass, "cannot access local variable '%s' where it is not associated with a value", name)
}

func (t *Thread) unary(op compile.Opcode, arg uint32, x Value) (Value, error) {
	switch op {
	case compile.UNARY_NOT:
		b, err := t.Truth(x)
		return BoolOf(!b), err
	case compile.CALL_INTRINSIC_1:
		if arg == compile.IntrinsicStopIterationError {
			return t.stopIterationError(x), nil
		}
		if arg == compile.IntrinsicListToTuple {
			l := x.(*List)
			items := append([]Value(nil), l.Items...)
			for _, v := range items {
				t.Incref(v)
			}
			return t.newTuple(items), nil
		}
	}
	neg := op == compile.UNARY_NEGATIVE
	pos := op == compile.CALL_INTRINSIC_1
	if m := t.subUnary(op, x); m != nil {
		return t.callUser(m, x)
	}
	switch v := x.(type) {
	case *Int, *Bool:
		if n, ok := asInt64(v); ok && n != -1<<63 {
			switch {
			case neg:
				return t.newInt(-n), nil
			case pos:
				return t.newInt(n), nil
			}
			return t.newInt(^n), nil
		}
		b, _ := toBig(v)
		r := new(big.Int)
		switch {
		case neg:
			r.Neg(b)
		case pos:
			r.Set(b)
		default:
			r.Not(b)
		}
		return t.newBigInt(r), nil
	case *Float:
		switch {
		case neg:
			return t.newFloat(-v.V), nil
		case pos:
			return t.newFloat(v.V), nil
		}
	case *Complex:
		switch {
		case neg:
			return t.newComplex(-v.Re, -v.Im), nil
		case pos:
			return t.newComplex(v.Re, v.Im), nil
		}
	case *Instance:
		name := "__invert__"
		if neg {
			name = "__neg__"
		} else if pos {
			name = "__pos__"
		}
		if m := v.Class.Lookup(name); m != nil {
			return t.callValue(m, []Value{x}, nil, false)
		}
	}
	sym := "~"
	if neg {
		sym = "-"
	} else if pos {
		sym = "+"
	}
	return nil, t.newExcf(TypeErrorClass, "bad operand type for unary %s: '%s'", sym, x.Type().Name)
}

func (t *Thread) unpackSequence(f *Frame, before, star, after int) error {
	v := f.top()
	var items []Value
	var err error
	switch o := v.(type) {
	case *Tuple:
		items = o.Items
	case *List:
		items = o.Items
	default:
		items, err = t.toItems(v)
		if err != nil {
			if e, ok := err.(*Instance); ok && e.Class == TypeErrorClass {
				t.Decref(e)
				return t.newExcf(TypeErrorClass, "cannot unpack non-iterable %s object", v.Type().Name)
			}
			return err
		}
		defer t.decrefAll(items)
	}
	n := len(items)
	if star < 0 {
		if n < before {
			return t.newExcf(ValueErrorClass, "not enough values to unpack (expected %d, got %d)", before, n)
		}
		if n > before {
			return t.newExcf(ValueErrorClass, "too many values to unpack (expected %d)", before)
		}
	} else if n < before+after {
		return t.newExcf(ValueErrorClass, "not enough values to unpack (expected at least %d, got %d)", before+after, n)
	}
	items = append([]Value(nil), items...)
	f.pop()
	defer t.Decref(v)
	push := func(x Value) {
		t.Incref(x)
		f.push(x)
	}
	for i := n - 1; i >= n-after; i-- {
		push(items[i])
	}
	if star >= 0 {
		mid := append([]Value(nil), items[before:n-after]...)
		for _, x := range mid {
			t.Incref(x)
		}
		f.push(t.newList(mid))
	}
	for i := before - 1; i >= 0; i-- {
		push(items[i])
	}
	return nil
}

func (t *Thread) callFunctionEx(f *Frame, hasKw bool) error {
	var kwd *Dict
	if hasKw {
		kwd = f.stack[f.sp-1].(*Dict)
	}
	argsIdx := f.sp - 1
	if hasKw {
		argsIdx--
	}
	argt := f.stack[argsIdx].(*Tuple)
	fn := f.stack[argsIdx-1]
	args := append([]Value(nil), argt.Items...)
	var kw []string
	if kwd != nil {
		var err error
		kwd.items(func(k, v Value) bool {
			s, ok := k.(*Str)
			if !ok {
				err = t.newExc(TypeErrorClass, "keywords must be strings")
				return false
			}
			kw = append(kw, s.S)
			args = append(args, v)
			return true
		})
		if err != nil {
			return err
		}
	}
	res, err := t.callValue(fn, args, kw, true)
	if err != nil && err != errBlocked {
		return err
	}
	base := argsIdx - 2
	for f.sp > base {
		t.xdecref(f.pop())
	}
	if err != nil {
		return err
	}
	if res != nil {
		f.push(res)
	}
	return nil
}

func (t *Thread) makeFunction(f *Frame, flags uint32) error {
	codeV := f.pop()
	fc := codeV.(*codeObject).code
	t.Decref(codeV)
	fn := &Function{Code: fc, Globals: f.globals, Name: fc.Name, QualName: fc.QualName,
		consts: t.in.constsFor(t, fc)}
	t.Incref(f.globals)
	if flags&compile.FuncClosure != 0 {
		tu := f.pop().(*Tuple)
		fn.Closure = make([]*Cell, len(tu.Items))
		for i, c := range tu.Items {
			t.Incref(c)
			fn.Closure[i] = c.(*Cell)
		}
		t.Decref(tu)
	}
	if flags&compile.FuncAnnotations != 0 {
		d, err := t.annotationsDict(f.pop().(*Tuple))
		if err != nil {
			t.Decref(fn.Globals)
			for _, c := range fn.Closure {
				t.Decref(c)
			}
			return err
		}
		fn.Annotations = d
	}
	if flags&compile.FuncKwDefaults != 0 {
		fn.KwDefaults = f.pop().(*Dict)
	}
	if flags&compile.FuncDefaults != 0 {
		fn.Defaults = f.pop().(*Tuple)
	}
	if f.builtins != nil {
		t.Incref(f.builtins)
		fn.builtins = f.builtins
	}
	t.in.alloc(&fn.Header)
	f.push(fn)
	return nil
}

func (t *Thread) beforeWith(f *Frame) error {
	mgr := f.top()
	enter, err := t.getAttr(mgr, "__enter__")
	if err != nil {
		return err
	}
	exit, err := t.getAttr(mgr, "__exit__")
	if err != nil {
		t.xdecref(enter)
		return err
	}
	if enter == nil || exit == nil {
		t.xdecref(enter)
		t.xdecref(exit)
		return t.newExcf(TypeErrorClass, "'%s' object does not support the context manager protocol", mgr.Type().Name)
	}
	f.pop()
	t.Decref(mgr)
	f.push(exit)
	// A Python __enter__ runs as a pushed frame (it may block, as a Semaphore's does);
	// its return value lands on this stack when it returns.
	r, err := t.callValue(enter, nil, nil, true)
	t.Decref(enter)
	if err != nil {
		return err
	}
	if r != nil {
		f.push(r)
	}
	return nil
}

func (t *Thread) excMatches(exc, typ Value) (bool, error) {
	check := func(c Value) (bool, error) {
		cls, ok := c.(*Class)
		if !ok || !cls.IsSubclass(BaseExceptionClass) {
			return false, t.newExc(TypeErrorClass, "catching classes that do not inherit from BaseException is not allowed")
		}
		return exc.Type().IsSubclass(cls), nil
	}
	if tu, ok := typ.(*Tuple); ok {
		for _, c := range tu.Items {
			m, err := check(c)
			if err != nil || m {
				return m, err
			}
		}
		return false, nil
	}
	return check(typ)
}

// raise implements RAISE_VARARGS n.
func (t *Thread) raise(f *Frame, n int) error {
	if n == 0 {
		if t.excInfo == nil {
			return t.newExc(RuntimeErrorClass, "No active exception to reraise")
		}
		e := t.excInfo.(*Instance)
		t.Incref(e)
		return &reraiseError{exc: e}
	}
	var cause Value
	if n == 2 {
		cause = f.pop()
	}
	v := f.pop()
	exc, err := t.makeException(v)
	t.Decref(v)
	if err != nil {
		t.xdecref(cause)
		return err
	}
	if cause != nil {
		if cause == None {
			t.Decref(cause)
			exc.Exc.Suppress = true
		} else {
			c, err := t.makeException(cause)
			t.Decref(cause)
			if err != nil {
				t.Decref(exc)
				return t.newExc(TypeErrorClass, "exception causes must derive from BaseException")
			}
			exc.Exc.Cause = c
			exc.Exc.Suppress = true
		}
	}
	t.setContext(exc)
	return exc
}

// setContext records the exception being handled as exc's __context__.
func (t *Thread) setContext(exc *Instance) {
	if ctx, ok := t.excInfo.(*Instance); ok && ctx != exc && exc.Exc.Context == nil {
		t.Incref(ctx)
		exc.Exc.Context = ctx
	}
}

// makeException turns the operand of raise (a class or an instance) into an instance.
func (t *Thread) makeException(v Value) (*Instance, error) {
	switch o := v.(type) {
	case *Class:
		if o.IsSubclass(BaseExceptionClass) {
			r, err := t.callValue(o, nil, nil, false)
			if err != nil {
				return nil, err
			}
			e, ok := r.(*Instance)
			if !ok || e.Exc == nil {
				return nil, t.newExc(TypeErrorClass, "exceptions must derive from BaseException")
			}
			return e, nil
		}
	case *Instance:
		if o.Exc != nil {
			t.Incref(o)
			return o, nil
		}
	}
	return nil, t.newExc(TypeErrorClass, "exceptions must derive from BaseException")
}
