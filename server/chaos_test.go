package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"math"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/gilscope/gilscope/internal/store"
	"github.com/gilscope/gilscope/static"
	"github.com/gorilla/websocket"
)

// chaosSessions is how many live sessions TestChaos runs at once.
const chaosSessions = 100

// TestChaos kills worker processes at random while 100 live sessions run
// and links are shared: every session completes or gets the internal
// error, the server never stops serving, no share is lost, and goroutines
// and workers return to their baseline.
func TestChaos(t *testing.T) {
	if raceEnabled {
		t.Skip("runs to the limits of CPU time: too slow under the race detector; the plain run covers it")
	}
	if testing.Short() {
		t.Skip("the chaos test takes a while; skipped in -short mode")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	pool, err := NewWorkerPool([]string{exe}, append(os.Environ(), "GILSCOPE_TEST_WORKER=1"), slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	s, err := New(Config{Logger: slog.New(slog.DiscardHandler), Static: static.FS(), Store: store.NewMemory(), Runner: pool})
	if err != nil {
		t.Fatal(err)
	}
	s.clients = newRateLimiter(math.Inf(1), 0)                 // every session comes from 127.0.0.1,
	s.runs = newRunSlots(maxConcurrentRuns, maxConcurrentRuns) // whose share of the slots is not the point here
	hs := httptest.NewServer(s.Handler())
	defer hs.Close()
	for pool.Stats().Idle < warmWorkers { // the baseline has every warm worker started
		time.Sleep(10 * time.Millisecond)
	}
	runtime.GC()
	baseline := runtime.NumGoroutine()

	stop := make(chan struct{})
	var kills atomic.Int64
	var killer sync.WaitGroup
	killer.Go(func() {
		rng := rand.New(rand.NewPCG(1, 2))
		for {
			select {
			case <-stop:
				return
			case <-time.After(time.Duration(10+rng.IntN(40)) * time.Millisecond):
			}
			if pids := pool.PIDs(); len(pids) > 0 {
				if syscall.Kill(pids[rng.IntN(len(pids))], syscall.SIGKILL) == nil {
					kills.Add(1)
				}
			}
		}
	})

	url := "ws" + strings.TrimPrefix(hs.URL, "http") + "/ws"
	var ended, internal atomic.Int64
	var sessions sync.WaitGroup
	errs := make(chan error, chaosSessions)
	for i := range chaosSessions {
		sessions.Go(func() {
			src := strings.Replace(countdown, "20000", fmt.Sprint(20000+500*i), 1)
			switch kind, err := chaosSession(url, src); {
			case err != nil:
				errs <- fmt.Errorf("session %d: %v", i, err)
			case kind == "end":
				ended.Add(1)
			case kind == "internal":
				internal.Add(1)
			default:
				errs <- fmt.Errorf("session %d ended with %q, want the end or an internal error", i, kind)
			}
		})
	}
	// Shares made meanwhile are all kept.
	var ids []string
	for i := range 50 {
		body := fmt.Sprintf(`{"workload": {"source": "print(%d)"}}`, i)
		resp, err := http.Post(hs.URL+"/api/share", "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatalf("share %d: %v", i, err)
		}
		var got shareResponse
		json.NewDecoder(resp.Body).Decode(&got)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("share %d: %s", i, resp.Status)
		}
		ids = append(ids, got.ID)
	}
	sessions.Wait()
	close(stop)
	killer.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	t.Logf("%d kills: %d sessions ended, %d got the internal error", kills.Load(), ended.Load(), internal.Load())
	if kills.Load() == 0 || internal.Load() == 0 {
		t.Errorf("no worker was killed during a run: the test tested nothing")
	}

	resp, err := http.Get(hs.URL + "/healthz")
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("after the chaos, /healthz: %v %v", resp, err)
	}
	resp.Body.Close()
	for _, id := range ids {
		resp, err := http.Get(hs.URL + "/api/share/" + id)
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Errorf("share %s lost: %v %v", id, resp, err)
		}
		resp.Body.Close()
	}
	// One more run, start to end, through a fresh worker.
	if kind, err := chaosSession(url, countdown); err != nil || kind != "end" {
		t.Errorf("a run after the chaos: %q, %v", kind, err)
	}
	hs.CloseClientConnections()
	http.DefaultClient.CloseIdleConnections() // the test's own keep-alive connection
	deadline := time.Now().Add(10 * time.Second)
	for ; time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		st := pool.Stats()
		if runtime.NumGoroutine() <= baseline && st.Live == warmWorkers && st.Idle == warmWorkers && s.runs.busy() == 0 {
			return
		}
	}
	buf := make([]byte, 1<<20)
	t.Errorf("after the sessions: %d goroutines (baseline %d), workers %+v, %d runs busy\n%s",
		runtime.NumGoroutine(), baseline, pool.Stats(), s.runs.busy(), buf[:runtime.Stack(buf, true)])
}

// chaosSession runs src to its end at full speed in a fresh session and
// returns how it ended: "end", or the kind of the error it got.
func chaosSession(url, src string) (string, error) {
	ws, _, err := websocket.DefaultDialer.Dial(url, nil)
	if err != nil {
		return "", err
	}
	defer ws.Close()
	run, _ := json.Marshal(map[string]any{"v": protocolVersion, "type": "run", "speed": 0, "resolution": 0,
		"workload": map[string]any{"source": src, "seed": 1}})
	if err := ws.WriteMessage(websocket.TextMessage, run); err != nil {
		return "", err
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	for ctx.Err() == nil {
		ws.SetReadDeadline(time.Now().Add(30 * time.Second))
		_, data, err := ws.ReadMessage()
		if err != nil {
			return "", err
		}
		if !bytes.Contains(data, []byte(`"type":"end"`)) && !bytes.Contains(data, []byte(`"type":"error"`)) {
			continue
		}
		var msg struct {
			Type  string   `json:"type"`
			Error apiError `json:"error"`
		}
		if err := json.Unmarshal(data, &msg); err != nil {
			return "", err
		}
		if msg.Type == "end" {
			return "end", nil
		}
		if msg.Error.Kind == "busy" { // the server is full: retry as told
			time.Sleep(time.Duration(msg.Error.RetryAfter * float64(time.Second)))
			if err := ws.WriteMessage(websocket.TextMessage, run); err != nil {
				return "", err
			}
			continue
		}
		return msg.Error.Kind, nil
	}
	return "", ctx.Err()
}
