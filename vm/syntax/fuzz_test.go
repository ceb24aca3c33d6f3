package syntax

import (
	"bytes"
	"testing"
)

// FuzzParse checks that Parse never panics or hangs, and that it returns
// either a tree whose spans lie within the input or an *Error located
// within the input.
func FuzzParse(f *testing.F) {
	for _, test := range parseTests {
		f.Add(test.src)
	}
	for _, test := range errorTests {
		f.Add(test.src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		mod, err := Parse("fuzz.py", []byte(src))
		if err != nil {
			e, ok := err.(*Error)
			if !ok {
				t.Fatalf("Parse(%q) returned %T, want *Error", src, err)
			}
			lines := int32(bytes.Count(normalizeNewlines([]byte(src)), []byte("\n")) + 1)
			if e.Pos.Line < 1 || e.Pos.Col < 1 || e.Pos.Line > lines+1 {
				t.Fatalf("Parse(%q): error %v is outside the input (%d lines)", src, e, lines)
			}
			if e.Msg == "" {
				t.Fatalf("Parse(%q): error without a message", src)
			}
			e.Pretty([]byte(src))
			return
		}
		if mod == nil {
			t.Fatalf("Parse(%q) returned neither a module nor an error", src)
		}
		Dump(mod)
		checkSpans(t, "fuzz", mod, src)
	})
}
