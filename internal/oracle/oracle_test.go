package oracle

import (
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
