// Compile time against source size: BenchmarkCompileSize times Compile on sources of
// growing size for each shape that once made it quadratic or worse, and
// TestCompileLinear checks, without timing, that its allocations grow linearly.

package vm

import (
	"fmt"
	"strings"
	"testing"
)

// sizeShapes are sources built to about n bytes. Some are refused (too deeply
// nested): what is measured then is the time to the error.
var sizeShapes = []struct {
	name string
	src  func(n int) string
}{
	{"sum", func(n int) string { return "x = 1" + strings.Repeat("+1", (n-5)/2) + "\n" }},
	{"attributes", func(n int) string { return "x = a" + strings.Repeat(".b", (n-5)/2) + "\n" }},
	{"calls", func(n int) string { return "x = f" + strings.Repeat("()", (n-5)/2) + "\n" }},
	{"subscripts", func(n int) string { return "x = x" + strings.Repeat("[0]", (n-5)/3) + "\n" }},
	{"parens", func(n int) string {
		k := (n - 5) / 2
		return "x = " + strings.Repeat("(", k) + "1" + strings.Repeat(")", k) + "\n"
	}},
	{"lists", func(n int) string {
		k := (n - 4) / 2
		return "x = " + strings.Repeat("[", k) + strings.Repeat("]", k) + "\n"
	}},
	{"negations", func(n int) string {
		k := (n - 5) / 3
		return "x = " + strings.Repeat("-(", k) + "1" + strings.Repeat(")", k) + "\n"
	}},
	{"nots", func(n int) string { return "x = " + strings.Repeat("not ", (n-5)/4) + "1\n" }},
	{"elifs", func(n int) string {
		return "if x:\n    pass\n" + strings.Repeat("elif x:\n    pass\n", (n-15)/17)
	}},
	{"blocks", func(n int) string { return repeatTo(n, nestedBlocks(15)) }},
	{"dotted", func(n int) string { return "import a" + strings.Repeat(".a", (n-9)/2) + "\n" }},
	{"closures", func(n int) string {
		var b strings.Builder
		b.WriteString("def f():\n")
		for i := 0; b.Len() < n; i++ {
			fmt.Fprintf(&b, "    v%d = 0\n    g%d = lambda: v%d\n", i, i, i)
		}
		return b.String()
	}},
	{"program", func(n int) string { return repeatTo(n, programChunk) }},
}

// nestedBlocks returns depth nested if statements around an assignment.
func nestedBlocks(depth int) string {
	var b strings.Builder
	for i := 0; i < depth; i++ {
		fmt.Fprintf(&b, "%sif x:\n", strings.Repeat(" ", i))
	}
	fmt.Fprintf(&b, "%sy = x\n", strings.Repeat(" ", depth))
	return b.String()
}

// programChunk is ordinary code: a class, closures, loops, comprehensions,
// f-strings, with and exception handling.
const programChunk = `class Counter(Base):
    def __init__(self, lock, n=0):
        self.lock, self.n = lock, n

    def add(self, *items, scale=1):
        with self.lock:
            for i, x in enumerate(items):
                while x > 0 and i not in self.seen:
                    x -= self.step(i) or 1
                self.n += x * scale
        return {k: [v ** 2 for v in range(k)] for k in items if k % 3}

    def report(self):
        try:
            return f"{self.n!r:>8} {self.items[1:-1]}"
        except (KeyError, IndexError) as e:
            raise ValueError(str(e)) from None
        finally:
            self.done = lambda: self.n
`

// repeatTo repeats chunk up to about n bytes (at least once).
func repeatTo(n int, chunk string) string {
	return strings.Repeat(chunk, max(1, n/len(chunk)))
}

var sizes = []int{1 << 10, 8 << 10, 64 << 10}

// BenchmarkCompileSize reports ns per source byte for each shape and size: the
// figure stays flat across sizes when compiling is linear.
func BenchmarkCompileSize(b *testing.B) {
	for _, shape := range sizeShapes {
		for _, n := range sizes {
			src := []byte(shape.src(n))
			b.Run(fmt.Sprintf("%s/%dKB", shape.name, n>>10), func(b *testing.B) {
				for b.Loop() {
					Compile("size.py", src)
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(src)), "ns/B")
			})
		}
	}
}
