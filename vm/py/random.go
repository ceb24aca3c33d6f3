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
	def("sample", func(t *Thread, args []Value, kw []string) (Value, error) {
		return randomSample(t, r, args, kw)
	})
	def("choices", func(t *Thread, args []Value, kw []string) (Value, error) {
		return randomChoices(t, r, args, kw)
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

// randomSample is random.sample(population, k), drawing as CPython 3.12's does so that
// a seeded run picks the same items: a pool it swaps from when the population is
// small, else indexes retried until new.
func randomSample(t *Thread, r *mt19937, args []Value, kw []string) (Value, error) {
	pop, kv, err := sampleArgs(t, args, kw)
	if err != nil {
		return nil, err
	}
	switch pop.(type) {
	case *Set, *Dict:
		return nil, t.newExc(TypeErrorClass, "Population must be a sequence.  For dicts or sets, use sorted(d).")
	}
	n64, err := t.Len(pop)
	if err != nil {
		return nil, err
	}
	n := int(n64)
	k, err := t.intArg(kv, "sample")
	if err != nil {
		return nil, err
	}
	if k < 0 || k > int64(n) {
		return nil, t.newExc(ValueErrorClass, "Sample larger than population or is negative")
	}
	setsize := 21
	if k > 5 {
		setsize += int(math.Pow(4, math.Ceil(math.Log(float64(k*3))/math.Log(4))))
	}
	idx := make([]int, k)
	if n <= setsize {
		pool := make([]int, n)
		for i := range pool {
			pool[i] = i
		}
		for i := range idx {
			j := int(r.below(uint64(n - i)))
			idx[i] = pool[j]
			pool[j] = pool[n-i-1]
		}
	} else {
		selected := map[int]bool{}
		for i := range idx {
			j := int(r.below(uint64(n)))
			for selected[j] {
				j = int(r.below(uint64(n)))
			}
			selected[j] = true
			idx[i] = j
		}
	}
	return pickItems(t, pop, idx)
}

// sampleArgs returns sample's population and k.
func sampleArgs(t *Thread, args []Value, kw []string) (Value, Value, error) {
	pos := args[:len(args)-len(kw)]
	var pop, k Value
	if len(pos) > 0 {
		pop = pos[0]
	}
	if len(pos) > 1 {
		k = pos[1]
	}
	for i, name := range kw {
		v := args[len(pos)+i]
		switch name {
		case "k":
			k = v
		case "population":
			pop = v
		case "counts":
			return nil, nil, t.newExc(NotImplementedErrorClass, "gilscope does not support random.sample's counts yet")
		default:
			return nil, nil, t.newExcf(TypeErrorClass, "Random.sample() got an unexpected keyword argument '%s'", name)
		}
	}
	if pop == nil || k == nil || len(pos) > 2 {
		return nil, nil, t.newExc(TypeErrorClass, "Random.sample() missing 1 required positional argument: 'k'")
	}
	return pop, k, nil
}

// pickItems returns the list of pop's items at idx.
func pickItems(t *Thread, pop Value, idx []int) (Value, error) {
	items := make([]Value, 0, len(idx))
	for _, j := range idx {
		i := t.newInt(int64(j))
		v, err := t.GetItem(pop, i)
		t.Decref(i)
		if err != nil {
			for _, x := range items {
				t.Decref(x)
			}
			return nil, err
		}
		items = append(items, v)
	}
	return t.newList(items), nil
}

// randomChoices is random.choices(population, weights=None, *, cum_weights=None, k=1),
// drawing as CPython 3.12's does.
func randomChoices(t *Thread, r *mt19937, args []Value, kw []string) (Value, error) {
	pos := args[:len(args)-len(kw)]
	if len(pos) < 1 || len(pos) > 2 {
		return nil, t.newExc(TypeErrorClass, "Random.choices() takes from 2 to 3 positional arguments")
	}
	pop := pos[0]
	var weights, cum Value
	if len(pos) == 2 {
		weights = pos[1]
	}
	k := int64(1)
	for i, name := range kw {
		v := args[len(pos)+i]
		var err error
		switch name {
		case "weights":
			weights = v
		case "cum_weights":
			cum = v
		case "k":
			k, err = t.intArg(v, "choices")
		default:
			err = t.newExcf(TypeErrorClass, "Random.choices() got an unexpected keyword argument '%s'", name)
		}
		if err != nil {
			return nil, err
		}
	}
	if weights == None {
		weights = nil
	}
	if cum == None {
		cum = nil
	}
	n64, err := t.Len(pop)
	if err != nil {
		return nil, err
	}
	n := int(n64)
	k = max(k, 0)
	if err := t.reserve(k * 8); err != nil {
		return nil, err
	}
	idx := make([]int, k)
	if weights == nil && cum == nil {
		for i := range idx {
			idx[i] = int(math.Floor(r.random() * float64(n)))
		}
		return pickItems(t, pop, idx)
	}
	if weights != nil && cum != nil {
		return nil, t.newExc(TypeErrorClass, "Cannot specify both weights and cumulative weights")
	}
	src, accumulate := cum, false
	if weights != nil {
		src, accumulate = weights, true
	}
	ws, err := floatsOf(t, src)
	if err != nil {
		return nil, err
	}
	if accumulate {
		for i := 1; i < len(ws); i++ {
			ws[i] += ws[i-1]
		}
	}
	if len(ws) != n {
		return nil, t.newExc(ValueErrorClass, "The number of weights does not match the population")
	}
	total := ws[n-1]
	if total <= 0 {
		return nil, t.newExc(ValueErrorClass, "Total of weights must be greater than zero")
	}
	if math.IsInf(total, 0) || math.IsNaN(total) {
		return nil, t.newExc(ValueErrorClass, "Total of weights must be finite")
	}
	for i := range idx {
		x := r.random() * total
		lo, hi := 0, n-1 // bisect_right(cum_weights, x, 0, n - 1)
		for lo < hi {
			mid := (lo + hi) / 2
			if x < ws[mid] {
				hi = mid
			} else {
				lo = mid + 1
			}
		}
		idx[i] = lo
	}
	return pickItems(t, pop, idx)
}

// floatsOf returns the items of an iterable of numbers as floats.
func floatsOf(t *Thread, v Value) ([]float64, error) {
	items, err := t.toItems(v)
	if err != nil {
		return nil, err
	}
	out := make([]float64, len(items))
	for i, x := range items {
		f, ok := toFloat(x)
		t.Decref(x)
		if !ok && err == nil {
			err = t.newExcf(TypeErrorClass, "unsupported operand type(s) for +: 'float' and '%s'", x.Type().Name)
		}
		out[i] = f
	}
	return out, err
}
