// This file defines _gilscope_codec, what lib/struct.py, base64.py, binascii.py,
// uuid.py and secrets.py are built on: struct's packing of C values (CPython's
// formats, sizes, alignment and error messages), base64 and hex, crc32, and urandom,
// random bytes from the run's seed (a stream of its own: drawing them leaves the
// random module's sequence as it is, as os.urandom does in CPython).

package machine

import (
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"hash/crc32"
	"math"
	"math/big"
	"strings"

	"github.com/gilscope/gilscope/vm/py"
)

// structField is one code of a struct format, repeated count times.
type structField struct {
	code  byte
	count int
}

// structFormat is a parsed struct format.
type structFormat struct {
	order  byteOrder
	native bool // '@': native sizes and alignment
	fields []structField
	size   int
}

// byteOrder reads and appends in one byte order.
type byteOrder interface {
	binary.ByteOrder
	binary.AppendByteOrder
}

// structSizes are the standard sizes ('<', '>', '!', '='); native sizes are the
// same on linux/amd64 except for l, L, n, N and P (8).
var structSizes = map[byte]int{'x': 1, 'c': 1, 'b': 1, 'B': 1, '?': 1, 'h': 2, 'H': 2,
	'i': 4, 'I': 4, 'l': 4, 'L': 4, 'q': 8, 'Q': 8, 'e': 2, 'f': 4, 'd': 8, 's': 1, 'p': 1}

func codeSize(code byte, native bool) int {
	if native {
		switch code {
		case 'l', 'L', 'n', 'N', 'P':
			return 8
		}
	}
	return structSizes[code]
}

func parseStruct(format string) (*structFormat, bool) {
	f := &structFormat{order: binary.LittleEndian, native: true}
	if format != "" {
		switch format[0] {
		case '@':
			format = format[1:]
		case '=', '<':
			f.native = false
			format = format[1:]
		case '>', '!':
			f.native, f.order = false, binary.BigEndian
			format = format[1:]
		}
	}
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c == ' ' || c == '\t' || c == '\n' {
			continue
		}
		count, digits := 0, false
		for ; i < len(format) && format[i] >= '0' && format[i] <= '9'; i++ {
			count = count*10 + int(format[i]-'0')
			digits = true
			if count > 1<<24 {
				return nil, false
			}
		}
		if i == len(format) {
			return nil, false
		}
		c = format[i]
		if !digits {
			count = 1
		}
		if !f.native && (c == 'n' || c == 'N' || c == 'P') {
			return nil, false
		}
		size := codeSize(c, f.native)
		if size == 0 {
			return nil, false
		}
		if f.native && c != 's' && c != 'p' && c != 'x' && c != 'c' && c != 'b' && c != 'B' && c != '?' {
			f.size = (f.size + size - 1) / size * size // alignment
		}
		if c == 's' || c == 'p' {
			f.size += count
		} else {
			f.size += count * size
		}
		f.fields = append(f.fields, structField{code: c, count: count})
		if f.size > maxStructSize {
			return f, true // the caller refuses it
		}
	}
	return f, true
}

// maxStructSize bounds what one struct format packs (a format is program input).
const maxStructSize = 1 << 26

// items is how many values the format packs.
func (f *structFormat) items() int {
	n := 0
	for _, fl := range f.fields {
		switch fl.code {
		case 'x':
		case 's', 'p':
			n++
		default:
			n += fl.count
		}
	}
	return n
}

func (m *Machine) codecModule(t *py.Thread) *py.Module {
	errOf := func(t *py.Thread, v py.Value) *py.Class {
		if c, ok := v.(*py.Class); ok {
			return c
		}
		return py.ValueErrorClass
	}
	format := func(t *py.Thread, errc *py.Class, v py.Value) (*structFormat, error) {
		var s string
		switch x := v.(type) {
		case *py.Str:
			s = x.S
		case *py.Bytes:
			s = x.B
		default:
			return nil, t.NewExc(py.TypeErrorClass, "Struct() argument 1 must be a str or bytes object, not %s", v.Type().Name)
		}
		f, ok := parseStruct(s)
		if !ok {
			return nil, t.NewExc(errc, "bad char in struct format")
		}
		if f.size > maxStructSize {
			return nil, t.NewExc(py.MemoryErrorClass, "gilscope limits a struct to %d bytes", maxStructSize)
		}
		return f, nil
	}
	attrs := map[string]py.Value{
		// calcsize(error, format)
		"calcsize": t.Builtin("calcsize", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			if err := t.CheckArgs("calcsize", args, kw, 2, 2); err != nil {
				return nil, err
			}
			f, err := format(t, errOf(t, args[0]), args[1])
			if err != nil {
				return nil, err
			}
			return t.NewInt(int64(f.size)), nil
		}),
		// pack(error, format, values)
		"pack": t.Builtin("pack", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			if err := t.CheckArgs("pack", args, kw, 3, 3); err != nil {
				return nil, err
			}
			errc := errOf(t, args[0])
			f, err := format(t, errc, args[1])
			if err != nil {
				return nil, err
			}
			vals, ok := args[2].(*py.Tuple)
			if !ok {
				return nil, t.NewExc(py.TypeErrorClass, "pack(error, format, values)")
			}
			if len(vals.Items) != f.items() {
				return nil, t.NewExc(errc, "pack expected %d items for packing (got %d)", f.items(), len(vals.Items))
			}
			out, err := packStruct(t, errc, f, vals.Items)
			if err != nil {
				return nil, err
			}
			return m.newBytes(t, string(out)), nil
		}),
		// unpack(error, format, data, offset, name): name is unpack or unpack_from,
		// whose message differs; unpack_from allows a longer buffer.
		"unpack": t.Builtin("unpack", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			if err := t.CheckArgs("unpack", args, kw, 5, 5); err != nil {
				return nil, err
			}
			errc := errOf(t, args[0])
			f, err := format(t, errc, args[1])
			if err != nil {
				return nil, err
			}
			data, err := bytesArg(t, args[2])
			if err != nil {
				return nil, err
			}
			off, _ := py.AsInt(args[3])
			name, _ := args[4].(*py.Str)
			if name != nil && name.S == "unpack_from" {
				if off < 0 {
					off += int64(len(data))
				}
				if off < 0 || int64(len(data)) < off+int64(f.size) {
					return nil, t.NewExc(errc, "unpack_from requires a buffer of at least %d bytes for unpacking %d bytes at offset %d (actual buffer size is %d)", off+int64(f.size), f.size, off, len(data))
				}
				data = data[off : off+int64(f.size)]
			} else if len(data) != f.size {
				return nil, t.NewExc(errc, "unpack requires a buffer of %d bytes", f.size)
			}
			return unpackStruct(t, m, f, []byte(data)), nil
		}),
		"urandom": t.Builtin("urandom", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			if err := t.CheckArgs("urandom", args, kw, 1, 1); err != nil {
				return nil, err
			}
			n, ok := py.AsInt(args[0])
			if !ok {
				return nil, t.NewExc(py.TypeErrorClass, "'%s' object cannot be interpreted as an integer", args[0].Type().Name)
			}
			if n < 0 {
				return nil, t.NewExc(py.ValueErrorClass, "negative argument not allowed")
			}
			if n > 1<<24 {
				return nil, t.NewExc(py.MemoryErrorClass, "gilscope limits urandom to 16 MB")
			}
			b := make([]byte, n)
			for i := range b {
				b[i] = byte(m.urandom.Uint32())
			}
			return m.newBytes(t, string(b)), nil
		}),
		// b64encode(data, altchars) and b64decode(error, data, altchars, validate)
		"b64encode": t.Builtin("b64encode", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			if err := t.CheckArgs("b64encode", args, kw, 1, 1); err != nil {
				return nil, err
			}
			data, err := bytesArg(t, args[0])
			if err != nil {
				return nil, err
			}
			return m.newBytes(t, base64.StdEncoding.EncodeToString([]byte(data))), nil
		}),
		"b64decode": t.Builtin("b64decode", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			if err := t.CheckArgs("b64decode", args, kw, 3, 3); err != nil {
				return nil, err
			}
			errc := errOf(t, args[0])
			data, err := bytesArg(t, args[1])
			if err != nil {
				return nil, err
			}
			validate, _ := t.Truthy(args[2])
			return b64decode(t, m, errc, data, validate)
		}),
		"hexlify": t.Builtin("hexlify", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			if err := t.CheckArgs("hexlify", args, kw, 1, 1); err != nil {
				return nil, err
			}
			data, err := bytesArg(t, args[0])
			if err != nil {
				return nil, err
			}
			return m.newBytes(t, hex.EncodeToString([]byte(data))), nil
		}),
		// unhexlify(error, data)
		"unhexlify": t.Builtin("unhexlify", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			if err := t.CheckArgs("unhexlify", args, kw, 2, 2); err != nil {
				return nil, err
			}
			errc := errOf(t, args[0])
			data, err := bytesArg(t, args[1])
			if err != nil {
				return nil, err
			}
			if len(data)%2 != 0 {
				return nil, t.NewExc(errc, "Odd-length string")
			}
			out, herr := hex.DecodeString(data)
			if herr != nil {
				return nil, t.NewExc(errc, "Non-hexadecimal digit found")
			}
			return m.newBytes(t, string(out)), nil
		}),
		"crc32": t.Builtin("crc32", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			if err := t.CheckArgs("crc32", args, kw, 2, 2); err != nil {
				return nil, err
			}
			data, err := bytesArg(t, args[0])
			if err != nil {
				return nil, err
			}
			v, _ := py.AsInt(args[1])
			return t.NewInt(int64(crc32.Update(uint32(v), crc32.IEEETable, []byte(data)))), nil
		}),
	}
	return newModule(t, "_gilscope_codec", attrs)
}

// b64decode decodes standard base64; without validate, characters outside the
// alphabet are dropped first, as binascii.a2b_base64 does.
func b64decode(t *py.Thread, m *Machine, errc *py.Class, data string, validate bool) (py.Value, error) {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	var b strings.Builder
	for i := 0; i < len(data); i++ {
		c := data[i]
		if strings.IndexByte(alphabet, c) >= 0 || c == '=' {
			b.WriteByte(c)
		} else if validate {
			return nil, t.NewExc(errc, "Only base64 data is allowed")
		}
	}
	s := b.String()
	if i := strings.IndexByte(s, '='); i >= 0 {
		s = strings.TrimRight(s[:i], "=") + strings.Repeat("=", strings.Count(s[i:], "="))
	}
	n := len(strings.TrimRight(s, "="))
	if n%4 == 1 {
		return nil, t.NewExc(errc, "Invalid base64-encoded string: number of data characters (%d) cannot be 1 more than a multiple of 4", n)
	}
	out, err := base64.RawStdEncoding.DecodeString(strings.TrimRight(s, "="))
	if err != nil || (n%4 != 0 && len(s)-n < 4-n%4) {
		return nil, t.NewExc(errc, "Incorrect padding")
	}
	return m.newBytes(t, string(out)), nil
}

func packStruct(t *py.Thread, errc *py.Class, f *structFormat, vals []py.Value) ([]byte, error) {
	out := make([]byte, 0, f.size)
	vi := 0
	for _, fl := range f.fields {
		size := codeSize(fl.code, f.native)
		if f.native && size > 1 && fl.code != 's' && fl.code != 'p' {
			for len(out)%size != 0 {
				out = append(out, 0)
			}
		}
		switch fl.code {
		case 'x':
			out = append(out, make([]byte, fl.count)...)
			continue
		case 's', 'p':
			b, ok := vals[vi].(*py.Bytes)
			vi++
			if !ok {
				return nil, t.NewExc(errc, "argument for '%c' must be a bytes object", fl.code)
			}
			field := make([]byte, fl.count)
			if fl.code == 's' {
				copy(field, b.B)
			} else if fl.count > 0 {
				n := copy(field[1:], b.B)
				field[0] = byte(min(n, 255))
			}
			out = append(out, field...)
			continue
		}
		for k := 0; k < fl.count; k++ {
			v := vals[vi]
			vi++
			var err error
			if out, err = packOne(t, errc, f, fl.code, size, v, out); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

func packOne(t *py.Thread, errc *py.Class, f *structFormat, code byte, size int, v py.Value, out []byte) ([]byte, error) {
	switch code {
	case 'c':
		b, ok := v.(*py.Bytes)
		if !ok || len(b.B) != 1 {
			return nil, t.NewExc(errc, "char format requires a bytes object of length 1")
		}
		return append(out, b.B[0]), nil
	case '?':
		ok, err := t.Truthy(v)
		if err != nil {
			return nil, err
		}
		if ok {
			return append(out, 1), nil
		}
		return append(out, 0), nil
	case 'e', 'f', 'd':
		x, ok := py.AsFloat(v)
		if !ok {
			return nil, t.NewExc(errc, "required argument is not a float")
		}
		switch code {
		case 'd':
			return f.order.AppendUint64(out, math.Float64bits(x)), nil
		case 'f':
			if !math.IsInf(x, 0) && !math.IsNaN(x) && math.Abs(x) > math.MaxFloat32 {
				return nil, t.NewExc(py.OverflowErrorClass, "float too large to pack with f format")
			}
			return f.order.AppendUint32(out, math.Float32bits(float32(x))), nil
		default:
			h, ok := float16bits(x)
			if !ok {
				return nil, t.NewExc(py.OverflowErrorClass, "float too large to pack with e format")
			}
			return f.order.AppendUint16(out, h), nil
		}
	}
	// Integers.
	var b *big.Int
	switch x := v.(type) {
	case *py.Int:
		if x.Big != nil {
			b = new(big.Int).Set(x.Big)
		} else {
			b = big.NewInt(x.V)
		}
	case *py.Bool:
		b = big.NewInt(0)
		if x == py.True {
			b.SetInt64(1)
		}
	default:
		return nil, t.NewExc(errc, "required argument is not an integer")
	}
	signed := code == 'b' || code == 'h' || code == 'i' || code == 'l' || code == 'q' || code == 'n'
	bits := uint(size * 8)
	lo, hi := big.NewInt(0), new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), bits), big.NewInt(1))
	if signed {
		lo = new(big.Int).Neg(new(big.Int).Lsh(big.NewInt(1), bits-1))
		hi = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), bits-1), big.NewInt(1))
	}
	if b.Cmp(lo) < 0 || b.Cmp(hi) > 0 {
		return nil, t.NewExc(errc, "'%c' format requires %s <= number <= %s", code, lo, hi)
	}
	if b.Sign() < 0 {
		b.Add(b, new(big.Int).Lsh(big.NewInt(1), bits))
	}
	u := b.Uint64()
	switch size {
	case 1:
		return append(out, byte(u)), nil
	case 2:
		return f.order.AppendUint16(out, uint16(u)), nil
	case 4:
		return f.order.AppendUint32(out, uint32(u)), nil
	}
	return f.order.AppendUint64(out, u), nil
}

func unpackStruct(t *py.Thread, m *Machine, f *structFormat, data []byte) py.Value {
	var items []py.Value
	pos := 0
	for _, fl := range f.fields {
		size := codeSize(fl.code, f.native)
		if f.native && size > 1 && fl.code != 's' && fl.code != 'p' {
			pos = (pos + size - 1) / size * size
		}
		switch fl.code {
		case 'x':
			pos += fl.count
			continue
		case 's':
			items = append(items, m.newBytes(t, string(data[pos:pos+fl.count])))
			pos += fl.count
			continue
		case 'p':
			field := data[pos : pos+fl.count]
			n := 0
			if fl.count > 0 {
				n = min(int(field[0]), fl.count-1)
				field = field[1 : 1+n]
			}
			items = append(items, m.newBytes(t, string(field)))
			pos += fl.count
			continue
		}
		for k := 0; k < fl.count; k++ {
			items = append(items, unpackOne(t, m, f, fl.code, data[pos:pos+size]))
			pos += size
		}
	}
	return t.NewTuple(items)
}

func unpackOne(t *py.Thread, m *Machine, f *structFormat, code byte, b []byte) py.Value {
	switch code {
	case 'c':
		return m.newBytes(t, string(b))
	case '?':
		return py.BoolOf(b[0] != 0)
	case 'd':
		return t.NewFloat(math.Float64frombits(f.order.Uint64(b)))
	case 'f':
		return t.NewFloat(float64(math.Float32frombits(f.order.Uint32(b))))
	case 'e':
		return t.NewFloat(float16value(f.order.Uint16(b)))
	}
	var u uint64
	switch len(b) {
	case 1:
		u = uint64(b[0])
	case 2:
		u = uint64(f.order.Uint16(b))
	case 4:
		u = uint64(f.order.Uint32(b))
	default:
		u = f.order.Uint64(b)
	}
	bits := uint(len(b) * 8)
	switch code {
	case 'b', 'h', 'i', 'l', 'q', 'n':
		v := int64(u<<(64-bits)) >> (64 - bits)
		return t.NewInt(v)
	}
	if u > math.MaxInt64 {
		return t.NewBigInt(new(big.Int).SetUint64(u))
	}
	return t.NewInt(int64(u))
}

// float16bits rounds x to IEEE 754 half precision (round half to even), as CPython's
// PyFloat_Pack2; ok is false when it overflows.
func float16bits(x float64) (uint16, bool) {
	sign := uint16(0)
	if math.Signbit(x) {
		sign = 0x8000
		x = -x
	}
	switch {
	case math.IsNaN(x):
		return sign | 0x7e00, true
	case math.IsInf(x, 0):
		return sign | 0x7c00, true
	case x == 0:
		return sign, true
	}
	frac, exp := math.Frexp(x) // x = frac * 2**exp, 0.5 <= frac < 1
	e := exp - 1               // x = (2*frac) * 2**e
	if e < -14 {
		// Subnormal: units of 2**-24.
		v := math.RoundToEven(x * (1 << 24))
		return sign | uint16(v), true
	}
	m := math.RoundToEven((2*frac - 1) * 1024)
	if m == 1024 {
		m = 0
		e++
	}
	if e > 15 {
		return 0, false
	}
	return sign | uint16(e+15)<<10 | uint16(m), true
}

func float16value(h uint16) float64 {
	sign := 1.0
	if h&0x8000 != 0 {
		sign = -1
	}
	e := int(h>>10) & 0x1f
	m := float64(h & 0x3ff)
	switch e {
	case 0:
		return sign * m * math.Pow(2, -24)
	case 31:
		if m == 0 {
			return sign * math.Inf(1)
		}
		return math.NaN()
	}
	return sign * (1 + m/1024) * math.Pow(2, float64(e-15))
}
