package vm

import (
	"bytes"
	"strings"
	"testing"

	"github.com/gilscope/gilscope/vm/py"
)

// runSource runs src on the plain interpreter and returns its stdout, stderr and
// exit code.
func runSource(t *testing.T, src string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := RunMain("prog.py", []byte(src), RunOptions{Config: py.DefaultConfig(), Budget: 10_000_000_000_000}, &out, &errb)
	return out.String(), errb.String(), code
}

// TestRefusedBuiltins: breakpoint and help say that gilscope lacks them (CPython
// would start a debugger or a pager, which a playground cannot show).
func TestRefusedBuiltins(t *testing.T) {
	for _, call := range []string{"breakpoint()", "help(print)"} {
		_, stderr, code := runSource(t, call+"\n")
		name := call[:strings.IndexByte(call, '(')]
		if code != ExitException || !strings.Contains(stderr, "NotImplementedError: gilscope does not support "+name+"()") {
			t.Errorf("%s: exit %d, stderr %q", call, code, stderr)
		}
	}
}

// TestEvalBounded: compiling is bounded by the source size and by the run's memory,
// so a program cannot make the server compile without end.
func TestEvalBounded(t *testing.T) {
	_, stderr, code := runSource(t, "exec('x = 1\\n' * 100000)\n")
	if code != ExitException || !strings.Contains(stderr, "gilscope compiles sources of at most") {
		t.Errorf("huge exec: exit %d, stderr %q", code, stderr)
	}
	// Distinct sources without end: the memory the compiled code holds stops it.
	cfg := py.DefaultConfig()
	cfg.MaxMemory = 8 << 20
	var out, errb bytes.Buffer
	code = RunMain("prog.py", []byte("i = 0\nwhile True:\n    eval(str(i) + ' + 1')\n    i += 1\n"),
		RunOptions{Config: cfg, Budget: 10_000_000_000_000}, &out, &errb)
	if code != ExitException || !strings.Contains(errb.String(), "MemoryError") {
		t.Errorf("endless distinct evals: exit %d, stderr %q", code, errb.String())
	}
	// One source in a loop is compiled once.
	stdout, stderr, code := runSource(t, "t = 0\nfor i in range(20000):\n    t += eval('i * 2')\nprint(t)\n")
	if code != ExitOK || stdout != "399980000\n" {
		t.Errorf("eval in a loop: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}
