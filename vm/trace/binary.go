// This file defines the binary form of a batch of events, which the worker
// boundary sends for every event a run makes: compact and quick to decode, with no
// promise of stability across event versions (both sides are the same binary).

package trace

import (
	"encoding/binary"
	"errors"
	"math"
)

// Slots an encoded event carries only when they are not zero, as a mask before
// them, in order of frequency so that the mask of most events fits one byte.
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

// AppendBinary appends batch to b: the number of events, then each event: its time
// as a delta from the previous one, its kind, the mask of its slots that are not
// zero, and those slots as varints and length-prefixed strings.
func AppendBinary(b []byte, batch []Event) []byte {
	b = binary.AppendUvarint(b, uint64(len(batch)))
	var t Time
	for i := range batch {
		e := &batch[i]
		b = binary.AppendVarint(b, int64(e.T-t))
		t = e.T
		b = append(b, byte(e.Kind))
		var mask uint64
		if e.Thread != 0 {
			mask |= hasThread
		}
		if e.Core != 0 {
			mask |= hasCore
		}
		if e.a != 0 {
			mask |= hasA
		}
		if e.b != 0 {
			mask |= hasB
		}
		if e.d != 0 {
			mask |= hasD
		}
		if e.s != "" {
			mask |= hasS
		}
		if e.u != 0 {
			mask |= hasU
		}
		if e.c != 0 {
			mask |= hasC
		}
		if e.x != nil {
			mask |= hasX
		}
		if e.Line != 0 {
			mask |= hasLine
		}
		if e.PC != 0 {
			mask |= hasPC
		}
		if e.Code != 0 {
			mask |= hasCode
		}
		b = binary.AppendUvarint(b, mask)
		if mask&hasThread != 0 {
			b = binary.AppendVarint(b, int64(e.Thread))
		}
		if mask&hasCore != 0 {
			b = binary.AppendVarint(b, int64(e.Core))
		}
		if mask&hasA != 0 {
			b = binary.AppendVarint(b, e.a)
		}
		if mask&hasB != 0 {
			b = binary.AppendVarint(b, e.b)
		}
		if mask&hasD != 0 {
			b = binary.AppendVarint(b, int64(e.d))
		}
		if mask&hasS != 0 {
			b = appendString(b, e.s)
		}
		if mask&hasU != 0 {
			b = append(b, e.u)
		}
		if mask&hasC != 0 {
			b = binary.AppendVarint(b, e.c)
		}
		if mask&hasX != 0 {
			b = appendExtra(b, e.x)
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
	}
	return b
}

func appendExtra(b []byte, x *extra) []byte {
	b = appendString(b, x.note)
	b = binary.AppendVarint(b, int64(x.thread))
	b = binary.AppendUvarint(b, uint64(len(x.cycle)))
	for _, c := range x.cycle {
		b = binary.AppendVarint(b, int64(c.Thread))
		b = binary.AppendUvarint(b, c.Lock)
		b = appendString(b, c.Label)
		b = binary.AppendVarint(b, int64(c.Holder))
	}
	return b
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// Decoder decodes batches written by AppendBinary. It interns short strings (wait
// reasons, type names), which come from a small set and repeat from event to event.
// A Decoder is not safe for concurrent use.
type Decoder struct {
	strings map[string]string
	recent  [16]string // by length and first byte: most strings are the one of the event before
}

// maxInterned bounds the strings a decoder keeps, and maxInternLen the length of
// one: longer texts (output, exception messages) rarely repeat.
const (
	maxInterned  = 4096
	maxInternLen = 64
)

// ErrCorrupt is the error of a batch that AppendBinary did not write.
var ErrCorrupt = errors.New("trace: a corrupt batch of events")

// Decode decodes the batch b, which must hold nothing after it. A slot absent from
// an event is left zero, not written: the batch is fresh, and skipping the stores of
// empty strings saves their write barriers.
func (d *Decoder) Decode(b []byte) ([]Event, error) {
	r := byteReader{b: b}
	n := r.uvarint()
	if n > uint64(len(b)) { // every event takes at least a byte
		return nil, ErrCorrupt
	}
	batch := make([]Event, n)
	var t Time
	for i := range batch {
		e := &batch[i]
		t += Time(r.varint())
		e.T = t
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
			e.a = r.varint()
		}
		if mask&hasB != 0 {
			e.b = r.varint()
		}
		if mask&hasD != 0 {
			e.d = r.int32()
		}
		if mask&hasS != 0 {
			e.s = d.intern(r.bytes())
		}
		if mask&hasU != 0 {
			e.u = r.byte()
		}
		if mask&hasC != 0 {
			e.c = r.varint()
		}
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
	}
	if !r.done() {
		return nil, ErrCorrupt
	}
	return batch, nil
}

func (d *Decoder) extra(r *byteReader) *extra {
	x := &extra{note: string(r.bytes())}
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
		c.Label = d.intern(r.bytes())
		c.Holder = r.int32()
	}
	return x
}

func (d *Decoder) intern(b []byte) string {
	if len(b) == 0 || len(b) > maxInternLen {
		return string(b)
	}
	slot := &d.recent[(len(b)+int(b[0]))%len(d.recent)]
	if *slot == string(b) {
		return *slot
	}
	if s, ok := d.strings[string(b)]; ok {
		*slot = s
		return s
	}
	s := string(b)
	if d.strings == nil {
		d.strings = map[string]string{}
	}
	if len(d.strings) < maxInterned {
		d.strings[s] = s
	}
	*slot = s
	return s
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
