package main

import (
	"reflect"
	"strings"
	"testing"

	"github.com/gilscope/gilscope/vm/machine"
)

// Every field of machine.Procs is written to the tables and the report.
func TestProcFieldsCoverProcs(t *testing.T) {
	typ := reflect.TypeOf(machine.Procs{})
	seen := map[string]bool{}
	for _, f := range procFields {
		if _, ok := typ.FieldByName(f.field); !ok {
			t.Errorf("machine.Procs has no field %s", f.field)
		}
		seen[f.field] = true
	}
	for i := range typ.NumField() {
		if !seen[typ.Field(i).Name] {
			t.Errorf("machine.Procs.%s is not reported", typ.Field(i).Name)
		}
	}
}

// procsOf splits start-to-join into the parent's and the child's shares, derives the
// per-MB costs from the runs with a larger parent, and leaves the start methods a
// version lacks at zero.
func TestProcsOf(t *testing.T) {
	fork := map[string]float64{
		"fork_start": 500_000, "fork_total": 2_000_000,
		"fork_start_big": 500_000 + bigMB*20_000, "fork_total_big": 2_000_000 + bigMB*50_000,
		"dumps_raw": 0.5, "loads_raw": 0.04, "dumps_ints": 3.5, "loads_ints": 10,
	}
	all := map[string]float64{
		"spawn_start": 700_000, "spawn_total": 60_700_000,
		"server_first_total": 70_000_000, "server_start": 1_000_000, "server_total": 14_000_000,
	}
	for k, v := range fork {
		all[k] = v
	}
	tests := []struct {
		name    string
		figs    map[string]float64
		want    machine.Procs
		wantErr string
	}{
		{"3.x", all, machine.Procs{ForkParent: 500_000, ForkParentPerMB: 20_000, ForkChild: 1_500_000, ForkChildPerMB: 30_000,
			SpawnParent: 700_000, SpawnChild: 60_000_000, ServerStart: 56_000_000, ServerParent: 1_000_000, ServerChild: 13_000_000,
			DumpsRaw: 0.5, LoadsRaw: 0.04, DumpsStruct: 3.5, LoadsStruct: 10}, ""},
		{"2.7: fork only", fork, machine.Procs{ForkParent: 500_000, ForkParentPerMB: 20_000, ForkChild: 1_500_000, ForkChildPerMB: 30_000,
			DumpsRaw: 0.5, LoadsRaw: 0.04, DumpsStruct: 3.5, LoadsStruct: 10}, ""},
		{"no fork", map[string]float64{"dumps_raw": 1}, machine.Procs{}, "fork_start"},
	}
	for _, tt := range tests {
		got, err := procsOf(tt.figs)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%s: error %v, want one naming %s", tt.name, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("%s: got %+v, %v\nwant %+v", tt.name, got, err, tt.want)
		}
	}
}
