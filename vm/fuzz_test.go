// Fuzz test for everything between source text and a finished run: parse, compile and
// run with a small budget must never panic or hang, whatever the input.

package vm

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

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
	f.Add([]byte("def g(n):\n    x = yield n\n    r = yield from g(x)\n    return r\nh = g(1)\nnext(h)\nh.send(2)\nh.throw(KeyError)\n"))
	f.Add([]byte("def g():\n    try:\n        yield\n    finally:\n        yield\ni = g()\nnext(i)\ndel i\nprint(sum(x for x in g()))\n"))
	f.Add([]byte("def g():\n    while True:\n        yield\nprint(list(zip(g(), map(len, g()), filter(None, g()))))\n"))
	if !testing.Short() { // seconds each, and the hostile tests cover them
		addHostileSeeds(f)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		cfg := py.DefaultConfig()
		cfg.Debug = true // refcount bugs panic instead of hiding
		// Nesting a million deep and builtins asked for huge results are in reach;
		// the memory budget, not the item limit, bounds what a run may hold.
		cfg.MaxMemory = 64 << 20
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		// 500 ms of simulated CPU time at most: a loop of 10**6 iterations fits.
		RunMain("fuzz.py", src, RunOptions{Config: cfg, Budget: 500_000_000_000, Context: ctx}, io.Discard, io.Discard)
	})
}

// addHostileSeeds adds the programs of the repository's testdata/hostile, and the
// same programs with their sizes cut to what a short run reaches, so that mutations
// start near the limits.
func addHostileSeeds(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "hostile", "*.py"))
	if len(files) == 0 {
		f.Fatal("no programs in testdata/hostile")
	}
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
		f.Add(bytes.ReplaceAll(src, []byte("10**6"), []byte("10**5")))
	}
}
