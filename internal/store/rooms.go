// rooms.go defines Rooms, where the rooms of presenters and their followers
// live between server replicas: each room's secret and presenter state, and
// the events replicas announce about it (a state change, a follower count,
// the end). MemoryRooms serves one process; Postgres.Rooms serves replicas
// sharing a database, through LISTEN/NOTIFY.

package store

import (
	"context"
	"encoding/json"
	"maps"
	"sync"
)

// RoomEvent is what a replica announces about a room; every replica's
// subscriber receives it, the announcer's included, in the order announced.
type RoomEvent struct {
	Room string `json:"room"`
	// Kind is "set" (the presenter's state changed: Seq, Patch), "end",
	// or any kind the server defines ("count", "present", "reply").
	Kind string `json:"kind"`
	// Origin names the replica that announced it.
	Origin string `json:"origin,omitempty"`
	Seq    int64  `json:"seq,omitempty"`
	// Patch holds the parts of the state a set changed (a null part was
	// deleted). It is nil when it was too large to carry: Load the room.
	Patch map[string]json.RawMessage `json:"patch,omitempty"`
	// Reload says Patch was left out.
	Reload bool            `json:"reload,omitempty"`
	Count  int             `json:"count,omitempty"`
	From   string          `json:"from,omitempty"`
	Value  json.RawMessage `json:"value,omitempty"`
}

// Room is a room's record: the hash of its presenter's secret, and its
// state (named parts, each a JSON value) after Seq sets.
type Room struct {
	Secret []byte
	State  map[string]json.RawMessage
	Seq    int64
}

// Rooms keeps rooms and carries their events between replicas. Its methods
// are safe for concurrent use.
type Rooms interface {
	// Create makes a room with the given secret and an empty state, or
	// returns ErrConflict if code is taken.
	Create(ctx context.Context, code string, secret []byte) error
	// Load returns the room, or ErrNotFound.
	Load(ctx context.Context, code string) (*Room, error)
	// Set merges patch into the room's state (a null part deletes that
	// part), counts one more set, and announces it (kind "set") with
	// origin; it returns the new Seq, or ErrNotFound.
	Set(ctx context.Context, code, origin string, patch map[string]json.RawMessage) (int64, error)
	// Announce sends e to every replica's subscriber.
	Announce(ctx context.Context, e RoomEvent) error
	// Delete removes the room and announces its end (kind "end").
	Delete(ctx context.Context, code, origin string) error
	// Subscribe sets the function that receives every event, in order,
	// from one goroutine. It must not block, nor call the Rooms back.
	Subscribe(fn func(RoomEvent))
}

// MemoryRooms is Rooms in one process's memory.
type MemoryRooms struct {
	mu    sync.Mutex
	rooms map[string]*Room
	fn    func(RoomEvent)
}

// NewMemoryRooms returns an empty MemoryRooms.
func NewMemoryRooms() *MemoryRooms {
	return &MemoryRooms{rooms: map[string]*Room{}}
}

// Create implements Rooms.
func (m *MemoryRooms) Create(ctx context.Context, code string, secret []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.rooms[code] != nil {
		return ErrConflict
	}
	m.rooms[code] = &Room{Secret: secret, State: map[string]json.RawMessage{}}
	return nil
}

// Load implements Rooms.
func (m *MemoryRooms) Load(ctx context.Context, code string) (*Room, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	r := m.rooms[code]
	if r == nil {
		return nil, ErrNotFound
	}
	return &Room{Secret: r.Secret, State: maps.Clone(r.State), Seq: r.Seq}, nil
}

// Set implements Rooms.
func (m *MemoryRooms) Set(ctx context.Context, code, origin string, patch map[string]json.RawMessage) (int64, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	r := m.rooms[code]
	if r == nil {
		return 0, ErrNotFound
	}
	mergePatch(r.State, patch)
	r.Seq++
	m.deliver(RoomEvent{Room: code, Kind: "set", Origin: origin, Seq: r.Seq, Patch: maps.Clone(patch)})
	return r.Seq, nil
}

// mergePatch applies patch to state: a null part deletes it.
func mergePatch(state, patch map[string]json.RawMessage) {
	for k, v := range patch {
		if isNull(v) {
			delete(state, k)
		} else {
			state[k] = v
		}
	}
}

func isNull(v json.RawMessage) bool { return len(v) == 0 || string(v) == "null" }

// Announce implements Rooms.
func (m *MemoryRooms) Announce(ctx context.Context, e RoomEvent) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.deliver(e)
	return nil
}

// Delete implements Rooms.
func (m *MemoryRooms) Delete(ctx context.Context, code, origin string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.rooms, code)
	m.deliver(RoomEvent{Room: code, Kind: "end", Origin: origin})
	return nil
}

// Subscribe implements Rooms.
func (m *MemoryRooms) Subscribe(fn func(RoomEvent)) {
	m.mu.Lock()
	m.fn = fn
	m.mu.Unlock()
}

// deliver hands e to the subscriber. Call with mu held: events keep their
// order.
func (m *MemoryRooms) deliver(e RoomEvent) {
	if m.fn != nil {
		m.fn(e)
	}
}
