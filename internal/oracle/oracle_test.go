package oracle

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteReadRoundTrip(t *testing.T) {
	tests := []struct {
		desc string
		r    Result
	}{
		{"empty outputs", Result{Exit: 0}},
		{"a traceback", Result{"a\nb\n", "Traceback (most recent call last):\nValueError: x\n", 1}},
		{"dashes that are not a header", Result{"-- x\n--\n- a -\n", "x -- y --\n", 2}},
		{"a line framed as a header of no section", Result{"-- scheduled --\n-- stdout\n", "-- exits --\n", 0}},
	}
	for _, tt := range tests {
		file := filepath.Join(t.TempDir(), "x.py.txtar")
		if err := Write(file, "comment", tt.r); err != nil {
			t.Fatalf("%s: %v", tt.desc, err)
		}
		got, err := Read(file)
		if err != nil || got != tt.r {
			t.Errorf("%s: read %+v, %v; want %+v", tt.desc, got, err, tt.r)
		}
	}
}

func TestWriteRefusesWhatItCannotStore(t *testing.T) {
	for _, r := range []Result{
		{Stdout: "no newline"},
		{Stderr: "a\n-- exit --\n"},
	} {
		if err := Write(filepath.Join(t.TempDir(), "x.txtar"), "", r); err == nil {
			t.Errorf("%+v: written, want an error", r)
		}
	}
}

func TestNormalize(t *testing.T) {
	got := Normalize(`  File "/home/a/gilscope/vm/testdata/x.py", line 1`, "/home/a/gilscope/")
	if want := `  File ".../vm/testdata/x.py", line 1`; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if strings.Contains(Normalize("/home/a/gilscopex/y", "/home/a/gilscope"), "...") {
		t.Error("a sibling directory was taken for the root")
	}
}

// fakePython writes an executable that answers describe's question as a given
// interpreter would.
func fakePython(t *testing.T, impl, version string) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "python3")
	script := "#!/bin/sh\nprintf '%s\\n%s\\n/opt/python\\n' " + impl + " " + version + "\n"
	if err := os.WriteFile(file, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return file
}

func TestOnlyCPython312IsAccepted(t *testing.T) {
	tests := []struct {
		impl, version string
		ok            bool
	}{
		{"cpython", "3.12.1", true},
		{"cpython", "3.12.11", true},
		{"cpython", "3.11.7", false},
		{"cpython", "3.13.0", false},
		{"cpython", "3.1.2", false},
		{"pypy", "3.12.0", false},
	}
	for _, tt := range tests {
		python := fakePython(t, tt.impl, tt.version)
		if _, err := Check(python); (err == nil) != tt.ok {
			t.Errorf("%s %s: Check error %v, want accepted: %v", tt.impl, tt.version, err, tt.ok)
		}
		got, err := Find(python)
		if (err == nil) != tt.ok || (tt.ok && got != python) {
			t.Errorf("%s %s: Find gives %q, %v; want it only if accepted", tt.impl, tt.version, got, err)
		}
	}
}
