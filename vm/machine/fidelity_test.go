// Fidelity: the scripts in testdata/fidelity, run on the simulated machine, must give
// the figures real interpreters gave on the reference machine, within the ranges
// written in reference.json. Run with -update to rewrite docs/fidelity.md.
// testdata/fidelity is a copy of a folder kept outside the repository, next to it;
// TestFidelityCopyIsCurrent checks the copy whenever that folder is there.

package machine

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// fidelityCopy is the repository's copy of the fidelity scripts and reference.
const fidelityCopy = "testdata/fidelity"

// pendingFigures are figures out of range for a reason the simulator does not model
// yet (script/model/figure: the reason). They are computed, logged and written to
// docs/fidelity.md with their reason, but do not fail the test; the test fails when
// one comes into range, so that its entry goes.
var pendingFigures = map[string]string{
	// The solo round trip is two wake-ups of an idle core and about 8 µs of work
	// measured on this machine (docs/calibration.md); the reference machine's 68 µs
	// imply a wake-up of about 30 µs there, against the 20 µs mean the machine takes
	// as a constant (docs/models.md, "The machine"). 3.11's work is the cheapest of
	// the four versions, and its median lands 0.4 % above the range.
	"socket_echo.py/cpython-3.11/solo_rt_per_s@median": "the wake-up latency is a constant (20 µs mean), shorter than the reference machine's",
}

// reference is reference.json: per script and model, the machine's cores, the
// seeds to run (seed 1 when absent), the accepted range of each figure and the
// values measured on real interpreters. A figure named NAME@median is the median
// of NAME over the seeds.
type reference map[string]map[string]struct {
	Cores    int                  `json:"cores"`
	Seeds    []int64              `json:"seeds"`
	Figures  map[string][]float64 `json:"figures"`
	Measured map[string][]float64 `json:"measured"`
}

// sharedFidelityDir finds the folder testdata/fidelity copies: $GILSCOPE_FIDELITY,
// else shared/fidelity in the nearest directory at or above the package's that
// has one. It returns "" when there is none.
func sharedFidelityDir() string {
	if d := os.Getenv("GILSCOPE_FIDELITY"); d != "" {
		return d
	}
	dir, _ := filepath.Abs(".")
	for {
		cand := filepath.Join(dir, "shared", "fidelity")
		if _, err := os.Stat(filepath.Join(cand, "reference.json")); err == nil {
			return cand
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// TestFidelityCopyIsCurrent compares every file of the shared fidelity folder with
// the repository's copy, byte for byte, when that folder is present.
func TestFidelityCopyIsCurrent(t *testing.T) {
	shared := sharedFidelityDir()
	if shared == "" {
		t.Skip("no shared/fidelity next to the repository (or $GILSCOPE_FIDELITY): nothing to compare the copy with")
	}
	names := map[string]bool{}
	for _, dir := range []string{shared, fidelityCopy} {
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if e.Type().IsRegular() {
				names[e.Name()] = true
			}
		}
	}
	var differ []string
	for name := range names {
		want, errW := os.ReadFile(filepath.Join(shared, name))
		got, errG := os.ReadFile(filepath.Join(fidelityCopy, name))
		switch {
		case errW != nil:
			differ = append(differ, name+" (only in the copy)")
		case errG != nil:
			differ = append(differ, name+" (missing from the copy)")
		case !bytes.Equal(got, want):
			differ = append(differ, name)
		}
	}
	if len(differ) > 0 {
		sort.Strings(differ)
		abs, _ := filepath.Abs(fidelityCopy)
		t.Errorf("%s differs from %s: %s\nre-copy: rm -r %s && cp -r %s %s",
			fidelityCopy, shared, strings.Join(differ, ", "), abs, shared, abs)
	}
}

type fidelityRow struct {
	script, model, figure string
	lo, hi, median, got   float64
	printed, ok           bool
	pending               string // why the figure may be out of range (pendingFigures)
}

// status is the row's mark in docs/fidelity.md.
func (r fidelityRow) status() string {
	mark := "✓"
	if !r.ok {
		mark = "✗"
	}
	if r.pending != "" {
		mark += " pending: " + r.pending
	}
	return mark
}

func TestFidelity(t *testing.T) {
	if testing.Short() {
		t.Skip("fidelity runs take a while; skipped in -short mode")
	}
	raw, err := os.ReadFile(filepath.Join(fidelityCopy, "reference.json"))
	if err != nil {
		t.Fatal(err)
	}
	var ref reference
	if err := json.Unmarshal(raw, &ref); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var rows []fidelityRow
	t.Run("scripts", func(t *testing.T) {
		for script, byModel := range ref {
			for model, r := range byModel {
				t.Run(script+"/"+model, func(t *testing.T) {
					t.Parallel()
					runs := runFidelity(t, script, model, r.Cores, r.Seeds)
					for fig, rng := range r.Figures {
						name, _, _ := strings.Cut(fig, "@")
						v, printed := referenceFigure(runs, fig)
						row := fidelityRow{script: script, model: model, figure: fig, lo: rng[0], hi: rng[1],
							median: median(r.Measured[name]), got: v, printed: printed,
							ok: printed && v >= rng[0] && v <= rng[1], pending: pendingFigures[script+"/"+model+"/"+fig]}
						mu.Lock()
						rows = append(rows, row)
						mu.Unlock()
						report := t.Errorf
						if row.pending != "" {
							report = t.Logf
						}
						switch {
						case row.ok && row.pending != "":
							t.Errorf("%s = %g is in range %g–%g now: remove it from pendingFigures", fig, v, rng[0], rng[1])
						case !printed:
							report("%s: not printed%s", fig, pendingNote(row))
						case !row.ok:
							report("%s = %g, want %g–%g (measured median %g)%s", fig, v, rng[0], rng[1], row.median, pendingNote(row))
						}
					}
				})
			}
		}
	})
	logFidelityCounts(t, rows)
	if *update {
		writeFidelityDoc(t, rows)
	}
}

func pendingNote(r fidelityRow) string {
	if r.pending != "" {
		return " [pending: " + r.pending + "; not failed]"
	}
	return ""
}

// runFidelity runs a script once per seed (seed 1 when seeds is empty) and returns
// the figures each run printed.
func runFidelity(t *testing.T, script, model string, cores int, seeds []int64) []map[string]float64 {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(fidelityCopy, script))
	if err != nil {
		t.Fatal(err)
	}
	if len(seeds) == 0 {
		seeds = []int64{1}
	}
	var runs []map[string]float64
	for _, seed := range seeds {
		var out, errb bytes.Buffer
		res, err := Run(script, src, Options{Model: model, Cores: cores, Seed: seed}, &out, &errb)
		if err != nil {
			t.Fatal(err)
		}
		if res.ExitCode != 0 {
			t.Fatalf("seed %d: exit %d: %s", seed, res.ExitCode, errb.String())
		}
		runs = append(runs, parseFigures(out.String()))
	}
	return runs
}

// referenceFigure returns a reference figure from the runs: NAME@median is the median of
// NAME over the runs, NAME its value in the first run.
func referenceFigure(runs []map[string]float64, fig string) (float64, bool) {
	name, agg, _ := strings.Cut(fig, "@")
	if agg != "median" {
		v, ok := runs[0][name]
		return v, ok && agg == ""
	}
	var vs []float64
	for _, r := range runs {
		v, ok := r[name]
		if !ok {
			return 0, false
		}
		vs = append(vs, v)
	}
	return median(vs), true
}

// logFidelityCounts logs, per script, how many figures are in range.
func logFidelityCounts(t *testing.T, rows []fidelityRow) {
	for _, c := range fidelityCounts(rows) {
		t.Log(c)
	}
}

// fidelityCounts says, per script, how many of its figures are in range.
func fidelityCounts(rows []fidelityRow) []string {
	in, all := map[string]int{}, map[string]int{}
	for _, r := range rows {
		all[r.script]++
		if r.ok {
			in[r.script]++
		}
	}
	var out []string
	for script := range all {
		line := fmt.Sprintf("%s: %d of %d figures within range", script, in[script], all[script])
		out = append(out, line)
	}
	sort.Strings(out)
	return out
}

func parseFigures(out string) map[string]float64 {
	figs := map[string]float64{}
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) == 2 {
			if v, err := strconv.ParseFloat(f[1], 64); err == nil {
				figs[f[0]] = v
			}
		}
	}
	return figs
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[len(s)/2]
}

// writeClockTables writes, per model, the simulated time of each costs.py kernel beside
// the real interpreter's, and the calibration the model's clock comes from.
func writeClockTables(b *strings.Builder, rows []fidelityRow) {
	byModel := map[string][]fidelityRow{}
	var models []string
	for _, r := range rows {
		if r.script != "costs.py" {
			continue
		}
		if byModel[r.model] == nil {
			models = append(models, r.model)
		}
		byModel[r.model] = append(byModel[r.model], r)
	}
	if len(models) == 0 {
		return
	}
	sort.Strings(models)
	b.WriteString("\n## The clock, kernel by kernel\n\n")
	b.WriteString("The simulated time of each `costs.py` kernel (best of three, ms) against the real interpreter's\n")
	b.WriteString("(median of five runs on the reference machine). The clock's prices come from `tools/calibrate`\n")
	b.WriteString("([calibration.md](calibration.md)); the kernels are not among the microbenchmarks it fits.\n")
	for _, name := range models {
		model, err := LookupModel(name)
		if err != nil {
			continue
		}
		c := CalibrationFor(model)
		fmt.Fprintf(b, "\n### %s\n\nCalibrated against %s on %s (%s).\n\n", name, c.Interpreter, c.Machine, c.Date)
		b.WriteString("| kernel | real (ms) | simulated (ms) | error |\n|---|---:|---:|---:|\n")
		for _, r := range byModel[name] {
			kernel := strings.TrimSuffix(strings.TrimPrefix(r.figure, "cost_"), "_ms")
			fmt.Fprintf(b, "| %s | %.3g | %.3g | %+.0f %% |\n", kernel, r.median, r.got, 100*(r.got/r.median-1))
		}
	}
}

func writeFidelityDoc(t *testing.T, rows []fidelityRow) {
	sort.Slice(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if a.script != b.script {
			return a.script < b.script
		}
		if a.figure != b.figure {
			return a.figure < b.figure
		}
		return a.model < b.model
	})
	var b strings.Builder
	b.WriteString("# Fidelity\n\n")
	b.WriteString("The scripts in `vm/machine/testdata/fidelity` run on the simulated machine (`--cores 2`, seed 1,\n")
	b.WriteString("or the median over seeds 1–5 for a figure marked `@median`) beside the figures real interpreters\n")
	b.WriteString("gave on the reference machine (median of five runs, and the range the simulator must land in).\n")
	b.WriteString("Regenerate with `go test ./vm/machine/ -run TestFidelity -update`.\n\n")
	b.WriteString("A figure marked *pending* is out of range for the reason given, a mechanism not modelled yet:\n")
	b.WriteString("the test computes and reports it but does not fail on it, and fails once it is in range.\n")
	b.WriteString("Every other figure out of range fails the test.\n\n")
	for _, c := range fidelityCounts(rows) {
		fmt.Fprintf(&b, "- %s\n", c)
	}
	b.WriteString("\n")
	b.WriteString("| script | figure | model | measured (median) | accepted range | simulated | |\n|---|---|---|---|---|---|---|\n")
	pass := 0
	for _, r := range rows {
		if r.ok {
			pass++
		}
		got := strconv.FormatFloat(r.got, 'g', -1, 64)
		if !r.printed {
			got = "not printed"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %g | %g – %g | %s | %s |\n", r.script, r.figure, r.model, r.median, r.lo, r.hi, got, r.status())
	}
	fmt.Fprintf(&b, "\n%d of %d figures within range.\n", pass, len(rows))
	writeClockTables(&b, rows)
	if err := os.WriteFile(filepath.Join("..", "..", "docs", "fidelity.md"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
