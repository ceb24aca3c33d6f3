package server

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// hostileDir holds the programs a hostile user pastes: each says on a
// comment line what must come of it ("# expect: RecursionError", a Python
// exception on stderr; "limit", the run stopped by a limit; "truncated",
// its output cut; "ok", it runs to its end).
const hostileDir = "../testdata/hostile"

var expectLine = regexp.MustCompile(`(?m)^# expect: (\S+)`)

// postRun posts a workload to /api/run and decodes the answer.
func postRun(url, src string, extra string) (int, runResponse, apiError, int, error) {
	body := fmt.Sprintf(`{"source": %q, "seed": 1%s}`, src, extra)
	resp, err := http.Post(url+"/api/run", "application/json", strings.NewReader(body))
	if err != nil {
		return 0, runResponse{}, apiError{}, 0, err
	}
	defer resp.Body.Close()
	data, err := readAll(resp)
	if err != nil {
		return 0, runResponse{}, apiError{}, 0, err
	}
	var ok runResponse
	var bad struct{ Error apiError }
	if resp.StatusCode == http.StatusOK {
		err = json.Unmarshal(data, &ok)
	} else {
		err = json.Unmarshal(data, &bad)
	}
	return resp.StatusCode, ok, bad.Error, len(data), err
}

func readAll(resp *http.Response) ([]byte, error) {
	var b bytes.Buffer
	_, err := b.ReadFrom(bufio.NewReader(resp.Body))
	return b.Bytes(), err
}

// servedMeanwhile runs a small program from another client while f runs,
// and fails unless it was answered in full.
func servedMeanwhile(t *testing.T, url string, f func()) {
	t.Helper()
	var wg sync.WaitGroup
	var status int
	var got runResponse
	var err error
	wg.Go(func() {
		time.Sleep(200 * time.Millisecond) // while the hostile run works
		status, got, _, _, err = postRun(url, countdown, "")
	})
	f()
	wg.Wait()
	if err != nil || status != http.StatusOK || got.Stdout != "done\n" {
		t.Errorf("the other client was not served: %d %q %v", status, got.Stdout, err)
	}
}

// TestHostilePrograms runs every program of testdata/hostile against a live
// server, through its worker processes: each ends with its clear error, a
// second client is served meanwhile, and the server goes on.
func TestHostilePrograms(t *testing.T) {
	if raceEnabled {
		t.Skip("runs to the limits of CPU time: too slow under the race detector; the plain run covers it")
	}
	if testing.Short() {
		t.Skip("the hostile programs run to their limits; skipped in -short mode")
	}
	files, _ := filepath.Glob(filepath.Join(hostileDir, "*.py"))
	if len(files) == 0 {
		t.Fatalf("no programs in %s", hostileDir)
	}
	s, _ := newTestServer(t)
	hs := httptest.NewServer(s.Handler())
	defer hs.Close()
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			m := expectLine.FindSubmatch(src)
			if m == nil {
				t.Fatalf("no '# expect: …' line")
			}
			want := string(m[1])
			servedMeanwhile(t, hs.URL, func() {
				start := time.Now()
				status, got, e, size, err := postRun(hs.URL, string(src), "")
				if err != nil {
					t.Fatal(err)
				}
				t.Logf("%d in %v, %d bytes: end %q, limit %q, error %+v", status, time.Since(start).Round(time.Millisecond),
					size, got.End, got.Limit, e)
				switch {
				case status != http.StatusOK:
					t.Errorf("status %d (%+v), want the run's answer", status, e)
				case want == "limit":
					if got.Limit == "" {
						t.Errorf("not stopped by a limit: end %q, stderr %.300q", got.End, got.Stderr)
					}
				case want == "truncated":
					if !strings.Contains(got.Stdout+got.Stderr, "output truncated") {
						t.Errorf("output not cut: %d bytes of stderr", len(got.Stderr))
					}
				case want == "ok":
					if got.ExitCode != 0 {
						t.Errorf("exit %d, stderr %.300q", got.ExitCode, got.Stderr)
					}
				case !strings.Contains(got.Stderr, want+":"):
					t.Errorf("stderr does not show %s:\n%.600s", want, got.Stderr)
				}
				if size > 4<<20 {
					t.Errorf("an answer of %d bytes", size)
				}
			})
		})
	}
	if status, got, _, _, err := postRun(hs.URL, countdown, ""); err != nil || status != http.StatusOK || got.ExitCode != 0 {
		t.Errorf("after the hostile programs: %d %+v %v", status, got, err)
	}
}

// TestHostileRequests covers what a hostile program does through the API
// rather than in Python: a huge answer, a huge compile.
func TestHostileRequests(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode")
	}
	s, _ := newTestServer(t)
	hs := httptest.NewServer(s.Handler())
	defer hs.Close()

	t.Run("events of a lock ping-pong", func(t *testing.T) {
		// 800,000 events: 87 MB of JSON once, held in the server's heap.
		src := "import threading\nlock = threading.Lock()\ndef f():\n    for i in range(200000):\n" +
			"        with lock:\n            pass\nts = [threading.Thread(target=f) for _ in range(2)]\n" +
			"for t in ts: t.start()\nfor t in ts: t.join()\n"
		servedMeanwhile(t, hs.URL, func() {
			status, got, _, size, err := postRun(hs.URL, src, `, "events": true`)
			if err != nil || status != http.StatusOK {
				t.Fatalf("%d %v", status, err)
			}
			if !strings.Contains(got.Limit, "the most an answer holds") || len(got.Events) != maxAnswerEvents || size > 16<<20 {
				t.Errorf("limit %q with %d events in %d bytes", got.Limit, len(got.Events), size)
			}
			// The simulator stopped the run at its bound: asked again, the
			// answer is the same.
			_, again, _, _, err := postRun(hs.URL, src, `, "events": true`)
			if err != nil || again.End != "max-events" || again.EndTime != got.EndTime || again.Stderr != got.Stderr ||
				!reflect.DeepEqual(again.Events, got.Events) {
				t.Errorf("asked again: end %q at %d, stderr %q; first: end %q at %d, stderr %q (err %v)",
					again.End, again.EndTime, again.Stderr, got.End, got.EndTime, got.Stderr, err)
			}
			// Without events, the statistics cover the whole run.
			status, got, _, size, err = postRun(hs.URL, src, "")
			if err != nil || status != http.StatusOK || got.Limit != "" || got.Stats == nil || got.Stats.GILAcquires == 0 || size > 64<<10 {
				t.Errorf("without events: %d %v, limit %q, %d bytes", status, err, got.Limit, size)
			}
		})
	})
	t.Run("a 64 KB expression", func(t *testing.T) {
		src := "x = 1" + strings.Repeat("+1", (maxSourceBytes-16)/2) + "\nprint(x)\n"
		servedMeanwhile(t, hs.URL, func() {
			start := time.Now()
			status, got, e, _, err := postRun(hs.URL, src, "")
			t.Logf("%d in %v: %q %+v", status, time.Since(start), got.Stdout, e)
			// Compiled in linear time: summed, or refused as CPython 3.12
			// refuses it (too deep for its compiler) — never cut off by the
			// CPU limit.
			summed := got.Stdout == fmt.Sprintln((maxSourceBytes-16)/2+1)
			refused := e.Kind == "syntax" || strings.Contains(got.Stderr, "RecursionError")
			if err != nil || !summed && !refused || got.Limit != "" {
				t.Errorf("%d %+v %v: stdout %q, limit %q, stderr %.300q", status, e, err, got.Stdout, got.Limit, got.Stderr)
			}
		})
	})
}
