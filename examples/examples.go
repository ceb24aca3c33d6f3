// Package examples holds the curated workloads of the examples gallery. Each is a
// Python file under gallery/ that also runs unchanged under CPython (with the
// gilscope.py shim beside it), opened by a header of comment lines:
//
//	# title: CPU-bound threads don't help
//	# models: cpython-3.12 cpython-3.13t
//	# cores: 2
//	# seed: 1
//	# switch_interval: 0.005   (optional, seconds)
//	# max_time: 5              (optional, seconds)
//	# order: 10                (position in the gallery)
//	# expect_exit: 1           (optional: the exit statuses a run may end with; default 0)
//	# output: varies           (optional: stdout depends on timing, so it may differ
//	#                           from python3's; default: the same as python3's)
//	#
//	# A paragraph on what to look for, in as many comment lines as it needs.
//
// The first model listed is the one the workload opens with.
package examples

import (
	"embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
)

//go:embed gallery/*.py
var galleryFS embed.FS

// Workload is what a run needs besides the simulator: the same fields as the
// server's JSON workload.
type Workload struct {
	Source         string  `json:"source"`
	Model          string  `json:"model"`
	Cores          int     `json:"cores"`
	Seed           int64   `json:"seed"`
	SwitchInterval float64 `json:"switch_interval,omitempty"`
	MaxTime        float64 `json:"max_time,omitempty"`
}

// Example is one workload of the gallery.
type Example struct {
	ID          string   `json:"id"` // the file name without .py
	Title       string   `json:"title"`
	Description string   `json:"description"`
	Models      []string `json:"models"` // the models to try; the first is the workload's
	Order       int      `json:"-"`
	Workload    Workload `json:"workload"`
	// ExpectExit lists the exit statuses a run may end with ({0} unless the header
	// says otherwise: the deadlock example reports its deadlock with status 1).
	ExpectExit []int `json:"-"`
	// OutputVaries says the program's stdout depends on timing or on the model (it
	// prints measurements), so it need not match python3's.
	OutputVaries bool `json:"-"`
}

var (
	once sync.Once
	all  []Example
	err  error
)

// All returns the gallery in order. It panics if a file's header is malformed (a
// test checks every file), so a broken example cannot ship.
func All() []Example {
	once.Do(func() { all, err = load() })
	if err != nil {
		panic(err)
	}
	return all
}

// Lookup returns the example with the given id.
func Lookup(id string) (Example, bool) {
	for _, e := range All() {
		if e.ID == id {
			return e, true
		}
	}
	return Example{}, false
}

func load() ([]Example, error) {
	entries, err := galleryFS.ReadDir("gallery")
	if err != nil {
		return nil, err
	}
	var out []Example
	for _, e := range entries {
		src, err := galleryFS.ReadFile("gallery/" + e.Name())
		if err != nil {
			return nil, err
		}
		ex, err := parse(strings.TrimSuffix(e.Name(), ".py"), string(src))
		if err != nil {
			return nil, fmt.Errorf("examples/gallery/%s: %w", e.Name(), err)
		}
		out = append(out, ex)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Order < out[j].Order })
	return out, nil
}

// parse reads an example's header.
func parse(id, src string) (Example, error) {
	ex := Example{ID: id, Workload: Workload{Source: src, Cores: 2}}
	var para []string
	for _, line := range strings.Split(src, "\n") {
		if !strings.HasPrefix(line, "#") {
			break
		}
		text := strings.TrimSpace(strings.TrimPrefix(line, "#"))
		key, val, ok := strings.Cut(text, ":")
		if !ok || len(para) > 0 || strings.ContainsAny(key, " \t") {
			if text != "" || len(para) > 0 {
				para = append(para, text)
			}
			continue
		}
		val = strings.TrimSpace(val)
		var err error
		switch key {
		case "title":
			ex.Title = val
		case "models":
			ex.Models = strings.Fields(val)
		case "cores":
			ex.Workload.Cores, err = strconv.Atoi(val)
		case "seed":
			ex.Workload.Seed, err = strconv.ParseInt(val, 10, 64)
		case "switch_interval":
			ex.Workload.SwitchInterval, err = strconv.ParseFloat(val, 64)
		case "max_time":
			ex.Workload.MaxTime, err = strconv.ParseFloat(val, 64)
		case "order":
			ex.Order, err = strconv.Atoi(val)
		case "expect_exit":
			ex.ExpectExit = nil
			for _, f := range strings.Fields(val) {
				var code int
				if code, err = strconv.Atoi(f); err != nil {
					break
				}
				ex.ExpectExit = append(ex.ExpectExit, code)
			}
		case "output":
			switch val {
			case "varies":
				ex.OutputVaries = true
			case "exact":
				ex.OutputVaries = false
			default:
				err = fmt.Errorf("want varies or exact, got %q", val)
			}
		default:
			para = append(para, text)
			continue
		}
		if err != nil {
			return ex, fmt.Errorf("%s: %w", key, err)
		}
	}
	ex.Description = strings.TrimSpace(strings.Join(para, " "))
	switch {
	case ex.Title == "":
		return ex, fmt.Errorf("no title")
	case len(ex.Models) == 0:
		return ex, fmt.Errorf("no models")
	case ex.Description == "":
		return ex, fmt.Errorf("no description")
	}
	if len(ex.ExpectExit) == 0 {
		ex.ExpectExit = []int{0}
	}
	ex.Workload.Model = ex.Models[0]
	return ex, nil
}
