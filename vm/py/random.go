// This file defines the random module: CPython's Mersenne Twister, seeded the way
// random.seed(int) seeds it, so that a program calling random.seed(n) draws the same
// numbers as under CPython. Without a seed call the run's seed is used.

package py

import (
	"math"
	"math/big"
)

type mt19937 struct {
	mt  [624]uint32
	idx int
}

func newMT(seed uint32) *mt19937 {
	m := &mt19937{}
	m.seedArray([]uint32{seed})
	return m
}

func (m *mt19937) initGenrand(s uint32) {
	m.mt[0] = s
	for i := 1; i < 624; i++ {
		m.mt[i] = 1812433253*(m.mt[i-1]^(m.mt[i-1]>>30)) + uint32(i)
	}
	m.idx = 624
}

// seedArray is init_by_array from CPython's _randommodule.c.
func (m *mt19937) seedArray(key []uint32) {
	m.initGenrand(19650218)
	i, j := 1, 0
	k := 624
	if len(key) > k {
		k = len(key)
	}
	for ; k > 0; k-- {
		m.mt[i] = (m.mt[i] ^ ((m.mt[i-1] ^ (m.mt[i-1] >> 30)) * 1664525)) + key[j] + uint32(j)
		i++
		j++
		if i >= 624 {
			m.mt[0] = m.mt[623]
			i = 1
		}
		if j >= len(key) {
			j = 0
		}
	}
	for k = 623; k > 0; k-- {
		m.mt[i] = (m.mt[i] ^ ((m.mt[i-1] ^ (m.mt[i-1] >> 30)) * 1566083941)) - uint32(i)
		i++
		if i >= 624 {
			m.mt[0] = m.mt[623]
			i = 1
		}
	}
	m.mt[0] = 0x80000000
}

func (m *mt19937) next() uint32 {
	if m.idx >= 624 {
		for k := 0; k < 624; k++ {
			y := m.mt[k]&0x80000000 | m.mt[(k+1)%624]&0x7fffffff
			v := m.mt[(k+397)%624] ^ y>>1
			if y&1 != 0 {
				v ^= 0x9908b0df
			}
			m.mt[k] = v
		}
		m.idx = 0
	}
	y := m.mt[m.idx]
	m.idx++
	y ^= y >> 11
	y ^= y << 7 & 0x9d2c5680
	y ^= y << 15 & 0xefc60000
	y ^= y >> 18
	return y
}

func (m *mt19937) random() float64 {
	a, b := m.next()>>5, m.next()>>6
	return (float64(a)*67108864.0 + float64(b)) * (1.0 / 9007199254740992.0)
}

// getrandbits returns k random bits (k ≤ 64 here).
func (m *mt19937) getrandbits(k int) uint64 {
	if k <= 32 {
		return uint64(m.next() >> (32 - k))
	}
	lo := uint64(m.next())
	hi := uint64(m.next() >> (64 - k))
	return hi<<32 | lo
}

// below returns a uniform integer in [0, n) as CPython's _randbelow does.
func (m *mt19937) below(n uint64) uint64 {
	if n == 0 {
		return 0
	}
	k := 0
	for x := n; x > 0; x >>= 1 {
		k++
	}
	r := m.getrandbits(k)
	for r >= n {
		r = m.getrandbits(k)
	}
	return r
}

func (m *mt19937) seedInt(b *big.Int) {
	a := new(big.Int).Abs(b)
	var key []uint32
	mask := big.NewInt(0xffffffff)
	for a.Sign() > 0 {
		key = append(key, uint32(new(big.Int).And(a, mask).Uint64()))
		a.Rsh(a, 32)
	}
	if len(key) == 0 {
		key = []uint32{0}
	}
	m.seedArray(key)
}

func (t *Thread) randomModule() *Module {
	r := t.in.rng
	a := map[string]Value{}
	def := func(name string, fn BuiltinFunc) { a[name] = t.Builtin(name, fn) }
	def("seed", func(t *Thread, args []Value, kw []string) (Value, error) {
		if len(args) == 0 || args[0] == None {
			r.seedArray([]uint32{uint32(t.in.Config.Seed)})
			return None, nil
		}
		b, ok := toBig(args[0])
		if !ok {
			h, err := t.Hash(args[0])
			if err != nil {
				return nil, err
			}
			b = big.NewInt(h)
		}
		r.seedInt(b)
		return None, nil
	})
	def("random", func(t *Thread, args []Value, kw []string) (Value, error) {
		return t.newFloat(r.random()), nil
	})
	def("uniform", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("uniform", args, kw, 2, 2); err != nil {
			return nil, err
		}
		x, _ := toFloat(args[0])
		y, _ := toFloat(args[1])
		return t.newFloat(x + (y-x)*r.random()), nil
	})
	randrange := func(start, stop, step int64) (Value, error) {
		width := stop - start
		if step == 1 {
			if width <= 0 {
				return nil, t.newExcf(ValueErrorClass, "empty range in randrange(%d, %d)", start, stop)
			}
			return t.newInt(start + int64(r.below(uint64(width)))), nil
		}
		var n int64
		if step > 0 {
			n = (width + step - 1) / step
		} else {
			n = (width + step + 1) / step
		}
		if n <= 0 {
			return nil, t.newExc(ValueErrorClass, "empty range for randrange()")
		}
		return t.newInt(start + step*int64(r.below(uint64(n)))), nil
	}
	def("randint", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("randint", args, kw, 2, 2); err != nil {
			return nil, err
		}
		lo, err := t.intArg(args[0], "randint")
		if err != nil {
			return nil, err
		}
		hi, err := t.intArg(args[1], "randint")
		if err != nil {
			return nil, err
		}
		return randrange(lo, hi+1, 1)
	})
	def("randrange", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("randrange", args, kw, 1, 3); err != nil {
			return nil, err
		}
		var n [3]int64
		n[2] = 1
		for i, v := range args {
			x, err := t.intArg(v, "randrange")
			if err != nil {
				return nil, err
			}
			n[i] = x
		}
		if len(args) == 1 {
			return randrange(0, n[0], 1)
		}
		return randrange(n[0], n[1], n[2])
	})
	def("choice", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("choice", args, kw, 1, 1); err != nil {
			return nil, err
		}
		n, err := t.Len(args[0])
		if err != nil {
			return nil, err
		}
		if n == 0 {
			return nil, t.newExc(IndexErrorClass, "Cannot choose from an empty sequence")
		}
		i := t.newInt(int64(r.below(uint64(n))))
		defer t.Decref(i)
		return t.GetItem(args[0], i)
	})
	def("shuffle", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("shuffle", args, kw, 1, 1); err != nil {
			return nil, err
		}
		l, ok := args[0].(*List)
		if !ok {
			return nil, t.newExc(TypeErrorClass, "gilscope's shuffle() needs a list")
		}
		for i := len(l.Items) - 1; i > 0; i-- {
			j := int(r.below(uint64(i + 1)))
			l.Items[i], l.Items[j] = l.Items[j], l.Items[i]
		}
		return None, nil
	})
	def("getrandbits", func(t *Thread, args []Value, kw []string) (Value, error) {
		k, err := t.intArg(args[0], "getrandbits")
		if err != nil {
			return nil, err
		}
		if k < 0 || k > 64 {
			return nil, t.newExc(ValueErrorClass, "gilscope's getrandbits() supports 0 to 64 bits")
		}
		if k == 0 {
			return t.newInt(0), nil
		}
		return t.newBigInt(new(big.Int).SetUint64(r.getrandbits(int(k)))), nil
	})
	def("gauss", func(t *Thread, args []Value, kw []string) (Value, error) {
		mu, sigma := 0.0, 1.0
		if len(args) > 0 {
			mu, _ = toFloat(args[0])
		}
		if len(args) > 1 {
			sigma, _ = toFloat(args[1])
		}
		x2pi := r.random() * 2 * math.Pi
		g2rad := math.Sqrt(-2 * math.Log(1-r.random()))
		return t.newFloat(mu + math.Cos(x2pi)*g2rad*sigma), nil
	})
	m := t.NewModule("random", a)
	for _, v := range a {
		t.Decref(v)
	}
	return m
}
