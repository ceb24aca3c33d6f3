// Hostile programs: every script in the repository's testdata/hostile must end the way
// its first line says (# expect: OUTCOME — what it does), quickly, with the test
// process alive. A live-server test runs the same files.

package machine

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gilscope/gilscope/vm/trace"
)

// errHostileCPU stands for the server's CPU limit: the context of every hostile run.
var errHostileCPU = errors.New("the hostile program used its CPU time")

// hostileCPU is the host time a run expected to hit the limit may take before its
// context stops it; hostileWall is how long after that it must have returned, and
// how long the others may take to end by themselves on a busy machine.
const (
	hostileCPU  = 2 * time.Second
	hostileWall = 30 * time.Second
)

// hostileExpect returns the outcome a hostile script's first line names.
func hostileExpect(src []byte) string {
	first, _, _ := bytes.Cut(src, []byte("\n"))
	rest, ok := bytes.CutPrefix(first, []byte("# expect: "))
	if !ok {
		return ""
	}
	outcome, _, _ := strings.Cut(string(rest), " ")
	return outcome
}

func TestHostilePrograms(t *testing.T) {
	if testing.Short() {
		t.Skip("the hostile programs run to their limits; skipped in -short mode")
	}
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "hostile", "*.py"))
	if len(files) == 0 {
		t.Fatal("no scripts in testdata/hostile")
	}
	for _, f := range files {
		t.Run(strings.TrimSuffix(filepath.Base(f), ".py"), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			want := hostileExpect(src)
			limit := hostileCPU + hostileWall
			if want == "limit" {
				limit = hostileCPU
			}
			ctx, cancel := context.WithTimeoutCause(context.Background(), limit, errHostileCPU)
			defer cancel()
			opts := Options{Context: ctx, RecordEvents: true}
			if want == "MemoryError" {
				opts.MaxMemory = 64 << 20 // reached sooner, with the same message
			}
			var stdout, stderr bytes.Buffer
			start := time.Now()
			res, err := Run(filepath.Base(f), src, opts, &stdout, &stderr)
			if err != nil {
				t.Fatal(err)
			}
			if d := time.Since(start); d > limit+hostileWall {
				t.Errorf("the run took %v", d)
			}
			checkHostile(t, want, res, stdout.String(), stderr.String())
		})
	}
}

// checkHostile checks that a hostile run ended as want says.
func checkHostile(t *testing.T, want string, res *Result, stdout, stderr string) {
	t.Helper()
	last := lastLine(stderr)
	switch want {
	case "RecursionError", "MemoryError":
		if res.ExitCode != 1 || !strings.HasPrefix(last, want+": ") {
			t.Errorf("exit %d (%s), last line of stderr %q; want %s", res.ExitCode, res.End, last, want)
		}
		if want == "MemoryError" && last != "MemoryError: the run's memory limit (64 MiB) was reached" {
			t.Errorf("MemoryError's message: %q", last)
		}
	case "limit":
		if res.End != "stopped" || !strings.Contains(stderr, errHostileCPU.Error()) {
			t.Errorf("end %q, stderr ends %q; want the run stopped by its context", res.End, last)
		}
	case "truncated":
		if !strings.Contains(stderr, "[gilscope: output truncated at 1 MB]") {
			t.Errorf("stderr ends %q; want the output cut", last)
		}
		if n := len(stdout) + len(stderr); n > maxOutput+maxReport {
			t.Errorf("%d bytes of output", n)
		}
		text := 0
		for _, e := range res.Events {
			text += e.HeldBytes()
		}
		if text > 2*maxOutput {
			t.Errorf("the events carry %d bytes of text", text)
		}
	case "ok":
		if res.ExitCode != 0 {
			t.Errorf("exit %d (%s), stderr ends %q", res.ExitCode, res.End, last)
		}
	default:
		t.Fatalf("the first line must be \"# expect: OUTCOME — …\"; got outcome %q", want)
	}
}

// A live session bounds a run's CPU time in OnEvents, not with a context: inside one
// builtin that never returns, the machine must still call it.
func TestLongBuiltinStillCallsOnEvents(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "testdata", "hostile", "hash_exponential.py"))
	if err != nil {
		t.Fatal(err)
	}
	errSpent := errors.New("the session's CPU time is spent")
	start := time.Now()
	opts := Options{OnEvents: func([]Event, trace.Time) error {
		if time.Since(start) > 300*time.Millisecond {
			return errSpent
		}
		return nil
	}}
	var stdout, stderr bytes.Buffer
	res, err := Run("hash_exponential.py", src, opts, &stdout, &stderr)
	if err != nil {
		t.Fatal(err)
	}
	if res.End != "stopped" || !strings.Contains(stderr.String(), errSpent.Error()) {
		t.Errorf("end %q, stderr %q; want the run stopped by OnEvents", res.End, stderr.String())
	}
	if d := time.Since(start); d > hostileWall {
		t.Errorf("the run took %v", d)
	}
}
