// ws.go defines GET /ws, the live session's websocket: the upgrade, and the
// connection's two goroutines, one reader and one writer (the writer owns
// every write, pings included), joined by a bounded send queue. The session
// itself, what is said on the socket, is in session.go.

package server

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/gorilla/websocket"
)

// Websocket limits.
const (
	// wsWriteWait bounds the write of one message.
	wsWriteWait = 10 * time.Second
	// wsPongWait is how long the reader waits for any message or pong.
	wsPongWait = 60 * time.Second
	// wsPingPeriod is how often the writer pings. The ping may wait behind a
	// write of up to wsWriteWait to a slow browser, and its pong behind the
	// browser's own traffic, so the margin to wsPongWait is half of it, not
	// the 6 s of gorilla's chat example: an overloaded server's sessions were
	// closed for a pong that was only late.
	wsPingPeriod = wsPongWait / 2
	// wsSendQueue bounds the messages waiting for the writer. When it is
	// full the session waits, and so, in turn, does the simulation.
	wsSendQueue = 16
	// wsReceiveQueue bounds the messages read but not yet handled.
	wsReceiveQueue = 16
)

// newUpgrader returns the websocket upgrader. Other sites must not open
// sessions with a visitor's browser: a browser's Origin must be public's
// scheme and host when public is set, and match the request's Host (gorilla's
// default) when it is not. A request without an Origin is not a browser's.
func newUpgrader(public *url.URL) websocket.Upgrader {
	u := websocket.Upgrader{ReadBufferSize: 4 << 10, WriteBufferSize: 16 << 10}
	if public != nil {
		u.CheckOrigin = func(r *http.Request) bool {
			origin := r.Header.Get("Origin")
			if origin == "" {
				return true
			}
			o, err := url.Parse(origin)
			return err == nil && o.Scheme == public.Scheme && strings.EqualFold(o.Host, public.Host)
		}
	}
	return u
}

// handleWS upgrades to a websocket and runs a live session on it until the
// browser leaves, the session idles out, or the server shuts down.
func (s *Server) handleWS(w http.ResponseWriter, r *http.Request) {
	if !s.clients.allow(clientAddr(r)) {
		s.metrics.error("limit")
		tooManyRequests(w)
		return
	}
	ctx, leave, ok := s.sessions.join(r.Context())
	if !ok {
		http.Error(w, "503 shutting down", http.StatusServiceUnavailable)
		return
	}
	defer leave()
	ws, err := s.upgrader.Upgrade(w, r, nil)
	if err != nil {
		return // the upgrader has answered
	}
	s.metrics.sessionsActive.Add(1)
	s.metrics.sessionsTotal.Add(1)
	defer s.metrics.sessionsActive.Add(-1)

	c := newWSConn(ws, s)
	go c.readLoop()
	go c.writeLoop()
	sess := newSession(s, c, clientAddr(r), s.requestLog(r))
	err = sess.serve(ctx)
	code, reason := websocket.CloseNormalClosure, ""
	switch {
	case errors.Is(context.Cause(ctx), errShuttingDown):
		code, reason = websocket.CloseGoingAway, "server shutting down"
	case c.badText.Load():
		code, reason = websocket.CloseInvalidFramePayloadData, "a text message was not UTF-8"
	case errors.Is(err, errIdle):
		reason = "idle"
	case err != nil && !errors.Is(err, errClientGone):
		s.requestLog(r).Warn("session ended", slog.Any("error", err))
	}
	c.close(code, reason)
}

// outgoing is a message queued for the writer: data, or an events
// message written from the encodings it refers to (frame). timing, if
// set, says when the oldest event in it could first be sent and when the
// message passed each stage since (for the latency measurement).
type outgoing struct {
	data   []byte
	frame  *eventsFrame
	timing *frameTiming
}

// frameTiming is when an events message passed each stage on its way to
// the socket: the load benchmark's breakdown of its latency (latencyHook),
// from born to written.
type frameTiming struct {
	source  string    // the run's program
	born    time.Time // its oldest event could first be sent (liveRun.bornAt)
	woke    time.Time // the session began the advance that sent it
	encoded time.Time // its events were coalesced and encoded, shared or not
	made    time.Time // the message was made from them, and queued (maybe waiting for room)
	taken   time.Time // the writer took it from the queue
	written time.Time // its write returned
	bytes   int
}

// wsConn is one websocket connection: a reader goroutine feeding in, and a
// writer goroutine draining out.
type wsConn struct {
	ws *websocket.Conn
	s  *Server

	in       chan []byte   // messages read; closed by the reader when it stops
	out      chan outgoing // the bounded send queue
	quit     chan struct{} // closed by close: the writer says goodbye and stops
	dead     chan struct{} // closed when the writer has failed or stopped
	deadOnce sync.Once

	closeCode   int
	closeReason string
	// badText is set by the reader, before it stops, when a text message
	// was not UTF-8 (the session is then closed with 1007).
	badText atomic.Bool
}

func newWSConn(ws *websocket.Conn, s *Server) *wsConn {
	return &wsConn{ws: ws, s: s, in: make(chan []byte, wsReceiveQueue), out: make(chan outgoing, wsSendQueue),
		quit: make(chan struct{}), dead: make(chan struct{})}
}

// errClientGone ends a session whose connection failed or closed.
var errClientGone = errors.New("the browser has gone")

// readLoop reads messages into c.in until the connection fails or closes,
// or a text message is not valid UTF-8 (RFC 6455 requires it: the session
// ends with 1007). A message over maxBodyBytes makes gorilla close the
// connection (1009).
func (c *wsConn) readLoop() {
	defer close(c.in)
	c.ws.SetReadLimit(maxBodyBytes)
	c.ws.SetReadDeadline(time.Now().Add(wsPongWait))
	c.ws.SetPongHandler(func(string) error { return c.ws.SetReadDeadline(time.Now().Add(wsPongWait)) })
	for {
		typ, data, err := c.ws.ReadMessage()
		if err != nil {
			return
		}
		c.ws.SetReadDeadline(time.Now().Add(wsPongWait))
		if typ != websocket.TextMessage {
			data = nil // answered as a protocol error
		} else if !utf8.Valid(data) {
			c.badText.Store(true)
			return
		}
		select {
		case c.in <- data:
		case <-c.dead:
			return
		}
	}
}

// writeLoop writes queued messages and pings until close or a failure.
func (c *wsConn) writeLoop() {
	ping := time.NewTicker(wsPingPeriod)
	defer ping.Stop()
	defer c.markDead()
	for {
		select {
		case m := <-c.out:
			if c.write(m) != nil {
				return
			}
		case <-ping.C:
			if c.ws.WriteControl(websocket.PingMessage, nil, time.Now().Add(wsWriteWait)) != nil {
				return
			}
		case <-c.quit:
			if c.drain() != nil { // what was queued before the goodbye goes first
				return
			}
			msg := websocket.FormatCloseMessage(c.closeCode, c.closeReason)
			c.ws.WriteControl(websocket.CloseMessage, msg, time.Now().Add(wsWriteWait))
			return
		}
	}
}

// drain writes the messages still queued.
func (c *wsConn) drain() error {
	for {
		select {
		case m := <-c.out:
			if err := c.write(m); err != nil {
				return err
			}
		default:
			return nil
		}
	}
}

func (c *wsConn) write(m outgoing) error {
	taken := time.Now()
	c.ws.SetWriteDeadline(taken.Add(wsWriteWait))
	size := len(m.data)
	if m.frame != nil {
		n, err := c.writeFrame(m.frame)
		if err != nil {
			return err
		}
		size = n
	} else if err := c.ws.WriteMessage(websocket.TextMessage, m.data); err != nil {
		return err
	}
	c.s.metrics.framesSent.Add(1)
	if hook := c.s.latencyHook; hook != nil && m.timing != nil {
		t := *m.timing
		t.taken, t.written, t.bytes = taken, time.Now(), size
		hook(&t)
	}
	return nil
}

// writeFrame writes an events message piece by piece (gorilla sends it as
// one message, in as many websocket frames as its write buffer needs) and
// returns its length.
func (c *wsConn) writeFrame(f *eventsFrame) (int, error) {
	w, err := c.ws.NextWriter(websocket.TextMessage)
	if err != nil {
		return 0, err
	}
	n := 0
	for p := range f.pieces() {
		if _, err := w.Write(p); err != nil {
			w.Close()
			return n, err
		}
		n += len(p)
	}
	return n, w.Close()
}

func (c *wsConn) markDead() { c.deadOnce.Do(func() { close(c.dead) }) }

// send queues data, waiting while the queue is full (the backpressure that
// pauses the simulation). It fails when ctx is done or the writer has died.
func (c *wsConn) send(ctx context.Context, data []byte) error {
	return c.queue(ctx, outgoing{data: data})
}

// queue queues m, as send does.
func (c *wsConn) queue(ctx context.Context, m outgoing) error {
	select {
	case c.out <- m:
		return nil
	case <-c.dead:
		return errClientGone
	case <-ctx.Done():
		return context.Cause(ctx)
	}
}

// close says goodbye with code and reason after what is queued, waits
// (boundedly) for the writer, and closes the connection, which ends the
// reader.
func (c *wsConn) close(code int, reason string) {
	c.closeCode, c.closeReason = code, reason
	close(c.quit)
	select {
	case <-c.dead:
	case <-time.After(wsWriteWait):
	}
	c.ws.Close()
	for range c.in { // let the reader finish
	}
}
