package main

import (
	"bytes"
	"math"
	"testing"

	"github.com/gilscope/gilscope/vm/machine"
)

// mixed does a little of every kind of work in each kernel, unlike kernels.py.
const mixed = `import time
clock = time.perf_counter

class P(object):
    def __init__(self, x):
        self.x = x
    def get(self):
        return self.x

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

def work(n):
    d = {}
    out = []
    p = P(3)
    for i in range(n):
        d[i % 7] = d.get(i % 7, 0) + p.get() + p.x
        out.append("%d-%s" % (i, str(i)) + "{0}".format(i * 1000))
    xs = [(i * 31) % n for i in range(n)]
    xs.sort()
    return len("".join(out)) + fib(10) + int(xs[0])

def countdown(n):
    while n > 0:
        n -= 1

for name, f, n in (("work", work, 3000), ("countdown", countdown, 20000)):
    t = clock()
    f(n)
    print("%s %.0f" % (name, (clock() - t) * 1e9))
`

// TestPredictionIsTheMachine checks that what the tool predicts from its counts and
// a version's prices is what the machine charges when it runs the same code with
// that version's table: the fit and the clock are the same model.
func TestPredictionIsTheMachine(t *testing.T) {
	counts, err := countSource("mixed.py", []byte(mixed))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"cpython-2.7", "cpython-3.9", "cpython-3.11", "cpython-3.12", "cpython-3.13"} {
		model, err := machine.LookupModel(name)
		if err != nil {
			t.Fatal(err)
		}
		cal := machine.CalibrationFor(model)
		var out, errb bytes.Buffer
		if _, err := machine.Run("mixed.py", []byte(mixed), machine.Options{Model: name, Cores: 1}, &out, &errb); err != nil {
			t.Fatal(err)
		}
		got, err := parseKernelTimes(out.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		for k, c := range counts {
			var pred float64
			for f := range c {
				pred += c[f] * cal.Costs[f]
			}
			// The machine also charges the clock read that ends the timing.
			pred += cal.ClockRead
			if math.Abs(got[k]-pred) > 1e-3*pred+2 {
				t.Errorf("%s %s: the machine took %.0f ns, the tool predicts %.0f", name, k, got[k], pred)
			}
		}
	}
}
