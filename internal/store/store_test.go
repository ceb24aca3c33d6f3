package store

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gilscope/gilscope/internal/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// backends are the Store implementations; every contract test runs on each.
var backends = []struct {
	name string
	open func(t *testing.T) Store // a fresh, empty store, closed when t ends
}{
	{"memory", func(*testing.T) Store { return NewMemory() }},
	{"bolt", func(t *testing.T) Store {
		b, err := OpenBolt(t.TempDir())
		if err != nil {
			t.Fatalf("OpenBolt: %v", err)
		}
		t.Cleanup(func() { b.Close() })
		return b
	}},
	{"postgres", func(t *testing.T) Store { return openPostgres(t, pgtest.NewDatabase(t)) }},
}

// forEachBackend runs test on a fresh store of each kind, as subtests.
func forEachBackend(t *testing.T, test func(t *testing.T, s Store)) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) { test(t, b.open(t)) })
	}
}

// openPostgres opens a Postgres store on the database at url, closed when t
// ends.
func openPostgres(t *testing.T, url string) *Postgres {
	t.Helper()
	p, err := OpenPostgres(context.Background(), url)
	if err != nil {
		t.Fatalf("OpenPostgres: %v", err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}

// TestStoreContract checks what every Store promises, step by step.
func TestStoreContract(t *testing.T) {
	ctx := context.Background()
	steps := []struct {
		desc    string
		put     bool
		id      string
		data    string
		wantErr error
		want    string
	}{
		{desc: "missing id", id: "a", wantErr: ErrNotFound},
		{desc: "first put", put: true, id: "a", data: "one"},
		{desc: "get it back", id: "a", want: "one"},
		{desc: "same bytes again is a no-op", put: true, id: "a", data: "one"},
		{desc: "other bytes conflict", put: true, id: "a", data: "two", wantErr: ErrConflict},
		{desc: "the record is unchanged", id: "a", want: "one"},
		{desc: "another id", put: true, id: "b", data: "two"},
		{desc: "ids are independent", id: "b", want: "two"},
		{desc: "an empty record", put: true, id: "c", data: ""},
		{desc: "is kept", id: "c", want: ""},
	}
	forEachBackend(t, func(t *testing.T, s Store) {
		for _, st := range steps {
			if st.put {
				if err := s.Put(ctx, st.id, []byte(st.data)); !errors.Is(err, st.wantErr) {
					t.Errorf("%s: Put = %v, want %v", st.desc, err, st.wantErr)
				}
				continue
			}
			got, err := s.Get(ctx, st.id)
			if !errors.Is(err, st.wantErr) || string(got) != st.want {
				t.Errorf("%s: Get = %q, %v; want %q, %v", st.desc, got, err, st.want, st.wantErr)
			}
		}
	})
}

// TestStoreCopies checks that neither the caller's buffer nor a returned one
// aliases the stored record.
func TestStoreCopies(t *testing.T) {
	ctx := context.Background()
	forEachBackend(t, func(t *testing.T, s Store) {
		buf := []byte("abc")
		if err := s.Put(ctx, "x", buf); err != nil {
			t.Fatal(err)
		}
		buf[0] = 'z'
		got, _ := s.Get(ctx, "x")
		got[1] = 'z'
		if again, _ := s.Get(ctx, "x"); string(again) != "abc" {
			t.Errorf("record = %q after the caller changed its buffers, want abc", again)
		}
	})
}

// TestStoreConcurrent puts and gets from many goroutines (run with -race).
func TestStoreConcurrent(t *testing.T) {
	ctx := context.Background()
	forEachBackend(t, func(t *testing.T, s Store) {
		var wg sync.WaitGroup
		for g := range 8 {
			wg.Go(func() {
				for i := range 10 {
					id := fmt.Sprint(i)
					if err := s.Put(ctx, id, []byte(id)); err != nil {
						t.Errorf("goroutine %d: Put: %v", g, err)
					}
					if got, err := s.Get(ctx, id); err != nil || string(got) != id {
						t.Errorf("goroutine %d: Get = %q, %v", g, got, err)
					}
				}
			})
		}
		wg.Wait()
	})
}

// TestStoreCanceled checks that a done context is refused.
func TestStoreCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	forEachBackend(t, func(t *testing.T, s Store) {
		if err := s.Put(ctx, "a", nil); !errors.Is(err, context.Canceled) {
			t.Errorf("Put with a canceled context = %v", err)
		}
		if _, err := s.Get(ctx, "a"); !errors.Is(err, context.Canceled) {
			t.Errorf("Get with a canceled context = %v", err)
		}
	})
}

// TestBoltDurable writes records, closes the file, reopens it and reads them.
func TestBoltDurable(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	b, err := OpenBolt(dir)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 20 {
		if err := b.Put(ctx, fmt.Sprint(i), []byte(fmt.Sprint("record ", i))); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	b, err = OpenBolt(dir)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer b.Close()
	for i := range 20 {
		got, err := b.Get(ctx, fmt.Sprint(i))
		if want := fmt.Sprint("record ", i); err != nil || string(got) != want {
			t.Errorf("after reopen: Get(%d) = %q, %v; want %q", i, got, err, want)
		}
	}
}

// TestStoreSize checks that a store's size grows with new records, and not
// with a record put again. The record is random, so a store that compresses
// (PostgreSQL does) cannot make it small.
func TestStoreSize(t *testing.T) {
	ctx := context.Background()
	forEachBackend(t, func(t *testing.T, s Store) {
		before, err := s.Size(ctx)
		if err != nil {
			t.Fatal(err)
		}
		big := make([]byte, 64<<10)
		rand.Read(big)
		s.Put(ctx, "a", big)
		after, _ := s.Size(ctx)
		s.Put(ctx, "a", big)
		again, _ := s.Size(ctx)
		if after < before+int64(len(big)) || again != after {
			t.Errorf("sizes %d, %d after a 64 KB record, %d after it again", before, after, again)
		}
	})
}

// TestBoltLocked checks that a second open of a database in use fails
// within openTimeout, saying the file is locked, while the first goes on.
func TestBoltLocked(t *testing.T) {
	dir := t.TempDir()
	first, err := OpenBolt(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	start := time.Now()
	second, err := OpenBolt(dir)
	if err == nil {
		second.Close()
		t.Fatal("a second open of a database in use succeeded")
	}
	if !strings.Contains(err.Error(), "locked by another process") || !strings.Contains(err.Error(), FileName) {
		t.Errorf("error %q, want it to say the file is locked", err)
	}
	if d := time.Since(start); d > openTimeout+time.Second {
		t.Errorf("the second open took %v", d)
	}
	ctx := context.Background()
	if err := first.Put(ctx, "a", []byte("x")); err != nil {
		t.Errorf("the first store after a refused second: %v", err)
	}
}
