// This file defines complex numbers as CPython's complexobject.c does: arithmetic
// (Smith's division, exact integer powers up to 100 by repeated squaring, other
// powers through polar form), repr, hash, and the constructor with its string
// syntax.

package py

import (
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/gilscope/gilscope/vm/compile"
)

// Complex is a complex number.
type Complex struct {
	Header
	Re, Im float64
}

// ComplexClass is complex.
var ComplexClass = newBuiltinClass("complex", ObjectClass)

func (*Complex) Type() *Class { return ComplexClass }

func (t *Thread) newComplex(re, im float64) Value {
	x := &Complex{Re: re, Im: im}
	t.in.alloc(&x.Header)
	return x
}

func init() {
	ComplexClass.New = complexNew
	ComplexClass.method("conjugate", func(t *Thread, args []Value, kw []string) (Value, error) {
		if err := t.nargs("conjugate", args[1:], kw, 0, 0); err != nil {
			return nil, err
		}
		c := args[0].(*Complex)
		return t.newComplex(c.Re, -c.Im), nil
	})
}

// toComplex converts a number (bool, int, float or complex) to its parts.
func toComplex(v Value) (re, im float64, ok bool) {
	if c, isC := v.(*Complex); isC {
		return c.Re, c.Im, true
	}
	f, ok := toFloat(v)
	return f, 0, ok
}

// complexRepr is repr(complex): parts without a forced ".0", the real part left
// out when it is +0.
func complexRepr(re, im float64) string {
	part := func(f float64) string {
		s := FloatRepr(f)
		return strings.TrimSuffix(s, ".0")
	}
	ims := part(im)
	if re == 0 && !math.Signbit(re) {
		return ims + "j"
	}
	if !strings.HasPrefix(ims, "-") {
		ims = "+" + ims
	}
	return "(" + part(re) + ims + "j)"
}

// complexFormat is format(complex, spec) for a non-empty spec: both parts in
// that format, the imaginary one signed, without parentheses.
func (t *Thread) complexFormat(c *Complex, spec string) (string, error) {
	m := complexSpec.FindStringSubmatch(spec)
	if m == nil {
		return "", t.newExcf(ValueErrorClass, "Invalid format specifier '%s' for object of type 'complex'", spec)
	}
	pre, width, prec, typ := m[1], m[2], m[3], m[4]
	var s string
	if typ == "" {
		// No presentation type: as repr, padded.
		s = complexRepr(c.Re, c.Im)
	} else {
		re, err := t.formatFloat(c.Re, prec+typ)
		if err != nil {
			return "", err
		}
		im, err := t.formatFloat(c.Im, "+"+prec+typ)
		if err != nil {
			return "", err
		}
		s = re + im + "j"
	}
	if width == "" {
		return s, nil
	}
	if !strings.ContainsAny(pre, "<>^=") {
		pre = ">" + pre
	}
	return t.formatStr(s, strings.TrimRight(pre, "+- ")+width)
}

// complexSpec splits a format spec: fill, align and sign; width; precision; type.
var complexSpec = regexp.MustCompile(`^(.*?[<>^=]?[-+ ]?)(\d*)(\.\d+)?([eEfFgGn%]?)$`)

func complexHash(t *Thread, c *Complex) (int64, error) {
	hr, err := t.Hash(t.newTempFloat(c.Re))
	if err != nil {
		return 0, err
	}
	hi, err := t.Hash(t.newTempFloat(c.Im))
	if err != nil {
		return 0, err
	}
	h := hr + complexHashImag*hi
	if h == -1 {
		h = -2
	}
	return h, nil
}

// newTempFloat is a float that is never registered: a value to hash.
func (t *Thread) newTempFloat(f float64) Value { return &Float{V: f} }

// complexOp applies binary operator op to two numbers, one of them complex.
func (t *Thread) complexOp(op int, x, y Value) (Value, error, bool) {
	ar, ai, ok1 := toComplex(x)
	br, bi, ok2 := toComplex(y)
	if !ok1 || !ok2 {
		return nil, nil, false
	}
	var r, i float64
	switch op {
	case 0:
		r, i = ar+br, ai+bi
	case 10:
		r, i = ar-br, ai-bi
	case 5:
		r, i = ar*br-ai*bi, ar*bi+ai*br
	case 11:
		var err error
		if r, i, err = t.complexDiv(ar, ai, br, bi); err != nil {
			return nil, err, true
		}
	case 8:
		var err error
		if r, i, err = t.complexPow(ar, ai, br, bi); err != nil {
			return nil, err, true
		}
	default:
		return nil, nil, false
	}
	return t.newComplex(r, i), nil, true
}

// complexDiv is CPython's _Py_c_quot (Smith's algorithm).
func (t *Thread) complexDiv(ar, ai, br, bi float64) (float64, float64, error) {
	absBr, absBi := math.Abs(br), math.Abs(bi)
	switch {
	case absBr >= absBi:
		if absBr == 0 {
			return 0, 0, t.newExc(ZeroDivisionErrorClass, "complex division by zero")
		}
		ratio := bi / br
		denom := br + bi*ratio
		return (ar + ai*ratio) / denom, (ai - ar*ratio) / denom, nil
	case absBi >= absBr:
		ratio := br / bi
		denom := br*ratio + bi
		return (ar*ratio + ai) / denom, (ai*ratio - ar) / denom, nil
	}
	return math.NaN(), math.NaN(), nil // NaNs
}

func cmul(ar, ai, br, bi float64) (float64, float64) { return ar*br - ai*bi, ar*bi + ai*br }

// complexPow is CPython's complex_pow: an integral real exponent up to 100 in
// magnitude by repeated squaring, any other through polar form.
func (t *Thread) complexPow(ar, ai, br, bi float64) (float64, float64, error) {
	if bi == 0 && br == math.Trunc(br) && math.Abs(br) <= 100 {
		n := int64(br)
		powu := func(n int64) (float64, float64) {
			rr, ri := 1.0, 0.0
			xr, xi := ar, ai
			for mask := int64(1); mask > 0 && n >= mask; mask <<= 1 {
				if n&mask != 0 {
					rr, ri = cmul(rr, ri, xr, xi)
				}
				xr, xi = cmul(xr, xi, xr, xi)
			}
			return rr, ri
		}
		if n >= 0 {
			r, i := powu(n)
			return r, i, nil
		}
		r, i := powu(-n)
		if r == 0 && i == 0 {
			return 0, 0, t.newExc(ZeroDivisionErrorClass, "0.0 to a negative or complex power")
		}
		return t.complexDiv(1, 0, r, i)
	}
	switch {
	case br == 0 && bi == 0:
		return 1, 0, nil
	case ar == 0 && ai == 0:
		if bi != 0 || br < 0 {
			return 0, 0, t.newExc(ZeroDivisionErrorClass, "0.0 to a negative or complex power")
		}
		return 0, 0, nil
	}
	vabs := math.Hypot(ar, ai)
	length := math.Pow(vabs, br)
	at := math.Atan2(ai, ar)
	phase := at * br
	if bi != 0 {
		length /= math.Exp(at * bi)
		phase += bi * math.Log(vabs)
	}
	r, i := length*math.Cos(phase), length*math.Sin(phase)
	if math.IsInf(r, 0) || math.IsInf(i, 0) {
		return 0, 0, t.newExc(OverflowErrorClass, "complex exponentiation")
	}
	return r, i, nil
}

// complexNew is complex(real=0, imag=0), or complex(string).
func complexNew(t *Thread, args []Value, kw []string) (Value, error) {
	pos, kws, err := t.kwargs("complex", args[1:], kw, "real", "imag")
	if err != nil {
		return nil, err
	}
	if len(pos) > 2 {
		return nil, t.newExcf(TypeErrorClass, "complex() takes at most 2 arguments (%d given)", len(pos))
	}
	var real, imag Value
	if len(pos) > 0 {
		real = pos[0]
	} else if v, ok := kws["real"]; ok {
		real = v
	}
	if len(pos) > 1 {
		imag = pos[1]
	} else if v, ok := kws["imag"]; ok {
		imag = v
	}
	if s, ok := real.(*Str); ok {
		if imag != nil {
			return nil, t.newExc(TypeErrorClass, "complex() can't take second arg if first is a string")
		}
		re, im, ok := parseComplex(s.S)
		if !ok {
			return nil, t.newExc(ValueErrorClass, "complex() arg is a malformed string")
		}
		return t.newComplex(re, im), nil
	}
	if _, ok := imag.(*Str); ok {
		return nil, t.newExc(TypeErrorClass, "complex() second arg can't be a string")
	}
	if c, ok := real.(*Complex); ok && imag == nil {
		t.Incref(c)
		return c, nil
	}
	var rr, ri, ir, ii float64
	if real != nil {
		var ok bool
		if rr, ri, ok = toComplex(real); !ok {
			return nil, t.newExcf(TypeErrorClass, "complex() first argument must be a string or a number, not '%s'", real.Type().Name)
		}
	}
	if imag != nil {
		var ok bool
		if ir, ii, ok = toComplex(imag); !ok {
			return nil, t.newExcf(TypeErrorClass, "complex() second argument must be a number, not '%s'", imag.Type().Name)
		}
	}
	// real + imag*1j, as CPython computes it: a part that is not complex is
	// taken as it is (complex(1, -0.0) keeps its -0.0).
	re, im := rr, ir
	if _, ok := imag.(*Complex); ok {
		re -= ii
	}
	if _, ok := real.(*Complex); ok && imag != nil {
		im += ri
	}
	return t.newComplex(re, im), nil
}

// parseComplex parses complex()'s string syntax: "1", "2j", "1+2j", "(1-2j)",
// "-j", with blanks around.
func parseComplex(s string) (re, im float64, ok bool) {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "(") {
		if !strings.HasSuffix(s, ")") {
			return 0, 0, false
		}
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	if s == "" || strings.ContainsAny(s, " \t\n") {
		return 0, 0, false
	}
	number := func(x string) (float64, bool) {
		switch strings.ToLower(strings.TrimLeft(x, "+-")) {
		case "":
			return 1 * sign(x), true
		case "inf", "infinity":
			return math.Inf(1) * sign(x), true
		case "nan":
			return math.NaN(), true
		}
		if strings.ContainsAny(strings.ToLower(x), "xpn_") {
			return 0, false
		}
		f, err := strconv.ParseFloat(x, 64)
		if err != nil {
			if ne, isNE := err.(*strconv.NumError); isNE && ne.Err == strconv.ErrRange {
				return f, true
			}
			return 0, false
		}
		return f, true
	}
	last := s[len(s)-1]
	if last != 'j' && last != 'J' {
		f, ok := number(s)
		return f, 0, ok
	}
	body := s[:len(s)-1]
	// The imaginary part starts at the last sign not after an 'e'.
	split := -1
	for i := len(body) - 1; i > 0; i-- {
		if (body[i] == '+' || body[i] == '-') && body[i-1] != 'e' && body[i-1] != 'E' {
			split = i
			break
		}
	}
	if split < 0 {
		f, ok := number(body)
		return 0, f, ok
	}
	r, ok1 := number(body[:split])
	i, ok2 := number(body[split:])
	if body[:split] == "" || strings.TrimLeft(body[:split], "+-") == "" {
		return 0, 0, false
	}
	return r, i, ok1 && ok2
}

func sign(x string) float64 {
	if strings.HasPrefix(x, "-") {
		return -1
	}
	return 1
}

// compileComplex turns a complex constant into a value.
func (t *Thread) compileComplex(c compile.Complex) Value { return t.newComplex(c.Real, c.Imag) }

// complexHashImag is the multiplier of the imaginary part's hash (sys.hash_info.imag).
const complexHashImag = 1000003
