// This file defines the generic operations the evaluator and builtins share:
// arithmetic, comparison, truth, hashing, equality, str and repr, iteration, item and
// attribute access. Each dispatches on the operand types, falling back to a user
// class's dunder methods.

package py

import (
	"math"
	"math/big"
	"strings"

	"github.com/gilscope/gilscope/vm/compile"
)

var dunderBinary = [...]string{"__add__", "__and__", "__floordiv__", "__lshift__", "__matmul__",
	"__mul__", "__mod__", "__or__", "__pow__", "__rshift__", "__sub__", "__truediv__", "__xor__"}

// BinaryOp computes x op y for BINARY_OP's operator numbering.
func (t *Thread) BinaryOp(op int, x, y Value) (Value, error) {
	inplace := op >= compile.NumInplace
	if inplace {
		op -= compile.NumInplace
	}
	if isSub(x) || isSub(y) {
		if r, ok, err := t.subBinary(op, inplace, x, y); ok {
			return r, err
		}
	}
	if a, ok := x.(*ByteArray); ok && inplace && (op == 0 || op == 5) {
		// bytearray += bytes-like and *= n change it in place.
		if r, err := t.byteArrayInplace(a, op, y); r != nil || err != nil {
			return r, err
		}
	}
	if inplace {
		if l, ok := x.(*List); ok {
			switch op {
			case 0: // list += iterable extends in place
				if err := t.listExtend(l, y); err != nil {
					return nil, err
				}
				t.Incref(l)
				return l, nil
			}
		}
	}
	if r, err, ok := t.numericOp(op, x, y); ok {
		return r, err
	}
	if r, err, ok := t.sequenceOp(op, x, y); ok {
		return r, err
	}
	if op == 7 && typeLike(x) && typeLike(y) { // int | None
		return t.unionOf(x, y)
	}
	// User classes.
	if inst, ok := x.(*Instance); ok {
		if m := inst.Class.Lookup(dunderBinary[op]); m != nil {
			r, err := t.callValue(m, []Value{x, y}, nil, false)
			if err != nil || r != NotImplemented {
				return r, err
			}
		}
	}
	if inst, ok := y.(*Instance); ok {
		rname := "__r" + dunderBinary[op][2:]
		if m := inst.Class.Lookup(rname); m != nil {
			r, err := t.callValue(m, []Value{y, x}, nil, false)
			if err != nil || r != NotImplemented {
				return r, err
			}
		}
	}
	sym := compile.BinaryOps[op]
	if inplace {
		sym += "="
	}
	if op == 5 {
		for _, pair := range [2][2]Value{{x, y}, {y, x}} {
			switch pair[0].(type) {
			case *Str, *List, *Tuple, *Bytes, *ByteArray:
				return nil, t.newExcf(TypeErrorClass, "can't multiply sequence by non-int of type '%s'", pair[1].Type().Name)
			}
		}
	}
	if op == 8 {
		return nil, t.newExcf(TypeErrorClass, "unsupported operand type(s) for ** or pow(): '%s' and '%s'", x.Type().Name, y.Type().Name)
	}
	if op == 0 {
		if _, ok := x.(*Str); ok {
			return nil, t.newExcf(TypeErrorClass, "can only concatenate str (not \"%s\") to str", y.Type().Name)
		}
		if _, ok := x.(*List); ok {
			return nil, t.newExcf(TypeErrorClass, "can only concatenate list (not \"%s\") to list", y.Type().Name)
		}
		if _, ok := x.(*Tuple); ok {
			return nil, t.newExcf(TypeErrorClass, "can only concatenate tuple (not \"%s\") to tuple", y.Type().Name)
		}
	}
	return nil, t.newExcf(TypeErrorClass, "unsupported operand type(s) for %s: '%s' and '%s'", sym, x.Type().Name, y.Type().Name)
}

// toBig converts an int or bool to a big.Int (a fresh copy for small values).
func toBig(v Value) (*big.Int, bool) {
	switch v := v.(type) {
	case *Int:
		if v.Big != nil {
			return v.Big, true
		}
		return big.NewInt(v.V), true
	case *Bool:
		if v.V {
			return big.NewInt(1), true
		}
		return big.NewInt(0), true
	}
	return nil, false
}

// asInt64 returns v as an int64 for small ints and bools.
func asInt64(v Value) (int64, bool) {
	switch v := v.(type) {
	case *Int:
		if v.Big == nil {
			return v.V, true
		}
	case *Bool:
		if v.V {
			return 1, true
		}
		return 0, true
	}
	return 0, false
}

func isIntLike(v Value) bool {
	switch v.(type) {
	case *Int, *Bool:
		return true
	}
	return false
}

func toFloat(v Value) (float64, bool) {
	switch v := v.(type) {
	case *Float:
		return v.V, true
	case *Int:
		if v.Big != nil {
			f, _ := new(big.Float).SetInt(v.Big).Float64()
			return f, true
		}
		return float64(v.V), true
	case *Bool:
		if v.V {
			return 1, true
		}
		return 0, true
	}
	return 0, false
}

// maxIntBits bounds integer results so that one expression cannot exhaust memory.
const maxIntBits = 1 << 20

func (t *Thread) numericOp(op int, x, y Value) (Value, error, bool) {
	if a, ok := x.(*Bool); ok {
		if b, ok := y.(*Bool); ok {
			switch op {
			case 1:
				return BoolOf(a.V && b.V), nil, true
			case 7:
				return BoolOf(a.V || b.V), nil, true
			case 12:
				return BoolOf(a.V != b.V), nil, true
			}
		}
	}
	if isIntLike(x) && isIntLike(y) {
		if a, ok := asInt64(x); ok {
			if b, ok := asInt64(y); ok {
				if r := t.smallIntOp(op, a, b); r != nil {
					return r, nil, true
				}
			}
		}
		r, err := t.bigIntOp(op, x, y)
		return r, err, true
	}
	_, xf := x.(*Float)
	_, yf := y.(*Float)
	if (xf && (yf || isIntLike(y))) || (yf && isIntLike(x)) {
		a, _ := toFloat(x)
		b, _ := toFloat(y)
		r, err := t.floatOp(op, a, b)
		return r, err, true
	}
	_, xc := x.(*Complex)
	_, yc := y.(*Complex)
	if xc || yc {
		return t.complexOp(op, x, y)
	}
	return nil, nil, false
}

func (t *Thread) bigIntOp(op int, x, y Value) (Value, error) {
	a, _ := toBig(x)
	b, _ := toBig(y)
	r := new(big.Int)
	switch op {
	case 0:
		r.Add(a, b)
	case 10:
		r.Sub(a, b)
	case 5:
		if a.BitLen()+b.BitLen() > maxIntBits {
			return nil, t.intTooLarge()
		}
		r.Mul(a, b)
	case 1:
		r.And(a, b)
	case 7:
		r.Or(a, b)
	case 12:
		r.Xor(a, b)
	case 2, 6:
		if b.Sign() == 0 {
			if op == 2 {
				return nil, t.newExc(ZeroDivisionErrorClass, "integer division or modulo by zero")
			}
			return nil, t.newExc(ZeroDivisionErrorClass, "integer modulo by zero")
		}
		q, m := new(big.Int).QuoRem(a, b, new(big.Int))
		if m.Sign() != 0 && (m.Sign() < 0) != (b.Sign() < 0) {
			q.Sub(q, big.NewInt(1))
			m.Add(m, b)
		}
		if op == 2 {
			r = q
		} else {
			r = m
		}
	case 11:
		if b.Sign() == 0 {
			return nil, t.newExc(ZeroDivisionErrorClass, "division by zero")
		}
		if a.IsInt64() && b.IsInt64() && abs64(a.Int64()) < 1<<53 && abs64(b.Int64()) < 1<<53 {
			return t.newFloat(float64(a.Int64()) / float64(b.Int64())), nil
		}
		f, _ := new(big.Rat).SetFrac(a, b).Float64()
		if math.IsInf(f, 0) {
			return nil, t.newExc(OverflowErrorClass, "integer division result too large for a float")
		}
		return t.newFloat(f), nil
	case 8:
		if b.Sign() < 0 {
			fa, _ := toFloat(x)
			fb, _ := toFloat(y)
			return t.floatOp(8, fa, fb)
		}
		if a.BitLen() > 1 && b.BitLen() > 0 && int64(a.BitLen())*b.Int64() > maxIntBits || b.BitLen() > 32 && a.BitLen() > 1 {
			return nil, t.intTooLarge()
		}
		r.Exp(a, b, nil)
	case 3:
		if b.Sign() < 0 {
			return nil, t.newExc(ValueErrorClass, "negative shift count")
		}
		if !b.IsInt64() || int64(a.BitLen())+b.Int64() > maxIntBits {
			return nil, t.intTooLarge()
		}
		r.Lsh(a, uint(b.Int64()))
	case 9:
		if b.Sign() < 0 {
			return nil, t.newExc(ValueErrorClass, "negative shift count")
		}
		if !b.IsInt64() {
			if a.Sign() < 0 {
				return t.newInt(-1), nil
			}
			return t.newInt(0), nil
		}
		r.Rsh(a, uint(b.Int64()))
	case 4:
		return nil, t.newExcf(TypeErrorClass, "unsupported operand type(s) for @: 'int' and 'int'")
	}
	return t.newBigInt(r), nil
}

func abs64(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

func (t *Thread) intTooLarge() error {
	return &LimitError{Class: MemoryErrorClass, Msg: "gilscope limits integers to about 300,000 digits"}
}

func (t *Thread) floatOp(op int, a, b float64) (Value, error) {
	var r float64
	switch op {
	case 0:
		r = a + b
	case 10:
		r = a - b
	case 5:
		r = a * b
	case 11:
		if b == 0 {
			return nil, t.newExc(ZeroDivisionErrorClass, "float division by zero")
		}
		r = a / b
	case 2, 6:
		if b == 0 {
			if op == 2 {
				return nil, t.newExc(ZeroDivisionErrorClass, "float floor division by zero")
			}
			return nil, t.newExc(ZeroDivisionErrorClass, "float modulo")
		}
		m := math.Mod(a, b)
		if m != 0 && (m < 0) != (b < 0) {
			m += b
		}
		if op == 6 {
			if m == 0 {
				m = math.Copysign(0, b)
			}
			r = m
		} else {
			r = math.Floor((a - m) / b)
			if d := (a-m)/b - r; d > 0.5 {
				r++
			}
		}
	case 8:
		if a == 0 && b < 0 {
			return nil, t.newExc(ZeroDivisionErrorClass, "0.0 cannot be raised to a negative power")
		}
		if a < 0 && b != math.Trunc(b) {
			// A negative number to a fractional power is complex.
			re, im, err := t.complexPow(a, 0, b, 0)
			if err != nil {
				return nil, err
			}
			return t.newComplex(re, im), nil
		}
		r = math.Pow(a, b)
		if math.IsInf(r, 0) && !math.IsInf(a, 0) && !math.IsInf(b, 0) {
			return nil, t.newExc(OverflowErrorClass, "(34, 'Numerical result out of range')")
		}
	default:
		return nil, t.newExcf(TypeErrorClass, "unsupported operand type(s) for %s: 'float' and 'float'", compile.BinaryOps[op])
	}
	return t.newFloat(r), nil
}

// sequenceOp handles + and * on str, bytes, list and tuple, and % formatting.
func (t *Thread) sequenceOp(op int, x, y Value) (Value, error, bool) {
	switch op {
	case 0:
		switch a := x.(type) {
		case *Str:
			if b, ok := y.(*Str); ok {
				if err := t.checkLen(len(a.S) + len(b.S)); err != nil {
					return nil, err, true
				}
				t.Cost += int64(len(a.S)+len(b.S))*t.Costs.StrChar + 2*t.Costs.StrPiece
				return t.NewStr(a.S + b.S), nil, true
			}
		case *Bytes:
			if b, ok := bytesOf(y); ok {
				if err := t.reserve(int64(len(a.B) + len(b))); err != nil {
					return nil, err, true
				}
				t.chargeBytes(len(a.B) + len(b))
				return t.newBytes(a.B + b), nil, true
			}
			if _, isInst := y.(*Instance); !isInst && !isSub(y) {
				return nil, t.newExcf(TypeErrorClass, "can't concat %s to bytes", y.Type().Name), true
			}
		case *ByteArray:
			if b, ok := bytesOf(y); ok {
				if err := t.reserve(int64(len(a.B) + len(b))); err != nil {
					return nil, err, true
				}
				t.chargeBytes(len(a.B) + len(b))
				return t.newByteArray(append(append([]byte(nil), a.B...), b...)), nil, true
			}
			if _, isInst := y.(*Instance); !isInst && !isSub(y) {
				return nil, t.newExcf(TypeErrorClass, "can't concat %s to bytearray", y.Type().Name), true
			}
		case *List:
			if b, ok := y.(*List); ok {
				return t.newList(t.concatItems(a.Items, b.Items)), nil, true
			}
		case *Tuple:
			if b, ok := y.(*Tuple); ok {
				return t.newTuple(t.concatItems(a.Items, b.Items)), nil, true
			}
		}
	case 5:
		if n, ok := asInt64(y); ok {
			r, err := t.repeat(x, n)
			if r != nil || err != nil {
				return r, err, true
			}
		}
		if n, ok := asInt64(x); ok {
			r, err := t.repeat(y, n)
			if r != nil || err != nil {
				return r, err, true
			}
		}
	case 1, 7, 10, 12:
		a, ok1 := x.(*Set)
		b, ok2 := y.(*Set)
		if ok1 && ok2 {
			keep := setKeep[op]
			r, err := t.setAlgebra([]Value{a, b}, keep, a.frozen, op == 7 || op == 12)
			return r, err, true
		}
		if isSetView(x) || isSetView(y) {
			// dict.keys() and .items() are set-like: the result is a set made from the
			// left operand, whichever side the view is on (dictviews_sub and friends).
			keep := setKeep[op]
			left, err := t.asSet(x)
			if err != nil {
				return nil, err, true
			}
			defer t.Decref(left)
			r, err := t.setAlgebra([]Value{left, y}, keep, false, op == 7 || op == 12)
			return r, err, true
		}
		if op == 7 {
			if a, ok := x.(*Dict); ok {
				if b, ok := y.(*Dict); ok {
					r := t.NewDict()
					var err error
					for _, d := range []*Dict{a, b} {
						d.items(func(k, v Value) bool {
							err = t.dictSet(r, k, v)
							return err == nil
						})
					}
					return r, err, true
				}
			}
		}
	case 6:
		if s, ok := x.(*Str); ok {
			r, err := t.percentFormat(s.S, y)
			if err != nil {
				return nil, err, true
			}
			return t.NewStr(r), nil, true
		}
		if s, ok := x.(*Bytes); ok {
			r, err := t.percentFormatMode(latin1(s.B), y, true)
			if err != nil {
				return nil, err, true
			}
			b, _ := t.encodeStr(r, "latin-1", "strict")
			return t.newBytes(b), nil, true
		}
		if s, ok := x.(*ByteArray); ok {
			r, err := t.percentFormatMode(latin1(string(s.B)), y, true)
			if err != nil {
				return nil, err, true
			}
			b, _ := t.encodeStr(r, "latin-1", "strict")
			return t.newByteArray([]byte(b)), nil, true
		}
	}
	return nil, nil, false
}

func (t *Thread) checkLen(n int) error {
	if n > t.in.Config.MaxItems*10 {
		return t.memoryError()
	}
	return t.reserve(int64(n))
}

func (t *Thread) concatItems(a, b []Value) []Value {
	out := make([]Value, 0, len(a)+len(b))
	out = append(out, a...)
	out = append(out, b...)
	for _, v := range out {
		t.Incref(v)
	}
	return out
}

// repeat returns seq * n, or nil if seq is not a sequence.
func (t *Thread) repeat(seq Value, n int64) (Value, error) {
	if n < 0 {
		n = 0
	}
	// size checks the result's length l*n and its bytes, unit each.
	size := func(l int, unit int64) error {
		if l > 0 && n > int64(t.in.Config.MaxItems)/int64(l) {
			return t.memoryError()
		}
		if err := t.reserve(int64(l) * n * unit); err != nil {
			return err
		}
		t.Cost += int64(l) * n * 500
		return nil
	}
	switch s := seq.(type) {
	case *Str:
		if err := size(len(s.S), 1); err != nil {
			return nil, err
		}
		return t.NewStr(strings.Repeat(s.S, int(n))), nil
	case *Bytes:
		if err := size(len(s.B), 1); err != nil {
			return nil, err
		}
		return t.newBytes(strings.Repeat(s.B, int(n))), nil
	case *ByteArray:
		if err := size(len(s.B), 1); err != nil {
			return nil, err
		}
		return t.newByteArray([]byte(strings.Repeat(string(s.B), int(n)))), nil
	case *List:
		if err := size(len(s.Items), itemBytes); err != nil {
			return nil, err
		}
		return t.newList(t.repeatItems(s.Items, n)), nil
	case *Tuple:
		if err := size(len(s.Items), itemBytes); err != nil {
			return nil, err
		}
		return t.newTuple(t.repeatItems(s.Items, n)), nil
	}
	return nil, nil
}

func (t *Thread) repeatItems(items []Value, n int64) []Value {
	out := make([]Value, 0, int64(len(items))*n)
	for i := int64(0); i < n; i++ {
		out = append(out, items...)
	}
	for _, v := range out {
		t.Incref(v)
	}
	return out
}

// Compare computes x op y for COMPARE_OP's numbering (< <= == != > >=).
func (t *Thread) Compare(op int, x, y Value) (Value, error) {
	if op == 3 && (isSub(x) || isSub(y)) {
		// The builtin types define != themselves: a subclass's __eq__ is not asked.
		if r, ok, err := t.subPair(x, y, "__ne__", "__ne__"); ok {
			return r, err
		}
		eq, err := t.equal(x, y)
		return BoolOf(!eq), err
	}
	if op == 2 || op == 3 {
		eq, err := t.Equal(x, y)
		if err != nil {
			return nil, err
		}
		return BoolOf(eq == (op == 2)), nil
	}
	c, err := t.order(op, x, y)
	if err != nil {
		return nil, err
	}
	return c, nil
}

var compareDunders = [...]string{"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"}
var reflected = [...]int{4, 5, 2, 3, 0, 1}

// order implements <, <=, >, >=.
func (t *Thread) order(op int, x, y Value) (Value, error) {
	if isSub(x) || isSub(y) {
		if r, ok, err := t.subPair(x, y, compareDunders[op], compareDunders[reflected[op]]); ok {
			return r, err
		}
	}
	if c, ok, err := t.cmp3(x, y); ok || err != nil {
		if err != nil {
			return nil, err
		}
		var r bool
		switch {
		case c == 2: // NaN: unordered
		case op == 0:
			r = c < 0
		case op == 1:
			r = c <= 0
		case op == 4:
			r = c > 0
		case op == 5:
			r = c >= 0
		}
		return BoolOf(r), nil
	}
	if a, ok := x.(*Set); ok {
		if b, ok := y.(*Set); ok {
			return t.setOrder(op, a, b)
		}
	}
	if inst, ok := x.(*Instance); ok {
		if m := inst.Class.Lookup(compareDunders[op]); m != nil {
			r, err := t.callValue(m, []Value{x, y}, nil, false)
			if err != nil || r != NotImplemented {
				return r, err
			}
		}
	}
	if inst, ok := y.(*Instance); ok {
		if m := inst.Class.Lookup(compareDunders[reflected[op]]); m != nil {
			r, err := t.callValue(m, []Value{y, x}, nil, false)
			if err != nil || r != NotImplemented {
				return r, err
			}
		}
	}
	return nil, t.newExcf(TypeErrorClass, "'%s' not supported between instances of '%s' and '%s'",
		compile.CompareOps[op], x.Type().Name, y.Type().Name)
}

// cmp3 three-way compares builtin values of compatible types; ok is false when the
// types cannot be ordered by builtin rules.
func (t *Thread) cmp3(x, y Value) (int, bool, error) {
	if isIntLike(x) && isIntLike(y) {
		a, aok := asInt64(x)
		b, bok := asInt64(y)
		if aok && bok {
			return cmpInt(a, b), true, nil
		}
		ba, _ := toBig(x)
		bb, _ := toBig(y)
		return ba.Cmp(bb), true, nil
	}
	if a, ok := toFloat(x); ok {
		if b, ok := toFloat(y); ok {
			if math.IsNaN(a) || math.IsNaN(b) {
				return 2, true, nil // every ordering is false
			}
			// Exact comparison of large ints with floats.
			if xi, ok := x.(*Int); ok && xi.Big != nil && !math.IsInf(b, 0) {
				bf, _ := new(big.Float).SetFloat64(b).Int(nil)
				if c := xi.Big.Cmp(bf); c != 0 {
					return c, true, nil
				}
			}
			switch {
			case a < b:
				return -1, true, nil
			case a > b:
				return 1, true, nil
			}
			return 0, true, nil
		}
	}
	switch a := x.(type) {
	case *Str:
		if b, ok := y.(*Str); ok {
			return strings.Compare(a.S, b.S), true, nil
		}
	case *Bytes, *ByteArray:
		if _, isMV := y.(*MemoryView); !isMV && bytesLike(y) {
			as, _ := bytesOf(a)
			bs, _ := bytesOf(y)
			return strings.Compare(as, bs), true, nil
		}
	case *List:
		if b, ok := y.(*List); ok {
			return t.cmpSeq(a.Items, b.Items)
		}
	case *Tuple:
		if b, ok := y.(*Tuple); ok {
			return t.cmpSeq(a.Items, b.Items)
		}
	}
	return 0, false, nil
}

func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// seqEqual reports whether two lists' or tuples' items are equal pairwise.
func (t *Thread) seqEqual(a, b []Value) (bool, error) {
	if len(a) != len(b) {
		return false, nil
	}
	if err := t.enterNested(inComparison); err != nil {
		return false, err
	}
	defer t.leaveNested()
	for i := range a {
		if err := t.work(1); err != nil {
			return false, err
		}
		if eq, err := t.Equal(a[i], b[i]); err != nil || !eq {
			return false, err
		}
	}
	return true, nil
}

func (t *Thread) cmpSeq(a, b []Value) (int, bool, error) {
	if err := t.enterNested(inComparison); err != nil {
		return 0, true, err
	}
	defer t.leaveNested()
	for i := 0; i < len(a) && i < len(b); i++ {
		if err := t.work(1); err != nil {
			return 0, true, err
		}
		eq, err := t.Equal(a[i], b[i])
		if err != nil {
			return 0, true, err
		}
		if eq {
			continue
		}
		if c, ok, err := t.cmp3(a[i], b[i]); ok || err != nil {
			return c, true, err
		}
		lt, err := t.order(0, a[i], b[i])
		if err != nil {
			return 0, true, err
		}
		defer t.Decref(lt)
		if b, err := t.Truth(lt); err != nil || b {
			return -1, true, err
		}
		return 1, true, nil
	}
	return cmpInt(int64(len(a)), int64(len(b))), true, nil
}

// Equal reports x == y.
func (t *Thread) Equal(x, y Value) (bool, error) {
	if x == y {
		if f, ok := x.(*Float); ok && math.IsNaN(f.V) {
			return false, nil
		}
		return true, nil
	}
	if isSub(x) || isSub(y) {
		if r, ok, err := t.subPair(x, y, "__eq__", "__eq__"); ok {
			if err != nil {
				return false, err
			}
			defer t.Decref(r)
			return t.Truth(r)
		}
	}
	return t.equal(x, y)
}

// equal is x == y by the builtin types of x and y.
func (t *Thread) equal(x, y Value) (bool, error) {
	if x == y {
		if f, ok := x.(*Float); ok && math.IsNaN(f.V) {
			return false, nil
		}
		return true, nil
	}
	// Sequences are equal when their items are: comparing them never orders the
	// first differing items (a tuple holding classes compares without `<`).
	switch a := x.(type) {
	case *List:
		if b, ok := y.(*List); ok {
			return t.seqEqual(a.Items, b.Items)
		}
	case *Tuple:
		if b, ok := y.(*Tuple); ok {
			return t.seqEqual(a.Items, b.Items)
		}
	}
	if c, ok, err := t.cmp3(x, y); ok || err != nil {
		return c == 0, err
	}
	_, xc := x.(*Complex)
	_, yc := y.(*Complex)
	if xc || yc {
		ar, ai, ok1 := toComplex(x)
		br, bi, ok2 := toComplex(y)
		if ok1 && ok2 {
			return ar == br && ai == bi, nil
		}
	}
	if eq, ok, err := t.genericEqual(x, y); ok {
		return eq, err
	}
	if eq, ok := memoryViewEqual(x, y); ok {
		return eq, nil
	}
	switch a := x.(type) {
	case *Dict:
		b, ok := y.(*Dict)
		if !ok || a.Len() != b.Len() {
			return false, nil
		}
		if err := t.enterNested(inComparison); err != nil {
			return false, err
		}
		defer t.leaveNested()
		var err error
		eq := true
		a.items(func(k, v Value) bool {
			if err = t.work(1); err != nil {
				eq = false
				return false
			}
			var w Value
			w, err = t.dictGet(b, k)
			if err != nil || w == nil {
				eq = false
				return false
			}
			eq, err = t.Equal(v, w)
			return eq && err == nil
		})
		return eq, err
	case *Set:
		b, ok := y.(*Set)
		if !ok || a.used != b.used {
			return false, nil
		}
		for _, k := range a.setItems() {
			if err := t.work(1); err != nil {
				return false, err
			}
			in, err := t.setContains(b, k)
			if err != nil || !in {
				return false, err
			}
		}
		return true, nil
	case *Range:
		b, ok := y.(*Range)
		return ok && rangeEqual(a, b), nil
	case *BoundMethod:
		// CPython 3.8+: the same receiver (identity) and equal functions.
		if b, ok := y.(*BoundMethod); ok {
			if a.Self != b.Self {
				return false, nil
			}
			return t.Equal(a.Func, b.Func)
		}
	case *Builtin:
		if b, ok := y.(*Builtin); ok && a.Self != nil {
			return a.Self == b.Self && a.Name == b.Name, nil
		}
	}
	for _, pair := range [2][2]Value{{x, y}, {y, x}} {
		if inst, ok := pair[0].(*Instance); ok {
			if m := inst.Class.Lookup("__eq__"); m != nil {
				r, err := t.callValue(m, []Value{pair[0], pair[1]}, nil, false)
				if err != nil {
					return false, err
				}
				if r != NotImplemented {
					defer t.Decref(r)
					return t.Truth(r)
				}
			}
		}
	}
	return false, nil
}

func rangeEqual(a, b *Range) bool {
	la, lb := rangeLen(a), rangeLen(b)
	if la != lb {
		return false
	}
	if la == 0 {
		return true
	}
	if a.Start != b.Start {
		return false
	}
	return la == 1 || a.Step == b.Step
}

// keyEqual is equality for dict and set keys.
func (t *Thread) keyEqual(a, b Value) (bool, error) {
	if sa, ok := a.(*Str); ok {
		if sb, ok := b.(*Str); ok {
			return sa.S == sb.S, nil
		}
		return false, nil
	}
	return t.Equal(a, b)
}

// Truth reports bool(v).
func (t *Thread) Truth(v Value) (bool, error) {
	switch v := v.(type) {
	case *Bool:
		return v.V, nil
	case *NoneType:
		return false, nil
	case *Int:
		if v.sub != nil {
			if b, ok, err := t.subTruth(v, v.sub); ok {
				return b, err
			}
		}
		if v.Big != nil {
			return v.Big.Sign() != 0, nil
		}
		return v.V != 0, nil
	case *Float:
		if v.sub != nil {
			if b, ok, err := t.subTruth(v, v.sub); ok {
				return b, err
			}
		}
		return v.V != 0, nil
	case *Complex:
		return v.Re != 0 || v.Im != 0, nil
	case *Str:
		if v.sub != nil {
			if b, ok, err := t.subTruth(v, v.sub); ok {
				return b, err
			}
		}
		return len(v.S) > 0, nil
	case *Bytes:
		return len(v.B) > 0, nil
	case *ByteArray:
		return len(v.B) > 0, nil
	case *MemoryView:
		if err := t.mvLive(v); err != nil {
			return false, err
		}
		return v.n > 0, nil
	case *List:
		if v.sub != nil {
			if b, ok, err := t.subTruth(v, v.sub); ok {
				return b, err
			}
		}
		return len(v.Items) > 0, nil
	case *Tuple:
		if v.sub != nil {
			if b, ok, err := t.subTruth(v, v.sub); ok {
				return b, err
			}
		}
		return len(v.Items) > 0, nil
	case *Dict:
		if v.sub != nil {
			if b, ok, err := t.subTruth(v, v.sub); ok {
				return b, err
			}
		}
		return v.used > 0, nil
	case *Set:
		return v.used > 0, nil
	case *Range:
		return rangeLen(v) > 0, nil
	case *Instance:
		for _, name := range []string{"__bool__", "__len__"} {
			if m := v.Class.Lookup(name); m != nil {
				r, err := t.callValue(m, []Value{v}, nil, false)
				if err != nil {
					return false, err
				}
				defer t.Decref(r)
				if name == "__bool__" {
					b, ok := r.(*Bool)
					if !ok {
						return false, t.newExcf(TypeErrorClass, "__bool__ should return bool, returned %s", r.Type().Name)
					}
					return b.V, nil
				}
				n, ok := asInt64(r)
				if !ok {
					return false, t.newExcf(TypeErrorClass, "'%s' object cannot be interpreted as an integer", r.Type().Name)
				}
				return n != 0, nil
			}
		}
	}
	return true, nil
}

// Hash returns hash(v) as CPython computes it for ints (so that small-int sets iterate
// in CPython's order); other hashes are deterministic but differ from CPython's.
func (t *Thread) Hash(v Value) (int64, error) {
	switch o := v.(type) {
	case *Str:
		if o.sub != nil {
			if h, ok, err := t.subHash(v, o.sub); ok {
				return h, err
			}
		}
	case *Int:
		if o.sub != nil {
			if h, ok, err := t.subHash(v, o.sub); ok {
				return h, err
			}
		}
	case *Float, *Tuple, *Dict, *List, *Set, *Bytes:
		if s := subOf(v); s != nil {
			if h, ok, err := t.subHash(v, s); ok {
				return h, err
			}
		}
	}
	switch v := v.(type) {
	case *Str:
		if !v.hashd {
			v.hash, v.hashd = uint64(strHash(v.S)), true
		}
		return int64(v.hash), nil
	case *Int:
		if v.Big == nil {
			return intHash(v.V), nil
		}
		m := new(big.Int).Mod(new(big.Int).Abs(v.Big), big.NewInt(hashModulus)).Int64()
		if v.Big.Sign() < 0 {
			m = -m
		}
		if m == -1 {
			m = -2
		}
		return m, nil
	case *Bool:
		if v.V {
			return 1, nil
		}
		return 0, nil
	case *Complex:
		return complexHash(t, v)
	case *Float:
		if v.V == math.Trunc(v.V) && !math.IsInf(v.V, 0) {
			if math.Abs(v.V) < 1<<62 {
				return intHash(int64(v.V)), nil
			}
		}
		if math.IsNaN(v.V) {
			return int64(v.ID), nil
		}
		return floatHash(v.V), nil
	case *NoneType:
		return 0xFCA86420, nil
	case *Bytes:
		return strHash(v.B) ^ 0x1234567, nil
	case *Tuple:
		// CPython's xxHash-based tuple hash.
		const p1, p2, p5 = 11400714785074694791, 14029467366897019727, 2870177450012600261
		acc := uint64(p5)
		if err := t.enterNested(""); err != nil {
			return 0, err
		}
		defer t.leaveNested()
		for _, it := range v.Items {
			if err := t.work(1); err != nil {
				return 0, err
			}
			h, err := t.Hash(it)
			if err != nil {
				return 0, err
			}
			acc += uint64(h) * p2
			acc = acc<<31 | acc>>33
			acc *= p1
		}
		acc += uint64(len(v.Items)) ^ (p5 ^ 3527539)
		if acc == ^uint64(0) {
			return 1546275796, nil
		}
		return int64(acc), nil
	case *Set:
		if v.frozen {
			if err := t.enterNested(""); err != nil {
				return 0, err
			}
			defer t.leaveNested()
			var h int64
			for _, k := range v.setItems() {
				kh, err := t.Hash(k)
				if err != nil {
					return 0, err
				}
				h ^= kh*0x9e3779b1 + 0x7f4a7c15
			}
			return h, nil
		}
	case *List, *Dict, *ByteArray:
	case *MemoryView:
		if err := t.mvLive(v); err != nil {
			return 0, err
		}
		if _, ok := v.obj.(*Bytes); !ok {
			return 0, t.newExc(ValueErrorClass, "cannot hash writable memoryview object")
		}
		return strHash(v.bytes()) ^ 0x1234567, nil
	case *BoundMethod:
		// CPython: the receiver's address, xor the function's hash.
		h, err := t.Hash(v.Func)
		if err != nil {
			return 0, err
		}
		return int64(v.Self.hdr().ID)*16 ^ h, nil
	case *Builtin:
		if v.Self != nil {
			return int64(v.Self.hdr().ID)*16 ^ int64(strHash(v.Name)), nil
		}
		return int64(v.ID) * 16, nil
	case *GenericAlias, *UnionType:
		return t.genericHash(v)
	case *Instance:
		if m := v.Class.Lookup("__hash__"); m != nil {
			if m == None {
				break
			}
			r, err := t.callValue(m, []Value{v}, nil, false)
			if err != nil {
				return 0, err
			}
			defer t.Decref(r)
			n, ok := asInt64(r)
			if !ok {
				return 0, t.newExc(TypeErrorClass, "__hash__ method should return an integer")
			}
			return n, nil
		}
		if v.Class.Lookup("__eq__") != nil {
			break
		}
		return int64(v.ID) * 16, nil
	default:
		return int64(v.hdr().ID) * 16, nil
	}
	return 0, t.newExcf(TypeErrorClass, "unhashable type: '%s'", v.Type().Name)
}

const hashModulus = 1<<61 - 1

func intHash(v int64) int64 {
	var h int64
	if v >= 0 {
		h = v % hashModulus
	} else {
		h = -((-v) % hashModulus)
	}
	if h == -1 {
		h = -2
	}
	return h
}

// strHash is FNV-1a: deterministic across runs (CPython randomizes str hashes, so no
// program can depend on their values).
func strHash(s string) int64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	r := int64(h)
	if r == -1 {
		r = -2
	}
	return r
}

// setOrder compares sets by inclusion: <= subset, < proper subset, and so on.
func (t *Thread) setOrder(op int, a, b *Set) (Value, error) {
	subset := func(x, y *Set) bool {
		for _, k := range x.setItems() {
			if in, _ := t.setContains(y, k); !in {
				return false
			}
		}
		return true
	}
	var r bool
	switch op {
	case 0:
		r = a.used < b.used && subset(a, b)
	case 1:
		r = subset(a, b)
	case 4:
		r = b.used < a.used && subset(b, a)
	case 5:
		r = subset(b, a)
	}
	return BoolOf(r), nil
}

// subBinary is x op y when a subclass of a builtin type overrides the operator:
// the in-place method first for an augmented assignment, then the method and its
// reflection. ok is false when the builtin operation applies.
func (t *Thread) subBinary(op int, inplace bool, x, y Value) (Value, bool, error) {
	name := dunderBinary[op]
	if inplace {
		if m := subOf(x).user("__i" + name[2:]); m != nil {
			r, err := t.callUser(m, x, y)
			if err != nil || r != NotImplemented {
				return r, true, err
			}
		}
	}
	return t.subPair(x, y, name, "__r"+name[2:])
}

// isSetView reports whether v is a dict's keys or items view, which the set
// operators take.
func isSetView(v Value) bool {
	dv, ok := v.(*dictView)
	return ok && dv.kind != "values"
}

// floatHash is CPython's _Py_HashDouble for a finite or infinite float: the value
// modulo 2**61-1, so that equal ints and floats hash alike and sets of floats
// iterate in CPython's order.
func floatHash(v float64) int64 {
	const bits = 61
	if math.IsInf(v, 0) {
		if v > 0 {
			return 314159
		}
		return -314159
	}
	m, e := math.Frexp(v)
	sign := int64(1)
	if m < 0 {
		sign, m = -1, -m
	}
	var x uint64
	for m != 0 {
		x = ((x << 28) & hashModulus) | x>>(bits-28)
		m *= 268435456.0
		e -= 28
		y := uint64(m)
		m -= float64(y)
		x += y
		if x >= hashModulus {
			x -= hashModulus
		}
	}
	if e >= 0 {
		e %= bits
	} else {
		e = bits - 1 - ((-1 - e) % bits)
	}
	x = ((x << uint(e)) & hashModulus) | x>>(bits-uint(e))
	h := int64(x) * sign
	if h == -1 {
		h = -2
	}
	return h
}

// setKeep is which members the set operators &, |, - and ^ (by operator index) keep,
// from whether a member is in the first operand and in the second.
var setKeep = map[int]func(bool, bool) bool{
	1:  func(p, q bool) bool { return p && q },
	7:  func(p, q bool) bool { return p || q },
	10: func(p, q bool) bool { return p && !q },
	12: func(p, q bool) bool { return p != q },
}
