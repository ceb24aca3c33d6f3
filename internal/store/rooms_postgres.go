// rooms_postgres.go defines the Rooms of a Postgres store: the rooms table,
// and their events carried by NOTIFY on one channel, which every replica
// LISTENs on over a connection of its own. A notification is sent in the
// transaction of the change it announces, so replicas receive the changes in
// the order they were committed.

package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// roomChannel is the NOTIFY channel of room events.
const roomChannel = "gilscope_rooms"

// maxNotifyBytes is the largest payload sent with NOTIFY (PostgreSQL
// refuses 8000 bytes and more); a set whose patch makes the event larger is
// announced without it, and replicas load the room.
const maxNotifyBytes = 7900

// roomMaxIdle is how long a room that nobody changed is kept: a room whose
// presenter's replica died without ending it goes when a room is created
// after that.
const roomMaxIdle = 24 * time.Hour

// listenRetry is the wait before the listener connects again after losing
// its connection.
const listenRetry = time.Second

// Rooms returns the rooms of the database, starting the listener that
// delivers their events on the first call; log receives its connection
// errors. The listener stops when p is closed.
func (p *Postgres) Rooms(log *slog.Logger) Rooms {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.rooms == nil {
		ctx, cancel := context.WithCancel(context.Background())
		p.rooms = &postgresRooms{p: p, log: log, cancel: cancel, stopped: make(chan struct{}), ready: make(chan struct{})}
		go p.rooms.listen(ctx)
	}
	return p.rooms
}

type postgresRooms struct {
	p       *Postgres
	log     *slog.Logger
	cancel  context.CancelFunc
	stopped chan struct{}
	ready   chan struct{} // closed once the first LISTEN is in place

	mu sync.Mutex
	fn func(RoomEvent)
}

func (r *postgresRooms) stop() {
	r.cancel()
	<-r.stopped
}

// Ready returns a channel closed once the listener is listening: events
// announced after that are received.
func (r *postgresRooms) Ready() <-chan struct{} { return r.ready }

// Create implements Rooms.
func (r *postgresRooms) Create(ctx context.Context, code string, secret []byte) error {
	_, err := r.p.pool.Exec(ctx, `DELETE FROM rooms WHERE updated < now() - $1::interval`, roomMaxIdle.String())
	if err != nil {
		return fmt.Errorf("store: create room: %w", err)
	}
	tag, err := r.p.pool.Exec(ctx, `INSERT INTO rooms (code, secret) VALUES ($1, $2) ON CONFLICT (code) DO NOTHING`, code, secret)
	if err != nil {
		return fmt.Errorf("store: create room: %w", err)
	}
	if tag.RowsAffected() == 0 {
		return ErrConflict
	}
	return nil
}

// Load implements Rooms.
func (r *postgresRooms) Load(ctx context.Context, code string) (*Room, error) {
	room := &Room{}
	var state []byte
	err := r.p.pool.QueryRow(ctx, `SELECT secret, state, seq FROM rooms WHERE code = $1`, code).Scan(&room.Secret, &state, &room.Seq)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("store: load room: %w", err)
	}
	if err := json.Unmarshal(state, &room.State); err != nil {
		return nil, fmt.Errorf("store: load room: %w", err)
	}
	return room, nil
}

// Set implements Rooms.
func (r *postgresRooms) Set(ctx context.Context, code, origin string, patch map[string]json.RawMessage) (int64, error) {
	put, del := map[string]json.RawMessage{}, []string{}
	for k, v := range patch {
		if isNull(v) {
			del = append(del, k)
		} else {
			put[k] = v
		}
	}
	merge, err := json.Marshal(put)
	if err != nil {
		return 0, fmt.Errorf("store: set room: %w", err)
	}
	var seq int64
	err = pgx.BeginFunc(ctx, r.p.pool, func(tx pgx.Tx) error {
		err := tx.QueryRow(ctx, `UPDATE rooms SET state = (state || $2::jsonb) - $3::text[], seq = seq + 1, updated = now()
			WHERE code = $1 RETURNING seq`, code, merge, del).Scan(&seq)
		if err != nil {
			return err
		}
		return notify(ctx, tx, RoomEvent{Room: code, Kind: "set", Origin: origin, Seq: seq, Patch: patch})
	})
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, ErrNotFound
	}
	if err != nil {
		return 0, fmt.Errorf("store: set room: %w", err)
	}
	return seq, nil
}

// notify sends e on the room channel within tx, without its patch if it
// does not fit.
func notify(ctx context.Context, tx pgx.Tx, e RoomEvent) error {
	payload, err := json.Marshal(e)
	if err != nil {
		return err
	}
	if len(payload) > maxNotifyBytes && e.Patch != nil {
		e.Patch, e.Reload = nil, true
		payload, err = json.Marshal(e)
		if err != nil {
			return err
		}
	}
	if len(payload) > maxNotifyBytes {
		return fmt.Errorf("a room event of %d bytes does not fit a notification", len(payload))
	}
	_, err = tx.Exec(ctx, `SELECT pg_notify($1, $2)`, roomChannel, string(payload))
	return err
}

// Announce implements Rooms.
func (r *postgresRooms) Announce(ctx context.Context, e RoomEvent) error {
	err := pgx.BeginFunc(ctx, r.p.pool, func(tx pgx.Tx) error { return notify(ctx, tx, e) })
	if err != nil {
		return fmt.Errorf("store: announce: %w", err)
	}
	return nil
}

// Delete implements Rooms.
func (r *postgresRooms) Delete(ctx context.Context, code, origin string) error {
	err := pgx.BeginFunc(ctx, r.p.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `DELETE FROM rooms WHERE code = $1`, code); err != nil {
			return err
		}
		return notify(ctx, tx, RoomEvent{Room: code, Kind: "end", Origin: origin})
	})
	if err != nil {
		return fmt.Errorf("store: delete room: %w", err)
	}
	return nil
}

// Subscribe implements Rooms.
func (r *postgresRooms) Subscribe(fn func(RoomEvent)) {
	r.mu.Lock()
	r.fn = fn
	r.mu.Unlock()
}

// listen receives the notifications until ctx is done, connecting again
// whenever the connection is lost. Events announced while it was not
// connected are lost: a follower's replica sees the next set.
func (r *postgresRooms) listen(ctx context.Context) {
	defer close(r.stopped)
	first := true
	for ctx.Err() == nil {
		err := r.listenOnce(ctx, &first)
		if ctx.Err() != nil {
			return
		}
		if r.log != nil {
			r.log.Warn("listening for room events", slog.Any("error", err))
		}
		select {
		case <-ctx.Done():
		case <-time.After(listenRetry):
		}
	}
}

func (r *postgresRooms) listenOnce(ctx context.Context, first *bool) error {
	conn, err := r.p.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, "LISTEN "+roomChannel); err != nil {
		conn.Conn().Close(ctx) // not back into the pool, listening
		return err
	}
	if *first {
		*first = false
		close(r.ready)
	}
	for {
		n, err := conn.Conn().WaitForNotification(ctx)
		if err != nil {
			// Closing it keeps a listening connection out of the pool.
			conn.Conn().Close(context.Background())
			return err
		}
		r.deliver(n)
	}
}

func (r *postgresRooms) deliver(n *pgconn.Notification) {
	var e RoomEvent
	if err := json.Unmarshal([]byte(n.Payload), &e); err != nil {
		return
	}
	r.mu.Lock()
	fn := r.fn
	r.mu.Unlock()
	if fn != nil {
		fn(e)
	}
}
