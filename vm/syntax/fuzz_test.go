package syntax

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzParse checks that Parse never panics or hangs, and that it returns
// either a tree whose spans lie within the input or an *Error located
// within the input. Besides the tests' programs, its seeds are long and
// deeply nested inputs (deepSeeds), so that mutations explore the limits.
func FuzzParse(f *testing.F) {
	for _, test := range parseTests {
		f.Add(test.src)
	}
	for _, test := range errorTests {
		f.Add(test.src)
	}
	for _, src := range deepSeeds() {
		f.Add(src)
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

// deepSeeds returns inputs of 10^4 to 10^5 bytes of each shape that is long or
// deeply nested: chains the parser builds in loops, and nestings it refuses.
func deepSeeds() []string {
	const n = 10000
	r := strings.Repeat
	var blocks strings.Builder
	for i := range 120 {
		blocks.WriteString(r(" ", i) + "if x:\n")
	}
	return []string{
		"x = 1" + r("+1", n),
		"x = a" + r(".b", n),
		"x = f" + r("()", n),
		"x = x" + r("[0]", n),
		"x = a" + r(".b(c)[d]", n),
		"x = " + r("(", 10*n) + "1" + r(")", 10*n),
		"x = " + r("[", 10*n) + r("]", 10*n),
		"x = " + r("{", 10*n) + r("}", 10*n),
		"x = " + r("-(", n) + "1" + r(")", n),
		"x = " + r("-", n) + "1",
		"x = " + r("not ", n) + "1",
		"x = " + r("lambda: ", n) + "1",
		"x = 1" + r(" if 1 else 1", n),
		"x = 2" + r(" ** 2", n),
		"x = 1" + r(" < 1", n),
		"x = 1" + r(" or 1", n),
		"if x: pass\n" + r("elif x: pass\n", n),
		blocks.String() + r(" ", 120) + "pass\n",
		"import a" + r(".a", n),
		"x = " + r("7", 4301),
		"x = 0x" + r("f", n),
		"x = [" + r("1, ", n) + "]",
		"x = [1 " + r("for x in y ", n) + "]",
		"with " + r("a, ", n) + "a: pass\n",
		r("f'{", 200) + "1" + r("}'", 200),
		"x = '" + r("a", 10*n) + "'",
	}
}
