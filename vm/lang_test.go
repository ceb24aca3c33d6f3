// Language conformance: every script under testdata/lang and testdata/errors runs
// under gilscope and under the real python3, and their stdout, stderr and exit codes
// must match exactly.

package vm

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gilscope/gilscope/vm/py"
)

// runGilscope runs a script on the plain interpreter with refcount debugging on.
func runGilscope(t *testing.T, path string) (stdout, stderr string, code int) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cfg := py.DefaultConfig()
	cfg.Debug = true
	var out, errb bytes.Buffer
	code = RunMain(path, src, RunOptions{Config: cfg, Budget: 10_000_000_000_000}, &out, &errb)
	return out.String(), errb.String(), code
}

// runCPython runs a script under python3, or skips when it is missing.
func runCPython(t *testing.T, path string) (stdout, stderr string, code int) {
	t.Helper()
	py3, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found: skipping the comparison with CPython")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, py3, path)
	cmd.Env = append(os.Environ(), "PYTHONHASHSEED=0", "PYTHONDONTWRITEBYTECODE=1")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err = cmd.Run()
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		code = ee.ExitCode()
	case err != nil:
		t.Fatalf("python3 %s: %v", path, err)
	}
	return out.String(), errb.String(), code
}

func TestLanguageMatchesCPython(t *testing.T) {
	for _, dir := range []string{"lang", "errors", "errors_carets"} {
		files, _ := filepath.Glob(filepath.Join("testdata", dir, "*.py"))
		if len(files) == 0 {
			t.Fatalf("no scripts in testdata/%s", dir)
		}
		for _, f := range files {
			path, _ := filepath.Abs(f)
			t.Run(dir+"/"+filepath.Base(f), func(t *testing.T) {
				t.Parallel()
				gout, gerr, gcode := runGilscope(t, path)
				pout, perr, pcode := runCPython(t, path)
				if gout != pout {
					t.Errorf("stdout differs:\n%s", diff(pout, gout))
				}
				if gerr != perr {
					t.Errorf("stderr differs:\n%s", diff(perr, gerr))
				}
				if gcode != pcode {
					t.Errorf("exit code: gilscope %d, python3 %d", gcode, pcode)
				}
			})
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
			return "line " + itoa(i+1) + ":\n  python3:  " + string(w) + "\n  gilscope: " + string(g)
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
// compile with exit code 2 and the same error class, line and message as python3
// reports (the caret column may differ).
func TestSyntaxErrorsLikeCPython(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "syntax", "*.py"))
	if len(files) == 0 {
		t.Fatal("no scripts in testdata/syntax")
	}
	for _, f := range files {
		path, _ := filepath.Abs(f)
		t.Run(filepath.Base(f), func(t *testing.T) {
			gout, gerr, gcode := runGilscope(t, path)
			if gout != "" || gcode != ExitSyntax {
				t.Fatalf("gilscope: stdout %q, exit %d; want no output and exit %d", gout, gcode, ExitSyntax)
			}
			_, perr, _ := runCPython(t, path)
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
				t.Errorf("message: gilscope %q, python3 %q", g, p)
			}
			if g, p := fileLine(gerr), fileLine(perr); g != p {
				t.Errorf("location: gilscope %q, python3 %q", g, p)
			}
		})
	}
}
