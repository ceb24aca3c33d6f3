// replicas_test.go starts two server processes on loopback against one
// PostgreSQL database, as replicas behind a load balancer: a share made on
// one opens on the other, and a browser on one follows a presenter on the
// other.

package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/gorilla/websocket"

	"github.com/gilscope/gilscope/examples"
	"github.com/gilscope/gilscope/internal/browsertest"
	"github.com/gilscope/gilscope/internal/pgtest"
)

// startReplica runs "gilscope serve -store url" as a process of its own (the
// test binary, which TestMain makes gilscope) and returns its address.
func startReplica(t *testing.T, dbURL string) string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "serve", "-addr", "127.0.0.1:0", "-store", dbURL, "-data", t.TempDir())
	var stderr syncBuffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			cmd.Process.Kill()
			<-done
		}
	})
	re := regexp.MustCompile(`msg=listening addr=(\S+)`)
	for deadline := time.Now().Add(90 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if m := re.FindStringSubmatch(stderr.String()); m != nil {
			return m[1]
		}
	}
	t.Fatalf("the replica never said where it listens:\n%s", stderr.String())
	return ""
}

// TestReplicas runs the two replicas.
func TestReplicas(t *testing.T) {
	dbURL := pgtest.NewDatabase(t)
	a, b := startReplica(t, dbURL), startReplica(t, dbURL)

	// A share made on A opens on B.
	resp, err := http.Post("http://"+a+"/api/share", "application/json",
		strings.NewReader(`{"workload": {"source": "print('from replica A')"}}`))
	if err != nil {
		t.Fatal(err)
	}
	var share struct{ ID string }
	json.NewDecoder(resp.Body).Decode(&share)
	resp.Body.Close()
	if share.ID == "" {
		t.Fatalf("sharing on A: %d", resp.StatusCode)
	}
	resp, err = http.Get("http://" + b + "/api/share/" + share.ID)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "from replica A") {
		t.Fatalf("B answered the share made on A: %d %s", resp.StatusCode, body)
	}

	// A presenter on A, a browser on B.
	ws, _, err := websocket.DefaultDialer.Dial("ws://"+a+"/ws/room", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	read := func(typ string) map[string]any {
		t.Helper()
		for {
			ws.SetReadDeadline(time.Now().Add(30 * time.Second))
			var m map[string]any
			if err := ws.ReadJSON(&m); err != nil {
				t.Fatalf("presenter: %v", err)
			}
			if m["type"] == typ {
				return m
			}
		}
	}
	set := func(state map[string]any) {
		t.Helper()
		if err := ws.WriteJSON(map[string]any{"v": 1, "type": "set", "state": state}); err != nil {
			t.Fatal(err)
		}
	}
	ws.WriteJSON(map[string]any{"v": 1, "type": "open"})
	code := read("room")["code"].(string)
	wl := examples.All()[0].Workload
	set(map[string]any{"workload": map[string]any{"workload": wl, "compare": ""},
		"playback": map[string]any{"t": 20000, "playing": false, "speed": 1e6}})

	target, _ := url.Parse("http://" + b)
	br := browsertest.Start(t, httputil.NewSingleHostReverseProxy(target)) // the page and its websockets go to B
	br.Do(chromedp.EmulateViewport(1280, 720))
	br.Open("/r/" + code)
	poll := func(expr string) {
		t.Helper()
		ctx, cancel := context.WithTimeout(br.Context(), 60*time.Second)
		defer cancel()
		if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](expr, chromedp.WithPollingTimeout(60*time.Second))); err != nil {
			state, _ := chromedp.Run(br.Context(), chromedp.Evaluate[string](`JSON.stringify(document.body.dataset)`))
			t.Fatalf("waiting for %s: %v; the page: %s", expr, err, state)
		}
	}
	poll(`document.body.dataset.roomFollowing === "1" && document.body.dataset.position === "20000"`)
	if n := read("followers")["count"].(float64); n != 1 {
		t.Errorf("the presenter on A counts %v followers, want the one on B", n)
	}
	set(map[string]any{"playback": map[string]any{"t": 45000, "playing": false, "speed": 1e6}})
	poll(`document.body.dataset.position === "45000"`)
	ws.WriteJSON(map[string]any{"v": 1, "type": "end"})
	poll(`document.body.dataset.roomRole === "ended"`)
}
