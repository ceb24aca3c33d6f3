// rooms_test.go tests rooms over real websockets: a presenter's sets reach
// every follower in order, a late follower gets the whole state, the count
// and replies reach the presenter, and a room outlives its presenter's
// connection by the grace period only.

package server

import (
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// roomConn is a test's room connection.
type roomConn struct {
	t  testing.TB
	ws *websocket.Conn
}

// roomReceived is any room message, decoded loosely.
type roomReceived struct {
	Type      string                     `json:"type"`
	Role      string                     `json:"role"`
	Code      string                     `json:"code"`
	Token     string                     `json:"token"`
	Seq       int64                      `json:"seq"`
	State     map[string]json.RawMessage `json:"state"`
	Followers int                        `json:"followers"`
	Count     int                        `json:"count"`
	From      string                     `json:"from"`
	Value     json.RawMessage            `json:"value"`
	Reason    string                     `json:"reason"`
	Error     apiError                   `json:"error"`
}

func dialRoom(t testing.TB, url string) *roomConn {
	t.Helper()
	ws, _, err := websocket.DefaultDialer.Dial("ws"+strings.TrimPrefix(url, "http")+"/ws/room", nil)
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	t.Cleanup(func() { ws.Close() })
	c := &roomConn{t: t, ws: ws}
	if m := c.read(); m.Type != "hello" {
		t.Fatalf("first message %+v, want hello", m)
	}
	return c
}

func (c *roomConn) send(m map[string]any) {
	c.t.Helper()
	m["v"] = protocolVersion
	if err := c.ws.WriteJSON(m); err != nil {
		c.t.Fatalf("write: %v", err)
	}
}

func (c *roomConn) read() roomReceived {
	c.t.Helper()
	c.ws.SetReadDeadline(time.Now().Add(20 * time.Second))
	var m roomReceived
	if err := c.ws.ReadJSON(&m); err != nil {
		c.t.Fatalf("read: %v", err)
	}
	return m
}

// until reads until a message of type typ.
func (c *roomConn) until(typ string) roomReceived {
	c.t.Helper()
	for {
		if m := c.read(); m.Type == typ {
			return m
		}
	}
}

// untilCount reads until the presenter is told n followers.
func (c *roomConn) untilCount(n int) {
	c.t.Helper()
	for c.until("followers").Count != n {
	}
}

func openRoom(t testing.TB, url string) (*roomConn, roomReceived) {
	t.Helper()
	p := dialRoom(t, url)
	p.send(map[string]any{"type": "open"})
	m := p.until("room")
	if m.Role != "presenter" || normalizeRoomCode(m.Code) != m.Code || m.Token == "" {
		t.Fatalf("open answered %+v", m)
	}
	return p, m
}

func joinRoom(t testing.TB, url, code string) (*roomConn, roomReceived) {
	t.Helper()
	f := dialRoom(t, url)
	f.send(map[string]any{"type": "join", "code": code})
	return f, f.until("room")
}

// TestRoomFollow runs a room of three followers on one server.
func TestRoomFollow(t *testing.T) {
	s, _ := newTestServer(t)
	hs := httptest.NewServer(s.Handler())
	t.Cleanup(hs.Close) // after the connections' cleanups
	p, room := openRoom(t, hs.URL)
	p.send(map[string]any{"type": "set", "state": map[string]any{"workload": map[string]any{"source": "print(1)"}}})
	// A follower joining before the set is applied gets it as a set instead; here the
	// followers must find it in the state they join with.
	waitRoomSeq(t, s, room.Code, 1)

	var followers []*roomConn
	for i := range 3 {
		// Codes are read aloud and typed: lower case and a dash are the same code.
		typed := strings.ToLower(room.Code[:3] + "-" + room.Code[3:])
		f, m := joinRoom(t, hs.URL, typed)
		if m.Role != "follower" || m.Code != room.Code || string(m.State["workload"]) != `{"source":"print(1)"}` {
			t.Fatalf("follower %d joined with %+v", i, m)
		}
		followers = append(followers, f)
		p.untilCount(i + 1)
	}
	sets := []string{`{"t":0,"playing":true}`, `{"t":500,"playing":false}`, `{"t1":900,"t0":100}`}
	for _, v := range sets {
		p.send(map[string]any{"type": "set", "state": map[string]any{"playback": json.RawMessage(v)}})
	}
	for i, f := range followers {
		for k, v := range sets {
			m := f.until("set")
			if m.Seq != int64(k+2) || string(m.State["playback"]) != v {
				t.Fatalf("follower %d, set %d: %+v, want seq %d with %s", i, k, m, k+2, v)
			}
		}
	}
	late, m := joinRoom(t, hs.URL, room.Code)
	if m.Seq != 4 || string(m.State["playback"]) != sets[2] || m.State["workload"] == nil {
		t.Errorf("a late follower got %+v, want the whole state after 4 sets", m)
	}
	late.send(map[string]any{"type": "reply", "value": map[string]any{"vote": "B"}})
	if r := p.until("reply"); string(r.Value) != `{"vote":"B"}` || r.From == "" {
		t.Errorf("the presenter got reply %+v", r)
	}
	followers[0].send(map[string]any{"type": "set", "state": map[string]any{"x": 1}})
	if e := followers[0].until("error"); !strings.Contains(e.Error.Message, "follower") {
		t.Errorf("a follower's set was answered %+v, want an error", e)
	}
	late.ws.Close()
	p.untilCount(3)
	if rooms, n := s.rooms.roomStats(); rooms != 1 || n != 3 {
		t.Errorf("roomStats = %d rooms, %d followers; want 1 and 3", rooms, n)
	}
	p.send(map[string]any{"type": "end"})
	for i, f := range followers {
		if m := f.until("ended"); m.Reason == "" {
			t.Errorf("follower %d: ended without a reason", i)
		}
	}
}

// waitRoomSeq waits until this replica has relayed the room's set number seq.
func waitRoomSeq(t *testing.T, s *Server, code string, seq int64) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		s.rooms.mu.Lock()
		r := s.rooms.rooms[code]
		done := r != nil && r.seq >= seq
		s.rooms.mu.Unlock()
		if done {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("room %s: set %d not relayed after 10 s", code, seq)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestRoomPresenterReconnects checks the grace period: a presenter that
// comes back with its token keeps the room and its followers; one that does
// not ends it.
func TestRoomPresenterReconnects(t *testing.T) {
	s, _ := newTestServer(t)
	s.rooms.grace = 300 * time.Millisecond
	hs := httptest.NewServer(s.Handler())
	t.Cleanup(hs.Close) // after the connections' cleanups
	p, room := openRoom(t, hs.URL)
	p.send(map[string]any{"type": "set", "state": map[string]any{"playback": map[string]any{"t": 7}}})
	f, hello := joinRoom(t, hs.URL, room.Code)
	if string(hello.State["playback"]) != `{"t":7}` { // the set was still on its way
		if m := f.until("set"); string(m.State["playback"]) != `{"t":7}` {
			t.Fatalf("the follower got %+v", m)
		}
	}
	p.untilCount(1)
	p.ws.Close()

	again := dialRoom(t, hs.URL)
	again.send(map[string]any{"type": "present", "code": room.Code, "token": "wrong"})
	if e := again.until("error"); !strings.Contains(e.Error.Message, "not yours") {
		t.Errorf("a wrong token was answered %+v", e)
	}
	back := dialRoom(t, hs.URL)
	back.send(map[string]any{"type": "present", "code": room.Code, "token": room.Token})
	if m := back.until("room"); m.Role != "presenter" || m.Followers != 1 || string(m.State["playback"]) != `{"t":7}` {
		t.Fatalf("the presenter came back to %+v", m)
	}
	time.Sleep(2 * s.rooms.grace) // past the grace period: the room must still be there
	back.send(map[string]any{"type": "set", "state": map[string]any{"playback": map[string]any{"t": 8}}})
	if m := f.until("set"); string(m.State["playback"]) != `{"t":8}` {
		t.Errorf("after the reconnect the follower got %+v", m)
	}
	back.ws.Close()
	if m := f.until("ended"); m.Type != "ended" {
		t.Errorf("the follower got %+v, want the end after the grace period", m)
	}
	late := dialRoom(t, hs.URL)
	late.send(map[string]any{"type": "join", "code": room.Code})
	if m := late.until("ended"); !strings.Contains(m.Reason, "no room") {
		t.Errorf("joining an ended room: %+v", m)
	}
}

func TestNormalizeRoomCode(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ABC234", "ABC234"},
		{"abc-234", "ABC234"},
		{" abc 234 ", "ABC234"},
		{"ABC23", ""},
		{"ABC2345", ""},
		{"ABO234", ""}, // O is not in the alphabet
		{"ABC2é4", ""},
	}
	for _, tt := range tests {
		if got := normalizeRoomCode(tt.in); got != tt.want {
			t.Errorf("normalizeRoomCode(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	for range 100 {
		if c := newRoomCode(); normalizeRoomCode(c) != c {
			t.Fatalf("newRoomCode() = %q, not a code", c)
		}
	}
}
