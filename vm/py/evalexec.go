// This file defines the builtins that compile and run source text (compile, exec,
// eval) and those that look at namespaces (locals, dir), with breakpoint and help,
// which gilscope refuses, and the site module's exit and quit.

package py

import (
	"fmt"
	"strings"

	"github.com/gilscope/gilscope/vm/compile"
	"github.com/gilscope/gilscope/vm/syntax"
)

// maxEvalSource is the longest source text compile, exec and eval take: the
// longest program gilscope accepts (vm.MaxSource).
const maxEvalSource = 256 << 10

// maxCompiled bounds the programs an interpreter keeps compiled by source text, and
// maxCompiledSource the longest source kept: exec of one string in a loop compiles it
// once.
const (
	maxCompiled       = 512
	maxCompiledSource = 16 << 10
)

// compiledBytes is what a compiled program is charged against the run's memory, per
// byte of source and at least: its code and constants live as long as the run (the
// interpreter converts a code's constants once and keeps them).
const (
	compiledBytesPerByte = 16
	compiledBytesMin     = 1024
)

// repr is repr() of a code object.
func (co *codeObject) repr() string {
	return fmt.Sprintf("<code object %s at %s, file \"%s\", line %d>", co.code.Name, address(co), co.code.Filename, co.code.FirstLine)
}

func init() {
	codeAttr := func(name string, fn func(t *Thread, c *compile.Funcode) Value) {
		get := &Builtin{Header: Header{Ref: 1, flags: flagImmortal | flagStatic}, Name: name,
			Fn: func(t *Thread, args []Value, kw []string) (Value, error) {
				return fn(t, args[0].(*codeObject).code), nil
			}}
		codeClass.Methods[name] = &property{Header: Header{Ref: 1, flags: flagImmortal | flagStatic}, get: get}
	}
	strs := func(t *Thread, names []string) Value {
		items := make([]Value, len(names))
		for i, n := range names {
			items[i] = t.NewStr(n)
		}
		return t.newTuple(items)
	}
	codeAttr("co_name", func(t *Thread, c *compile.Funcode) Value { return t.NewStr(c.Name) })
	codeAttr("co_qualname", func(t *Thread, c *compile.Funcode) Value { return t.NewStr(c.QualName) })
	codeAttr("co_filename", func(t *Thread, c *compile.Funcode) Value { return t.NewStr(c.Filename) })
	codeAttr("co_firstlineno", func(t *Thread, c *compile.Funcode) Value { return t.newInt(int64(c.FirstLine)) })
	codeAttr("co_argcount", func(t *Thread, c *compile.Funcode) Value { return t.newInt(int64(c.NumParams)) })
	codeAttr("co_posonlyargcount", func(t *Thread, c *compile.Funcode) Value { return t.newInt(int64(c.NumPosOnly)) })
	codeAttr("co_kwonlyargcount", func(t *Thread, c *compile.Funcode) Value { return t.newInt(int64(c.NumKwOnly)) })
	codeAttr("co_nlocals", func(t *Thread, c *compile.Funcode) Value { return t.newInt(int64(len(c.Varnames))) })
	codeAttr("co_flags", func(t *Thread, c *compile.Funcode) Value { return t.newInt(codeFlags(c)) })
	codeAttr("co_varnames", func(t *Thread, c *compile.Funcode) Value { return strs(t, c.Varnames) })
	codeAttr("co_cellvars", func(t *Thread, c *compile.Funcode) Value { return strs(t, c.Cellvars) })
	codeAttr("co_freevars", func(t *Thread, c *compile.Funcode) Value { return strs(t, c.Freevars) })
}

// codeFlags is CPython's co_flags of a code object: a function's are OPTIMIZED and
// NEWLOCALS, VARARGS and VARKEYWORDS for its * and ** parameters, NESTED when it is
// defined in a function (its qualified name has "<locals>") and GENERATOR; a
// module's and a class body's are 0.
func codeFlags(c *compile.Funcode) int64 {
	if c.IsModule || c.IsClassBody {
		return 0
	}
	flags := int64(0x1 | 0x2)
	if c.HasVarargs {
		flags |= 0x4
	}
	if c.HasKwargs {
		flags |= 0x8
	}
	if strings.Contains(c.QualName, "<locals>") {
		flags |= 0x10
	}
	if c.IsGenerator {
		flags |= 0x20
	}
	return flags
}

// compileSource compiles src in mode ("exec" or "eval") as file filename, raising
// what CPython's compiler raises for an error in it.
func (t *Thread) compileSource(src, filename, mode string) (*compile.Funcode, error) {
	key := mode + "\x00" + filename + "\x00" + src
	if fc, ok := t.in.compiled[key]; ok {
		return fc, nil
	}
	if len(src) > maxEvalSource {
		return nil, t.newExcf(MemoryErrorClass, "gilscope compiles sources of at most %d bytes (this one has %d)", maxEvalSource, len(src))
	}
	if err := t.work(len(src)); err != nil {
		return nil, err
	}
	size := int64(max(len(src)*compiledBytesPerByte, compiledBytesMin))
	if err := t.reserve(size); err != nil {
		return nil, err
	}
	t.Cost += int64(len(src)) * t.Costs.StrChar
	var prog *compile.Program
	var err error
	switch mode {
	case "eval":
		var m *syntax.Module
		if m, err = syntax.ParseEval(filename, []byte(src)); err == nil {
			prog, err = compile.CompileEval(m, []byte(src))
		}
	default:
		var m *syntax.Module
		if m, err = syntax.Parse(filename, []byte(src)); err == nil {
			prog, err = compile.Compile(m, []byte(src))
		}
	}
	if err != nil {
		if se, ok := err.(*syntax.Error); ok {
			return nil, t.syntaxErrorFrom(se, src, mode == "eval")
		}
		return nil, err
	}
	t.in.charge(int(size))
	if len(src) <= maxCompiledSource && len(t.in.compiled) < maxCompiled {
		if t.in.compiled == nil {
			t.in.compiled = map[string]*compile.Funcode{}
		}
		t.in.compiled[key] = prog.Toplevel
	}
	return prog.Toplevel, nil
}

// sourceText is the text of compile's, exec's or eval's first argument when it is
// source (str, bytes or bytearray), with ok false otherwise.
func sourceText(v Value) (string, bool) {
	switch s := v.(type) {
	case *Str:
		return s.S, true
	case *Bytes:
		return s.B, true
	case *ByteArray:
		return string(s.B), true
	}
	return "", false
}

func init() {
	defBuiltin("compile", func(t *Thread, args []Value, kw []string) (Value, error) {
		pos, kws, err := t.kwargs("compile", args, kw, "source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version")
		if err != nil {
			return nil, err
		}
		get := argGetter(pos, kws)
		source, filename, mode := get(0, "source"), get(1, "filename"), get(2, "mode")
		for i, v := range []Value{source, filename, mode} {
			if v == nil {
				return nil, t.newExcf(TypeErrorClass, "compile() missing required argument '%s' (pos %d)", []string{"source", "filename", "mode"}[i], i+1)
			}
		}
		if len(pos) > 6 {
			return nil, t.newExcf(TypeErrorClass, "compile() takes at most 6 arguments (%d given)", len(pos))
		}
		if flags := get(3, "flags"); flags != nil {
			n, err := t.intArg(flags, "compile")
			if err != nil {
				return nil, err
			}
			if n&0x400 != 0 {
				return nil, t.newExc(NotImplementedErrorClass, "gilscope does not support compile() to an AST (ast.PyCF_ONLY_AST) yet")
			}
		}
		m, ok := mode.(*Str)
		if !ok {
			return nil, t.newExcf(TypeErrorClass, "compile() argument 'mode' must be str, not %s", mode.Type().Name)
		}
		switch m.S {
		case "exec", "eval":
		case "single":
			return nil, t.newExc(NotImplementedErrorClass, "gilscope does not support compile() in 'single' mode yet")
		default:
			return nil, t.newExc(ValueErrorClass, "compile() mode must be 'exec', 'eval' or 'single'")
		}
		if co, ok := source.(*codeObject); ok {
			t.Incref(co)
			return co, nil
		}
		var fname string
		switch f := filename.(type) {
		case *Str:
			fname = f.S
		case *Bytes:
			fname = f.B
		default:
			return nil, t.newExcf(TypeErrorClass, "expected str, bytes or os.PathLike object, not %s", filename.Type().Name)
		}
		src, ok := sourceText(source)
		if !ok {
			return nil, t.newExc(TypeErrorClass, "compile() arg 1 must be a string, bytes or AST object")
		}
		fc, err := t.compileSource(src, fname, m.S)
		if err != nil {
			return nil, err
		}
		co := &codeObject{code: fc}
		t.in.alloc(&co.Header)
		return co, nil
	})
	defBuiltinPush("exec", func(t *Thread, args []Value, kw []string) (Value, error) {
		return t.execBuiltin("exec", args, kw, false)
	}, func(t *Thread, args []Value, kw []string) (Value, error) {
		return t.execBuiltin("exec", args, kw, true)
	})
	defBuiltinPush("eval", func(t *Thread, args []Value, kw []string) (Value, error) {
		return t.execBuiltin("eval", args, kw, false)
	}, func(t *Thread, args []Value, kw []string) (Value, error) {
		return t.execBuiltin("eval", args, kw, true)
	})
	defBuiltin("locals", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("locals", args, kw, 0, 0); err != nil {
			return nil, err
		}
		return t.frameLocals(t.frame), nil
	})
	defBuiltin("dir", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("dir", args, kw, 0, 1); err != nil {
			return nil, err
		}
		if len(args) == 0 {
			d := t.frameLocals(t.frame)
			defer t.Decref(d)
			return t.sortedNames(d.Keys())
		}
		return t.dir(args[0])
	})
	defBuiltin("__import__", func(t *Thread, args []Value, kw []string) (Value, error) {
		pos, kws, err := t.kwargs("__import__", args, kw, "name", "globals", "locals", "fromlist", "level")
		if err != nil {
			return nil, err
		}
		get := argGetter(pos, kws)
		name, ok := get(0, "name").(*Str)
		if !ok {
			if get(0, "name") == nil {
				return nil, t.newExc(TypeErrorClass, "__import__() missing required argument 'name' (pos 1)")
			}
			return nil, t.newExcf(TypeErrorClass, "__import__() argument 1 must be str, not %s", get(0, "name").Type().Name)
		}
		if level := get(4, "level"); level != nil {
			if n, ok := asInt64(level); !ok || n != 0 {
				return nil, t.newExc(NotImplementedErrorClass, "gilscope does not support relative imports (__import__ with a level) yet")
			}
		}
		var fromlist Value = None
		if fl := get(3, "fromlist"); fl != nil && fl != None {
			items, err := t.toItems(fl)
			if err != nil {
				return nil, err
			}
			if len(items) > 0 {
				fromlist = t.newTuple(items)
				defer t.Decref(fromlist)
			}
		}
		if t.in.OnImport != nil && t.frame != nil && t.frame.code != nil && !strings.HasPrefix(t.frame.code.Filename, "<gilscope ") {
			return t.pricedImport(name.S, fromlist)
		}
		return t.importName(name.S, fromlist)
	})
	defBuiltin("breakpoint", func(t *Thread, args []Value, kw []string) (Value, error) {
		return nil, t.newExc(NotImplementedErrorClass, "gilscope does not support breakpoint() (there is no debugger to stop in): print what you want to see")
	})
	defBuiltin("help", func(t *Thread, args []Value, kw []string) (Value, error) {
		return nil, t.newExc(NotImplementedErrorClass, "gilscope does not support help() (it has no documentation to show)")
	})
	for _, name := range []string{"exit", "quit"} {
		// The site module's exit and quit raise SystemExit(code).
		defBuiltin(name, func(t *Thread, args []Value, kw []string) (Value, error) {
			pos, kws, err := t.kwargs(name, args, kw, "code")
			if err != nil {
				return nil, err
			}
			if len(pos) > 1 {
				return nil, t.newExcf(TypeErrorClass, "Quitter.__call__() takes from 1 to 2 positional arguments but %d were given", len(pos)+1)
			}
			code := Value(None)
			if len(pos) == 1 {
				code = pos[0]
			} else if c := kws["code"]; c != nil {
				code = c
			}
			return nil, t.newExcValue(SystemExitClass, code)
		})
	}
}

// argGetter returns a function giving argument i, or the keyword argument name, of
// a call kwargs split (nil when neither was given).
func argGetter(pos []Value, kws map[string]Value) func(i int, name string) Value {
	return func(i int, name string) Value {
		if i < len(pos) {
			return pos[i]
		}
		return kws[name]
	}
}

// defBuiltinPush defines a builtin whose calls from Python code go to push (which
// may push a frame, see Builtin.Push) and the others to fn.
func defBuiltinPush(name string, fn, push BuiltinFunc) {
	builtinFuncs = append(builtinFuncs, builtinDef{name: name, fn: fn, push: push})
}

// execBuiltin is exec(source, globals=None, locals=None) and eval(expression,
// globals=None, locals=None). Called from Python code (push) the code runs as a frame
// of the caller's loop, so that it may block; otherwise in a nested run.
func (t *Thread) execBuiltin(name string, args []Value, kw []string, push bool) (Value, error) {
	isEval := name == "eval"
	if len(kw) > 0 {
		if isEval || len(kw) > 1 || kw[0] != "closure" {
			return nil, t.newExcf(TypeErrorClass, "%s() takes no keyword arguments", name)
		}
		if args[len(args)-1] != None {
			return nil, t.newExc(NotImplementedErrorClass, "gilscope does not support exec()'s closure argument yet")
		}
		args = args[:len(args)-1]
	}
	if len(args) < 1 || len(args) > 3 {
		if len(args) < 1 {
			return nil, t.newExcf(TypeErrorClass, "%s expected at least 1 argument, got 0", name)
		}
		return nil, t.newExcf(TypeErrorClass, "%s expected at most 3 arguments, got %d", name, len(args))
	}
	var globals, locals *Dict
	if len(args) > 1 && args[1] != None {
		g, ok := args[1].(*Dict)
		if !ok {
			if isEval {
				if hasMappingMethods(args[1]) {
					return nil, t.newExc(TypeErrorClass, "globals must be a real dict; try eval(expr, {}, mapping)")
				}
				return nil, t.newExc(TypeErrorClass, "globals must be a dict")
			}
			return nil, t.newExcf(TypeErrorClass, "exec() globals must be a dict, not %s", args[1].Type().Name)
		}
		globals = g
	}
	if len(args) > 2 && args[2] != None {
		l, ok := args[2].(*Dict)
		if !ok {
			if !hasMappingMethods(args[2]) {
				if isEval {
					return nil, t.newExc(TypeErrorClass, "locals must be a mapping")
				}
				return nil, t.newExcf(TypeErrorClass, "locals must be a mapping or None, not %s", args[2].Type().Name)
			}
			return nil, t.newExcf(NotImplementedErrorClass, "gilscope does not support %s() with locals that are not a dict yet", name)
		}
		locals = l
	}
	switch {
	case globals == nil && locals == nil:
		f := t.frame
		if f == nil || f.globals == nil {
			return nil, t.newExcf(SystemErrorClass, "%s(): no globals", name)
		}
		globals = f.globals
		locals = t.frameLocals(f)
	case locals == nil:
		locals = globals
		t.Incref(locals)
	case globals == nil:
		globals = t.frame.globals
		t.Incref(locals)
	default:
		t.Incref(locals)
	}
	// locals is an owned reference from here on.
	var fc *compile.Funcode
	if co, ok := args[0].(*codeObject); ok {
		fc = co.code
		if len(fc.Freevars) > 0 {
			t.Decref(locals)
			if isEval {
				return nil, t.newExc(TypeErrorClass, "code object passed to eval() may not contain free variables")
			}
			return nil, t.newExcf(TypeErrorClass, "code object requires a closure of exactly length %d", len(fc.Freevars))
		}
	} else {
		src, ok := sourceText(args[0])
		if !ok {
			t.Decref(locals)
			if isEval {
				return nil, t.newExc(TypeErrorClass, "eval() arg 1 must be a string, bytes or code object")
			}
			return nil, t.newExc(TypeErrorClass, "exec() arg 1 must be a string, bytes or code object")
		}
		c, err := t.compileSource(src, "<string>", name)
		if err != nil {
			t.Decref(locals)
			return nil, err
		}
		fc = c
	}
	fn := &Function{Code: fc, Globals: globals, Name: fc.Name, QualName: fc.QualName, consts: t.in.constsFor(t, fc)}
	switch b := globals.getStr("__builtins__").(type) {
	case nil:
		t.setStr(globals, "__builtins__", t.in.builtins)
	case *Dict:
		// The code sees the builtins its globals name (eval(s, {"__builtins__": {}})).
		if b != t.in.builtins {
			t.Incref(b)
			fn.builtins = b
		}
	case *Module:
		if b.Dict != t.in.builtins {
			t.Incref(b.Dict)
			fn.builtins = b.Dict
		}
	}
	t.in.alloc(&fn.Header)
	t.Incref(globals)
	defer t.Decref(fn)
	// A function's code object runs with no arguments (binding them fails as
	// CPython's does) and its own fast locals.
	if err := t.pushCall(fn, nil, nil); err != nil {
		t.Decref(locals)
		return nil, err
	}
	if fc.IsModule {
		t.frame.names = locals
		t.frame.ownsNames = true
	} else {
		t.Decref(locals)
	}
	var onReturn func(t *Thread, ret Value) (Value, error)
	if !isEval {
		// exec returns None whatever the code returns (an eval-mode code object).
		onReturn = func(t *Thread, ret Value) (Value, error) {
			t.Decref(ret)
			return None, nil
		}
	}
	if push {
		t.frame.onReturn = onReturn
		return nil, nil
	}
	return t.runSync(func(f *Frame) { f.onReturn = onReturn })
}

// hasMappingMethods reports whether v passes CPython's PyMapping_Check (its class
// has __getitem__), as exec's and eval's namespaces must.
func hasMappingMethods(v Value) bool {
	return v.Type().Lookup("__getitem__") != nil
}

// frameLocals is locals() in frame f (a new reference): the namespace of a module
// or class body, or a new dict of a function's bound local variables, its cells and
// free variables included.
func (t *Thread) frameLocals(f *Frame) *Dict {
	if f == nil {
		return t.NewDict()
	}
	if f.names != nil {
		t.Incref(f.names)
		return f.names
	}
	// The dict is the frame's own, made once and brought up to date at each call, so
	// that names exec stored in it stay (as CPython's f_locals does before 3.13).
	d := f.localsDict
	if d == nil {
		d = t.NewDict()
		f.localsDict = d
	}
	t.Incref(d)
	code := f.code
	put := func(name string, v Value) {
		if v != nil {
			t.setStr(d, name, v)
		} else if d.getStr(name) != nil {
			k := t.intern(name)
			_, _ = t.dictDel(d, k) // a str key cannot fail
			t.Decref(k)
		}
	}
	cellOf := map[int]int{}
	for i, p := range code.CellParam {
		if p >= 0 {
			cellOf[p] = i
		}
	}
	cell := func(i int) Value {
		if i < len(f.cells) && f.cells[i] != nil {
			return f.cells[i].V
		}
		return nil
	}
	for i, name := range code.Varnames {
		v := f.locals[i]
		if c, ok := cellOf[i]; ok {
			if cv := cell(c); cv != nil || f.cells[c] != nil {
				v = cv
			}
		}
		put(name, v)
	}
	for i, name := range code.Cellvars {
		if i < len(code.CellParam) && code.CellParam[i] >= 0 {
			continue
		}
		put(name, cell(i))
	}
	for i, name := range code.Freevars {
		put(name, cell(len(code.Cellvars)+i))
	}
	return d
}

// sortedNames is a new sorted list of the str names (borrowed).
func (t *Thread) sortedNames(names []Value) (Value, error) {
	l := t.newList(nil)
	for _, n := range names {
		t.Incref(n)
		l.Items = append(l.Items, n)
	}
	t.in.holdList(l)
	if err := t.sortList(l, nil, nil); err != nil {
		t.Decref(l)
		return nil, err
	}
	return l, nil
}

// dir is dir(v): v's __dir__ if its class defines one, else the names CPython's
// object.__dir__, type.__dir__ and module.__dir__ give, sorted.
func (t *Thread) dir(v Value) (Value, error) {
	m := userDunder(v, "__dir__")
	if inst, ok := v.(*Instance); ok && m == nil {
		m = inst.Class.Lookup("__dir__")
	}
	if m != nil {
		return t.sortedResult(m, v)
	}
	names := map[string]bool{}
	switch v := v.(type) {
	case *Module:
		if f := v.Dict.getStr("__dir__"); f != nil {
			return t.sortedResult(f)
		}
		return t.sortedNames(v.Dict.Keys())
	case *Class:
		classDirNames(v, names)
	default:
		if d, err := t.GetAttr(v, "__dict__"); err == nil {
			if dd, ok := d.(*Dict); ok {
				for _, k := range dd.Keys() {
					if s, ok := k.(*Str); ok {
						names[s.S] = true
					}
				}
			}
			t.Decref(d)
		} else if e, ok := err.(*Instance); ok && e.Class.IsSubclass(AttributeErrorClass) {
			t.Decref(e)
		} else {
			return nil, err
		}
		classDirNames(v.Type(), names)
	}
	if err := t.work(len(names)); err != nil {
		return nil, err
	}
	keys := make([]string, 0, len(names))
	for k := range names {
		keys = append(keys, k)
	}
	sortStrings(keys)
	items := make([]Value, len(keys))
	for i, k := range keys {
		items[i] = t.NewStr(k)
	}
	return t.newList(items), nil
}

// sortedResult is a sorted list of the items fn(args...) returns.
func (t *Thread) sortedResult(fn Value, args ...Value) (Value, error) {
	r, err := t.callValue(fn, args, nil, false)
	if err != nil {
		return nil, err
	}
	defer t.Decref(r)
	items, err := t.toItems(r)
	if err != nil {
		return nil, err
	}
	defer t.decrefAll(items)
	return t.sortedNames(items)
}

// classDirNames adds the names of the __dict__ of each class of c's MRO: CPython's
// for builtin classes, a Python class's namespace with what CPython's type() adds to
// it (__module__, __doc__, and __dict__ and __weakref__ unless it has __slots__).
func classDirNames(c *Class, names map[string]bool) {
	for _, k := range c.MRO() {
		if k.Dict == nil {
			if s, ok := cpythonClassNames[k.Name]; ok && k.builtin {
				for _, n := range strings.Fields(s) {
					names[n] = true
				}
				continue
			}
			for n := range k.Methods {
				names[n] = true
			}
			continue
		}
		for _, key := range k.Dict.Keys() {
			if s, ok := key.(*Str); ok && s.S != "__qualname__" {
				names[s.S] = true
			}
		}
		names["__module__"], names["__doc__"] = true, true
		slots := k.Dict.getStr("__slots__")
		if slots == nil {
			names["__dict__"], names["__weakref__"] = true, true
			continue
		}
		var items []Value
		switch s := slots.(type) {
		case *Str:
			items = []Value{s}
		case *Tuple:
			items = s.Items
		case *List:
			items = s.Items
		}
		for _, it := range items {
			if s, ok := it.(*Str); ok {
				names[s.S] = true
			}
		}
	}
}
