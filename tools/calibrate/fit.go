// This file fits each version's prices: non-negative least squares on the relative
// error of every kernel's predicted time.

package main

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"

	"github.com/gilscope/gilscope/vm/machine"
)

// kernelFamily groups the kernels by what they measure, for the report.
var kernelFamily = map[string]string{
	"while": "loops and locals", "for_pass": "loops and locals", "locals": "loops and locals",
	"arith": "operators", "divmod": "operators", "bitwise": "operators", "compare": "operators", "globals": "globals",
	"call0": "calls", "call2": "calls", "recurse": "calls",
	"method": "methods and attributes", "method1": "methods and attributes",
	"attr_load": "methods and attributes", "attr_store": "methods and attributes",
	"new": "instances", "len": "builtin calls", "abs": "builtin calls", "type_call": "builtin calls", "append": "builtin calls", "listcomp": "building",
	"list_get": "subscripts", "list_set": "subscripts", "tuple": "building", "list_build": "building",
	"dict_get": "dicts", "dict_set": "dicts", "dict_method": "dicts", "dict_in": "dicts",
	"str_int": "int to str (digits)", "str_big": "int to str (digits)",
	"pct_int": "formatting (length)", "pct_two": "formatting (length)", "pct_long": "formatting (length)",
	"pct_six": "formatting (length)", "pct_mixed": "formatting (length)",
	"format": "formatting (length)", "join": "strings (length)", "concat": "strings (length)",
	"sort_100": "sort (comparisons)", "sort_5000": "sort (comparisons)", "sort_20000": "sort (comparisons)",
	"sort_runs": "sort (comparisons)", "sort_sorted": "sort (comparisons)", "list_copy": "building",
	"genexpr": "generators", "gen_for": "generators", "sum_list": "builtin calls",
}

// versionFit is one version's prices and how well they explain its kernels, and the
// held-out kernels, timed in the same passes but not fitted.
type versionFit struct {
	py      python
	costs   machine.CostVector
	kernels []kernelFit
	held    []kernelFit
	// blocking are the measured blocking calls.
	blocking machine.Blocking
	// procs are the measured costs of processes and pickling.
	procs machine.Procs
}

type kernelFit struct {
	name, family    string
	real, predicted float64 // ns
}

// err is the relative error of the prediction.
func (k kernelFit) err() float64 { return k.predicted/k.real - 1 }

// fitVersion fits the prices of one version.
func fitVersion(p python, counts map[string]machine.CostVector, times map[string]float64) versionFit {
	var names []string
	for k := range times {
		if _, ok := counts[k]; ok {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	rows := make([][]float64, len(names))
	for i, k := range names {
		c := counts[k]
		rows[i] = make([]float64, machine.NumCostFeatures)
		for f := range rows[i] {
			rows[i][f] = c[f] / times[k]
		}
	}
	ones := make([]float64, len(names))
	for i := range ones {
		ones[i] = 1
	}
	w := nnls(rows, ones)
	fit := versionFit{py: p}
	copy(fit.costs[:], w)
	for _, k := range names {
		c := counts[k]
		var pred float64
		for f := range c {
			pred += c[f] * w[f]
		}
		fit.kernels = append(fit.kernels, kernelFit{name: k, family: kernelFamily[k], real: times[k], predicted: pred})
	}
	return fit
}

// nnls minimises |A·w − b|² over w ≥ 0 by cyclic coordinate descent: each step sets
// one coordinate to its exact minimiser, clipped at zero; the objective is convex, so
// the sweeps converge to the optimum.
func nnls(a [][]float64, b []float64) []float64 {
	n := len(a[0])
	// The normal equations: h = AᵀA, g = Aᵀb.
	h := make([][]float64, n)
	g := make([]float64, n)
	for i := range h {
		h[i] = make([]float64, n)
	}
	for r, row := range a {
		for i := range row {
			g[i] += row[i] * b[r]
			for j := range row {
				h[i][j] += row[i] * row[j]
			}
		}
	}
	w := make([]float64, n)
	for sweep := 0; sweep < 200000; sweep++ {
		moved := 0.0
		for i := range w {
			if h[i][i] == 0 {
				continue
			}
			grad := -g[i]
			for j := range w {
				grad += h[i][j] * w[j]
			}
			nw := math.Max(0, w[i]-grad/h[i][i])
			moved = math.Max(moved, math.Abs(nw-w[i])*math.Sqrt(h[i][i]))
			w[i] = nw
		}
		if moved < 1e-12 {
			break
		}
	}
	return w
}

// checkHoldout runs the held-out script on the machine with the fitted prices (as
// the version's model, on one core) and records its figures beside the real ones.
func (f *versionFit) checkHoldout(script string, real map[string]float64) error {
	if script == "" || len(real) == 0 {
		return nil
	}
	src, err := os.ReadFile(script)
	if err != nil {
		return err
	}
	cal := &machine.Calibration{Costs: f.costs, ClockRead: clockReadNs}
	var out, errb bytes.Buffer
	res, err := machine.Run(filepath.Base(script), src, machine.Options{Model: "cpython-" + f.py.Version, Cores: 1, Calibration: cal}, &out, &errb)
	if err != nil {
		return err
	}
	if res.ExitCode != 0 {
		return fmt.Errorf("%s under gilscope: exit %d: %s", script, res.ExitCode, errb.String())
	}
	sim, err := parseKernelTimes(out.Bytes())
	if err != nil {
		return err
	}
	var names []string
	for k := range real {
		if _, ok := sim[k]; ok {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	for _, k := range names {
		f.held = append(f.held, kernelFit{name: k, real: real[k], predicted: sim[k]})
	}
	return nil
}
