// Fidelity: the scripts in ../shared/fidelity, run on the simulated machine, must give
// the figures real interpreters gave on the reference machine, within the ranges
// written in reference.json. Run with -update to rewrite docs/fidelity.md.

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

type reference map[string]map[string]struct {
	Cores    int                  `json:"cores"`
	Figures  map[string][]float64 `json:"figures"`
	Measured map[string][]float64 `json:"measured"`
}

// fidelityDir finds ../shared/fidelity (GILSCOPE_FIDELITY overrides) by walking up
// from the package directory.
func fidelityDir(t *testing.T) string {
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
			t.Skip("shared/fidelity not found next to the repository: skipping the fidelity check")
		}
		dir = parent
	}
}

type fidelityRow struct {
	script, model, figure string
	lo, hi, median, got   float64
	ok                    bool
}

func TestFidelity(t *testing.T) {
	if testing.Short() {
		t.Skip("fidelity runs take a while; skipped in -short mode")
	}
	dir := fidelityDir(t)
	raw, err := os.ReadFile(filepath.Join(dir, "reference.json"))
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
					src, err := os.ReadFile(filepath.Join(dir, script))
					if err != nil {
						t.Fatal(err)
					}
					var out, errb bytes.Buffer
					res, err := Run(script, src, Options{Model: model, Cores: r.Cores, Seed: 1}, &out, &errb)
					if err != nil {
						t.Fatal(err)
					}
					if res.ExitCode != 0 {
						t.Fatalf("exit %d: %s", res.ExitCode, errb.String())
					}
					got := parseFigures(out.String())
					for fig, rng := range r.Figures {
						v, ok := got[fig]
						row := fidelityRow{script: script, model: model, figure: fig, lo: rng[0], hi: rng[1],
							median: median(r.Measured[fig]), got: v, ok: ok && v >= rng[0] && v <= rng[1]}
						mu.Lock()
						rows = append(rows, row)
						mu.Unlock()
						switch {
						case !ok:
							t.Errorf("%s: not printed", fig)
						case !row.ok:
							t.Errorf("%s = %g, want %g–%g (measured median %g)", fig, v, rng[0], rng[1], row.median)
						}
					}
				})
			}
		}
	})
	if *update {
		writeFidelityDoc(t, rows)
	}
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
	b.WriteString("The scripts in `../shared/fidelity` run on the simulated machine (`--cores 2`, seed 1) beside the\n")
	b.WriteString("figures real interpreters gave on the reference machine (median of five runs, and the range the\n")
	b.WriteString("simulator must land in). Regenerate with `go test ./vm/machine/ -run TestFidelity -update`.\n\n")
	b.WriteString("| script | figure | model | measured (median) | accepted range | simulated | |\n|---|---|---|---|---|---|---|\n")
	pass := 0
	for _, r := range rows {
		mark := "✓"
		if !r.ok {
			mark = "✗"
		} else {
			pass++
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %g | %g – %g | %g | %s |\n", r.script, r.figure, r.model, r.median, r.lo, r.hi, r.got, mark)
	}
	fmt.Fprintf(&b, "\n%d of %d figures within range.\n", pass, len(rows))
	if err := os.WriteFile(filepath.Join("..", "..", "docs", "fidelity.md"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
