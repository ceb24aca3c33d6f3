// Benchmarks of the evaluator, written in the language itself. Each reports loop
// iterations per second; BenchmarkStarlarkCountdown runs the same countdown loop on
// starlark-go in the same command, as the baseline the evaluator is measured against.

package vm

import (
	"fmt"
	"io"
	"testing"

	"github.com/gilscope/gilscope/vm/py"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

var benchPrograms = []struct {
	name  string
	src   string // %d is the iteration count
	iters int
}{
	{"Countdown", "def countdown(n):\n    while n > 0:\n        n -= 1\ncountdown(%d)\n", 1_000_000},
	{"Fib", "def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\nfib(%d)\n", 20},
	{"DictList", "def work(n):\n    d = {}\n    out = []\n    for i in range(n):\n        d[i %% 100] = d.get(i %% 100, 0) + i\n        out.append(d[i %% 100])\n    return len(out)\nwork(%d)\n", 200_000},
}

// fibCalls is the number of calls fib(n) makes.
func fibCalls(n int) int {
	a, b := 1, 1
	for i := 1; i < n; i++ {
		a, b = b, a+b+1
	}
	return b
}

func BenchmarkEval(b *testing.B) {
	for _, p := range benchPrograms {
		b.Run(p.name, func(b *testing.B) {
			src := []byte(fmt.Sprintf(p.src, p.iters))
			prog, err := Compile("bench.py", src)
			if err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				in := py.NewInterp(prog, py.DefaultConfig(), io.Discard, io.Discard)
				t, err := in.MainThread()
				if err != nil {
					b.Fatal(err)
				}
				if stop := t.Run(1 << 62); stop != py.StopDone || t.Exc != nil {
					b.Fatalf("stopped with %v, exception %v", stop, t.Exc)
				}
			}
			iters := p.iters
			if p.name == "Fib" {
				iters = fibCalls(p.iters)
			}
			b.ReportMetric(float64(iters)*float64(b.N)/b.Elapsed().Seconds(), "iter/s")
		})
	}
}

func BenchmarkStarlarkCountdown(b *testing.B) {
	const n = 1_000_000
	opts := &syntax.FileOptions{While: true}
	src := fmt.Sprintf("def countdown(n):\n    while n > 0:\n        n -= 1\n\ncountdown(%d)\n", n)
	for i := 0; i < b.N; i++ {
		thread := &starlark.Thread{Name: "bench"}
		if _, err := starlark.ExecFileOptions(opts, thread, "bench.star", src, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "iter/s")
}
