// postgres.go defines Postgres, the Store in a PostgreSQL database, which
// several server replicas can share.

package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// postgresOpenTimeout bounds connecting and migrating at start, so a server
// pointed at an unreachable database fails rather than hanging.
const postgresOpenTimeout = 30 * time.Second

// migrationLock is the key of the advisory lock held while migrating, so two
// replicas starting at once apply each migration once. Any constant would do;
// this one is "gilscope" in ASCII.
const migrationLock = 0x67696c73636f7065

// migrations are the schema's changes, in order; migration i brings the
// schema to version i+1. Never edit or reorder one that has shipped: append.
var migrations = []string{
	// 1: the shared workloads, id → record, written once.
	`CREATE TABLE shares (
		id      text PRIMARY KEY,
		data    bytea NOT NULL,
		created timestamptz NOT NULL DEFAULT now()
	)`,
	// 2: the rooms (rooms_postgres.go), code → secret and presenter state.
	`CREATE TABLE rooms (
		code    text PRIMARY KEY,
		secret  bytea NOT NULL,
		state   jsonb NOT NULL DEFAULT '{}',
		seq     bigint NOT NULL DEFAULT 0,
		created timestamptz NOT NULL DEFAULT now(),
		updated timestamptz NOT NULL DEFAULT now()
	)`,
}

// Postgres is a Store in a PostgreSQL database. Every Put is one
// transaction, committed with synchronous_commit on, so the record is on the
// server's disk (and its synchronous standbys') before Put returns. Several
// Postgres values, in one process or many, may share a database.
type Postgres struct {
	pool  *pgxpool.Pool
	rooms *postgresRooms // made by Rooms
	mu    sync.Mutex
}

// OpenPostgres connects to the database at url (a postgres:// URL or a
// key=value connection string, as libpq takes them) and brings its schema up
// to date. Close it when done.
func OpenPostgres(ctx context.Context, url string) (*Postgres, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		// The error may quote the URL and its password: say only what is wrong.
		return nil, errors.New("store: invalid PostgreSQL connection string")
	}
	// Durability must not depend on the server's default.
	cfg.ConnConfig.RuntimeParams["synchronous_commit"] = "on"
	if cfg.ConnConfig.RuntimeParams["application_name"] == "" {
		cfg.ConnConfig.RuntimeParams["application_name"] = "gilscope"
	}
	ctx, cancel := context.WithTimeout(ctx, postgresOpenTimeout)
	defer cancel()
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	if err := migrate(ctx, pool); err != nil {
		pool.Close()
		return nil, fmt.Errorf("store: %w", err)
	}
	return &Postgres{pool: pool}, nil
}

// migrate applies, in one transaction under migrationLock, every migration
// the schema_migrations table does not list.
func migrate(ctx context.Context, pool *pgxpool.Pool) error {
	return pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(migrationLock)); err != nil {
			return fmt.Errorf("locking the schema: %w", err)
		}
		_, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version    integer PRIMARY KEY,
			applied_at timestamptz NOT NULL DEFAULT now()
		)`)
		if err != nil {
			return fmt.Errorf("creating schema_migrations: %w", err)
		}
		var version int
		if err := tx.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&version); err != nil {
			return fmt.Errorf("reading the schema version: %w", err)
		}
		// A version beyond ours is a newer replica's: its migrations add to
		// the schema without breaking older code, so we go on.
		for v := version + 1; v <= len(migrations); v++ {
			if _, err := tx.Exec(ctx, migrations[v-1]); err != nil {
				return fmt.Errorf("migration %d: %w", v, err)
			}
			if _, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version) VALUES ($1)`, v); err != nil {
				return fmt.Errorf("migration %d: %w", v, err)
			}
		}
		return nil
	})
}

// Close closes the connections to the database.
func (p *Postgres) Close() error {
	p.mu.Lock()
	if p.rooms != nil {
		p.rooms.stop()
	}
	p.mu.Unlock()
	p.pool.Close()
	return nil
}

// Put implements Store.
func (p *Postgres) Put(ctx context.Context, id string, data []byte) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if data == nil {
		data = []byte{} // the column is NOT NULL; an empty record is allowed
	}
	tag, err := p.pool.Exec(ctx, `INSERT INTO shares (id, data) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING`, id, data)
	if err != nil {
		return fmt.Errorf("store: put %s: %w", id, err)
	}
	if tag.RowsAffected() == 1 {
		return nil
	}
	// The id was taken, and records never change: compare with what it holds.
	// This second statement sees the row even if another replica committed
	// it while the insert waited.
	old, err := p.Get(ctx, id)
	if err != nil {
		return err
	}
	if !bytes.Equal(old, data) {
		return ErrConflict
	}
	return nil
}

// Size implements Store: the bytes of the shares table on disk, its index
// and out-of-line (TOAST) storage included. The shares of every replica
// count.
func (p *Postgres) Size(ctx context.Context) (int64, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	var n int64
	if err := p.pool.QueryRow(ctx, `SELECT pg_total_relation_size('shares')`).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: size: %w", err)
	}
	return n, nil
}

// Get implements Store.
func (p *Postgres) Get(ctx context.Context, id string) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var data []byte
	err := p.pool.QueryRow(ctx, `SELECT data FROM shares WHERE id = $1`, id).Scan(&data)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("store: get %s: %w", id, err)
	}
	return data, nil
}
