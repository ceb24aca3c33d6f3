package machine

import (
	"strings"
	"testing"
)

// TestOpenErrorTraceback: an uncaught error of open() ends the traceback at the
// program's line, as CPython's C open does: the library frames that stand for it
// are left out.
func TestOpenErrorTraceback(t *testing.T) {
	src := "def read(name):\n    return open(name).read()\nread('nope.txt')\n"
	var out, errw strings.Builder
	r, err := Run("prog.py", []byte(src), Options{Seed: 1, MaxTime: 5}, &out, &errw)
	if err != nil {
		t.Fatal(err)
	}
	want := `Traceback (most recent call last):
  File "prog.py", line 3, in <module>
    read('nope.txt')
  File "prog.py", line 2, in read
    return open(name).read()
           ^^^^^^^^^^
FileNotFoundError: [Errno 2] No such file or directory: 'nope.txt'
`
	if r.ExitCode != 1 || errw.String() != want {
		t.Errorf("exit %d, stderr:\n%s\nwant:\n%s", r.ExitCode, errw.String(), want)
	}
}
