// serve_test.go tests Serve on a real loopback listener, and graceful shutdown.

package server

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// serveInBackground runs s.Serve on a loopback port until the returned
// cancel is called, and returns the base URL and the channel of Serve's
// result.
func serveInBackground(t *testing.T, s *Server) (baseURL string, cancel context.CancelFunc, served <-chan error) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	return "http://" + ln.Addr().String(), cancel, done
}

// waitServed returns Serve's result, failing the test if it takes longer
// than a graceful shutdown should.
func waitServed(t *testing.T, served <-chan error) error {
	t.Helper()
	select {
	case err := <-served:
		return err
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not return after its context was canceled")
		return nil
	}
}

func TestServeAnswersAndStops(t *testing.T) {
	s, logs := newTestServer(t)
	base, cancel, served := serveInBackground(t, s)
	resp, err := http.Get(base + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("GET /healthz = %d", resp.StatusCode)
	}
	cancel()
	if err := waitServed(t, served); err != nil {
		t.Errorf("Serve = %v, want nil after a clean shutdown", err)
	}
	if _, err := http.Get(base + "/healthz"); err == nil {
		t.Error("server still answers after shutdown")
	}
	t.Log(logs.String())
}

// TestShutdownFinishesInFlightRequests checks that a request that started
// before shutdown gets its whole response.
func TestShutdownFinishesInFlightRequests(t *testing.T) {
	s, _ := newTestServer(t)
	started := make(chan struct{})
	s.mux.Get("/test/slow", func(w http.ResponseWriter, r *http.Request) {
		close(started)
		time.Sleep(200 * time.Millisecond)
		io.WriteString(w, "finished")
	})
	base, cancel, served := serveInBackground(t, s)

	type result struct {
		body string
		err  error
	}
	got := make(chan result, 1)
	go func() {
		resp, err := http.Get(base + "/test/slow")
		if err != nil {
			got <- result{err: err}
			return
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		got <- result{string(b), err}
	}()
	<-started
	cancel()
	if r := <-got; r.err != nil || r.body != "finished" {
		t.Errorf("in-flight request got %q, %v; want %q", r.body, r.err, "finished")
	}
	if err := waitServed(t, served); err != nil {
		t.Errorf("Serve = %v", err)
	}
}

// TestShutdownEndsSessions checks the hook long-lived sessions use: shutdown
// cancels their context with errShuttingDown, lets them say goodbye, and
// waits for them to leave.
func TestShutdownEndsSessions(t *testing.T) {
	s, _ := newTestServer(t)
	s.mux.Get("/test/session", func(w http.ResponseWriter, r *http.Request) {
		ctx, leave, ok := s.sessions.join(r.Context())
		if !ok {
			http.Error(w, "shutting down", http.StatusServiceUnavailable)
			return
		}
		defer leave()
		io.WriteString(w, "hello\n")
		w.(http.Flusher).Flush()
		<-ctx.Done()
		if errors.Is(context.Cause(ctx), errShuttingDown) {
			io.WriteString(w, "going away\n") // a websocket sends close 1001 here
		}
	})
	base, cancel, served := serveInBackground(t, s)
	resp, err := http.Get(base + "/test/session")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	lines := bufio.NewScanner(resp.Body)
	if !lines.Scan() || lines.Text() != "hello" {
		t.Fatalf("first line = %q, want hello", lines.Text())
	}
	cancel()
	if !lines.Scan() || lines.Text() != "going away" {
		t.Errorf("after shutdown, line = %q (%v), want %q", lines.Text(), lines.Err(), "going away")
	}
	if err := waitServed(t, served); err != nil {
		t.Errorf("Serve = %v", err)
	}
	if _, _, ok := s.sessions.join(context.Background()); ok {
		t.Error("a session could join after shutdown")
	}
}

func TestListenAndServeReportsListenError(t *testing.T) {
	s, _ := newTestServer(t)
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	err = s.ListenAndServe(context.Background(), taken.Addr().String())
	if err == nil {
		t.Fatal("ListenAndServe on a bad address returned nil")
	}
	var opErr *net.OpError
	if !errors.As(err, &opErr) {
		t.Errorf("error %v does not wrap the *net.OpError", err)
	}
}

// TestBodyDeadline checks that a request body that does not arrive in time
// is cut off with 408 and the connection closed, while another client is
// served meanwhile.
func TestBodyDeadline(t *testing.T) {
	s, _ := newTestServer(t)
	s.bodyTimeout = 300 * time.Millisecond
	base, _, _ := serveInBackground(t, s)
	const json = "Content-Type: application/json\r\n"
	tests := []struct {
		desc    string
		request string
		trickle bool // send a byte of body every 50 ms
	}{
		{"a declared body never sent", "POST /api/share HTTP/1.1\r\nHost: x\r\n" + json + "Content-Length: 100000\r\n\r\n{", false},
		{"a trickled body", "POST /api/run HTTP/1.1\r\nHost: x\r\n" + json + "Content-Length: 1000\r\n\r\n", true},
		{"an unfinished chunked body", "POST /api/run HTTP/1.1\r\nHost: x\r\n" + json + "Transfer-Encoding: chunked\r\n\r\n3\r\n{\"s\r\n", false},
		{"a GET declaring a body", "GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n", false},
	}
	for _, tt := range tests {
		conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		io.WriteString(conn, tt.request)
		if tt.trickle {
			go func() {
				for {
					conn.SetWriteDeadline(time.Now().Add(time.Second))
					if _, err := io.WriteString(conn, " "); err != nil {
						return
					}
					time.Sleep(50 * time.Millisecond)
				}
			}()
		}
		resp, err := http.Post(base+"/api/run", "application/json", strings.NewReader(`{"source": "print(1)"}`))
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("%s: another client's run: %v %v", tt.desc, resp, err)
		}
		resp.Body.Close()
		start := time.Now()
		conn.SetReadDeadline(start.Add(5 * time.Second))
		br := bufio.NewReader(conn)
		resp, err = http.ReadResponse(br, nil)
		if err != nil {
			t.Fatalf("%s: %v", tt.desc, err)
		}
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != http.StatusRequestTimeout || !strings.Contains(string(body), `"kind":"limit"`) {
			t.Errorf("%s: %d %s, want 408 kind limit", tt.desc, resp.StatusCode, body)
		}
		if _, err := br.ReadByte(); err == nil {
			t.Errorf("%s: the connection stays open", tt.desc)
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%s: answered and closed after %v", tt.desc, d)
		}
	}
}

// dialFrom opens a connection to the server at base from the loopback
// address ip (all of 127/8 is loopback), and sends it a GET /healthz.
// It returns the connection, kept open, and the answer's status and body.
func dialFrom(t *testing.T, base, ip string) (net.Conn, int, string) {
	t.Helper()
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}}
	c, err := d.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	c.SetDeadline(time.Now().Add(5 * time.Second))
	io.WriteString(c, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatalf("from %s: %v", ip, err)
	}
	body, _ := io.ReadAll(resp.Body)
	return c, resp.StatusCode, string(body)
}

// TestConnLimits checks the bounds on open connections: an address over
// its share is refused with 429 while another is served, and a full server
// refuses with 503 until a connection closes.
func TestConnLimits(t *testing.T) {
	s, _ := newTestServer(t)
	s.maxConns, s.maxConnsPerAddr = 3, 2
	base, _, _ := serveInBackground(t, s)
	first, _, _ := dialFrom(t, base, "127.0.0.1")
	steps := []struct {
		desc   string
		ip     string
		status int
		want   string
	}{
		{"a second connection of an address", "127.0.0.1", 200, "ok"},
		{"a third: over the address's bound", "127.0.0.1", 429, `"kind":"limit"`},
		{"another address meanwhile", "127.0.0.2", 200, "ok"},
		{"a fourth connection: over the server's", "127.0.0.3", 503, `"kind":"busy"`},
	}
	for _, st := range steps {
		if _, status, body := dialFrom(t, base, st.ip); status != st.status || !strings.Contains(body, st.want) {
			t.Errorf("%s: %d %s, want %d with %s", st.desc, status, body, st.status, st.want)
		}
	}
	first.Close()
	for deadline := time.Now().Add(3 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		_, status, _ := dialFrom(t, base, "127.0.0.3")
		if status == 200 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("a connection after one closed: %d", status)
		}
	}
}

// TestShutdownAbandonsStuckRun checks that a run still working when the
// shutdown timeout ends does not keep Serve from returning nil, that what
// is abandoned is logged, and that others were served while it ran.
func TestShutdownAbandonsStuckRun(t *testing.T) {
	s, logs := newTestServer(t)
	s.shutdownWait = 300 * time.Millisecond
	s.cpuLimit = 5 * time.Second
	base, cancel, served := serveInBackground(t, s)
	go http.Post(base+"/api/run", "application/json", strings.NewReader(`{"source": "while True:\n    pass\n"}`))
	for s.runs.busy() == 0 {
		time.Sleep(10 * time.Millisecond)
	}
	resp, err := http.Get(base + "/healthz")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("another client while a run works: %v %v", resp, err)
	}
	resp.Body.Close()
	start := time.Now()
	cancel()
	if err := waitServed(t, served); err != nil {
		t.Errorf("Serve = %v, want nil after abandoning a stuck run", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("Serve returned %v after its context ended, want about the shutdown timeout", d)
	}
	if log := logs.String(); !strings.Contains(log, "abandoning") || !strings.Contains(log, "runs=1") {
		t.Errorf("the log does not say what was abandoned:\n%s", log)
	}
}
