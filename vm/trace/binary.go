// This file defines the binary form of a run's event batches, which the worker
// boundary sends for every event a run makes: compact and quick to decode, with no
// promise of stability across event versions (both sides are the same binary).
//
// An Encoder and a Decoder each follow one run, batch after batch: an event
// carries only the slots that differ from the event before it (the first slot, an
// object, lock or GIL id, as a delta), and a short string is sent once and then by
// its number.

package trace

import (
	"encoding/binary"
	"errors"
	"math"
)

// Slots an encoded event carries when they differ from the event before it, as a
// mask before them, in order of frequency so that the mask of most events fits one
// byte.
const (
	hasThread = 1 << iota
	hasCore
	hasA
	hasB
	hasD
	hasS
	hasU
	hasC
	hasX
	hasLine
	hasPC
	hasCode
	allSlots = 1<<iota - 1
)

// Tags of an encoded string: sent literally and not numbered, sent literally and
// numbered (the next number), or, from tagNumber on, string number tag-tagNumber.
const (
	tagLiteral = 0
	tagNew     = 1
	tagNumber  = 2
)

// maxInterned bounds the strings numbered in one run, and maxInternLen the length
// of one: longer texts (output, exception messages) rarely repeat.
const (
	maxInterned  = 4096
	maxInternLen = 64
)

// maxBatch bounds the events of one encoded batch; a Decoder refuses more.
const maxBatch = 1 << 16

// Encoder encodes the event batches of one run, in order. The zero Encoder is
// ready to use.
type Encoder struct {
	prev   Event             // the last event encoded
	ids    map[string]uint64 // the strings numbered so far
	recent [16]struct {      // by length and first byte: most strings are the one of the event before
		s  string
		id uint64
	}
}

// Append appends batch to b: the number of events, then each event: its time as a
// delta from the event before, its kind, the mask of its slots that differ from
// that event's, and those slots.
func (enc *Encoder) Append(b []byte, batch []Event) []byte {
	b = binary.AppendUvarint(b, uint64(len(batch)))
	prev := &enc.prev
	for i := range batch {
		e := &batch[i]
		var mask uint64
		if e.Thread != prev.Thread {
			mask |= hasThread
		}
		if e.Core != prev.Core {
			mask |= hasCore
		}
		if e.a != prev.a {
			mask |= hasA
		}
		if e.b != prev.b {
			mask |= hasB
		}
		if e.d != prev.d {
			mask |= hasD
		}
		if e.s != prev.s {
			mask |= hasS
		}
		if e.u != prev.u {
			mask |= hasU
		}
		if e.c != prev.c {
			mask |= hasC
		}
		if e.x != nil {
			mask |= hasX
		}
		if e.Line != prev.Line {
			mask |= hasLine
		}
		if e.PC != prev.PC {
			mask |= hasPC
		}
		if e.Code != prev.Code {
			mask |= hasCode
		}
		b = binary.AppendVarint(b, int64(e.T-prev.T))
		b = append(b, byte(e.Kind))
		b = binary.AppendUvarint(b, mask)
		if mask&hasThread != 0 {
			b = binary.AppendVarint(b, int64(e.Thread))
		}
		if mask&hasCore != 0 {
			b = binary.AppendVarint(b, int64(e.Core))
		}
		if mask&hasA != 0 {
			b = binary.AppendVarint(b, e.a-prev.a)
		}
		if mask&hasB != 0 {
			b = binary.AppendVarint(b, e.b)
		}
		if mask&hasD != 0 {
			b = binary.AppendVarint(b, int64(e.d))
		}
		if mask&hasS != 0 {
			b = enc.appendString(b, e.s)
		}
		if mask&hasU != 0 {
			b = append(b, e.u)
		}
		if mask&hasC != 0 {
			b = binary.AppendVarint(b, e.c)
		}
		if mask&hasX != 0 {
			b = enc.appendExtra(b, e.x)
		}
		if mask&hasLine != 0 {
			b = binary.AppendVarint(b, int64(e.Line))
		}
		if mask&hasPC != 0 {
			b = binary.AppendVarint(b, int64(e.PC))
		}
		if mask&hasCode != 0 {
			b = binary.AppendVarint(b, int64(e.Code))
		}
		*prev = *e
		prev.x = nil // an extra is sent with every event that has one
	}
	return b
}

func (enc *Encoder) appendExtra(b []byte, x *extra) []byte {
	b = enc.appendString(b, x.note)
	b = binary.AppendVarint(b, int64(x.thread))
	b = binary.AppendUvarint(b, uint64(len(x.cycle)))
	for _, c := range x.cycle {
		b = binary.AppendVarint(b, int64(c.Thread))
		b = binary.AppendUvarint(b, c.Lock)
		b = enc.appendString(b, c.Label)
		b = binary.AppendVarint(b, int64(c.Holder))
	}
	return b
}

// appendString appends a string: its number, or the string itself.
func (enc *Encoder) appendString(b []byte, s string) []byte {
	if len(s) == 0 || len(s) > maxInternLen {
		return appendLiteral(append(b, tagLiteral), s)
	}
	slot := &enc.recent[(len(s)+int(s[0]))%len(enc.recent)]
	if slot.s == s {
		return binary.AppendUvarint(b, slot.id+tagNumber)
	}
	id, ok := enc.ids[s]
	if !ok {
		if len(enc.ids) >= maxInterned {
			return appendLiteral(append(b, tagLiteral), s)
		}
		if enc.ids == nil {
			enc.ids = map[string]uint64{}
		}
		id = uint64(len(enc.ids))
		enc.ids[s] = id
		slot.s, slot.id = s, id
		return appendLiteral(append(b, tagNew), s)
	}
	slot.s, slot.id = s, id
	return binary.AppendUvarint(b, id+tagNumber)
}

func appendLiteral(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// Decoder decodes the batches an Encoder wrote, in order, into a slice it reuses
// from batch to batch: decoding allocates nothing per event but the strings a run
// sends literally. The zero Decoder is ready to use; it is not safe for
// concurrent use.
type Decoder struct {
	batch   []Event
	prev    Event
	strings []string // the numbered strings
}

// ErrCorrupt is the error of a batch that an Encoder did not write.
var ErrCorrupt = errors.New("trace: a corrupt batch of events")

// Decode decodes the batch b, which must hold nothing after it. The batch it
// returns is valid until the next call: a caller that keeps events copies them.
func (d *Decoder) Decode(b []byte) ([]Event, error) {
	r := byteReader{b: b}
	n := r.uvarint()
	if n > uint64(len(b)) || n > maxBatch { // every event takes at least a byte
		return nil, ErrCorrupt
	}
	if uint64(cap(d.batch)) < n {
		d.batch = make([]Event, n, max(n, maxBatch/16))
	}
	batch := d.batch[:n]
	e := d.prev // the event before, which the next one starts from
	for i := range batch {
		e.T += Time(r.varint())
		e.Kind = Kind(r.byte())
		mask := r.uvarint()
		if mask&^allSlots != 0 {
			return nil, ErrCorrupt
		}
		if mask&hasThread != 0 {
			e.Thread = r.int32()
		}
		if mask&hasCore != 0 {
			e.Core = int16(r.bounded(math.MinInt16, math.MaxInt16))
		}
		if mask&hasA != 0 {
			e.a += r.varint()
		}
		if mask&hasB != 0 {
			e.b = r.varint()
		}
		if mask&hasD != 0 {
			e.d = r.int32()
		}
		if mask&hasS != 0 {
			e.s = d.string(&r)
		}
		if mask&hasU != 0 {
			e.u = r.byte()
		}
		if mask&hasC != 0 {
			e.c = r.varint()
		}
		e.x = nil
		if mask&hasX != 0 {
			e.x = d.extra(&r)
		}
		if mask&hasLine != 0 {
			e.Line = r.int32()
		}
		if mask&hasPC != 0 {
			e.PC = r.int32()
		}
		if mask&hasCode != 0 {
			e.Code = r.int32()
		}
		if r.err {
			return nil, ErrCorrupt
		}
		batch[i] = e
	}
	if !r.done() {
		return nil, ErrCorrupt
	}
	e.x = nil
	d.prev = e
	return batch, nil
}

func (d *Decoder) extra(r *byteReader) *extra {
	x := &extra{note: d.string(r)}
	x.thread = r.int32()
	n := r.uvarint()
	if n > uint64(len(r.b)-r.i) { // every edge takes at least a byte
		r.fail()
		return x
	}
	if n > 0 {
		x.cycle = make([]Edge, n)
	}
	for i := range x.cycle {
		c := &x.cycle[i]
		c.Thread = r.int32()
		c.Lock = r.uvarint()
		c.Label = d.string(r)
		c.Holder = r.int32()
	}
	return x
}

// string reads a string (appendString).
func (d *Decoder) string(r *byteReader) string {
	switch tag := r.uvarint(); tag {
	case tagLiteral:
		return string(r.bytes())
	case tagNew:
		b := r.bytes()
		if len(b) == 0 || len(b) > maxInternLen || len(d.strings) >= maxInterned {
			r.fail()
			return ""
		}
		s := string(b)
		d.strings = append(d.strings, s)
		return s
	default:
		if tag-tagNumber >= uint64(len(d.strings)) {
			r.fail()
			return ""
		}
		return d.strings[tag-tagNumber]
	}
}

// byteReader reads varints and strings; a short or malformed input sets err and
// reads zeros from then on. Its methods take the one-byte case (most values in a
// batch) inline.
type byteReader struct {
	b   []byte
	i   int
	err bool
}

func (r *byteReader) uvarint() uint64 {
	if r.i < len(r.b) && r.b[r.i] < 0x80 {
		v := r.b[r.i]
		r.i++
		return uint64(v)
	}
	return r.uvarintSlow()
}

func (r *byteReader) uvarintSlow() uint64 {
	v, n := binary.Uvarint(r.b[r.i:])
	if n <= 0 {
		r.fail()
		return 0
	}
	r.i += n
	return v
}

func (r *byteReader) varint() int64 {
	u := r.uvarint()
	return int64(u>>1) ^ -int64(u&1) // binary.AppendVarint's zig-zag
}

func (r *byteReader) bounded(lo, hi int64) int64 {
	v := r.varint()
	if v < lo || v > hi {
		r.fail()
		return 0
	}
	return v
}

func (r *byteReader) int32() int32 { return int32(r.bounded(math.MinInt32, math.MaxInt32)) }

func (r *byteReader) byte() byte {
	if r.i >= len(r.b) {
		r.fail()
		return 0
	}
	c := r.b[r.i]
	r.i++
	return c
}

func (r *byteReader) bytes() []byte {
	n := r.uvarint()
	if n > uint64(len(r.b)-r.i) {
		r.fail()
		return nil
	}
	s := r.b[r.i : r.i+int(n)]
	r.i += int(n)
	return s
}

// done reports whether the input was read to its end without an error.
func (r *byteReader) done() bool { return !r.err && r.i == len(r.b) }

func (r *byteReader) fail() {
	r.err = true
	r.i = len(r.b)
}
