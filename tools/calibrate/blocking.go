// This file turns the figures of blocking.py into the Blocking of a calibration.

package main

import (
	_ "embed"
	"fmt"
	"reflect"
	"strings"

	"github.com/gilscope/gilscope/vm/machine"
)

//go:embed blocking.py
var blockingSrc string

// blockingSource returns blocking.py with REPS set.
func blockingSource(reps int) string {
	return strings.Replace(blockingSrc, "\nREPS = 1\n", fmt.Sprintf("\nREPS = %d\n", reps), 1)
}

// blockingFields maps each figure blocking.py prints to its field of machine.Blocking.
var blockingFields = []struct{ key, field string }{
	{"sleep0", "SleepZero"},
	{"sleep_1ms_over_best", "SleepOver"}, {"sleep_1ms_over_median", "SleepOverMedian"},
	{"lock_pair", "LockPair"},
	{"wake_lock_best", "WakeLock"}, {"wake_lock_median", "WakeLockMedian"},
	{"wake_event_best", "WakeEvent"}, {"wake_event_median", "WakeEventMedian"},
	{"wake_queue_best", "WakeQueue"}, {"wake_queue_median", "WakeQueueMedian"},
	{"sock_rt_one", "SockRoundTrip"},
	{"sock_rt_two_best", "SockRoundTripThreads"}, {"sock_rt_two_median", "SockRoundTripThreadsMedian"},
	{"file_write", "FileWrite"}, {"file_read", "FileRead"},
	{"print_buffered", "PrintBuffered"}, {"print_flushed", "PrintFlushed"},
}

// blockingOf builds a Blocking from a version's figures; every figure must be there
// and positive.
func blockingOf(figs map[string]float64) (machine.Blocking, error) {
	var b machine.Blocking
	v := reflect.ValueOf(&b).Elem()
	for _, f := range blockingFields {
		x, ok := figs[f.key]
		if !ok {
			return b, fmt.Errorf("no measurement of the blocking call %s (measure with -kernels blocking)", f.key)
		}
		if x <= 0 {
			return b, fmt.Errorf("blocking call %s measured %g ns", f.key, x)
		}
		v.FieldByName(f.field).SetFloat(x)
	}
	return b, nil
}

// blockingField returns a Blocking's field by name.
func blockingField(b machine.Blocking, field string) float64 {
	return reflect.ValueOf(b).FieldByName(field).Float()
}
