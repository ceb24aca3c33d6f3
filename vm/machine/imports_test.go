package machine

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// TestImportPricerCountsOnce checks that a module loaded by two imports is charged
// once, that a module no table knows costs nothing, and that a package imported on
// the way to its submodule is priced among the submodule's loads.
func TestImportPricerCountsOnce(t *testing.T) {
	table := &ImportCosts{
		Self:  map[string]float64{"a": 10, "b": 100, "c": 1000, "pkg": 2, "pkg.mod": 3},
		Loads: map[string][]string{"a": {"b"}, "c": {"b"}, "pkg.mod": {"pkg"}},
	}
	p := importPricer{tables: []*ImportCosts{table}, scale: 1}
	done := map[string]bool{}
	for _, tc := range []struct {
		name string
		want int64 // µs
	}{{"a", 110}, {"a", 0}, {"c", 1000}, {"b", 0}, {"gilscope_only", 0}, {"pkg", 0}, {"pkg.mod", 5}} {
		if got := p.charge(done, tc.name); got != tc.want*1e6 {
			t.Errorf("import %s: %d ps, want %d µs", tc.name, got, tc.want)
		}
	}
}

// TestImportCharged checks that a program's first import of a module costs what
// the model's table says, its second nothing, and that a forked child does not
// import again what its parent had.
func TestImportCharged(t *testing.T) {
	src := `import time
t0 = time.perf_counter()
import queue
t1 = time.perf_counter()
import queue
t2 = time.perf_counter()
print(round((t1 - t0) * 1e6), round((t2 - t1) * 1e6))
`
	for _, model := range []string{"cpython-3.12", "cpython-2.7", "pypy"} {
		_, out, errs := runModel(t, src, Options{Seed: 1, Model: model})
		var first, second float64
		if _, err := fmt.Sscan(out, &first, &second); err != nil {
			t.Fatalf("%s: output %q %q", model, out, errs)
		}
		m, _ := LookupModel(model)
		p := newImportPricer(m)
		want := float64(p.charge(map[string]bool{"time": true}, "queue")) / 1e6
		if want == 0 || math.Abs(first-want) > 0.05*want+2 || second > 2 {
			t.Errorf("%s: import queue took %v µs then %v µs, want %.0f µs then ~0", model, first, second, want)
		}
	}
}

// TestForkInheritsImports checks that a forked child does not pay for the modules
// its parent imported, and a spawned one does.
func TestForkInheritsImports(t *testing.T) {
	src := `import multiprocessing, time
def child():
    t0 = time.perf_counter()
    import json
    print(round((time.perf_counter() - t0) * 1e3, 1))
if __name__ == "__main__":
    import json
    for method in ["fork", "spawn"]:
        p = multiprocessing.get_context(method).Process(target=child)
        p.start()
        p.join()
`
	_, out, errs := runModel(t, src, Options{Seed: 1})
	lines := strings.Fields(out)
	if len(lines) != 2 {
		t.Fatalf("output %q %q", out, errs)
	}
	if lines[0] != "0.0" || lines[1] == "0.0" {
		t.Errorf("import json in a forked child took %s ms, in a spawned one %s ms: want 0 and more", lines[0], lines[1])
	}
}
