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

// models implements "gilscope models": one line per model.
func (c *cli) models(ctx context.Context, args []string) error {
	if len(args) > 0 {
		return usageErrorf("models: unexpected arguments %q", args)
	}
	for _, m := range machine.Models() {
		fmt.Fprintf(c.stdout, "%-14s %s\n", m.Name, m.Description)
	}
	return nil
}
