package main

import (
	"reflect"
	"strings"
	"testing"

	"github.com/gilscope/gilscope/vm/machine"
)

// Every field of machine.Blocking is measured, by exactly one figure of blocking.py.
func TestBlockingFieldsCoverBlocking(t *testing.T) {
	typ := reflect.TypeOf(machine.Blocking{})
	seen := map[string]bool{}
	for _, f := range blockingFields {
		if _, ok := typ.FieldByName(f.field); !ok {
			t.Errorf("figure %s: machine.Blocking has no field %s", f.key, f.field)
		}
		if seen[f.field] {
			t.Errorf("field %s measured twice", f.field)
		}
		seen[f.field] = true
	}
	for i := 0; i < typ.NumField(); i++ {
		if !seen[typ.Field(i).Name] {
			t.Errorf("machine.Blocking.%s is not measured", typ.Field(i).Name)
		}
	}
}

// A version's figures must all be there: a table is never written with a blocking
// call it did not measure.
func TestBlockingOfNeedsEveryFigure(t *testing.T) {
	figs := map[string]float64{}
	for i, f := range blockingFields {
		figs[f.key] = float64(1000 + i)
	}
	b, err := blockingOf(figs)
	if err != nil {
		t.Fatal(err)
	}
	if b.SockRoundTrip != figs["sock_rt_one"] || b.WakeLockMedian != figs["wake_lock_median"] {
		t.Errorf("blockingOf = %+v", b)
	}
	delete(figs, "file_read")
	if _, err := blockingOf(figs); err == nil {
		t.Error("blockingOf accepted figures without file_read")
	}
	if !strings.Contains(blockingSource(7), "\nREPS = 7\n") {
		t.Error("blockingSource did not set REPS")
	}
}
