// rooms_test.go tests Rooms: the contract on memory and PostgreSQL, and
// events crossing from one replica to another through PostgreSQL.

package store

import (
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gilscope/gilscope/internal/pgtest"
)

// roomBackends are the Rooms implementations; each test gets two replicas
// (the same one twice in memory).
var roomBackends = []struct {
	name string
	open func(t *testing.T) (a, b Rooms)
}{
	{"memory", func(*testing.T) (Rooms, Rooms) { m := NewMemoryRooms(); return m, m }},
	{"postgres", func(t *testing.T) (Rooms, Rooms) {
		url := pgtest.NewDatabase(t)
		a, b := openPostgres(t, url).Rooms(nil), openPostgres(t, url).Rooms(nil)
		for _, r := range []Rooms{a, b} {
			select {
			case <-r.(*postgresRooms).Ready():
			case <-time.After(10 * time.Second):
				t.Fatal("the listener did not start")
			}
		}
		return a, b
	}},
}

// recorder collects the events a replica receives.
type recorder struct {
	mu     sync.Mutex
	events []RoomEvent
	got    chan struct{}
}

func record(r Rooms) *recorder {
	rec := &recorder{got: make(chan struct{}, 100)}
	r.Subscribe(func(e RoomEvent) {
		rec.mu.Lock()
		rec.events = append(rec.events, e)
		rec.mu.Unlock()
		rec.got <- struct{}{}
	})
	return rec
}

// wait returns the first n events, failing after a while.
func (rec *recorder) wait(t *testing.T, n int) []RoomEvent {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		rec.mu.Lock()
		if len(rec.events) >= n {
			out := append([]RoomEvent(nil), rec.events[:n]...)
			rec.mu.Unlock()
			return out
		}
		rec.mu.Unlock()
		select {
		case <-rec.got:
		case <-deadline:
			t.Fatalf("%d events received, want %d", len(rec.events), n)
		}
	}
}

// TestRoomsContract creates a room on one replica, changes it and ends it:
// the other replica loads what the first wrote and receives every event, in
// order, large patches included.
func TestRoomsContract(t *testing.T) {
	ctx := context.Background()
	for _, be := range roomBackends {
		t.Run(be.name, func(t *testing.T) {
			a, b := be.open(t)
			rec := record(b)
			if err := a.Create(ctx, "ABC234", []byte("secret")); err != nil {
				t.Fatalf("Create: %v", err)
			}
			if err := b.Create(ctx, "ABC234", []byte("other")); !errors.Is(err, ErrConflict) {
				t.Errorf("Create of a taken code = %v, want ErrConflict", err)
			}
			if _, err := b.Load(ctx, "NOROOM"); !errors.Is(err, ErrNotFound) {
				t.Errorf("Load of no room = %v, want ErrNotFound", err)
			}
			big, _ := json.Marshal(strings.Repeat("x", 20000))
			sets := []map[string]json.RawMessage{
				{"workload": json.RawMessage(`{"source":"print(1)"}`), "playback": json.RawMessage(`{"t":0}`)},
				{"playback": json.RawMessage(`{"t":5,"playing":true}`)},
				{"workload": big},
				{"poll": json.RawMessage(`{"question":"?"}`), "playback": json.RawMessage(`null`)},
			}
			for i, p := range sets {
				if seq, err := a.Set(ctx, "ABC234", "A", p); err != nil || seq != int64(i+1) {
					t.Fatalf("Set %d = %d, %v", i, seq, err)
				}
			}
			if err := a.Announce(ctx, RoomEvent{Room: "ABC234", Kind: "count", Origin: "A", Count: 3}); err != nil {
				t.Fatalf("Announce: %v", err)
			}
			room, err := b.Load(ctx, "ABC234")
			want := map[string]json.RawMessage{"workload": big, "poll": json.RawMessage(`{"question":"?"}`)}
			if err != nil || string(room.Secret) != "secret" || room.Seq != 4 || !sameState(room.State, want) {
				t.Fatalf("Load = %+v, %v", room, err)
			}
			if err := a.Delete(ctx, "ABC234", "A"); err != nil {
				t.Fatalf("Delete: %v", err)
			}
			events := rec.wait(t, 6)
			for i, e := range events[:4] {
				if e.Kind != "set" || e.Seq != int64(i+1) || e.Origin != "A" || e.Room != "ABC234" {
					t.Errorf("event %d = %+v, want set %d", i, e, i+1)
				}
				if e.Patch == nil && !e.Reload || e.Patch != nil && !sameState(e.Patch, sets[i]) {
					t.Errorf("event %d's patch = %v, want %v or a reload", i, e.Patch, sets[i])
				}
			}
			if e := events[4]; e.Kind != "count" || e.Count != 3 {
				t.Errorf("event 4 = %+v, want the count", e)
			}
			if e := events[5]; e.Kind != "end" {
				t.Errorf("event 5 = %+v, want the end", e)
			}
			if _, err := b.Load(ctx, "ABC234"); !errors.Is(err, ErrNotFound) {
				t.Errorf("Load after Delete = %v, want ErrNotFound", err)
			}
		})
	}
}

// sameState compares states by their JSON values.
func sameState(a, b map[string]json.RawMessage) bool {
	norm := func(m map[string]json.RawMessage) map[string]any {
		out := map[string]any{}
		for k, v := range m {
			var x any
			json.Unmarshal(v, &x)
			out[k] = x
		}
		return out
	}
	return reflect.DeepEqual(norm(a), norm(b))
}
