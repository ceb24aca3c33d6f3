// Compile time against source size: BenchmarkCompileSize times Compile on sources of
// growing size for each shape that once made it quadratic or worse, and
// TestCompileLinear checks, without timing, that its allocations grow linearly.
// TestLongChainsRun runs such sources.

package vm

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/gilscope/gilscope/vm/py"
)

// sizeShapes are sources built to about n bytes. Some are refused (too deeply
// nested): what is measured then is the time to the error, refused.
var sizeShapes = []struct {
	name    string
	src     func(n int) string
	refused string // the error of the 64 KB source, if it is refused
}{
	{"sum", func(n int) string { return "x = 1" + strings.Repeat("+1", (n-5)/2) + "\n" }, ""},
	{"attributes", func(n int) string { return "x = a" + strings.Repeat(".b", (n-5)/2) + "\n" }, ""},
	{"calls", func(n int) string { return "x = f" + strings.Repeat("()", (n-5)/2) + "\n" }, ""},
	{"subscripts", func(n int) string { return "x = x" + strings.Repeat("[0]", (n-5)/3) + "\n" }, ""},
	{"parens", func(n int) string {
		k := (n - 5) / 2
		return "x = " + strings.Repeat("(", k) + "1" + strings.Repeat(")", k) + "\n"
	}, "size.py:1:205: too many nested parentheses"},
	{"lists", func(n int) string {
		k := (n - 4) / 2
		return "x = " + strings.Repeat("[", k) + strings.Repeat("]", k) + "\n"
	}, "size.py:1:205: too many nested parentheses"},
	{"negations", func(n int) string {
		k := (n - 5) / 3
		return "x = " + strings.Repeat("-(", k) + "1" + strings.Repeat(")", k) + "\n"
	}, "size.py:1:406: too many nested parentheses"},
	{"nots", func(n int) string { return "x = " + strings.Repeat("not ", (n-5)/4) + "1\n" },
		"size.py:1:1205: too many nested expressions"},
	{"elifs", func(n int) string {
		return "if x:\n    pass\n" + strings.Repeat("elif x:\n    pass\n", (n-15)/17)
	}, ""},
	{"blocks", func(n int) string { return repeatTo(n, nestedBlocks(15)) }, ""},
	{"hexint", func(n int) string { return "x = 0x" + strings.Repeat("f", n-7) + "\n" }, ""},
	{"dotted", func(n int) string { return "import a" + strings.Repeat(".a", (n-9)/2) + "\n" }, ""},
	{"closures", func(n int) string {
		var b strings.Builder
		b.WriteString("def f():\n")
		for i := 0; b.Len() < n; i++ {
			fmt.Fprintf(&b, "    v%d = 0\n    g%d = lambda: v%d\n", i, i, i)
		}
		return b.String()
	}, ""},
	{"program", func(n int) string { return repeatTo(n, programChunk) }, ""},
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

// TestCompileLinear checks that compiling each shape allocates at most 1.5 times
// more per source byte at 64 KB than at 8 KB, and that refused shapes are refused
// with a located error: a measure of work that does not depend on timing.
func TestCompileLinear(t *testing.T) {
	for _, shape := range sizeShapes {
		small, large := shape.src(sizes[1]), shape.src(sizes[2])
		var err error
		mallocs0, bytes0 := allocated(func() { Compile("size.py", []byte(small)) })
		mallocs1, bytes1 := allocated(func() { _, err = Compile("size.py", []byte(large)) })
		if got := errorText(err); got != shape.refused {
			t.Errorf("%s: compiling 64 KB gave error %q, want %q", shape.name, got, shape.refused)
		}
		scale := 1.5 * float64(len(large)) / float64(len(small))
		if float64(mallocs1) > scale*float64(mallocs0) || float64(bytes1) > scale*float64(bytes0) {
			t.Errorf("%s: %d bytes allocated %d times for %d bytes of source, %d bytes %d times for %d: not linear",
				shape.name, bytes1, mallocs1, len(large), bytes0, mallocs0, len(small))
		}
	}
}

// allocated returns the allocations f makes: how many, and how many bytes.
func allocated(f func()) (mallocs, bytes uint64) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.Mallocs - before.Mallocs, after.TotalAlloc - before.TotalAlloc
}

func errorText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// TestLongChainsRun runs chains far longer than CPython compiles (it stops near
// 3000 with a RecursionError): they compile in loops, not by recursion.
func TestLongChainsRun(t *testing.T) {
	const n = 20000
	for _, test := range []struct{ desc, src, want string }{
		{"sum", "print(1" + strings.Repeat("+1", n) + ")\n", "20001\n"},
		{"attributes", "class C: pass\nc = C()\nc.c = c\nc.v = 7\nprint(c" + strings.Repeat(".c", n) + ".v)\n", "7\n"},
		{"calls", "def f(): return f\nprint(f" + strings.Repeat("()", n) + " is f)\n", "True\n"},
		{"methods", "class C:\n    def m(self): return self\nprint(C()" + strings.Repeat(".m()", n) + ".__class__.__name__)\n", "C\n"},
		{"subscripts", "x = []\nx.append(x)\nprint(x" + strings.Repeat("[0]", n) + " is x)\n", "True\n"},
		{"elifs", "x = 5000\nif x == 0: print(0)\n" + elifs(5000) + "else: print('none')\n", "5000\n"},
		{"comprehension", "print([1 " + strings.Repeat("for x in [0] ", n) + "])\n", "[1]\n"},
	} {
		var stdout, stderr strings.Builder
		code := RunMain("long.py", []byte(test.src), RunOptions{Config: py.DefaultConfig()}, &stdout, &stderr)
		if code != 0 || stdout.String() != test.want {
			t.Errorf("%s: exit %d, stdout %q, stderr %.200q; want %q", test.desc, code, stdout.String(), stderr.String(), test.want)
		}
	}
}

// elifs returns elif clauses printing i when x == i, for i from 1 to n.
func elifs(n int) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "elif x == %d: print(%d)\n", i, i)
	}
	return b.String()
}

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
