package machine

import (
	"bytes"
	"testing"

	"github.com/gilscope/gilscope/vm"
)

// TestCompiledProgram checks that a run given Options.Program runs it, not the
// source, and as the source compiled by Run itself would run.
func TestCompiledProgram(t *testing.T) {
	prog, err := vm.Compile("prog.py", []byte(twoThreads))
	if err != nil {
		t.Fatal(err)
	}
	want, _ := runEvents(t, twoThreads, Options{Seed: 7})
	var out bytes.Buffer
	got, err := Run("prog.py", []byte("this is not Python"), Options{Seed: 7, RecordEvents: true, Program: prog}, &out, &out)
	if err != nil || got.ExitCode != 0 {
		t.Fatalf("exit %v, %v: %s", got, err, out.String())
	}
	if jsonl(t, got) != jsonl(t, want) {
		t.Error("the compiled program's run differs from the source's")
	}
}
