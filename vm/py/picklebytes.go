// This file turns a Pickled tree into bytes and back, for pickle.dumps and loads: the
// same tree multiprocessing carries between processes, written out. The bytes are
// gilscope's own (CPython cannot read them, nor gilscope CPython's): a protocol-5
// header, a magic, the tree's size figures, then each node as its kind and fields.

package py

import (
	"encoding/binary"
	"errors"
	"math"
	"math/big"
)

// pickleMagic follows the protocol-5 header of every pickle gilscope writes.
var pickleMagic = []byte("\x80\x05gilscope-pickle\x00")

// errNotBytes is returned for a tree holding what only a process of the same run can
// receive (a queue's end) or what only a fork copies (code).
var errNotBytes = errors.New("not writable as bytes")

// MarshalPickled writes p as bytes.
func MarshalPickled(p *Pickled) ([]byte, error) {
	out := append([]byte(nil), pickleMagic...)
	out = binary.AppendVarint(out, p.Size)
	out = binary.AppendVarint(out, p.Structured)
	return appendPickled(out, p)
}

func appendPickled(out []byte, p *Pickled) ([]byte, error) {
	if p.code != nil || p.ext != nil {
		return nil, errNotBytes
	}
	switch p.kind {
	case pFunction, pClass, pExt, pMainDict, pStream, pWeak:
		return nil, errNotBytes
	}
	out = append(out, byte(p.kind))
	out = binary.AppendVarint(out, p.i)
	if p.big != nil {
		b, err := p.big.GobEncode()
		if err != nil {
			return nil, err
		}
		out = append(out, 1)
		out = appendBytes(out, b)
	} else {
		out = append(out, 0)
	}
	out = binary.LittleEndian.AppendUint64(out, math.Float64bits(p.f))
	out = appendBytes(out, []byte(p.s))
	out = appendBytes(out, []byte(p.module))
	out = binary.AppendVarint(out, int64(p.memo))
	out = binary.AppendUvarint(out, uint64(len(p.items)))
	for _, it := range p.items {
		var err error
		if out, err = appendPickled(out, it); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func appendBytes(out, b []byte) []byte {
	out = binary.AppendUvarint(out, uint64(len(b)))
	return append(out, b...)
}

// UnmarshalPickled reads bytes MarshalPickled wrote; ok is false for other bytes.
func UnmarshalPickled(b []byte) (p *Pickled, ok bool) {
	if len(b) < len(pickleMagic) || string(b[:len(pickleMagic)]) != string(pickleMagic) {
		return nil, false
	}
	r := &pickleReader{b: b[len(pickleMagic):]}
	size := r.varint()
	structured := r.varint()
	p = r.node(0)
	if r.bad || len(r.b) != 0 {
		return nil, false
	}
	p.Size, p.Structured = size, structured
	return p, true
}

type pickleReader struct {
	b   []byte
	bad bool
}

func (r *pickleReader) varint() int64 {
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.bad = true
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *pickleReader) uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.bad = true
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *pickleReader) bytes() []byte {
	n := r.uvarint()
	if r.bad || n > uint64(len(r.b)) {
		r.bad = true
		return nil
	}
	v := r.b[:n]
	r.b = r.b[n:]
	return v
}

// maxPickleDepth bounds the nesting a pickle's bytes may claim.
const maxPickleDepth = 10000

func (r *pickleReader) node(depth int) *Pickled {
	if r.bad || len(r.b) == 0 || depth > maxPickleDepth {
		r.bad = true
		return nil
	}
	p := &Pickled{kind: pkind(r.b[0])}
	r.b = r.b[1:]
	switch p.kind {
	case pFunction, pClass, pExt, pMainDict, pStream, pWeak:
		r.bad = true
		return nil
	}
	if p.kind > pWeak {
		r.bad = true
		return nil
	}
	p.i = r.varint()
	if len(r.b) == 0 {
		r.bad = true
		return nil
	}
	hasBig := r.b[0]
	r.b = r.b[1:]
	if hasBig == 1 {
		p.big = new(big.Int)
		if err := p.big.GobDecode(r.bytes()); err != nil {
			r.bad = true
			return nil
		}
	}
	if len(r.b) < 8 {
		r.bad = true
		return nil
	}
	p.f = math.Float64frombits(binary.LittleEndian.Uint64(r.b))
	r.b = r.b[8:]
	p.s = string(r.bytes())
	p.module = string(r.bytes())
	p.memo = int(r.varint())
	n := r.uvarint()
	if r.bad || n > uint64(len(r.b)) {
		r.bad = true
		return nil
	}
	for i := uint64(0); i < n && !r.bad; i++ {
		p.items = append(p.items, r.node(depth+1))
	}
	if r.bad || len(p.items) < minItems[p.kind] || p.kind == pDict && len(p.items)%2 != 0 {
		r.bad = true
		return nil
	}
	return p
}

// minItems are the items the unpickler reads of each kind.
var minItems = map[pkind]int{pRange: 3, pInstance: 2, pExc: 3, pSub: 3, pMethod: 2, pAttr: 1}
