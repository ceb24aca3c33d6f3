// This file defines the library of modules written in Python (lib/*.py, dotted names
// as a__b.py) and the failing modules of what gilscope lacks (missing.go): the
// machine's py.Library. Each module is compiled on its first import, once per process,
// and its program is shared read-only by every run, so a run pays only for what it
// imports.

package machine

import (
	"embed"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/gilscope/gilscope/vm"
	"github.com/gilscope/gilscope/vm/compile"
)

//go:embed lib/*.py
var libFS embed.FS

// libModule is one module of the library, compiled on first use.
type libModule struct {
	filename string // "<gilscope threading>"
	file     string // the embedded source, or "" for a missing module
	missing  string // a missing module's message
	once     sync.Once
	prog     *compile.Program
	err      error
}

// program compiles the module the first time it is asked for; every goroutine gets
// the same program.
func (lm *libModule) program() (*compile.Program, error) {
	lm.once.Do(func() {
		if lm.file == "" {
			src := fmt.Sprintf("raise ModuleNotFoundError(%q)\n", lm.missing)
			lm.prog, lm.err = vm.Compile(lm.filename, []byte(src))
			if lm.err == nil {
				lm.prog.Lines = nil // the traceback shows the frame, not the raise
			}
			return
		}
		src, err := libFS.ReadFile(lm.file)
		if err == nil {
			lm.prog, err = vm.Compile(lm.filename, src)
		}
		if err != nil {
			lm.err = fmt.Errorf("library module %s: %w", lm.file, err)
		}
	})
	return lm.prog, lm.err
}

// library is the machine's py.Library: what it has is known without compiling
// anything.
type library struct {
	modules  map[string]*libModule // by dotted name: the library's, then the missing
	files    map[string]*libModule // by filename
	packages map[string]bool       // the parents of every module's dotted name
	names    []string              // the library's own modules (not the missing), sorted
}

// theLibrary lists the modules once per process.
var theLibrary = sync.OnceValue(func() *library {
	lib := &library{modules: map[string]*libModule{}, files: map[string]*libModule{},
		packages: map[string]bool{}}
	entries, _ := libFS.ReadDir("lib")
	for _, e := range entries {
		stem := strings.TrimSuffix(e.Name(), ".py")
		name := strings.ReplaceAll(stem, "__", ".")
		lib.add(name, &libModule{filename: "<gilscope " + stem + ">", file: "lib/" + e.Name()})
		lib.names = append(lib.names, name)
	}
	slices.Sort(lib.names)
	// A missing module must hide nothing the machine or the interpreter provides,
	// nor a package of the library's (concurrent for concurrent.futures).
	parents := maps.Clone(lib.packages)
	for name, msg := range missingMessages() {
		if _, ok := lib.modules[name]; !ok && goModules[name] == nil && !interpModules[name] && !parents[name] {
			lib.add(name, &libModule{filename: "<gilscope " + name + ">", missing: msg})
		}
	}
	return lib
})

func (l *library) add(name string, lm *libModule) {
	l.modules[name] = lm
	l.files[lm.filename] = lm
	for i := strings.IndexByte(name, '.'); i > 0; i = next(name, i) {
		l.packages[name[:i]] = true
	}
}

func (l *library) Has(name string) bool {
	_, ok := l.modules[name]
	return ok
}

func (l *library) Program(name string) (*compile.Program, error) {
	lm, ok := l.modules[name]
	if !ok {
		return nil, fmt.Errorf("no library module %s", name)
	}
	return lm.program()
}

func (l *library) IsPackage(name string) bool { return l.packages[name] }

func (l *library) File(filename string) *compile.Program {
	if lm, ok := l.files[filename]; ok {
		p, _ := lm.program()
		return p
	}
	return nil
}

// libProgram returns the library's module called name, which the machine itself
// runs (a child process's boot code): its source is fixed and TestLibraryCompiles
// compiles it.
func libProgram(name string) *compile.Program {
	p, err := theLibrary().Program(name)
	if err != nil {
		panic(err)
	}
	return p
}

// Prepare compiles every library module, which runs otherwise compile on their first
// import. A worker process calls it while it waits for its job, so no run pays for
// compiling; the CLI does not, since one run imports a few modules.
func Prepare() error {
	lib := theLibrary()
	names := make([]string, 0, len(lib.modules))
	for name := range lib.modules {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if _, err := lib.modules[name].program(); err != nil {
			return err
		}
	}
	return nil
}
