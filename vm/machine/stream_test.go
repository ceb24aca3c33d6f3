package machine

import (
	"bytes"
	"context"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/gilscope/gilscope/vm/trace"
)

// TestStreamMatchesBatch checks that a streamed run hands out exactly the events a
// recorded run returns, in the same order, in batches that never go back in time.
func TestStreamMatchesBatch(t *testing.T) {
	cpu := `import threading
def f():
    n = 0
    for i in range(200000):
        n += i
ts = [threading.Thread(target=f) for _ in range(3)]
for t in ts: t.start()
for t in ts: t.join()
`
	for _, tc := range []struct {
		name, src, model string
	}{
		{"lock", twoThreads, "cpython-3.12"},
		{"lock-2.7", twoThreads, "cpython-2.7"},
		{"cpu", cpu, "cpython-3.12"},
		{"cpu-2.7", cpu, "cpython-2.7"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want, _ := runEvents(t, tc.src, Options{Model: tc.model, Seed: 3})
			var got []Event
			batches := 0
			last := trace.Time(-1)
			var out, errb bytes.Buffer
			res, err := Run("prog.py", []byte(tc.src), Options{Model: tc.model, Seed: 3,
				OnEvents: func(b []Event, upTo trace.Time) error {
					if len(b) == 0 {
						return nil
					}
					batches++
					if b[len(b)-1].T >= upTo {
						t.Errorf("event at %d ns in a batch up to %d", b[len(b)-1].T, upTo)
					}
					if b[0].T < last {
						t.Errorf("batch %d starts at %d ns, before the previous batch ended (%d)", batches, b[0].T, last)
					}
					last = b[len(b)-1].T
					got = append(got, b...)
					return nil
				}}, &out, &errb)
			if err != nil {
				t.Fatal(err)
			}
			if res.ExitCode != 0 || len(res.Events) != 0 {
				t.Fatalf("exit %d, %d events in the result: %s", res.ExitCode, len(res.Events), errb.String())
			}
			if !reflect.DeepEqual(got, want.Events) {
				t.Fatalf("streamed %d events, recorded %d; they differ", len(got), len(want.Events))
			}
			if len(want.Events) > 4096 && batches < 2 {
				t.Errorf("%d events came in %d batch(es): the run was not streamed", len(got), batches)
			}
		})
	}
}

// TestStopRun checks that a sink error or a cancelled context ends an endless run
// with the reason, keeping what it printed.
func TestStopRun(t *testing.T) {
	src := "print('started')\nwhile True:\n    pass\n"
	ctx, cancel := context.WithCancelCause(context.Background())
	n := 0
	var out, errb bytes.Buffer
	res, err := Run("prog.py", []byte(src), Options{Context: ctx, OnEvents: func(b []Event, upTo trace.Time) error {
		if n++; n == 1 {
			cancel(errors.New("the browser went away"))
		}
		return nil
	}}, &out, &errb)
	if err != nil {
		t.Fatal(err)
	}
	if res.End != "stopped" || res.ExitCode != 1 || out.String() != "started\n" ||
		!strings.Contains(errb.String(), "the browser went away") {
		t.Fatalf("end %q, exit %d, stdout %q, stderr %q", res.End, res.ExitCode, out.String(), errb.String())
	}
	errb.Reset()
	res, _ = Run("prog.py", []byte(src), Options{OnEvents: func(b []Event, upTo trace.Time) error {
		return errors.New("too slow")
	}}, &out, &errb)
	if res.End != "stopped" || !strings.Contains(errb.String(), "too slow") {
		t.Fatalf("end %q, stderr %q", res.End, errb.String())
	}
}

// TestInstructionWindow checks that tracing instructions in a window adds instr
// events inside it and changes nothing else.
func TestInstructionWindow(t *testing.T) {
	plain, _ := runEvents(t, twoThreads, Options{Seed: 5})
	// The window opens 50 µs after the first thread starts (importing threading
	// comes before).
	var from int64
	for _, e := range plain.Events {
		if e.Kind == EvThreadStart && e.Thread == 2 {
			from = int64(e.T) + 50_000
			break
		}
	}
	to := from + 350_000
	traced, _ := runEvents(t, twoThreads, Options{Seed: 5, Instructions: [2]float64{float64(from) / 1e9, float64(to) / 1e9}})
	var rest []Event
	instrs := map[int32]int{}
	for _, e := range traced.Events {
		if e.Kind != EvInstr {
			rest = append(rest, e)
			continue
		}
		if e.Code == 0 {
			continue // library code (threading.py)
		}
		instrs[e.Thread]++
		if int64(e.T) < from || int64(e.T) >= to {
			t.Fatalf("instr event outside the window: %+v", e)
		}
		fc := traced.Code[e.Code]
		if fc == nil || int(e.PC) >= len(fc.Code) || fc.Pos[e.PC].Line != e.Line {
			t.Fatalf("instr event names no instruction of the program: %+v", e)
		}
	}
	if len(instrs) < 2 || instrs[2] < 100 {
		t.Fatalf("instr events per thread: %v", instrs)
	}
	if !reflect.DeepEqual(rest, plain.Events) {
		t.Fatalf("tracing instructions changed the run (%d events, want %d)", len(rest), len(plain.Events))
	}
}

// TestStreamDenseEvents checks that a run making events densely (two threads
// appending to one list: refcount changes every few instructions, over little
// simulated time) hands them out as it goes, in bounded batches, rather than
// all at its end.
func TestStreamDenseEvents(t *testing.T) {
	src := `import threading
shared = []
def f():
    for i in range(20000):
        shared.append(i)
ts = [threading.Thread(target=f) for _ in range(2)]
for t in ts: t.start()
for t in ts: t.join()
`
	var batches, largest, total int
	opts := Options{Model: "cpython-3.12", Cores: 2, OnEvents: func(batch []Event, upTo trace.Time) error {
		if len(batch) > 0 {
			batches++
		}
		largest, total = max(largest, len(batch)), total+len(batch)
		return nil
	}}
	var out bytes.Buffer
	if _, err := Run("dense.py", []byte(src), opts, &out, &out); err != nil {
		t.Fatal(err)
	}
	if total < 50_000 || batches < 10 || largest > 4*flushEvents {
		t.Errorf("%d events in %d batches, the largest of %d: want many batches of at most %d", total, batches, largest, 4*flushEvents)
	}
}

// TestMaxEvents checks that a run making more than Options.MaxEvents is stopped
// by the machine at a time that is a function of the run alone: recorded,
// streamed in lent batches or traced instruction by instruction, it ends at the
// same moment with the same events, and it says why.
func TestMaxEvents(t *testing.T) {
	src := `import threading
shared = []
lock = threading.Lock()
def f():
    for i in range(100000):
        with lock:
            shared.append(i)
ts = [threading.Thread(target=f) for _ in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print("done")
`
	for _, model := range []string{"cpython-3.12", "cpython-2.7", "cpython-3.13t", "pypy"} {
		t.Run(model, func(t *testing.T) {
			const limit = 20000
			opts := Options{Model: model, Cores: 2, Seed: 4, MaxEvents: limit}
			var out, errb bytes.Buffer
			rec := opts
			rec.RecordEvents = true
			want, err := Run("prog.py", []byte(src), rec, &out, &errb)
			if err != nil {
				t.Fatal(err)
			}
			if want.End != "max-events" || want.ExitCode != 1 || strings.Contains(out.String(), "done") ||
				!strings.Contains(errb.String(), "it made more than 20000 events (the limit)") {
				t.Fatalf("end %q, exit %d, stdout %q, stderr %q", want.End, want.ExitCode, out.String(), errb.String())
			}
			// The step that passes the bound goes on to its end (up to a switch
			// interval, under a GIL).
			if n := len(want.Events); n <= limit || n > 2*limit {
				t.Errorf("%d events kept, want more than %d, not many more", n, limit)
			}
			if last := want.Events[len(want.Events)-1]; last.Kind != EvEnd || last.T != want.EndTime {
				t.Errorf("the last event is %v at %d, want the end at %d", last.Kind, last.T, want.EndTime)
			}

			var streamed []Event
			str := opts
			str.LendEvents = true
			str.OnEvents = func(b []Event, _ trace.Time) error {
				streamed = append(streamed, b...)
				return nil
			}
			got, err := Run("prog.py", []byte(src), str, io.Discard, io.Discard)
			if err != nil {
				t.Fatal(err)
			}
			if got.EndTime != want.EndTime || !reflect.DeepEqual(streamed, want.Events) {
				t.Errorf("streamed: end %d, %d events; recorded: end %d, %d events", got.EndTime, len(streamed), want.EndTime, len(want.Events))
			}

			// Instructions traced in a window end the run at the same time too:
			// they do not count.
			ins := rec
			ins.Instructions = [2]float64{0, float64(want.EndTime) / 2e9}
			traced, err := Run("prog.py", []byte(src), ins, io.Discard, io.Discard)
			if err != nil {
				t.Fatal(err)
			}
			var rest []Event
			for _, e := range traced.Events {
				if e.Kind != EvInstr {
					rest = append(rest, e)
				}
			}
			if traced.EndTime != want.EndTime || !reflect.DeepEqual(rest, want.Events) {
				t.Errorf("traced: end %d, %d events; recorded: end %d, %d events", traced.EndTime, len(rest), want.EndTime, len(want.Events))
			}

			// A run recording nothing makes no events to count.
			plain, err := Run("prog.py", []byte(src), opts, io.Discard, io.Discard)
			if err != nil || plain.End != "exit" {
				t.Errorf("unrecorded run: end %q, err %v; want it to finish", plain.End, err)
			}
		})
	}
}
