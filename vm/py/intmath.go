// This file defines int's byte conversions and counting methods, the builtin
// class methods (int.from_bytes, bytes.fromhex), and the math
// functions beyond the common ones of interp.go's math module.

package py

import (
	"math"
	"math/big"
)

// builtinClassMethod makes fn a class method of a builtin type: called through
// the class or an instance, it gets the class as args[0].
func builtinClassMethod(name string, fn BuiltinFunc) *classMethod {
	b := &Builtin{Header: Header{Ref: 1, flags: flagImmortal | flagStatic}, Name: name, Fn: fn}
	return &classMethod{Header: Header{Ref: 1, flags: flagImmortal | flagStatic}, fn: b}
}

// byteOrderArgs reads to_bytes and from_bytes's byteorder and signed arguments.
func (t *Thread) byteOrderArgs(kws map[string]Value) (little, signed bool, err error) {
	if v, ok := kws["byteorder"]; ok {
		s, ok := v.(*Str)
		if !ok {
			return false, false, t.newExcf(TypeErrorClass, "to_bytes() argument 'byteorder' must be str, not %s", v.Type().Name)
		}
		switch s.S {
		case "little":
			little = true
		case "big":
		default:
			return false, false, t.newExc(ValueErrorClass, "byteorder must be either 'little' or 'big'")
		}
	}
	if v, ok := kws["signed"]; ok {
		signed, err = t.Truth(v)
	}
	return little, signed, err
}

func reverseBytes(b []byte) {
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
}

func init() {
	IntClass.method("to_bytes", func(t *Thread, args []Value, kw []string) (Value, error) {
		pos, kws, err := t.kwargs("to_bytes", args[1:], kw, "length", "byteorder", "signed")
		if err != nil {
			return nil, err
		}
		if len(pos) > 2 {
			return nil, t.newExcf(TypeErrorClass, "to_bytes() takes at most 2 positional arguments (%d given)", len(pos))
		}
		for i, p := range pos {
			kws[[]string{"length", "byteorder"}[i]] = p
		}
		length := int64(1)
		if v, ok := kws["length"]; ok {
			if length, err = t.intArg(v, "to_bytes"); err != nil {
				return nil, err
			}
			if length < 0 {
				return nil, t.newExc(ValueErrorClass, "length argument must be non-negative")
			}
		}
		little, signed, err := t.byteOrderArgs(kws)
		if err != nil {
			return nil, err
		}
		n, _ := toBig(args[0])
		if n.Sign() < 0 && !signed {
			return nil, t.newExc(OverflowErrorClass, "can't convert negative int to unsigned")
		}
		if err := t.reserve(length); err != nil {
			return nil, err
		}
		v := n
		if n.Sign() < 0 {
			// Two's complement: 2**(8*length) + n.
			v = new(big.Int).Add(new(big.Int).Lsh(big.NewInt(1), uint(8*length)), n)
		}
		bits := v.BitLen()
		tooBig := int64(bits) > 8*length || v.Sign() < 0
		if signed && !tooBig && length > 0 {
			// The top bit must say the sign.
			top := bits == int(8*length)
			tooBig = top != (n.Sign() < 0)
		}
		if signed && length == 0 {
			tooBig = n.Sign() != 0
		}
		if tooBig {
			return nil, t.newExc(OverflowErrorClass, "int too big to convert")
		}
		out := make([]byte, length)
		v.FillBytes(out)
		if little {
			reverseBytes(out)
		}
		t.chargeBytes(len(out))
		return t.newBytes(string(out)), nil
	})
	IntClass.Methods["from_bytes"] = builtinClassMethod("from_bytes", func(t *Thread, args []Value, kw []string) (Value, error) {
		cls := args[0].(*Class)
		pos, kws, err := t.kwargs("from_bytes", args[1:], kw, "bytes", "byteorder", "signed")
		if err != nil {
			return nil, err
		}
		if len(pos) > 2 {
			return nil, t.newExcf(TypeErrorClass, "from_bytes() takes at most 2 positional arguments (%d given)", len(pos))
		}
		for i, p := range pos {
			kws[[]string{"bytes", "byteorder"}[i]] = p
		}
		src, ok := kws["bytes"]
		if !ok {
			return nil, t.newExc(TypeErrorClass, "from_bytes() missing required argument 'bytes' (pos 1)")
		}
		little, signed, err := t.byteOrderArgs(kws)
		if err != nil {
			return nil, err
		}
		b, ok := bytesOf(src)
		if !ok {
			if _, isStr := src.(*Str); isStr {
				return nil, t.newExc(TypeErrorClass, "cannot convert 'str' object to bytes")
			}
			bv, err := bytesNew(t, []Value{BytesClass, src}, nil)
			if err != nil {
				return nil, err
			}
			b = bv.(*Bytes).B
			t.Decref(bv)
		}
		t.chargeBytes(len(b))
		buf := []byte(b)
		if little {
			reverseBytes(buf)
		}
		n := new(big.Int).SetBytes(buf)
		if signed && len(buf) > 0 && buf[0]&0x80 != 0 {
			n.Sub(n, new(big.Int).Lsh(big.NewInt(1), uint(8*len(buf))))
		}
		r := t.newBigInt(n)
		if cls != IntClass && cls != BoolClass {
			defer t.Decref(r)
			return t.callValue(cls, []Value{r}, nil, false)
		}
		if cls == BoolClass {
			t.Decref(r)
			return BoolOf(n.Sign() != 0), nil
		}
		return r, nil
	})
	IntClass.method("bit_count", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("bit_count", args[1:], kw, 0, 0); err != nil {
			return nil, err
		}
		n, _ := toBig(args[0])
		c := 0
		for _, w := range new(big.Int).Abs(n).Bits() {
			for ; w != 0; w &= w - 1 {
				c++
			}
		}
		return t.newInt(int64(c)), nil
	})
	IntClass.method("as_integer_ratio", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("as_integer_ratio", args[1:], kw, 0, 0); err != nil {
			return nil, err
		}
		n, _ := toBig(args[0])
		return t.newTuple([]Value{t.newBigInt(new(big.Int).Set(n)), t.newInt(1)}), nil
	})
	IntClass.method("is_integer", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("is_integer", args[1:], kw, 0, 0); err != nil {
			return nil, err
		}
		return True, nil
	})

	BytesClass.Methods["fromhex"] = builtinClassMethod("fromhex", func(t *Thread, args []Value, kw []string) (Value, error) {
		cls := args[0].(*Class)
		if err := t.nargs(cls.Name+".fromhex", args[1:], kw, 1, 1); err != nil {
			return nil, err
		}
		s, ok := args[1].(*Str)
		if !ok {
			return nil, t.newExcf(TypeErrorClass, "fromhex() argument must be str, not %s", args[1].Type().Name)
		}
		t.chargeBytes(len(s.S))
		out, bad := fromHex(s.S)
		if bad >= 0 {
			return nil, t.newExcf(ValueErrorClass, "non-hexadecimal number found in fromhex() arg at position %d", bad)
		}
		r, err := t.bytesResult(out)
		if err != nil || cls == BytesClass {
			return r, err
		}
		defer t.Decref(r)
		return t.callValue(cls, []Value{r}, nil, false)
	})

}

// intArgOf returns v as a big int, or CPython's TypeError for a non-integer.
func (t *Thread) intArgOf(v Value) (*big.Int, error) {
	if b, ok := toBig(v); ok {
		return b, nil
	}
	return nil, t.newExcf(TypeErrorClass, "'%s' object cannot be interpreted as an integer", v.Type().Name)
}

// mathFunc1 is a math function of one float: CPython's math_1 (ValueError outside
// domain or for a NaN from a number, OverflowError for an infinity from a finite).
func (t *Thread) mathFunc1(name string, fn func(float64) float64, domain func(float64) bool) *Builtin {
	return t.Builtin(name, func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs(name, args, kw, 1, 1); err != nil {
			return nil, err
		}
		x, err := t.floatArg(args[0], name)
		if err != nil {
			return nil, err
		}
		if domain != nil && !domain(x) {
			return nil, t.newExc(ValueErrorClass, "math domain error")
		}
		r := fn(x)
		if math.IsInf(r, 0) && !math.IsInf(x, 0) {
			return nil, t.newExc(OverflowErrorClass, "math range error")
		}
		if math.IsNaN(r) && !math.IsNaN(x) {
			return nil, t.newExc(ValueErrorClass, "math domain error")
		}
		return t.newFloat(r), nil
	})
}

// moreMath adds to the math module's attributes a the functions interp.go's
// mathModule does not define.
func (t *Thread) moreMath(a map[string]Value) {
	f1 := func(name string, fn func(float64) float64, domain func(float64) bool) {
		a[name] = t.mathFunc1(name, fn, domain)
	}
	notPoleOfGamma := func(x float64) bool { return !(x <= 0 && x == math.Trunc(x)) }
	f1("sinh", math.Sinh, nil)
	f1("cosh", math.Cosh, nil)
	f1("tanh", math.Tanh, nil)
	f1("asinh", math.Asinh, nil)
	f1("acosh", math.Acosh, func(x float64) bool { return x >= 1 || math.IsNaN(x) })
	f1("atanh", math.Atanh, func(x float64) bool { return x > -1 && x < 1 || math.IsNaN(x) })
	f1("cbrt", math.Cbrt, nil)
	f1("exp2", math.Exp2, nil)
	f1("expm1", math.Expm1, nil)
	f1("log1p", math.Log1p, func(x float64) bool { return x > -1 || math.IsNaN(x) })
	f1("erf", math.Erf, nil)
	f1("erfc", math.Erfc, nil)
	f1("gamma", math.Gamma, func(x float64) bool { return notPoleOfGamma(x) && x != math.Inf(-1) })
	f1("lgamma", func(x float64) float64 { r, _ := math.Lgamma(x); return r }, notPoleOfGamma)
	f2 := func(name string, fn func(t *Thread, x, y float64) (float64, error)) {
		a[name] = t.Builtin(name, func(t *Thread, args []Value, kw []string) (Value, error) {
			if err := t.nargs(name, args, kw, 2, 2); err != nil {
				return nil, err
			}
			x, err := t.floatArg(args[0], name)
			if err != nil {
				return nil, err
			}
			y, err := t.floatArg(args[1], name)
			if err != nil {
				return nil, err
			}
			r, err := fn(t, x, y)
			if err != nil {
				return nil, err
			}
			return t.newFloat(r), nil
		})
	}
	f2("fmod", func(t *Thread, x, y float64) (float64, error) {
		if y == 0 && !math.IsNaN(x) || math.IsInf(x, 0) && !math.IsNaN(y) {
			return 0, t.newExc(ValueErrorClass, "math domain error")
		}
		return math.Mod(x, y), nil
	})
	f2("remainder", func(t *Thread, x, y float64) (float64, error) {
		if y == 0 && !math.IsNaN(x) || math.IsInf(x, 0) && !math.IsNaN(y) {
			return 0, t.newExc(ValueErrorClass, "math domain error")
		}
		return math.Remainder(x, y), nil
	})
	a["nextafter"] = t.Builtin("nextafter", func(t *Thread, args []Value, kw []string) (Value, error) {
		pos, kws, err := t.kwargs("nextafter", args, kw, "steps")
		if err != nil {
			return nil, err
		}
		if len(pos) != 2 {
			return nil, t.newExcf(TypeErrorClass, "nextafter expected 2 arguments, got %d", len(pos))
		}
		x, err := t.floatArg(pos[0], "nextafter")
		if err != nil {
			return nil, err
		}
		y, err := t.floatArg(pos[1], "nextafter")
		if err != nil {
			return nil, err
		}
		steps := int64(1)
		if v, ok := kws["steps"]; ok && v != None {
			if steps, err = t.intArg(v, "nextafter"); err != nil {
				return nil, err
			}
			if steps < 0 {
				return nil, t.newExc(ValueErrorClass, "steps must be a non-negative integer")
			}
		}
		for i := int64(0); i < steps && x != y; i++ {
			x = math.Nextafter(x, y)
		}
		if steps > 0 && x == y {
			x = y
		}
		return t.newFloat(x), nil
	})
	a["ulp"] = t.Builtin("ulp", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("ulp", args, kw, 1, 1); err != nil {
			return nil, err
		}
		x, err := t.floatArg(args[0], "ulp")
		if err != nil {
			return nil, err
		}
		x = math.Abs(x)
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return t.newFloat(x), nil
		}
		next := math.Nextafter(x, math.Inf(1))
		if math.IsInf(next, 0) {
			return t.newFloat(x - math.Nextafter(x, math.Inf(-1))), nil
		}
		return t.newFloat(next - x), nil
	})
	a["frexp"] = t.Builtin("frexp", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("frexp", args, kw, 1, 1); err != nil {
			return nil, err
		}
		x, err := t.floatArg(args[0], "frexp")
		if err != nil {
			return nil, err
		}
		m, e := math.Frexp(x)
		return t.newTuple([]Value{t.newFloat(m), t.newInt(int64(e))}), nil
	})
	a["ldexp"] = t.Builtin("ldexp", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("ldexp", args, kw, 2, 2); err != nil {
			return nil, err
		}
		x, err := t.floatArg(args[0], "ldexp")
		if err != nil {
			return nil, err
		}
		eb, ok := toBig(args[1])
		if !ok {
			return nil, t.newExc(TypeErrorClass, "Expected an int as second argument to ldexp.")
		}
		e := int64(math.MaxInt32)
		if eb.IsInt64() {
			e = max(min(eb.Int64(), math.MaxInt32), math.MinInt32)
		} else if eb.Sign() < 0 {
			e = math.MinInt32
		}
		r := math.Ldexp(x, int(e))
		if math.IsInf(r, 0) && !math.IsInf(x, 0) {
			return nil, t.newExc(OverflowErrorClass, "math range error")
		}
		return t.newFloat(r), nil
	})
	a["modf"] = t.Builtin("modf", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("modf", args, kw, 1, 1); err != nil {
			return nil, err
		}
		x, err := t.floatArg(args[0], "modf")
		if err != nil {
			return nil, err
		}
		ip, fp := math.Modf(x)
		if math.IsInf(x, 0) {
			ip, fp = x, math.Copysign(0, x)
		}
		return t.newTuple([]Value{t.newFloat(fp), t.newFloat(ip)}), nil
	})
	a["lcm"] = t.Builtin("lcm", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.noKw("lcm", kw); err != nil {
			return nil, err
		}
		r := big.NewInt(1)
		for _, v := range args {
			b, err := t.intArgOf(v)
			if err != nil {
				return nil, err
			}
			if b.Sign() == 0 || r.Sign() == 0 {
				r.SetInt64(0)
				continue
			}
			g := new(big.Int).GCD(nil, nil, r, new(big.Int).Abs(b))
			r.Mul(r, new(big.Int).Quo(new(big.Int).Abs(b), g))
		}
		return t.newBigInt(r), nil
	})
	combPerm := func(name string) {
		a[name] = t.Builtin(name, func(t *Thread, args []Value, kw []string) (Value, error) {
			lo := 2
			if name == "perm" {
				lo = 1
			}
			if err := t.nargs(name, args, kw, lo, 2); err != nil {
				return nil, err
			}
			n, err := t.intArgOf(args[0])
			if err != nil {
				return nil, err
			}
			var k *big.Int
			if len(args) == 2 && args[1] != None {
				if k, err = t.intArgOf(args[1]); err != nil {
					return nil, err
				}
			} else {
				k = n
			}
			if n.Sign() < 0 {
				return nil, t.newExc(ValueErrorClass, "n must be a non-negative integer")
			}
			if k.Sign() < 0 {
				return nil, t.newExc(ValueErrorClass, "k must be a non-negative integer")
			}
			if k.Cmp(n) > 0 {
				return t.newInt(0), nil
			}
			if !n.IsInt64() || n.Int64() > 100000 {
				return nil, t.intTooLarge()
			}
			nn, kk := n.Int64(), k.Int64()
			if name == "comb" {
				return t.newBigInt(new(big.Int).Binomial(nn, kk)), nil
			}
			if kk == 0 {
				return t.newInt(1), nil
			}
			return t.newBigInt(new(big.Int).MulRange(nn-kk+1, nn)), nil
		})
	}
	combPerm("comb")
	combPerm("perm")
	a["prod"] = t.Builtin("prod", func(t *Thread, args []Value, kw []string) (Value, error) {
		pos, kws, err := t.kwargs("prod", args, kw, "start")
		if err != nil {
			return nil, err
		}
		if len(pos) != 1 {
			return nil, t.newExcf(TypeErrorClass, "prod() takes exactly 1 positional argument (%d given)", len(pos))
		}
		var acc Value = t.newInt(1)
		if s, ok := kws["start"]; ok {
			t.Decref(acc)
			t.Incref(s)
			acc = s
		}
		return t.foldItems(pos[0], acc, 5)
	})
	a["dist"] = t.Builtin("dist", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("dist", args, kw, 2, 2); err != nil {
			return nil, err
		}
		p, ok1 := args[0].(*Tuple)
		q, ok2 := args[1].(*Tuple)
		if !ok1 || !ok2 {
			bad := args[0]
			if ok1 {
				bad = args[1]
			}
			return nil, t.newExcf(TypeErrorClass, "dist() argument %d must be tuple, not %s", map[bool]int{true: 2, false: 1}[ok1], bad.Type().Name)
		}
		if len(p.Items) != len(q.Items) {
			return nil, t.newExc(ValueErrorClass, "both points must have the same number of dimensions")
		}
		s := 0.0
		for i := range p.Items {
			x, err := t.floatArg(p.Items[i], "dist")
			if err != nil {
				return nil, err
			}
			y, err := t.floatArg(q.Items[i], "dist")
			if err != nil {
				return nil, err
			}
			s = math.Hypot(s, x-y)
		}
		return t.newFloat(s), nil
	})
	a["sumprod"] = t.Builtin("sumprod", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("sumprod", args, kw, 2, 2); err != nil {
			return nil, err
		}
		p, err := t.toItems(args[0])
		if err != nil {
			return nil, err
		}
		defer t.decrefAll(p)
		q, err := t.toItems(args[1])
		if err != nil {
			return nil, err
		}
		defer t.decrefAll(q)
		if len(p) != len(q) {
			return nil, t.newExc(ValueErrorClass, "Inputs are not the same length")
		}
		// Ints and floats are summed exactly and rounded once, as CPython's
		// extended-precision path gives; anything else uses + and *.
		exact := true
		for i := range p {
			_, pf := p[i].(*Float)
			_, qf := q[i].(*Float)
			if !(isIntLike(p[i]) || pf) || !(isIntLike(q[i]) || qf) {
				exact = false
			}
		}
		if exact {
			anyFloat := false
			sum := new(big.Float).SetPrec(4000)
			for i := range p {
				t.Cost += t.Costs.CItem
				x, y := numBigFloat(p[i]), numBigFloat(q[i])
				if x == nil || y == nil {
					exact = false
					break
				}
				_, pf := p[i].(*Float)
				_, qf := q[i].(*Float)
				anyFloat = anyFloat || pf || qf
				sum.Add(sum, new(big.Float).SetPrec(4000).Mul(x, y))
			}
			if exact && anyFloat {
				f, _ := sum.Float64()
				return t.newFloat(f), nil
			}
			if exact {
				n, _ := sum.Int(nil)
				return t.newBigInt(n), nil
			}
		}
		var acc Value = t.newInt(0)
		for i := range p {
			t.Cost += t.Costs.CItem
			m, err := t.BinaryOp(5, p[i], q[i])
			if err != nil {
				t.Decref(acc)
				return nil, err
			}
			r, err := t.BinaryOp(0, acc, m)
			t.Decref(m)
			t.Decref(acc)
			if err != nil {
				return nil, err
			}
			acc = r
		}
		return acc, nil
	})
}

// numBigFloat is an int or a finite float as an exact big.Float (nil otherwise).
func numBigFloat(v Value) *big.Float {
	if f, ok := v.(*Float); ok {
		if math.IsInf(f.V, 0) || math.IsNaN(f.V) {
			return nil
		}
		return new(big.Float).SetPrec(4000).SetFloat64(f.V)
	}
	b, ok := toBig(v)
	if !ok || b.BitLen() > 3000 {
		return nil
	}
	return new(big.Float).SetPrec(4000).SetInt(b)
}

// foldItems combines acc with each item of iterable by BinaryOp op (taking acc's
// reference), charging CItem per item.
func (t *Thread) foldItems(iterable, acc Value, op int) (Value, error) {
	it, err := t.Iter(iterable)
	if err != nil {
		t.Decref(acc)
		return nil, err
	}
	defer t.Decref(it)
	for {
		v, err := t.Next(it)
		if err != nil {
			t.Decref(acc)
			return nil, err
		}
		if v == nil {
			return acc, nil
		}
		t.Cost += t.Costs.CItem
		r, err := t.BinaryOp(op, acc, v)
		t.Decref(v)
		t.Decref(acc)
		if err != nil {
			return nil, err
		}
		acc = r
	}
}
