// This file defines what importing a module costs: the CPU time CPython spends the
// first time a process imports a standard-library module (finding it, unmarshalling
// its code, running its body), measured per version by tools/calibrate -imports and
// written to imports_cpython*.go (docs/models.md, "Imports").

package machine

import (
	"slices"
	"strings"

	"github.com/gilscope/gilscope/vm/py"
)

// ImportCosts is one interpreter's measured import times.
type ImportCosts struct {
	// Interpreter, Machine and Date say what was measured, where and when.
	Interpreter, Machine, Date string
	// Method says how (samples, the machine's load).
	Method string
	// Self is each module's own import time in µs: its body and its loading, without
	// the modules it imports that were not loaded yet (-X importtime's "self").
	Self map[string]float64
	// Loads lists, for each module gilscope provides or imports lazily, the modules a
	// fresh interpreter loads when it imports it, besides the module itself (those
	// loaded at start-up left out).
	Loads map[string][]string
}

// importTables are the measured versions, oldest first.
var importTables = []struct {
	version [2]int
	costs   *ImportCosts
}{
	{[2]int{2, 7}, &importsCPython27},
	{[2]int{3, 9}, &importsCPython39},
	{[2]int{3, 11}, &importsCPython311},
	{[2]int{3, 12}, &importsCPython312},
	{[2]int{3, 13}, &importsCPython313},
}

// lazyImports are the CPython modules gilscope's library charges where CPython's
// imports them on first use rather than with their package (multiprocessing's
// context imports .pool in Pool(), concurrent.futures imports .thread on first
// access to ThreadPoolExecutor), and those a child process's bootstrap imports.
var lazyImports = []string{
	"multiprocessing.pool", "multiprocessing.queues", "multiprocessing.synchronize",
	"multiprocessing.connection", "multiprocessing.managers", "multiprocessing.sharedctypes",
	"multiprocessing.popen_fork", "multiprocessing.popen_spawn_posix",
	"multiprocessing.popen_forkserver", "multiprocessing.spawn",
	"concurrent.futures.thread", "concurrent.futures.process",
}

// ProvidedModules returns the standard-library modules whose import the machine
// charges, sorted: the library's public modules, the built-in ones that CPython also
// has, and lazyImports. tools/calibrate measures each.
func ProvidedModules() []string {
	var names []string
	for _, name := range theLibrary().names {
		if !strings.HasPrefix(name, "_") && name != "gilscope" {
			names = append(names, name)
		}
	}
	names = append(names, "_thread", "socket", "select", "hashlib", "zlib")
	for name := range interpModules {
		names = append(names, name)
	}
	names = append(names, lazyImports...)
	slices.Sort(names)
	return slices.Compact(names)
}

// importPricer prices a process's imports for one model.
type importPricer struct {
	tables []*ImportCosts // the model's version first, then the others by closeness
	scale  float64        // a model's overhead on the interpreter it borrows from
}

// newImportPricer chooses the tables of the interpreter whose clock the model uses:
// a module that version lacks (concurrent.futures under 2.7) is priced as the
// closest version that has it. CPython builds scale the prices as they scale every
// other cost; the other runtimes (PyPy, Jython, IronPython, Ruby) take 3.12's as
// measured, since their speed factors are those of compiled loops, not of loading
// code.
func newImportPricer(model *Model) importPricer {
	name := model.Name
	if model.CostsFrom != "" {
		name = model.CostsFrom
	}
	if calibrations[name] == nil {
		name = DefaultModel
	}
	v := models[name].Version
	want := [2]int{v[0], v[1]}
	dist := func(a [2]int) int {
		d := (a[0]-want[0])*100 + a[1] - want[1]
		return max(d, -d)
	}
	order := make([]int, len(importTables))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return dist(importTables[a].version) - dist(importTables[b].version)
	})
	p := importPricer{scale: model.Speed}
	if model.Family == "other" {
		p.scale = 1
	}
	for _, i := range order {
		p.tables = append(p.tables, importTables[i].costs)
	}
	return p
}

// charge marks module name loaded in a process whose loaded modules are done and
// returns what loading it and what it loads costs, in ps: nothing for a module that
// was loaded, or that no table knows as an import of its own (gilscope's modules,
// a package imported on the way to its submodule).
func (p importPricer) charge(done map[string]bool, name string) int64 {
	if done[name] {
		return 0
	}
	for _, t := range p.tables {
		loads, ok := t.Loads[name]
		if !ok {
			continue
		}
		var us float64
		for _, mod := range append([]string{name}, loads...) {
			if !done[mod] {
				done[mod] = true
				us += t.Self[mod]
			}
		}
		return int64(us * p.scale * 1e6)
	}
	// Not marked: a package (concurrent) is priced among the loads of its
	// submodule, and gilscope's own modules cost nothing anyway.
	return 0
}

// onImport is the interpreter's hook on the program's import statements: the first
// import of a standard-library module in a process costs what CPython's measured,
// with what that module loads, held by the importing thread with its GIL (an import
// runs under the import lock). The library's own imports are not priced: CPython's
// modules import other things than gilscope's do, and what they import is in the
// importing module's measured loads.
func (m *Machine) onImport(t *py.Thread, names []string) int64 {
	var ps int64
	for _, name := range names {
		ps += m.imports.charge(threadOf(t).proc.loaded, name)
	}
	return ps
}

// chargeImport charges the import CPython makes of module name on first use where
// gilscope's library has no module of that name (_gilscope_lib.cpython_import).
func (m *Machine) chargeImport(t *py.Thread, name string) {
	th := threadOf(t)
	if c := m.imports.charge(th.proc.loaded, name); c > 0 {
		m.chargeNow(th, c)
	}
}

// bootLoaded returns the modules a spawned or forkserver child has loaded when it
// starts running: its start-up cost (Procs.SpawnChild, ServerChild, measured) includes
// them, as it includes the interpreter's start-up.
func (m *Machine) bootLoaded() map[string]bool {
	done := map[string]bool{}
	m.imports.charge(done, "multiprocessing.spawn")
	return done
}
