package machine

import (
	"encoding/json"
	"io"
	"strings"
	"testing"
	"time"
)

const cpuThreadsSrc = `import threading

def work(n):
    while n > 0:
        n -= 1

ts = [threading.Thread(target=work, args=(500000,)) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("done")
`

const sleeperSrc = `import threading
import time

def sleeper():
    for i in range(3):
        time.sleep(0.001)

t = threading.Thread(target=sleeper)
t.start()
n = 200000
while n > 0:
    n -= 1
t.join()
print("done")
`

const sleepZeroSrc = `import threading
import time

def hog():
    n = 1000000
    while n > 0:
        n -= 1

t = threading.Thread(target=hog, daemon=True)
t.start()
for i in range(5):
    time.sleep(0)
print("done")
`

// TestRunStreamsAreValid runs small threaded programs through the machine and checks
// that their event streams pass Validate and that the span layer and exports accept
// them.
func TestRunStreamsAreValid(t *testing.T) {
	tests := []struct {
		desc  string
		src   string
		model string
		cores int
		check func(t *testing.T, s *Stats)
	}{
		{"two CPU-bound threads, 3.12, 2 cores", cpuThreadsSrc, "cpython-3.12", 2, wantSwitches},
		{"two CPU-bound threads, 3.12, 1 core", cpuThreadsSrc, "cpython-3.12", 1, wantSwitches},
		{"two CPU-bound threads, 2.7, 2 cores", cpuThreadsSrc, "cpython-2.7", 2, wantSwitches},
		{"a sleeper next to a CPU-bound main thread, 3.12", sleeperSrc, "cpython-3.12", 2, wantSleeps},
		{"a sleeper next to a CPU-bound main thread, 2.7", sleeperSrc, "cpython-2.7", 2, wantSleeps},
		{"sleep(0) next to a CPU hog, 3.12", sleepZeroSrc, "cpython-3.12", 2, nil},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			var out, errw strings.Builder
			opts := Options{Model: tt.model, Cores: tt.cores, Seed: 1, MaxTime: 10, RecordEvents: true}
			r, err := runWithin(t, 20*time.Second, func() (*Result, error) {
				return Run("test.py", []byte(tt.src), opts, &out, &errw)
			})
			if err != nil {
				t.Fatal(err)
			}
			if r.ExitCode != 0 || out.String() != "done\n" {
				t.Fatalf("exit %d, stdout %q, stderr %q", r.ExitCode, out.String(), errw.String())
			}
			if err := Validate(r.Events, r.Cores, Rules{GIL: true}); err != nil {
				t.Fatalf("invalid stream (%d events): %v", len(r.Events), err)
			}
			s := ComputeStats(r)
			for _, th := range s.Threads {
				if th.CPUNS <= 0 {
					t.Errorf("thread %d %q has no CPU time", th.ID, th.Name)
				}
			}
			if tt.check != nil {
				tt.check(t, s)
			}
			checkExports(t, r)
		})
	}
}

// runWithin calls run and fails the test if it takes longer than limit of real time,
// so that a machine that stops advancing simulated time fails fast instead of
// hanging the test binary (the stuck goroutine is abandoned).
func runWithin(t *testing.T, limit time.Duration, run func() (*Result, error)) (*Result, error) {
	t.Helper()
	type result struct {
		r   *Result
		err error
	}
	done := make(chan result, 1)
	go func() {
		r, err := run()
		done <- result{r, err}
	}()
	select {
	case res := <-done:
		return res.r, res.err
	case <-time.After(limit):
		t.Fatalf("Run did not return within %v of real time", limit)
		return nil, nil
	}
}

// wantSwitches checks that two CPU-bound threads passed the GIL back and forth.
func wantSwitches(t *testing.T, s *Stats) {
	t.Helper()
	if s.GILSwitches < 2 || len(s.Threads) != 3 {
		t.Errorf("%d GIL switches among %d threads, want ≥ 2 among 3", s.GILSwitches, len(s.Threads))
	}
}

// wantSleeps checks that three sleeps of 1 ms were seen as blocked spans.
func wantSleeps(t *testing.T, s *Stats) {
	t.Helper()
	for _, b := range s.Blocking {
		if b.Reason == "sleep" {
			if b.Blocked.Count != 3 || b.Blocked.P50 < 1_000_000 {
				t.Errorf("sleep calls: %+v, want 3 of ≥ 1 ms", b.Blocked)
			}
			return
		}
	}
	t.Errorf("no sleep among the blocking calls %+v", s.Blocking)
}

// checkExports checks that the Chrome trace is JSON and the JSON lines export has a
// line per event.
func checkExports(t *testing.T, r *Result) {
	t.Helper()
	var b strings.Builder
	if err := WriteChromeTrace(&b, r); err != nil {
		t.Fatal(err)
	}
	if !json.Valid([]byte(b.String())) {
		t.Error("Chrome trace is not valid JSON")
	}
	b.Reset()
	if err := WriteEventsJSONL(&b, r); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(b.String(), "\n"); n != len(r.Events) {
		t.Errorf("%d JSON lines for %d events", n, len(r.Events))
	}
	if err := ComputeStats(r).WriteText(io.Discard); err != nil {
		t.Error(err)
	}
}
