// This file defines the built-in modules the machine provides in Go: _thread (OS
// threads and locks, on which the Python-source threading module is built), _time (the
// clocks and sleep in simulated time, under lib/time.py's calendar functions), gilscope (blocking I/O and C code with their GIL behaviour), and
// sys's switch-interval functions.

package machine

import (
	"math"

	"github.com/gilscope/gilscope/vm/py"
)

// threadOf returns the machine thread running py thread t.
func threadOf(t *py.Thread) *thread { return t.Data.(*thread) }

// clockNow is th's current time in ps, including the bytecode it is running now.
func (m *Machine) clockNow(th *thread) int64 {
	if m.cur == th {
		return th.clock + (th.py.Cost - m.curBase)
	}
	return th.clock
}

// chargeNow adds CPU work to th, also in the middle of its bytecode.
func (m *Machine) chargeNow(th *thread, d int64) {
	if m.cur == th {
		th.py.Cost += d
		return
	}
	m.charge(th, d)
}

// goModules are the modules the machine writes in Go. A missing module never hides
// one (library.go). It is set by init: its functions reach the library, which reads it.
var goModules map[string]func(*Machine, *py.Thread) *py.Module

func init() {
	goModules = map[string]func(*Machine, *py.Thread) *py.Module{
		"_thread":          (*Machine).threadModule,
		"_time":            (*Machine).timeModule,
		"gilscope":         (*Machine).gilscopeModule,
		"socket":           (*Machine).socketModule,
		"select":           (*Machine).selectModule,
		"hashlib":          (*Machine).hashlibModule,
		"zlib":             (*Machine).zlibModule,
		"_gilscope_mp":     (*Machine).mpModule,
		"_gilscope_lib":    (*Machine).libSupportModule,
		"_gilscope_fs":     (*Machine).fsModule,
		"_gilscope_pickle": (*Machine).pickleModule,
		"_gilscope_codec":  (*Machine).codecModule,
		"_gilscope_sre":    (*Machine).sreModule,
	}
}

func (m *Machine) installModules(in *py.Interp) {
	for name, f := range goModules {
		in.ModuleFactories[name] = func(t *py.Thread) *py.Module { return f(m, t) }
	}
	in.SysExtras = map[string]py.BuiltinFunc{}
	if m.model.GIL != OldGIL {
		in.SysExtras["setswitchinterval"] = m.setSwitchInterval
		in.SysExtras["getswitchinterval"] = func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			return t.NewFloat(float64(threadOf(t).proc.interval()) / 1e12), nil
		}
	} else {
		in.SysExtras["setcheckinterval"] = func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			if err := t.CheckArgs("setcheckinterval", args, kw, 1, 1); err != nil {
				return nil, err
			}
			n, ok := py.AsInt(args[0])
			if !ok {
				return nil, t.NewExc(py.TypeErrorClass, "an integer is required")
			}
			g := threadOf(t).proc.gil.(*oldGIL)
			g.checkInterval = int(max(n, 1))
			return py.None, nil
		}
		in.SysExtras["getcheckinterval"] = func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			return t.NewInt(int64(threadOf(t).proc.gil.(*oldGIL).checkInterval)), nil
		}
	}
}

// interval is sys.getswitchinterval's value, in ps: the new GIL's; models without one
// keep the value they were given, as CPython's free-threaded build does.
func (p *process) interval() int64 {
	if g, ok := p.gil.(*newGIL); ok {
		return g.interval
	}
	return p.switchInterval
}

func (m *Machine) setSwitchInterval(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
	if err := t.CheckArgs("setswitchinterval", args, kw, 1, 1); err != nil {
		return nil, err
	}
	s, ok := py.AsFloat(args[0])
	if !ok {
		return nil, t.NewExc(py.TypeErrorClass, "must be real number, not %s", args[0].Type().Name)
	}
	if s <= 0 {
		return nil, t.NewExc(py.ValueErrorClass, "switch interval must be strictly positive")
	}
	p := threadOf(t).proc
	p.switchInterval = max(int64(s*1e12), 1000*1000) // at least 1 µs, as CPython
	if g, ok := p.gil.(*newGIL); ok {
		g.interval = p.switchInterval
	}
	return py.None, nil
}

// ---- time ----

// epoch is what time.time() returns at simulated time zero: a fixed date, so runs are
// reproducible.
const epoch = 1_764_000_000.0

func (m *Machine) timeModule(t *py.Thread) *py.Module {
	now := func(t *py.Thread) float64 {
		th := threadOf(t)
		m.chargeNow(th, m.readCost) // a vDSO clock read
		return float64(m.clockNow(th)) / 1e12
	}
	cpu := func(t *py.Thread, all bool) float64 {
		var ps int64
		if all {
			// process_time: the CPU time of the calling process's threads.
			for _, x := range m.threads {
				if x.proc == threadOf(t).proc {
					ps += x.cpu()
				}
			}
		} else {
			ps = threadOf(t).cpu()
		}
		return float64(ps) / 1e12
	}
	f := func(name string, v func(t *py.Thread) py.Value) py.Value {
		return t.Builtin(name, func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			if err := t.CheckArgs(name, args, kw, 0, 0); err != nil {
				return nil, err
			}
			return v(t), nil
		})
	}
	attrs := map[string]py.Value{
		"time":         f("time", func(t *py.Thread) py.Value { return t.NewFloat(epoch + now(t)) }),
		"perf_counter": f("perf_counter", func(t *py.Thread) py.Value { return t.NewFloat(now(t)) }),
		"monotonic":    f("monotonic", func(t *py.Thread) py.Value { return t.NewFloat(now(t)) }),
		"time_ns":      f("time_ns", func(t *py.Thread) py.Value { return t.NewInt(int64((epoch + now(t)) * 1e9)) }),
		"perf_counter_ns": f("perf_counter_ns", func(t *py.Thread) py.Value {
			return t.NewInt(int64(math.Round(now(t) * 1e9)))
		}),
		"monotonic_ns": f("monotonic_ns", func(t *py.Thread) py.Value { return t.NewInt(int64(math.Round(now(t) * 1e9))) }),
		"process_time": f("process_time", func(t *py.Thread) py.Value { return t.NewFloat(cpu(t, true)) }),
		"thread_time":  f("thread_time", func(t *py.Thread) py.Value { return t.NewFloat(cpu(t, false)) }),
		"sleep": t.Builtin("sleep", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			d, err := secondsArg(t, "sleep", args, kw)
			if err != nil {
				return nil, err
			}
			return nil, py.Block(t, &sleepCall{d: d, reason: "sleep"})
		}),
	}
	return newModule(t, "_time", attrs)
}

func newModule(t *py.Thread, name string, attrs map[string]py.Value) *py.Module {
	mod := t.NewModule(name, attrs)
	for _, v := range attrs {
		t.Decref(v)
	}
	return mod
}

// secondsArg reads a non-negative duration in seconds and returns it in ps.
func secondsArg(t *py.Thread, name string, args []py.Value, kw []string) (int64, error) {
	if err := t.CheckArgs(name, args, kw, 1, 1); err != nil {
		return 0, err
	}
	s, ok := py.AsFloat(args[0])
	if !ok {
		return 0, t.NewExc(py.TypeErrorClass, "'%s' object cannot be interpreted as an integer", args[0].Type().Name)
	}
	if s < 0 {
		return 0, t.NewExc(py.ValueErrorClass, "sleep length must be non-negative")
	}
	if s > 1e6 {
		s = 1e6
	}
	return int64(s * 1e12), nil
}

// cpu is the thread's CPU time in ps.
func (th *thread) cpu() int64 { return th.cpuTime }

// ---- gilscope ----

func (m *Machine) gilscopeModule(t *py.Thread) *py.Module {
	attrs := map[string]py.Value{
		"io": t.Builtin("io", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			d, err := secondsArg(t, "io", args, kw)
			if err != nil {
				return nil, err
			}
			return nil, py.Block(t, &sleepCall{d: d, reason: "io"})
		}),
		"c_call": t.Builtin("c_call", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			pos, kws, err := t.Args("c_call", args, kw, "releases_gil")
			if err != nil {
				return nil, err
			}
			if len(pos) == 2 {
				kws["releases_gil"] = pos[1]
			}
			if len(pos) < 1 || len(pos) > 2 {
				return nil, t.NewExc(py.TypeErrorClass, "c_call(seconds, releases_gil=False)")
			}
			d, err := secondsArg(t, "c_call", pos[:1], nil)
			if err != nil {
				return nil, err
			}
			release := false
			if r, ok := kws["releases_gil"]; ok {
				if release, err = t.Truthy(r); err != nil {
					return nil, err
				}
			}
			return nil, py.Block(t, &cCall{d: d, release: release})
		}),
		"model": t.NewStr(m.model.Name),
	}
	return newModule(t, "gilscope", attrs)
}
