package machine

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEveryModelRunsTheScripts runs the threading and library scripts under every
// model: each must finish (these scripts have no races on their output), keep its
// model's invariants, and never hit an internal error. Under a model whose counts race
// (threads in parallel with plain counts) a script may also end as a use-after-free
// does: that is the model's lesson, not a failure.
func TestEveryModelRunsTheScripts(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every script under every model")
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "threading", "*.py"))
	more, _ := filepath.Glob(filepath.Join("testdata", "stdlib", "*.py"))
	files = append(files, more...)
	for _, model := range modelNames() {
		t.Run(model, func(t *testing.T) {
			t.Parallel()
			m, _ := LookupModel(model)
			racy := m.Parallel() && m.Refcounts == RCPlain
			for _, f := range files {
				src, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				var out, errb bytes.Buffer
				res, err := Run(f, src, Options{Model: model, Seed: 2, RecordEvents: true, MaxTime: 30}, &out, &errb)
				if err != nil {
					t.Fatal(err)
				}
				freed := racy && res.ExitCode == 139 && countKind(res, EvUseAfterFree) > 0
				if res.ExitCode != 0 && !freed || strings.Contains(errb.String(), "internal error") {
					t.Errorf("%s: exit %d (%s)\n%s", filepath.Base(f), res.ExitCode, res.End, errb.String())
					continue
				}
				if err := Validate(res.Events, res.Cores, RulesFor(model)); err != nil {
					t.Errorf("%s: %v", filepath.Base(f), err)
				}
			}
		})
	}
}
