// main_test.go tests the command line: dispatch, flags, exit codes, and
// serve started and stopped as main does it.

package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"net/http"
	"regexp"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestRun(t *testing.T) {
	tests := []struct {
		desc       string
		args       []string
		wantCode   int
		wantStdout string // substring
		wantStderr string // substring
	}{
		{"version", []string{"version"}, exitOK, "gilscope ", ""},
		{"help", []string{"help"}, exitOK, "version    print the version", ""},
		{"-h", []string{"-h"}, exitOK, "Commands:", ""},
		{"--help", []string{"--help"}, exitOK, "Commands:", ""},
		{"serve -h", []string{"serve", "-h"}, exitOK, "-addr", ""},
		{"unknown command", []string{"frobnicate"}, exitUsage, "", `unknown command "frobnicate"`},
		{"unknown flag", []string{"serve", "-port", "1"}, exitUsage, "", "flag provided but not defined: -port"},
		{"unknown flag without command", []string{"-port", "1"}, exitUsage, "", "serve: flag provided but not defined"},
		{"stray argument", []string{"serve", "extra"}, exitUsage, "", `unexpected arguments ["extra"]`},
		{"version with argument", []string{"version", "x"}, exitUsage, "", "unexpected arguments"},
		{"help with argument", []string{"help", "x"}, exitUsage, "", "unexpected arguments"},
		{"bad listen address", []string{"serve", "-addr", "127.0.0.1:99999"}, exitError, "", "listen"},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := run(context.Background(), tt.args, &stdout, &stderr)
			code := exitCode(err, &stderr)
			if code != tt.wantCode {
				t.Errorf("exit code = %d, want %d (err %v)", code, tt.wantCode, err)
			}
			if !strings.Contains(stdout.String(), tt.wantStdout) {
				t.Errorf("stdout = %q, want it to contain %q", stdout.String(), tt.wantStdout)
			}
			if !strings.Contains(stderr.String(), tt.wantStderr) {
				t.Errorf("stderr = %q, want it to contain %q", stderr.String(), tt.wantStderr)
			}
		})
	}
}

func TestExitCode(t *testing.T) {
	tests := []struct {
		desc       string
		err        error
		want       int
		wantStderr string
	}{
		{"success", nil, exitOK, ""},
		{"help", flag.ErrHelp, exitOK, ""},
		{"usage", usageErrorf("bad"), exitUsage, "gilscope: bad\nRun 'gilscope help' for usage.\n"},
		{"wrapped usage", errors.Join(usageErrorf("bad")), exitUsage, "gilscope: bad\n"},
		{"failure", errors.New("disk on fire"), exitError, "gilscope: disk on fire\n"},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			var stderr bytes.Buffer
			if got := exitCode(tt.err, &stderr); got != tt.want {
				t.Errorf("exitCode = %d, want %d", got, tt.want)
			}
			if !strings.HasPrefix(stderr.String(), tt.wantStderr) || (tt.wantStderr == "" && stderr.Len() > 0) {
				t.Errorf("stderr = %q, want %q", stderr.String(), tt.wantStderr)
			}
		})
	}
}

func TestCommandTable(t *testing.T) {
	c := &cli{}
	seen := make(map[string]bool)
	for _, cmd := range c.commands() {
		if cmd.name == "" || cmd.help == "" || cmd.run == nil {
			t.Errorf("incomplete command %+v", cmd)
		}
		if strings.Contains(cmd.help, "\n") {
			t.Errorf("%s: help must be one line", cmd.name)
		}
		if seen[cmd.name] {
			t.Errorf("command %s listed twice", cmd.name)
		}
		seen[cmd.name] = true
	}
	if !seen[defaultCommand] {
		t.Errorf("default command %q is not in the table", defaultCommand)
	}
}

func TestVersionLine(t *testing.T) {
	tests := []struct {
		desc string
		info *debug.BuildInfo
		want string
	}{
		{"no build info", nil, "gilscope (unknown)"},
		{"devel build", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}}, "gilscope (devel) go1.26.8"},
		{"release with VCS", &debug.BuildInfo{
			GoVersion: "go1.26.8",
			Main:      debug.Module{Version: "v1.2.3"},
			Settings: []debug.BuildSetting{
				{Key: "vcs.revision", Value: "0123456789abcdef0123"},
				{Key: "vcs.modified", Value: "true"},
			},
		}, "gilscope v1.2.3 0123456789ab-dirty go1.26.8"},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			if got := versionLine(tt.info); got != tt.want {
				t.Errorf("versionLine = %q, want %q", got, tt.want)
			}
		})
	}
}

// syncBuffer is a bytes.Buffer safe for a logger writing from many goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestServeCommand runs "gilscope serve" as main does, fetches a page, and
// checks that canceling the context (as SIGINT does) shuts it down cleanly.
func TestServeCommand(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stderr syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve", "-addr", "127.0.0.1:0", "-data", t.TempDir()}, new(bytes.Buffer), &stderr)
	}()

	addr := waitForListen(t, &stderr)
	resp, err := http.Get("http://" + addr + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("GET / = %d, want 200", resp.StatusCode)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve returned %v after shutdown, want nil", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop after its context was canceled")
	}
	if !strings.Contains(stderr.String(), "shut down cleanly") {
		t.Errorf("log lacks the clean shutdown:\n%s", stderr.String())
	}
}

// waitForListen polls the server log for the address it listens on.
func waitForListen(t *testing.T, log *syncBuffer) string {
	t.Helper()
	re := regexp.MustCompile(`msg=listening addr=(\S+)`)
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if m := re.FindStringSubmatch(log.String()); m != nil {
			return m[1]
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("server never logged its address:\n%s", log.String())
	return ""
}
