package syntax

// This file defines the scanning of string literals: quotes and prefixes,
// escape sequences, and the decomposition of f-strings into literal text
// and replacement fields. Field expressions follow PEP 701 (Python 3.12):
// they are scanned as tokens, so they may contain strings that use the
// enclosing f-string's own quote.

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// A literalKind distinguishes str, bytes and f-string literals.
type literalKind uint8

const (
	strLit literalKind = iota
	bytesLit
	fstringLit
)

// A literal is the value of a STRING token.
type literal struct {
	kind  literalKind
	value string  // decoded value of a str or bytes literal
	parts []fpart // the parts of an f-string
}

// An fpart is a run of decoded literal text or a replacement field of an
// f-string.
type fpart struct {
	pos, end Pos
	text     string  // literal text, if field is nil
	field    *ffield // a replacement field
}

// An ffield is a replacement field `{expr=!c:spec}`. The scanner keeps the
// tokens of its expression for the parser, so that nested f-strings are
// scanned only once.
type ffield struct {
	toks    []aheadToken // the tokens of the expression
	endPos  Pos          // position of the token that ends the expression
	debug   string       // for `{expr=}`, the text up to and including the '=' and following blanks
	conv    rune         // 0, 's', 'r' or 'a'
	hasSpec bool         // there is a ':' format spec (possibly empty)
	spec    []fpart      // the format spec
}

// An fstringFrame describes an f-string whose body is being scanned.
type fstringFrame struct {
	quote    rune
	triple   bool
	fieldPos Pos // position of the '{' of the innermost field being scanned
}

// isStringPrefix reports whether name is a valid string prefix.
func isStringPrefix(name string) bool {
	switch strings.ToLower(name) {
	case "r", "u", "b", "br", "rb", "f", "fr", "rf":
		return true
	}
	return false
}

// scanString scans a string literal whose prefix, if any, has been consumed.
func (s *scanner) scanString(val *tokenValue, start mark, prefix string) token {
	prefix = strings.ToLower(prefix)
	raw := strings.Contains(prefix, "r")
	isBytes := strings.Contains(prefix, "b")
	litPos := Pos{start.line, start.col}
	quote := s.next()
	triple := false
	if s.peek() == quote && rune(s.peekByte(1)) == quote {
		s.next()
		s.next()
		triple = true
	}
	if strings.Contains(prefix, "f") {
		val.lit = s.scanFString(litPos, raw, quote, triple)
		return STRING
	}
	bodyStart := s.off
	for !s.atClosingQuote(quote, triple) {
		c := s.peek()
		if c == eof || c == '\n' && !triple {
			s.unterminated(litPos, quote, triple, "string")
		}
		s.next()
		if c == '\\' && s.peek() != eof {
			s.next()
		}
	}
	body := s.src[bodyStart:s.off]
	s.consumeQuote(triple)
	lit := &literal{kind: strLit}
	if isBytes {
		lit.kind = bytesLit
		for _, c := range body {
			if c >= utf8.RuneSelf {
				s.errorf(litPos, "bytes can only contain ASCII literal characters")
			}
		}
	}
	if raw {
		lit.value = string(body)
	} else {
		lit.value = s.unescape(body, isBytes, litPos)
	}
	val.lit = lit
	return STRING
}

// atClosingQuote reports whether the input continues with the closing quote.
func (s *scanner) atClosingQuote(quote rune, triple bool) bool {
	if s.peek() != quote {
		return false
	}
	return !triple || rune(s.peekByte(1)) == quote && rune(s.peekByte(2)) == quote
}

func (s *scanner) consumeQuote(triple bool) {
	s.next()
	if triple {
		s.next()
		s.next()
	}
}

// unterminated reports a string literal that began at litPos and ran into
// the end of its line or of the input.
func (s *scanner) unterminated(litPos Pos, quote rune, triple bool, what string) {
	if n := len(s.fstrings); n > 0 && what == "string" {
		// A quote that was meant to close the enclosing f-string:
		// a replacement field is missing its '}'.
		if f := s.fstrings[n-1]; f.quote == quote && f.triple == triple {
			s.errorf(litPos, "f-string: expecting '}'")
		}
	}
	line := s.line
	if s.peek() == eof && s.col == 1 && line > 1 {
		line-- // the input ends with a newline
	}
	if triple {
		s.errorf(litPos, "unterminated triple-quoted %s literal (detected at line %d)", what, line)
	}
	s.errorf(litPos, "unterminated %s literal (detected at line %d)", what, line)
}

// unescape decodes the escape sequences of a string or bytes literal body.
// Errors are reported at litPos, the start of the literal, with offsets
// relative to the body as in CPython's codec messages.
func (s *scanner) unescape(body []byte, isBytes bool, litPos Pos) string {
	i := bytes.IndexByte(body, '\\')
	if i < 0 {
		return string(body)
	}
	var b strings.Builder
	b.Write(body[:i])
	for i < len(body) {
		if c := body[i]; c != '\\' {
			b.WriteByte(c)
			i++
			continue
		}
		i = s.escape(&b, body, i, isBytes, litPos)
	}
	return b.String()
}

// escape decodes the escape sequence at body[i] == '\\', appends its value
// to b, and returns the offset just after it. Unknown escapes are kept
// verbatim, as Python does (with a warning we do not emit).
func (s *scanner) escape(b *strings.Builder, body []byte, i int, isBytes bool, litPos Pos) int {
	start := i
	i++
	if i == len(body) {
		b.WriteByte('\\')
		return i
	}
	c := body[i]
	i++
	switch c {
	case '\n': // line continuation
	case '\\', '\'', '"':
		b.WriteByte(c)
	case 'a':
		b.WriteByte('\a')
	case 'b':
		b.WriteByte('\b')
	case 'f':
		b.WriteByte('\f')
	case 'n':
		b.WriteByte('\n')
	case 'r':
		b.WriteByte('\r')
	case 't':
		b.WriteByte('\t')
	case 'v':
		b.WriteByte('\v')
	case '0', '1', '2', '3', '4', '5', '6', '7':
		v := int(c - '0')
		for n := 1; n < 3 && i < len(body) && '0' <= body[i] && body[i] <= '7'; n++ {
			v = v*8 + int(body[i]-'0')
			i++
		}
		if isBytes {
			b.WriteByte(byte(v))
		} else {
			b.WriteRune(rune(v))
		}
	case 'x':
		v, n := hexValue(body[i:], 2)
		if n < 2 {
			if isBytes {
				s.errorf(litPos, "(value error) invalid \\x escape at position %d", start)
			}
			s.codecError(litPos, body, start, i+n-1, "truncated \\xXX escape")
		}
		i += n
		if isBytes {
			b.WriteByte(byte(v))
		} else {
			b.WriteRune(rune(v))
		}
	case 'u', 'U', 'N':
		if isBytes {
			b.WriteByte('\\')
			b.WriteByte(c)
			break
		}
		i = s.unicodeEscape(b, body, start, litPos)
	default:
		b.WriteByte('\\')
		b.WriteByte(c)
	}
	return i
}

// unicodeEscape decodes a \u, \U or \N escape of a str literal starting at
// body[start] and returns the offset just after it.
func (s *scanner) unicodeEscape(b *strings.Builder, body []byte, start int, litPos Pos) int {
	i := start + 2
	switch body[start+1] {
	case 'N':
		if i >= len(body) || body[i] != '{' {
			s.codecError(litPos, body, start, start+1, "malformed \\N character escape")
		}
		n := bytes.IndexByte(body[i+1:], '}')
		if n < 0 {
			s.codecError(litPos, body, start, len(body)-1, "malformed \\N character escape")
		}
		if n == 0 {
			s.codecError(litPos, body, start, i, "malformed \\N character escape")
		}
		r, ok := lookupRuneName(string(body[i+1 : i+1+n]))
		if !ok {
			s.codecError(litPos, body, start, i+1+n, "unknown Unicode character name")
		}
		b.WriteRune(r)
		return i + n + 2
	case 'u':
		v, n := hexValue(body[i:], 4)
		if n < 4 {
			s.codecError(litPos, body, start, i+n-1, "truncated \\uXXXX escape")
		}
		b.WriteRune(rune(v)) // lone surrogates become U+FFFD
		return i + 4
	}
	v, n := hexValue(body[i:], 8)
	if n < 8 {
		s.codecError(litPos, body, start, i+n-1, "truncated \\UXXXXXXXX escape")
	}
	if v > utf8.MaxRune {
		s.codecError(litPos, body, start, i+7, "illegal Unicode character")
	}
	b.WriteRune(rune(v))
	return i + 8
}

// codecError reports an invalid escape sequence in a str literal body,
// from body[start] to body[end], in the words of CPython's unicodeescape
// codec. CPython hands the codec the body with each non-ASCII character
// replaced by a 10-byte \UXXXXXXXX escape, so the offsets count them so.
func (s *scanner) codecError(litPos Pos, body []byte, start, end int, msg string) {
	offset := func(i int) int {
		n := 0
		for _, r := range string(body[:i]) {
			if r < utf8.RuneSelf {
				n++
			} else {
				n += len(`\U0001F600`)
			}
		}
		return n
	}
	s.errorf(litPos, "(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: %s", offset(start), offset(start)+end-start, msg)
}

// hexValue decodes up to max leading hex digits of b, returning the value
// and the number of digits.
func hexValue(b []byte, max int) (v uint32, n int) {
	for n < max && n < len(b) && isHex(rune(b[n])) {
		d := b[n] | 0x20
		if d <= '9' {
			d -= '0'
		} else {
			d -= 'a' - 10
		}
		v = v<<4 | uint32(d)
		n++
	}
	return v, n
}

// scanFString scans the rest of an f-string whose opening quote has been
// consumed and returns its parts.
func (s *scanner) scanFString(litPos Pos, raw bool, quote rune, triple bool) *literal {
	if len(s.fstrings) >= maxFStringNest {
		s.errorf(litPos, "too many nested f-strings")
	}
	s.fstrings = append(s.fstrings, fstringFrame{quote: quote, triple: triple})
	parts := s.fstringParts(litPos, raw, 0)
	s.fstrings = s.fstrings[:len(s.fstrings)-1]
	return &literal{kind: fstringLit, parts: parts}
}

// fstringParts scans literal text and replacement fields. At level 0 it
// stops after the closing quote; at a greater level it scans a format spec
// and stops before the '}' that ends it.
func (s *scanner) fstringParts(litPos Pos, raw bool, level int) []fpart {
	frame := s.fstrings[len(s.fstrings)-1]
	var parts []fpart
	var text strings.Builder
	textPos := s.pos()
	flush := func() {
		if text.Len() > 0 {
			parts = append(parts, fpart{pos: textPos, end: s.pos(), text: text.String()})
			text.Reset()
		}
	}
	for {
		switch c := s.peek(); {
		case c == eof || c == '\n' && !frame.triple:
			if level > 0 {
				s.errorf(s.pos(), "f-string: expecting '}'")
			}
			s.unterminated(litPos, frame.quote, frame.triple, "f-string")
		case s.atClosingQuote(frame.quote, frame.triple):
			if level > 0 {
				s.errorf(s.pos(), "f-string: expecting '}'")
			}
			flush()
			s.consumeQuote(frame.triple)
			return parts
		case c == '\\':
			s.fstringEscape(&text, raw, frame, litPos)
		case c == '{' && s.peekByte(1) == '{' && level == 0: // in a spec, "{{" begins a field
			s.next()
			s.next()
			text.WriteByte('{')
		case c == '{':
			flush()
			parts = append(parts, s.replacementField(litPos, raw, level))
			textPos = s.pos()
		case c == '}' && level > 0:
			flush()
			return parts
		case c == '}' && s.peekByte(1) == '}':
			s.next()
			s.next()
			text.WriteByte('}')
		case c == '}':
			s.errorf(s.pos(), "f-string: single '}' is not allowed")
		default:
			s.next()
			text.WriteRune(c)
		}
	}
}

// fstringEscape handles a backslash in the literal text of an f-string.
func (s *scanner) fstringEscape(text *strings.Builder, raw bool, frame fstringFrame, litPos Pos) {
	if c := rune(s.peekByte(1)); raw || c == '{' || c == '}' {
		// The backslash stands for itself; in a raw string it still
		// keeps a quote, backslash or newline from ending the literal.
		s.next()
		text.WriteByte('\\')
		if raw && (c == frame.quote || c == '\\' || c == '\n') {
			text.WriteRune(s.next())
		}
		return
	}
	rest := s.src[s.off:]
	n := s.escape(text, rest, 0, false, litPos)
	for end := s.off + n; s.off < end; {
		s.next()
	}
}

// replacementField scans a replacement field starting at '{'.
func (s *scanner) replacementField(litPos Pos, raw bool, level int) fpart {
	open := s.pos()
	s.next()
	frame := &s.fstrings[len(s.fstrings)-1]
	outer := frame.fieldPos
	frame.fieldPos = open
	exprStart := s.off
	f := &ffield{}
	term, termPos := s.fieldExpr(f)
	s.fstrings[len(s.fstrings)-1].fieldPos = outer
	if term == EQ {
		f.debug = s.debugText(exprStart)
		term, termPos = s.fieldTerminator("f-string: expecting '!', or ':', or '}'")
	}
	if term == EXCLAIM {
		f.conv = s.conversion(termPos)
		term, termPos = s.fieldTerminator("f-string: expecting ':' or '}'")
	}
	if term == COLON {
		if level >= 2 {
			s.errorf(termPos, "f-string: expressions nested too deeply")
		}
		f.hasSpec = true
		f.spec = s.fstringParts(litPos, raw, level+1)
		s.next() // '}'
	}
	if f.debug != "" && f.conv == 0 && !f.hasSpec {
		f.conv = 'r'
	}
	return fpart{pos: open, end: s.pos(), field: f}
}

// debugText scans the blanks after the '=' of a self-documenting field and returns
// the field's text up to there. Inside brackets, where newlines are not tokens,
// CPython 3.12 also takes comments and line breaks there (PEP 701): the text keeps
// the line breaks and indentation but not the comments.
func (s *scanner) debugText(start int) string {
	var text strings.Builder
	for {
		for c := s.peek(); c == ' ' || c == '\t' || c == '\f' || (c == '\n' && len(s.brackets) > 0); c = s.peek() {
			s.next()
		}
		if s.peek() != '#' || len(s.brackets) == 0 {
			break
		}
		text.Write(s.src[start:s.off])
		for c := s.peek(); c != '\n' && c != eof; c = s.peek() {
			s.next()
		}
		start = s.off
	}
	text.Write(s.src[start:s.off])
	return text.String()
}

// fieldTerminator consumes the '!', ':' or '}' that must come next in a
// replacement field, or reports msg.
func (s *scanner) fieldTerminator(msg string) (token, Pos) {
	pos := s.pos()
	switch s.peek() {
	case '!':
		s.next()
		return EXCLAIM, pos
	case ':':
		s.next()
		return COLON, pos
	case '}':
		s.next()
		return RBRACE, pos
	}
	s.errorf(pos, "%s", msg)
	panic("unreachable")
}

// conversion scans the conversion character after the '!' at bang.
func (s *scanner) conversion(bang Pos) rune {
	pos := s.pos()
	c := s.peek()
	switch {
	case c == ' ' || c == '\t' || c == '\n' || c == '\f':
		s.errorf(bang, "f-string: conversion type must come right after the exclamanation mark")
	case c >= utf8.RuneSelf || !isIdentChar(c):
		s.errorf(pos, "f-string: missing conversion character")
	}
	start := s.off
	for c := s.peek(); c >= utf8.RuneSelf || isIdentChar(c); c = s.peek() {
		s.next()
	}
	switch name := string(s.src[start:s.off]); name {
	case "s", "r", "a":
		for c := s.peek(); c == ' ' || c == '\t' || c == '\f'; c = s.peek() {
			s.next()
		}
		return rune(name[0])
	default:
		s.errorf(pos, "f-string: invalid conversion character '%s': expected 's', 'r', or 'a'", name)
	}
	panic("unreachable")
}

// fieldExpr scans the tokens of a replacement field's expression up to
// the first '}', '!', ':' or '=' outside brackets, which it consumes and
// returns with its position. It records the tokens of the expression in f.
func (s *scanner) fieldExpr(f *ffield) (token, Pos) {
	var stack []bracket
	for n := 0; ; n++ {
		var val tokenValue // fresh: a token must not keep the last one's raw text
		m := s.mark()
		tok := s.scanToken(&val)
		if len(stack) == 0 {
			switch tok {
			case COLONEQ: // `{x:=10}` has the format spec "=10"
				s.reset(m)
				s.skipSpace()
				s.next()
				tok = COLON
				fallthrough
			case RBRACE, EXCLAIM, COLON, EQ:
				if n == 0 {
					s.errorf(val.pos, "f-string: valid expression required before '%s'", tok)
				}
				f.endPos = val.pos
				return tok, val.pos
			case LAMBDA:
				if n == 0 {
					s.errorf(val.pos, "f-string: lambda expressions are not allowed without parentheses")
				}
			default:
				if n == 0 && !startsExpr(tok) && tok != NEWLINE && tok != RPAREN && tok != RBRACK {
					s.errorf(val.pos, "f-string: expecting a valid expression after '{'")
				}
			}
		}
		switch tok {
		case EOF:
			s.errorf(val.pos, "f-string: expecting '}'")
		case NEWLINE:
			n--
			continue
		}
		val.nested = true
		f.toks = append(f.toks, aheadToken{tok, val})
		switch tok {
		case LPAREN, LBRACK, LBRACE:
			if len(stack) >= maxBrackets {
				s.errorf(val.pos, "too many nested parentheses")
			}
			stack = append(stack, bracket{tok, val.pos})
		case RPAREN, RBRACK, RBRACE:
			if len(stack) == 0 {
				s.errorf(val.pos, "f-string: unmatched '%s'", tok)
			}
			stack = s.closeBracket(stack, tok, val.pos)
		}
	}
}
