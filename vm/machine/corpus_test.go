// The corpus of real threaded programs (testdata/corpus at the repository's root):
// each, run on cpython-3.12 with the default machine, must exit as CPython 3.12
// did and print what it printed, compared the way the program's header says.

package machine

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gilscope/gilscope/internal/oracle"
)

// corpusPending are the corpus programs that fail for a reason being worked on
// elsewhere, with the reason: their differences are reported, not failed, and the
// test fails once one of them matches, so that its entry goes.
var corpusPending = map[string]string{}

// corpusSlow are the programs skipped under -short: they take seconds of real
// time to simulate.
var corpusSlow = map[string]bool{}

// corpusTolerance is how far a timing figure may be from CPython's, relative.
const corpusTolerance = 0.30

// corpusHeader is how a corpus program says its output is to be compared, in
// comment lines at its top:
//
//	# compare: exact | unordered | set   stdout as written, as a sorted multiset of
//	                                     lines, or as a set of distinct lines
//	# stderr: exact | unordered | set | ignore   the same for stderr (default: as stdout)
//	# mask: REGEXP                       matches are replaced by "…" before comparing
//	# timing: REGEXP                     one group captures a figure (seconds) that
//	                                     must be within 30 % of CPython's
type corpusHeader struct {
	source         string
	stdout, stderr string
	masks          []*regexp.Regexp
	timings        []*regexp.Regexp
}

// parseCorpusHeader reads the header of a corpus program: the comment lines at
// its top.
func parseCorpusHeader(src string) (corpusHeader, error) {
	h := corpusHeader{stdout: "exact"}
	for _, line := range strings.Split(src, "\n") {
		if !strings.HasPrefix(line, "#") {
			break
		}
		key, val, ok := strings.Cut(strings.TrimPrefix(line, "# "), ": ")
		if !ok {
			continue
		}
		switch key {
		case "source":
			h.source = val
		case "compare":
			h.stdout = val
		case "stderr":
			h.stderr = val
		case "mask", "timing":
			re, err := regexp.Compile("(?m)" + val)
			if err != nil {
				return h, fmt.Errorf("%s: %w", key, err)
			}
			if key == "mask" {
				h.masks = append(h.masks, re)
			} else {
				h.timings = append(h.timings, re)
			}
		}
	}
	if h.stderr == "" {
		h.stderr = h.stdout
	}
	for _, mode := range []string{h.stdout, h.stderr} {
		if !slices.Contains([]string{"exact", "unordered", "set", "ignore"}, mode) || h.stdout == "ignore" {
			return h, fmt.Errorf("unknown comparison %q", mode)
		}
	}
	if h.source == "" {
		return h, fmt.Errorf("no '# source:' line")
	}
	return h, nil
}

// figures returns the timing figures of out, in order.
func (h corpusHeader) figures(out string) []float64 {
	var fs []float64
	for _, re := range h.timings {
		for _, m := range re.FindAllStringSubmatch(out, -1) {
			if len(m) > 1 {
				f, _ := strconv.ParseFloat(m[1], 64)
				fs = append(fs, f)
			}
		}
	}
	return fs
}

// normalize masks out, and sorts or deduplicates its lines as mode says.
func (h corpusHeader) normalize(out, mode string) string {
	for _, re := range h.timings {
		out = maskGroup(re, out)
	}
	for _, re := range h.masks {
		out = re.ReplaceAllString(out, "…")
	}
	if mode == "exact" {
		return out
	}
	lines := strings.SplitAfter(out, "\n")
	if n := len(lines); n > 0 && !strings.HasSuffix(lines[n-1], "\n") {
		lines[n-1] += "\n" // a last line without its newline sorts like the others
	}
	slices.Sort(lines)
	if mode == "set" {
		lines = slices.Compact(lines)
	}
	return strings.Join(lines, "")
}

// maskGroup replaces the first group of each match of re in s by "…".
func maskGroup(re *regexp.Regexp, s string) string {
	var b strings.Builder
	last := 0
	for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
		if len(m) < 4 || m[2] < 0 {
			continue
		}
		b.WriteString(s[last:m[2]])
		b.WriteString("…")
		last = m[3]
	}
	b.WriteString(s[last:])
	return b.String()
}

// corpusDiffs compares what gilscope printed with what CPython printed.
func corpusDiffs(h corpusHeader, want, got oracle.Result) []string {
	var diffs []string
	if got.Exit != want.Exit {
		diffs = append(diffs, fmt.Sprintf("exit %d, CPython %d\nstderr:\n%s", got.Exit, want.Exit, got.Stderr))
	}
	if w, g := h.normalize(want.Stdout, h.stdout), h.normalize(got.Stdout, h.stdout); w != g {
		diffs = append(diffs, "stdout ("+h.stdout+") differs from CPython's\n"+lineDiff(w, g))
	}
	if h.stderr != "ignore" {
		if w, g := h.normalize(want.Stderr, h.stderr), h.normalize(got.Stderr, h.stderr); w != g {
			diffs = append(diffs, "stderr ("+h.stderr+") differs from CPython's\n"+lineDiff(w, g))
		}
	}
	wf, gf := h.figures(want.Stdout), h.figures(got.Stdout)
	switch {
	case len(wf) != len(gf):
		diffs = append(diffs, fmt.Sprintf("timings: %v, CPython %v", gf, wf))
	default:
		for i := range wf {
			if wf[i] <= 0 || gf[i]/wf[i] < 1-corpusTolerance || gf[i]/wf[i] > 1+corpusTolerance {
				diffs = append(diffs, fmt.Sprintf("timing %d: %g s, CPython %g s (more than %.0f %% apart)", i+1, gf[i], wf[i], 100*corpusTolerance))
			}
		}
	}
	return diffs
}

func TestCorpusMatchesCPython(t *testing.T) {
	oracle.Prepare(t, oracle.Options{Update: *update, CPython: *cpython})
	root, err := oracle.Root()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(root, "testdata", "corpus", "*.py"))
	if len(files) < 60 {
		t.Fatalf("%d programs in testdata/corpus, want at least 60", len(files))
	}
	var passed, pending, skipped atomic.Int32
	t.Cleanup(func() {
		t.Logf("corpus: %d of %d programs match CPython %s (%d expected to fail for now, %d skipped)",
			passed.Load(), len(files), oracle.Version, pending.Load(), skipped.Load())
	})
	for _, f := range files {
		name := filepath.Base(f)
		if testing.Short() && corpusSlow[name] {
			skipped.Add(1)
			continue
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			h, err := parseCorpusHeader(string(src))
			if err != nil {
				t.Fatalf("header: %v", err)
			}
			// Unbuffered, as in a terminal: a forked child would otherwise print
			// again what its parent had not flushed yet.
			want := oracle.Expected(t, f, oracle.Options{Update: *update, CPython: *cpython, Env: []string{"PYTHONUNBUFFERED=1"}})
			var out, errw strings.Builder
			r, err := runWithin(t, 120*time.Second, func() (*Result, error) {
				return Run(f, src, Options{Model: "cpython-3.12", Seed: 1}, &out, &errw)
			})
			if err != nil {
				t.Fatal(err)
			}
			got := oracle.Result{Stdout: oracle.Normalize(out.String(), root), Stderr: oracle.Normalize(errw.String(), root), Exit: r.ExitCode}
			diffs := corpusDiffs(h, want, got)
			why, isPending := corpusPending[name]
			switch {
			case isPending && len(diffs) == 0:
				t.Errorf("now matches CPython: remove it from corpusPending")
			case isPending:
				pending.Add(1)
				t.Logf("expected to fail for now (%s):\n%s", why, strings.Join(diffs, "\n"))
			case len(diffs) == 0:
				passed.Add(1)
			default:
				for _, d := range diffs {
					t.Error(d)
				}
			}
		})
	}
}

func TestCorpusHeader(t *testing.T) {
	tests := []struct {
		desc, src string
		want      string // an error, or ""
	}{
		{"a full header", "# source: x\n# compare: unordered\n# stderr: ignore\n# mask: \\d+\n# timing: in (\\d+) s\nprint()\n", ""},
		{"no source", "# compare: unordered\nprint()\n", "no '# source:' line"},
		{"an unknown mode", "# source: x\n# compare: sorted\n", `unknown comparison "sorted"`},
		{"stdout ignored", "# source: x\n# compare: ignore\n", `unknown comparison "ignore"`},
		{"a bad mask", "# source: x\n# mask: (\n", "mask: error parsing regexp: missing closing ): `(?m)(`"},
	}
	for _, tt := range tests {
		_, err := parseCorpusHeader(tt.src)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("%s: error %q, want %q", tt.desc, got, tt.want)
		}
	}
	h, _ := parseCorpusHeader("# source: x\n# compare: set\n# mask: ^\\d\\d:\\d\\d\n# timing: took ([0-9.]+)s\n")
	out := "12:01 b\n12:02 a\n12:03 b\ntook 1.5s"
	if got, want := h.normalize(out, "set"), "took …s\n… a\n… b\n"; got != want {
		t.Errorf("normalize: %q, want %q", got, want)
	}
	if got := h.figures(out); !slices.Equal(got, []float64{1.5}) {
		t.Errorf("figures: %v, want [1.5]", got)
	}
	want := oracle.Result{Stdout: "took 1.0s\n"}
	for _, tt := range []struct {
		got   string
		diffs int
	}{{"took 1.2s\n", 0}, {"took 0.8s\n", 0}, {"took 1.4s\n", 1}, {"took 0.6s\n", 1}, {"", 2}} {
		if d := corpusDiffs(h, want, oracle.Result{Stdout: tt.got}); len(d) != tt.diffs {
			t.Errorf("%q against %q: %d differences %v, want %d", tt.got, want.Stdout, len(d), d, tt.diffs)
		}
	}
}
