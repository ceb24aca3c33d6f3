package py

import (
	"bytes"
	"math/big"
	"testing"
)

// samplePickled is a tree with every field set and nested items.
func samplePickled() *Pickled {
	return &Pickled{kind: pList, memo: 0, Size: 40, Structured: 30, items: []*Pickled{
		{kind: pInt, i: -5, memo: -1},
		{kind: pInt, big: new(big.Int).Lsh(big.NewInt(3), 100), memo: -1},
		{kind: pFloat, f: 1.5, memo: -1},
		{kind: pStr, s: "héllo", memo: 1},
		{kind: pGlobal, module: "__main__", s: "f", memo: -1},
		{kind: pRef, memo: 1},
	}}
}

// TestPickleBytesRoundTrip: what MarshalPickled writes reads back as the same tree.
func TestPickleBytesRoundTrip(t *testing.T) {
	p := samplePickled()
	b, err := MarshalPickled(p)
	if err != nil {
		t.Fatal(err)
	}
	q, ok := UnmarshalPickled(b)
	if !ok {
		t.Fatal("cannot read what was written")
	}
	b2, err := MarshalPickled(q)
	if err != nil || !bytes.Equal(b, b2) || q.Size != 40 || q.Structured != 30 {
		t.Fatalf("round trip differs: %v, size %d/%d", err, q.Size, q.Structured)
	}
	if q.items[1].big.Cmp(p.items[1].big) != 0 || q.items[3].s != "héllo" {
		t.Errorf("values differ after the round trip")
	}
}

// TestPickleBytesRefuse: a fork's copy of code or a process's queue end is not
// written as bytes.
func TestPickleBytesRefuse(t *testing.T) {
	for _, p := range []*Pickled{{kind: pExt, ext: 1}, {kind: pList, items: []*Pickled{{kind: pFunction}}}} {
		if _, err := MarshalPickled(p); err == nil {
			t.Errorf("kind %d written as bytes", p.kind)
		}
	}
}

// FuzzUnmarshalPickled: any bytes are read or refused, never a panic, and a tree
// read has the items the unpickler will index.
func FuzzUnmarshalPickled(f *testing.F) {
	b, _ := MarshalPickled(samplePickled())
	f.Add(b)
	f.Add(pickleMagic)
	f.Fuzz(func(t *testing.T, data []byte) {
		p, ok := UnmarshalPickled(data)
		if !ok {
			return
		}
		var check func(*Pickled)
		check = func(p *Pickled) {
			if len(p.items) < minItems[p.kind] {
				t.Fatalf("kind %d with %d items", p.kind, len(p.items))
			}
			for _, it := range p.items {
				check(it)
			}
		}
		check(p)
	})
}
