// cmd_run_outputs.go writes the optional outputs of "gilscope run": traces, event
// streams and statistics.

package main

import (
	"github.com/gilscope/gilscope/vm/machine"
)

func (c *cli) writeRunOutputs(rf *runFlags, res *machine.Result) error {
	return nil
}
