// The Python-source library modules that print to stderr (logging's default handler,
// warnings, threading's deprecation warnings and excepthook): the scripts in
// testdata/stdlib must also write what CPython 3.12 wrote to stderr and exit as it
// did, file names included.

package machine

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gilscope/gilscope/internal/oracle"
)

// stderrSkipped are the scripts whose stderr is not compared: CPython's tracebacks
// there go through its own library files, whose lines gilscope's do not match.
var stderrSkipped = map[string]bool{
	"multiprocessing_basics.py": true,
}

func TestStdlibStderrMatchesCPython(t *testing.T) {
	oracle.Prepare(t, oracle.Options{Update: *update, CPython: *cpython})
	root, err := oracle.Root()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "stdlib", "*.py"))
	for _, f := range files {
		if stderrSkipped[filepath.Base(f)] {
			continue
		}
		t.Run(filepath.Base(f), func(t *testing.T) {
			t.Parallel()
			abs, _ := filepath.Abs(f)
			src, err := os.ReadFile(abs)
			if err != nil {
				t.Fatal(err)
			}
			examples, _ := filepath.Abs(filepath.Join("..", "..", "examples"))
			want := oracle.Expected(t, abs, oracle.Options{Update: *update, CPython: *cpython, Env: []string{"PYTHONPATH=" + examples}})
			var out, errw strings.Builder
			r, err := runWithin(t, 60*time.Second, func() (*Result, error) {
				return Run(abs, src, Options{Seed: 1, MaxTime: 30}, &out, &errw)
			})
			if err != nil {
				t.Fatal(err)
			}
			if r.ExitCode != want.Exit {
				t.Errorf("exit %d, CPython %d", r.ExitCode, want.Exit)
			}
			if got := oracle.Normalize(errw.String(), root); got != want.Stderr {
				t.Errorf("stderr differs from CPython's\n%s", lineDiff(want.Stderr, got))
			}
		})
	}
}

// TestMissingPiecesSayGilscope checks that what gilscope lacks reads as its limit:
// importing a standard-library module it does not provide, and the library calls
// it refuses, fail with "gilscope does not support … yet".
func TestMissingPiecesSayGilscope(t *testing.T) {
	tests := []struct {
		desc, src, last string
	}{
		{"a submodule of a package gilscope has, by from-import", "from multiprocessing import shared_memory\n",
			"ModuleNotFoundError: gilscope does not support the module 'multiprocessing.shared_memory' yet"},
		{"a network module", "import requests\n",
			"ModuleNotFoundError: gilscope does not support the module 'requests' yet: a simulation has no network (replace its calls with time.sleep)"},
		{"urllib", "import urllib.request\n",
			"ModuleNotFoundError: gilscope does not support the module 'urllib.request' yet: a simulation has no network (replace its calls with time.sleep)"},
		{"urllib.parse", "from urllib.parse import urljoin\nprint(urljoin('http://a/b/c', 'd'))\nimport urllib.error\n",
			"ModuleNotFoundError: gilscope does not support the module 'urllib.error' yet"},
		{"a missing standard module", "import asyncio\n",
			"ModuleNotFoundError: gilscope does not support the module 'asyncio' yet"},
		{"a missing package's submodule", "import xml.etree.ElementTree\n",
			"ModuleNotFoundError: gilscope does not support the module 'xml' yet"},
		{"a missing submodule of a provided package", "import logging.config\n",
			"ModuleNotFoundError: gilscope does not support the module 'logging.config' yet"},
		{"a subprocess", "import subprocess\nsubprocess.run(['ls'])\n",
			"NotImplementedError: gilscope does not support subprocess.run yet: a simulation runs no external programs (replace the call with time.sleep for as long as the program would wait)"},
		{"a log file rotated by time", "import logging.handlers\nlogging.handlers.TimedRotatingFileHandler('app.log')\n",
			"NotImplementedError: gilscope does not support logging.handlers.TimedRotatingFileHandler yet"},
		{"a signal alarm", "import signal\nsignal.alarm(1)\n",
			"NotImplementedError: gilscope does not support signal.alarm yet: a simulated program never receives a signal (wait with time.sleep or a threading.Event instead)"},
		{"pickled bytes from CPython", "import pickle\npickle.loads(b'\\x80\\x04K\\x01.')\n",
			"_pickle.UnpicklingError: gilscope reads only the pickles it wrote (pickle.dumps in this run), not CPython's bytes"},
		{"from-import of a missing module", "from sqlite3 import connect\n",
			"ModuleNotFoundError: gilscope does not support the module 'sqlite3' yet"},
		{"a module outside the standard library", "import numpy\n",
			"ModuleNotFoundError: No module named 'numpy'"},
		{"threading.settrace", "import threading\nthreading.settrace(print)\n",
			"NotImplementedError: gilscope does not support threading.settrace yet"},
		{"copying an instance of a builtin's subclass", "import copy\nclass A(Exception):\n    pass\ncopy.copy(A())\n",
			"NotImplementedError: gilscope does not support copying A objects yet"},
		{"a regular expression past gilscope's limit", "import re\nre.compile('a' * 300000)\n",
			"re.error: gilscope limits a regular expression to 200000 characters (this one has 300000)"},
		{"io.TextIOWrapper", "import io\nio.TextIOWrapper(None)\n",
			"NotImplementedError: gilscope does not support io.TextIOWrapper yet: its files come from open()"},
		{"a watched log file", "import logging.handlers\nlogging.handlers.WatchedFileHandler('app.log')\n",
			"NotImplementedError: gilscope does not support logging.handlers.WatchedFileHandler yet"},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			var out, errw strings.Builder
			r, err := Run("main.py", []byte(tt.src), Options{Seed: 1}, &out, &errw)
			if err != nil {
				t.Fatal(err)
			}
			if got := lastLine(errw.String()); r.ExitCode != 1 || got != tt.last {
				t.Errorf("exit %d, last line of stderr %q, want %q\n%s", r.ExitCode, got, tt.last, errw.String())
			}
		})
	}
	// The interpreter's own modules stay importable.
	var out, errw strings.Builder
	src := "import math, sys, random, os.path, concurrent.futures, logging, warnings\nprint('ok')\n"
	if r, err := Run("main.py", []byte(src), Options{Seed: 1}, &out, &errw); err != nil || r.ExitCode != 0 || out.String() != "ok\n" {
		t.Errorf("provided modules: %v, stdout %q, stderr %q", err, out.String(), errw.String())
	}
}

// TestInputReadsStdin checks input(): the prompt goes to stdout, lines come from
// Options.Stdin, and EOFError follows the last one (at once in a child process,
// whose standard input is /dev/null).
func TestInputReadsStdin(t *testing.T) {
	tests := []struct {
		desc, stdin, src, want string
	}{
		{"lines and a prompt", "Ada\n3\n", "print(input('Name? '))\nprint(int(input()) + 1)\n", "Name? Ada\n4\n"},
		{"a last line without its newline", "a\nb", "print(input(), input())\n", "a b\n"},
		{"an empty line", "\nx\n", "print(repr(input()), input())\n", "'' x\n"},
		{"end of input", "one\n", "print(input())\ntry:\n    input('more? ')\nexcept EOFError as e:\n    print('EOFError:', e)\n",
			"one\nmore? EOFError: EOF when reading a line\n"},
		{"no input at all", "", "try:\n    input()\nexcept EOFError as e:\n    print('EOFError:', e)\n", "EOFError: EOF when reading a line\n"},
		{"a child process", "line\n", `import multiprocessing as mp
def child(q):
    try:
        q.put(input())
    except EOFError as e:
        q.put('EOFError: ' + str(e))
if __name__ == '__main__':
    q = mp.Queue()
    p = mp.Process(target=child, args=(q,))
    p.start()
    print(q.get())
    p.join()
    print(input())
`, "EOFError: EOF when reading a line\nline\n"},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			var out, errw strings.Builder
			r, err := runWithin(t, 30*time.Second, func() (*Result, error) {
				return Run("input.py", []byte(tt.src), Options{Seed: 1, MaxTime: 10, Stdin: tt.stdin}, &out, &errw)
			})
			if err != nil {
				t.Fatal(err)
			}
			if r.ExitCode != 0 || out.String() != tt.want {
				t.Errorf("exit %d, stdout %q, want %q\nstderr: %s", r.ExitCode, out.String(), tt.want, errw.String())
			}
		})
	}
}
