// rooms_bench_test.go is the room benchmark of docs/performance.md: a
// presenter and roomFollowers follower websockets, on one replica or two
// (two Servers on one PostgreSQL database, the followers on the one the
// presenter is not on). Run it with
//
//	go test ./server/ -run XXX -bench Room -benchtime 1x
//
// Each of roomActions sets the presenter makes carries the time it was
// sent; every follower reads every set, and the benchmark reports the p50
// and p99 of the time from the presenter's write to the follower's read of
// that frame.

package server

import (
	"encoding/json"
	"log/slog"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/gilscope/gilscope/internal/pgtest"
	"github.com/gilscope/gilscope/internal/store"
	"github.com/gilscope/gilscope/static"
)

const (
	// roomFollowers is the number of followers of the room benchmark.
	roomFollowers = 100
	// roomActions is the number of the presenter's actions, roomActionGap
	// apart (a presenter clicking fast).
	roomActions   = 100
	roomActionGap = 20 * time.Millisecond
)

func BenchmarkRoom(b *testing.B) {
	b.Run("one-replica", func(b *testing.B) {
		s, _ := newTestServerB(b)
		hs := httptest.NewServer(s.Handler())
		defer hs.Close()
		benchRoom(b, hs.URL, hs.URL)
	})
	b.Run("two-replicas", func(b *testing.B) {
		url := pgtest.NewDatabase(b)
		var urls []string
		for range 2 {
			db, err := store.OpenPostgres(b.Context(), url)
			if err != nil {
				b.Fatal(err)
			}
			s, err := New(Config{Logger: slog.New(slog.DiscardHandler), Static: static.FS(), Store: db,
				Runner: testPool(b), Rooms: db.Rooms(nil)})
			if err != nil {
				b.Fatal(err)
			}
			hs := httptest.NewServer(s.Handler())
			b.Cleanup(func() { hs.Close(); db.Close() })
			urls = append(urls, hs.URL)
			select {
			case <-db.Rooms(nil).(interface{ Ready() <-chan struct{} }).Ready():
			case <-time.After(20 * time.Second):
				b.Fatal("the room listener did not start")
			}
		}
		benchRoom(b, urls[0], urls[1])
	})
}

// benchRoom opens a room on presenterURL, roomFollowers followers on
// followerURL, and times roomActions sets from the one to the others.
func benchRoom(b *testing.B, presenterURL, followerURL string) {
	for range b.N {
		p, room := openRoom(b, presenterURL)
		var mu sync.Mutex
		var latencies []time.Duration
		var wg sync.WaitGroup
		for range roomFollowers {
			f, _ := joinRoom(b, followerURL, room.Code)
			wg.Go(func() {
				for range roomActions {
					f.ws.SetReadDeadline(time.Now().Add(time.Minute))
					var m roomReceived
					if err := f.ws.ReadJSON(&m); err != nil {
						b.Errorf("follower: %v", err)
						return
					}
					if m.Type != "set" {
						continue
					}
					var part struct{ Sent int64 }
					json.Unmarshal(m.State["playback"], &part)
					d := time.Since(time.Unix(0, part.Sent))
					mu.Lock()
					latencies = append(latencies, d)
					mu.Unlock()
				}
			})
		}
		p.untilCount(roomFollowers)
		for i := range roomActions {
			p.send(map[string]any{"type": "set", "state": map[string]any{
				"playback": map[string]any{"t": i, "playing": i%2 == 0, "sent": time.Now().UnixNano()}}})
			time.Sleep(roomActionGap)
		}
		wg.Wait()
		p.send(map[string]any{"type": "end"})
		slices.Sort(latencies)
		pct := func(q float64) float64 {
			if len(latencies) == 0 {
				return 0
			}
			return float64(latencies[int(q*float64(len(latencies)-1))].Microseconds()) / 1000
		}
		b.ReportMetric(pct(0.5), "p50-ms")
		b.ReportMetric(pct(0.99), "p99-ms")
		b.ReportMetric(float64(len(latencies)), "frames")
		if len(latencies) != roomFollowers*roomActions {
			b.Errorf("%d frames read, want %d", len(latencies), roomFollowers*roomActions)
		}
	}
}
