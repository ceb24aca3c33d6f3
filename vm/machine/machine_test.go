package machine

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/gilscope/gilscope/vm/trace"
)

const twoThreads = `import threading, time
lock = threading.Lock()
total = [0]
def work(n):
    for i in range(n):
        with lock:
            total[0] += 1
    time.sleep(0.001)
ts = [threading.Thread(target=work, args=(60,)) for i in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(total[0])
`

func runEvents(t *testing.T, src string, opts Options) (*Result, string) {
	t.Helper()
	opts.RecordEvents = true
	var out, errb bytes.Buffer
	res, err := Run("prog.py", []byte(src), opts, &out, &errb)
	if err != nil {
		t.Fatal(err)
	}
	if res.ExitCode != 0 {
		t.Fatalf("exit %d: %s", res.ExitCode, errb.String())
	}
	rules := Rules{GIL: true}
	if err := Validate(res.Events, res.Cores, rules); err != nil {
		t.Fatalf("invalid event stream: %v", err)
	}
	return res, out.String()
}

func jsonl(t *testing.T, res *Result) string {
	var b bytes.Buffer
	if err := WriteEventsJSONL(&b, res); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestDeterministic checks that a run is a pure function of its inputs: the same
// seed gives a byte-identical event stream, another seed a different interleaving.
func TestDeterministic(t *testing.T) {
	a, _ := runEvents(t, twoThreads, Options{Seed: 7})
	b, _ := runEvents(t, twoThreads, Options{Seed: 7})
	c, _ := runEvents(t, twoThreads, Options{Seed: 8})
	if jsonl(t, a) != jsonl(t, b) {
		t.Error("two runs with the same seed differ")
	}
	if jsonl(t, a) == jsonl(t, c) {
		t.Error("runs with different seeds are identical: the seed is not used")
	}
}

// TestGoldenTraces compares event streams with the golden files in testdata/golden

// TestReadEventsV1 reads golden traces as event model 1 wrote them
// (testdata/golden/v1/NAME.jsonl) and finds the events model 2 wrote for the
// same runs, by the same simulator (NAME.v2, kept beside them: the goldens
// one directory up follow the simulator as it changes).
func TestReadEventsV1(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "golden", "v1", "*.jsonl"))
	if len(files) == 0 {
		t.Fatal("no version 1 traces")
	}
	for _, file := range files {
		read := func(name string) []Event {
			f, err := os.Open(name)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			events, err := trace.ReadEventsJSONL(f)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			return events
		}
		old, now := read(file), read(strings.TrimSuffix(file, ".jsonl")+".v2")
		if len(old) != len(now) {
			t.Fatalf("%s: %d events, want %d", file, len(old), len(now))
		}
		for i := range old {
			if !reflect.DeepEqual(old[i], now[i]) {
				t.Fatalf("%s: event %d reads as %s, want %s", file, i, old[i].AppendJSON(nil), now[i].AppendJSON(nil))
			}
		}
	}
}

const cpuBound = `import threading
def count(n):
    while n > 0:
        n -= 1
ts = [threading.Thread(target=count, args=(3000000,)) for i in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
`

// TestAcceptanceScenarios checks MODEL.md §9's V1–V3: GIL holds of about one
// interval on 2 cores, longer on 1 core (the waiter also needs a CPU slice), and the
// old GIL's futile wake-ups.
func TestAcceptanceScenarios(t *testing.T) {
	if testing.Short() {
		t.Skip("scenario runs take a few seconds")
	}
	// V1's rate is the steady state's: the run must be long beside the hand-offs of
	// starting and joining the threads (6 of them), or they inflate it. At 3.12's
	// measured countdown (24 ns an iteration), 3,000,000 iterations each make a run
	// of 145 ms, and 40 of its 234 switches a second are those.
	v1, _ := runEvents(t, strings.Replace(cpuBound, "3000000", "10000000", 1), Options{Cores: 2, Seed: 1})
	s1 := ComputeStats(v1)
	if p50 := float64(s1.Holds.P50) / 1e6; p50 < 4.9 || p50 > 5.3 {
		t.Errorf("V1: hold p50 = %.2f ms, want ≈ 5.1", p50)
	}
	if sw := s1.SwitchesPerSec; sw < 150 || sw > 230 {
		t.Errorf("V1: %.0f switches/s, want ~190–200", sw)
	}
	v2, _ := runEvents(t, cpuBound, Options{Cores: 1, Seed: 1})
	if p50 := float64(ComputeStats(v2).Holds.P50) / 1e6; p50 < 7 || p50 > 10 {
		t.Errorf("V2: 1-core hold p50 = %.2f ms, want ≈ 8", p50)
	}
	v3, _ := runEvents(t, cpuBound, Options{Model: "cpython-2.7", Cores: 2, Seed: 1})
	if f27, f312 := ComputeStats(v3).FutileWakeups, s1.FutileWakeups; f27 < 100*max(f312, 1) {
		t.Errorf("V3: futile wake-ups 2.7 = %d, 3.12 = %d; want ≥ 100×", f27, f312)
	}
}

// TestLimits checks that a runaway program ends cleanly: an infinite loop at the
// time limit, a thread bomb with an exception.
func TestLimits(t *testing.T) {
	var out, errb bytes.Buffer
	res, err := Run("loop.py", []byte("while True:\n    pass\n"), Options{MaxTime: 0.01}, &out, &errb)
	if err != nil || res.End != "max-time" || res.ExitCode == 0 {
		t.Errorf("infinite loop: %v, end %q, exit %d", err, res.End, res.ExitCode)
	}
	bomb := "import threading, time\ndef f():\n    time.sleep(10)\nwhile True:\n    threading.Thread(target=f, daemon=True).start()\n"
	errb.Reset()
	res, err = Run("bomb.py", []byte(bomb), Options{MaxTime: 5}, &out, &errb)
	if err != nil || res.ExitCode != 1 || !strings.Contains(errb.String(), "can't start new thread") {
		t.Errorf("thread bomb: %v, exit %d, stderr %q", err, res.ExitCode, errb.String())
	}
}

// BenchmarkMachine reports simulated instructions per second of real time for a
// CPU-bound program with 1, 2 and 4 threads on the default model, events recorded.
func BenchmarkMachine(b *testing.B) {
	for _, model := range []string{"cpython-3.12", "cpython-3.14t", "nogil-unsafe"} {
		for _, k := range []int{1, 2, 4} {
			benchMachine(b, model, k)
		}
	}
}

// benchMachine measures simulated instructions per host second for k CPU-bound threads
// on 4 cores; models without a GIL step threads at a 10 ns quantum instead of 1 µs.
func benchMachine(b *testing.B, model string, k int) {
	{
		b.Run(fmt.Sprintf("%s/threads=%d", model, k), func(b *testing.B) {
			src := strings.Replace(cpuBound, "for i in range(2)", "for i in range("+string(rune('0'+k))+")", 1)
			src = strings.Replace(src, "3000000", "500000", 1)
			var simNs int64
			for i := 0; i < b.N; i++ {
				res, err := Run("bench.py", []byte(src), Options{Model: model, Cores: 4, RecordEvents: true}, &bytes.Buffer{}, &bytes.Buffer{})
				if err != nil || res.ExitCode != 0 {
					b.Fatal(err, res.ExitCode)
				}
				simNs += int64(res.EndTime)
			}
			instr := float64(k) * 500000 * 9 * float64(b.N)
			b.ReportMetric(instr/b.Elapsed().Seconds(), "instr/s")
			b.ReportMetric(float64(simNs)/1e9/b.Elapsed().Seconds(), "sim-s/s")
		})
	}
}

// TestCCodeAndTheGIL checks MODEL.md §5: C code that holds the GIL serializes, C code
// that releases it runs in parallel on the other core.
func TestCCodeAndTheGIL(t *testing.T) {
	src := `import threading, gilscope, time
def hold():
    gilscope.c_call(0.01, releases_gil=False)
def rel():
    gilscope.c_call(0.01, releases_gil=True)
for f in (hold, rel):
    ts = [threading.Thread(target=f) for i in range(2)]
    s = time.perf_counter()
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    print(f.__name__, round(time.perf_counter() - s, 3))
`
	_, out := runEvents(t, src, Options{Seed: 1})
	if out != "hold 0.02\nrel 0.01\n" {
		t.Errorf("got %q, want hold 0.02 and rel 0.01", out)
	}
}

// TestBlockingExitOnException checks that a Python __exit__ may block while an
// exception is leaving the with block (it runs as a frame, not a nested call).
func TestBlockingExitOnException(t *testing.T) {
	src := `import time
class Slow:
    def __enter__(self):
        time.sleep(0.001)
        return self
    def __exit__(self, t, v, tb):
        time.sleep(0.001)
        print("exit saw", t.__name__, v)
        return True
with Slow():
    raise ValueError("x")
print("after")
`
	_, out := runEvents(t, src, Options{Seed: 1})
	if out != "exit saw ValueError x\nafter\n" {
		t.Errorf("got %q", out)
	}
}

// TestExceptionProgramLine: an uncaught exception names the line of the
// program's own code where it was raised, in the main thread and in a thread
// (whose exception threading's bootstrap catches in library code).
func TestExceptionProgramLine(t *testing.T) {
	tests := []struct {
		desc, src string
		want      int32
	}{
		{"main thread", "def f(x):\n    return 1 // x\nf(0)\n", 2},
		{"a thread", "import threading\ndef f():\n    print(1)\n    1 // 0\nt = threading.Thread(target=f)\nt.start()\nt.join()\n", 4},
	}
	for _, tt := range tests {
		res, err := Run("prog.py", []byte(tt.src), Options{Model: "cpython-3.12", Seed: 1, RecordEvents: true}, io.Discard, io.Discard)
		if err != nil {
			t.Fatal(err)
		}
		var got []int32
		for _, e := range res.Events {
			if e.Kind == EvException {
				got = append(got, e.Exception().ProgramLine)
			}
		}
		if len(got) != 1 || got[0] != tt.want {
			t.Errorf("%s: exceptions at program lines %v, want [%d]", tt.desc, got, tt.want)
		}
	}
}
