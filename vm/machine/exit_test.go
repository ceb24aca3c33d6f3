package machine

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// TestExitHandlersAfterTraceback checks that a program ending with an uncaught
// exception prints its traceback, then threading's exit handlers run the work it
// submitted, and the exit status is the exception's, as CPython 3.12 does (the
// threading script submit_without_shutdown.py, made to fail at its end).
func TestExitHandlersAfterTraceback(t *testing.T) {
	script, err := os.ReadFile("testdata/threading/submit_without_shutdown.py")
	if err != nil {
		t.Fatal(err)
	}
	src := string(script) + "raise ValueError(\"the program fails\")\n"
	var out, errb bytes.Buffer
	res, err := Run("prog.py", []byte(src), Options{Seed: 1, MaxTime: 5, RecordEvents: true}, &out, &errb)
	if err != nil {
		t.Fatal(err)
	}
	if err := Validate(res.Events, res.Cores, RulesFor(res.Model)); err != nil {
		t.Fatalf("invalid event stream: %v", err)
	}
	if want := "main done\ndone 1\ndone 2\ndone 0\n"; out.String() != want {
		t.Errorf("stdout %q, want %q", out.String(), want)
	}
	if !strings.HasSuffix(errb.String(), "ValueError: the program fails\n") || strings.Count(errb.String(), "Traceback") != 1 {
		t.Errorf("stderr %q, want the traceback once", errb.String())
	}
	if res.ExitCode != 1 {
		t.Errorf("exit %d, want 1", res.ExitCode)
	}
}
