// Package store keeps shared workloads: small immutable records under
// content-addressed ids. A Store is written once per id and never altered:
// putting an id again with the same bytes is a no-op, with different bytes
// an ErrConflict. Three implementations: Bolt, one durable file on disk;
// Postgres, a PostgreSQL database that several server replicas share; and
// Memory, for tests.
package store

import (
	"context"
	"errors"
)

// Errors returned by every Store.
var (
	// ErrNotFound: no record has the id.
	ErrNotFound = errors.New("store: not found")
	// ErrConflict: the id already holds different bytes (a hash collision,
	// which the caller resolves with a longer id).
	ErrConflict = errors.New("store: id already holds different content")
)

// Store is a write-once map from ids to records, which knows its size. Implementations are safe for
// concurrent use.
type Store interface {
	// Put stores data under id. When it returns nil the record is durable:
	// it survives a crash or restart. Put of an id already holding the same
	// bytes returns nil and changes nothing; of one holding other bytes,
	// ErrConflict.
	Put(ctx context.Context, id string, data []byte) error
	// Get returns the record stored under id, or ErrNotFound.
	Get(ctx context.Context, id string) ([]byte, error)
	// Size returns the bytes the store takes: its file or table on disk, or
	// its records in memory. It never shrinks (records are never deleted).
	Size(ctx context.Context) (int64, error)
}
