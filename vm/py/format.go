// This file defines string formatting: format() and the format-spec mini-language,
// %-formatting and str.format.

package py

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"
)

// fspec is a parsed format spec: [[fill]align][sign][z][#][0][width][grouping][.precision][type].
type fspec struct {
	fill      rune
	align     byte
	sign      byte
	alt       bool
	zero      bool
	width     int
	grouping  byte
	precision int // -1 when absent
	typ       byte
}

func (t *Thread) parseSpec(spec string) (fspec, error) {
	s := fspec{fill: ' ', precision: -1}
	r := []rune(spec)
	i := 0
	isAlign := func(c rune) bool { return c == '<' || c == '>' || c == '^' || c == '=' }
	if len(r) >= 2 && isAlign(r[1]) {
		s.fill, s.align = r[0], byte(r[1])
		i = 2
	} else if len(r) >= 1 && isAlign(r[0]) {
		s.align = byte(r[0])
		i = 1
	}
	if i < len(r) && (r[i] == '+' || r[i] == '-' || r[i] == ' ') {
		s.sign = byte(r[i])
		i++
	}
	if i < len(r) && r[i] == '#' {
		s.alt = true
		i++
	}
	if i < len(r) && r[i] == '0' {
		s.zero = true
		i++
	}
	start := i
	for i < len(r) && r[i] >= '0' && r[i] <= '9' {
		i++
	}
	if i > start {
		s.width, _ = strconv.Atoi(string(r[start:i]))
	}
	if i < len(r) && (r[i] == ',' || r[i] == '_') {
		s.grouping = byte(r[i])
		i++
	}
	if i < len(r) && r[i] == '.' {
		i++
		start = i
		for i < len(r) && r[i] >= '0' && r[i] <= '9' {
			i++
		}
		if i == start {
			return s, t.newExc(ValueErrorClass, "Format specifier missing precision")
		}
		s.precision, _ = strconv.Atoi(string(r[start:i]))
	}
	if i < len(r) {
		s.typ = byte(r[i])
		i++
	}
	if i < len(r) {
		return s, t.newExc(ValueErrorClass, "Invalid format specifier")
	}
	if s.zero && s.align == 0 {
		s.fill, s.align = '0', '='
	}
	// The result is at least as wide as the width and as long as the precision asks:
	// check before making it.
	if err := t.reserve(int64(s.width) + int64(max(s.precision, 0))); err != nil {
		return s, err
	}
	return s, nil
}

// pad aligns body (with its sign/prefix split off for '=' alignment) to the width.
func (s *fspec) pad(prefix, body string, defAlign byte) string {
	n := utf8.RuneCountInString(prefix) + utf8.RuneCountInString(body)
	if n >= s.width {
		return prefix + body
	}
	align := s.align
	if align == 0 {
		align = defAlign
	}
	left := s.width - n // fill before the prefix ('>'), or between prefix and body ('=')
	switch align {
	case '<':
		left = 0
	case '^':
		left = (s.width - n) / 2
	}
	// One allocation of the result: a huge width (checked against the run's memory
	// budget by parseSpec) is not built twice.
	fill := string(s.fill)
	var b strings.Builder
	b.Grow(len(prefix) + len(body) + (s.width-n)*len(fill))
	if align != '=' {
		writeRepeat(&b, fill, left)
	}
	b.WriteString(prefix)
	if align == '=' {
		writeRepeat(&b, fill, left)
	}
	b.WriteString(body)
	writeRepeat(&b, fill, s.width-n-left)
	return b.String()
}

// writeRepeat writes s n times to b, a chunk at a time, without building the
// repetition apart.
func writeRepeat(b *strings.Builder, s string, n int) {
	chunk := strings.Repeat(s, min(n, 4096))
	for ; n >= 4096; n -= 4096 {
		b.WriteString(chunk)
	}
	b.WriteString(chunk[:n*len(s)])
}

// Format implements format(v, spec).
func (t *Thread) Format(v Value, spec string) (string, error) {
	s, err := t.format(v, spec)
	t.Cost += t.Costs.FormatItem + int64(len(s))*t.Costs.FormatChar
	return s, err
}

func (t *Thread) format(v Value, spec string) (string, error) {
	if s := subOf(v); s != nil {
		if m := s.user("__format__"); m != nil {
			return t.callFormat(m, v, spec)
		}
		if spec == "" {
			return t.ToStr(v)
		}
	}
	switch o := v.(type) {
	case *Str:
		return t.formatStr(o.S, spec)
	case *Bool:
		if spec == "" {
			return t.Repr(v)
		}
		return t.formatInt(v, spec)
	case *Int:
		return t.formatInt(v, spec)
	case *Float:
		return t.formatFloat(o.V, spec)
	case *Complex:
		if spec == "" {
			return complexRepr(o.Re, o.Im), nil
		}
		return t.complexFormat(o, spec)
	case *Instance:
		if m := o.Class.Lookup("__format__"); m != nil {
			return t.callFormat(m, v, spec)
		}
	}
	if spec != "" {
		return "", t.newExcf(TypeErrorClass, "unsupported format string passed to %s.__format__", v.Type().Name)
	}
	return t.ToStr(v)
}

func (t *Thread) formatStr(str, spec string) (string, error) {
	if spec == "" {
		return str, nil
	}
	s, err := t.parseSpec(spec)
	if err != nil {
		return "", err
	}
	if s.typ != 0 && s.typ != 's' {
		return "", t.newExcf(ValueErrorClass, "Unknown format code '%c' for object of type 'str'", s.typ)
	}
	if s.sign != 0 {
		return "", t.newExc(ValueErrorClass, "Sign not allowed in string format specifier")
	}
	if s.align == '=' {
		return "", t.newExc(ValueErrorClass, "'=' alignment not allowed in string format specifier")
	}
	if s.precision >= 0 && utf8.RuneCountInString(str) > s.precision {
		str = string([]rune(str)[:s.precision])
	}
	return s.pad("", str, '<'), nil
}

func signPrefix(neg bool, sign byte) string {
	switch {
	case neg:
		return "-"
	case sign == '+':
		return "+"
	case sign == ' ':
		return " "
	}
	return ""
}

// group inserts sep every n digits from the right of the integer digits.
func group(digits string, sep byte, n int) string {
	if sep == 0 || len(digits) <= n {
		return digits
	}
	var b strings.Builder
	first := len(digits) % n
	if first > 0 {
		b.WriteString(digits[:first])
	}
	for i := first; i < len(digits); i += n {
		if b.Len() > 0 {
			b.WriteByte(sep)
		}
		b.WriteString(digits[i : i+n])
	}
	return b.String()
}

func (t *Thread) formatInt(v Value, spec string) (string, error) {
	if spec == "" {
		return t.ToStr(v)
	}
	s, err := t.parseSpec(spec)
	if err != nil {
		return "", err
	}
	b, _ := toBig(v)
	switch s.typ {
	case 'e', 'E', 'f', 'F', 'g', 'G', '%':
		f, _ := toFloat(v)
		return t.formatFloat(f, spec)
	case 'c':
		return s.pad("", string(rune(b.Int64())), '<'), nil
	case 's':
		return "", t.newExcf(ValueErrorClass, "Unknown format code 's' for object of type 'int'")
	}
	if s.precision >= 0 {
		return "", t.newExc(ValueErrorClass, "Precision not allowed in integer format specifier")
	}
	neg := b.Sign() < 0
	abs := new(big.Int).Abs(b)
	var digits, prefix string
	groupN := 3
	switch s.typ {
	case 0, 'd', 'n':
		digits = abs.String()
	case 'x':
		digits, prefix = abs.Text(16), "0x"
		groupN = 4
	case 'X':
		digits, prefix = strings.ToUpper(abs.Text(16)), "0X"
		groupN = 4
	case 'o':
		digits, prefix = abs.Text(8), "0o"
		groupN = 4
	case 'b':
		digits, prefix = abs.Text(2), "0b"
		groupN = 4
	default:
		return "", t.newExcf(ValueErrorClass, "Unknown format code '%c' for object of type '%s'", s.typ, v.Type().Name)
	}
	// Converting the int to digits is the work str(i) does ("%d" % i, format(i, "x")).
	t.Cost += t.Costs.IntConvert + int64(len(digits))*t.Costs.IntDigit
	if !s.alt {
		prefix = ""
	}
	pre := signPrefix(neg, s.sign) + prefix
	if s.zero && s.grouping != 0 && s.fill == '0' && s.align == '=' {
		// Zero padding with grouping pads digits then groups.
		width := s.width - len(pre)
		for len(group(digits, s.grouping, groupN)) < width {
			digits = "0" + digits
		}
	}
	return s.pad(pre, group(digits, s.grouping, groupN), '>'), nil
}

func (t *Thread) formatFloat(f float64, spec string) (string, error) {
	if spec == "" {
		return FloatRepr(f), nil
	}
	s, err := t.parseSpec(spec)
	if err != nil {
		return "", err
	}
	neg := math.Signbit(f) && !math.IsNaN(f)
	a := math.Abs(f)
	prec := s.precision
	var body string
	switch {
	case math.IsInf(a, 0) || math.IsNaN(a):
		body = "inf"
		if math.IsNaN(a) {
			body = "nan"
		}
		if s.typ >= 'A' && s.typ <= 'Z' {
			body = strings.ToUpper(body)
		}
	default:
		switch s.typ {
		case 'f', 'F':
			if prec < 0 {
				prec = 6
			}
			body = strconv.FormatFloat(a, 'f', prec, 64)
		case 'e', 'E':
			if prec < 0 {
				prec = 6
			}
			body = pyExp(strconv.FormatFloat(a, 'e', prec, 64))
		case '%':
			if prec < 0 {
				prec = 6
			}
			body = strconv.FormatFloat(a*100, 'f', prec, 64) + "%"
		case 'g', 'G':
			if prec < 0 {
				prec = 6
			}
			body = formatG(a, prec, s.alt)
		case 0:
			if prec < 0 {
				body = FloatRepr(a)
			} else {
				body = formatG(a, prec, true)
				if !strings.ContainsAny(body, ".e") {
					body += ".0"
				}
			}
		case 'n':
			body = formatG(a, max(prec, 6), false)
		default:
			return "", t.newExcf(ValueErrorClass, "Unknown format code '%c' for object of type 'float'", s.typ)
		}
		if s.typ == 'E' || s.typ == 'G' {
			body = strings.ToUpper(body)
		}
		if s.alt && !strings.Contains(body, ".") && (s.typ == 'f' || s.typ == 'F' || s.typ == 'e') {
			if i := strings.IndexAny(body, "eE"); i >= 0 {
				body = body[:i] + "." + body[i:]
			} else {
				body += "."
			}
		}
	}
	if s.grouping != 0 {
		intPart, rest := body, ""
		if i := strings.IndexAny(body, ".eE%"); i >= 0 {
			intPart, rest = body[:i], body[i:]
		}
		if s.zero && s.fill == '0' && s.align == '=' {
			width := s.width - len(signPrefix(neg, s.sign)) - len(rest)
			for len(group(intPart, s.grouping, 3)) < width {
				intPart = "0" + intPart
			}
		}
		body = group(intPart, s.grouping, 3) + rest
	}
	return s.pad(signPrefix(neg, s.sign), body, '>'), nil
}

// pyExp rewrites Go's exponent (e+07) into Python's (e+07 is the same; e+100 too);
// Go always prints at least two exponent digits, as Python does.
func pyExp(s string) string { return s }

// formatG implements the 'g' presentation: precision significant digits, scientific
// when the exponent is < -4 or >= precision; alt keeps trailing zeros.
func formatG(a float64, prec int, alt bool) string {
	if prec == 0 {
		prec = 1
	}
	if a == 0 {
		if alt {
			return "0." + strings.Repeat("0", prec-1)
		}
		return "0"
	}
	e := strconv.FormatFloat(a, 'e', prec-1, 64)
	_, exps, _ := strings.Cut(e, "e")
	exp, _ := strconv.Atoi(exps)
	var out string
	if exp < -4 || exp >= prec {
		out = e
		if !alt {
			m, x, _ := strings.Cut(out, "e")
			if strings.Contains(m, ".") {
				m = strings.TrimRight(strings.TrimRight(m, "0"), ".")
			}
			out = m + "e" + x
		}
	} else {
		out = strconv.FormatFloat(a, 'f', prec-1-exp, 64)
		if !alt && strings.Contains(out, ".") {
			out = strings.TrimRight(strings.TrimRight(out, "0"), ".")
		}
	}
	return out
}

func asciiEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 0x80:
			b.WriteRune(r)
		case r <= 0xff:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r <= 0xffff:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			fmt.Fprintf(&b, `\U%08x`, r)
		}
	}
	return b.String()
}

// percentFormat implements str % args.
func (t *Thread) percentFormat(format string, args Value) (string, error) {
	return t.percentFormatMode(format, args, false)
}

// percentFormatMode is str % args, or bytes % args when bytesMode is set: then
// format holds the bytes as runes below 256 (latin-1), %s and %b take bytes-like
// objects, %r and %a give ascii(), and so does the result.
func (t *Thread) percentFormatMode(format string, args Value, bytesMode bool) (string, error) {
	var items []Value
	var mapping *Dict
	if tu, ok := args.(*Tuple); ok {
		items = tu.Items
	} else {
		if d, ok := args.(*Dict); ok {
			mapping = d
		}
		items = []Value{args}
	}
	next := 0
	var b strings.Builder
	r := []rune(format)
	for i := 0; i < len(r); i++ {
		c := r[i]
		if c != '%' {
			b.WriteRune(c)
			continue
		}
		i++
		if i >= len(r) {
			return "", t.newExc(ValueErrorClass, "incomplete format")
		}
		if r[i] == '%' {
			b.WriteByte('%')
			continue
		}
		var arg Value
		if r[i] == '(' {
			if mapping == nil {
				return "", t.newExc(TypeErrorClass, "format requires a mapping")
			}
			j := i + 1
			for j < len(r) && r[j] != ')' {
				j++
			}
			if j >= len(r) {
				return "", t.newExc(ValueErrorClass, "incomplete format key")
			}
			var key Value = t.NewStr(string(r[i+1 : j]))
			if bytesMode {
				b, _ := t.encodeStr(string(r[i+1:j]), "latin-1", "strict")
				t.Decref(key)
				key = t.newBytes(b)
			}
			v, err := t.dictGet(mapping, key)
			if err == nil && v == nil {
				return "", t.newExcValue(KeyErrorClass, key)
			}
			t.Decref(key)
			if err != nil {
				return "", err
			}
			arg = v
			i = j + 1
		}
		// flags
		var flags []rune
		for i < len(r) && strings.ContainsRune("-+ #0", r[i]) {
			flags = append(flags, r[i])
			i++
		}
		width := ""
		if i < len(r) && r[i] == '*' {
			if next >= len(items) {
				return "", t.newExc(TypeErrorClass, "not enough arguments for format string")
			}
			n, _ := asInt64(items[next])
			next++
			width = strconv.Itoa(int(n))
			i++
		}
		for i < len(r) && r[i] >= '0' && r[i] <= '9' {
			width += string(r[i])
			i++
		}
		prec := ""
		hasPrec := false
		if i < len(r) && r[i] == '.' {
			hasPrec = true
			i++
			for i < len(r) && r[i] >= '0' && r[i] <= '9' {
				prec += string(r[i])
				i++
			}
			if prec == "" {
				prec = "0"
			}
		}
		if i >= len(r) {
			return "", t.newExc(ValueErrorClass, "incomplete format")
		}
		conv := r[i]
		if arg == nil {
			if next >= len(items) {
				return "", t.newExc(TypeErrorClass, "not enough arguments for format string")
			}
			arg = items[next]
			next++
		}
		s, err := t.percentOne(conv, arg, flags, width, prec, hasPrec, i, bytesMode)
		if err != nil {
			return "", err
		}
		t.Cost += t.Costs.FormatItem
		if err := t.reserve(int64(b.Len() + len(s))); err != nil {
			return "", err
		}
		b.WriteString(s)
	}
	if mapping == nil && next < len(items) {
		return "", t.newExc(TypeErrorClass, "not all arguments converted during string formatting")
	}
	t.Cost += t.Costs.FormatCall + int64(b.Len())*t.Costs.FormatChar
	return b.String(), nil
}

func (t *Thread) percentOne(conv rune, arg Value, flags []rune, width, prec string, hasPrec bool, pos int, bytesMode bool) (string, error) {
	has := func(c rune) bool {
		for _, f := range flags {
			if f == c {
				return true
			}
		}
		return false
	}
	var spec strings.Builder
	if has('-') {
		spec.WriteByte('<')
	} else if has('0') && conv != 's' && conv != 'r' && conv != 'a' && conv != 'c' {
		spec.WriteString("0")
	}
	if has('+') {
		spec.WriteByte('+')
	} else if has(' ') {
		spec.WriteByte(' ')
	}
	if has('#') {
		spec.WriteByte('#')
	}
	// Width goes after the zero flag in the spec grammar.
	specStr := spec.String()
	if strings.HasPrefix(specStr, "0") {
		specStr = specStr[1:] + "0"
	}
	specStr += width
	if bytesMode {
		switch conv {
		case 's', 'b':
			b, ok := bytesOf(arg)
			if !ok {
				return "", t.newExcf(TypeErrorClass, "%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'", arg.Type().Name)
			}
			arg = t.NewStr(latin1(b))
			defer t.Decref(arg)
			conv = 's'
		case 'r':
			conv = 'a'
		case 'c':
			if b, ok := bytesOf(arg); ok && len(b) == 1 {
				return t.formatStr(latin1(b), strings.TrimLeft(specStr, "+ #"))
			}
			n, ok := asInt64(arg)
			if !ok {
				return "", t.newExc(TypeErrorClass, "%c requires an integer in range(256) or a single byte")
			}
			if n < 0 || n > 255 {
				return "", t.newExc(OverflowErrorClass, "%c arg not in range(256)")
			}
			return string(rune(n)), nil
		}
	}
	switch conv {
	case 's', 'r', 'a':
		var s string
		var err error
		switch conv {
		case 's':
			s, err = t.ToStr(arg)
		case 'r':
			s, err = t.Repr(arg)
		default:
			s, err = t.Repr(arg)
			s = asciiEscape(s)
		}
		if err != nil {
			return "", err
		}
		if hasPrec {
			specStr += "." + prec
		}
		if !has('-') {
			specStr = ">" + strings.TrimPrefix(specStr, "<")
		}
		return t.formatStr(s, strings.TrimLeft(specStr, "+ #"))
	case 'd', 'i', 'u':
		t.Cost += t.Costs.PctInt
		if f, ok := arg.(*Float); ok {
			if math.IsInf(f.V, 0) || math.IsNaN(f.V) {
				return "", t.newExc(OverflowErrorClass, "cannot convert float infinity to integer")
			}
			bf, _ := new(big.Float).SetFloat64(math.Trunc(f.V)).Int(nil)
			v := t.newBigInt(bf)
			defer t.Decref(v)
			return t.formatInt(v, specStr+"d")
		}
		if !isIntLike(arg) {
			return "", t.newExcf(TypeErrorClass, "%%%c format: a real number is required, not %s", conv, arg.Type().Name)
		}
		return t.formatInt(arg, specStr+"d")
	case 'x', 'X', 'o':
		if !isIntLike(arg) {
			return "", t.newExcf(TypeErrorClass, "%%%c format: an integer is required, not %s", conv, arg.Type().Name)
		}
		return t.formatInt(arg, specStr+string(conv))
	case 'e', 'E', 'f', 'F', 'g', 'G':
		f, ok := toFloat(arg)
		if !ok {
			return "", t.newExcf(TypeErrorClass, "must be real number, not %s", arg.Type().Name)
		}
		if !hasPrec {
			prec = "6"
		}
		return t.formatFloat(f, specStr+"."+prec+string(conv))
	case 'c':
		if s, ok := arg.(*Str); ok && s.Len() == 1 {
			return t.formatStr(s.S, strings.TrimLeft(specStr, "+ #"))
		}
		n, ok := asInt64(arg)
		if !ok {
			return "", t.newExc(TypeErrorClass, "%c requires int or char")
		}
		return string(rune(n)), nil
	}
	return "", t.newExcf(ValueErrorClass, "unsupported format character '%c' (0x%x) at index %d", conv, conv, pos)
}

// strFormat implements str.format(*args, **kwargs).
func (t *Thread) strFormat(format string, args []Value, kwnames []string) (string, error) {
	auto, manual := 0, false
	t.Cost += t.Costs.StrFormatCall
	return t.strFormatN(format, args, kwnames, &auto, &manual)
}

// strFormatN is strFormat with the automatic field counter shared with nested fields.
func (t *Thread) strFormatN(format string, args []Value, kwnames []string, autop *int, manualp *bool) (string, error) {
	npos := len(args) - len(kwnames)
	kw := map[string]Value{}
	for i, k := range kwnames {
		kw[k] = args[npos+i]
	}
	auto, manual := *autop, *manualp
	defer func() { *autop, *manualp = auto, manual }()
	var b strings.Builder
	r := []rune(format)
	for i := 0; i < len(r); i++ {
		c := r[i]
		if c == '}' {
			if i+1 < len(r) && r[i+1] == '}' {
				b.WriteByte('}')
				i++
				continue
			}
			return "", t.newExc(ValueErrorClass, "Single '}' encountered in format string")
		}
		if c != '{' {
			b.WriteRune(c)
			continue
		}
		if i+1 < len(r) && r[i+1] == '{' {
			b.WriteByte('{')
			i++
			continue
		}
		// Find the matching close brace (specs may nest one level).
		depth := 1
		j := i + 1
		for j < len(r) && depth > 0 {
			if r[j] == '{' {
				depth++
			} else if r[j] == '}' {
				depth--
			}
			if depth > 0 {
				j++
			}
		}
		if j >= len(r) {
			return "", t.newExc(ValueErrorClass, "expected '}' before end of string")
		}
		field := string(r[i+1 : j])
		i = j
		name, spec, _ := strings.Cut(field, ":")
		conv := ""
		if k := strings.IndexByte(name, '!'); k >= 0 {
			name, conv = name[:k], name[k+1:]
		}
		base, rest := name, ""
		if k := strings.IndexAny(name, ".["); k >= 0 {
			base, rest = name[:k], name[k:]
		}
		var v Value
		if base == "" {
			if manual {
				return "", t.newExc(ValueErrorClass, "cannot switch from manual field specification to automatic field numbering")
			}
			if auto >= npos {
				return "", t.newExcf(IndexErrorClass, "Replacement index %d out of range for positional args tuple", auto)
			}
			v = args[auto]
			auto++
		} else if n, err := strconv.Atoi(base); err == nil {
			if auto > 0 {
				return "", t.newExc(ValueErrorClass, "cannot switch from automatic field numbering to manual field specification")
			}
			manual = true
			if n >= npos {
				return "", t.newExcf(IndexErrorClass, "Replacement index %d out of range for positional args tuple", n)
			}
			v = args[n]
		} else {
			var ok bool
			v, ok = kw[base]
			if !ok {
				return "", t.newExcValue(KeyErrorClass, t.NewStr(base))
			}
		}
		t.Incref(v)
		// Nested fields in the spec take the next automatic numbers.
		if strings.Contains(spec, "{") {
			s, err := t.strFormatN(spec, args, kwnames, &auto, &manual)
			if err != nil {
				t.Decref(v)
				return "", err
			}
			spec = s
		}
		for rest != "" {
			var err error
			var nv Value
			if rest[0] == '.' {
				k := strings.IndexAny(rest[1:], ".[")
				attr := rest[1:]
				if k >= 0 {
					attr, rest = rest[1:k+1], rest[k+1:]
				} else {
					rest = ""
				}
				nv, err = t.GetAttr(v, attr)
			} else {
				k := strings.IndexByte(rest, ']')
				if k < 0 {
					t.Decref(v)
					return "", t.newExc(ValueErrorClass, "Missing ']' in format string")
				}
				key := rest[1:k]
				rest = rest[k+1:]
				var kv Value
				if n, e := strconv.Atoi(key); e == nil {
					kv = t.newInt(int64(n))
				} else {
					kv = t.NewStr(key)
				}
				nv, err = t.GetItem(v, kv)
				t.Decref(kv)
			}
			t.Decref(v)
			if err != nil {
				return "", err
			}
			v = nv
		}
		var s string
		var err error
		switch conv {
		case "":
			s, err = t.Format(v, spec)
		case "s":
			s, err = t.ToStr(v)
			if err == nil {
				s, err = t.formatStr(s, spec)
			}
		case "r", "a":
			s, err = t.Repr(v)
			if conv == "a" {
				s = asciiEscape(s)
			}
			if err == nil {
				s, err = t.formatStr(s, spec)
			}
		default:
			err = t.newExcf(ValueErrorClass, "Unknown conversion specifier %s", conv)
		}
		t.Decref(v)
		if err != nil {
			return "", err
		}
		if err := t.reserve(int64(b.Len() + len(s))); err != nil {
			return "", err
		}
		b.WriteString(s)
	}
	return b.String(), nil
}

// callFormat calls a __format__ method of a class of the program.
func (t *Thread) callFormat(m, v Value, spec string) (string, error) {
	s := t.NewStr(spec)
	defer t.Decref(s)
	r, err := t.callValue(m, []Value{v, s}, nil, false)
	if err != nil {
		return "", err
	}
	defer t.Decref(r)
	rs, ok := r.(*Str)
	if !ok {
		return "", t.newExcf(TypeErrorClass, "__format__ must return a str, not %s", r.Type().Name)
	}
	return rs.S, nil
}
