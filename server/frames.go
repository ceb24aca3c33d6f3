// frames.go defines how events messages are made: events are encoded to
// JSON one by one (encodedEvents) and a message is cut from those bytes, so
// that the sessions reading one log at one resolution share the coalescing
// and the encoding (sharedEvents) instead of each doing it again. A cache
// hit then costs a session the copy of bytes already made, not the work of
// a simulation's worth of encoding.

package server

import (
	"bytes"
	"encoding/json"
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

// encoder encodes events one by one into an encodedEvents, the bytes each
// would have in a JSON array of them.
type encoder struct {
	out encodedEvents
	esc bytes.Buffer // scratch for escapeHTML
}

func newEncoder() *encoder {
	return &encoder{out: encodedEvents{offs: []int{0}}}
}

// add appends w's encoding: what json.Marshal makes of it (the event's
// AppendJSON, with the characters encoding/json escapes for HTML escaped),
// then a comma. It writes straight into the buffer: going through
// json.Marshal, which calls MarshalJSON into a fresh slice and then checks
// and compacts what it returned, cost three times as much.
func (e *encoder) add(w *wireEvent) {
	start := len(e.out.buf)
	b := e.escapeHTML(w.appendJSON(e.out.buf), start)
	e.out.buf = append(b, ',')
	e.out.times = append(e.out.times, w.T)
	e.out.offs = append(e.out.offs, len(e.out.buf))
}

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
func encodeEvents(events []wireEvent) encodedEvents {
	e := newEncoder()
	for i := range events {
		e.add(&events[i])
	}
	return e.out
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

// appendJSON appends events [from, to) as the elements of a JSON array,
// without the brackets.
func (es eventsOf) appendJSON(dst []byte, from, to int) []byte {
	start := len(dst)
	for _, e := range es {
		if from < e.len() && to > 0 {
			a, b := max(from, 0), min(to, e.len())
			dst = append(dst, e.buf[e.offs[a]:e.offs[b]]...)
		}
		from, to = from-e.len(), to-e.len()
	}
	if len(dst) > start {
		dst = dst[:len(dst)-1] // the last comma
	}
	return dst
}

// marshalEvents encodes an events (or instr) message of events [from, to)
// of es: what marshal gives for the eventsMessage holding them, in a
// buffer that the writer may give back (recycleMessage) once it is sent.
func marshalEvents(h header, t0, t1 trace.Time, es eventsOf, from, to int) []byte {
	head := marshal(eventsMessage{header: h, T0: t0, T1: t1})
	const null = "null}" // Events, nil, is the last field
	if !bytes.HasSuffix(head, []byte(null)) {
		panic("an events message does not end with its events")
	}
	head = head[:len(head)-len(null)]
	size := len(head) + 3
	for _, e := range es {
		size += e.offs[len(e.offs)-1] - e.offs[0]
	}
	msg := newMessageBuffer(size)
	msg = append(append(msg, head...), '[')
	msg = es.appendJSON(msg, from, to)
	return append(msg, ']', '}')
}

// maxRecycledMessage is the largest message buffer kept for reuse.
const maxRecycledMessage = 1 << 20

// messageBuffers holds the buffers of events messages written, for the
// next: a session allocating a message of a few hundred kilobytes while
// the collector marks is made to help it in proportion, with its frames
// waiting.
var messageBuffers sync.Pool // of *[]byte

// newMessageBuffer returns an empty buffer of capacity size or more.
func newMessageBuffer(size int) []byte {
	if p, _ := messageBuffers.Get().(*[]byte); p != nil && cap(*p) >= size {
		return (*p)[:0]
	} else if p != nil {
		messageBuffers.Put(p)
	}
	return make([]byte, 0, size)
}

// recycleMessage gives back a buffer newMessageBuffer returned; nothing
// may use it afterwards.
func recycleMessage(b []byte) {
	if cap(b) <= maxRecycledMessage {
		messageBuffers.Put(&b)
	}
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
// the events encoded and the index in sn's log where they stop.
func (v *sharedEvents) extend(sn runSnapshot) (encodedEvents, int) {
	v.mu.Lock()
	defer v.mu.Unlock()
	end := sn.events.Len()
	if !sn.done { // up to the first event in the pixel the simulation is in
		p := pixelOf(sn.upTo, v.res)
		end = sn.events.Search(func(e *machine.Event) bool { return pixelOf(e.T, v.res) >= p })
	}
	if end > v.logTo {
		ws := v.co.coalesce(sn.events.Slice(v.logTo, end), v.res)
		for i := range ws {
			v.enc.add(&ws[i])
		}
		v.logTo = end
	}
	return v.enc.out, v.logTo
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
	v := &sharedEvents{res: res, enc: newEncoder(), used: l.uses}
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
	done, logTo := v.extend(sn)
	n := sn.events.Len()
	tail := sn.events.Slice(min(logTo, n), n)
	es := eventsOf{done.slice(t0, t1)}
	if tail.Len() > 0 && tail.At(0).T < t1 {
		es = append(es, encodeEvents(coalesceRange(tail, t0, t1, v.res, true)))
	}
	return es
}
