// Fuzz test for everything between source text and a finished run: parse, compile and
// run with a small budget must never panic or hang, whatever the input.

package vm

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/gilscope/gilscope/vm/py"
)

func FuzzCompileAndRun(f *testing.F) {
	for _, dir := range []string{"lang", "errors", "syntax"} {
		files, _ := filepath.Glob(filepath.Join("testdata", dir, "*.py"))
		for _, file := range files {
			if src, err := os.ReadFile(file); err == nil {
				f.Add(src)
			}
		}
	}
	f.Add([]byte("while True:\n    pass\n"))
	f.Add([]byte("x = [0] * 10**9\n"))
	f.Add([]byte("def f(): f()\nf()\n"))
	f.Add([]byte("print(2 ** 10 ** 10)\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		cfg := py.DefaultConfig()
		cfg.Debug = true // refcount bugs panic instead of hiding
		cfg.MaxItems = 100_000
		// 2 ms of simulated CPU time at most.
		RunMain("fuzz.py", src, RunOptions{Config: cfg, Budget: 2_000_000_000}, io.Discard, io.Discard)
	})
}
