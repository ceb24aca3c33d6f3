// This file measures what importing each standard-library module gilscope provides
// costs under each interpreter (-imports): vm/machine/imports_cpython*.go and the
// "Imports" section of the report.

package main

import (
	"bytes"
	_ "embed"
	"fmt"
	"go/format"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/gilscope/gilscope/vm/machine"
)

//go:embed importtime27.py
var importTime27 string

// renames27 are the modules whose name 2.7 spells otherwise.
var renames27 = map[string]string{"queue": "Queue", "_thread": "thread"}

// importMarker separates the interpreter's start-up imports from the module's.
const importMarker = "--gilscope--"

// importSample is one fresh interpreter's import of a module: what it loaded, in
// the order -X importtime wrote them, and each one's self time (µs; -1: unknown).
type importSample struct {
	names []string
	self  map[string]float64
}

// timeImport imports module name in a fresh interpreter, after its start-up, and
// returns what that loaded; ok is false when the version has no such module.
func timeImport(p python, name string) (s importSample, ok bool, err error) {
	var cmd *exec.Cmd
	if p.Version == "2.7" {
		if r, found := renames27[name]; found {
			name = r
		}
		cmd = exec.Command(p.Path, "-c", importTime27, name)
	} else {
		cmd = exec.Command(p.Path, "-X", "importtime", "-c",
			fmt.Sprintf("import os; os.write(2, b'%s\\n'); import %s", importMarker, name))
	}
	cmd.Env = append(os.Environ(), "PYTHONDONTWRITEBYTECODE=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		if strings.Contains(stderr.String(), "No module named") || strings.Contains(stderr.String(), "ImportError") {
			return s, false, nil
		}
		return s, false, fmt.Errorf("%s: import %s: %v: %s", p.Full, name, err, stderr.String())
	}
	s, found := parseImportTime(stderr.String())
	if !found {
		return s, false, fmt.Errorf("%s: import %s: no marker in %q", p.Full, name, stderr.String())
	}
	return s, true, nil
}

// parseImportTime reads what -X importtime (or importtime27.py) wrote after the
// marker: the modules loaded, in order, and each one's self time; found is false
// without the marker.
func parseImportTime(stderr string) (s importSample, found bool) {
	_, after, found := strings.Cut(stderr, importMarker+"\n")
	if !found {
		return s, false
	}
	s.self = map[string]float64{}
	for _, line := range strings.Split(after, "\n") {
		rest, ok := strings.CutPrefix(line, "import time:")
		if !ok {
			continue
		}
		f := strings.Split(rest, "|")
		if len(f) != 3 {
			continue
		}
		us, err := strconv.ParseFloat(strings.TrimSpace(f[0]), 64)
		if err != nil {
			continue // the header line
		}
		mod := strings.TrimSpace(f[2])
		if !slices.Contains(s.names, mod) {
			s.names = append(s.names, mod)
		}
		if us >= 0 {
			s.self[mod] = us
		}
	}
	return s, true
}

// importTable is one version's measurement.
type importTable struct {
	py    python
	self  map[string]float64  // best self time of each module seen
	loads map[string][]string // each provided module's loads, itself left out
	runs  int
}

// measureImports imports every provided module, -passes times, interleaving the
// versions, then every module those loaded, and keeps each module's best self time.
func measureImports(pythons []python, passes int) ([]*importTable, error) {
	provided := machine.ProvidedModules()
	tables := make([]*importTable, len(pythons))
	for i, p := range pythons {
		tables[i] = &importTable{py: p, self: map[string]float64{}, loads: map[string][]string{}}
	}
	keep := func(t *importTable, s importSample) {
		t.runs++
		for mod, us := range s.self {
			if old, ok := t.self[mod]; !ok || us < old {
				t.self[mod] = us
			}
		}
	}
	for pass := 0; pass < passes; pass++ {
		fmt.Fprintf(os.Stderr, "imports: pass %d of %d (load %s)\n", pass+1, passes, loadAvg())
		for _, t := range tables {
			for _, name := range provided {
				s, ok, err := timeImport(t.py, name)
				if err != nil {
					return nil, err
				}
				if !ok {
					continue
				}
				keep(t, s)
				if _, seen := t.loads[name]; !seen {
					t.loads[name] = loadsOf(t.py, name, s.names)
				}
			}
			// Every module a provided one loads is imported alone too: its best
			// self time comes from more samples than one.
			for _, mod := range t.sortedSelf() {
				if slices.Contains(provided, mod) {
					continue
				}
				s, ok, err := timeImport(t.py, mod)
				if err != nil {
					return nil, err
				}
				if ok {
					keep(t, s)
				}
			}
		}
	}
	return tables, nil
}

// loadsOf is what importing name loaded besides name itself (2.7's spelling of it).
func loadsOf(p python, name string, names []string) []string {
	own := name
	if r, ok := renames27[name]; ok && p.Version == "2.7" {
		own = r
	}
	var out []string
	for _, n := range names {
		if n != own {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return out
}

func (t *importTable) sortedSelf() []string {
	var names []string
	for n := range t.self {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// selfOf is name's self time, under its own spelling in 2.7.
func (t *importTable) selfOf(name string) float64 {
	if r, ok := renames27[name]; ok && t.py.Version == "2.7" {
		return t.self[r]
	}
	return t.self[name]
}

// inclusive is what importing name in a fresh interpreter costs, in µs.
func (t *importTable) inclusive(name string) (float64, bool) {
	loads, ok := t.loads[name]
	if !ok {
		return 0, false
	}
	us := t.selfOf(name)
	for _, m := range loads {
		us += t.self[m]
	}
	return us, true
}

// writeImportTable writes imports_cpythonNNN.go.
func writeImportTable(dir string, h *host, passes int, t *importTable) error {
	var b bytes.Buffer
	how := importMethod(h, passes, t)
	v := strings.ReplaceAll(t.py.Version, ".", "")
	fmt.Fprintf(&b, "// Code generated by tools/calibrate -imports; DO NOT EDIT.\n\n")
	fmt.Fprintf(&b, "// CPython %s measured on %s, %s: %s.\n\n", t.py.Full, h.Machine, h.Date, how)
	fmt.Fprintf(&b, "package machine\n\nvar importsCPython%s = ImportCosts{\n", v)
	fmt.Fprintf(&b, "\tInterpreter: %q,\n\tMachine: %q,\n\tDate: %q,\n\tMethod: %q,\n",
		"CPython "+t.py.Full, h.Machine, h.Date, how)
	fmt.Fprintf(&b, "\tSelf: map[string]float64{ // µs\n")
	provided := machine.ProvidedModules()
	for _, n := range t.sortedSelf() {
		fmt.Fprintf(&b, "\t\t%q: %s,\n", n, strconv.FormatFloat(t.self[n], 'f', -1, 64))
	}
	for _, n := range provided {
		// A module 2.7 spells otherwise is entered under gilscope's name too.
		if r, ok := renames27[n]; ok && t.py.Version == "2.7" {
			if _, ok := t.loads[n]; ok {
				fmt.Fprintf(&b, "\t\t%q: %s,\n", n, strconv.FormatFloat(t.self[r], 'f', -1, 64))
			}
		}
	}
	fmt.Fprintf(&b, "\t},\n\tLoads: map[string][]string{\n")
	for _, n := range provided {
		loads, ok := t.loads[n]
		if !ok {
			continue
		}
		var q []string
		for _, l := range loads {
			q = append(q, strconv.Quote(l))
		}
		fmt.Fprintf(&b, "\t\t%q: {%s},\n", n, strings.Join(q, ", "))
	}
	fmt.Fprintf(&b, "\t},\n}\n")
	src, err := format.Source(b.Bytes())
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "imports_cpython"+v+".go"), src, 0o644)
}

func importMethod(h *host, passes int, t *importTable) string {
	return fmt.Sprintf("-X importtime's self time of each module (2.7: a wrapped __import__), "+
		"the best of %d fresh interpreters importing it alone or among another's imports (%d runs in all), "+
		"one-minute load average %s to %s", passes, t.runs, h.LoadBefore, h.LoadEnd)
}

// importsSection is the "Imports" section of the report: the whole cost of a fresh
// import of the modules programs import most.
func importsSection(h *host, passes int, tables []*importTable) string {
	var b strings.Builder
	b.WriteString(importsHeading + "\n\n")
	b.WriteString("Written by `go run ./tools/calibrate -imports`: what a first import costs, per version\n")
	b.WriteString("(vm/machine/imports_cpython*.go; [models.md](models.md), \"Imports\"). Each table holds each\n")
	b.WriteString("module's self time and what a fresh interpreter loads with each module gilscope provides;\n")
	b.WriteString("below, the sum of the two: a module's cost when nothing it loads was loaded yet (ms).\n\n")
	fmt.Fprintf(&b, "- Machine: %s\n- Date: %s\n- Method: %s\n\n", h.Machine, h.Date, importMethod(h, passes, tables[0]))
	b.WriteString("| module |")
	for _, t := range tables {
		fmt.Fprintf(&b, " %s |", t.py.Full)
	}
	b.WriteString("\n|---|")
	for range tables {
		b.WriteString("---:|")
	}
	b.WriteString("\n")
	for _, n := range machine.ProvidedModules() {
		fmt.Fprintf(&b, "| `%s` |", n)
		for _, t := range tables {
			if us, ok := t.inclusive(n); ok {
				fmt.Fprintf(&b, " %.3g |", math.Max(us, 0)/1000)
			} else {
				b.WriteString(" — |")
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}

const importsHeading = "## Imports"

// replaceImportsSection puts section in place of the report's "Imports" section.
func replaceImportsSection(report, section string) string {
	if i := strings.Index(report, "\n"+importsHeading+"\n"); i >= 0 {
		report = report[:i]
	}
	report = strings.TrimRight(report, "\n") + "\n"
	return report + "\n" + section
}

// keptImportsSection is the "Imports" section of an existing report, "" if none:
// refitting the prices keeps it.
func keptImportsSection(path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	if i := strings.Index(string(b), "\n"+importsHeading+"\n"); i >= 0 {
		return string(b[i+1:])
	}
	return ""
}

// runImports is -imports: measure, write the tables and the report's section.
func runImports(cfg config) error {
	h := describeHost()
	pythons, err := findPythons(cfg.pyenv, cfg.versions)
	if err != nil {
		return err
	}
	tables, err := measureImports(pythons, cfg.passes)
	if err != nil {
		return err
	}
	h.finish()
	sec := importsSection(h, cfg.passes, tables)
	fmt.Print(sec)
	if cfg.dryRun {
		return nil
	}
	for _, t := range tables {
		if err := writeImportTable(cfg.outDir, h, cfg.passes, t); err != nil {
			return err
		}
	}
	rep, err := os.ReadFile(cfg.report)
	if err != nil {
		return err
	}
	return os.WriteFile(cfg.report, []byte(replaceImportsSection(string(rep), sec)), 0o644)
}
