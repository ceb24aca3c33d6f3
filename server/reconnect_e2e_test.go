// reconnect_e2e_test.go checks that a page whose websocket drops reconnects and
// resumes its run where playback was, showing the same state.

package server_test

import (
	"bufio"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/gilscope/gilscope/internal/browsertest"
	"github.com/gilscope/gilscope/internal/store"
	"github.com/gilscope/gilscope/server"
	"github.com/gilscope/gilscope/static"
)

// connCutter remembers the connections the websocket handler takes over, so
// a test can cut them as a network failure would.
type connCutter struct {
	h     http.Handler
	mu    sync.Mutex
	conns []net.Conn
}

func (c *connCutter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c.h.ServeHTTP(hijackRecorder{w, c}, r)
}

// open counts the connections taken over since the last cut.
func (c *connCutter) open() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.conns)
}

// cut closes every taken-over connection.
func (c *connCutter) cut() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, conn := range c.conns {
		conn.Close()
	}
	n := len(c.conns)
	c.conns = nil
	return n
}

type hijackRecorder struct {
	http.ResponseWriter
	c *connCutter
}

func (h hijackRecorder) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	conn, rw, err := h.ResponseWriter.(http.Hijacker).Hijack()
	if err == nil {
		h.c.mu.Lock()
		h.c.conns = append(h.c.conns, conn)
		h.c.mu.Unlock()
	}
	return conn, rw, err
}

// TestPageReconnects: a dropped websocket is reopened, and the run resumes
// from the time playback had reached, showing the same state.
func TestPageReconnects(t *testing.T) {
	s, err := server.New(server.Config{Logger: slog.New(slog.DiscardHandler), Static: static.FS(), Store: store.NewMemory(),
		Runner: server.WorkersForTest(t)})
	if err != nil {
		t.Fatalf("server.New: %v", err)
	}
	cutter := &connCutter{h: s.Handler()}
	b := browsertest.Start(t, cutter)
	openPage(t, b, "/")
	pageSpeed(b, pageMidSpeed)
	b.Do(chromedp.Click(chromedp.CSS("#play")))
	pageWait(t, b, `document.body.dataset.position > 3000000`)
	b.Do(chromedp.Click(chromedp.CSS("#play")))
	at := pageSettle(t, b)
	before := pageEval[string](b, pageLinkSnapshot) // as for a link: a line may come one message late

	if n := cutter.cut(); n == 0 {
		t.Fatal("no websocket connection to cut")
	}
	// The page reconnects (with backoff) and resumes the run.
	deadline := time.Now().Add(pagePollTimeout)
	for cutter.open() == 0 {
		if time.Now().After(deadline) {
			t.Fatal("the page did not open a new websocket")
		}
		time.Sleep(20 * time.Millisecond)
	}
	pageWait(t, b, `!document.body.textContent.includes("reconnecting")`)
	b.TakeProblems() // the browser logs the dropped socket
	if p := pageSettle(t, b); p != at {
		t.Fatalf("after reconnecting the position is %d, want %d", p, at)
	}
	if after := pageEval[string](b, pageLinkSnapshot); after != before {
		t.Errorf("after reconnecting the page shows another state:\nbefore %s\nafter  %s", before, after)
	}
	// And it plays on to the end.
	b.Do(chromedp.Click(chromedp.CSS("#play")))
	pageWait(t, b, `document.body.dataset.ended === "1" && document.body.dataset.playing === "0"`)
}
