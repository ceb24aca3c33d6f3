// This file defines the modules that do real work with CPython's GIL behaviour around
// it: the costs of socket's simulated kernel (the module itself is netsock.go), hashlib
// and zlib (computed for real with Go's crypto and compress packages, costed in
// simulated CPU time, with the GIL released where CPython releases it, docs/models.md, "Blocking calls").

package machine

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding"
	"encoding/hex"
	"errors"
	"hash"
	"hash/adler32"
	"hash/crc32"
	"io"

	"github.com/gilscope/gilscope/vm/py"
)

// Costs of the kernel and of C library code, in ns (per byte: in ps).
const (
	// sockLatency is the time from the end of a send on one end of a socketpair until
	// the data can be read at the other end. A Unix stream socket queues the data on
	// the peer's receive queue and wakes a blocked reader inside send() itself, so the
	// data is there about when the call returns. (With 5 µs, the reader is woken after
	// the sender has blocked in its own recv and a CPU-bound thread takes the idle core
	// first: two convoys per round trip, p50 ≈ 2 intervals instead of V5 (docs/models.md, "Acceptance scenarios").)
	sockLatency = 1 * us
	// sockCopyPs is the kernel's cost of copying socket data, per byte (~10 GB/s).
	sockCopyPs = 100
	// hashNewCost and hashCallCost are the fixed costs of creating a hash object and
	// of one of its method calls.
	hashNewCost  = 400
	hashCallCost = 150
	// hashGILMinSize is CPython's HASHLIB_GIL_MINSIZE: hashlib releases the GIL while
	// hashing at least this many bytes.
	hashGILMinSize = 2048
	// zlibCompressCost and zlibDecompressCost are the fixed costs of one call
	// (deflateInit allocates ~256 KB of state).
	zlibCompressCost   = 10 * us
	zlibDecompressCost = 1500
	// zlibCompressPs and zlibDecompressPs are per input byte and per output byte.
	zlibCompressPs   = 20_000
	zlibDecompressPs = 3_000
	// checksumGILMinSize is where zlib.crc32 and adler32 release the GIL (5 KiB).
	checksumGILMinSize = 5 * 1024
	checksumPs         = 300
	checksumCallCost   = 100
	// maxDecompressed bounds zlib.decompress's output (a decompression bomb raises
	// MemoryError instead of exhausting the host).
	maxDecompressed = 64 << 20
)

// ---- helpers ----

// params binds a builtin's arguments to the named parameters (positional first, then
// by keyword); missing ones are nil.
func params(t *py.Thread, fname string, args []py.Value, kw []string, names ...string) ([]py.Value, error) {
	pos, kws, err := t.Args(fname, args, kw, names...)
	if err != nil {
		return nil, err
	}
	if len(pos) > len(names) {
		return nil, t.NewExc(py.TypeErrorClass, "%s() takes at most %d arguments (%d given)", fname, len(names), len(pos))
	}
	out := make([]py.Value, len(names))
	copy(out, pos)
	for i, n := range names {
		if v, ok := kws[n]; ok {
			if i < len(pos) {
				return nil, t.NewExc(py.TypeErrorClass, "argument for %s() given by name ('%s') and position (%d)", fname, n, i+1)
			}
			out[i] = v
		}
	}
	return out, nil
}

// bytesArg returns the contents of a bytes (or bytearray) argument.
func bytesArg(t *py.Thread, v py.Value) (string, error) {
	switch b := v.(type) {
	case *py.Bytes:
		return b.B, nil
	case *py.ByteArray:
		return string(b.B), nil
	}
	return "", t.NewExc(py.TypeErrorClass, "a bytes-like object is required, not '%s'", v.Type().Name)
}

// intParam returns an optional int argument, or def when it is absent.
func intParam(t *py.Thread, v py.Value, def int64) (int64, error) {
	if v == nil {
		return def, nil
	}
	n, ok := py.AsInt(v)
	if !ok {
		return 0, t.NewExc(py.TypeErrorClass, "'%s' object cannot be interpreted as an integer", v.Type().Name)
	}
	return n, nil
}

func (m *Machine) newBytes(t *py.Thread, s string) *py.Bytes {
	b := &py.Bytes{B: s}
	t.Register(b)
	return b
}

// cWork runs C code of cost d (ps) returning res (a new reference): with the GIL held
// when release is false (no check point until it returns), else as a blocking call
// that releases the GIL while it runs.
func (m *Machine) cWork(t *py.Thread, d int64, release bool, res py.Value) (py.Value, error) {
	if !release {
		m.chargeNow(threadOf(t), d)
		return res, nil
	}
	return nil, py.Block(t, &cCall{d: d, release: true, result: res})
}

// ---- hashlib ----

// hashAlgo is a hashlib algorithm: its constructor and its speed.
type hashAlgo struct {
	new    func() hash.Hash
	psByte int64
}

// hashAlgos are the algorithms hashlib offers, with OpenSSL's speed on the reference
// machine (ps per byte).
var hashAlgos = map[string]hashAlgo{
	"md5":    {md5.New, 1400},
	"sha1":   {sha1.New, 1000},
	"sha224": {sha256.New224, 1500},
	"sha256": {sha256.New, 1500},
	"sha384": {sha512.New384, 1000},
	"sha512": {sha512.New, 1000},
}

// hashNames are hashAlgos' names, sorted.
var hashNames = []string{"md5", "sha1", "sha224", "sha256", "sha384", "sha512"}

// hashObj is a hashlib hash object (CPython's _hashlib.HASH).
type hashObj struct {
	py.Header
	m    *Machine
	name string
	algo hashAlgo
	h    hash.Hash
}

var hashClass = py.NewClass("HASH", nil)

func (*hashObj) Type() *py.Class { return hashClass }

func init() {
	hashClass.Module = "_hashlib"
	hashClass.Def("update", hashUpdate)
	hashClass.Def("digest", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
		if err := t.CheckArgs("digest", args[1:], kw, 0, 0); err != nil {
			return nil, err
		}
		h := args[0].(*hashObj)
		h.m.chargeNow(threadOf(t), hashCallCost*1000)
		return h.m.newBytes(t, string(h.h.Sum(nil))), nil
	})
	hashClass.Def("hexdigest", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
		if err := t.CheckArgs("hexdigest", args[1:], kw, 0, 0); err != nil {
			return nil, err
		}
		h := args[0].(*hashObj)
		h.m.chargeNow(threadOf(t), hashCallCost*1000)
		return t.NewStr(hex.EncodeToString(h.h.Sum(nil))), nil
	})
	hashClass.Def("copy", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
		if err := t.CheckArgs("copy", args[1:], kw, 0, 0); err != nil {
			return nil, err
		}
		h := args[0].(*hashObj)
		h.m.chargeNow(threadOf(t), hashNewCost*1000)
		c := &hashObj{m: h.m, name: h.name, algo: h.algo, h: cloneHash(h.algo, h.h)}
		t.Register(c)
		return c, nil
	})
}

// cloneHash copies a hash's state (every crypto hash can marshal its state).
func cloneHash(a hashAlgo, h hash.Hash) hash.Hash {
	state, err := h.(encoding.BinaryMarshaler).MarshalBinary()
	if err != nil {
		panic(err)
	}
	c := a.new()
	if err := c.(encoding.BinaryUnmarshaler).UnmarshalBinary(state); err != nil {
		panic(err)
	}
	return c
}

// hashData returns the bytes a hash function is given.
func hashData(t *py.Thread, v py.Value) (string, error) {
	switch v := v.(type) {
	case *py.Bytes:
		return v.B, nil
	case *py.Str:
		return "", t.NewExc(py.TypeErrorClass, "Strings must be encoded before hashing")
	}
	return "", t.NewExc(py.TypeErrorClass, "object supporting the buffer API required")
}

// hashUpdate is HASH.update(data): the GIL is released while hashing at least
// hashGILMinSize bytes.
func hashUpdate(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
	if err := t.CheckArgs("update", args[1:], kw, 1, 1); err != nil {
		return nil, err
	}
	h := args[0].(*hashObj)
	data, err := hashData(t, args[1])
	if err != nil {
		return nil, err
	}
	h.h.Write([]byte(data))
	d := hashCallCost*1000 + int64(len(data))*h.algo.psByte
	return h.m.cWork(t, d, len(data) >= hashGILMinSize, py.None)
}

func (m *Machine) hashlibModule(t *py.Thread) *py.Module {
	attrs := map[string]py.Value{}
	var names []py.Value
	// In a fixed order: object identities must not depend on map iteration.
	for _, name := range hashNames {
		algo := hashAlgos[name]
		attrs[name] = t.Builtin(name, func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			p, err := params(t, name, args, kw, "data", "usedforsecurity", "string")
			if err != nil {
				return nil, err
			}
			if p[0] == nil {
				p[0] = p[2]
			}
			return m.newHash(t, name, algo, p[0])
		})
		names = append(names, t.NewStr(name))
	}
	attrs["new"] = t.Builtin("new", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
		p, err := params(t, "new", args, kw, "name", "data", "usedforsecurity", "string")
		if err != nil {
			return nil, err
		}
		s, ok := p[0].(*py.Str)
		if !ok {
			return nil, t.NewExc(py.TypeErrorClass, "new() missing required argument 'name' (pos 1)")
		}
		algo, ok := hashAlgos[s.S]
		if !ok {
			return nil, t.NewExc(py.ValueErrorClass, "unsupported hash type %s", s.S)
		}
		if p[1] == nil {
			p[1] = p[3]
		}
		return m.newHash(t, s.S, algo, p[1])
	})
	attrs["algorithms_guaranteed"] = t.NewTuple(names)
	return newModule(t, "hashlib", attrs)
}

// newHash creates a hash object, hashing data (nil: none) as update does.
func (m *Machine) newHash(t *py.Thread, name string, algo hashAlgo, data py.Value) (py.Value, error) {
	h := &hashObj{m: m, name: name, algo: algo, h: algo.new()}
	t.Register(h)
	d := int64(hashNewCost * 1000)
	release := false
	if data != nil {
		b, err := hashData(t, data)
		if err != nil {
			t.Decref(h)
			return nil, err
		}
		h.h.Write([]byte(b))
		d += int64(len(b)) * algo.psByte
		release = len(b) >= hashGILMinSize
	}
	return m.cWork(t, d, release, h)
}

// ---- zlib ----

// zlibError is zlib.error.
var zlibError = py.NewClass("error", py.ExceptionClass)

func init() {
	zlibError.Module = "zlib"
	zlibError.New = py.ExceptionClass.New
}

func (m *Machine) zlibModule(t *py.Thread) *py.Module {
	attrs := map[string]py.Value{
		"compress":              t.Builtin("compress", m.zlibCompress),
		"decompress":            t.Builtin("decompress", m.zlibDecompress),
		"crc32":                 t.Builtin("crc32", m.checksum("crc32", 0, crcUpdate)),
		"adler32":               t.Builtin("adler32", m.checksum("adler32", 1, adlerUpdate)),
		"error":                 zlibError,
		"MAX_WBITS":             t.NewInt(15),
		"DEFLATED":              t.NewInt(8),
		"DEF_BUF_SIZE":          t.NewInt(16384),
		"Z_DEFAULT_COMPRESSION": t.NewInt(-1),
		"Z_NO_COMPRESSION":      t.NewInt(0),
		"Z_BEST_SPEED":          t.NewInt(1),
		"Z_BEST_COMPRESSION":    t.NewInt(9),
	}
	return newModule(t, "zlib", attrs)
}

// zlibCompress is zlib.compress(data, /, level=-1, wbits=15): the GIL is released
// while deflating, as CPython does.
func (m *Machine) zlibCompress(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
	p, err := params(t, "compress", args, kw, "data", "level", "wbits")
	if err != nil {
		return nil, err
	}
	if p[0] == nil {
		return nil, t.NewExc(py.TypeErrorClass, "compress() missing required argument 'data' (pos 1)")
	}
	data, err := bytesArg(t, p[0])
	if err != nil {
		return nil, err
	}
	level, err := intParam(t, p[1], -1)
	if err != nil {
		return nil, err
	}
	wbits, err := intParam(t, p[2], 15)
	if err != nil {
		return nil, err
	}
	if level < -1 || level > 9 {
		return nil, t.NewExc(zlibError, "Bad compression level")
	}
	out, err := deflate([]byte(data), int(level), wbits)
	if err != nil {
		return nil, t.NewExc(zlibError, "%s", err)
	}
	d := zlibCompressCost*1000 + int64(len(data))*zlibCompressPs
	return m.cWork(t, d, true, m.newBytes(t, string(out)))
}

// deflate compresses data in the container wbits selects: zlib (9…15), raw deflate
// (-15…-9) or gzip (25…31).
func deflate(data []byte, level int, wbits int64) ([]byte, error) {
	var buf bytes.Buffer
	var w io.WriteCloser
	var err error
	switch {
	case wbits >= 9 && wbits <= 15:
		w, err = zlib.NewWriterLevel(&buf, level)
	case wbits >= -15 && wbits <= -9:
		w, err = flate.NewWriter(&buf, level)
	case wbits >= 25 && wbits <= 31:
		w, err = gzip.NewWriterLevel(&buf, level)
	default:
		return nil, zlibMessage("Invalid initialization option")
	}
	if err != nil {
		return nil, err
	}
	w.Write(data)
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// zlibDecompress is zlib.decompress(data, /, wbits=15, bufsize=16384): the GIL is
// released while inflating.
func (m *Machine) zlibDecompress(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
	p, err := params(t, "decompress", args, kw, "data", "wbits", "bufsize")
	if err != nil {
		return nil, err
	}
	if p[0] == nil {
		return nil, t.NewExc(py.TypeErrorClass, "decompress() missing required argument 'data' (pos 1)")
	}
	data, err := bytesArg(t, p[0])
	if err != nil {
		return nil, err
	}
	wbits, err := intParam(t, p[1], 15)
	if err != nil {
		return nil, err
	}
	out, err := inflate([]byte(data), wbits)
	if errors.Is(err, errTooBig) {
		return nil, t.NewExc(py.MemoryErrorClass, "gilscope: zlib.decompress output exceeds %d MB", maxDecompressed>>20)
	}
	if err != nil {
		return nil, t.NewExc(zlibError, "%s", err)
	}
	d := zlibDecompressCost*1000 + int64(len(out))*zlibDecompressPs
	return m.cWork(t, d, true, m.newBytes(t, string(out)))
}

var errTooBig = errors.New("output too large")

// zlibMessage is an error whose text is zlib's own message, raised as zlib.error.
type zlibMessage string

func (e zlibMessage) Error() string { return string(e) }

// inflate decompresses data in the container wbits selects, with zlib's messages for
// bad input.
func inflate(data []byte, wbits int64) ([]byte, error) {
	var r io.Reader
	var err error
	src := bytes.NewReader(data)
	switch {
	case wbits == 0 || wbits >= 8 && wbits <= 15:
		r, err = zlib.NewReader(src)
	case wbits >= -15 && wbits <= -8:
		r = flate.NewReader(src)
	case wbits >= 24 && wbits <= 31:
		r, err = gzip.NewReader(src)
	default:
		return nil, zlibMessage("Error -2 while preparing to decompress data: inconsistent stream state")
	}
	if err != nil {
		return nil, inflateError(err)
	}
	out, err := io.ReadAll(io.LimitReader(r, maxDecompressed+1))
	if err != nil {
		return nil, inflateError(err)
	}
	if len(out) > maxDecompressed {
		return nil, errTooBig
	}
	return out, nil
}

// inflateError turns a Go decompression error into zlib's message.
func inflateError(err error) error {
	msg := "invalid stored block lengths"
	switch {
	case errors.Is(err, zlib.ErrHeader), errors.Is(err, gzip.ErrHeader):
		msg = "incorrect header check"
	case errors.Is(err, zlib.ErrChecksum), errors.Is(err, gzip.ErrChecksum):
		msg = "incorrect data check"
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return zlibMessage("Error -5 while decompressing data: incomplete or truncated stream")
	}
	return zlibMessage("Error -3 while decompressing data: " + msg)
}

func crcUpdate(sum uint32, p []byte) uint32 { return crc32.Update(sum, crc32.IEEETable, p) }

// adlerUpdate continues an Adler-32 checksum from sum (hash/adler32 starts only from 1).
func adlerUpdate(sum uint32, p []byte) uint32 {
	if sum == 1 {
		return adler32.Checksum(p)
	}
	const mod = 65521
	a, b := sum&0xffff, sum>>16
	for _, c := range p {
		a = (a + uint32(c)) % mod
		b = (b + a) % mod
	}
	return b<<16 | a
}

// checksum returns zlib.crc32 or adler32(data, value=start, /): the GIL is released
// for inputs over checksumGILMinSize bytes.
func (m *Machine) checksum(name string, start uint32, update func(uint32, []byte) uint32) py.BuiltinFunc {
	return func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
		if err := t.CheckArgs(name, args, kw, 1, 2); err != nil {
			return nil, err
		}
		data, err := bytesArg(t, args[0])
		if err != nil {
			return nil, err
		}
		sum := start
		if len(args) == 2 {
			v, err := intParam(t, args[1], 0)
			if err != nil {
				return nil, err
			}
			sum = uint32(v)
		}
		sum = update(sum, []byte(data))
		d := checksumCallCost*1000 + int64(len(data))*checksumPs
		return m.cWork(t, d, len(data) > checksumGILMinSize, t.NewInt(int64(sum)))
	}
}
