// main_test.go tests the command line: dispatch, flags, exit codes, and
// serve started and stopped as main does it.

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gilscope/gilscope/internal/pgtest"
	"github.com/gilscope/gilscope/internal/store"
)

// TestMain makes the test binary gilscope itself when serve's worker pool
// starts it as "gilscope worker" (os.Executable is the test binary), rather
// than a second run of the tests, which would start workers of its own; and
// when a test starts it as "gilscope serve" (replicas_test.go).
func TestMain(m *testing.M) {
	if len(os.Args) > 1 && (os.Args[1] == "worker" || os.Args[1] == "serve") {
		main()
	}
	os.Exit(pgtest.Main(m))
}

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
		{"bad metrics address", []string{"serve", "-metrics-addr", "127.0.0.1:99999"}, exitError, "", "-metrics-addr"},
		{"store not PostgreSQL", []string{"serve", "-store", "mysql://u:secret@h/db"}, exitError, "", "-store: want a postgres:// or postgresql:// URL"},
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
	addr, _, stop := startServe(t, "-data", t.TempDir())
	resp, err := http.Get("http://" + addr + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("GET / = %d, want 200", resp.StatusCode)
	}
	stop()
}

// TestServePostgres runs "gilscope serve -store URL", shares a program, and
// finds it in the PostgreSQL database.
func TestServePostgres(t *testing.T) {
	url := pgtest.NewDatabase(t)
	unused := filepath.Join(t.TempDir(), "data")
	addr, _, stop := startServe(t, "-store", url, "-data", unused)
	resp, err := http.Post("http://"+addr+"/api/share", "application/json",
		strings.NewReader(`{"workload": {"source": "print('in postgres')"}}`))
	if err != nil {
		t.Fatal(err)
	}
	var share struct{ ID string }
	err = json.NewDecoder(resp.Body).Decode(&share)
	resp.Body.Close()
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("POST /api/share = %d, %v", resp.StatusCode, err)
	}
	stop()

	db, err := store.OpenPostgres(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if got, err := db.Get(context.Background(), share.ID); err != nil || !strings.Contains(string(got), "in postgres") {
		t.Errorf("the share in PostgreSQL: %q, %v", got, err)
	}
	if _, err := os.Stat(unused); err == nil {
		t.Errorf("-data was created although -store was given")
	}
}

// TestServeMetricsAddr runs "gilscope serve -metrics-addr": /metrics is
// served there, and no longer on the main address.
func TestServeMetricsAddr(t *testing.T) {
	addr, log, stop := startServe(t, "-data", t.TempDir(), "-metrics-addr", "127.0.0.1:0")
	metricsAddr := waitForLog(t, log, "serving metrics")
	for _, tt := range []struct {
		url        string
		wantStatus int
	}{
		{"http://" + metricsAddr + "/metrics", 200},
		{"http://" + addr + "/metrics", 404},
	} {
		resp, err := http.Get(tt.url)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tt.wantStatus {
			t.Errorf("GET %s = %d, want %d", tt.url, resp.StatusCode, tt.wantStatus)
		}
	}
	stop()
}

// startServe runs "gilscope serve" with args and a free loopback port, and
// returns its address, its log, and a function that cancels its context (as
// SIGINT does) and checks that it shuts down cleanly.
func startServe(t *testing.T, args ...string) (addr string, log *syncBuffer, stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	var stderr syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, append([]string{"serve", "-addr", "127.0.0.1:0"}, args...), new(bytes.Buffer), &stderr)
	}()
	addr = waitForLog(t, &stderr, "listening")
	return addr, &stderr, func() {
		t.Helper()
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
}

// waitForLog polls the server log for the line msg and returns its address.
// Its deadline only catches a server that never starts: start-up compresses
// every asset at brotli's best level, seconds of CPU on a loaded machine.
func waitForLog(t *testing.T, log *syncBuffer, msg string) string {
	t.Helper()
	re := regexp.MustCompile(`msg="?` + msg + `"? addr=(\S+)`)
	deadline := time.Now().Add(time.Minute)
	for time.Now().Before(deadline) {
		if m := re.FindStringSubmatch(log.String()); m != nil {
			return m[1]
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("server never logged its address:\n%s", log.String())
	return ""
}
