package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestRunCommand(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		desc, src  string
		wantCode   int
		wantStdout string
		wantStderr string
	}{
		{"prints like CPython", "print(1 + 2, 'x', [1.5])\n", 0, "3 x [1.5]\n", ""},
		{"uncaught exception exits 1 with a traceback", "def f():\n    return 1 / 0\nf()\n", 1, "",
			"ZeroDivisionError: division by zero\n"},
		{"syntax error exits 2", "x = = 1\n", 2, "", "SyntaxError: invalid syntax\n"},
		{"unsupported construct is named", "async def g():\n    pass\n", 2, "", "`async`"},
		{"sys.exit code", "import sys\nsys.exit(3)\n", 3, "", ""},
	}
	for i, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			file := filepath.Join(dir, "prog"+string(rune('a'+i))+".py")
			if err := os.WriteFile(file, []byte(tt.src), 0o644); err != nil {
				t.Fatal(err)
			}
			var out, errb bytes.Buffer
			err := run(context.Background(), []string{"run", file}, &out, &errb)
			if code := exitCode(err, &errb); code != tt.wantCode {
				t.Errorf("exit code %d, want %d (stderr %q)", code, tt.wantCode, errb.String())
			}
			if out.String() != tt.wantStdout {
				t.Errorf("stdout %q, want %q", out.String(), tt.wantStdout)
			}
			if !strings.Contains(errb.String(), tt.wantStderr) {
				t.Errorf("stderr %q does not contain %q", errb.String(), tt.wantStderr)
			}
		})
	}
}

func TestRunCommandUsage(t *testing.T) {
	var out, errb bytes.Buffer
	err := run(context.Background(), []string{"run"}, &out, &errb)
	if code := exitCode(err, &errb); code != 2 {
		t.Errorf("run without a file: exit %d, want 2", code)
	}
}

// TestRunStopsOnSignal checks that "gilscope run" of an endless program
// stops at SIGINT or SIGTERM, says so, and exits as a shell reports a
// process killed by the signal.
func TestRunStopsOnSignal(t *testing.T) {
	file := filepath.Join(t.TempDir(), "loop.py")
	if err := os.WriteFile(file, []byte("while True:\n    pass\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		sig  syscall.Signal
		want int
	}{
		{syscall.SIGINT, 130},
		{syscall.SIGTERM, 143},
	}
	for _, tt := range tests {
		ctx, stop := signalContext()
		time.AfterFunc(200*time.Millisecond, func() { syscall.Kill(os.Getpid(), tt.sig) })
		var out, errb bytes.Buffer
		err := run(ctx, []string{"run", file}, &out, &errb)
		stop()
		if code := exitCode(err, &errb); code != tt.want || !strings.Contains(errb.String(), "signal received") {
			t.Errorf("%v: exit %d, stderr %q; want %d and the signal named", tt.sig, code, errb.String(), tt.want)
		}
	}
}
