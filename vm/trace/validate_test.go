package trace

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

var gilRules = Rules{GIL: true}

func TestValidateAcceptsValidStreams(t *testing.T) {
	tests := []struct {
		desc  string
		run   *Trace
		rules Rules
	}{
		{"two-thread ping-pong", pingPongRun(), gilRules},
		{"a blocked sleeper", sleeperRun(), gilRules},
		{"2.7 check interval with a futile wake-up", checkIntervalRun(), gilRules},
		{"no GIL: two threads run in parallel", &Trace{Cores: 2, Events: []Event{
			evState(0, 1, StateRunning, 0, ""),
			evState(0, 2, StateRunning, 1, ""),
			RefUpdate{Obj: 7, Delta: -1, Count: -1}.At(5, 1, 0),
			evState(9, 1, StateDone, -1, ""),
		}}, Rules{AllowNegativeRefs: true}},
		{"same-instant order is free: enter a core before the previous thread leaves", &Trace{Cores: 1, Events: []Event{
			evState(0, 1, StateRunningGIL, 0, ""),
			evAcquire(0, 1, 1),
			evState(0, 2, StateWaitGIL, -1, ""),
			evState(10, 2, StateRunningGIL, 0, ""),
			evRelease(10, 1, "forced"),
			evAcquire(10, 2, 2),
			evState(10, 1, StateWaitGIL, -1, ""),
		}}, gilRules},
		{"events name the core their thread is on at some moment of the instant", &Trace{Cores: 2, Events: []Event{
			evState(0, 1, StateRunnable, -1, ""),
			GILAcquire{Switch: 1}.At(5, 1, 1), // before the state change
			evState(5, 1, StateRunningGIL, 1, ""),
			GILRelease{Cause: "voluntary"}.At(9, 1, 1),
			evState(9, 1, StateBlocked, -1, "sleep"),
			Output{Stream: Stdout, Text: "x"}.At(9, 1, 1), // after leaving the core
		}}, gilRules},
		{"unknown core count", &Trace{Events: []Event{evState(0, 1, StateRunning, 63, "")}}, Rules{}},
		{"empty", &Trace{}, gilRules},
	}
	for _, tt := range tests {
		if err := Validate(tt.run.Events, tt.run.Cores, tt.rules); err != nil {
			t.Errorf("%s: %v", tt.desc, err)
		}
	}
}

// holding is thread 1 holding the GIL on core 0 from time 0, a prefix for the
// violation cases.
var holding = []Event{evState(0, 1, StateRunningGIL, 0, ""), evAcquire(0, 1, 1)}

func TestValidateViolations(t *testing.T) {
	tests := []struct {
		desc   string
		events []Event
		rules  Rules
		index  int
		msg    string
	}{
		{"time goes back", append(withPrefix(holding), evState(10, 2, StateRunnable, -1, ""), evState(9, 2, StateRunning, 1, "")),
			gilRules, 3, "time goes back from 10 ns"},
		{"negative time", []Event{evState(-1, 1, StateRunnable, -1, "")}, gilRules, 0, "negative time"},
		{"acquire while another thread holds the GIL", append(withPrefix(holding), evAcquire(5, 2, 2)),
			gilRules, 2, "thread 2 takes GIL 0, held by thread 1"},
		{"re-acquire by the holder", append(withPrefix(holding), evAcquire(5, 1, 1)),
			gilRules, 2, "thread 1 takes GIL 0, which it already holds"},
		{"release by a thread that does not hold it", append(withPrefix(holding), evRelease(5, 2, "voluntary")),
			gilRules, 2, "thread 2 releases GIL 0, held by thread 1"},
		{"release of a free GIL", append(withPrefix(holding), evRelease(5, 1, "forced"), evRelease(5, 1, "forced")),
			gilRules, 3, "thread 1 releases GIL 0, which is free"},
		{"running_gil without the GIL", []Event{evState(0, 1, StateRunnable, -1, ""), evState(3, 1, StateRunningGIL, 1, ""), evState(4, 2, StateRunnable, -1, "")},
			gilRules, 1, "thread 1 is running_gil without holding a GIL"},
		{"running_gil after releasing the GIL", append(withPrefix(holding), evRelease(5, 1, "voluntary"), evEnd(6, 0)),
			gilRules, 2, "thread 1 is running_gil without holding a GIL"},
		{"two threads on one core", append(withPrefix(holding), evState(5, 2, StateRunning, 0, "")),
			gilRules, 2, "threads 1 and 2 both run on core 0"},
		{"running on no core", []Event{StateChange{State: StateRunning}.At(0, 1, -1)},
			gilRules, 0, "thread 1 is running on core -1, not one of the 2 cores"},
		{"running on a core the machine lacks", []Event{evState(0, 1, StateRunning, 2, "")},
			gilRules, 0, "thread 1 is running on core 2, not one of the 2 cores"},
		{"blocked but on a core", []Event{StateChange{State: StateBlocked, Wait: "sleep"}.At(0, 1, 1)},
			gilRules, 0, "thread 1 is blocked but on core 1 (want -1)"},
		{"a drop request from a thread that is not on a core", append(withPrefix(holding),
			evState(0, 2, StateWaitGIL, -1, ""), evState(5, 2, StateRunnable, -1, ""),
			DropRequest{Holder: 1}.At(7, 2, 1), evState(7, 2, StateWaitGIL, -1, "")),
			gilRules, 4, "thread 2 acts on core 1 but is not running there"},
		{"a done thread changes state", []Event{evState(0, 1, StateDone, -1, ""), evState(3, 1, StateRunnable, -1, "")},
			gilRules, 1, "thread 1 is done but moves to runnable"},
		{"a done thread takes the GIL", []Event{evState(0, 1, StateDone, -1, ""), evAcquire(3, 1, 1)},
			gilRules, 1, "thread 1 is done but takes GIL 0"},
		{"a done thread keeps the GIL", append(withPrefix(holding), evState(5, 1, StateDone, -1, "")),
			gilRules, 2, "thread 1 is done but holds a GIL"},
		{"negative reference count", []Event{RefUpdate{Obj: 42, Delta: -1, Count: -1}.At(0, 1, 0)},
			gilRules, 0, "reference count of object 42 is negative (-1)"},
		{"a GIL in a model without one", []Event{evAcquire(0, 1, 1)},
			Rules{}, 0, "thread 1 takes GIL 0 in a model without a GIL"},
		{"running_gil in a model without a GIL", []Event{evState(0, 1, StateRunningGIL, 0, "")},
			Rules{}, 0, "running_gil in a model without a GIL"},
		{"an event after the end", append(withPrefix(holding), evEnd(5, 0), evState(5, 1, StateDone, -1, "")),
			gilRules, 3, "event after the end of the run"},
		{"a thread starts twice", []Event{evStart(0, 2, "a", 1), evStart(1, 2, "b", 1)},
			gilRules, 1, "thread 2 starts twice"},
		{"an unknown kind", []Event{{T: 0, Kind: NumKinds}}, gilRules, 0, fmt.Sprintf("unknown event kind %d", NumKinds)},
		{"an unknown state", []Event{StateChange{State: 9}.At(0, 1, -1)},
			gilRules, 0, "unknown thread state 9"},
		{"a state change without a thread", []Event{evState(0, 0, StateRunnable, -1, "")},
			gilRules, 0, "thread-state event without a thread"},
	}
	for _, tt := range tests {
		err := Validate(tt.events, 2, tt.rules)
		var ve *ValidationError
		if !errors.As(err, &ve) {
			t.Errorf("%s: Validate = %v, want a *ValidationError", tt.desc, err)
			continue
		}
		if ve.Index != tt.index || ve.Msg != tt.msg || !reflect.DeepEqual(ve.Event, tt.events[tt.index]) {
			t.Errorf("%s: violation at event %d: %q, want event %d: %q", tt.desc, ve.Index, ve.Msg, tt.index, tt.msg)
		}
	}
}

func TestValidationErrorText(t *testing.T) {
	err := Validate(append(withPrefix(holding), evRelease(2500, 2, "voluntary")), 2, gilRules)
	want := "event 2 at 2500 ns (gil_release, thread 2): thread 2 releases GIL 0, held by thread 1"
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %s", err, want)
	}
}

func TestValidateReportsFirstViolation(t *testing.T) {
	// Two threads enter core 0 and thread 3 runs bytecode without the GIL in the same
	// instant: the violation with the lower event index wins.
	events := []Event{
		evState(0, 3, StateRunningGIL, 1, ""),
		evState(0, 1, StateRunning, 0, ""),
		evState(0, 2, StateRunning, 0, ""),
	}
	err := Validate(events, 2, gilRules)
	if err == nil || !strings.Contains(err.Error(), "event 0 ") || !strings.Contains(err.Error(), "thread 3 is running_gil") {
		t.Errorf("error = %v, want thread 3's violation at event 0", err)
	}
}

func withPrefix(evs []Event) []Event { return append([]Event(nil), evs...) }
