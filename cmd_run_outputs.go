// cmd_run_outputs.go writes the optional outputs of "gilscope run" and defines
// "gilscope models".

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/gilscope/gilscope/vm/machine"
)

// writeRunOutputs writes the trace, event stream and statistics asked for.
func (c *cli) writeRunOutputs(rf *runFlags, res *machine.Result) error {
	if rf.trace != "" {
		if err := writeFile(rf.trace, func(w io.Writer) error { return machine.WriteChromeTrace(w, res) }); err != nil {
			return err
		}
	}
	if rf.events != "" {
		if err := writeFile(rf.events, func(w io.Writer) error { return machine.WriteEventsJSONL(w, res) }); err != nil {
			return err
		}
	}
	if !rf.stats && !rf.json {
		return nil
	}
	st := machine.ComputeStats(res)
	if rf.stats {
		if err := st.WriteText(c.stderr); err != nil {
			return err
		}
	}
	if rf.json {
		enc := json.NewEncoder(c.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(st)
	}
	return nil
}

func writeFile(name string, write func(io.Writer) error) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return fmt.Errorf("writing %s: %w", name, err)
	}
	return f.Close()
}

// modelFamilies orders and titles the groups "gilscope models" lists.
var modelFamilies = []struct{ family, title string }{
	{"cpython", "CPython with its GIL"},
	{"free-threaded", "Free-threaded CPython"},
	{"experiment", "Experiments: the GIL removed"},
	{"other", "Other runtimes"},
}

// models implements "gilscope models": each model with a one-line description and
// its key parameters, grouped by family.
func (c *cli) models(ctx context.Context, args []string) error {
	if len(args) > 0 {
		return usageErrorf("models: unexpected arguments %q", args)
	}
	for i, f := range modelFamilies {
		if i > 0 {
			fmt.Fprintln(c.stdout)
		}
		fmt.Fprintf(c.stdout, "%s:\n", f.title)
		for _, m := range machine.Models() {
			if m.Family != f.family {
				continue
			}
			def := ""
			if m.Name == machine.DefaultModel {
				def = " (default)"
			}
			fmt.Fprintf(c.stdout, "  %s%s\n      %s\n      %s\n", m.Name, def, m.Description, m.Params())
		}
	}
	return nil
}
