package machine

import (
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// TestConcurrentRuns runs several simulations at once, as the server does: they share
// compiled library code and immutable singletons, and must not write to anything
// shared (go test -race checks it).
func TestConcurrentRuns(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "stdlib", "*.py"))
	more, _ := filepath.Glob(filepath.Join("testdata", "threading", "*.py"))
	files = append(files, more...)
	models := []string{"cpython-3.12", "cpython-3.14t"}
	if testing.Short() {
		models = models[:1]
	}
	var wg sync.WaitGroup
	for i, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, model := range models {
			wg.Add(1)
			go func() {
				defer wg.Done()
				res, err := Run(f, src, Options{Model: model, Seed: int64(i), RecordEvents: true, MaxTime: 10}, io.Discard, io.Discard)
				if err != nil || res.ExitCode != 0 {
					t.Errorf("%s under %s: %v, exit %d", f, model, err, res.ExitCode)
				}
			}()
		}
	}
	wg.Wait()
}
