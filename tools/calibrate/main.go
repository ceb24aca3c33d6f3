// Command calibrate measures the real CPython interpreters and writes the costs of
// gilscope's calibrated clock: vm/machine/calib_cpython*.go, one table per version,
// and a report of the fit (docs/calibration.md).
//
// It runs the microbenchmarks of kernels.py under each interpreter (best of -reps
// runs, -passes times, interleaving the versions so that a burst of load on a shared
// machine spoils one pass, not one version), counts with gilscope's own interpreter
// how many units of each cost feature (instruction classes, calls, dict operations,
// characters formatted, comparisons of sorts…) each kernel does, and fits the price of
// every feature per version by non-negative least squares on relative errors. It also
// times the blocking calls the machine models (blocking.py: sleeps, lock wake-ups,
// socket round trips, file reads and writes, print to a pipe) under each interpreter
// and writes them into the same tables.
//
//	go run ./tools/calibrate                       # every version, write the tables
//	go run ./tools/calibrate -versions 3.12 -n     # measure and report only
//	go run ./tools/calibrate -kernels blocking -save b.json   # the blocking calls only
//	go run ./tools/calibrate -imports -passes 5   # the import times only (imports.go)
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
)

func main() {
	var (
		versions  = flag.String("versions", "2.7,3.9,3.11,3.12,3.13", "CPython versions to calibrate (comma-separated)")
		pyenv     = flag.String("pyenv", os.ExpandEnv("$HOME/.pyenv/versions"), "directory of the pyenv installations")
		reps      = flag.Int("reps", 15, "runs of each kernel per pass (the best is kept)")
		passes    = flag.Int("passes", 5, "passes over every version (the best of all passes is kept)")
		outDir    = flag.String("out", "vm/machine", "directory of the generated tables")
		report    = flag.String("report", "docs/calibration.md", "file the report is written to")
		dryRun    = flag.Bool("n", false, "measure and print the report, write nothing")
		save      = flag.String("save", "", "also write the measured times to this JSON file")
		load      = flag.String("load", "", "fit the times of JSON files written by -save (comma-separated: each kernel's best) instead of measuring")
		holdout   = flag.String("holdout", "vm/machine/testdata/fidelity/costs.py", "a script of \"name ms\" lines timed in the same passes but not fitted, to check the fit on other code (\"\": none)")
		only      = flag.String("kernels", "", "measure only these kernels (comma-separated; \"blocking\": the blocking calls of blocking.py; \"procs\": processes and pickling, procs.py), e.g. new ones, to -save and -load beside the others")
		imports   = flag.Bool("imports", false, "measure what importing each module gilscope provides costs (vm/machine/imports_cpython*.go and the report's \"Imports\" section) instead of the prices")
		blockReps = flag.Int("blockreps", 1000, "samples of each blocking call per pass (latencies: the median and the best are kept; costs: the best batch)")
		procReps  = flag.Int("procreps", 12, "processes started with fork per pass (spawn and forkserver: a quarter as many), and pickles timed; the best is kept")
	)
	flag.Parse()
	if *only != "" && *save == "" && *load == "" {
		fmt.Fprintln(os.Stderr, "calibrate: -kernels measures some kernels to -save them; give -save")
		os.Exit(2)
	}
	cfgRun := run
	if *imports {
		cfgRun = runImports
	}
	if err := cfgRun(config{versions: strings.Split(*versions, ","), pyenv: *pyenv, reps: *reps,
		passes: *passes, blockReps: *blockReps, procReps: *procReps, outDir: *outDir, report: *report, dryRun: *dryRun, save: *save, load: *load, only: splitList(*only), holdout: *holdout}); err != nil {
		fmt.Fprintln(os.Stderr, "calibrate:", err)
		os.Exit(1)
	}
}

type config struct {
	versions       []string
	pyenv          string
	reps, passes   int
	blockReps      int
	procReps       int
	outDir, report string
	dryRun         bool
	save, load     string
	only           []string
	holdout        string
	// loaded describes each file -load read, when there are several.
	loaded []string
}

// splitList splits a comma-separated list; "" is the empty list.
func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

// measurement is what -save writes: the host and the best time of every kernel, in ns,
// per version, and the best figure of every held-out kernel (as the script prints it,
// in ms), per version.
type measurement struct {
	Host    host
	Reps    int
	Passes  int
	Pythons []python
	Times   map[string]map[string]float64
	Holdout map[string]map[string]float64 `json:",omitempty"`
	// Blocking holds the figures of blocking.py (ns) per version, each the smallest of
	// the passes, and the samples per pass.
	Blocking  map[string]map[string]float64 `json:",omitempty"`
	BlockReps int                           `json:",omitempty"`
	// ProcReps is -procreps when Blocking holds procs.py's figures too.
	ProcReps int `json:",omitempty"`
}

// measureOrLoad measures the kernels, the held-out script and the blocking calls (and
// saves the times if asked), or loads them.
func measureOrLoad(cfg *config, h *host, pythons []python) (times, holdout, blocking map[string]map[string]float64, err error) {
	if cfg.load != "" {
		return loadTimes(cfg, h, pythons)
	}
	var held []byte
	if cfg.holdout != "" && cfg.only == nil {
		if held, err = os.ReadFile(cfg.holdout); err != nil {
			return nil, nil, nil, err
		}
	}
	times, holdout, blocking, err = measureAll(pythons, cfg, held)
	if err != nil {
		return nil, nil, nil, err
	}
	h.finish()
	if cfg.save != "" {
		m := measurement{Host: *h, Reps: cfg.reps, Passes: cfg.passes, Pythons: pythons,
			Times: times, Holdout: holdout, Blocking: blocking}
		if len(blocking) > 0 && (cfg.only == nil || slices.Contains(cfg.only, "blocking")) {
			m.BlockReps = cfg.blockReps
		}
		if len(blocking) > 0 && (cfg.only == nil || slices.Contains(cfg.only, "procs")) {
			m.ProcReps = cfg.procReps
		}
		b, err := json.MarshalIndent(m, "", "  ")
		if err != nil {
			return nil, nil, nil, err
		}
		if err := os.WriteFile(cfg.save, b, 0o644); err != nil {
			return nil, nil, nil, err
		}
	}
	return times, holdout, blocking, nil
}

// kernelNames says which kernels a measurement holds: their names, or how many when
// there are many.
func kernelNames(times map[string]map[string]float64) string {
	seen := map[string]bool{}
	for _, ts := range times {
		for k := range ts {
			seen[k] = true
		}
	}
	if len(seen) > 8 {
		return fmt.Sprintf("%d kernels", len(seen))
	}
	var names []string
	for k := range seen {
		names = append(names, k)
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

// keepBest merges src into dst, keeping each name's smallest value.
func keepBest(dst, src map[string]map[string]float64) {
	for v, times := range src {
		if dst[v] == nil {
			dst[v] = map[string]float64{}
		}
		for k, t := range times {
			if old, ok := dst[v][k]; !ok || t < old {
				dst[v][k] = t
			}
		}
	}
}

// rescale brings times measured on a faster or slower machine (the same machine on
// another day can differ by half) to the speed of ref's: per version, it divides them
// by the median ratio of the kernels both measured, when they share at least two. It
// returns the factors it applied.
func rescale(ref, times map[string]map[string]float64) map[string]float64 {
	applied := map[string]float64{}
	for v, ts := range times {
		var ratios []float64
		for k, t := range ts {
			if r, ok := ref[v][k]; ok && r > 0 {
				ratios = append(ratios, t/r)
			}
		}
		if len(ratios) < 2 {
			continue
		}
		sort.Float64s(ratios)
		f := ratios[len(ratios)/2]
		if len(ratios)%2 == 0 {
			f = (ratios[len(ratios)/2-1] + f) / 2
		}
		for k := range ts {
			ts[k] /= f
		}
		applied[v] = f
	}
	return applied
}

// loadTimes reads the measurements of -load and keeps each kernel's best time. The
// host is the first file's, its load averages the extremes of all.
func loadTimes(cfg *config, h *host, pythons []python) (best, holdout, blocking map[string]map[string]float64, err error) {
	best, holdout, blocking = map[string]map[string]float64{}, map[string]map[string]float64{}, map[string]map[string]float64{}
	cfg.reps, cfg.passes = 0, 0
	for i, name := range strings.Split(cfg.load, ",") {
		b, err := os.ReadFile(name)
		if err != nil {
			return nil, nil, nil, err
		}
		var m measurement
		if err := json.Unmarshal(b, &m); err != nil {
			return nil, nil, nil, fmt.Errorf("%s: %w", name, err)
		}
		if i == 0 {
			*h = m.Host
			copy(pythons, m.Pythons)
			cfg.reps = m.Reps
		} else {
			h.LoadBefore = minLoad(h.LoadBefore, m.Host.LoadBefore)
			h.LoadEnd = maxLoad(h.LoadEnd, m.Host.LoadEnd)
		}
		cfg.passes += m.Passes
		if len(m.Times) > 0 {
			cfg.loaded = append(cfg.loaded, fmt.Sprintf("%s: best of %d runs in each of %d passes of %s, one-minute load average %s to %s",
				filepath.Base(name), m.Reps, m.Passes, kernelNames(m.Times), m.Host.LoadBefore, m.Host.LoadEnd))
		}
		if m.BlockReps > 0 {
			cfg.loaded = append(cfg.loaded, fmt.Sprintf("%s: %d samples of each blocking call in each of %d passes, one-minute load average %s to %s",
				filepath.Base(name), m.BlockReps, m.Passes, m.Host.LoadBefore, m.Host.LoadEnd))
		}
		if m.ProcReps > 0 {
			cfg.loaded = append(cfg.loaded, fmt.Sprintf("%s: the best of %d processes started with fork (spawn and forkserver: a quarter as many) and %d pickles in each of %d passes, one-minute load average %s to %s",
				filepath.Base(name), m.ProcReps, m.ProcReps, m.Passes, m.Host.LoadBefore, m.Host.LoadEnd))
		}
		if i > 0 {
			applied := rescale(best, m.Times)
			for _, p := range pythons {
				if r, ok := applied[p.Version]; ok {
					cfg.loaded = append(cfg.loaded, fmt.Sprintf("%s's %s times scaled by %.3f to the first file's speed", filepath.Base(name), p.Version, r))
				}
			}
		}
		keepBest(best, m.Times)
		keepBest(holdout, m.Holdout)
		keepBest(blocking, m.Blocking)
	}
	return best, holdout, blocking, nil
}

func minLoad(a, b string) string {
	if x, y := parseLoad(a), parseLoad(b); y < x {
		return b
	}
	return a
}

func maxLoad(a, b string) string {
	if x, y := parseLoad(a), parseLoad(b); y > x {
		return b
	}
	return a
}

func parseLoad(s string) float64 {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return math.NaN()
	}
	return v
}

func run(cfg config) error {
	host := describeHost()
	fmt.Fprintf(os.Stderr, "calibrating on %s\n", host.Machine)
	pythons, err := findPythons(cfg.pyenv, cfg.versions)
	if err != nil {
		return err
	}
	counts, err := countKernels()
	if err != nil {
		return err
	}
	times, holdout, blocking, err := measureOrLoad(&cfg, host, pythons)
	if err != nil {
		return err
	}
	if cfg.only != nil && cfg.load == "" {
		// Some kernels cannot fit the prices: they are saved to be loaded beside the rest.
		return nil
	}
	var fits []versionFit
	for _, p := range pythons {
		f := fitVersion(p, counts, times[p.Version])
		if err := f.checkHoldout(cfg.holdout, holdout[p.Version]); err != nil {
			return err
		}
		if f.blocking, err = blockingOf(blocking[p.Version]); err != nil && !cfg.dryRun {
			return fmt.Errorf("CPython %s: %w", p.Full, err)
		}
		if f.procs, err = procsOf(blocking[p.Version]); err != nil && !cfg.dryRun {
			return fmt.Errorf("CPython %s: %w", p.Full, err)
		}
		fits = append(fits, f)
	}
	rep := renderReport(host, cfg, fits)
	fmt.Print(rep)
	if cfg.dryRun {
		return nil
	}
	for _, f := range fits {
		if err := writeTable(cfg.outDir, host, cfg, f); err != nil {
			return err
		}
	}
	if kept := keptImportsSection(cfg.report); kept != "" {
		rep = replaceImportsSection(rep, kept)
	}
	return os.WriteFile(cfg.report, []byte(rep), 0o644)
}
