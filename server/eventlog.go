// eventlog.go defines eventLog, the events of a run as the server keeps
// them: in chunks of fixed size that are never moved or changed once
// written. A log grown by append was copied whole each time it outgrew its
// array (a finished log of n bytes cost about 5n of allocation, each copy
// a large object for the collector to clear and assist for), and a reader
// that took it while it grew kept the old array alive. A chunked log grows
// by one chunk at a time and its readers share the chunks.

package server

import (
	"iter"
	"sort"

	"github.com/gilscope/gilscope/vm/machine"
)

// chunkShift sets the events of a chunk, 1<<chunkShift: 4,096 events of
// 80 bytes, 320 KB.
const chunkShift = 12

const (
	chunkEvents = 1 << chunkShift
	chunkMask   = chunkEvents - 1
	// firstChunkEvents is the first chunk's size to begin with.
	firstChunkEvents = 256
)

// eventLog is a view of events lo ≤ i < hi of a chunked log: event i is
// chunks[i>>chunkShift][i&chunkMask]. The zero value
// is an empty log. A copy is a view of the same events: the owner may
// append to its log (under its own lock) while copies taken before are
// read, since appending writes only past every copy's hi, and a chunk, once
// full, never changes. The events a view returns must not be modified.
type eventLog struct {
	chunks [][]machine.Event // chunkEvents events each, but the first while short and the last once trimmed
	lo, hi int
}

// eventLogOf returns a log holding a copy of events.
func eventLogOf(events []machine.Event) eventLog {
	var l eventLog
	l.append(events)
	return l
}

// Len returns the events in the view.
func (l eventLog) Len() int { return l.hi - l.lo }

// At returns event i of the view.
func (l eventLog) At(i int) *machine.Event {
	i += l.lo
	return &l.chunks[i>>chunkShift][i&chunkMask]
}

// Slice returns the view of events [i, j) of l.
func (l eventLog) Slice(i, j int) eventLog {
	if i < 0 || i > j || j > l.Len() {
		panic("eventLog: slice out of range")
	}
	return eventLog{chunks: l.chunks, lo: l.lo + i, hi: l.lo + j}
}

// Search returns the first index at which f is true, f being false and then
// true along the log (sort.Search).
func (l eventLog) Search(f func(e *machine.Event) bool) int {
	return sort.Search(l.Len(), func(i int) bool { return f(l.At(i)) })
}

// Pieces yields the view's events as contiguous slices, in order.
func (l eventLog) Pieces() iter.Seq[[]machine.Event] {
	return func(yield func([]machine.Event) bool) {
		for i := l.lo; i < l.hi; {
			c := l.chunks[i>>chunkShift]
			end := min(l.hi-(i&^chunkMask), len(c))
			if !yield(c[i&chunkMask : end]) {
				return
			}
			i = i&^chunkMask + end
		}
	}
}

// Flat returns a copy of the view's events in one slice.
func (l eventLog) Flat() []machine.Event {
	out := make([]machine.Event, 0, l.Len())
	for p := range l.Pieces() {
		out = append(out, p...)
	}
	return out
}

// append adds events at the end of the log, which must be a whole log (lo
// 0, and hi its end), not a view of part of one. The first chunk starts
// with firstChunkEvents and doubles up to chunkEvents, in a chunk list of
// its own each time, so that a short run does not hold a whole chunk;
// every later chunk is allocated whole.
func (l *eventLog) append(events []machine.Event) {
	for len(events) > 0 {
		c, k := l.hi>>chunkShift, l.hi&chunkMask
		switch {
		case c == len(l.chunks):
			size := chunkEvents
			if c == 0 {
				size = firstChunkEvents
			}
			l.chunks = append(l.chunks, make([]machine.Event, size))
		case k == len(l.chunks[c]): // the first chunk, full before its time
			grown := make([]machine.Event, min(2*k, chunkEvents))
			copy(grown, l.chunks[c])
			l.chunks = [][]machine.Event{grown}
		}
		n := copy(l.chunks[c][k:], events)
		l.hi += n
		events = events[n:]
	}
}

// trim gives back the unused part of the last chunk of a log that is
// complete: it has the last chunk copied to its length, in a chunk list of
// its own, so that views taken before keep theirs.
func (l *eventLog) trim() {
	if len(l.chunks) == 0 {
		return
	}
	last := l.chunks[len(l.chunks)-1]
	k := l.hi - (len(l.chunks)-1)<<chunkShift
	if k > len(last)*7/8 {
		return
	}
	chunks := make([][]machine.Event, len(l.chunks))
	copy(chunks, l.chunks)
	chunks[len(chunks)-1] = append([]machine.Event(nil), chunks[len(chunks)-1][:k]...)
	l.chunks = chunks
}
