package examples

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/gilscope/gilscope/vm/machine"
)

// tourRun is one finished run of a chapter's program.
type tourRun struct {
	res    *machine.Result
	stats  *machine.Stats
	stdout string
	stderr string
}

// tourRuns runs each (chapter, setup) once, however many claims ask for it.
type tourRuns struct {
	mu   sync.Mutex
	runs map[string]*tourRun
}

func (r *tourRuns) get(t *testing.T, c Chapter, s Setup) *tourRun {
	t.Helper()
	wl := c.Workload(s)
	key := fmt.Sprintf("%d %s %d %d %g", c.N, wl.Model, wl.Cores, wl.Seed, wl.SwitchInterval)
	r.mu.Lock()
	defer r.mu.Unlock()
	if run, ok := r.runs[key]; ok {
		return run
	}
	var out, errw strings.Builder
	opts := machine.Options{Model: wl.Model, Cores: wl.Cores, Seed: wl.Seed, SwitchInterval: wl.SwitchInterval,
		MaxTime: wl.MaxTime, RecordEvents: true}
	res, err := machine.Run(c.File, []byte(wl.Source), opts, &out, &errw)
	if err != nil {
		t.Fatalf("chapter %d under %+v: %v", c.N, wl, err)
	}
	if res.End == "max-time" {
		t.Fatalf("chapter %d under %s: the run reached max_time (%v s)\n%s", c.N, wl.Model, wl.MaxTime, errw.String())
	}
	run := &tourRun{res: res, stats: machine.ComputeStats(res), stdout: out.String(), stderr: errw.String()}
	r.runs[key] = run
	return run
}

// metric evaluates a claim's metric (see Claim) in run.
func (run *tourRun) metric(name string) (float64, error) {
	if a, b, ok := strings.Cut(name, "/"); ok {
		x, err := run.metric(a)
		if err != nil {
			return 0, err
		}
		y, err := run.metric(b)
		if err != nil {
			return 0, err
		}
		if y == 0 {
			return 0, fmt.Errorf("%s is 0", b)
		}
		return x / y, nil
	}
	kind, arg, _ := strings.Cut(name, ":")
	s := run.stats
	switch kind {
	case "out":
		for _, line := range strings.Split(run.stdout, "\n") {
			if v, ok := strings.CutPrefix(line, arg+" "); ok {
				return strconv.ParseFloat(strings.TrimSpace(v), 64)
			}
		}
		return 0, fmt.Errorf("no line %q in stdout:\n%s%s", arg+" …", run.stdout, run.stderr)
	case "end_ms":
		return float64(run.res.EndTime) / 1e6, nil
	case "exit_code":
		return float64(run.res.ExitCode), nil
	case "gil_switches":
		return float64(s.GILSwitches), nil
	case "drop_requests":
		return float64(s.DropRequests), nil
	case "forced_switches":
		return float64(s.ForcedSwitches), nil
	case "futile_wakeups":
		return float64(s.FutileWakeups), nil
	case "hold_p50_ms":
		return float64(s.Holds.P50) / 1e6, nil
	case "events", "freed", "blocked":
		n := 0
		for _, e := range run.res.Events {
			if kind == "events" && e.Kind.String() == arg || kind == "freed" && e.Kind == machine.EvFree && e.Free().Type == arg ||
				kind == "blocked" && e.Kind == machine.EvThreadState && e.StateChange().State == machine.StateBlocked && e.StateChange().Wait == arg {
				n++
			}
		}
		return float64(n), nil
	}
	return 0, fmt.Errorf("unknown metric %q", name)
}

// value is a claim's measured value: its metric, or the ratio to the Versus run's.
func (r *tourRuns) value(t *testing.T, c Chapter, cl Claim) (float64, error) {
	x, err := r.get(t, c, cl.Setup).metric(cl.Metric)
	if err != nil || cl.Versus == nil {
		return x, err
	}
	y, err := r.get(t, c, *cl.Versus).metric(cl.Metric)
	if err != nil {
		return 0, err
	}
	if y == 0 {
		return 0, fmt.Errorf("%s is 0 under %+v", cl.Metric, *cl.Versus)
	}
	return x / y, nil
}

// TestTourClaims runs every chapter's program under the setups its claims
// name and checks each claim, the slider answers and that the highlighted
// event happens in the chapter's run. It runs every chapter under several
// models, so the quick loop (-short) leaves it out.
func TestTourClaims(t *testing.T) {
	if testing.Short() {
		t.Skip("the tour's claims take a minute of simulation; skipped in -short mode")
	}
	runs := &tourRuns{runs: map[string]*tourRun{}}
	for _, c := range Tour() {
		t.Run(fmt.Sprintf("%02d", c.N), func(t *testing.T) {
			t.Parallel()
			for i, cl := range c.Claims {
				x, err := runs.value(t, c, cl)
				if err != nil {
					t.Errorf("claim %d %q: %v", i, cl.Text, err)
					continue
				}
				if !cl.Holds(x) {
					t.Errorf("claim %d %q: %s %s %v is false: the run gives %v", i, cl.Text, cl.Metric, cl.Op, cl.Value, x)
				} else {
					t.Logf("claim %d: %s = %.4g (%s %v)", i, cl.Metric, x, cl.Op, cl.Value)
				}
			}
			if sl := c.Question.Slider; sl != nil {
				x, err := runs.value(t, c, Claim{Metric: sl.Metric, Versus: sl.Versus})
				if err != nil {
					t.Errorf("slider: %v", err)
				} else if math.Abs(x-sl.Answer) > sl.Tolerance+1e-9 {
					t.Errorf("slider: the answer is %v ± %v, the run gives %v", sl.Answer, sl.Tolerance, x)
				}
			}
			if h := c.Highlight; !highlighted(runs.get(t, c, Setup{}).res.Events, h) {
				t.Errorf("the run has nothing to highlight for %+v", h)
			}
			for _, v := range c.TryNext {
				runs.get(t, c, v.Setup) // every variation runs to its end
			}
		})
	}
}

// highlighted reports whether events hold what h points at.
func highlighted(events []machine.Event, h Highlight) bool {
	names := map[int32]string{}
	for _, e := range events {
		if e.Kind == machine.EvThreadStart {
			names[e.Thread] = e.ThreadStart().Name
		}
		if h.Thread != "" && !strings.Contains(names[e.Thread], h.Thread) {
			continue
		}
		switch {
		case h.Kind == "span":
			if e.Kind == machine.EvThreadState && e.StateChange().State.String() == h.State && (h.Reason == "" || e.StateChange().Wait == h.Reason) {
				return true
			}
		case e.Kind.String() == h.Kind && strings.Contains(eventText(e), h.Text):
			return true
		}
	}
	return false
}

// TestTourData checks what the tests of claims do not: the shape of every
// chapter.
func TestTourData(t *testing.T) {
	have := existingModels()
	chs := Tour()
	if len(chs) != 11 {
		t.Errorf("%d chapters, want 11", len(chs))
	}
	ops := []string{">=", ">", "<=", "<", "=="}
	for _, c := range chs {
		where := fmt.Sprintf("chapter %d (%s)", c.N, c.Title)
		q := c.Question
		switch {
		case c.Title == "" || len(c.Text) == 0 || len(c.Why) == 0 || q.Prompt == "":
			t.Errorf("%s: a title, a text, a question and an explanation are required", where)
		case len(c.Claims) == 0 || len(q.Proof) == 0:
			t.Errorf("%s: no claim shows the answer", where)
		case q.Slider == nil && (len(q.Choices) < 2 || q.Answer < 0 || q.Answer >= len(q.Choices)):
			t.Errorf("%s: choices %q, answer %d", where, q.Choices, q.Answer)
		case q.Slider != nil && (q.Slider.Answer < q.Slider.Min || q.Slider.Answer > q.Slider.Max || q.Slider.Step <= 0):
			t.Errorf("%s: slider %+v", where, *q.Slider)
		case len(c.TryNext) == 0 || c.Highlight.Kind == "" || c.Highlight.Say == "":
			t.Errorf("%s: variations and a highlight are required", where)
		}
		for _, p := range q.Proof {
			if p < 0 || p >= len(c.Claims) {
				t.Errorf("%s: proof %d names no claim", where, p)
			}
		}
		models := []string{c.Setup.Model}
		for _, cl := range c.Claims {
			if !slices.Contains(ops, cl.Op) {
				t.Errorf("%s: claim %q: op %q", where, cl.Text, cl.Op)
			}
			models = append(models, cl.Setup.Model)
		}
		for _, v := range c.TryNext {
			if v.Label == "" || v.Question == "" {
				t.Errorf("%s: variation %+v", where, v)
			}
			models = append(models, v.Setup.Model)
		}
		for _, m := range models {
			if m != "" && !have[m] {
				t.Errorf("%s: unknown model %q", where, m)
			}
		}
	}
}

// TestTourRealFigures checks the figures the tour quotes against the
// fidelity data they were copied from.
func TestTourRealFigures(t *testing.T) {
	b, err := os.ReadFile("../vm/machine/testdata/fidelity/reference.json")
	if err != nil {
		t.Fatal(err)
	}
	var ref map[string]map[string]struct {
		Cores    int                  `json:"cores"`
		Measured map[string][]float64 `json:"measured"`
	}
	if err := json.Unmarshal(b, &ref); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range Tour() {
		for _, f := range c.Real {
			n++
			m, ok := ref[f.Script][f.Model]
			xs := slices.Clone(m.Measured[f.Name])
			if !ok || len(xs) == 0 {
				t.Errorf("chapter %d: %s %s %s is not in the fidelity data", c.N, f.Script, f.Model, f.Name)
				continue
			}
			sort.Float64s(xs)
			med := xs[len(xs)/2]
			if f.Median != med || len(f.Range) != 2 || f.Range[0] != xs[0] || f.Range[1] != xs[len(xs)-1] || f.Cores != m.Cores {
				t.Errorf("chapter %d: %s %s %s: quoted %v %v on %d cores, the data says %v %v on %d", c.N, f.Script, f.Model, f.Name,
					f.Median, f.Range, f.Cores, med, []float64{xs[0], xs[len(xs)-1]}, m.Cores)
			}
		}
	}
	if n < 5 {
		t.Errorf("%d real figures quoted, want at least 5", n)
	}
}

// eventText is what a hint's text is matched against: the words an event carries.
func eventText(e machine.Event) string {
	switch e.Kind {
	case machine.EvOutput:
		return e.Output().Text
	case machine.EvException:
		return e.Exception().Error
	case machine.EvEnd:
		return e.End().Cause
	case machine.EvDeadlock:
		return e.Deadlock().Note
	case machine.EvRefRace:
		return e.RefRace().Note
	case machine.EvThreadStart:
		return e.ThreadStart().Name
	case machine.EvAlloc:
		return e.Alloc().Type
	case machine.EvFree:
		return e.Free().Type
	}
	return ""
}
