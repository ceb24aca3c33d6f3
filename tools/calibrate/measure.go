// This file runs the kernels: under the real interpreters (timed) and under gilscope
// (counted, one cost feature at a time).

package main

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/gilscope/gilscope/vm/machine"
)

//go:embed kernels.py
var kernelsSrc string

// kernelSource returns kernels.py with REPS set, running only the kernels named in
// only (every kernel when it is empty).
func kernelSource(reps int, only []string) string {
	src := strings.Replace(kernelsSrc, "\nREPS = 1\n", fmt.Sprintf("\nREPS = %d\n", reps), 1)
	if len(only) > 0 {
		var names []string
		for _, k := range only {
			names = append(names, strconv.Quote(k))
		}
		src = strings.Replace(src, "\nONLY = None\n", "\nONLY = ("+strings.Join(names, ", ")+",)\n", 1)
	}
	return src
}

// python is one real interpreter.
type python struct {
	Version string // "3.12"
	Full    string // "3.12.1"
	Path    string
}

// findPythons finds the newest pyenv installation of each version.
func findPythons(root string, versions []string) ([]python, error) {
	var out []python
	for _, v := range versions {
		matches, _ := filepath.Glob(filepath.Join(root, v+".*"))
		sort.Strings(matches)
		var found python
		for _, m := range matches {
			base := filepath.Base(m)
			if !regexp.MustCompile(`^\d+\.\d+\.\d+$`).MatchString(base) {
				continue
			}
			exe := filepath.Join(m, "bin", "python")
			if _, err := os.Stat(exe); err == nil {
				found = python{Version: v, Full: base, Path: exe}
			}
		}
		if found.Path == "" {
			return nil, fmt.Errorf("no pyenv installation of CPython %s under %s", v, root)
		}
		out = append(out, found)
	}
	return out, nil
}

// parseKernelTimes reads "kernel ns" lines.
func parseKernelTimes(out []byte) (map[string]float64, error) {
	res := map[string]float64{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) != 2 {
			continue
		}
		v, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			return nil, fmt.Errorf("bad line %q", sc.Text())
		}
		res[f[0]] = v
	}
	return res, nil
}

// measureAll times every kernel under every interpreter, best of reps runs per pass,
// and keeps each kernel's best over the passes. It also runs the held-out script, if
// any, once per pass and version, and keeps each of its figures' best; and the
// blocking calls (blocking.py) and the processes' costs (procs.py), when every kernel
// is measured or "blocking" or "procs" is among the kernels asked for, keeping each
// figure's smallest over the passes (a pass under less load).
func measureAll(pythons []python, cfg *config, held []byte) (best, holdout, blocking map[string]map[string]float64, err error) {
	dir, err := os.MkdirTemp("", "calibrate")
	if err != nil {
		return nil, nil, nil, err
	}
	defer os.RemoveAll(dir)
	var kernels []string
	withBlocking, withProcs := cfg.only == nil, cfg.only == nil
	for _, k := range cfg.only {
		switch k {
		case "blocking":
			withBlocking = true
		case "procs":
			withProcs = true
		default:
			kernels = append(kernels, k)
		}
	}
	withKernels := cfg.only == nil || len(kernels) > 0
	script := filepath.Join(dir, "kernels.py")
	if err := os.WriteFile(script, []byte(kernelSource(cfg.reps, kernels)), 0o644); err != nil {
		return nil, nil, nil, err
	}
	heldScript := filepath.Join(dir, "holdout.py")
	if err := os.WriteFile(heldScript, held, 0o644); err != nil {
		return nil, nil, nil, err
	}
	blockScript := filepath.Join(dir, "blocking.py")
	if err := os.WriteFile(blockScript, []byte(blockingSource(cfg.blockReps)), 0o644); err != nil {
		return nil, nil, nil, err
	}
	procScript := filepath.Join(dir, "procs.py")
	if err := os.WriteFile(procScript, []byte(procsSource(cfg.procReps)), 0o644); err != nil {
		return nil, nil, nil, err
	}
	best, holdout, blocking = map[string]map[string]float64{}, map[string]map[string]float64{}, map[string]map[string]float64{}
	for pass := 0; pass < cfg.passes; pass++ {
		for _, p := range pythons {
			start := time.Now()
			if withKernels {
				times, err := runTimed(p, script)
				if err != nil {
					return nil, nil, nil, err
				}
				keepBest(best, map[string]map[string]float64{p.Version: times})
			}
			if len(held) > 0 {
				figs, err := runTimed(p, heldScript)
				if err != nil {
					return nil, nil, nil, err
				}
				keepBest(holdout, map[string]map[string]float64{p.Version: figs})
			}
			if withBlocking {
				figs, err := runTimed(p, blockScript)
				if err != nil {
					return nil, nil, nil, err
				}
				keepBest(blocking, map[string]map[string]float64{p.Version: figs})
			}
			if withProcs {
				figs, err := runTimed(p, procScript)
				if err != nil {
					return nil, nil, nil, err
				}
				keepBest(blocking, map[string]map[string]float64{p.Version: figs})
			}
			fmt.Fprintf(os.Stderr, "pass %d/%d: CPython %s in %.1fs\n", pass+1, cfg.passes, p.Full, time.Since(start).Seconds())
		}
	}
	return best, holdout, blocking, nil
}

// runTimed runs a script of "name value" lines under an interpreter.
func runTimed(p python, script string) (map[string]float64, error) {
	cmd := exec.Command(p.Path, script)
	cmd.Env = append(os.Environ(), "PYTHONHASHSEED=0", "PYTHONDONTWRITEBYTECODE=1")
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", p.Path, filepath.Base(script), err)
	}
	times, err := parseKernelTimes(out)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", p.Path, filepath.Base(script), err)
	}
	return times, nil
}

// countKernels runs the kernels under gilscope once per cost feature, with that
// feature priced 1 ns and every other 0: the time each kernel reports is then the
// number of units of the feature it does. The bytecode is the same under every model.
func countKernels() (map[string]machine.CostVector, error) {
	return countSource("kernels.py", []byte(kernelSource(1, nil)))
}

// countSource counts the units of every cost feature of a script that prints
// "kernel ns" lines, by running it on the machine as countKernels says.
func countSource(name string, src []byte) (map[string]machine.CostVector, error) {
	counts := map[string]machine.CostVector{}
	for f := machine.CostFeature(0); f < machine.NumCostFeatures; f++ {
		cal := &machine.Calibration{}
		cal.Costs[f] = 1
		var out, errb bytes.Buffer
		res, err := machine.Run(name, src, machine.Options{Model: "cpython-3.12", Cores: 1, Calibration: cal}, &out, &errb)
		if err != nil {
			return nil, err
		}
		if res.ExitCode != 0 {
			return nil, fmt.Errorf("%s under gilscope: exit %d: %s", name, res.ExitCode, errb.String())
		}
		times, err := parseKernelTimes(out.Bytes())
		if err != nil {
			return nil, err
		}
		for k, v := range times {
			c := counts[k]
			c[f] = v
			counts[k] = c
		}
	}
	return counts, nil
}

// host describes the machine the measurements come from.
type host struct {
	Machine             string
	Date                string
	LoadBefore, LoadEnd string
}

func describeHost() *host {
	h := &host{Date: time.Now().UTC().Format("2006-01-02"), LoadBefore: loadAvg()}
	cpu := "unknown CPU"
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				cpu = strings.TrimSpace(v)
				break
			}
		}
	}
	h.Machine = fmt.Sprintf("%s, %d cores, %s/%s", cpu, runtime.NumCPU(), runtime.GOOS, runtime.GOARCH)
	return h
}

func (h *host) finish() { h.LoadEnd = loadAvg() }

// loadAvg is the one-minute load average, or "?".
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return "?"
	}
	return f[0]
}
