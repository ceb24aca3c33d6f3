package machine

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// TestGoldenTraces runs each scenario of testdata/golden (NAME.txtar: a
// comment, main.py, then one section per model) under each model it names,
// seed 1, and compares the events with the section's, written one a line
// by goldenLine. A change to the simulator that moves any event shows as a
// diff a reviewer can read. -update rewrites the model sections.
func TestGoldenTraces(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "golden", "*.txtar"))
	if len(files) == 0 {
		t.Fatal("no golden traces in testdata/golden")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if len(ar.Files) < 2 || ar.Files[0].Name != "main.py" {
				t.Fatalf("%s: want main.py, then a section per model", file)
			}
			src := ar.Files[0].Data
			for i := 1; i < len(ar.Files); i++ {
				model := ar.Files[i].Name
				res, exit, err := goldenRun(src, model)
				if err != nil {
					t.Fatalf("%s: %v", model, err)
				}
				got, err := goldenText(res)
				if err != nil {
					t.Fatalf("%s: %v", model, err)
				}
				got += exit
				if *update {
					ar.Files[i].Data = []byte(got)
					continue
				}
				if want := string(ar.Files[i].Data); got != want {
					gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
					for j := range min(len(gl), len(wl)) {
						if gl[j] != wl[j] {
							t.Fatalf("%s, event %d differs (regenerate with -update if the change is meant):\n got  %s\n want %s", model, j+1, gl[j], wl[j])
						}
					}
					t.Fatalf("%s: %d events, want %d", model, len(gl)-1, len(wl)-1)
				}
			}
			if *update {
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

// goldenRun runs src under model, seed 1, and checks its event stream with
// the model's rules.
// goldenRun runs a golden scenario. A run that does not exit 0 (a use-after-free
// under nogil-unsafe ends as a segfault does) returns what it wrote to stderr, which
// the golden text ends with, so that such an end is part of what is compared.
func goldenRun(src []byte, model string) (*Result, string, error) {
	var out, errb bytes.Buffer
	res, err := Run("main.py", src, Options{Model: model, Seed: 1, RecordEvents: true}, &out, &errb)
	if err != nil {
		return nil, "", err
	}
	if err := Validate(res.Events, res.Cores, RulesFor(model)); err != nil {
		return nil, "", fmt.Errorf("invalid event stream: %v", err)
	}
	if res.ExitCode != 0 {
		return res, fmt.Sprintf("exit %d: %s\n", res.ExitCode, strings.Join(strings.Fields(errb.String()), " ")), nil
	}
	return res, "", nil
}

// goldenText writes a run's events one a line, in the order of their JSON
// form: the time in µs, then the thread, core, source line and instruction
// (T1 c0 L6 @17; a core of -1 is no core), the kind, and the kind's fields
// as name=value with values as JSON writes them. It is exact: two runs with
// the same text made the same events.
func goldenText(res *Result) (string, error) {
	var b, line bytes.Buffer
	if err := WriteEventsJSONL(&line, res); err != nil {
		return "", err
	}
	for _, raw := range bytes.Split(bytes.TrimSuffix(line.Bytes(), []byte("\n")), []byte("\n")) {
		s, err := goldenLine(raw)
		if err != nil {
			return "", err
		}
		b.WriteString(s)
		b.WriteByte('\n')
	}
	return b.String(), nil
}

// goldenLine turns one event's JSON object into its golden line.
func goldenLine(raw []byte) (string, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return "", fmt.Errorf("not an object: %s", raw)
	}
	fields := map[string]string{}
	var rest []string
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return "", err
		}
		key := tok.(string)
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return "", err
		}
		switch key {
		case "t", "thread", "core", "line", "pc", "kind", "code":
			fields[key] = string(v)
		default:
			rest = append(rest, key+"="+string(v))
		}
	}
	var ns int64
	fmt.Sscan(fields["t"], &ns)
	head := fmt.Sprintf("%12.3fµs T%s c%s L%s", float64(ns)/1e3, fields["thread"], fields["core"], fields["line"])
	if pc, ok := fields["pc"]; ok {
		head += " @" + pc
	}
	if code, ok := fields["code"]; ok {
		head += " code" + code
	}
	kind := strings.Trim(fields["kind"], `"`)
	return strings.TrimRight(head+" "+kind+" "+strings.Join(rest, " "), " "), nil
}
