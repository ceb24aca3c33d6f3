package trace

import (
	"bufio"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// chromeTrace is the part of the Chrome trace-event format the tests read.
type chromeTrace struct {
	DisplayTimeUnit string `json:"displayTimeUnit"`
	TraceEvents     []struct {
		Name string         `json:"name"`
		Ph   string         `json:"ph"`
		Ts   float64        `json:"ts"`
		Dur  *float64       `json:"dur"`
		Pid  int            `json:"pid"`
		Tid  int64          `json:"tid"`
		S    string         `json:"s"`
		Args map[string]any `json:"args"`
	} `json:"traceEvents"`
}

func TestWriteChromeTrace(t *testing.T) {
	var b strings.Builder
	if err := WriteChromeTrace(&b, pingPongRun()); err != nil {
		t.Fatal(err)
	}
	var tr chromeTrace
	if err := json.Unmarshal([]byte(b.String()), &tr); err != nil {
		t.Fatalf("trace is not JSON: %v\n%s", err, b.String())
	}
	tracks := map[int64]string{}
	var process string
	count := map[string]int{}
	for _, ev := range tr.TraceEvents {
		count[ev.Ph]++
		if ev.Pid != tracePID {
			t.Errorf("event %q in pid %d", ev.Name, ev.Pid)
		}
		switch {
		case ev.Ph == "M" && ev.Name == "thread_name":
			tracks[ev.Tid] = ev.Args["name"].(string)
		case ev.Ph == "M" && ev.Name == "process_name":
			process = ev.Args["name"].(string)
		case ev.Ph == "X" && (ev.Dur == nil || *ev.Dur < 0):
			t.Errorf("complete event %q at %v has no valid dur", ev.Name, ev.Ts)
		case ev.Ph == "i" && ev.S != "t":
			t.Errorf("instant %q has scope %q", ev.Name, ev.S)
		}
	}
	names := slices.Sorted(func(yield func(string) bool) {
		for _, n := range tracks {
			yield(n)
		}
	})
	if want := []string{"GIL", "MainThread", "Thread-1", "core 0", "core 1"}; !slices.Equal(names, want) {
		t.Errorf("track names = %q, want %q", names, want)
	}
	if process != "gilscope cpython-3.12" {
		t.Errorf("process name = %q", process)
	}
	// 10 thread states + 3 GIL holds + 4 core spans; 2 drop requests + 2 forced switches.
	if count["X"] != 17 || count["i"] != 4 {
		t.Errorf("%d complete and %d instant events, want 17 and 4", count["X"], count["i"])
	}
	for _, ev := range tr.TraceEvents {
		if ev.Ph == "X" && tracks[ev.Tid] == "GIL" && ev.Ts == 5030 {
			if ev.Name != "Thread-1" || *ev.Dur != 5020 || ev.Args["released"] != "forced" {
				t.Errorf("second GIL hold = %q dur %v args %v, want Thread-1 for 5020 µs, released forced", ev.Name, *ev.Dur, ev.Args)
			}
			return
		}
	}
	t.Error("no GIL hold at 5030 µs")
}

func TestChromeTraceLabels(t *testing.T) {
	var b strings.Builder
	if err := WriteChromeTrace(&b, sleeperRun()); err != nil {
		t.Fatal(err)
	}
	var tr chromeTrace
	if err := json.Unmarshal([]byte(b.String()), &tr); err != nil {
		t.Fatal(err)
	}
	var labels []string
	for _, ev := range tr.TraceEvents {
		if ev.Ph == "X" && ev.Tid == 2 {
			labels = append(labels, ev.Name)
		}
	}
	want := []string{"runnable", "running_gil", "blocked: sleep", "runnable", "running_gil", "blocked: sleep", "runnable", "running_gil"}
	if !slices.Equal(labels, want) {
		t.Errorf("thread 2 span names = %q, want %q", labels, want)
	}
}

func TestWriteEventsJSONL(t *testing.T) {
	r := pingPongRun()
	var b strings.Builder
	if err := WriteEventsJSONL(&b, r.Events); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(strings.NewReader(b.String()))
	n := 0
	for sc.Scan() {
		var ev map[string]any
		if err := json.Unmarshal(sc.Bytes(), &ev); err != nil {
			t.Fatalf("line %d: %v: %s", n+1, err, sc.Text())
		}
		if want := r.Events[n].Kind.String(); ev["kind"] != want {
			t.Errorf("line %d: kind %v, want %s", n+1, ev["kind"], want)
		}
		var back Event
		if err := json.Unmarshal(sc.Bytes(), &back); err != nil || !reflect.DeepEqual(back, r.Events[n]) {
			t.Errorf("line %d reads back as %+v (%v), want %+v", n+1, back, err, r.Events[n])
		}
		n++
	}
	if n != len(r.Events) {
		t.Errorf("%d lines, want %d", n, len(r.Events))
	}
	first := strings.SplitN(b.String(), "\n", 2)[0]
	if want := `{"t":0,"kind":"thread_start","thread":1,"core":-1,"pc":-1,"name":"MainThread","process":1}`; first != want {
		t.Errorf("first line = %s, want %s", first, want)
	}
}
