package examples

import (
	"flag"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gilscope/gilscope/internal/oracle"
	"github.com/gilscope/gilscope/vm"
	"github.com/gilscope/gilscope/vm/machine"
)

// plannedModels are the models the gallery may name before the simulator has them
// (they are being built). A missing one is logged, not an error; any other unknown
// name is a typo and fails.
var plannedModels = []string{"cpython-3.12", "cpython-3.13", "cpython-3.11", "cpython-3.9",
	"cpython-2.7", "cpython-3.13t", "cpython-3.14t", "nogil-unsafe", "nogil-atomic",
	"fine-grained-locks", "pypy", "jython", "ironpython", "ruby-gvl"}

// plannedModules are modules a gallery example may import before the machine provides
// them: a run that stops on importing one is skipped, not failed.
var plannedModules = []string{"multiprocessing"}

func existingModels() map[string]bool {
	have := map[string]bool{}
	for _, m := range machine.Models() {
		have[m.Name] = true
	}
	return have
}

func TestGalleryParses(t *testing.T) {
	exs := All()
	if len(exs) < 12 {
		t.Errorf("%d examples, want at least 12", len(exs))
	}
	have := existingModels()
	ids := map[string]bool{}
	orders := map[int]string{}
	for _, ex := range exs {
		if ids[ex.ID] {
			t.Errorf("duplicate id %q", ex.ID)
		}
		ids[ex.ID] = true
		if prev, ok := orders[ex.Order]; ok {
			t.Errorf("%s and %s have the same order %d", prev, ex.ID, ex.Order)
		}
		orders[ex.Order] = ex.ID
		if ex.Workload.Model != ex.Models[0] {
			t.Errorf("%s: workload model %q, want the first listed, %q", ex.ID, ex.Workload.Model, ex.Models[0])
		}
		if ex.Workload.Cores < 1 || ex.Workload.Cores > machine.MaxCores {
			t.Errorf("%s: %d cores", ex.ID, ex.Workload.Cores)
		}
		if ex.Workload.MaxTime <= 0 || ex.Workload.MaxTime > 5 {
			t.Errorf("%s: max_time %v, want a bound in (0, 5] seconds", ex.ID, ex.Workload.MaxTime)
		}
		if key, _, ok := strings.Cut(ex.Description, ":"); ok && !strings.ContainsAny(key, " \t") {
			t.Errorf("%s: the description starts with %q: a misspelt header key?", ex.ID, key+":")
		}
		if len(ex.Description) < 200 {
			t.Errorf("%s: the description is too short to explain anything (%d bytes)", ex.ID, len(ex.Description))
		}
		seen := map[string]bool{}
		for _, m := range ex.Models {
			if seen[m] {
				t.Errorf("%s: model %q listed twice", ex.ID, m)
			}
			seen[m] = true
			switch {
			case have[m]:
			case slices.Contains(plannedModels, m):
				t.Logf("%s: model %q does not exist yet", ex.ID, m)
			default:
				t.Errorf("%s: unknown model %q", ex.ID, m)
			}
		}
		if runModels(ex, have) == nil {
			t.Errorf("%s: none of its models exists", ex.ID)
		}
		if _, err := vm.Compile(ex.ID+".py", []byte(ex.Workload.Source)); err != nil {
			t.Errorf("%s: %v", ex.ID, err)
		}
	}
	if e, ok := Lookup("cpu_threads"); !ok || e.ID != "cpu_threads" {
		t.Errorf("Lookup(cpu_threads) = %v, %v", e.ID, ok)
	}
}

func TestParseHeader(t *testing.T) {
	ex, err := parse("x", "# title: T\n# models: a b\n# expect_exit: 0 1\n# output: varies\n# max_time: 0.5\n#\n# Para: one\n# two.\nprint(1)\n")
	if err != nil {
		t.Fatal(err)
	}
	if ex.Title != "T" || !slices.Equal(ex.Models, []string{"a", "b"}) || !slices.Equal(ex.ExpectExit, []int{0, 1}) ||
		!ex.OutputVaries || ex.Workload.MaxTime != 0.5 || ex.Description != "Para: one two." || ex.Workload.Model != "a" {
		t.Errorf("parse: %+v", ex)
	}
	ex, err = parse("x", "# title: T\n# models: a\n#\n# P.\n")
	if err != nil || !slices.Equal(ex.ExpectExit, []int{0}) || ex.OutputVaries {
		t.Errorf("defaults: %+v, %v", ex, err)
	}
	for _, bad := range []string{
		"# models: a\n#\n# P.\n",
		"# title: T\n#\n# P.\n",
		"# title: T\n# models: a\n",
		"# title: T\n# models: a\n# expect_exit: one\n#\n# P.\n",
		"# title: T\n# models: a\n# output: sometimes\n#\n# P.\n",
	} {
		if _, err := parse("x", bad); err == nil {
			t.Errorf("parse(%q): no error", bad)
		}
	}
}

// runModels are the models an example runs under today: those of its list that
// exist, in its order (so a planned default falls back to the next model listed).
func runModels(ex Example, have map[string]bool) []string {
	var out []string
	for _, m := range ex.Models {
		if have[m] {
			out = append(out, m)
		}
	}
	return out
}

// update rewrites gallery/NAME.py.txtar, what CPython 3.12 prints for each
// example; cpython compares with a CPython 3.12 live instead.
var (
	update  = flag.Bool("update", false, "rewrite gallery/*.py.txtar from CPython "+oracle.Version+" (-cpython, $"+oracle.EnvVar+", pyenv or python"+oracle.Version+")")
	cpython = flag.String("cpython", "", "compare with this CPython "+oracle.Version+" live (default $"+oracle.EnvVar+")")
)

// TestGalleryRuns runs every example under each of its models that exists, checks
// the exit status and that the run ends before max_time, and, for examples whose
// output does not vary, compares stdout with CPython 3.12's (gallery/NAME.py.txtar,
// or see oracle.Expected). Under -short each example runs under its default model
// only.
func TestGalleryRuns(t *testing.T) {
	have := existingModels()
	oracle.Prepare(t, oracle.Options{Update: *update, CPython: *cpython})
	for _, ex := range All() {
		t.Run(ex.ID, func(t *testing.T) {
			t.Parallel()
			want := cpythonStdout(t, ex)
			models := runModels(ex, have)
			if testing.Short() && len(models) > 1 {
				models = models[:1]
			}
			for _, model := range models {
				var out, errw strings.Builder
				opts := machine.Options{Model: model, Cores: ex.Workload.Cores, Seed: ex.Workload.Seed,
					SwitchInterval: ex.Workload.SwitchInterval, MaxTime: ex.Workload.MaxTime}
				start := time.Now()
				r, err := machine.Run(ex.ID+".py", []byte(ex.Workload.Source), opts, &out, &errw)
				if err != nil {
					t.Fatalf("%s: %v", model, err)
				}
				for _, mod := range plannedModules {
					if strings.Contains(errw.String(), "No module named '"+mod+"'") {
						t.Skipf("%s: module %s does not exist yet", model, mod)
					}
				}
				if r.End == "max-time" || !slices.Contains(ex.ExpectExit, r.ExitCode) {
					t.Errorf("%s: exit %d (%s) at %.1f ms, want one of %v\nstdout:\n%s\nstderr:\n%s", model,
						r.ExitCode, r.End, float64(r.EndTime)/1e6, ex.ExpectExit, out.String(), errw.String())
					continue
				}
				t.Logf("%s: %.1f ms simulated in %v", model, float64(r.EndTime)/1e6, time.Since(start).Round(time.Millisecond))
				if !ex.OutputVaries && out.String() != want {
					t.Errorf("%s: stdout differs from CPython %s's\nCPython:\n%s\ngilscope:\n%s", model, oracle.Version, want, out.String())
				}
			}
		})
	}
}

// cpythonStdout returns what CPython 3.12 printed for an example (run as its
// file, with examples/ on PYTHONPATH for the gilscope module), after checking
// that it exited as the example expects.
func cpythonStdout(t *testing.T, ex Example) string {
	t.Helper()
	script, err := filepath.Abs(filepath.Join("gallery", ex.ID+".py"))
	if err != nil {
		t.Fatal(err)
	}
	examplesDir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	r := oracle.Expected(t, script, oracle.Options{Update: *update, CPython: *cpython, Env: []string{"PYTHONPATH=" + examplesDir}})
	if !slices.Contains(ex.ExpectExit, r.Exit) {
		t.Fatalf("CPython %s: exit %d, want one of %v\nstderr:\n%s", oracle.Version, r.Exit, ex.ExpectExit, r.Stderr)
	}
	return r.Stdout
}
