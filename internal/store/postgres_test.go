// postgres_test.go tests what is particular to Postgres: replicas sharing a
// database, and the schema migrations.

package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/gilscope/gilscope/internal/pgtest"
)

// TestPostgresReplicas opens several stores on one empty database at once,
// as replicas starting together do (they race to migrate), and checks that
// each sees the others' records and conflicts.
func TestPostgresReplicas(t *testing.T) {
	ctx := context.Background()
	url := pgtest.NewDatabase(t)
	replicas := make([]*Postgres, 4)
	var wg sync.WaitGroup
	for i := range replicas {
		wg.Go(func() {
			p, err := OpenPostgres(ctx, url)
			if err != nil {
				t.Errorf("replica %d: OpenPostgres: %v", i, err)
				return
			}
			t.Cleanup(func() { p.Close() })
			replicas[i] = p
		})
	}
	wg.Wait()
	if t.Failed() {
		t.FailNow()
	}
	for i, p := range replicas {
		if err := p.Put(ctx, fmt.Sprint(i), []byte(fmt.Sprint("from ", i))); err != nil {
			t.Fatalf("replica %d: Put: %v", i, err)
		}
	}
	for i, p := range replicas {
		for j := range replicas {
			got, err := p.Get(ctx, fmt.Sprint(j))
			if want := fmt.Sprint("from ", j); err != nil || string(got) != want {
				t.Errorf("replica %d: Get(%d) = %q, %v; want %q", i, j, got, err, want)
			}
		}
	}
	if err := replicas[1].Put(ctx, "0", []byte("other")); !errors.Is(err, ErrConflict) {
		t.Errorf("replica 1 overwriting replica 0's record: Put = %v, want ErrConflict", err)
	}
	assertSchema(t, url)
}

// TestPostgresReopen closes the store and opens the database again: the
// records are there, and no migration runs twice.
func TestPostgresReopen(t *testing.T) {
	ctx := context.Background()
	url := pgtest.NewDatabase(t)
	p := openPostgres(t, url)
	if err := p.Put(ctx, "kept", []byte("record")); err != nil {
		t.Fatal(err)
	}
	p.Close()
	p = openPostgres(t, url)
	if got, err := p.Get(ctx, "kept"); err != nil || string(got) != "record" {
		t.Errorf("after reopen: Get = %q, %v; want record", got, err)
	}
	assertSchema(t, url)
}

// assertSchema checks that schema_migrations lists every migration once.
func assertSchema(t *testing.T, url string) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	rows, _ := conn.Query(ctx, `SELECT version FROM schema_migrations ORDER BY version`)
	versions, err := pgx.CollectRows(rows, pgx.RowTo[int])
	if err != nil {
		t.Fatal(err)
	}
	if len(versions) != len(migrations) {
		t.Fatalf("schema_migrations = %v, want versions 1 to %d", versions, len(migrations))
	}
	for i, v := range versions {
		if v != i+1 {
			t.Errorf("schema_migrations = %v, want versions 1 to %d", versions, len(migrations))
		}
	}
}

// TestOpenPostgresErrors checks that a bad connection string is refused
// without echoing it (it may hold a password).
func TestOpenPostgresErrors(t *testing.T) {
	_, err := OpenPostgres(context.Background(), "postgres://user:secret@host:notaport/db")
	if err == nil {
		t.Fatal("OpenPostgres accepted a port that is not a number")
	}
	if s := err.Error(); strings.Contains(s, "secret") {
		t.Errorf("error %q shows the password", s)
	}
}
