// Generators under the simulated machine: a generator's body runs on its thread's
// frame stack, so the GIL can change hands inside it at the model's check points.

package machine

import "testing"

// genThreads runs two CPU-bound threads, each iterating a generator whose body does
// the work (lines 3–8, with a loop of its own); the loop that consumes it is line 12.
// (A body of two instructions between yields made every forced switch land in the
// consumer's loop, at the same instruction: the 1 µs slices of the machine and a
// loop of fixed cost stay in step.)
const genThreads = `import threading
def spin(n):
    i = 0
    while i < n:
        i += 1
        for _ in range(3):
            pass
        yield i
def run():
    total = 0
    for v in spin(300000):
        total += v
    print(total)
ts = [threading.Thread(target=run) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
`

func TestSwitchInsideGenerator(t *testing.T) {
	models := []string{"cpython-3.12", "cpython-3.11", "cpython-3.9"}
	if testing.Short() {
		models = models[:1]
	}
	for _, model := range models {
		t.Run(model, func(t *testing.T) {
			res, out, _ := runModel(t, genThreads, Options{Model: model, Cores: 2, Seed: 1})
			if out != "45000150000\n45000150000\n" {
				t.Fatalf("output %q", out)
			}
			inside, outside := 0, 0
			for _, e := range res.Events {
				if e.Kind != EvForcedSwitch {
					continue
				}
				if e.Line >= 3 && e.Line <= 8 {
					inside++
				} else {
					outside++
				}
			}
			if inside == 0 {
				t.Errorf("no forced switch inside the generator's body (%d outside)", outside)
			}
		})
	}
}
