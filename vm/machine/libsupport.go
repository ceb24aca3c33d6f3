// This file defines _gilscope_lib, what the Python-source library modules (logging,
// warnings, os, threading) need from the interpreter and cannot compute in Python:
// the caller's frames, a traceback formatted as CPython prints it, source lines, and
// the simulated process's identity.

package machine

import (
	"github.com/gilscope/gilscope/vm"
	"github.com/gilscope/gilscope/vm/compile"
	"github.com/gilscope/gilscope/vm/py"
)

// mainParentPID is os.getppid() in the main process: the shell that started it.
const mainParentPID = 4000

// maxExecPrograms bounds the programs exec keeps compiled (a program making classes
// in a loop makes as many sources).
const maxExecPrograms = 512

// maxExecCached is the longest source exec keeps compiled (a dataclass's methods are
// a few hundred bytes), so the cache stays under maxExecPrograms × 16 KiB.
const maxExecCached = 16 << 10

// maxFrames bounds the frames _gilscope_lib.frames() reports (recursion is bounded
// at 1000 anyway).
const maxFrames = 1100

func (m *Machine) libSupportModule(t *py.Thread) *py.Module {
	fn := func(name string, f py.BuiltinFunc) py.Value { return t.Builtin(name, f) }
	compiled := map[string]*compile.Program{} // exec's programs by source
	attrs := map[string]py.Value{
		// exec(source, globals, names) is exec of a library's generated source
		// (dataclasses' methods): its top level runs with those globals, storing its
		// names in names. Programs are compiled once per source text.
		"exec": fn("exec", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			if err := t.CheckArgs("exec", args, kw, 3, 3); err != nil {
				return nil, err
			}
			src, ok1 := args[0].(*py.Str)
			globals, ok2 := args[1].(*py.Dict)
			names, ok3 := args[2].(*py.Dict)
			if !ok1 || !ok2 || !ok3 {
				return nil, t.NewExc(py.TypeErrorClass, "exec(source, globals, names)")
			}
			prog := compiled[src.S]
			if prog == nil {
				p, err := vm.Compile("<string>", []byte(src.S))
				if err != nil {
					return nil, t.NewExc(py.ValueErrorClass, "gilscope: generated code does not compile: %v", err)
				}
				p.Lines = nil // CPython shows no source line for <string>
				prog = p
				if len(src.S) <= maxExecCached {
					if len(compiled) >= maxExecPrograms {
						clear(compiled)
					}
					compiled[src.S] = p
				}
			}
			if err := t.Exec(prog, globals, names); err != nil {
				return nil, err
			}
			return py.None, nil
		}),
		// format_exception(exc) is traceback.format_exception(exc) joined: what an
		// uncaught exc would print, chained exceptions included.
		"format_exception": fn("format_exception", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			if err := t.CheckArgs("format_exception", args, kw, 1, 1); err != nil {
				return nil, err
			}
			exc, ok := args[0].(*py.Instance)
			if !ok || exc.Exc == nil {
				return nil, t.NewExc(py.TypeErrorClass, "format_exception() argument must be an exception, not %s", args[0].Type().Name)
			}
			return t.NewStr(t.FormatException(exc)), nil
		}),
		// format_tb(tb) is traceback.format_tb(tb): a list of the entries' texts.
		"format_tb": fn("format_tb", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			if err := t.CheckArgs("format_tb", args, kw, 1, 1); err != nil {
				return nil, err
			}
			entries, ok := t.FormatTraceback(args[0])
			if !ok {
				return nil, t.NewExc(py.AttributeErrorClass, "'%s' object has no attribute 'tb_frame'", args[0].Type().Name)
			}
			items := make([]py.Value, len(entries))
			for i, e := range entries {
				items[i] = t.NewStr(e)
			}
			return t.NewList(items), nil
		}),
		// frames() lists the calling thread's Python frames, innermost (the caller of
		// frames) first, as (filename, lineno, function name) tuples.
		"frames": fn("frames", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			if err := t.CheckArgs("frames", args, kw, 0, 0); err != nil {
				return nil, err
			}
			var items []py.Value
			for f := t.Frame(); f != nil && len(items) < maxFrames; f = f.Parent() {
				c := f.Code()
				if c == nil || len(c.Pos) == 0 || c.Filename == "" {
					continue // the thread's base frame
				}
				items = append(items, t.NewTuple([]py.Value{t.NewStr(c.Filename), t.NewInt(int64(f.Line())), t.NewStr(c.Name)}))
			}
			return t.NewList(items), nil
		}),
		// source_line(filename, lineno) is linecache.getline: the line without its
		// newline, or "" when there is none.
		"source_line": fn("source_line", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			if err := t.CheckArgs("source_line", args, kw, 2, 2); err != nil {
				return nil, err
			}
			name, _ := args[0].(*py.Str)
			n, ok := py.AsInt(args[1])
			if name == nil || !ok {
				return nil, t.NewExc(py.TypeErrorClass, "source_line(filename, lineno)")
			}
			lines := sourceLines(t.Interp(), name.S)
			if n < 1 || n > int64(len(lines)) {
				return t.NewStr(""), nil
			}
			return t.NewStr(lines[n-1]), nil
		}),
		// process() is the simulated process: (name, pid, parent's pid).
		"process": fn("process", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			p := threadOf(t).proc
			ppid := mainParentPID
			if p.parent != nil {
				ppid = p.parent.pid
			}
			return t.NewTuple([]py.Value{t.NewStr(p.name), t.NewInt(int64(p.pid)), t.NewInt(int64(ppid))}), nil
		}),
		// tb_len(exc) is the number of entries in exc's traceback; tb_truncate(exc, n)
		// keeps its first n. contextlib gives an exception thrown into a generator the
		// traceback it had before, as CPython's sets __traceback__ back.
		"tb_len": fn("tb_len", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			if err := t.CheckArgs("tb_len", args, kw, 1, 1); err != nil {
				return nil, err
			}
			if exc, ok := args[0].(*py.Instance); ok && exc.Exc != nil {
				return t.NewInt(int64(len(exc.Exc.TB))), nil
			}
			return t.NewInt(0), nil
		}),
		"tb_truncate": fn("tb_truncate", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			if err := t.CheckArgs("tb_truncate", args, kw, 2, 2); err != nil {
				return nil, err
			}
			exc, ok := args[0].(*py.Instance)
			n, ok2 := py.AsInt(args[1])
			if ok && ok2 && exc.Exc != nil && n >= 0 && n < int64(len(exc.Exc.TB)) {
				exc.Exc.TB = exc.Exc.TB[:n]
			}
			return py.None, nil
		}),
		// cpython_import(name) charges the import CPython makes of module name on
		// first use, where gilscope's library has no module of that name
		// (multiprocessing.pool when Pool() is first called).
		"cpython_import": fn("cpython_import", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			if err := t.CheckArgs("cpython_import", args, kw, 1, 1); err != nil {
				return nil, err
			}
			name, ok := args[0].(*py.Str)
			if !ok {
				return nil, t.NewExc(py.TypeErrorClass, "cpython_import(name)")
			}
			m.chargeImport(t, name.S)
			return py.None, nil
		}),
		// weak_track(ref, target, callback) makes ref a weak reference to target
		// (weakref.py's ReferenceType); weak_get(ref) is its target or None,
		// weak_callback(ref) its callback or None, weak_refs(target) the list of the
		// references alive to target.
		"weak_track": fn("weak_track", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			if err := t.CheckArgs("weak_track", args, kw, 3, 3); err != nil {
				return nil, err
			}
			cb := args[2]
			if cb == py.None {
				cb = nil
			}
			if err := t.WeakTrack(args[0], args[1], cb); err != nil {
				return nil, err
			}
			return py.None, nil
		}),
		"weak_get": fn("weak_get", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			if err := t.CheckArgs("weak_get", args, kw, 1, 1); err != nil {
				return nil, err
			}
			if v := t.WeakGet(args[0]); v != nil {
				return v, nil
			}
			return py.None, nil
		}),
		"weak_callback": fn("weak_callback", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			if err := t.CheckArgs("weak_callback", args, kw, 1, 1); err != nil {
				return nil, err
			}
			cb := t.WeakCallback(args[0])
			if cb == nil {
				return py.None, nil
			}
			t.Incref(cb)
			return cb, nil
		}),
		"weak_refs": fn("weak_refs", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			if err := t.CheckArgs("weak_refs", args, kw, 1, 1); err != nil {
				return nil, err
			}
			refs := t.WeakRefsTo(args[0])
			for _, r := range refs {
				t.Incref(r)
			}
			return t.NewList(append([]py.Value(nil), refs...)), nil
		}),
		"cpu_count": fn("cpu_count", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			return t.NewInt(int64(len(m.cores))), nil
		}),
	}
	return newModule(t, "_gilscope_lib", attrs)
}

// sourceLines returns the lines of the program or library module compiled from
// filename.
func sourceLines(in *py.Interp, filename string) []string {
	if in.Program != nil && in.Program.Filename == filename {
		return in.Program.Lines
	}
	if p := in.Library.File(filename); p != nil {
		return p.Lines
	}
	return nil
}
