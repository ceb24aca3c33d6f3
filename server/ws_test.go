// ws_test.go tests the live protocol end to end over a loopback websocket,
// with gorilla's client against httptest.

package server

import (
	"context"
	"encoding/json"
	"github.com/gilscope/gilscope/internal/worker"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/gilscope/gilscope/static"
	"github.com/gilscope/gilscope/vm/machine"
	"github.com/gilscope/gilscope/vm/trace"
)

// countdown is a small two-thread program: a few GIL hand-offs.
const countdown = `import threading

def count(n):
    while n > 0:
        n -= 1

ts = [threading.Thread(target=count, args=(20000,)) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("done")
`

// wsClient is a test's end of a session.
type wsClient struct {
	t  *testing.T
	ws *websocket.Conn
}

// received is any server message, decoded loosely.
type received struct {
	V         int                 `json:"v"`
	Type      string              `json:"type"`
	Run       int                 `json:"run"`
	T0        trace.Time          `json:"t0"`
	T1        trace.Time          `json:"t1"`
	T         trace.Time          `json:"t"`
	Playing   bool                `json:"playing"`
	Simulated trace.Time          `json:"simulated"`
	Events    []json.RawMessage   `json:"events"`
	Code      []worker.CodeObject `json:"code"`
	Error     apiError            `json:"error"`
	Summary   summary             `json:"summary"`
	Stats     json.RawMessage     `json:"stats"`
	Version   string              `json:"version"`
}

// startWS serves s on loopback and opens a session, checking its hello.
func startWS(t *testing.T, s *Server) *wsClient {
	t.Helper()
	hs := httptest.NewServer(s.Handler())
	t.Cleanup(hs.Close)
	return dialWS(t, hs)
}

func dialWS(t *testing.T, hs *httptest.Server) *wsClient {
	t.Helper()
	ws, _, err := websocket.DefaultDialer.Dial("ws"+strings.TrimPrefix(hs.URL, "http")+"/ws", nil)
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	t.Cleanup(func() { ws.Close() })
	c := &wsClient{t: t, ws: ws}
	if m := c.read(); m.Type != "hello" || m.V != protocolVersion || m.Version != machine.SimulatorVersion {
		t.Fatalf("first message = %+v, want hello", m)
	}
	return c
}

func (c *wsClient) sendRaw(s string) {
	c.t.Helper()
	if err := c.ws.WriteMessage(websocket.TextMessage, []byte(s)); err != nil {
		c.t.Fatalf("write: %v", err)
	}
}

func (c *wsClient) send(m map[string]any) {
	c.t.Helper()
	m["v"] = protocolVersion
	b, _ := json.Marshal(m)
	c.sendRaw(string(b))
}

func (c *wsClient) read() received {
	c.t.Helper()
	c.ws.SetReadDeadline(time.Now().Add(20 * time.Second))
	_, data, err := c.ws.ReadMessage()
	if err != nil {
		c.t.Fatalf("read: %v", err)
	}
	var m received
	if err := json.Unmarshal(data, &m); err != nil {
		c.t.Fatalf("decoding %s: %v", data, err)
	}
	return m
}

// until reads messages until one of type typ (of any run if run is 0),
// returning it and the messages before it.
func (c *wsClient) until(typ string, run int) (received, []received) {
	c.t.Helper()
	var before []received
	for {
		m := c.read()
		if m.Type == typ && (run == 0 || m.Run == run) {
			return m, before
		}
		before = append(before, m)
	}
}

// runWorkload is a run message for src at full speed.
func runWorkload(src string, extra map[string]any) map[string]any {
	m := map[string]any{"type": "run", "workload": map[string]any{"source": src, "seed": 1}, "speed": 0, "resolution": 0}
	for k, v := range extra {
		m[k] = v
	}
	return m
}

// checkTiling checks that the events messages of run tile [0, end) and
// their events are in time order inside their bounds.
func checkTiling(t *testing.T, msgs []received, run int) (events int, end trace.Time) {
	t.Helper()
	for _, m := range msgs {
		if m.Type != "events" || m.Run != run {
			continue
		}
		if m.T0 != end {
			t.Errorf("events message starts at %d, want %d (the previous end)", m.T0, end)
		}
		last := m.T0
		for _, raw := range m.Events {
			var e machine.Event
			json.Unmarshal(raw, &e)
			if e.T < last || e.T >= m.T1 {
				t.Errorf("event at %d out of order or outside [%d, %d)", e.T, m.T0, m.T1)
			}
			last = e.T
		}
		events += len(m.Events)
		end = m.T1
	}
	return events, end
}

// TestWSRunToEnd runs a program at full speed: compiled, events that tile
// time up to the end, and a summary equal to the headless run's.
func TestWSRunToEnd(t *testing.T) {
	s, _ := newTestServer(t)
	c := startWS(t, s)
	c.send(runWorkload(countdown, nil))
	if m := c.read(); m.Type != "compiled" || m.Run != 1 || len(m.Code) < 2 || m.Code[1].Name != "count" {
		t.Fatalf("after run: %+v, want compiled with the module and count", m)
	}
	end, before := c.until("end", 1)
	if end.Summary.End != "exit" || end.Summary.Stdout != "done\n" || end.Summary.Stats == nil {
		t.Errorf("summary = %+v", end.Summary)
	}
	// Playback may still be behind the end: read on until the position is there.
	for {
		m := c.read()
		before = append(before, m)
		if m.Type == "position" && m.T > end.Summary.EndTime {
			break
		}
	}
	n, to := checkTiling(t, before, 1)
	if to != end.Summary.EndTime+1 {
		t.Errorf("events cover [0, %d), want [0, %d)", to, end.Summary.EndTime+1)
	}
	res, err := machine.Run(programFile, []byte(countdown), machine.Options{Seed: 1, RecordEvents: true}, new(strings.Builder), new(strings.Builder))
	if err != nil {
		t.Fatal(err)
	}
	if n != len(res.Events) {
		t.Errorf("got %d events at resolution 0, want all %d", n, len(res.Events))
	}
}

// TestWSErrors checks that bad input is answered with a located or
// explained error and leaves the session open.
func TestWSErrors(t *testing.T) {
	s, _ := newTestServer(t)
	c := startWS(t, s)
	tests := []struct {
		desc, msg, kind string
		line            int32
	}{
		{"not JSON", `{"v":1,`, "protocol", 0},
		{"wrong version", `{"v":99,"type":"play"}`, "protocol", 0},
		{"unknown type", `{"v":1,"type":"dance"}`, "protocol", 0},
		{"unknown field", `{"v":1,"type":"play","volume":11}`, "protocol", 0},
		{"seek without t", `{"v":1,"type":"seek"}`, "protocol", 0},
		{"negative speed", `{"v":1,"type":"speed","speed":-1}`, "protocol", 0},
		{"step of no thread", `{"v":1,"type":"step","mode":"instruction"}`, "protocol", 0},
		{"run without workload", `{"v":1,"type":"run"}`, "protocol", 0},
		{"unknown model", `{"v":1,"type":"run","workload":{"source":"x=1","model":"cpython-1.0"}}`, "request", 0},
		{"too long", `{"v":1,"type":"run","workload":{"source":"x=1","max_time":1000}}`, "limit", 0},
		{"syntax error", `{"v":1,"type":"run","workload":{"source":"x = 1\nif x\n  pass\n"}}`, "syntax", 2},
	}
	for _, tt := range tests {
		c.sendRaw(tt.msg)
		m := c.read()
		if m.Type != "error" || m.Error.Kind != tt.kind || m.Error.Line != tt.line || m.Error.Message == "" {
			t.Errorf("%s: got %+v, want an error of kind %s at line %d", tt.desc, m, tt.kind, tt.line)
		}
	}
	c.send(runWorkload("print('still here')", nil))
	if end, _ := c.until("end", 0); end.Summary.Stdout != "still here\n" {
		t.Errorf("after the errors, a run printed %q", end.Summary.Stdout)
	}
}

// TestWSPlayback pauses, seeks forward and back, steps, and resumes.
func TestWSPlayback(t *testing.T) {
	s, _ := newTestServer(t)
	c := startWS(t, s)
	c.send(runWorkload(countdown, map[string]any{"paused": true, "speed": 2000}))
	c.until("compiled", 1)
	c.send(map[string]any{"type": "seek", "t": 1_000_000})
	var before []received
	for {
		m := c.read()
		before = append(before, m)
		if m.Type == "position" && m.T == 1_000_000 && !m.Playing {
			break
		}
	}
	if _, to := checkTiling(t, before, 1); to != 1_000_000 {
		t.Errorf("a seek to 1 ms sent events up to %d", to)
	}
	c.send(map[string]any{"type": "seek", "t": 500})
	if m, _ := c.until("position", 1); m.T != 500 {
		t.Errorf("after a seek back to 500: position %d", m.T)
	}
	c.send(map[string]any{"type": "step", "mode": "event"})
	var p received
	for p.T <= 500 {
		p, _ = c.until("position", 1)
	}
	if p.Playing {
		t.Errorf("after a step the playback is playing")
	}
	c.send(map[string]any{"type": "speed", "speed": 0})
	c.send(map[string]any{"type": "play"})
	for p.Playing || p.T < 1_300_000 { // the run ends at 1.36 ms
		p, _ = c.until("position", 1)
	}
}

// TestWSInstructions plays in slow motion: instr events come, each thread's
// in time order, from a trace of the played run.
func TestWSInstructions(t *testing.T) {
	s, _ := newTestServer(t)
	c := startWS(t, s)
	c.send(runWorkload(countdown, map[string]any{"speed": 100_000}))
	c.until("compiled", 1)
	m, _ := c.until("instr", 1)
	if len(m.Events) == 0 || m.T1 <= m.T0 {
		t.Fatalf("instr message %+v", m)
	}
	var e machine.Event
	json.Unmarshal(m.Events[0], &e)
	if e.Kind != machine.EvInstr || e.T < m.T0 || e.T >= m.T1 {
		t.Errorf("first instr event %+v outside [%d, %d)", e, m.T0, m.T1)
	}
	c.send(map[string]any{"type": "pause"})
	p, _ := c.until("position", 1)
	for p.Playing {
		p, _ = c.until("position", 1)
	}
	// Go to where thread 2 runs (importing threading comes first: it starts at
	// 2.8 ms of the run's 3.9 on the clock of December 2026), a quarter of the way
	// from its start to the run's end: a step searches a few windows ahead, not the
	// whole run.
	res, err := machine.Run(programFile, []byte(countdown), machine.Options{Seed: 1, RecordEvents: true}, new(nopWriter), new(nopWriter))
	if err != nil {
		t.Fatal(err)
	}
	var started trace.Time
	for _, e := range res.Events {
		if e.Kind == machine.EvThreadStart && e.Thread == 2 {
			started = e.T
			break
		}
	}
	running := started + (res.EndTime-started)/4
	c.send(map[string]any{"type": "seek", "t": running})
	for p.T < running {
		p, _ = c.until("position", 1)
	}
	// Step thread 2 (the first worker) by one instruction: the playhead
	// stops just after an instr event of thread 2, which has been sent.
	c.send(map[string]any{"type": "step", "mode": "instruction", "thread": 2})
	var seen []received
	for {
		m := c.read()
		seen = append(seen, m)
		if m.Type == "position" && !m.Playing && m.T > p.T {
			p = m
			break
		}
	}
	found := false
	for _, m := range seen {
		for _, raw := range m.Events {
			var e machine.Event
			json.Unmarshal(raw, &e)
			found = found || m.Type == "instr" && e.Thread == 2 && e.T == p.T-1
		}
	}
	if !found {
		t.Errorf("an instruction step stopped at %d without an instr event of thread 2 at %d", p.T, p.T-1)
	}
}

// TestWSResume reconnects and resumes from a time: the events before it
// arrive at once, coalesced, then playback continues.
func TestWSResume(t *testing.T) {
	s, _ := newTestServer(t)
	c := startWS(t, s)
	c.send(runWorkload(countdown, map[string]any{"from": 1_200_000, "paused": true, "resolution": 10_000}))
	var before []received
	for {
		m := c.read()
		before = append(before, m)
		if m.Type == "position" && m.T == 1_200_000 {
			break
		}
	}
	if _, to := checkTiling(t, before, 1); to != 1_200_000 {
		t.Errorf("resume sent events up to %d, want 1200000", to)
	}
}

// TestWSReplaceRun starts a second run before the first has ended: the
// first stops and the second numbers its messages 2.
func TestWSReplaceRun(t *testing.T) {
	s, _ := newTestServer(t)
	c := startWS(t, s)
	c.send(runWorkload("while True:\n    pass\n", map[string]any{"speed": 1000}))
	c.until("compiled", 1)
	c.send(runWorkload("print(2)", nil))
	if end, _ := c.until("end", 2); end.Summary.Stdout != "2\n" {
		t.Errorf("second run printed %q", end.Summary.Stdout)
	}
}

// TestWSLimits checks that a runaway program ends with a clear message.
func TestWSLimits(t *testing.T) {
	s, _ := newTestServer(t)
	s.cpuLimit = 200 * time.Millisecond
	c := startWS(t, s)
	c.send(runWorkload("while True:\n    pass\n", nil))
	end, _ := c.until("end", 1)
	if end.Summary.End != "stopped" || !strings.Contains(end.Summary.Limit, "CPU") || !strings.Contains(end.Summary.Stderr, "CPU") {
		t.Errorf("an infinite loop ended %+v", end.Summary)
	}
}

// TestWSOversizedMessage checks that a message over the limit closes the
// connection with 1009 (message too big).
func TestWSOversizedMessage(t *testing.T) {
	s, _ := newTestServer(t)
	c := startWS(t, s)
	c.sendRaw(`{"v":1,"type":"run","workload":{"source":"` + strings.Repeat("x", maxBodyBytes) + `"}}`)
	if err := c.closed(); !websocket.IsCloseError(err, websocket.CloseMessageTooBig) {
		t.Errorf("read after an oversized message: %v, want close 1009", err)
	}
}

// closed reads messages until the connection ends, and returns how.
func (c *wsClient) closed() error {
	c.ws.SetReadDeadline(time.Now().Add(10 * time.Second))
	for {
		if _, _, err := c.ws.ReadMessage(); err != nil {
			return err
		}
	}
}

// TestWSInvalidUTF8 checks that a text message that is not UTF-8 closes
// the session with 1007, and that another session on the server goes on.
func TestWSInvalidUTF8(t *testing.T) {
	s, _ := newTestServer(t)
	hs := httptest.NewServer(s.Handler())
	t.Cleanup(hs.Close)
	bad, other := dialWS(t, hs), dialWS(t, hs)
	bad.sendRaw("{\"v\":1,\"type\":\"play\",\"x\":\"\xff\xfe\"}")
	if err := bad.closed(); !websocket.IsCloseError(err, websocket.CloseInvalidFramePayloadData) {
		t.Errorf("read after a message that is not UTF-8: %v, want close 1007", err)
	}
	other.send(runWorkload("print('ok')", nil))
	if end, _ := other.until("end", 1); end.Summary.Stdout != "ok\n" {
		t.Errorf("the other session: %+v", end.Summary)
	}
}

// TestWSShutdown checks that shutdown closes a live session with 1001 and
// that its simulation stops.
func TestWSShutdown(t *testing.T) {
	s, _ := newTestServer(t)
	c := startWS(t, s)
	c.send(runWorkload("while True:\n    pass\n", map[string]any{"speed": 1000}))
	c.until("compiled", 1)
	s.sessions.close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := s.sessions.wait(ctx); err != nil {
		t.Fatal(err)
	}
	c.ws.SetReadDeadline(time.Now().Add(10 * time.Second))
	for {
		_, _, err := c.ws.ReadMessage()
		if err != nil {
			if !websocket.IsCloseError(err, websocket.CloseGoingAway) {
				t.Errorf("read after shutdown: %v, want close 1001", err)
			}
			break
		}
	}
	if n := s.runs.busy(); n != 0 {
		t.Errorf("%d run slots busy after shutdown", n)
	}
}

// TestWSDisconnectFrees closes the browser's end mid-run: the session and
// its simulation end and give back everything.
func TestWSDisconnectFrees(t *testing.T) {
	s, _ := newTestServer(t)
	c := startWS(t, s)
	c.send(runWorkload("while True:\n    pass\n", map[string]any{"speed": 1000}))
	c.until("compiled", 1)
	c.ws.Close()
	deadline := time.Now().Add(10 * time.Second)
	for s.metrics.sessionsActive.Load() != 0 || s.runs.busy() != 0 || s.heldEvents.Load() != 0 {
		if time.Now().After(deadline) {
			t.Fatalf("after a disconnect: %d sessions, %d run slots busy, %d events held",
				s.metrics.sessionsActive.Load(), s.runs.busy(), s.heldEvents.Load())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestServerEventBudget checks that the sessions together keep no more events
// than the server allows: a run that would go beyond it stops with the limit,
// keeping what it has, and the events come back when the session ends.
func TestServerEventBudget(t *testing.T) {
	s, _ := newTestServer(t)
	s.heldBudget = 5000
	src := "import threading\nshared = []\ndef f():\n    for i in range(20000):\n        shared.append(i)\n" +
		"ts = [threading.Thread(target=f) for _ in range(2)]\nfor t in ts:\n    t.start()\nfor t in ts:\n    t.join()\n"
	r := startLiveRun(s, context.Background(), 1, workload{Source: src, Model: machine.DefaultModel, Cores: 2})
	<-r.done
	sn := r.snapshot()
	if r.limit != errServerEvents || sn.events.Len() < 5000 || sn.events.Len() > 100000 {
		t.Fatalf("limit %v with %d events kept, want the server's event budget after some events", r.limit, sn.events.Len())
	}
	if held := s.heldEvents.Load(); held != int64(sn.events.Len()) {
		t.Errorf("%d events counted as held, the run keeps %d", held, sn.events.Len())
	}
	r.stop()
	if held := s.heldEvents.Load(); held != 0 {
		t.Errorf("%d events still counted after the run was dropped", held)
	}
}

// TestLiveRunBackpressure checks that a run whose events are not consumed
// waits, a bounded distance ahead, and goes on when they are.
func TestLiveRunBackpressure(t *testing.T) {
	s, _ := newTestServer(t)
	// 200,000 refcount changes of a shared list.
	src := "import threading\nshared = []\ndef f():\n    for i in range(100000):\n        shared.append(i)\n" +
		"ts = [threading.Thread(target=f) for _ in range(2)]\nfor t in ts:\n    t.start()\nfor t in ts:\n    t.join()\n"
	r := startLiveRun(s, context.Background(), 1, workload{Source: src, Model: machine.DefaultModel, Cores: 2})
	defer r.stop()
	sn := r.snapshot()
	for deadline := time.Now().Add(20 * time.Second); !sn.done && sn.events.Len() <= maxUnplayedEvents && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
		sn = r.snapshot()
	}
	if sn.done {
		t.Skipf("the example made only %d events: no backpressure to see", sn.events.Len())
	}
	time.Sleep(200 * time.Millisecond)
	if again := r.snapshot(); again.done || again.events.Len() != sn.events.Len() {
		t.Errorf("with none consumed the run went on from %d to %d events (done: %v), want it waiting",
			sn.events.Len(), again.events.Len(), again.done)
	}
	for !r.snapshot().done {
		r.consume(r.snapshot().events.Len())
		time.Sleep(time.Millisecond)
	}
	if r.res == nil || r.res.End == "stopped" {
		t.Errorf("the run did not finish once consumed")
	}
}

// TestWSStepOverManyEvents steps from event to event over a stretch of more
// refcount changes than the simulation may run ahead: the step must move
// the simulation on rather than wait for it forever.
func TestWSStepOverManyEvents(t *testing.T) {
	s, _ := newTestServer(t)
	c := startWS(t, s)
	src := "shared = []\nfor i in range(100000):\n    shared.append(i)\nprint('end')\n"
	c.send(runWorkload(src, map[string]any{"paused": true}))
	c.until("compiled", 1)
	var end trace.Time = -1
	for range 50 {
		c.send(map[string]any{"type": "step", "mode": "event"})
		for {
			m := c.read()
			if m.Type == "end" {
				end = m.Summary.EndTime
			}
			if m.Type == "position" && !m.Playing {
				if end >= 0 && m.T > end {
					return // stepped to the end
				}
				break
			}
		}
	}
	t.Errorf("50 steps did not reach the end (%d)", end)
}

// TestWSLimitsPerAddress checks that one address is slowed down: websocket
// connections are refused with 429, run messages answered with an error.
func TestWSLimitsPerAddress(t *testing.T) {
	s, _ := newTestServer(t)
	s.clients = newRateLimiter(0.001, 3)
	hs := httptest.NewServer(s.Handler())
	t.Cleanup(hs.Close)
	c := dialWS(t, hs) // one token
	c.send(runWorkload("pass", nil))
	c.until("end", 1) // two
	c.send(runWorkload("pass", nil))
	c.until("end", 2) // three: the bucket is empty
	c.send(runWorkload("pass", nil))
	if m, _ := c.until("error", 3); m.Error.Kind != "limit" || m.Error.RetryAfter == 0 {
		t.Errorf("a run over the limit: %+v", m.Error)
	}
	_, resp, err := websocket.DefaultDialer.Dial("ws"+strings.TrimPrefix(hs.URL, "http")+"/ws", nil)
	if err == nil || resp == nil || resp.StatusCode != 429 {
		t.Errorf("a connection over the limit: %v, %v", err, resp)
	}
}

// TestWSBusy checks that a run finding every slot busy is refused with a
// retry hint, and that the session goes on.
func TestWSBusy(t *testing.T) {
	s, _ := newTestServer(t)
	s.queueWait = 50 * time.Millisecond
	for range maxConcurrentRuns {
		s.runs.acquire(context.Background(), 0)
	}
	c := startWS(t, s)
	c.send(runWorkload("pass", nil))
	if m, _ := c.until("error", 1); m.Error.Kind != "busy" || m.Error.RetryAfter <= 0 {
		t.Errorf("a run with no free slot: %+v", m.Error)
	}
	s.runs.release(context.Background())
	c.send(runWorkload("print('ok')", nil))
	if end, _ := c.until("end", 2); end.Summary.Stdout != "ok\n" {
		t.Errorf("after a slot came free: %+v", end.Summary)
	}
}

// TestPublicURL checks that a configured public URL makes the share links
// and decides which pages may open websockets, and that without one the
// request's host does.
func TestPublicURL(t *testing.T) {
	for _, public := range []string{"", "https://gil.example"} {
		s, _ := newTestServer(t)
		if public != "" {
			var err error
			s, err = New(Config{Logger: s.log, Static: static.FS(), Store: s.store, PublicURL: public + "/"})
			if err != nil {
				t.Fatal(err)
			}
		}
		hs := httptest.NewServer(s.Handler())
		t.Cleanup(hs.Close)
		w := post(s.Handler(), "/api/share", `{"workload": {"source": "pass"}}`)
		wantLink := "http://example.com/s/" // httptest's Host
		if public != "" {
			wantLink = public + "/s/"
		}
		if !strings.Contains(w.Body.String(), `"url":"`+wantLink) {
			t.Errorf("public URL %q: share answer %s, want a link on %s", public, w.Body, wantLink)
		}
		origins := []struct {
			origin string
			ok     bool
		}{
			{"", true}, // not a browser
			{hs.URL, public == ""},
			{"https://gil.example", public != ""},
			{"https://evil.example", false},
		}
		for _, o := range origins {
			h := http.Header{}
			if o.origin != "" {
				h.Set("Origin", o.origin)
			}
			ws, resp, err := websocket.DefaultDialer.Dial("ws"+strings.TrimPrefix(hs.URL, "http")+"/ws", h)
			if err == nil {
				ws.Close()
			}
			if (err == nil) != o.ok || (err != nil && (resp == nil || resp.StatusCode != http.StatusForbidden)) {
				t.Errorf("public URL %q, Origin %q: %v %v, want accepted = %v, else 403", public, o.origin, resp, err, o.ok)
			}
		}
	}
}
