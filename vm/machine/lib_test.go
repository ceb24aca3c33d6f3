// The Python-source library modules that print to stderr (logging's default handler,
// warnings, threading's deprecation warnings and excepthook): the scripts in
// testdata/stdlib must also write what CPython 3.12 wrote to stderr and exit as it
// did, file names included.

package machine

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gilscope/gilscope/internal/oracle"
)

// stderrSkipped are the scripts whose stderr is not compared: CPython's tracebacks
// there go through its own library files, whose lines gilscope's do not match.
var stderrSkipped = map[string]bool{
	"futures_process.py":        true,
	"multiprocessing_basics.py": true,
}

func TestStdlibStderrMatchesCPython(t *testing.T) {
	oracle.Prepare(t, oracle.Options{Update: *update, CPython: *cpython})
	root, err := oracle.Root()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "stdlib", "*.py"))
	for _, f := range files {
		if stderrSkipped[filepath.Base(f)] {
			continue
		}
		t.Run(filepath.Base(f), func(t *testing.T) {
			t.Parallel()
			abs, _ := filepath.Abs(f)
			src, err := os.ReadFile(abs)
			if err != nil {
				t.Fatal(err)
			}
			examples, _ := filepath.Abs(filepath.Join("..", "..", "examples"))
			want := oracle.Expected(t, abs, oracle.Options{Update: *update, CPython: *cpython, Env: []string{"PYTHONPATH=" + examples}})
			var out, errw strings.Builder
			r, err := runWithin(t, 60*time.Second, func() (*Result, error) {
				return Run(abs, src, Options{Seed: 1, MaxTime: 30}, &out, &errw)
			})
			if err != nil {
				t.Fatal(err)
			}
			if r.ExitCode != want.Exit {
				t.Errorf("exit %d, CPython %d", r.ExitCode, want.Exit)
			}
			if got := oracle.Normalize(errw.String(), root); got != want.Stderr {
				t.Errorf("stderr differs from CPython's\n%s", lineDiff(want.Stderr, got))
			}
		})
	}
}
