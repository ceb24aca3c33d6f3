// The standard library of CPython 3.12 as a parser and compiler corpus: with
// -stdlib, TestStdlibParse walks Lib/**/*.py of a CPython 3.12 install (pyenv's by
// default), parses and compiles every file CPython itself compiles, and reports how
// many gilscope accepts and which constructs it refuses, with counts. A refusal must
// be a located "gilscope does not support … yet"; any other error or a panic fails.
// It is opt-in because CI has no CPython.

package vm

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/gilscope/gilscope/internal/oracle"
	"github.com/gilscope/gilscope/vm/compile"
	"github.com/gilscope/gilscope/vm/syntax"
)

var stdlibParse = flag.Bool("stdlib", false, "parse and compile CPython "+oracle.Version+"'s Lib/**/*.py (needs CPython, see -cpython)")

// cpythonRefuses lists the files of lib that CPython itself does not compile (the
// test suite's deliberately bad files), asking the interpreter once.
func cpythonRefuses(t *testing.T, python, lib string) map[string]bool {
	const script = `import os, sys
root = sys.argv[1]
for d, _, fs in os.walk(root):
    for f in fs:
        if f.endswith('.py'):
            p = os.path.join(d, f)
            try:
                with open(p, 'rb') as fh:
                    compile(fh.read(), p, 'exec')
            except Exception:
                print(p)
`
	out, err := exec.Command(python, "-W", "ignore", "-c", script, lib).Output()
	if err != nil {
		t.Fatalf("%s: %v", python, err)
	}
	bad := map[string]bool{}
	for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if l != "" {
			bad[l] = true
		}
	}
	return bad
}

// parseCompile parses and compiles one file, turning a panic into an error.
func parseCompile(path string, src []byte) (err error, crashed bool) {
	defer func() {
		if r := recover(); r != nil {
			err, crashed = fmt.Errorf("panic: %v", r), true
		}
	}()
	m, err := syntax.Parse(path, src)
	if err != nil {
		return err, false
	}
	_, err = compile.Compile(m, src)
	return err, false
}

// refusalKind is a refusal's message with the names that vary between files
// removed, so refusals of one construct are counted together.
var refusalKind = regexp.MustCompile(`gilscope does not support (.*?)( yet)?$`)

func TestStdlibParse(t *testing.T) {
	if !*stdlibParse {
		t.Skip("opt-in: go test ./vm -run TestStdlibParse -stdlib")
	}
	python, err := oracle.Find(*cpython)
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(python, "-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])").Output()
	if err != nil {
		t.Fatal(err)
	}
	lib := strings.TrimSpace(string(out))
	bad := cpythonRefuses(t, python, lib)
	var files []string
	filepath.WalkDir(lib, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".py") && !bad[p] && !strings.Contains(p, "site-packages") {
			files = append(files, p)
		}
		return nil
	})
	sort.Strings(files)
	accepted := 0
	kinds := map[string]int{}
	var wrong []string
	for _, p := range files {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		err, crashed := parseCompile(p, src)
		if err == nil {
			accepted++
			continue
		}
		se, ok := err.(*syntax.Error)
		m := refusalKind.FindStringSubmatch(err.Error())
		if crashed || !ok || m == nil || se.Pos.Line == 0 {
			wrong = append(wrong, err.Error())
			continue
		}
		kinds[m[1]]++
	}
	t.Logf("CPython %s's Lib: %d files CPython compiles, %d accepted by gilscope (%.1f %%), %d refused", oracle.Version,
		len(files), accepted, 100*float64(accepted)/float64(len(files)), len(files)-accepted)
	type kc struct {
		kind  string
		count int
	}
	var list []kc
	for k, c := range kinds {
		list = append(list, kc{k, c})
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].count != list[j].count {
			return list[i].count > list[j].count
		}
		return list[i].kind < list[j].kind
	})
	for _, k := range list {
		t.Logf("%5d  %s", k.count, k.kind)
	}
	for _, w := range wrong {
		t.Errorf("not a located refusal: %s", w)
	}
}
