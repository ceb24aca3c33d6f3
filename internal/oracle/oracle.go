// Package oracle is CPython 3.12 as the tests' oracle: it finds a 3.12
// interpreter, runs a script under it the way the tests do, and reads and
// writes what the interpreter printed as an expectation file committed next to
// the script, so that the default tests need no Python at all.
//
// An expectation file is a txtar archive (a comment, then sections that start
// with a "-- name --" line) with three sections: stdout, stderr and exit (the
// exit status as a decimal number). The absolute paths of the checkout and of
// the interpreter's installation are written as ".../" (see Normalize), so the
// files do not depend on where the repository is cloned or Python installed.
package oracle

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// Version is the CPython minor version the expectations are taken from.
const Version = "3.12"

// EnvVar names the environment variable that gives the CPython 3.12 to compare
// with live (the tests' -cpython flag overrides it).
const EnvVar = "GILSCOPE_CPYTHON"

// Result is what a script printed and how it exited.
type Result struct {
	Stdout, Stderr string
	Exit           int
}

// Check returns python's version ("3.12.1") and an error unless it is a
// CPython 3.12.
func Check(python string) (string, error) {
	in, err := describe(python)
	if err != nil {
		return "", err
	}
	if in.impl != "cpython" || !strings.HasPrefix(in.version, Version+".") {
		return in.version, fmt.Errorf("%s is %s %s: the expectations are CPython %s's, so only a %s may regenerate them or be compared with them",
			python, in.impl, in.version, Version, Version)
	}
	return in.version, nil
}

// interp is what describe learns of an interpreter.
type interp struct {
	impl, version string
	prefix        string // sys.base_prefix: its standard library is below
}

var described sync.Map // python path → interp

// describe asks python (once per test binary) what it is.
func describe(python string) (interp, error) {
	if in, ok := described.Load(python); ok {
		return in.(interp), nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, python, "-c",
		"import sys; print(sys.implementation.name); print('%d.%d.%d' % sys.version_info[:3]); print(sys.base_prefix)").Output()
	if err != nil {
		return interp{}, fmt.Errorf("%s: %w", python, err)
	}
	f := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	if len(f) != 3 {
		return interp{}, fmt.Errorf("%s: unexpected answer %q", python, out)
	}
	in := interp{f[0], f[1], f[2]}
	described.Store(python, in)
	return in, nil
}

// Find returns a CPython 3.12 to regenerate expectations with: the one named
// (see Named) if any, else the last in name order of
// ~/.pyenv/versions/3.12*/bin/python3, else python3.12 on PATH. It fails if the
// interpreter is not a 3.12.
func Find(explicit string) (string, error) {
	if p := Named(explicit); p != "" {
		_, err := Check(p)
		return p, err
	}
	var cands []string
	if home, err := os.UserHomeDir(); err == nil {
		cands, _ = filepath.Glob(filepath.Join(home, ".pyenv", "versions", Version+"*", "bin", "python3"))
		sort.Sort(sort.Reverse(sort.StringSlice(cands)))
	}
	if p, err := exec.LookPath("python" + Version); err == nil {
		cands = append(cands, p)
	}
	for _, c := range cands {
		if _, err := Check(c); err == nil {
			return c, nil
		}
	}
	return "", fmt.Errorf("no CPython %s found (tried -cpython, $%s, ~/.pyenv/versions/%s*/bin/python3, python%s on PATH)",
		Version, EnvVar, Version, Version)
}

// Named returns the interpreter asked for by name: explicit (a flag's value) if
// set, else $GILSCOPE_CPYTHON, else "".
func Named(explicit string) string {
	if explicit != "" {
		return explicit
	}
	return os.Getenv(EnvVar)
}

// Options say where Expected takes CPython's answer from.
type Options struct {
	Update  bool     // run CPython 3.12 (Find(CPython)) and rewrite the expectation file
	CPython string   // the tests' -cpython flag: the interpreter to update with or compare with live
	Env     []string // added to CPython's environment (PYTHONPATH …)
}

// resolved caches interpreter's answers: the flags are the same for every test
// of a binary, so each is resolved (and its version checked) once.
var resolved sync.Map // Options.Update, Options.CPython → resolution

type resolution struct {
	python string
	err    error
}

// interpreter returns the interpreter o asks for: a CPython 3.12 to rewrite the
// files with (Update), one to compare with live (named), or "" when the committed
// files are the answer.
func interpreter(o Options) (string, error) {
	type key struct {
		update  bool
		cpython string
	}
	k := key{o.Update, o.CPython}
	if r, ok := resolved.Load(k); ok {
		return r.(resolution).python, r.(resolution).err
	}
	var r resolution
	switch {
	case o.Update:
		r.python, r.err = Find(o.CPython)
	case Named(o.CPython) != "":
		r.python = Named(o.CPython)
		_, r.err = Check(r.python)
	}
	resolved.Store(k, r)
	return r.python, r.err
}

// Prepare resolves the interpreter o asks for, once per test binary, and fails t
// when there is none or it is not a 3.12. Call it in the parent test, so that the
// refusal is said once; it logs which interpreter the expectations come from.
func Prepare(t testing.TB, o Options) {
	t.Helper()
	python, err := interpreter(o)
	switch {
	case err != nil:
		t.Fatalf("%v (see docs/testing.md)", err)
	case python == "":
	case o.Update:
		t.Logf("rewriting the expectation files from %s", python)
	default:
		t.Logf("comparing with %s live", python)
	}
}

// Expected returns what CPython 3.12 prints for script (an absolute path, run
// from the current directory), normalised for the repository's root. By default it is
// read from script+".txtar". With o.Update it comes from running CPython 3.12,
// and the file is rewritten; the test fails if no 3.12 is found. With a live
// interpreter (o.CPython or $GILSCOPE_CPYTHON) it comes from running that
// interpreter, and the test fails if it differs from the committed file.
func Expected(t testing.TB, script string, o Options) Result {
	t.Helper()
	root, err := Root()
	if err != nil {
		t.Fatal(err)
	}
	file := script + ".txtar"
	python, err := interpreter(o)
	if err != nil {
		t.Fatalf("%v (see docs/testing.md)", err)
	}
	if python == "" {
		want, err := Read(file)
		if err != nil {
			t.Fatalf("%v (regenerate with -update; see docs/testing.md)", err)
		}
		return want
	}
	got, err := Run(python, "", script, root, o.Env...)
	if err != nil {
		t.Fatal(err)
	}
	rel, _ := filepath.Rel(root, script)
	if o.Update {
		comment := fmt.Sprintf("What CPython %s prints for %s (regenerate with go test -update).\n", Version, filepath.ToSlash(rel))
		if err := Write(file, comment, got); err != nil {
			t.Fatal(err)
		}
		return got
	}
	if want, err := Read(file); err != nil || want != got {
		t.Errorf("%s: %s differs from the committed %s: regenerate with -update", rel, python, filepath.Base(file))
	}
	return got
}

// Run runs script under python in dir, with PYTHONHASHSEED=0,
// PYTHONDONTWRITEBYTECODE=1 and env added to the environment, and returns what
// it printed, normalised for root and python's installation (see Normalize).
func Run(python, dir, script, root string, env ...string) (Result, error) {
	in, err := describe(python)
	if err != nil {
		return Result{}, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, python, script)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "PYTHONHASHSEED=0", "PYTHONDONTWRITEBYTECODE=1")
	cmd.Env = append(cmd.Env, env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err = cmd.Run()
	code := 0
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee) && ee.ExitCode() >= 0:
		code = ee.ExitCode()
	case err != nil:
		return Result{}, fmt.Errorf("%s %s: %w", python, script, err)
	}
	return Result{Normalize(out.String(), root, in.prefix), Normalize(errb.String(), root, in.prefix), code}, nil
}

// Normalize writes each absolute directory of dirs (the repository's root, the
// interpreter's installation) as "...", so that a traceback's
// `File ".../vm/testdata/errors/x.py"` or `File ".../lib/python3.12/queue.py"`
// reads the same in every clone and installation.
func Normalize(s string, dirs ...string) string {
	for _, d := range dirs {
		s = strings.ReplaceAll(s, filepath.Clean(d)+string(filepath.Separator), ".../")
	}
	return s
}

// Root returns the repository's root: the nearest directory at or above the
// current one that holds go.mod.
func Root() (string, error) {
	dir, err := filepath.Abs(".")
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("go.mod not found above the current directory")
		}
		dir = parent
	}
}

// sections are an expectation file's sections, in order.
var sections = []string{"stdout", "stderr", "exit"}

// Write stores r in file with comment as the archive's comment. It fails when
// r cannot be stored exactly: an output that does not end with a newline, or
// that has a line looking like a section header.
func Write(file, comment string, r Result) error {
	var b strings.Builder
	b.WriteString(comment)
	if comment != "" && !strings.HasSuffix(comment, "\n") {
		b.WriteString("\n")
	}
	for i, data := range []string{r.Stdout, r.Stderr, strconv.Itoa(r.Exit) + "\n"} {
		if data != "" && !strings.HasSuffix(data, "\n") {
			return fmt.Errorf("%s: %s does not end with a newline: it cannot be stored exactly", file, sections[i])
		}
		for _, line := range strings.SplitAfter(data, "\n") {
			if _, ok := header(line); ok {
				return fmt.Errorf("%s: %s has the line %q, which reads as a section header", file, sections[i], line)
			}
		}
		fmt.Fprintf(&b, "-- %s --\n%s", sections[i], data)
	}
	return os.WriteFile(file, []byte(b.String()), 0o644)
}

// Read loads an expectation file written by Write.
func Read(file string) (Result, error) {
	raw, err := os.ReadFile(file)
	if err != nil {
		return Result{}, err
	}
	got := map[string]*strings.Builder{}
	var order []string
	var cur *strings.Builder
	for _, line := range strings.SplitAfter(string(raw), "\n") {
		if name, ok := header(line); ok {
			cur = &strings.Builder{}
			got[name] = cur
			order = append(order, name)
			continue
		}
		if cur != nil {
			cur.WriteString(line)
		}
	}
	if strings.Join(order, " ") != strings.Join(sections, " ") {
		return Result{}, fmt.Errorf("%s: sections %v, want %v", file, order, sections)
	}
	exit, err := strconv.Atoi(strings.TrimSpace(got["exit"].String()))
	if err != nil {
		return Result{}, fmt.Errorf("%s: exit: %w", file, err)
	}
	return Result{got["stdout"].String(), got["stderr"].String(), exit}, nil
}

// header reports whether line is a section's header ("-- stdout --", "-- stderr --"
// or "-- exit --") and the section's name. Only these names are headers, so a
// program may print "-- scheduled --".
func header(line string) (string, bool) {
	l := strings.TrimSuffix(line, "\n")
	if !strings.HasPrefix(l, "-- ") || !strings.HasSuffix(l, " --") || len(l) < 7 {
		return "", false
	}
	name := strings.TrimSpace(l[3 : len(l)-3])
	return name, slices.Contains(sections, name)
}
