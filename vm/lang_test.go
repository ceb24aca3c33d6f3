// Language conformance: every script under testdata/lang, testdata/errors and
// testdata/errors_carets must print under gilscope exactly what CPython 3.12
// printed (stdout, stderr and exit code), as committed beside it in NAME.py.txtar
// (internal/oracle). -update regenerates those files from CPython 3.12; -cpython
// compares with one live.

package vm

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gilscope/gilscope/internal/oracle"
	"github.com/gilscope/gilscope/vm/py"
)

// update rewrites each script's expectation file (NAME.py.txtar) from CPython 3.12;
// cpython compares with a CPython 3.12 live instead of the committed files.
var (
	update  = flag.Bool("update", false, "rewrite testdata/*/*.py.txtar from CPython "+oracle.Version+" (-cpython, $"+oracle.EnvVar+", pyenv or python"+oracle.Version+")")
	cpython = flag.String("cpython", "", "compare with this CPython "+oracle.Version+" live (default $"+oracle.EnvVar+")")
)

// knownDiffs are the scripts whose gilscope output differs from CPython 3.12's
// because of a gap in the interpreter, with the gap: their differences are
// logged, not failed. Keep it empty: fix the interpreter instead.
var knownDiffs = map[string]string{}

// runGilscope runs a script on the plain interpreter with refcount debugging on,
// its output normalised as the expectations are.
func runGilscope(t *testing.T, path string) oracle.Result {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	root, err := oracle.Root()
	if err != nil {
		t.Fatal(err)
	}
	cfg := py.DefaultConfig()
	cfg.Debug = true
	var out, errb bytes.Buffer
	code := RunMain(path, src, RunOptions{Config: cfg, Budget: 10_000_000_000_000}, &out, &errb)
	return oracle.Result{Stdout: oracle.Normalize(out.String(), root), Stderr: oracle.Normalize(errb.String(), root), Exit: code}
}

// oracleOptions are the flags' choice of where CPython's answers come from.
func oracleOptions() oracle.Options {
	return oracle.Options{Update: *update, CPython: *cpython}
}

// expected returns CPython 3.12's result for a script (see oracle.Expected).
func expected(t *testing.T, path string) oracle.Result {
	t.Helper()
	return oracle.Expected(t, path, oracleOptions())
}

func TestLanguageMatchesCPython(t *testing.T) {
	oracle.Prepare(t, oracleOptions())
	for _, dir := range []string{"lang", "errors", "errors_carets"} {
		files, _ := filepath.Glob(filepath.Join("testdata", dir, "*.py"))
		if len(files) == 0 {
			t.Fatalf("no scripts in testdata/%s", dir)
		}
		for _, f := range files {
			path, _ := filepath.Abs(f)
			name := dir + "/" + filepath.Base(f)
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				got, want := runGilscope(t, path), expected(t, path)
				var diffs []string
				if got.Stdout != want.Stdout {
					diffs = append(diffs, "stdout differs:\n"+diff(want.Stdout, got.Stdout))
				}
				if got.Stderr != want.Stderr {
					diffs = append(diffs, "stderr differs:\n"+diff(want.Stderr, got.Stderr))
				}
				if got.Exit != want.Exit {
					diffs = append(diffs, fmt.Sprintf("exit code: gilscope %d, CPython %d", got.Exit, want.Exit))
				}
				reportDiffs(t, name, diffs)
			})
		}
	}
}

// reportDiffs fails the test with diffs, or only logs them for a known difference
// (and fails if a known difference has gone).
func reportDiffs(t *testing.T, name string, diffs []string) {
	t.Helper()
	why, known := knownDiffs[name]
	switch {
	case known && len(diffs) == 0:
		t.Errorf("%s now matches CPython: remove it from knownDiffs", name)
	case known:
		t.Logf("known difference (%s):\n%s", why, strings.Join(diffs, "\n"))
	default:
		for _, d := range diffs {
			t.Error(d)
		}
	}
}

// diff shows the first differing line of want and got with some context.
func diff(want, got string) string {
	wl := bytes.Split([]byte(want), []byte("\n"))
	gl := bytes.Split([]byte(got), []byte("\n"))
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g []byte
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if !bytes.Equal(w, g) {
			return "line " + itoa(i+1) + ":\n  CPython:  " + string(w) + "\n  gilscope: " + string(g)
		}
	}
	return "(equal)"
}

func itoa(i int) string { return string(append([]byte(nil), []byte(fmtInt(i))...)) }

func fmtInt(i int) string {
	if i == 0 {
		return "0"
	}
	var b []byte
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}

// TestSyntaxErrorsLikeCPython checks that each script under testdata/syntax fails to
// compile with exit code 2 and the same error class, line and message as CPython
// 3.12 reports (the caret column may differ).
func TestSyntaxErrorsLikeCPython(t *testing.T) {
	oracle.Prepare(t, oracleOptions())
	files, _ := filepath.Glob(filepath.Join("testdata", "syntax", "*.py"))
	if len(files) == 0 {
		t.Fatal("no scripts in testdata/syntax")
	}
	for _, f := range files {
		path, _ := filepath.Abs(f)
		t.Run(filepath.Base(f), func(t *testing.T) {
			got, want := runGilscope(t, path), expected(t, path)
			if got.Stdout != "" || got.Exit != ExitSyntax {
				t.Fatalf("gilscope: stdout %q, exit %d; want no output and exit %d", got.Stdout, got.Exit, ExitSyntax)
			}
			gerr, perr := got.Stderr, want.Stderr
			lastLine := func(s string) string {
				lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
				return lines[len(lines)-1]
			}
			fileLine := func(s string) string {
				for _, l := range strings.Split(s, "\n") {
					if strings.HasPrefix(l, "  File ") {
						return l
					}
				}
				return ""
			}
			if g, p := lastLine(gerr), lastLine(perr); g != p {
				t.Errorf("message: gilscope %q, CPython %q", g, p)
			}
			if g, p := fileLine(gerr), fileLine(perr); g != p {
				t.Errorf("location: gilscope %q, CPython %q", g, p)
			}
		})
	}
}
