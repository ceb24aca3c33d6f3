// rooms.go defines rooms (GET /ws/room and the page /r/{code}): a presenter
// opens a room, gets a short code, and publishes a state (named JSON parts:
// the workload, the playback, the view …) that the room's followers receive
// live. The server does not interpret the parts (docs/protocol.md, "Rooms"),
// so a later part, such as a poll, needs no change here. Rooms live in a
// store.Rooms: in memory, or in PostgreSQL, whose notifications carry a
// room's events to followers connected to other replicas. Each replica keeps
// only its own connections (localRoom); a follower's page plays the run
// itself, in a session of its own, which the run cache serves.

package server

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/websocket"

	"github.com/gilscope/gilscope/internal/store"
)

// Room limits.
const (
	// roomCodeLength is the length of a room's code, from roomAlphabet:
	// 31^6, about 9e8 codes, read aloud as two groups of three.
	roomCodeLength = 6
	// roomGrace is how long a room outlives its presenter's connection,
	// for a reconnect (a page reload, a network change).
	roomGrace = 30 * time.Second
	// maxRoomFollowers bounds the followers of one room on one replica.
	maxRoomFollowers = 2000
	// maxRooms bounds the rooms with a connection on one replica.
	maxRooms = 2000
	// maxRoomParts bounds the parts of a room's state, and
	// maxRoomPartName the length of a part's name.
	maxRoomParts    = 32
	maxRoomPartName = 64
	// roomStoreTimeout bounds one call to the room store.
	roomStoreTimeout = 10 * time.Second
)

// roomAlphabet spells room codes without the letters and digits that are
// confused when read aloud or from a projector (0/O, 1/I/L).
const roomAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"

// newRoomCode returns a random room code.
func newRoomCode() string {
	b := make([]byte, roomCodeLength)
	rand.Read(b)
	for i := range b {
		b[i] = roomAlphabet[int(b[i])%len(roomAlphabet)] // 256 % 31 = 8: a bias of 3 %, harmless here
	}
	return string(b)
}

// normalizeRoomCode reads a code as typed: any case, spaces and dashes
// ignored. It returns "" for what cannot be a code.
func normalizeRoomCode(s string) string {
	s = strings.ToUpper(strings.NewReplacer(" ", "", "-", "").Replace(s))
	if len(s) != roomCodeLength {
		return ""
	}
	for i := range len(s) {
		if !strings.ContainsRune(roomAlphabet, rune(s[i])) {
			return ""
		}
	}
	return s
}

// roomManager keeps this replica's room connections and relays the room
// store's events to them. Its methods are safe for concurrent use.
type roomManager struct {
	s       *Server
	hub     store.Rooms
	replica string        // this replica's name in the events it announces
	grace   time.Duration // roomGrace; tests lower it

	mu    sync.Mutex
	rooms map[string]*localRoom
}

// localRoom is what this replica holds of a room: its connections here.
type localRoom struct {
	code      string
	seq       int64       // the last set relayed
	presenter *roomClient // if the presenter is connected here
	followers map[*roomClient]bool
	counts    map[string]int // followers per replica, as they announced them
	grace     *time.Timer    // the room ends when it fires (the presenter left)
}

// roomClient is one room connection.
type roomClient struct {
	c    *wsConn
	id   string
	slow chan struct{} // closed when its queue overflowed: the session ends
	once sync.Once
	// Until the follower has its first state, the sets after it wait here
	// (guarded by the manager's mu).
	ready   bool
	pending []roomSet
}

type roomSet struct {
	seq  int64
	data []byte
}

func newRoomManager(s *Server, hub store.Rooms) *roomManager {
	m := &roomManager{s: s, hub: hub, replica: randomToken(6), grace: roomGrace, rooms: map[string]*localRoom{}}
	hub.Subscribe(m.receive)
	return m
}

func randomToken(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// secretHash is what the store keeps of a presenter's token.
func secretHash(token string) []byte {
	h := sha256.Sum256([]byte(token))
	return h[:]
}

// send queues data for a client without waiting: a client whose queue is
// full is too slow for a room, and its session ends (it reconnects and gets
// the whole state).
func (rc *roomClient) send(data []byte) {
	select {
	case rc.c.out <- outgoing{data: data}:
	default:
		rc.once.Do(func() { close(rc.slow) })
	}
}

// Messages of the room protocol (docs/protocol.md, "Rooms").
type roomClientMessage struct {
	V     int                        `json:"v"`
	Type  string                     `json:"type"`
	Code  string                     `json:"code,omitempty"`
	Token string                     `json:"token,omitempty"`
	State map[string]json.RawMessage `json:"state,omitempty"`
	Value json.RawMessage            `json:"value,omitempty"`
}

type roomMessage struct {
	header
	Role      string                     `json:"role"`
	Code      string                     `json:"code"`
	Token     string                     `json:"token,omitempty"`
	Seq       int64                      `json:"seq"`
	State     map[string]json.RawMessage `json:"state"`
	Followers int                        `json:"followers"`
}

type roomSetMessage struct {
	header
	Seq   int64                      `json:"seq"`
	State map[string]json.RawMessage `json:"state"`
}

type roomFollowersMessage struct {
	header
	Count int `json:"count"`
}

type roomReplyMessage struct {
	header
	From  string          `json:"from"`
	Value json.RawMessage `json:"value"`
}

type roomEndedMessage struct {
	header
	Reason string `json:"reason"`
}

// receive relays an event of the room store to this replica's connections.
// It never blocks.
func (m *roomManager) receive(e store.RoomEvent) {
	m.mu.Lock()
	defer m.mu.Unlock()
	r := m.rooms[e.Room]
	if r == nil {
		return
	}
	switch e.Kind {
	case "set":
		if e.Seq <= r.seq {
			return
		}
		if e.Reload { // too large for the notification: load it, then relay
			go m.reload(e.Room, e.Seq)
			return
		}
		r.seq = e.Seq
		m.relaySet(r, e.Seq, e.Patch)
	case "count":
		r.counts[e.Origin] = e.Count
		m.tellFollowers(r)
	case "present": // the presenter is back, maybe on another replica
		if r.grace != nil && e.Origin != m.replica {
			r.grace.Stop()
			r.grace = nil
		}
		if e.Origin != m.replica && len(r.followers) > 0 { // it needs our count
			go m.announceCount(e.Room, len(r.followers))
		}
	case "reply":
		if r.presenter != nil {
			r.presenter.send(marshal(roomReplyMessage{header: newHeader("reply", 0), From: e.From, Value: e.Value}))
		}
	case "end":
		m.endLocal(r, "the presenter ended the room")
	}
}

// relaySet sends a set to the room's followers here. Call with mu held.
func (m *roomManager) relaySet(r *localRoom, seq int64, patch map[string]json.RawMessage) {
	data := marshal(roomSetMessage{header: newHeader("set", 0), Seq: seq, State: patch})
	for f := range r.followers {
		if f.ready {
			f.send(data)
		} else {
			f.pending = append(f.pending, roomSet{seq, data})
		}
	}
}

// reload relays a set that came without its patch: the whole state.
func (m *roomManager) reload(code string, seq int64) {
	ctx, cancel := context.WithTimeout(context.Background(), roomStoreTimeout)
	defer cancel()
	room, err := m.hub.Load(ctx, code)
	if err != nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if r := m.rooms[code]; r != nil && room.Seq > r.seq {
		r.seq = room.Seq
		m.relaySet(r, room.Seq, room.State)
	}
}

// tellFollowers sends the presenter the room's follower count. Call with mu
// held.
func (m *roomManager) tellFollowers(r *localRoom) {
	if r.presenter == nil {
		return
	}
	n := 0
	for _, c := range r.counts {
		n += c
	}
	r.presenter.send(marshal(roomFollowersMessage{header: newHeader("followers", 0), Count: n}))
}

func (m *roomManager) announceCount(code string, n int) {
	ctx, cancel := context.WithTimeout(context.Background(), roomStoreTimeout)
	defer cancel()
	if err := m.hub.Announce(ctx, store.RoomEvent{Room: code, Kind: "count", Origin: m.replica, Count: n}); err != nil {
		m.s.log.Warn("announcing a room's followers", slog.Any("error", err))
	}
}

// endLocal tells the room's connections here that it has ended and forgets
// it. Call with mu held.
func (m *roomManager) endLocal(r *localRoom, reason string) {
	data := marshal(roomEndedMessage{header: newHeader("ended", 0), Reason: reason})
	for f := range r.followers {
		f.send(data)
		f.once.Do(func() { close(f.slow) })
	}
	if p := r.presenter; p != nil {
		p.send(data)
		p.once.Do(func() { close(p.slow) })
	}
	if r.grace != nil {
		r.grace.Stop()
	}
	delete(m.rooms, r.code)
}

// local returns the room's local record, making it. Call with mu held.
func (m *roomManager) local(code string) (*localRoom, error) {
	if r := m.rooms[code]; r != nil {
		return r, nil
	}
	if len(m.rooms) >= maxRooms {
		return nil, errors.New("this server holds as many rooms as it can; try again later")
	}
	r := &localRoom{code: code, seq: -1, followers: map[*roomClient]bool{}, counts: map[string]int{}}
	m.rooms[code] = r
	return r, nil
}

// forget drops the room's local record if nothing here uses it. Call with
// mu held.
func (m *roomManager) forget(r *localRoom) {
	if r.presenter == nil && len(r.followers) == 0 && r.grace == nil {
		delete(m.rooms, r.code)
	}
}

// handleRoomWS upgrades to a room websocket and serves one presenter or
// follower on it.
func (s *Server) handleRoomWS(w http.ResponseWriter, r *http.Request) {
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
		return
	}
	c := newWSConn(ws, s)
	go c.readLoop()
	go c.writeLoop()
	rc := &roomClient{c: c, id: randomToken(6), slow: make(chan struct{})}
	err = s.rooms.serve(ctx, rc)
	code, reason := websocket.CloseNormalClosure, ""
	switch {
	case errors.Is(context.Cause(ctx), errShuttingDown):
		code, reason = websocket.CloseGoingAway, "server shutting down"
	case errors.Is(err, errRoomEnded):
		reason = "the room ended"
	case err != nil && !errors.Is(err, errClientGone):
		s.requestLog(r).Info("room session ended", slog.Any("error", err))
	}
	c.close(code, reason)
}

var errRoomEnded = errors.New("the room ended")

// serve runs one room connection: its first message says who it is.
func (m *roomManager) serve(ctx context.Context, rc *roomClient) error {
	if err := rc.c.send(ctx, marshal(header{V: protocolVersion, Type: "hello"})); err != nil {
		return err
	}
	for {
		msg, err := m.next(ctx, rc)
		if err != nil {
			return err
		}
		switch msg.Type {
		case "open", "present":
			return m.present(ctx, rc, msg)
		case "join":
			return m.follow(ctx, rc, msg)
		default:
			m.sendError(ctx, rc, "say open, present or join first")
		}
	}
}

// next returns the next well-formed message, answering the others.
func (m *roomManager) next(ctx context.Context, rc *roomClient) (roomClientMessage, error) {
	for {
		var data []byte
		ok := true
		select {
		case <-ctx.Done():
			return roomClientMessage{}, context.Cause(ctx)
		case <-rc.slow:
			return roomClientMessage{}, errRoomEnded
		case <-rc.c.dead:
			// What the client sent before its connection ended is still its
			// word: a presenter's last set is kept, not lost to the select.
			select {
			case data, ok = <-rc.c.in:
			default:
				return roomClientMessage{}, errClientGone
			}
		case data, ok = <-rc.c.in:
		}
		if !ok {
			return roomClientMessage{}, errClientGone
		}
		var msg roomClientMessage
		if e := decodeJSON(data, &msg); e != nil {
			m.sendError(ctx, rc, e.Message)
			continue
		}
		if msg.V != protocolVersion {
			m.sendError(ctx, rc, "unknown protocol version")
			continue
		}
		return msg, nil
	}
}

func (m *roomManager) sendError(ctx context.Context, rc *roomClient, text string) error {
	m.s.metrics.error("protocol")
	return rc.c.send(ctx, marshal(errorMessage{header: newHeader("error", 0), Error: apiError{Message: text, Kind: "protocol"}}))
}

func storeCtx(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(ctx, roomStoreTimeout)
}

// present serves a presenter: it opens a room or takes back its own, then
// publishes its sets until it leaves or ends the room.
func (m *roomManager) present(ctx context.Context, rc *roomClient, msg roomClientMessage) error {
	code, token, room, err := m.claim(ctx, msg)
	if err != nil {
		m.sendError(ctx, rc, err.Error())
		return err
	}
	m.mu.Lock()
	r, err := m.local(code)
	if err != nil {
		m.mu.Unlock()
		m.sendError(ctx, rc, err.Error())
		return err
	}
	if old := r.presenter; old != nil { // a second tab, or a reconnect before the old socket died
		old.once.Do(func() { close(old.slow) })
	}
	r.presenter = rc
	if r.grace != nil {
		r.grace.Stop()
		r.grace = nil
	}
	r.seq = max(r.seq, room.Seq)
	n := 0
	for _, c := range r.counts {
		n += c
	}
	m.mu.Unlock()
	hello := roomMessage{header: newHeader("room", 0), Role: "presenter", Code: code, Token: token, Seq: room.Seq,
		State: room.State, Followers: n}
	if err := rc.c.send(ctx, marshal(hello)); err != nil {
		m.presenterLeft(r, rc)
		return err
	}
	sctx, cancel := storeCtx(ctx)
	m.hub.Announce(sctx, store.RoomEvent{Room: code, Kind: "present", Origin: m.replica})
	cancel()
	defer m.presenterLeft(r, rc)
	for {
		msg, err := m.next(ctx, rc)
		if err != nil {
			return err
		}
		switch msg.Type {
		case "set":
			if e := checkRoomState(msg.State); e != "" {
				m.sendError(ctx, rc, e)
				continue
			}
			sctx, cancel := storeCtx(ctx)
			_, err := m.hub.Set(sctx, code, m.replica, msg.State)
			cancel()
			if errors.Is(err, store.ErrNotFound) {
				return errRoomEnded
			}
			if err != nil {
				m.s.log.Warn("setting a room's state", slog.Any("error", err))
				m.sendError(ctx, rc, "the room could not be updated")
			}
		case "end":
			m.end(code)
			return errRoomEnded
		default:
			m.sendError(ctx, rc, "a presenter says set or end")
		}
	}
}

// claim opens a new room (open) or checks the token of an existing one
// (present), returning its code, token and record.
func (m *roomManager) claim(ctx context.Context, msg roomClientMessage) (string, string, *store.Room, error) {
	sctx, cancel := storeCtx(ctx)
	defer cancel()
	if msg.Type == "present" {
		code := normalizeRoomCode(msg.Code)
		room, err := m.hub.Load(sctx, code)
		if err != nil || code == "" || subtle.ConstantTimeCompare(room.Secret, secretHash(msg.Token)) != 1 {
			return "", "", nil, errors.New("no such room, or not yours")
		}
		return code, msg.Token, room, nil
	}
	token := randomToken(18)
	for range 8 {
		code := newRoomCode()
		err := m.hub.Create(sctx, code, secretHash(token))
		if errors.Is(err, store.ErrConflict) {
			continue
		}
		if err != nil {
			m.s.log.Warn("creating a room", slog.Any("error", err))
			return "", "", nil, errors.New("the room could not be created")
		}
		return code, token, &store.Room{State: map[string]json.RawMessage{}}, nil
	}
	return "", "", nil, errors.New("no free room code was found; try again")
}

// checkRoomState returns what is wrong with a set's state, or "".
func checkRoomState(state map[string]json.RawMessage) string {
	if len(state) == 0 || len(state) > maxRoomParts {
		return "a set changes 1 to 32 parts of the state"
	}
	for k := range state {
		if k == "" || len(k) > maxRoomPartName {
			return "a part's name is 1 to 64 bytes"
		}
	}
	return ""
}

// presenterLeft starts the grace period of a room whose presenter's
// connection ended, unless another connection presents it.
func (m *roomManager) presenterLeft(r *localRoom, rc *roomClient) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if r.presenter != rc {
		return
	}
	r.presenter = nil
	if m.rooms[r.code] != r {
		return // ended
	}
	code := r.code
	r.grace = time.AfterFunc(m.grace, func() { m.end(code) })
}

// end removes the room; every replica hears it.
func (m *roomManager) end(code string) {
	ctx, cancel := context.WithTimeout(context.Background(), roomStoreTimeout)
	defer cancel()
	if err := m.hub.Delete(ctx, code, m.replica); err != nil {
		m.s.log.Warn("ending a room", slog.Any("error", err))
	}
}

// follow serves a follower: the room's state, then its sets, until the
// follower leaves or the room ends. A follower may send replies, which go to
// the presenter.
func (m *roomManager) follow(ctx context.Context, rc *roomClient, msg roomClientMessage) error {
	code := normalizeRoomCode(msg.Code)
	m.mu.Lock()
	r, err := m.local(code)
	if err == nil && len(r.followers) >= maxRoomFollowers {
		err = errors.New("this room is full")
	}
	if err != nil {
		m.mu.Unlock()
		m.sendError(ctx, rc, err.Error())
		return err
	}
	r.followers[rc] = true // sets from now on wait in pending
	n := len(r.followers)
	m.mu.Unlock()
	defer m.followerLeft(r, rc)

	sctx, cancel := storeCtx(ctx)
	room, err := m.hub.Load(sctx, code)
	cancel()
	if err != nil || code == "" {
		rc.c.send(ctx, marshal(roomEndedMessage{header: newHeader("ended", 0), Reason: "there is no room " + msg.Code}))
		return errRoomEnded
	}
	m.mu.Lock()
	hello := marshal(roomMessage{header: newHeader("room", 0), Role: "follower", Code: code, Seq: room.Seq, State: room.State})
	rc.send(hello)
	for _, p := range rc.pending {
		if p.seq > room.Seq {
			rc.send(p.data)
		}
	}
	rc.ready, rc.pending = true, nil
	r.seq = max(r.seq, room.Seq)
	m.mu.Unlock()
	m.announceCount(code, n)
	for {
		msg, err := m.next(ctx, rc)
		if err != nil {
			return err
		}
		switch msg.Type {
		case "reply":
			sctx, cancel := storeCtx(ctx)
			m.hub.Announce(sctx, store.RoomEvent{Room: code, Kind: "reply", Origin: m.replica, From: rc.id, Value: msg.Value})
			cancel()
		default:
			m.sendError(ctx, rc, "a follower says reply")
		}
	}
}

// followerLeft forgets a follower and announces the new count.
func (m *roomManager) followerLeft(r *localRoom, rc *roomClient) {
	m.mu.Lock()
	delete(r.followers, rc)
	n, ended := len(r.followers), m.rooms[r.code] != r
	if !ended {
		m.forget(r)
	}
	m.mu.Unlock()
	if !ended {
		m.announceCount(r.code, n)
	}
}

// roomStats returns the rooms with a connection here and their followers.
func (m *roomManager) roomStats() (rooms, followers int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, r := range m.rooms {
		followers += len(r.followers)
	}
	return len(m.rooms), followers
}
