package machine

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/gilscope/gilscope/internal/oracle"
)

// TestThreadingMatchesCPython runs the programs under testdata/threading on the
// machine: their (deterministic) output must be what CPython 3.12 printed.
func TestThreadingMatchesCPython(t *testing.T) {
	oracle.Prepare(t, oracle.Options{Update: *update, CPython: *cpython})
	files, _ := filepath.Glob(filepath.Join("testdata", "threading", "*.py"))
	if len(files) == 0 {
		t.Fatal("no programs")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var out, errb bytes.Buffer
			res, err := Run(f, src, Options{Seed: 1, RecordEvents: true}, &out, &errb)
			if err != nil || res.ExitCode != 0 {
				t.Fatalf("gilscope: %v, exit %d, stderr %s", err, res.ExitCode, errb.String())
			}
			if err := Validate(res.Events, res.Cores, Rules{GIL: true}); err != nil {
				t.Errorf("invalid event stream: %v", err)
			}
			if want := cpythonStdout(t, f); out.String() != want {
				t.Errorf("output differs:\ngilscope:\n%s\nCPython:\n%s", out.String(), want)
			}
		})
	}
}
