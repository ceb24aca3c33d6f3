// cmd_serve_store.go defines how serve opens the store of shared links:
// PostgreSQL when -store names a database, else the bbolt file in -data.

package main

import (
	"context"
	"errors"
	"log/slog"
	"strings"

	"github.com/gilscope/gilscope/internal/store"
)

// closingStore is a Store to close when the server is done.
type closingStore interface {
	store.Store
	Close() error
}

// openStore opens the store that -store (storeURL) and -data (dataDir) name:
// the PostgreSQL database at a postgres:// or postgresql:// URL, or, when
// storeURL is empty, the bbolt file in dataDir.
func openStore(ctx context.Context, storeURL, dataDir string) (closingStore, error) {
	switch {
	case storeURL == "":
		return store.OpenBolt(dataDir)
	case strings.HasPrefix(storeURL, "postgres://"), strings.HasPrefix(storeURL, "postgresql://"):
		return store.OpenPostgres(ctx, storeURL)
	}
	// Not the URL itself: it may hold a password.
	return nil, errors.New("-store: want a postgres:// or postgresql:// URL")
}

// roomsOf returns the rooms that go with db: in PostgreSQL, where replicas
// sharing the database share them, or nil (in the server's memory) with
// bbolt, which one process holds.
func roomsOf(db closingStore, log *slog.Logger) store.Rooms {
	if p, ok := db.(*store.Postgres); ok {
		return p.Rooms(log)
	}
	return nil
}
