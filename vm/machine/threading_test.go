package machine

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestThreadingMatchesCPython runs the programs under testdata/threading on the
// machine and under python3: their (deterministic) output must be the same.
func TestThreadingMatchesCPython(t *testing.T) {
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
			py3, err := exec.LookPath("python3")
			if err != nil {
				t.Skip("python3 not found: skipping the comparison with CPython")
			}
			want, err := exec.Command(py3, f).Output()
			if err != nil {
				t.Fatalf("python3: %v", err)
			}
			if out.String() != string(want) {
				t.Errorf("output differs:\ngilscope:\n%s\npython3:\n%s", out.String(), want)
			}
		})
	}
}
