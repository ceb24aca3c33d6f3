// This file turns the figures of procs.py into the Procs of a calibration.

package main

import (
	_ "embed"
	"fmt"
	"reflect"
	"strings"

	"github.com/gilscope/gilscope/vm/machine"
)

//go:embed procs.py
var procsSrc string

// bigMB is procs.py's BIG_MB: the memory the parent holds for the *_big figures.
const bigMB = 200

// procsSource returns procs.py with REPS set.
func procsSource(reps int) string {
	return strings.Replace(procsSrc, "\nREPS = 1\n", fmt.Sprintf("\nREPS = %d\n", reps), 1)
}

// procsOf derives a version's Procs from procs.py's figures. Fork and pickling
// must be there; spawn and forkserver only where the version has them (3.4+).
func procsOf(figs map[string]float64) (machine.Procs, error) {
	var p machine.Procs
	need := func(keys ...string) error {
		for _, k := range keys {
			if x, ok := figs[k]; !ok || x <= 0 {
				return fmt.Errorf("no measurement of %s (measure with -kernels procs)", k)
			}
		}
		return nil
	}
	if err := need("fork_start", "fork_total", "fork_start_big", "fork_total_big",
		"dumps_raw", "loads_raw", "dumps_ints", "loads_ints"); err != nil {
		return p, err
	}
	f := figs
	p.ForkParent = f["fork_start"]
	p.ForkChild = f["fork_total"] - f["fork_start"]
	p.ForkParentPerMB = max(f["fork_start_big"]-f["fork_start"], 0) / bigMB
	p.ForkChildPerMB = max((f["fork_total_big"]-f["fork_start_big"])-p.ForkChild, 0) / bigMB
	if need("spawn_start", "spawn_total") == nil {
		p.SpawnParent, p.SpawnChild = f["spawn_start"], f["spawn_total"]-f["spawn_start"]
	}
	if need("server_first_total", "server_start", "server_total") == nil {
		p.ServerStart = max(f["server_first_total"]-f["server_total"], 0)
		p.ServerParent, p.ServerChild = f["server_start"], f["server_total"]-f["server_start"]
	}
	// The exits are part of the child's share, which they cannot exceed; a version
	// measured before procs.py timed them keeps the machine's defaults.
	exit := func(key string, child float64) float64 { return min(f[key], child) }
	p.ForkExit, p.ForkKill = exit("fork_exit", p.ForkChild), f["fork_kill"]
	p.SpawnExit, p.SpawnKill = exit("spawn_exit", p.SpawnChild), f["spawn_kill"]
	p.ServerExit, p.ServerKill = exit("server_exit", p.ServerChild), f["server_kill"]
	p.DumpsRaw, p.LoadsRaw = f["dumps_raw"], f["loads_raw"]
	p.DumpsStruct, p.LoadsStruct = f["dumps_ints"], f["loads_ints"]
	return p, nil
}

// procFields are the fields of machine.Procs in the order the table and the report
// give them, with the unit the report shows each in.
var procFields = []struct {
	field, unit string
}{
	{"ForkParent", "ms"}, {"ForkParentPerMB", "µs"}, {"ForkChild", "ms"}, {"ForkChildPerMB", "µs"},
	{"SpawnParent", "ms"}, {"SpawnChild", "ms"},
	{"ServerStart", "ms"}, {"ServerParent", "ms"}, {"ServerChild", "ms"},
	{"ForkExit", "ms"}, {"SpawnExit", "ms"}, {"ServerExit", "ms"},
	{"ForkKill", "ms"}, {"SpawnKill", "ms"}, {"ServerKill", "ms"},
	{"DumpsRaw", "ns"}, {"LoadsRaw", "ns"}, {"DumpsStruct", "ns"}, {"LoadsStruct", "ns"},
}

// procField returns a Procs's field by name, in ns.
func procField(p machine.Procs, field string) float64 {
	return reflect.ValueOf(p).FieldByName(field).Float()
}
