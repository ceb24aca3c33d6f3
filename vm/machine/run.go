// This file defines how a run is set up and started: options, the result, the cost
// table.

package machine

import (
	"context"
	"fmt"
	"github.com/gilscope/gilscope/vm/trace"
	"io"
	"math/rand/v2"
	"sort"
	"unicode/utf8"

	"github.com/gilscope/gilscope/vm"
	"github.com/gilscope/gilscope/vm/compile"
	"github.com/gilscope/gilscope/vm/py"
	"github.com/gilscope/gilscope/vm/syntax"
)

// Options configures a run.
type Options struct {
	Model          string  // e.g. "cpython-3.12" (the default)
	Cores          int     // 1 to MaxCores; 0 = DefaultCores
	Seed           int64   // seeds every random choice
	SwitchInterval float64 // seconds; 0 = the model's default
	MaxTime        float64 // seconds of simulated time, at most MaxSimulatedTime; 0 = that
	TimeSlice      float64 // seconds; 0 = 4 ms
	WakeLatency    float64 // seconds; 0 = 20 µs
	RecordEvents   bool

	// Context, if set, stops the run when it is done: the run ends ("stopped") with
	// the context's cause on stderr.
	Context context.Context
	// OnEvents, if set, receives the run's events in time order, in batches, while the
	// run goes on (RecordEvents is implied and Result.Events stays empty). upTo (ns)
	// says how far the simulation has got: no later batch holds an event before it.
	// It is called about every millisecond of host time, with an empty batch when
	// nothing happened. An error stops the run as a cancelled Context does.
	OnEvents func(batch []Event, upTo trace.Time) error
	// LendEvents makes each batch OnEvents receives valid only during the call: it is
	// the machine's own buffer, not a copy, for a caller that encodes or copies the
	// events at once (a worker writing them to its pipe).
	LendEvents bool
	// MaxMemory is the run's memory budget in bytes, shared by its processes; 0 means
	// py.DefaultMaxMemory. Going beyond it raises MemoryError in the program.
	MaxMemory int64
	// Instructions, if its end is set, is a window of simulated time [from, to) in
	// seconds in which every instruction a thread is about to run is an instr event.
	Instructions [2]float64
	// Program, if set, is the source already compiled (by vm.Compile, with the same
	// file name): Run runs it instead of compiling the source again.
	Program *compile.Program
	// Stdin is the program's standard input, which input() reads line by line (EOFError
	// once it is used up); empty when there is none.
	Stdin string
	// Calibration, if set, replaces the model's measured costs (tools/calibrate counts
	// the work of its kernels with it).
	Calibration *Calibration
	// MaxEvents, if positive, stops a run that records events ("max-events") once it
	// has made more than MaxEvents, instructions not counted, at the first moment
	// every thread has reached: what comes after the step that made the last is not
	// kept. The stop is a function of the run alone, like MaxTime: the same run stops
	// at the same time whoever watches it and however its events are collected. A
	// run recording no events is not bounded by it.
	MaxEvents int
}

// Result is what a run produced.
type Result struct {
	ExitCode int
	EndTime  trace.Time
	End      string
	Events   []Event
	Threads  []ThreadInfo
	Cores    int
	Model    string
	// Instructions is the number of bytecode instructions every thread executed.
	Instructions int64
	// Code lists the program's code objects; an event's Code is an index into it.
	// Code[0] is nil (library code), Code[1] the module.
	Code []*compile.Funcode
}

// Run simulates a program. Program output goes to stdout and stderr as it would under
// CPython; a syntax error is printed CPython's way and gives exit code 2. The error
// result is only for invalid options.
func Run(filename string, src []byte, opts Options, stdout, stderr io.Writer) (*Result, error) {
	if err := opts.Validate(); err != nil {
		return nil, err
	}
	model, err := LookupModel(opts.Model)
	if err != nil {
		return nil, err
	}
	res := &Result{Cores: opts.Cores, Model: model.Name}
	prog := opts.Program
	if prog == nil {
		prog, err = vm.Compile(filename, src)
	}
	if err != nil {
		if se, ok := err.(*syntax.Error); ok {
			io.WriteString(stderr, se.Pretty(src))
		} else {
			fmt.Fprintln(stderr, err)
		}
		res.ExitCode, res.End = vm.ExitSyntax, "syntax-error"
		return res, nil
	}
	m := newMachine(model, opts)
	m.out, m.errw = stdout, stderr
	res.Code = m.numberCode(prog)
	m.runProgram(prog)
	res.ExitCode = m.exitCode
	for _, th := range m.threads {
		res.Instructions += th.py.Instructions
	}
	res.EndTime = eventTime(m.now)
	res.End = m.endWhy
	// Threads on different cores run up to a quantum apart, so events arrive almost in
	// time order; a stable sort puts them exactly in order.
	if m.sink != nil {
		m.finishStream()
	} else {
		sort.SliceStable(m.events, func(i, j int) bool { return m.events[i].T < m.events[j].T })
		res.Events = m.dropAfterEnd(m.events)
	}
	for _, th := range m.threads {
		res.Threads = append(res.Threads, ThreadInfo{ID: th.id, Name: th.name})
	}
	return res, nil
}

func newMachine(model *Model, opts Options) *Machine {
	m := &Machine{model: model, quantum: quantum, rng: rand.New(rand.NewPCG(uint64(opts.Seed), 0x9e3779b97f4a7c15)),
		urandom: rand.New(rand.NewPCG(uint64(opts.Seed), 0x75726e64)),
		record:  opts.RecordEvents || opts.OnEvents != nil, sink: opts.OnEvents, lend: opts.LendEvents, ctx: opts.Context,
		objs: map[uint64]*objState{}, locks: map[uint64]*lockObj{}}
	m.maxTime = MaxSimulatedTime * 1e12
	m.maxMemory = opts.MaxMemory
	if m.record {
		m.maxEvents = opts.MaxEvents
	}
	m.stdin = opts.Stdin
	if opts.MaxTime > 0 {
		m.maxTime = int64(opts.MaxTime * 1e12)
	}
	m.slice = DefaultTimeSlice * 1000
	if opts.TimeSlice > 0 {
		m.slice = int64(opts.TimeSlice * 1e12)
	}
	m.wakeMean = DefaultWakeLatency * 1000
	if opts.WakeLatency > 0 {
		m.wakeMean = max(int64(opts.WakeLatency*1e12), minWakeLatency*1000+1)
	}
	for i := 0; i < opts.Cores; i++ {
		m.cores = append(m.cores, &core{id: i})
	}
	m.interval = model.SwitchInterval * 1000
	if m.interval == 0 {
		m.interval = 5 * ms * 1000
	}
	if opts.SwitchInterval > 0 {
		m.interval = max(int64(opts.SwitchInterval*1e12), 1000*1000)
	}
	if model.Parallel() {
		m.quantum = parallelQuantum
	}
	calib := CalibrationFor(model)
	if opts.Calibration != nil {
		calib = opts.Calibration
	}
	m.costs = calib.Table(model.Speed)
	if opts.Calibration == nil {
		// A calibration given by the caller (tools/calibrate's counting) prices
		// only the features it holds.
		m.imports = newImportPricer(model)
	}
	m.readCost = int64(calib.ClockRead * 1000)
	m.blk = calib.Blocking.costs()
	m.pc = calib.Procs.costs()
	if opts.Instructions[1] > 0 {
		m.instrFrom, m.instrTo = int64(opts.Instructions[0]*1e12), int64(opts.Instructions[1]*1e12)
	}
	return m
}

// numberCode gives each code object of prog an id, depth first in source order, from 1.
func (m *Machine) numberCode(prog *compile.Program) []*compile.Funcode {
	m.codeIDs = map[*compile.Funcode]int32{}
	list := []*compile.Funcode{nil}
	var walk func(fc *compile.Funcode)
	walk = func(fc *compile.Funcode) {
		m.codeIDs[fc] = int32(len(list))
		list = append(list, fc)
		for _, c := range fc.Consts {
			if inner, ok := c.(*compile.Funcode); ok {
				walk(inner)
			}
		}
	}
	walk(prog.Toplevel)
	return list
}

// runProgram runs prog's main thread and every thread it starts to the end.
func (m *Machine) runProgram(prog *compile.Program) {
	m.prog = prog
	p := m.newProcess("MainProcess", nil)
	pt, err := p.in.MainThread()
	if err != nil {
		fmt.Fprintln(m.errw, err)
		m.exitCode = 1
		return
	}
	m.main = m.adopt(pt, "MainThread", false, p)
	p.main = m.main
	m.setState(m.main, StateRunnable, "", 0)
	m.onCore(m.main, m.cores[0], 0)
	p.gil.take(m.main)
	m.loop()
}

// adopt wraps a py thread in a machine thread.
func (m *Machine) adopt(pt *py.Thread, name string, daemon bool, p *process) *thread {
	th := &thread{id: int32(len(m.threads) + 1), name: name, py: pt, daemon: daemon, proc: p}
	pt.Data = th
	pt.Costs = &m.costs
	pt.Checkpoint = &m.model.Checkpoints
	switch g := p.gil.(type) {
	case *newGIL:
		pt.Breaker = &g.breaker
	case *noGIL, *rubyGVL:
		pt.Breaker = &th.breaker
	}
	m.threads = append(m.threads, th)
	m.emit(trace.ThreadStart{Name: clipText(name), Process: int32(p.id)}.At(eventTime(m.now), th.id, -1))
	return th
}

// newThread creates a thread that will run fn() once started.
func (m *Machine) newThread(name string, fn py.Value, daemon bool, parent *thread) (*thread, error) {
	p := parent.proc
	pt, err := p.in.NewThread(name, fn, nil, nil)
	if err != nil {
		return nil, err
	}
	th := m.adopt(pt, name, daemon, p)
	th.clock = m.clockNow(parent)
	if p.threads++; m.model.ImmortalizeShared && p.threads == 2 {
		// 3.13t: the second thread makes module-level functions and classes immortal.
		p.in.ImmortalizeModuleObjects()
	}
	return th, nil
}

// write sends program output to the run's writers and records it. Both streams,
// tracebacks included, count against maxOutput: a write that crosses it is cut at the
// limit, with a note, and later ones are dropped.
func (m *Machine) write(th *thread, s string, stderr bool) {
	w := m.out
	v := trace.Stdout
	if stderr {
		w, v = m.errw, trace.Stderr
	}
	if m.outCut {
		return
	}
	if room := maxOutput - m.outBytes; len(s) > room {
		s = clipUTF8(s, room)
		m.outCut = true
	}
	m.outBytes += len(s)
	io.WriteString(w, s)
	if th != nil {
		m.emit(trace.Output{Stream: v, Text: s}.At(eventTime(m.clockNow(th)), th.id, coreOf(th)))
	}
	if m.outCut {
		m.report("\n[gilscope: output truncated at 1 MB]\n")
	}
}

// maxOutput bounds what a run writes to stdout and stderr together, in bytes.
const maxOutput = py.MaxOutput

// maxReport bounds one of the machine's own messages and the text of an event that
// is not output (an exception's line, a thread's name): they are shown whatever the
// program wrote, so each is kept short.
const maxReport = 16 << 10

// clipUTF8 returns s cut to at most n bytes, at a character boundary.
func clipUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// clipText cuts a text longer than maxReport, saying how much was left out.
func clipText(s string) string {
	if len(s) <= maxReport {
		return s
	}
	return fmt.Sprintf("%s… [gilscope: %d more bytes not shown]", clipUTF8(s, maxReport), len(s)-maxReport)
}

// report writes one of the machine's own messages (a deadlock, a crash, a limit) to
// stderr, as an output event of no thread (0) so that the page shows it in place.
// It is written even past maxOutput, since it says why the run ended, but it is
// counted, and cut at maxReport.
func (m *Machine) report(s string) {
	s = clipText(s)
	m.outBytes += len(s)
	io.WriteString(m.errw, s)
	m.emit(trace.Output{Stream: trace.Stderr, Text: s}.At(eventTime(m.now), 0, -1))
}

// reportDeadlock prints what every live thread waits for.
