package machine

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// FuzzRun runs arbitrary programs on the machine under every model: no panic,
// no hang (the simulated-time bound ends every run), a valid event stream.
func FuzzRun(f *testing.F) {
	for _, dir := range []string{"testdata/threading", "testdata/stdlib"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.py"))
		for _, file := range files {
			if src, err := os.ReadFile(file); err == nil {
				f.Add(src, uint8(0))
			}
		}
	}
	f.Add([]byte(twoThreads), uint8(1))
	f.Add([]byte(cpuBound), uint8(2))
	var hostile []string
	if !testing.Short() { // seconds each, and TestHostilePrograms covers them
		hostile, _ = filepath.Glob(filepath.Join("..", "..", "testdata", "hostile", "*.py"))
	}
	for i, file := range hostile {
		if src, err := os.ReadFile(file); err == nil {
			f.Add(src, uint8(i))
		}
	}
	models := modelNames()
	f.Fuzz(func(t *testing.T, src []byte, model uint8) {
		// The context stands for the server's CPU limit: builtins given huge inputs
		// must look at it. 50 ms of simulated time lets a loop nest values 10**5 to 10**6
		// deep; the memory budget bounds what the run may hold.
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		opts := Options{Model: models[int(model)%len(models)], MaxTime: 0.05, RecordEvents: true,
			Cores: 1 + int(model)%3, Seed: int64(model), Context: ctx, MaxMemory: 64 << 20}
		type out struct {
			res *Result
			err error
		}
		done := make(chan out, 1)
		go func() {
			res, err := Run("fuzz.py", src, opts, io.Discard, io.Discard)
			done <- out{res, err}
		}()
		var o out
		select {
		case o = <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("run did not end within 10 s of real time (model %s)", opts.Model)
		}
		res, err := o.res, o.err
		if err != nil {
			t.Fatal(err)
		}
		if err := Validate(res.Events, res.Cores, RulesFor(opts.Model)); err != nil {
			t.Fatalf("invalid event stream: %v", err)
		}
	})
}
