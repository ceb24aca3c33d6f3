package main

import (
	"reflect"
	"strings"
	"testing"
)

// TestParseImportTime checks that the modules after the marker are read with their
// self times, the start-up's before it left out, and 2.7's unknown times (-1) kept
// as loaded without a time.
func TestParseImportTime(t *testing.T) {
	stderr := `import time: self [us] | cumulative | imported package
import time:       100 |        100 | site
--gilscope--
import time:        40 |         40 |     _heapq
import time:       250 |        290 |   heapq
import time:        -1 |         -1 | multiprocessing
import time:       700 |        990 | queue
`
	s, found := parseImportTime(stderr)
	if !found {
		t.Fatal("marker not found")
	}
	if want := []string{"_heapq", "heapq", "multiprocessing", "queue"}; !reflect.DeepEqual(s.names, want) {
		t.Errorf("names %v, want %v", s.names, want)
	}
	if want := map[string]float64{"_heapq": 40, "heapq": 250, "queue": 700}; !reflect.DeepEqual(s.self, want) {
		t.Errorf("self %v, want %v", s.self, want)
	}
	if _, found := parseImportTime("import time: 1 | 1 | site\n"); found {
		t.Error("found a marker where there is none")
	}
}

// TestImportsSectionKept checks that refitting the prices keeps the report's
// "Imports" section, and that -imports replaces only that section.
func TestImportsSectionKept(t *testing.T) {
	report := "# Calibration\n\nprices\n"
	withImports := replaceImportsSection(report, importsHeading+"\n\nold\n")
	if !strings.HasSuffix(withImports, "\n"+importsHeading+"\n\nold\n") || !strings.HasPrefix(withImports, report) {
		t.Fatalf("first section: %q", withImports)
	}
	again := replaceImportsSection(withImports, importsHeading+"\n\nnew\n")
	if again != report+"\n"+importsHeading+"\n\nnew\n" {
		t.Errorf("replaced: %q", again)
	}
}
