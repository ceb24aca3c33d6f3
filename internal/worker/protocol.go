// Package worker runs simulations outside the server's process. A server
// keeps a Pool of `gilscope worker` processes and gives each one Job at a
// time: the worker compiles the program, simulates it and streams what it
// produces (the code listing, event batches, output, the result) back over
// its stdout as frames. A program that crashes the simulator (a stack
// overflow, an allocation the OS refuses, a bug) ends its worker and the one
// run the worker held, never the server. Local runs the same job in the
// calling process, for the CLI and for comparison in benchmarks.
//
// protocol.go defines the frames the two sides exchange and the binary
// encoding of event batches.
package worker

import (
	"bufio"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"time"

	"github.com/gilscope/gilscope/vm/machine"
)

// Frame types. A frame is its type (one byte), the length of its payload
// (four bytes, big-endian) and the payload.
const (
	// Parent to worker.
	frameJob    = 'j' // the Job, JSON; sent to a worker that said it is ready
	frameCancel = 'k' // stop the run; the payload is the cause, in words

	// Worker to parent: ready when it can take a job (once started, and
	// after each job but its last); then for each job, in this order, a
	// listing or a syntax error, events and output interleaved, then a
	// result or a failure, last.
	frameReady   = 'y' // empty
	frameListing = 'c' // the program's code objects, JSON
	frameSyntax  = 's' // the program does not compile: a SyntaxError, JSON
	frameEvents  = 'e' // a batch of events (eventEncoder.appendEvents)
	frameStdout  = 'o' // a chunk of the program's stdout
	frameStderr  = 'r' // a chunk of its stderr
	frameResult  = 'x' // the run's result, JSON
	frameFailure = 'f' // the simulator failed (a panic), in words
)

// maxFrame bounds a frame's payload; a longer one is a broken stream.
const maxFrame = 64 << 20

// maxBatch bounds the events of one events frame; a larger batch is split.
const maxBatch = 1 << 16

// Job is one simulation: a program, the machine it runs on and what to
// record.
type Job struct {
	Filename       string     `json:"filename"`
	Source         string     `json:"source"`
	Model          string     `json:"model"`
	Cores          int        `json:"cores"`
	Seed           int64      `json:"seed"`
	SwitchInterval float64    `json:"switch_interval,omitempty"`
	MaxTime        float64    `json:"max_time,omitempty"`
	Instructions   [2]float64 `json:"instructions,omitempty"` // machine.Options.Instructions
	Listing        bool       `json:"listing,omitempty"`      // send the code listing first
	// Stats asks for the run's statistics, computed where the events are
	// (in the worker), so the caller need not keep the events for them.
	Stats bool `json:"stats,omitempty"`
}

func (j *Job) options() machine.Options {
	return machine.Options{Model: j.Model, Cores: j.Cores, Seed: j.Seed, SwitchInterval: j.SwitchInterval,
		MaxTime: j.MaxTime, Instructions: j.Instructions}
}

// SyntaxError is a program that does not compile, located.
type SyntaxError struct {
	Message string `json:"message"`
	Line    int32  `json:"line,omitempty"`
	Col     int32  `json:"col,omitempty"`
	EndLine int32  `json:"end_line,omitempty"`
	EndCol  int32  `json:"end_col,omitempty"`
}

func (e *SyntaxError) Error() string { return e.Message }

// result is the last frame of a run that ended: the machine's Result
// without its events and code (those went before), and the CPU time the
// worker used, and its job's thread.
type result struct {
	ExitCode     int                  `json:"exit_code"`
	EndTime      int64                `json:"end_time"`
	End          string               `json:"end"`
	Threads      []machine.ThreadInfo `json:"threads"`
	Cores        int                  `json:"cores"`
	Model        string               `json:"model"`
	Instructions int64                `json:"instructions"`
	CPU          time.Duration        `json:"cpu"`
	ThreadCPU    time.Duration        `json:"thread_cpu"`
	Stats        *machine.Stats       `json:"stats,omitempty"`
}

// frameWriter writes frames. It is not safe for concurrent use.
type frameWriter struct {
	w   *bufio.Writer
	hdr [5]byte
}

func newFrameWriter(w io.Writer) *frameWriter {
	return &frameWriter{w: bufio.NewWriterSize(w, 64<<10)}
}

// write writes one frame and flushes it.
func (fw *frameWriter) write(typ byte, payload []byte) error {
	if len(payload) > maxFrame {
		return fmt.Errorf("worker: a %q frame of %d bytes is over the limit", typ, len(payload))
	}
	fw.hdr[0] = typ
	binary.BigEndian.PutUint32(fw.hdr[1:], uint32(len(payload)))
	fw.w.Write(fw.hdr[:])
	fw.w.Write(payload)
	return fw.w.Flush()
}

func (fw *frameWriter) writeJSON(typ byte, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return fw.write(typ, data)
}

// frameReader reads frames.
type frameReader struct {
	r   *bufio.Reader
	buf []byte
}

func newFrameReader(r io.Reader) *frameReader {
	return &frameReader{r: bufio.NewReaderSize(r, 64<<10)}
}

// read returns the next frame. The payload is valid until the next call.
func (fr *frameReader) read() (typ byte, payload []byte, err error) {
	var hdr [5]byte
	if _, err := io.ReadFull(fr.r, hdr[:]); err != nil {
		return 0, nil, err
	}
	n := binary.BigEndian.Uint32(hdr[1:])
	if n > maxFrame {
		return 0, nil, fmt.Errorf("worker: a frame of %d bytes is over the limit", n)
	}
	if cap(fr.buf) < int(n) {
		fr.buf = make([]byte, n)
	}
	fr.buf = fr.buf[:n]
	if _, err := io.ReadFull(fr.r, fr.buf); err != nil {
		return 0, nil, errors.Join(io.ErrUnexpectedEOF, err)
	}
	return hdr[0], fr.buf, nil
}

// Fields of an event that an events frame carries only when they differ
// from the event before in the batch (the first event is compared with the
// zero event): consecutive events mostly share their thread, core, place in
// the code and type name (a refcount change after another), so each event
// starts with a mask of the fields it carries.
const (
	hasState = 1 << iota
	hasThread
	hasCore
	hasReason
	hasObj
	hasValue
	hasCount
	hasLine
	hasPC
	hasCode
	hasDiff
	hasText
	allFields = 1<<iota - 1
)

// Strings (a state's reason, an object's type name, output) are sent once
// per run: the encoder numbers each short string the first time it sends
// it, and sends the number after that; the decoder keeps them by number. A
// string field is a tag: 0, a literal that is not numbered (a long one, or
// one past maxInterned); 1, a literal that takes the next number; n ≥ 2,
// the string numbered n-1. Numbers start at 1.
const (
	tagLiteral = 0
	tagNew     = 1
)

// maxInterned bounds the strings numbered in one run, and maxInternLen the
// length of one: longer texts (output, exception messages) rarely repeat.
const (
	maxInterned  = 4096
	maxInternLen = 64
)

// eventEncoder encodes the event batches of one run.
type eventEncoder struct {
	ids    map[string]uint64 // the strings numbered so far
	recent [16]struct {      // by length and first byte: most strings are the one of the event before
		s  string
		id uint64
	}
}

// appendEvents encodes a batch: how far the simulation has got (upTo, ns),
// the worker's CPU time so far, the count, then each event: its time as a
// delta from the event before, its kind, the mask of its other fields that
// differ from that event's, and those fields as varints (the object as a
// delta, since a run's objects are numbered in order) and strings.
func (enc *eventEncoder) appendEvents(b []byte, batch []machine.Event, upTo int64, cpu time.Duration) []byte {
	b = binary.AppendVarint(b, upTo)
	b = binary.AppendVarint(b, int64(cpu))
	b = binary.AppendUvarint(b, uint64(len(batch)))
	var prev machine.Event
	for i := range batch {
		e := &batch[i]
		var mask uint64
		if e.State != prev.State {
			mask |= hasState
		}
		if e.Thread != prev.Thread {
			mask |= hasThread
		}
		if e.Core != prev.Core {
			mask |= hasCore
		}
		if e.Reason != prev.Reason {
			mask |= hasReason
		}
		if e.Obj != prev.Obj {
			mask |= hasObj
		}
		if e.Value != prev.Value {
			mask |= hasValue
		}
		if e.Count != prev.Count {
			mask |= hasCount
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
		if e.Diff != prev.Diff {
			mask |= hasDiff
		}
		if e.Text != prev.Text {
			mask |= hasText
		}
		b = binary.AppendVarint(b, e.T-prev.T)
		b = append(b, byte(e.Kind))
		b = binary.AppendUvarint(b, mask)
		if mask&hasState != 0 {
			b = append(b, byte(e.State))
		}
		if mask&hasThread != 0 {
			b = binary.AppendVarint(b, int64(e.Thread))
		}
		if mask&hasCore != 0 {
			b = binary.AppendVarint(b, int64(e.Core))
		}
		if mask&hasReason != 0 {
			b = enc.appendString(b, e.Reason)
		}
		if mask&hasObj != 0 {
			b = binary.AppendVarint(b, int64(e.Obj-prev.Obj))
		}
		if mask&hasValue != 0 {
			b = binary.AppendVarint(b, e.Value)
		}
		if mask&hasCount != 0 {
			b = binary.AppendVarint(b, e.Count)
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
		if mask&hasDiff != 0 {
			b = binary.AppendVarint(b, e.Diff)
		}
		if mask&hasText != 0 {
			b = enc.appendString(b, e.Text)
		}
		prev = *e
	}
	return b
}

// appendString appends a string: its number, or the string itself.
func (enc *eventEncoder) appendString(b []byte, s string) []byte {
	if len(s) == 0 || len(s) > maxInternLen {
		return appendLiteral(append(b, tagLiteral), s)
	}
	slot := &enc.recent[(len(s)+int(s[0]))%len(enc.recent)]
	if slot.s == s {
		return binary.AppendUvarint(b, slot.id+1)
	}
	id, ok := enc.ids[s]
	if !ok {
		if len(enc.ids) >= maxInterned {
			return appendLiteral(append(b, tagLiteral), s)
		}
		if enc.ids == nil {
			enc.ids = map[string]uint64{}
		}
		id = uint64(len(enc.ids)) + 1
		enc.ids[s] = id
		slot.s, slot.id = s, id
		return appendLiteral(append(b, tagNew), s)
	}
	slot.s, slot.id = s, id
	return binary.AppendUvarint(b, id+1)
}

func appendLiteral(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// eventDecoder decodes the event batches of one run, in order, into a slice
// it reuses from batch to batch, as the machine lends its own buffer in
// process: decoding allocates nothing per event but the strings a run
// sends literally.
type eventDecoder struct {
	batch   []machine.Event
	strings []string // string n is strings[n-1]
}

var errCorrupt = errors.New("worker: a corrupt events frame")

// decode decodes an events frame. The batch is valid until the next call.
func (d *eventDecoder) decode(b []byte) (batch []machine.Event, upTo int64, cpu time.Duration, err error) {
	r := byteReader{b: b}
	upTo = r.varint()
	cpu = time.Duration(r.varint())
	n := r.uvarint()
	if n > uint64(len(b)) || n > maxBatch { // every event takes at least a byte
		return nil, 0, 0, errCorrupt
	}
	if uint64(cap(d.batch)) < n {
		d.batch = make([]machine.Event, n, max(n, maxBatch/16))
	}
	batch = d.batch[:n]
	var e machine.Event // the event before, which the next one starts from
	for i := range batch {
		e.T += r.varint()
		e.Kind = machine.Kind(r.byte())
		mask := r.uvarint()
		if mask&^allFields != 0 {
			return nil, 0, 0, errCorrupt
		}
		if mask&hasState != 0 {
			e.State = machine.ThreadState(r.byte())
		}
		if mask&hasThread != 0 {
			e.Thread = r.int32()
		}
		if mask&hasCore != 0 {
			e.Core = r.int16()
		}
		if mask&hasReason != 0 {
			e.Reason = d.string(&r)
		}
		if mask&hasObj != 0 {
			e.Obj += uint64(r.varint())
		}
		if mask&hasValue != 0 {
			e.Value = r.varint()
		}
		if mask&hasCount != 0 {
			e.Count = r.varint()
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
		if mask&hasDiff != 0 {
			e.Diff = r.varint()
		}
		if mask&hasText != 0 {
			e.Text = d.string(&r)
		}
		if r.err {
			return nil, 0, 0, errCorrupt
		}
		batch[i] = e
	}
	if !r.done() {
		return nil, 0, 0, errCorrupt
	}
	return batch, upTo, cpu, nil
}

// string reads a string field (appendString).
func (d *eventDecoder) string(r *byteReader) string {
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
		if tag-2 >= uint64(len(d.strings)) {
			r.fail()
			return ""
		}
		return d.strings[tag-2]
	}
}

// byteReader reads varints and strings; a short or malformed input sets
// err and reads zeros from then on. Its methods take the one-byte case
// (most values in an events frame) inline.
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

func (r *byteReader) int32() int32 {
	v := r.varint()
	if v < math.MinInt32 || v > math.MaxInt32 {
		r.fail()
		return 0
	}
	return int32(v)
}

func (r *byteReader) int16() int16 {
	v := r.varint()
	if v < math.MinInt16 || v > math.MaxInt16 {
		r.fail()
		return 0
	}
	return int16(v)
}

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
