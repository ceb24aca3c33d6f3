package vm

import (
	"fmt"
	"io"
	"testing"

	"github.com/gilscope/gilscope/vm/py"
)

// TestGarbageIsFreed checks the reference counting end to end: a loop that builds and
// drops objects of every kind leaves no more live objects behind than one iteration
// makes, so every temporary was freed when its count reached zero.
func TestGarbageIsFreed(t *testing.T) {
	body := map[string]string{
		"ints and floats": "x = i * 1000003 + 0.5",
		"containers":      "x = [i, (i, str(i)), {i: [i]}, {i, i + 1}]",
		"instances":       "x = P(i); x.other = P(i + 1)",
		"closures":        "x = (lambda a: lambda: a + i)(i)()",
		"exceptions":      "try:\n        raise ValueError(i)\n    except ValueError as e:\n        x = str(e)",
		"comprehensions":  "x = {k: [k] for k in range(3)}",
		"string format":   "x = f'{i:>5}' + '%d' % i + '{}'.format(i)",
		"unnamed except":  "try:\n        raise ValueError(i)\n    except ValueError:\n        pass",
		"exception value": "e = ValueError(i)",
		"generators":      "x = [sum(k * i for k in range(3))] + next(iter(G(i)))",
		"suspended":       "g = G(i)\n    next(g)",
		"yield from":      "g = D(i)\n    next(g)\n    g.throw(KeyError(i))",
		"generator exit":  "g = G(i)\n    next(g)\n    g.close()\n    x = list(zip(G(i), map(str, G(i)), enumerate(G(i))))",
		"bytes and views": "b = bytearray(b'ab') * 3\n    b += bytes([i % 256])\n    m = memoryview(b)[::2]\n    v = memoryview(b)\n" +
			"    x = [m.tobytes(), b.split(b'a'), b'%d' % i, (i).to_bytes(4, 'big'), b.decode('latin-1')]\n    m.release()",
		"os errors":       "try:\n        raise OSError(2, 'x', str(i))\n    except OSError as e:\n        x = (str(e), e.errno, e.filename)",
		"bound methods":   "p = P(i)\n    x = {p.__init__: i, p.__init__: 0}",
		"send and return": "g = G(i)\n    next(g)\n    try:\n        g.send([i])\n        g.send(None)\n    except StopIteration as e:\n        x = e.value",
	}
	for desc, stmt := range body {
		t.Run(desc, func(t *testing.T) {
			live := func(n int) int64 {
				src := fmt.Sprintf("class P:\n    def __init__(self, v):\n        self.v = v\n"+
					"def G(v):\n    try:\n        got = yield [v]\n        yield (v, got)\n    finally:\n        x = [v]\n    return {v: got}\n"+
					"def D(v):\n    try:\n        yield from G(v)\n    except KeyError as e:\n        yield str(e)\n"+
					"for i in range(%d):\n    %s\n", n, stmt)
				prog, err := Compile("t.py", []byte(src))
				if err != nil {
					t.Fatal(err)
				}
				cfg := py.DefaultConfig()
				cfg.Debug = true
				in := py.NewInterp(prog, cfg, io.Discard, io.Discard)
				th, err := in.MainThread()
				if err != nil {
					t.Fatal(err)
				}
				if stop := th.Run(1 << 62); stop != py.StopDone || th.Exc != nil {
					t.Fatalf("stop %v, exception %v", stop, th.Exc)
				}
				return in.LiveObjects()
			}
			small, large := live(1000), live(2000)
			if large != small {
				t.Errorf("%s: live objects after 1000 iterations: %d, after 2000: %d; want equal (a leak)", desc, small, large)
			}
		})
	}
}
