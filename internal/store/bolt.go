// bolt.go defines Bolt, the Store in one bbolt file.

package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// FileName is the name of the database file in the data directory.
const FileName = "gilscope.db"

// openTimeout bounds the wait for the file lock, so a second server on the
// same data directory fails at start rather than hanging.
const openTimeout = 2 * time.Second

// sharesBucket holds the shared workloads, id → record.
var sharesBucket = []byte("shares")

// Bolt is a Store in a bbolt database file. Every Put is one transaction,
// committed with fsync before it returns (bbolt's default).
type Bolt struct {
	db *bolt.DB
}

// OpenBolt opens, creating it and dir if need be, the database FileName in
// dir. Close it when done.
func OpenBolt(dir string) (*Bolt, error) {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	path := filepath.Join(dir, FileName)
	db, err := bolt.Open(path, 0o640, &bolt.Options{Timeout: openTimeout})
	if errors.Is(err, berrors.ErrTimeout) {
		return nil, fmt.Errorf("store: %s is locked by another process (is another gilscope serving the same data directory?)", path)
	}
	if err != nil {
		return nil, fmt.Errorf("store: opening %s: %w", path, err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		_, err := tx.CreateBucketIfNotExists(sharesBucket)
		return err
	})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("store: initialising %s: %w", path, err)
	}
	return &Bolt{db: db}, nil
}

// Close closes the database file.
func (b *Bolt) Close() error { return b.db.Close() }

// Put implements Store.
func (b *Bolt) Put(ctx context.Context, id string, data []byte) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return b.db.Update(func(tx *bolt.Tx) error {
		bk := tx.Bucket(sharesBucket)
		if old := bk.Get([]byte(id)); old != nil {
			if !bytes.Equal(old, data) {
				return ErrConflict
			}
			return nil
		}
		return bk.Put([]byte(id), bytes.Clone(data))
	})
}

// Size implements Store: the size of the database file, free pages
// included.
func (b *Bolt) Size(ctx context.Context) (int64, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	var n int64
	err := b.db.View(func(tx *bolt.Tx) error {
		n = tx.Size()
		return nil
	})
	return n, err
}

// Get implements Store.
func (b *Bolt) Get(ctx context.Context, id string) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var out []byte
	err := b.db.View(func(tx *bolt.Tx) error {
		v := tx.Bucket(sharesBucket).Get([]byte(id))
		if v == nil {
			return ErrNotFound
		}
		out = bytes.Clone(v) // v is valid only inside the transaction
		return nil
	})
	return out, err
}
