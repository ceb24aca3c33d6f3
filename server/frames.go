// frames.go defines how events messages are made: events are encoded to
// JSON one by one (encodedEvents) and a message is cut from those bytes, so
// that the sessions reading one log at one resolution share the coalescing
// and the encoding (sharedEvents) instead of each doing it again. A cache
// hit then costs a session the write of bytes already made, not the work
// of a simulation's worth of encoding.

package server

import (
	"bytes"
	"encoding/json"
	"iter"
	"math"
	"slices"
	"sync"

	"github.com/gilscope/gilscope/vm/machine"
	"github.com/gilscope/gilscope/vm/trace"
)

// maxSharedViews bounds the resolutions at which one log keeps its events
// encoded for its readers; the least recently used goes first. A session
// holding one that was let go goes on using it, unshared.
const maxSharedViews = 4

// encodedEvents is a run of events encoded to JSON: event i is
// buf[offs[i]:offs[i+1]], its encoding followed by a comma, and happens
// at times[i]. offs has one entry more than times.
type encodedEvents struct {
	times []trace.Time
	offs  []int
	buf   []byte
}

func (e encodedEvents) len() int { return len(e.times) }

// maxSegmentEvents bounds a segment of an encoding, and eventBytes is
// about what an event takes encoded, to size a segment's bytes. An
// encoder fills a segment, then starts the next, twice as large up to the
// bound, so that what it has encoded never moves. (An encoding that grew
// by append was copied whole each time it outgrew its array: 84 MB of a
// cache run's allocation.)
const (
	maxSegmentEvents = 4096
	eventBytes       = 64
)

// encoder encodes events one by one into segments of encodedEvents, the
// bytes each would have in a JSON array of them. The segments it has
// returned (events) stay valid and unchanged while it goes on.
type encoder struct {
	segs    eventsOf // the last is being filled
	next    int      // the events of the next segment
	scratch []byte   // the event being encoded
	esc     bytes.Buffer
}

// newEncoder returns an encoder for about n events (its first segment's
// size; 0 for a small one).
func newEncoder(n int) *encoder { return &encoder{next: min(max(n, 64), maxSegmentEvents)} }

// add appends w's encoding: what json.Marshal makes of it (the event's
// AppendJSON, with the characters encoding/json escapes for HTML escaped),
// then a comma. Going through json.Marshal, which calls MarshalJSON into a
// fresh slice and then checks and compacts what it returned, cost three
// times as much.
func (e *encoder) add(w *wireEvent) {
	b := e.escapeHTML(w.appendJSON(e.scratch[:0]), 0)
	e.scratch = append(b, ',')
	last := len(e.segs) - 1
	if last < 0 || len(e.segs[last].times) == cap(e.segs[last].times) || len(e.segs[last].buf)+len(e.scratch) > cap(e.segs[last].buf) {
		n := e.next
		e.next = min(2*n, maxSegmentEvents)
		e.segs = append(e.segs, encodedEvents{times: make([]trace.Time, 0, n),
			offs: append(make([]int, 0, n+1), 0), buf: make([]byte, 0, max(n*eventBytes, len(e.scratch)))})
		last++
	}
	seg := &e.segs[last]
	seg.buf = append(seg.buf, e.scratch...)
	seg.times = append(seg.times, w.T)
	seg.offs = append(seg.offs, len(seg.buf))
}

// events returns what e has encoded so far. add rewrites the last segment's
// header in place, so what events returns is read under the lock that add
// runs under; what has been encoded (below each header's length) never
// changes, so the segments' own copies (eventsOf.slice) may be read outside.
func (e *encoder) events() eventsOf { return e.segs[:len(e.segs):len(e.segs)] }

// escapeHTML escapes b[start:] as json.Marshal escapes a Marshaler's output
// (json.HTMLEscape: <, >, & and the line and paragraph separators), which
// AppendJSON leaves as they are. Most events have none of them.
func (e *encoder) escapeHTML(b []byte, start int) []byte {
	if !slices.ContainsFunc(b[start:], func(c byte) bool { return c == '<' || c == '>' || c == '&' || c == 0xE2 }) {
		return b // 0xE2 begins the separators' UTF-8, and other characters'
	}
	e.esc.Reset()
	json.HTMLEscape(&e.esc, b[start:])
	return append(b[:start], e.esc.Bytes()...)
}

// encodeEvents encodes events.
func encodeEvents(events []wireEvent) eventsOf {
	e := newEncoder(len(events))
	for i := range events {
		e.add(&events[i])
	}
	return e.events()
}

// encodeRange encodes the events of log that c.eachInRange emits.
func (c *coalescer) encodeRange(log eventLog, t0, t1 trace.Time, resolution float64, lookahead bool) eventsOf {
	e := newEncoder(0)
	c.eachInRange(log, t0, t1, resolution, lookahead, e.add)
	return e.events()
}

// slice returns the events with t0 ≤ T < t1.
func (e encodedEvents) slice(t0, t1 trace.Time) encodedEvents {
	i0, _ := slices.BinarySearch(e.times, t0)
	i1, _ := slices.BinarySearch(e.times, t1)
	i1 = max(i1, i0)
	return encodedEvents{times: e.times[i0:i1], offs: e.offs[i0 : i1+1], buf: e.buf}
}

// eventsOf is what an events message carries: consecutive runs of encoded
// events, in time order.
type eventsOf []encodedEvents

func (es eventsOf) len() int {
	n := 0
	for _, e := range es {
		n += e.len()
	}
	return n
}

// slice returns the events with t0 ≤ T < t1, in a slice of its own.
func (es eventsOf) slice(t0, t1 trace.Time) eventsOf {
	var out eventsOf
	for _, e := range es {
		if e.len() == 0 || e.times[e.len()-1] < t0 || e.times[0] >= t1 {
			continue
		}
		out = append(out, e.slice(t0, t1))
	}
	return out
}

// at returns the time of event i.
func (es eventsOf) at(i int) trace.Time {
	for _, e := range es {
		if i < e.len() {
			return e.times[i]
		}
		i -= e.len()
	}
	panic("eventsOf: index out of range")
}

// eventsFrame is an events (or instr) message: events [from, to) of es
// after head. The writer writes it to the socket piece by piece from the
// encodings, which the readers of a log share, without a copy of the
// message's own (one per message and reader was 78 MB of a cache run's
// allocation).
type eventsFrame struct {
	head     []byte // the message up to its events' '['
	es       eventsOf
	from, to int
}

// newEventsFrame returns the events (or instr) message of events [from,
// to) of es: its bytes are what marshal gives for the eventsMessage
// holding them.
func newEventsFrame(h header, t0, t1 trace.Time, es eventsOf, from, to int) *eventsFrame {
	head := marshal(eventsMessage{header: h, T0: t0, T1: t1})
	const null = "null}" // Events, nil, is the last field
	if !bytes.HasSuffix(head, []byte(null)) {
		panic("an events message does not end with its events")
	}
	return &eventsFrame{head: append(head[:len(head)-len(null)], '['), es: es, from: from, to: to}
}

// pieces yields the message's bytes in order, in pieces that alias the
// encodings.
func (f *eventsFrame) pieces() iter.Seq[[]byte] {
	return func(yield func([]byte) bool) {
		if !yield(f.head) {
			return
		}
		var held []byte // the last piece of events goes without its comma
		from, to := f.from, f.to
		for _, e := range f.es {
			if from < e.len() && to > 0 {
				a, b := max(from, 0), min(to, e.len())
				if held != nil && !yield(held) {
					return
				}
				held = e.buf[e.offs[a]:e.offs[b]]
			}
			from, to = from-e.len(), to-e.len()
		}
		if len(held) > 0 && !yield(held[:len(held)-1]) {
			return
		}
		yield([]byte("]}"))
	}
}

// marshalEvents encodes an events (or instr) message of events [from, to)
// of es: what marshal gives for the eventsMessage holding them.
func marshalEvents(h header, t0, t1 trace.Time, es eventsOf, from, to int) []byte {
	var msg []byte
	for p := range newEventsFrame(h, t0, t1, es, from, to).pieces() {
		msg = append(msg, p...)
	}
	return msg
}

// sharedEvents is a log's events coalesced at one resolution and encoded,
// for every session reading the log at that resolution. It holds the
// pixels the simulation has completed (no event can be added to them):
// coalescing works pixel by pixel, so those are the same whatever the
// messages a session cuts them into (coalesceRange). Its methods are safe
// for concurrent use; what they return is never changed.
type sharedEvents struct {
	res float64

	mu    sync.Mutex
	logTo int // log[:logTo] is encoded: every event of the completed pixels
	enc   *encoder
	co    coalescer // its buffers, reused
	used  uint64    // when it was last asked for, in the log's uses
}

// extend encodes the pixels sn has completed that are not yet, and returns
// the events encoded with t0 ≤ T < t1 and the index in sn's log where the
// encoded events stop.
func (v *sharedEvents) extend(sn runSnapshot, t0, t1 trace.Time) (eventsOf, int) {
	v.mu.Lock()
	defer v.mu.Unlock()
	// Encode up to the first event of pixel stop: no further than the pixel
	// t1 is in, so that the readers waiting on the lock wait for the work
	// this message needs, not for the whole of a large batch the simulation
	// has just flushed (up to 65,536 events of a dense run, which held a
	// cache run's other readers for 100–400 ms); and, while the simulation
	// runs, not into the pixel it is in.
	stop := pixelOf(t1, v.res) + 1
	if !sn.done {
		stop = min(stop, pixelOf(sn.upTo, v.res))
	}
	n := sn.events.Len()
	end := v.logTo
	if n > v.logTo {
		end += sn.events.Slice(v.logTo, n).Search(func(e *machine.Event) bool { return pixelOf(e.T, v.res) >= stop })
	}
	if end > v.logTo {
		v.co.each(sn.events.Slice(v.logTo, end), v.res, v.enc.add)
		v.logTo = end
	}
	// Sliced under the lock: the slice copies the headers it keeps.
	return v.enc.events().slice(t0, t1), v.logTo
}

func pixelOf(t trace.Time, res float64) int64 { return int64(math.Floor(float64(t) / res)) }

// sharedAt returns the log's events encoded at resolution res, shared by
// its readers at res.
func (l *runLog) sharedAt(res float64) *sharedEvents {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.uses++
	for _, v := range l.views {
		if v.res == res {
			v.used = l.uses
			return v
		}
	}
	v := &sharedEvents{res: res, enc: newEncoder(0), used: l.uses}
	if len(l.views) >= maxSharedViews {
		i := 0
		for k, w := range l.views {
			if w.used < l.views[i].used {
				i = k
			}
		}
		l.views = slices.Delete(l.views, i, i+1)
	}
	l.views = append(l.views, v)
	return v
}

// eventsShared returns the events of sn's log in [t0, t1) coalesced at
// res with lookahead (coalesceRange), from the encoding the readers at res
// share, and the rest from sn's own log.
func (v *sharedEvents) eventsShared(sn runSnapshot, t0, t1 trace.Time) eventsOf {
	es, logTo := v.extend(sn, t0, t1)
	n := sn.events.Len()
	tail := sn.events.Slice(min(logTo, n), n)
	if tail.Len() > 0 && tail.At(0).T < t1 {
		var c coalescer
		es = append(es, c.encodeRange(tail, t0, t1, v.res, true)...)
	}
	return es
}
