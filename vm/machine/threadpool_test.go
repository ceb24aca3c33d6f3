// multiprocessing.pool.ThreadPool runs its tasks on threads of one process: under a
// GIL, mapping CPU-bound work over it gains nothing, and without one (a
// free-threaded build) the same pool runs the tasks in parallel.

package machine

import "testing"

const threadPoolCPU = `
import time
from multiprocessing.pool import ThreadPool

def cpu(n):
    s = 0
    for i in range(n):
        s += i * i
    return s

N = 100000
t0 = time.perf_counter()
for _ in range(4):
    cpu(N)
print("sequential_ms", (time.perf_counter() - t0) * 1000)
with ThreadPool(4) as pool:
    t0 = time.perf_counter()
    pool.map(cpu, [N] * 4)
    print("pool_ms", (time.perf_counter() - t0) * 1000)
`

func TestThreadPoolSharesTheGIL(t *testing.T) {
	for _, tc := range []struct {
		model    string
		min, max float64 // the pool's speed-up over the sequential loop
	}{
		{"cpython-3.12", 0.9, 1.05},
		{"cpython-3.9", 0.9, 1.05},
		{"cpython-3.14t", 2.5, 4.05},
	} {
		res, out, errs := runModel(t, threadPoolCPU, Options{Model: tc.model, Cores: 4, Seed: 1})
		if res.ExitCode != 0 {
			t.Fatalf("%s: exit %d\n%s", tc.model, res.ExitCode, errs)
		}
		seq, pool := figure(t, out, "sequential_ms"), figure(t, out, "pool_ms")
		if s := seq / pool; s < tc.min || s > tc.max {
			t.Errorf("%s: ThreadPool.map %.2f× faster than a loop (%.1f ms, %.1f ms), want %.2f–%.2f×",
				tc.model, s, seq, pool, tc.min, tc.max)
		} else {
			t.Logf("%s: %.2f× (%.1f ms, %.1f ms)", tc.model, s, seq, pool)
		}
	}
}
