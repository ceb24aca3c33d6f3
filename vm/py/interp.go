// This file defines how an interpreter is created and a program is started, and the
// built-in modules math and sys (random lives in random.go).

package py

import (
	"fmt"
	"io"
	"math"
	"math/big"
	"strings"

	"github.com/gilscope/gilscope/vm/compile"
)

// NewInterp creates an interpreter for prog.
func NewInterp(prog *compile.Program, cfg Config, stdout, stderr io.Writer) *Interp {
	in := &Interp{Config: cfg, Stdout: stdout, Stderr: stderr, Program: prog,
		modules: map[string]*Module{}, interned: map[string]*Str{},
		consts: map[*compile.Funcode][]Value{}, ModuleFactories: map[string]ModuleFactory{}}
	if in.Config.MaxItems == 0 {
		in.Config.MaxItems = DefaultConfig().MaxItems
	}
	if in.Config.MaxMemory == 0 {
		in.Config.MaxMemory = DefaultMaxMemory
	}
	in.mem = &Memory{Limit: in.Config.MaxMemory, interps: []*Interp{in}}
	in.streams = [2]streamState{{lineBuffering: true}, {stderr: true, lineBuffering: true}}
	in.rng = newMT(uint32(cfg.Seed))
	t := in.newThread("init")
	in.builtins = in.makeBuiltins(t)
	in.threads = nil
	in.nextTID = 0
	return in
}

// ModuleFactory builds a built-in module for a thread's interpreter.
type ModuleFactory func(t *Thread) *Module

// NewModule returns a module with the given attributes (borrowed values).
func (t *Thread) NewModule(name string, attrs map[string]Value) *Module {
	m := &Module{Name: name, Dict: t.NewDict()}
	t.in.alloc(&m.Header)
	t.setStr(m.Dict, "__name__", t.intern(name))
	keys := make([]string, 0, len(attrs))
	for k := range attrs {
		keys = append(keys, k)
	}
	sortStrings(keys)
	for _, k := range keys {
		t.setStr(m.Dict, k, attrs[k])
		if b, ok := attrs[k].(*Builtin); ok && b.Self == nil && b.Module == "" {
			b.Module = name
		}
	}
	return m
}

// Builtin returns a new builtin function value.
func (t *Thread) Builtin(name string, fn BuiltinFunc) *Builtin {
	b := &Builtin{Name: name, Fn: fn}
	t.in.alloc(&b.Header)
	return b
}

// MainThread creates the main thread, running the program's module code.
func (in *Interp) MainThread() (*Thread, error) {
	t := in.newThread("MainThread")
	fc := in.Program.Toplevel
	mod := &Module{Name: "__main__", Dict: t.NewDict()}
	in.alloc(&mod.Header)
	in.main = mod
	in.addModule(t, "__main__", mod)
	t.setMainGlobals(mod.Dict, in.Program.Filename)
	fn := &Function{Code: fc, Globals: mod.Dict, Name: "<module>", QualName: "<module>",
		consts: in.constsFor(t, fc)}
	in.alloc(&fn.Header)
	t.Incref(mod.Dict)
	err := t.start(fn, nil, nil)
	t.Decref(fn)
	return t, err
}

// Threads returns the interpreter's threads in creation order.
func (in *Interp) Threads() []*Thread { return in.threads }

// importName carries out IMPORT_NAME as importlib's __import__ does: it imports the
// dotted module name with each of its parent packages first, binding every submodule
// as an attribute of its parent. With fromlist None (`import a.b`, `import a.b as c`)
// it returns the top-level package; with a fromlist (`from a import b`) it returns
// the module itself, after importing the submodules the fromlist names.
func (t *Thread) importName(name string, fromlist Value) (Value, error) {
	parts := strings.Split(name, ".")
	var top, parent Value
	for i := range parts {
		m, err := t.importSubmodule(strings.Join(parts[:i+1], "."), parent)
		if parent != nil && parent != top {
			t.Decref(parent)
		}
		if err != nil {
			t.xdecref(top)
			return nil, err
		}
		if i == 0 {
			top = m
		}
		parent = m
	}
	if fromlist == None || fromlist == nil {
		if parent != top {
			t.Decref(parent)
		}
		return top, nil
	}
	if parent != top {
		t.Decref(top)
	}
	if err := t.importFromlist(parent.(*Module), fromlist); err != nil {
		t.Decref(parent)
		return nil, err
	}
	return parent, nil
}

// pricedImport is importName for an import statement of the program: it costs at
// least what Interp.OnImport prices it at, the bodies of the modules it loads
// included (their bytecode is gilscope's library, not the module CPython loads).
func (t *Thread) pricedImport(name string, fromlist Value) (Value, error) {
	names := []string{}
	for i, c := range name {
		if c == '.' {
			names = append(names, name[:i])
		}
	}
	names = append(names, name)
	if items, ok := fromlist.(*Tuple); ok {
		for _, v := range items.Items {
			if s, ok := v.(*Str); ok && s.S != "*" {
				names = append(names, name+"."+s.S)
			}
		}
	}
	start := t.Cost
	least := t.in.OnImport(t, names)
	m, err := t.importName(name, fromlist)
	t.Cost += max(start+least-t.Cost, 0)
	return m, err
}

// importSubmodule imports the module called name, whose parent package (nil for a
// top-level module) has been imported, and binds it in the parent.
func (t *Thread) importSubmodule(name string, parent Value) (Value, error) {
	if parent != nil {
		p := parent.(*Module)
		if p.Dict.getStr("__path__") == nil {
			return nil, t.newExcf(ModuleNotFoundErrorClass, "No module named '%s'; '%s' is not a package", name, p.Name)
		}
	}
	m, err := t.importModule(name)
	if err != nil || parent == nil {
		return m, err
	}
	child := name[strings.LastIndexByte(name, '.')+1:]
	if parent.(*Module).Dict.getStr(child) == nil {
		t.setStr(parent.(*Module).Dict, child, m)
	}
	return m, nil
}

// importFromlist imports the submodules of package mod that fromlist (a tuple of
// names) asks for and mod does not yet have as attributes; a name that is neither
// is left for IMPORT_FROM to report.
func (t *Thread) importFromlist(mod *Module, fromlist Value) error {
	names, ok := fromlist.(*Tuple)
	if !ok || mod.Dict.getStr("__path__") == nil {
		return nil
	}
	for _, v := range names.Items {
		s, ok := v.(*Str)
		if !ok || mod.Dict.getStr(s.S) != nil || !t.in.knownModule(mod.Name+"."+s.S) {
			continue
		}
		m, err := t.importSubmodule(mod.Name+"."+s.S, mod)
		if err != nil {
			return err
		}
		t.Decref(m)
	}
	return nil
}

// knownModule reports whether name can be imported as a module or a package.
func (in *Interp) knownModule(name string) bool {
	if _, ok := in.modules[name]; ok {
		return true
	}
	if in.Library != nil && in.Library.Has(name) {
		return true
	}
	if _, ok := in.ModuleFactories[name]; ok {
		return true
	}
	return in.isPackage(name)
}

// isPackage reports whether name is the parent package of a module the interpreter
// provides (concurrent for concurrent.futures).
func (in *Interp) isPackage(name string) bool {
	if in.Library != nil && in.Library.IsPackage(name) {
		return true
	}
	prefix := name + "."
	for k := range in.ModuleFactories {
		if strings.HasPrefix(k, prefix) {
			return true
		}
	}
	return false
}

// LoadedModule returns the module called name if the interpreter has imported it
// (borrowed), else nil.
func (in *Interp) LoadedModule(name string) *Module {
	return in.modules[name]
}

// ImportModule imports a module by its full name, as `import name` would, and
// returns a new reference to it.
func (t *Thread) ImportModule(name string) (Value, error) {
	return t.importModule(name)
}

func (t *Thread) importModule(name string) (Value, error) {
	in := t.in
	if m, ok := in.modules[name]; ok {
		t.Incref(m)
		return m, nil
	}
	if in.sysModules != nil {
		// A module the program or a library module put in sys.modules itself (os
		// puts posixpath there as os.path), as importlib finds it.
		if m, ok := in.sysModules.getStr(name).(*Module); ok {
			in.modules[name] = m
			t.Incref(m) // in.modules' reference
			t.Incref(m)
			return m, nil
		}
	}
	var m *Module
	if in.Library != nil && in.Library.Has(name) {
		prog, err := in.Library.Program(name)
		if err != nil {
			return nil, t.newExcf(SystemErrorClass, "%v", err) // a bug of the library
		}
		return t.runSourceModule(name, prog)
	}
	if f, ok := in.ModuleFactories[name]; ok {
		m = f(t)
	} else {
		switch name {
		case "math":
			m = t.mathModule()
		case "sys":
			m = t.sysModule()
		case "random":
			m = t.randomModule()
		case "__future__":
			m = t.futureModule()
		case "builtins":
			return t.builtinsModule(), nil
		case "types":
			m = t.typesModule()
		}
	}
	if m == nil && in.isPackage(name) {
		m = t.newPackage(name)
	}
	if m == nil {
		return nil, t.newExcf(ModuleNotFoundErrorClass, "No module named '%s'", name)
	}
	in.addModule(t, name, m)
	t.Incref(m)
	return m, nil
}

// newPackage returns an empty package module: its submodules become its attributes
// as they are imported.
func (t *Thread) newPackage(name string) *Module {
	path := t.newList(nil)
	m := t.NewModule(name, map[string]Value{"__path__": path})
	t.Decref(path)
	return m
}

// runSourceModule executes a module written in Python (threading, queue …) in a
// nested run and registers it.
func (t *Thread) runSourceModule(name string, prog *compile.Program) (Value, error) {
	in := t.in
	mod := &Module{Name: name, Dict: t.NewDict()}
	in.alloc(&mod.Header)
	t.setStr(mod.Dict, "__name__", t.intern(name))
	if in.isPackage(name) {
		// A source module with submodules (multiprocessing.synchronize) is a package.
		path := t.newList(nil)
		t.setStr(mod.Dict, "__path__", path)
		t.Decref(path)
	}
	in.addModule(t, name, mod)
	fc := prog.Toplevel
	fn := &Function{Code: fc, Globals: mod.Dict, Name: "<module>", QualName: "<module>",
		consts: in.constsFor(t, fc)}
	in.alloc(&fn.Header)
	t.Incref(mod.Dict)
	r, err := t.callSync(fn, nil, nil, nil)
	t.Decref(fn)
	if err != nil {
		in.removeModule(t, name)
		t.Decref(mod)
		return nil, err
	}
	t.Decref(r)
	if in.sysModules != nil {
		// The module may have put another in its place in sys.modules, as
		// importlib returns sys.modules[name].
		if other, ok := in.sysModules.getStr(name).(*Module); ok && other != mod {
			in.modules[name] = other
			t.Incref(other)
			t.Decref(mod) // in.modules' reference
			mod = other
		}
	}
	t.Incref(mod)
	return mod, nil
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// ---- math ----

func (t *Thread) floatArg(v Value, fname string) (float64, error) {
	f, ok := toFloat(v)
	if !ok {
		return 0, t.newExcf(TypeErrorClass, "must be real number, not %s", v.Type().Name)
	}
	if i, isInt := v.(*Int); isInt && i.Big != nil && math.IsInf(f, 0) {
		return 0, t.newExc(OverflowErrorClass, "int too large to convert to float")
	}
	return f, nil
}

func (t *Thread) mathModule() *Module {
	a := map[string]Value{
		"pi": t.newFloat(math.Pi), "e": t.newFloat(math.E), "tau": t.newFloat(2 * math.Pi),
		"inf": t.newFloat(math.Inf(1)), "nan": t.newFloat(math.NaN()),
	}
	f1 := func(name string, fn func(float64) float64, domain func(float64) bool) {
		a[name] = t.mathFunc1(name, fn, domain)
	}
	pos := func(x float64) bool { return x > 0 }
	f1("sqrt", math.Sqrt, func(x float64) bool { return x >= 0 || math.IsNaN(x) })
	f1("exp", math.Exp, nil)
	f1("sin", math.Sin, func(x float64) bool { return !math.IsInf(x, 0) })
	f1("cos", math.Cos, func(x float64) bool { return !math.IsInf(x, 0) })
	f1("tan", math.Tan, func(x float64) bool { return !math.IsInf(x, 0) })
	f1("asin", math.Asin, func(x float64) bool { return x >= -1 && x <= 1 })
	f1("acos", math.Acos, func(x float64) bool { return x >= -1 && x <= 1 })
	f1("atan", math.Atan, nil)
	f1("fabs", math.Abs, nil)
	f1("log2", math.Log2, pos)
	f1("log10", math.Log10, pos)
	f1("degrees", func(x float64) float64 { return x * 180 / math.Pi }, nil)
	f1("radians", func(x float64) float64 { return x * math.Pi / 180 }, nil)
	a["log"] = t.Builtin("log", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("log", args, kw, 1, 2); err != nil {
			return nil, err
		}
		x, err := t.logOf(args[0])
		if err != nil {
			return nil, err
		}
		if len(args) == 2 {
			b, err := t.logOf(args[1])
			if err != nil {
				return nil, err
			}
			if b == 0 {
				return nil, t.newExc(ZeroDivisionErrorClass, "float division by zero")
			}
			return t.newFloat(x / b), nil
		}
		return t.newFloat(x), nil
	})
	a["pow"] = t.Builtin("pow", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("pow", args, kw, 2, 2); err != nil {
			return nil, err
		}
		x, err := t.floatArg(args[0], "pow")
		if err != nil {
			return nil, err
		}
		y, err := t.floatArg(args[1], "pow")
		if err != nil {
			return nil, err
		}
		if x < 0 && y != math.Trunc(y) || x == 0 && y < 0 {
			return nil, t.newExc(ValueErrorClass, "math domain error")
		}
		return t.newFloat(math.Pow(x, y)), nil
	})
	a["atan2"] = t.Builtin("atan2", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("atan2", args, kw, 2, 2); err != nil {
			return nil, err
		}
		y, _ := toFloat(args[0])
		x, _ := toFloat(args[1])
		return t.newFloat(math.Atan2(y, x)), nil
	})
	a["hypot"] = t.Builtin("hypot", func(t *Thread, args []Value, kw []string) (Value, error) {
		s := 0.0
		for _, v := range args {
			x, err := t.floatArg(v, "hypot")
			if err != nil {
				return nil, err
			}
			s = math.Hypot(s, x)
		}
		return t.newFloat(s), nil
	})
	toInt := func(name string, fn func(float64) float64) {
		a[name] = t.Builtin(name, func(t *Thread, args []Value, kw []string) (Value, error) {
			if err := t.nargs(name, args, kw, 1, 1); err != nil {
				return nil, err
			}
			if isIntLike(args[0]) {
				b, _ := toBig(args[0])
				return t.newBigInt(new(big.Int).Set(b)), nil
			}
			x, err := t.floatArg(args[0], name)
			if err != nil {
				return nil, err
			}
			if math.IsInf(x, 0) {
				return nil, t.newExc(OverflowErrorClass, "cannot convert float infinity to integer")
			}
			if math.IsNaN(x) {
				return nil, t.newExc(ValueErrorClass, "cannot convert float NaN to integer")
			}
			bf, _ := new(big.Float).SetFloat64(fn(x)).Int(nil)
			return t.newBigInt(bf), nil
		})
	}
	toInt("floor", math.Floor)
	toInt("ceil", math.Ceil)
	toInt("trunc", math.Trunc)
	a["gcd"] = t.Builtin("gcd", func(t *Thread, args []Value, kw []string) (Value, error) {
		r := new(big.Int)
		for _, v := range args {
			b, ok := toBig(v)
			if !ok {
				return nil, t.newExcf(TypeErrorClass, "'%s' object cannot be interpreted as an integer", v.Type().Name)
			}
			r.GCD(nil, nil, r, new(big.Int).Abs(b))
		}
		return t.newBigInt(r), nil
	})
	a["isqrt"] = t.Builtin("isqrt", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("isqrt", args, kw, 1, 1); err != nil {
			return nil, err
		}
		b, ok := toBig(args[0])
		if !ok {
			return nil, t.newExcf(TypeErrorClass, "'%s' object cannot be interpreted as an integer", args[0].Type().Name)
		}
		if b.Sign() < 0 {
			return nil, t.newExc(ValueErrorClass, "isqrt() argument must be nonnegative")
		}
		return t.newBigInt(new(big.Int).Sqrt(b)), nil
	})
	a["factorial"] = t.Builtin("factorial", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("factorial", args, kw, 1, 1); err != nil {
			return nil, err
		}
		n, ok := asInt64(args[0])
		if !ok {
			return nil, t.newExcf(TypeErrorClass, "'%s' object cannot be interpreted as an integer", args[0].Type().Name)
		}
		if n < 0 {
			return nil, t.newExc(ValueErrorClass, "factorial() not defined for negative values")
		}
		if n > 20000 {
			return nil, t.intTooLarge()
		}
		return t.newBigInt(new(big.Int).MulRange(1, n)), nil
	})
	a["isclose"] = t.Builtin("isclose", func(t *Thread, args []Value, kw []string) (Value, error) {
		pos, kws, err := t.kwargs("isclose", args, kw, "rel_tol", "abs_tol")
		if err != nil {
			return nil, err
		}
		if len(pos) != 2 {
			return nil, t.newExc(TypeErrorClass, "isclose() takes exactly 2 positional arguments")
		}
		x, _ := toFloat(pos[0])
		y, _ := toFloat(pos[1])
		rel, abs := 1e-9, 0.0
		if v, ok := kws["rel_tol"]; ok {
			rel, _ = toFloat(v)
		}
		if v, ok := kws["abs_tol"]; ok {
			abs, _ = toFloat(v)
		}
		if x == y {
			return True, nil
		}
		if math.IsInf(x, 0) || math.IsInf(y, 0) {
			return False, nil
		}
		d := math.Abs(x - y)
		return BoolOf(d <= math.Abs(rel*y) || d <= math.Abs(rel*x) || d <= abs), nil
	})
	isf := func(name string, fn func(float64) bool) {
		a[name] = t.Builtin(name, func(t *Thread, args []Value, kw []string) (Value, error) {
			if err := t.nargs(name, args, kw, 1, 1); err != nil {
				return nil, err
			}
			x, err := t.floatArg(args[0], name)
			if err != nil {
				return nil, err
			}
			return BoolOf(fn(x)), nil
		})
	}
	isf("isnan", math.IsNaN)
	isf("isinf", func(x float64) bool { return math.IsInf(x, 0) })
	isf("isfinite", func(x float64) bool { return !math.IsInf(x, 0) && !math.IsNaN(x) })
	a["fsum"] = t.Builtin("fsum", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("fsum", args, kw, 1, 1); err != nil {
			return nil, err
		}
		items, err := t.toItems(args[0])
		if err != nil {
			return nil, err
		}
		defer t.decrefAll(items)
		r := new(big.Float).SetPrec(2000)
		for _, v := range items {
			x, err := t.floatArg(v, "fsum")
			if err != nil {
				return nil, err
			}
			r.Add(r, new(big.Float).SetPrec(2000).SetFloat64(x))
		}
		f, _ := r.Float64()
		return t.newFloat(f), nil
	})
	a["copysign"] = t.Builtin("copysign", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("copysign", args, kw, 2, 2); err != nil {
			return nil, err
		}
		x, _ := toFloat(args[0])
		y, _ := toFloat(args[1])
		return t.newFloat(math.Copysign(x, y)), nil
	})
	t.moreMath(a)
	m := t.NewModule("math", a)
	for _, v := range a {
		t.Decref(v)
	}
	return m
}

// logOf returns the natural log of an int or float, exactly for big ints.
func (t *Thread) logOf(v Value) (float64, error) {
	if i, ok := v.(*Int); ok && i.Big != nil {
		if i.Big.Sign() <= 0 {
			return 0, t.newExc(ValueErrorClass, "math domain error")
		}
		// log(m * 2**e) = log(m) + e*log(2)
		e := i.Big.BitLen() - 53
		m := new(big.Int).Rsh(i.Big, uint(e))
		mf, _ := new(big.Float).SetInt(m).Float64()
		return math.Log(mf) + float64(e)*math.Ln2, nil
	}
	x, err := t.floatArg(v, "log")
	if err != nil {
		return 0, err
	}
	if x <= 0 {
		return 0, t.newExc(ValueErrorClass, "math domain error")
	}
	return math.Log(x), nil
}

// ---- sys ----

// addModule registers m as the module called name (taking the caller's reference),
// in sys.modules too once sys exists.
func (in *Interp) addModule(t *Thread, name string, m *Module) {
	in.modules[name] = m
	if in.sysModules != nil {
		t.setStr(in.sysModules, name, m)
	}
}

// removeModule forgets the module called name (one whose code failed).
func (in *Interp) removeModule(t *Thread, name string) {
	delete(in.modules, name)
	if in.sysModules != nil {
		k := t.NewStr(name)
		t.dictDel(in.sysModules, k)
		t.Decref(k)
	}
}

// sysModulesDict makes sys.modules from the modules imported so far.
func (t *Thread) sysModulesDict() *Dict {
	d := t.NewDict()
	names := make([]string, 0, len(t.in.modules))
	for n := range t.in.modules {
		names = append(names, n)
	}
	sortStrings(names)
	for _, n := range names {
		t.setStr(d, n, t.in.modules[n])
	}
	t.in.sysModules = d
	return d
}

func (t *Thread) sysModule() *Module {
	v := t.in.Config.Version
	vi := t.newTuple([]Value{t.newInt(int64(v[0])), t.newInt(int64(v[1])), t.newInt(int64(v[2])),
		t.NewStr("final"), t.newInt(0)})
	a := map[string]Value{
		"version":      t.NewStr(fmt.Sprintf("%d.%d.%d (gilscope simulation)", v[0], v[1], v[2])),
		"version_info": vi,
		"maxsize":      t.newInt(math.MaxInt64),
		"platform":     t.NewStr("linux"),
		"byteorder":    t.NewStr("little"),
		"stdout":       t.stdStream(false),
		"stderr":       t.stdStream(true),
		"argv":         t.newList([]Value{t.NewStr(t.in.Program.Filename)}),
		"modules":      t.sysModulesDict(),
		"hash_info":    t.hashInfo(),
	}
	a["getrefcount"] = t.Builtin("getrefcount", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("getrefcount", args, kw, 1, 1); err != nil {
			return nil, err
		}
		return t.newInt(t.in.RefcountOf(args[0])), nil
	})
	a["getrecursionlimit"] = t.Builtin("getrecursionlimit", func(t *Thread, args []Value, kw []string) (Value, error) {
		return t.newInt(maxDepth), nil
	})
	a["exit"] = t.Builtin("exit", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("exit", args, kw, 0, 1); err != nil {
			return nil, err
		}
		if len(args) == 1 && args[0] == None {
			args = nil // sys.exit(None) raises SystemExit()
		}
		r, err := excNew(t, append([]Value{SystemExitClass}, args...), nil)
		if err != nil {
			return nil, err
		}
		return nil, r.(*Instance)
	})
	// exc_info() and exception() give the exception being handled.
	a["exc_info"] = t.Builtin("exc_info", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("exc_info", args, kw, 0, 0); err != nil {
			return nil, err
		}
		e, ok := t.excInfo.(*Instance)
		if !ok {
			return t.newTuple([]Value{None, None, None}), nil
		}
		t.Incref(e.Class)
		t.Incref(e)
		return t.newTuple([]Value{e.Class, e, t.outerTraceback(e)}), nil
	})
	a["exception"] = t.Builtin("exception", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("exception", args, kw, 0, 0); err != nil {
			return nil, err
		}
		e, ok := t.excInfo.(*Instance)
		if !ok {
			return None, nil
		}
		t.Incref(e)
		return e, nil
	})
	a["intern"] = t.Builtin("intern", func(t *Thread, args []Value, kw []string) (Value, error) {
		s, ok := args[0].(*Str)
		if !ok {
			return nil, t.newExc(TypeErrorClass, "intern() argument must be str")
		}
		return t.intern(s.S), nil
	})
	a["audit"] = t.Builtin("audit", func(t *Thread, args []Value, kw []string) (Value, error) {
		// No audit hook can be installed: raising an event does nothing.
		if len(args) == 0 {
			return nil, t.newExc(TypeErrorClass, "audit() missing 1 required positional argument: 'event'")
		}
		return None, nil
	})
	a["getfilesystemencoding"] = t.Builtin("getfilesystemencoding", func(t *Thread, args []Value, kw []string) (Value, error) {
		return t.NewStr("utf-8"), nil
	})
	a["getfilesystemencodeerrors"] = t.Builtin("getfilesystemencodeerrors", func(t *Thread, args []Value, kw []string) (Value, error) {
		return t.NewStr("surrogateescape"), nil
	})
	for name, fn := range t.in.SysExtras {
		a[name] = t.Builtin(name, fn)
	}
	m := t.NewModule("sys", a)
	for _, x := range a {
		t.Decref(x)
	}
	return m
}

// hashInfoClass is the class of sys.hash_info, CPython's struct sequence of the
// numeric hash's parameters, which decimal and fractions read to hash as int does.
var hashInfoClass = func() *Class {
	c := newBuiltinClass("hash_info", ObjectClass)
	c.Module = "sys"
	c.method("__repr__", func(t *Thread, args []Value, kw []string) (Value, error) {
		return t.NewStr(fmt.Sprintf("sys.hash_info(width=64, modulus=%d, inf=314159, nan=0, imag=%d)", hashModulus, complexHashImag)), nil
	})
	return c
}()

// hashInfo makes sys.hash_info: the fields of the numeric hash (ints, floats,
// complex numbers hash as in CPython; str hashes differ, so the algorithm's fields
// are left out).
func (t *Thread) hashInfo() Value {
	inst := t.newInstance(hashInfoClass)
	for _, f := range []struct {
		name string
		v    int64
	}{{"width", 64}, {"modulus", hashModulus}, {"inf", 314159}, {"nan", 0}, {"imag", complexHashImag}} {
		x := t.newInt(f.v)
		t.setStr(inst.Dict, f.name, x)
		t.Decref(x)
	}
	return inst
}

// stdStream returns a new reference to the interpreter's sys.stdout or sys.stderr,
// made on first use.
func (t *Thread) stdStream(stderr bool) Value {
	i := b2i(stderr)
	if t.in.stdStreams[i] == nil {
		t.in.stdStreams[i] = t.newStream(stderr) // the interpreter's reference
	}
	t.Incref(t.in.stdStreams[i])
	return t.in.stdStreams[i]
}

func (t *Thread) newStream(stderr bool) Value {
	s := &stdStream{stderr: stderr}
	t.in.alloc(&s.Header)
	return s
}

// RefcountOf returns what sys.getrefcount reports for v, the argument's own
// reference included. Immortal objects report the version's figure.
func (in *Interp) RefcountOf(v Value) int64 {
	h := v.hdr()
	if h.flags&flagImmortal != 0 {
		if in.ImmortalRefcount != 0 {
			return in.ImmortalRefcount
		}
		return 4294967295
	}
	return h.Ref
}

// sourceFileLoaderClass is the class of __main__.__loader__.
var sourceFileLoaderClass = func() *Class {
	c := newBuiltinClass("SourceFileLoader", ObjectClass)
	c.Module = "_frozen_importlib_external"
	return c
}()

// setMainGlobals gives the main module's globals the names CPython 3.12 gives a
// script's, in its order.
func (t *Thread) setMainGlobals(d *Dict, filename string) {
	t.setStr(d, "__name__", t.intern("__main__"))
	t.setStr(d, "__doc__", None)
	t.setStr(d, "__package__", None)
	loader := &Instance{Class: sourceFileLoaderClass}
	t.in.alloc(&loader.Header)
	t.setStr(d, "__loader__", loader)
	t.Decref(loader)
	t.setStr(d, "__spec__", None)
	ann := t.NewDict()
	t.setStr(d, "__annotations__", ann)
	t.Decref(ann)
	b := t.builtinsModule()
	t.setStr(d, "__builtins__", b) // a script's is the module, other modules' the dict
	t.Decref(b)
	file := t.NewStr(filename)
	t.setStr(d, "__file__", file)
	t.Decref(file)
	t.setStr(d, "__cached__", None)
}

// builtinsModule returns the builtins module (a new reference), made on first use:
// its namespace is the interpreter's builtins dict, so a program that sets
// builtins.print changes what every module finds.
func (t *Thread) builtinsModule() *Module {
	if m, ok := t.in.modules["builtins"]; ok {
		t.Incref(m)
		return m
	}
	m := &Module{Name: "builtins", Dict: t.in.builtins}
	t.Incref(t.in.builtins)
	t.in.alloc(&m.Header)
	t.in.addModule(t, "builtins", m)
	t.Incref(m)
	return m
}
