// api_test.go tests the HTTP API: /api/run, /api/share and the pages on a
// share, /api/examples and /metrics.

package server

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/gilscope/gilscope/examples"
	"github.com/gilscope/gilscope/internal/store"
	"github.com/gilscope/gilscope/static"
	"github.com/gilscope/gilscope/vm/machine"
)

// post sends a POST with a JSON body to h.
func post(h http.Handler, target, body string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(http.MethodPost, target, strings.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	return send(h, r)
}

// TestAPIRun checks the answers of POST /api/run.
func TestAPIRun(t *testing.T) {
	s, _ := newTestServer(t)
	h := s.Handler()
	big := strings.Repeat("#", maxSourceBytes+1)
	var nested strings.Builder
	for i := range 21 {
		nested.WriteString(strings.Repeat(" ", i) + "with a:\n")
	}
	nestedWith, _ := json.Marshal(nested.String() + strings.Repeat(" ", 21) + "pass\n")
	tests := []struct {
		desc       string
		body       string
		status     int
		wantInBody []string
	}{
		{"hello", `{"source": "print('hi')"}`, 200, []string{`"stdout":"hi\n"`, `"exit_code":0`, `"end":"exit"`, `"stats":{`}},
		{"events when asked", `{"source": "print('hi')", "events": true}`, 200, []string{`"events":[`, `"kind":"output"`}},
		{"no events unless asked", `{"source": "print('hi')"}`, 200, []string{`"stderr":""`}},
		{"an exception", `{"source": "1/0"}`, 200, []string{`"exit_code":1`, `ZeroDivisionError`}},
		{"a syntax error", `{"source": "x = (\n"}`, 400, []string{`"line":1`, `"col":`, `"message":"SyntaxError: `}},
		{"a compiler error", `{"source": ` + string(nestedWith) + `}`, 400,
			[]string{`"line":21`, `"col":21`, `"message":"SyntaxError: too many statically nested blocks"`}},
		{"a 64 KB chain", `{"source": "print(1` + strings.Repeat("+1", 32000) + `)"}`, 200, []string{`"stdout":"32001\n"`}},
		{"an unknown model", `{"source": "", "model": "cpython-1.0"}`, 400, []string{`unknown model`}},
		{"too many cores", `{"source": "", "cores": 65}`, 400, []string{`cores must be`}},
		{"too long a run", `{"source": "", "max_time": 121}`, 400, []string{`max_time must be`}},
		{"malformed JSON", `{"source": `, 400, []string{`malformed JSON`}},
		{"an unknown field", `{"src": ""}`, 400, []string{`unknown field`}},
		{"a key in another case", `{"Source": "print(1)"}`, 400, []string{`unknown field \"Source\"`}},
		{"null", `null`, 400, []string{`want an object`}},
		{"a source over the limit", `{"source": "` + big + `"}`, 413, []string{`the limit is 64 KB`}},
		{"a body over the limit", `{"source": "` + strings.Repeat("x", maxBodyBytes) + `"}`, 413, []string{`larger than`}},
		{"an infinite loop", `{"source": "while True:\n    pass\n", "max_time": 0.01}`, 200, []string{`"end":"max-time"`, `limit of 0.01 s`}},
		{"a thread bomb", `{"source": "import threading, time\nwhile True:\n    threading.Thread(target=time.sleep, args=(10,)).start()\n"}`, 200, []string{`can't start new thread`}},
		{"a huge list", `{"source": "x = [0] * 10**9"}`, 200, []string{`MemoryError`}},
		{"deep recursion", `{"source": "def f(n):\n    return f(n+1)\nf(0)\n"}`, 200, []string{`RecursionError`}},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			w := post(h, "/api/run", tt.body)
			if w.Code != tt.status {
				t.Errorf("status %d, want %d; body %.300s", w.Code, tt.status, w.Body)
			}
			for _, want := range tt.wantInBody {
				if !strings.Contains(w.Body.String(), want) {
					t.Errorf("body lacks %q: %.400s", want, w.Body)
				}
			}
		})
	}
}

// TestAPIRunCPULimit checks that a run over the host CPU limit returns what
// it produced, with the reason.
func TestAPIRunCPULimit(t *testing.T) {
	if raceEnabled {
		// A worker built with the race detector spends more than the limit
		// compiling the library, and is killed before it can report.
		t.Skip("a 100 ms CPU limit is too short under the race detector")
	}
	s, _ := newTestServer(t)
	s.cpuLimit = 100 * time.Millisecond
	w := post(s.Handler(), "/api/run", `{"source": "print('before')\nwhile True:\n    pass\n"}`)
	var resp runResponse
	if err := json.Unmarshal(w.Body.Bytes(), &resp); err != nil || w.Code != 200 {
		t.Fatalf("status %d, %v: %s", w.Code, err, w.Body)
	}
	if resp.Stdout != "before\n" || resp.End != "stopped" || !strings.Contains(resp.Limit, "CPU") || resp.Stats == nil {
		t.Errorf("answer %+v, want the output so far, end stopped and the CPU limit", resp)
	}
}

// TestAPIRunBusy checks that a run finding no free slot is refused with a
// retry hint.
func TestAPIRunBusy(t *testing.T) {
	s, _ := newTestServer(t)
	for range maxConcurrentRuns {
		s.runs.acquire(context.Background(), 0)
	}
	r := httptest.NewRequest(http.MethodPost, "/api/run", strings.NewReader(`{"source": ""}`))
	ctx, cancel := context.WithTimeout(r.Context(), 50*time.Millisecond)
	defer cancel()
	w := httptest.NewRecorder()
	s.failBusy(w, s.runs.acquire(ctx, 10*time.Millisecond))
	if w.Code != http.StatusServiceUnavailable || w.Header().Get("Retry-After") == "" || !strings.Contains(w.Body.String(), `"kind":"busy"`) {
		t.Errorf("busy answer: %d %v %s", w.Code, w.Header(), w.Body)
	}
}

// TestAPIRateLimit checks that one address is slowed down after its burst.
func TestAPIRateLimit(t *testing.T) {
	s, _ := newTestServer(t)
	s.clients = newRateLimiter(0.001, 3)
	for i := range 5 {
		w := post(s.Handler(), "/api/run", `{"source": ""}`)
		if want := i >= 3; (w.Code == http.StatusTooManyRequests) != want {
			t.Errorf("request %d: status %d", i, w.Code)
		}
	}
}

// TestShare shares a workload, gets it back, opens its pages.
func TestShare(t *testing.T) {
	s, _ := newTestServer(t)
	h := s.Handler()
	body := `{"workload": {"source": "print(1)", "seed": 3}, "view": {"t": 1000, "zoom": 10}}`
	w := post(h, "/api/share", body)
	var got shareResponse
	if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil || w.Code != 200 {
		t.Fatalf("share: %d %v %s", w.Code, err, w.Body)
	}
	if len(got.ID) != shareIDLen || !validShareID(got.ID) || got.URL != "http://example.com/s/"+got.ID {
		t.Errorf("share answer %+v", got)
	}
	if again := post(h, "/api/share", body); !strings.Contains(again.Body.String(), got.ID) {
		t.Errorf("the same workload got another id: %s", again.Body)
	}
	explicit := `{"workload": {"source": "print(1)", "seed": 3, "model": "cpython-3.12", "cores": 2}, "view": {"t": 1000, "zoom": 10}}`
	if again := post(h, "/api/share", explicit); !strings.Contains(again.Body.String(), got.ID) {
		t.Errorf("the workload with its defaults spelled out got another id: %s", again.Body)
	}
	if other := post(h, "/api/share", `{"workload": {"source": "print(2)"}}`); strings.Contains(other.Body.String(), got.ID) {
		t.Errorf("another workload got the same id")
	}

	w = get(h, "/api/share/"+got.ID, "")
	var rec shareRecord
	if err := json.Unmarshal(w.Body.Bytes(), &rec); err != nil || w.Code != 200 {
		t.Fatalf("get share: %d %v %s", w.Code, err, w.Body)
	}
	if rec.Workload.Source != "print(1)" || rec.Workload.Seed != 3 || rec.View.T != 1000 || rec.Simulator != machine.SimulatorVersion || rec.Created == "" {
		t.Errorf("stored record %+v", rec)
	}

	page := get(h, "/s/"+got.ID, browserAccept)
	if page.Code != 200 || !strings.Contains(page.Body.String(), "data-initial=") || !strings.Contains(page.Body.String(), got.ID) {
		t.Errorf("/s/%s: %d %.300s", got.ID, page.Code, page.Body)
	}
	if page.Header().Get("X-Frame-Options") != "DENY" {
		t.Errorf("/s/ may be framed")
	}
	embed := get(h, "/embed/"+got.ID, browserAccept)
	if embed.Code != 200 || embed.Header().Get("X-Frame-Options") != "" ||
		!strings.Contains(embed.Header().Get("Content-Security-Policy"), "frame-ancestors *") {
		t.Errorf("/embed/: %d, headers %v", embed.Code, embed.Header())
	}

	for _, empty := range []string{`null`, `{}`, `{"workload": null}`, `{"view": {"t": 1}}`} {
		if w := post(h, "/api/share", empty); w.Code != 400 || !strings.Contains(w.Body.String(), `"kind":"request"`) {
			t.Errorf("share %s: %d %s, want 400", empty, w.Code, w.Body)
		}
	}
	for _, bad := range []string{`{"t": -1}`, `{"compare": "cpython-9"}`} {
		if w := post(h, "/api/share", `{"workload": {"source": "print(1)"}, "view": `+bad+`}`); w.Code != 400 {
			t.Errorf("view %s: status %d, want 400", bad, w.Code)
		}
	}
	w = post(h, "/api/share", `{"workload": {"source": "print(1)"}, "view": {"compare": "cpython-3.13t"}}`)
	if w.Code != 200 {
		t.Errorf("a comparison's view: %d %s", w.Code, w.Body)
	}

	for _, path := range []string{"/api/share/0000000000", "/api/share/nope", "/s/0000000000", "/embed/ILOU"} {
		if w := get(h, path, browserAccept); w.Code != 404 {
			t.Errorf("%s: status %d, want 404", path, w.Code)
		}
	}
}

// TestShareIDsReadLoosely checks that ids are found whatever the case of
// their letters, and with the letters Crockford's base32 reads as digits.
func TestShareIDsReadLoosely(t *testing.T) {
	s, _ := newTestServer(t)
	const id = "0a1b2c3d4e"
	rec := `{"workload": {"source": "pass", "model": "cpython-3.12", "cores": 2}, "simulator": "` + machine.SimulatorVersion + `"}`
	if err := s.store.Put(context.Background(), id, []byte(rec)); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path   string
		status int
	}{
		{"/api/share/" + id, 200},
		{"/api/share/0A1B2C3D4E", 200},
		{"/api/share/oaLb2c3d4e", 200},
		{"/api/share/OAIB2C3D4E", 200},
		{"/s/0A1B2C3D4E", 200},
		{"/embed/0A1b2C3d4E", 200},
		{"/api/share/0a1b2c3d4u", 404},
	}
	for _, tt := range tests {
		w := get(s.Handler(), tt.path, browserAccept)
		if w.Code != tt.status {
			t.Errorf("%s: %d, want %d", tt.path, w.Code, tt.status)
		}
		if strings.HasPrefix(tt.path, "/s/") && !strings.Contains(w.Body.String(), id) {
			t.Errorf("%s: the page does not carry the id as made: %.300s", tt.path, w.Body)
		}
	}
}

// TestShareStale checks that a link made by another simulator says so.
func TestShareStale(t *testing.T) {
	s, _ := newTestServer(t)
	rec := `{"workload":{"source":"print(1)","model":"cpython-3.12","cores":2,"seed":0},"simulator":"sim0-ev0"}`
	s.store.Put(context.Background(), "abcdefghjk", []byte(rec))
	page := get(s.Handler(), "/s/abcdefghjk", browserAccept)
	if !strings.Contains(page.Body.String(), "stale") {
		t.Errorf("an old link's page does not say it is stale: %.500s", page.Body)
	}
}

// TestExamples checks that the gallery is served whole.
func TestExamples(t *testing.T) {
	s, _ := newTestServer(t)
	w := get(s.Handler(), "/api/examples", "")
	var got []examples.Example
	if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil || w.Code != 200 {
		t.Fatalf("%d %v", w.Code, err)
	}
	if len(got) != len(examples.All()) || len(got) == 0 || got[0].Workload.Source == "" {
		t.Errorf("got %d examples, want %d", len(got), len(examples.All()))
	}
}

// TestMetrics checks that runs and errors are counted.
func TestMetrics(t *testing.T) {
	s, _ := newTestServer(t)
	h := s.Handler()
	post(h, "/api/run", `{"source": "print(1)"}`)
	post(h, "/api/run", `{"source": "(("}`)
	w := get(h, "/metrics", "")
	for _, want := range []string{
		`gilscope_runs_total{end="exit",kind="api"} 1`, // the client library sorts labels
		`gilscope_errors_total{kind="syntax"} 1`,
		"gilscope_sessions_active 0",
		"gilscope_workers_live ",
		"gilscope_workers_crashed_total 0",
		`gilscope_run_duration_seconds_count 1`,
		"# TYPE gilscope_run_duration_seconds histogram",
		"go_goroutines ",
		"process_cpu_seconds_total ",
	} {
		if !strings.Contains(w.Body.String(), want) {
			t.Errorf("metrics lack %q:\n%s", want, w.Body)
		}
	}
	// print(1) runs a handful of instructions, the main thread's start-up more.
	m := regexp.MustCompile(`(?m)^gilscope_simulated_instructions_total (\d+)$`).FindStringSubmatch(w.Body.String())
	if m == nil || m[1] == "0" {
		t.Errorf("no simulated instructions counted:\n%s", w.Body)
	}
}

// TestShareSurvivesRestart shares on a server over a bolt file, closes it,
// and finds the link on a new server over the same directory.
func TestShareSurvivesRestart(t *testing.T) {
	dir := t.TempDir()
	open := func() (*Server, *store.Bolt) {
		db, err := store.OpenBolt(dir)
		if err != nil {
			t.Fatal(err)
		}
		s, err := New(Config{Logger: slog.New(slog.DiscardHandler), Static: static.FS(), Store: db})
		if err != nil {
			t.Fatal(err)
		}
		return s, db
	}
	s, db := open()
	w := post(s.Handler(), "/api/share", `{"workload": {"source": "print('kept')"}}`)
	var got shareResponse
	json.Unmarshal(w.Body.Bytes(), &got)
	db.Close()

	s, db = open()
	defer db.Close()
	if w := get(s.Handler(), "/api/share/"+got.ID, ""); w.Code != 200 || !strings.Contains(w.Body.String(), "kept") {
		t.Errorf("after a restart: %d %s", w.Code, w.Body)
	}
}

// TestSeparateMetrics checks that with Config.SeparateMetrics /metrics is
// served only by ServeMetrics, on its own listener.
func TestSeparateMetrics(t *testing.T) {
	s, err := New(Config{Logger: slog.New(slog.DiscardHandler), Static: static.FS(), Store: store.NewMemory(),
		SeparateMetrics: true})
	if err != nil {
		t.Fatal(err)
	}
	if w := get(s.Handler(), "/metrics", ""); w.Code != http.StatusNotFound {
		t.Errorf("main handler: GET /metrics = %d, want 404", w.Code)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.ServeMetrics(ctx, ln) }()
	base := "http://" + ln.Addr().String()
	for _, tt := range []struct {
		path       string
		wantStatus int
	}{
		{"/metrics", http.StatusOK},
		{"/", http.StatusNotFound},
	} {
		res, err := http.Get(base + tt.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != tt.wantStatus {
			t.Errorf("metrics listener: GET %s = %d, want %d", tt.path, res.StatusCode, tt.wantStatus)
		}
		if tt.wantStatus == 200 && !strings.Contains(string(body), "gilscope_sessions_active 0") {
			t.Errorf("metrics listener: GET %s lacks the server's gauges:\n%s", tt.path, body)
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("ServeMetrics after cancel = %v, want nil", err)
	}
}
