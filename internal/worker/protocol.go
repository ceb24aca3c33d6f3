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
	"time"

	"github.com/gilscope/gilscope/vm/machine"
	"github.com/gilscope/gilscope/vm/trace"
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
	frameEvents  = 'e' // a batch of events (encodeEvents)
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
	MaxEvents      int        `json:"max_events,omitempty"`
	Instructions   [2]float64 `json:"instructions,omitempty"` // machine.Options.Instructions
	Listing        bool       `json:"listing,omitempty"`      // send the code listing first
	// Stats asks for the run's statistics, computed where the events are
	// (in the worker), so the caller need not keep the events for them.
	Stats bool `json:"stats,omitempty"`
}

func (j *Job) options() machine.Options {
	return machine.Options{Model: j.Model, Cores: j.Cores, Seed: j.Seed, SwitchInterval: j.SwitchInterval,
		MaxTime: j.MaxTime, MaxEvents: j.MaxEvents, Instructions: j.Instructions}
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
// worker used.
type result struct {
	ExitCode     int                  `json:"exit_code"`
	EndTime      trace.Time           `json:"end_time"`
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

// eventEncoder encodes the events frames of one run, in order (a
// trace.Encoder sends each event as its difference from the one before).
type eventEncoder struct {
	enc trace.Encoder
}

// appendEvents encodes a batch: how far the simulation has got (upTo), the
// worker's CPU time so far, then the events in trace.Encoder's form.
func (e *eventEncoder) appendEvents(b []byte, batch []machine.Event, upTo trace.Time, cpu time.Duration) []byte {
	b = binary.AppendVarint(b, int64(upTo))
	b = binary.AppendVarint(b, int64(cpu))
	return e.enc.Append(b, batch)
}

// eventDecoder decodes the events frames of one run, in order, into a slice
// it reuses from batch to batch (trace.Decoder): a batch is valid until the
// next.
type eventDecoder struct {
	dec trace.Decoder
}

var errCorrupt = errors.New("worker: a corrupt events frame")

// decode decodes an events frame. The batch is valid until the next call.
func (d *eventDecoder) decode(b []byte) (batch []machine.Event, upTo trace.Time, cpu time.Duration, err error) {
	to, n := binary.Varint(b)
	if n <= 0 {
		return nil, 0, 0, errCorrupt
	}
	b = b[n:]
	c, n := binary.Varint(b)
	if n <= 0 {
		return nil, 0, 0, errCorrupt
	}
	upTo, cpu = trace.Time(to), time.Duration(c)
	batch, err = d.dec.Decode(b[n:])
	if err != nil {
		return nil, 0, 0, errCorrupt
	}
	return batch, upTo, cpu, nil
}
