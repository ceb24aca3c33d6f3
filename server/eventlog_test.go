package server

import (
	"reflect"
	"sync"
	"testing"

	"github.com/gilscope/gilscope/vm/machine"
	"github.com/gilscope/gilscope/vm/trace"
)

// numbered returns n events at times from, from+1, ….
func numbered(from, n int) []machine.Event {
	out := make([]machine.Event, n)
	for i := range out {
		out[i] = machine.Event{T: trace.Time(from + i), Kind: machine.EvThreadState, Thread: int32(from + i)}
	}
	return out
}

// TestEventLogGrows appends batches of every size around the chunks'
// boundaries and checks that the log, its views and its pieces hold the
// events appended, in order, and that trimming changes none of them.
func TestEventLogGrows(t *testing.T) {
	for _, batch := range []int{1, 7, firstChunkEvents, chunkEvents - 1, chunkEvents, chunkEvents + 1, 3 * chunkEvents} {
		var l eventLog
		want := numbered(0, 0)
		for len(want) < 3*chunkEvents+5 {
			next := numbered(len(want), batch)
			l.append(next)
			want = append(want, next...)
		}
		check := func(what string, l eventLog, want []machine.Event) {
			t.Helper()
			if l.Len() != len(want) || !reflect.DeepEqual(l.Flat(), want) {
				t.Fatalf("batches of %d, %s: %d events, want %d, the same", batch, what, l.Len(), len(want))
			}
			for _, i := range []int{0, len(want) / 2, len(want) - 1} {
				if len(want) > 0 && l.At(i).T != want[i].T {
					t.Fatalf("batches of %d, %s: At(%d) is at %d, want %d", batch, what, i, l.At(i).T, want[i].T)
				}
			}
			if i := l.Search(func(e *machine.Event) bool { return e.T >= want[0].T+trace.Time(len(want)/3) }); i != len(want)/3 {
				t.Fatalf("batches of %d, %s: Search found %d, want %d", batch, what, i, len(want)/3)
			}
		}
		check("whole", l, want)
		for _, r := range [][2]int{{0, 1}, {chunkEvents - 1, chunkEvents + 1}, {5, 2*chunkEvents + 3}, {chunkEvents, len(want)}} {
			check("a view", l.Slice(r[0], r[1]), want[r[0]:r[1]])
		}
		before := l
		l.trim()
		check("trimmed", l, want)
		check("a view taken before trimming", before, want)
	}
}

// TestEventLogSmall checks that a short log holds no whole chunk once
// trimmed.
func TestEventLogSmall(t *testing.T) {
	var l eventLog
	l.append(numbered(0, 10))
	l.append(numbered(10, firstChunkEvents)) // the first chunk grows
	l.trim()
	if n := cap(l.chunks[0]); n > l.Len()+l.Len()/8 { // allocation rounds up a little
		t.Errorf("a trimmed log of %d events keeps room for %d", l.Len(), n)
	}
}

// TestEventLogReadWhileGrowing reads views of a log while it grows, as the
// sessions read a run log the simulation appends to (run it with -race).
func TestEventLogReadWhileGrowing(t *testing.T) {
	var mu sync.Mutex
	var l eventLog
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() {
			for {
				mu.Lock()
				v := l
				mu.Unlock()
				for i := 0; i < v.Len(); i += 97 {
					if v.At(i).T != trace.Time(i) {
						t.Errorf("event %d is at %d", i, v.At(i).T)
						return
					}
				}
				if v.Len() >= 5*chunkEvents {
					return
				}
			}
		})
	}
	for n := 0; n < 5*chunkEvents; n += 300 {
		mu.Lock()
		l.append(numbered(n, 300))
		mu.Unlock()
	}
	wg.Wait()
}
