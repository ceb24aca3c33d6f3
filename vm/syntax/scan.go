package syntax

// This file defines the scanner, which turns Python source text into
// tokens. Like CPython's tokenizer it synthesizes NEWLINE, INDENT and DEDENT
// tokens, joins lines inside brackets and after a backslash, and rejects
// malformed numbers with CPython's messages. String literals are scanned
// in literal.go.

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A token is a lexical token kind.
type token int8

const (
	ILLEGAL token = iota
	EOF
	NEWLINE
	INDENT
	DEDENT

	NAME
	INT
	FLOAT
	STRING // a str, bytes or f-string literal; see tokenValue.lit

	// punctuation
	PLUS       // +
	MINUS      // -
	STAR       // *
	STARSTAR   // **
	SLASH      // /
	SLASHSLASH // //
	PERCENT    // %
	AT         // @
	LTLT       // <<
	GTGT       // >>
	AMP        // &
	PIPE       // |
	CIRCUMFLEX // ^
	TILDE      // ~
	LT         // <
	GT         // >
	LE         // <=
	GE         // >=
	EQL        // ==
	NEQ        // !=
	LPAREN     // (
	RPAREN     // )
	LBRACK     // [
	RBRACK     // ]
	LBRACE     // {
	RBRACE     // }
	COMMA      // ,
	COLON      // :
	DOT        // .
	SEMI       // ;
	EQ         // =
	ARROW      // ->
	COLONEQ    // :=
	ELLIPSIS   // ...
	EXCLAIM    // ! (only meaningful in f-strings)

	// augmented assignment operators
	PLUS_EQ       // +=
	MINUS_EQ      // -=
	STAR_EQ       // *=
	STARSTAR_EQ   // **=
	SLASH_EQ      // /=
	SLASHSLASH_EQ // //=
	PERCENT_EQ    // %=
	AT_EQ         // @=
	LTLT_EQ       // <<=
	GTGT_EQ       // >>=
	AMP_EQ        // &=
	PIPE_EQ       // |=
	CIRCUMFLEX_EQ // ^=

	// keywords
	AND
	AS
	ASSERT
	ASYNC
	AWAIT
	BREAK
	CLASS
	CONTINUE
	DEF
	DEL
	ELIF
	ELSE
	EXCEPT
	FALSE
	FINALLY
	FOR
	FROM
	GLOBAL
	IF
	IMPORT
	IN
	IS
	LAMBDA
	NONE
	NONLOCAL
	NOT
	OR
	PASS
	RAISE
	RETURN
	TRUE
	TRY
	WHILE
	WITH
	YIELD

	numTokens
)

// tokenText holds the source spelling of punctuation and keywords and a
// description of the other tokens.
var tokenText = [numTokens]string{
	ILLEGAL: "illegal token", EOF: "end of file", NEWLINE: "newline",
	INDENT: "indent", DEDENT: "dedent", NAME: "name", INT: "int literal",
	FLOAT: "float literal", STRING: "string literal",

	PLUS: "+", MINUS: "-", STAR: "*", STARSTAR: "**", SLASH: "/",
	SLASHSLASH: "//", PERCENT: "%", AT: "@", LTLT: "<<", GTGT: ">>",
	AMP: "&", PIPE: "|", CIRCUMFLEX: "^", TILDE: "~", LT: "<", GT: ">",
	LE: "<=", GE: ">=", EQL: "==", NEQ: "!=", LPAREN: "(", RPAREN: ")",
	LBRACK: "[", RBRACK: "]", LBRACE: "{", RBRACE: "}", COMMA: ",",
	COLON: ":", DOT: ".", SEMI: ";", EQ: "=", ARROW: "->", COLONEQ: ":=",
	ELLIPSIS: "...", EXCLAIM: "!",

	PLUS_EQ: "+=", MINUS_EQ: "-=", STAR_EQ: "*=", STARSTAR_EQ: "**=",
	SLASH_EQ: "/=", SLASHSLASH_EQ: "//=", PERCENT_EQ: "%=", AT_EQ: "@=",
	LTLT_EQ: "<<=", GTGT_EQ: ">>=", AMP_EQ: "&=", PIPE_EQ: "|=",
	CIRCUMFLEX_EQ: "^=",

	AND: "and", AS: "as", ASSERT: "assert", ASYNC: "async", AWAIT: "await",
	BREAK: "break", CLASS: "class", CONTINUE: "continue", DEF: "def",
	DEL: "del", ELIF: "elif", ELSE: "else", EXCEPT: "except", FALSE: "False",
	FINALLY: "finally", FOR: "for", FROM: "from", GLOBAL: "global", IF: "if",
	IMPORT: "import", IN: "in", IS: "is", LAMBDA: "lambda", NONE: "None",
	NONLOCAL: "nonlocal", NOT: "not", OR: "or", PASS: "pass", RAISE: "raise",
	RETURN: "return", TRUE: "True", TRY: "try", WHILE: "while", WITH: "with",
	YIELD: "yield",
}

// String returns the token's spelling, or a description for tokens that
// have no fixed spelling.
func (tok token) String() string {
	if tok >= 0 && tok < numTokens {
		return tokenText[tok]
	}
	return fmt.Sprintf("token(%d)", int(tok))
}

// keywords maps each Python keyword to its token. It is never modified.
var keywords = func() map[string]token {
	m := make(map[string]token)
	for tok := AND; tok <= YIELD; tok++ {
		m[tokenText[tok]] = tok
	}
	return m
}()

// Limits that keep hostile input from exhausting the Go stack.
const (
	maxBrackets    = 200 // open brackets (CPython's MAXLEVEL)
	maxIndent      = 100 // indentation levels (CPython's MAXINDENT)
	maxFStringNest = 150 // nested f-strings (CPython's MAXFSTRINGLEVEL)
	tabSize        = 8
)

// A tokenValue holds the position and value of a scanned token.
type tokenValue struct {
	pos, end Pos      // start of the token and the position just after it
	raw      string   // NAME: the identifier; ILLEGAL: the offending text; INT: the digits of one too long to convert
	int      int64    // INT that fits in int64
	bigInt   *big.Int // INT that does not fit in int64
	float    float64  // FLOAT
	imag     bool     // FLOAT: an imaginary literal (1j)
	lit      *literal // STRING
	nested   bool     // the token is inside brackets or an f-string field
}

// A bracket is an open bracket awaiting its closer.
type bracket struct {
	tok token
	pos Pos
}

// An indent is one level of the indentation stack: the column with tabs
// expanded to multiples of 8, and with tabs counted as 1 (CPython compares
// both to detect ambiguous mixes of tabs and spaces).
type indent struct {
	col, alt int
}

// A mark is a saved scanner position, for backing up.
type mark struct {
	off       int
	line, col int32
}

// eof is returned by peek at the end of the input.
const eof = -1

// A scanner tokenizes one source text. It reports errors by panicking
// with a bailout, which Parse recovers. (The parser of an f-string
// replacement field reads tokens kept by the main scanner; its own scanner,
// in field mode, only supplies the final EOF.)
type scanner struct {
	filename  string
	src       []byte // the text; scanning stops at len(src)
	off       int    // offset of the next unread byte
	line, col int32  // position of src[off]

	indents   []indent  // indentation stack; indents[0] is the left margin
	dedents   int       // DEDENT tokens still owed
	dedentPos Pos       // position reported for them
	lineStart bool      // indentation of the current line not yet measured
	brackets  []bracket // open brackets, innermost last
	last      token     // last token returned by nextToken
	lastLine  int32     // line of the last token returned by nextToken
	field     bool      // in field mode: no NEWLINE, INDENT or DEDENT, and EOF ends the expression

	fstrings []fstringFrame // f-strings being scanned, innermost last
}

// newScanner returns a scanner for src that reports positions starting at pos.
func newScanner(filename string, src []byte, off int, pos Pos) *scanner {
	return &scanner{
		filename:  filename,
		src:       src,
		off:       off,
		line:      pos.Line,
		col:       pos.Col,
		indents:   []indent{{0, 0}},
		lineStart: true,
		last:      NEWLINE,
	}
}

// A bailout is the panic value carrying an error out of the scanner or parser.
type bailout struct {
	err     *Error
	scanner bool // the error was found by the scanner
	weak    bool // a scanner error that does not supersede an earlier parser error
	generic bool // a parser error that is just "invalid syntax"
}

func (s *scanner) fail(kind ErrorKind, pos Pos, msg string) {
	panic(bailout{err: &Error{Filename: s.filename, Pos: pos, Msg: msg, Kind: kind}, scanner: true})
}

// weakError reports an error that CPython's tokenizer signals through its
// status rather than by raising: indentation errors and errors in line
// continuations. An earlier parser error takes precedence over them.
func (s *scanner) weakError(kind ErrorKind, pos Pos, msg string) {
	panic(bailout{err: &Error{Filename: s.filename, Pos: pos, Msg: msg, Kind: kind}, scanner: true, weak: true})
}

func (s *scanner) errorf(pos Pos, format string, args ...any) {
	s.fail(SyntaxError, pos, fmt.Sprintf(format, args...))
}

func (s *scanner) pos() Pos   { return Pos{s.line, s.col} }
func (s *scanner) mark() mark { return mark{s.off, s.line, s.col} }
func (s *scanner) reset(m mark) {
	s.off, s.line, s.col = m.off, m.line, m.col
}

// lastPos returns the position of the last character consumed on the
// current line. CPython reports most tokenizer errors there.
func (s *scanner) lastPos() Pos { return Pos{s.line, max(s.col-1, 1)} }

// peek returns the next character without consuming it, or eof.
func (s *scanner) peek() rune {
	if s.off >= len(s.src) {
		return eof
	}
	if c := s.src[s.off]; c < utf8.RuneSelf {
		return rune(c)
	}
	r, _ := utf8.DecodeRune(s.src[s.off:])
	return r
}

// peekByte returns the byte at offset n from the next unread byte, or 0.
func (s *scanner) peekByte(n int) byte {
	if s.off+n < len(s.src) {
		return s.src[s.off+n]
	}
	return 0
}

// next consumes and returns the next character, or returns eof.
func (s *scanner) next() rune {
	if s.off >= len(s.src) {
		return eof
	}
	r, size := rune(s.src[s.off]), 1
	if r >= utf8.RuneSelf {
		r, size = utf8.DecodeRune(s.src[s.off:])
	}
	s.off += size
	if r == '\n' {
		s.line++
		s.col = 1
	} else {
		s.col++
	}
	return r
}

// lineLen returns the length in runes of the current line.
func (s *scanner) lineLen() int32 {
	n := s.col - 1
	for i := s.off; i < len(s.src) && s.src[i] != '\n'; {
		_, size := utf8.DecodeRune(s.src[i:])
		i += size
		n++
	}
	return n
}

// nextToken returns the next token, synthesizing NEWLINE, INDENT and
// DEDENT, and fills in val.
func (s *scanner) nextToken(val *tokenValue) token {
	tok := s.nextToken0(val)
	s.last, s.lastLine = tok, val.pos.Line
	return tok
}

func (s *scanner) nextToken0(val *tokenValue) token {
	for {
		*val = tokenValue{}
		if s.dedents > 0 {
			s.dedents--
			val.pos, val.end = s.dedentPos, s.pos()
			return DEDENT
		}
		if s.lineStart && !s.field {
			if tok, ok := s.indentation(val); ok {
				return tok
			}
		}
		tok := s.scanToken(val)
		val.nested = len(s.brackets) > 0 || s.field
		switch tok {
		case NEWLINE:
			if len(s.brackets) > 0 || s.field {
				continue
			}
			s.lineStart = true
		case EOF:
			if s.field {
				return EOF
			}
			if n := len(s.brackets); n > 0 {
				b := s.brackets[n-1]
				s.errorf(b.pos, "'%s' was never closed", b.tok)
			}
			if s.last != NEWLINE && s.last != INDENT && s.last != DEDENT && s.last != EOF {
				return NEWLINE // the last line had no line terminator
			}
			if len(s.indents) > 1 {
				s.indents = s.indents[:len(s.indents)-1]
				return DEDENT
			}
		case LPAREN, LBRACK, LBRACE:
			if len(s.brackets) >= maxBrackets {
				s.errorf(val.pos, "too many nested parentheses")
			}
			s.brackets = append(s.brackets, bracket{tok, val.pos})
		case RPAREN, RBRACK, RBRACE:
			s.brackets = s.closeBracket(s.brackets, tok, val.pos)
		}
		return tok
	}
}

// closeBracket pops the bracket closed by tok from stack, reporting
// unmatched and mismatched closers as CPython does.
func (s *scanner) closeBracket(stack []bracket, tok token, pos Pos) []bracket {
	n := len(stack)
	if n == 0 {
		s.errorf(pos, "unmatched '%s'", tok)
	}
	open := stack[n-1]
	if open.tok+1 != tok { // LPAREN+1 == RPAREN, and so on
		if open.pos.Line != pos.Line {
			s.errorf(pos, "closing parenthesis '%s' does not match opening parenthesis '%s' on line %d", tok, open.tok, open.pos.Line)
		}
		s.errorf(pos, "closing parenthesis '%s' does not match opening parenthesis '%s'", tok, open.tok)
	}
	return stack[:n-1]
}

// indentation measures the indentation of a new logical line, skipping
// blank and comment-only lines, and returns INDENT or the first DEDENT if
// the indentation changed. It reports false if no token is due.
func (s *scanner) indentation(val *tokenValue) (token, bool) {
	col, alt, width := s.measureIndent()
	if s.peek() == eof {
		return 0, false // nextToken unwinds the indentation at EOF
	}
	s.lineStart = false
	top := s.indents[len(s.indents)-1]
	switch {
	case col == top.col:
		if alt != top.alt {
			s.tabError()
		}
		return 0, false
	case col > top.col:
		if alt <= top.alt {
			s.tabError()
		}
		if len(s.indents) >= maxIndent {
			s.weakError(IndentationError, Pos{s.line, 1}, "too many levels of indentation")
		}
		s.indents = append(s.indents, indent{col, alt})
		val.pos, val.end = Pos{s.line, max(width, 1)}, s.pos()
		return INDENT, true
	}
	for len(s.indents) > 1 && col < s.indents[len(s.indents)-1].col {
		s.indents = s.indents[:len(s.indents)-1]
		s.dedents++
	}
	if top = s.indents[len(s.indents)-1]; col != top.col {
		s.weakError(IndentationError, Pos{s.line, s.lineLen() + 1}, "unindent does not match any outer indentation level")
	}
	if alt != top.alt {
		s.tabError()
	}
	s.dedents--
	s.dedentPos = Pos{s.line, max(width, 1)} // CPython reports the width of the indentation
	val.pos, val.end = s.dedentPos, s.pos()
	return DEDENT, true
}

// measureIndent skips blank and comment-only lines and consumes the
// indentation of the next line. It returns the indentation's column with
// tabs to multiples of 8 (col) and with tabs as 1 (alt), and its width in
// runes.
func (s *scanner) measureIndent() (col, alt int, width int32) {
	for {
		col, alt, width = 0, 0, 0
	measure:
		for {
			switch s.peek() {
			case ' ':
				col++
				alt++
			case '\t':
				col = (col/tabSize + 1) * tabSize
				alt++
			case '\f':
				col, alt = 0, 0
			case '\\':
				// A continuation line: the indentation is that of the
				// first physical line.
				s.next()
				if s.peek() != '\n' {
					s.lineContinuationError()
				}
				s.next()
				for c := s.peek(); c == ' ' || c == '\t' || c == '\f'; c = s.peek() {
					s.next()
				}
				width = 0
				break measure
			default:
				break measure
			}
			s.next()
			width++
		}
		if s.peek() == '#' {
			s.skipComment()
		}
		if s.peek() != '\n' {
			return col, alt, width
		}
		s.next() // a blank line
	}
}

func (s *scanner) tabError() {
	s.weakError(TabError, Pos{s.line, 1}, "inconsistent use of tabs and spaces in indentation")
}

// skipComment skips to the end of the line, leaving the newline unread.
func (s *scanner) skipComment() {
	if n := len(s.fstrings); n > 0 && !s.fstrings[n-1].triple {
		// A comment in a single-line f-string swallows the closing brace.
		s.errorf(s.fstrings[n-1].fieldPos, "'{' was never closed")
	}
	for c := s.peek(); c != '\n' && c != eof; c = s.peek() {
		s.next()
	}
}

// skipSpace skips blanks, comments and backslash line continuations.
// It returns the position of the comment that ends the line, if any.
func (s *scanner) skipSpace() (comment Pos) {
	for {
		switch s.peek() {
		case ' ', '\t', '\f':
			s.next()
		case '#':
			comment = s.pos()
			s.skipComment()
		case '\\':
			s.next()
			if s.peek() != '\n' {
				s.lineContinuationError()
			}
			s.next()
		default:
			return comment
		}
	}
}

// lineContinuationError reports a backslash not followed by a newline.
func (s *scanner) lineContinuationError() {
	if s.peek() == eof {
		s.weakError(SyntaxError, s.pos(), "unexpected EOF while parsing")
	}
	s.weakError(SyntaxError, s.pos(), "unexpected character after line continuation character")
}

// scanToken scans one token without regard to indentation or brackets:
// a line break is returned as NEWLINE even inside brackets.
func (s *scanner) scanToken(val *tokenValue) token {
	comment := s.skipSpace()
	val.pos = s.pos()
	start := s.mark()
	var tok token
	switch c := s.peek(); {
	case c == eof:
		tok = EOF
	case c == '\n':
		s.next()
		tok = NEWLINE
		if comment.Line > 0 {
			val.pos = comment // as in CPython, the NEWLINE starts at the comment
		}
	case c == '"' || c == '\'':
		tok = s.scanString(val, start, "")
	case isDigit(c) || c == '.' && isDigit(rune(s.peekByte(1))):
		tok = s.scanNumber(val, start)
	case c >= utf8.RuneSelf || isIdentStart(c):
		tok = s.scanName(val, start)
	default:
		tok = s.scanOperator(val)
	}
	val.end = s.pos()
	return tok
}

func isDigit(c rune) bool { return '0' <= c && c <= '9' }
func isHex(c rune) bool   { return isDigit(c) || 'a' <= c|0x20 && c|0x20 <= 'f' }
func isIdentStart(c rune) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_'
}
func isIdentChar(c rune) bool { return isIdentStart(c) || isDigit(c) }

// isXIDStart and isXIDContinue approximate Unicode's XID_Start and
// XID_Continue, which define Python identifiers.
func isXIDStart(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.In(r, unicode.Nl, unicode.Other_ID_Start)
}

func isXIDContinue(r rune) bool {
	return isXIDStart(r) || unicode.In(r, unicode.Mn, unicode.Mc, unicode.Nd, unicode.Pc, unicode.Other_ID_Continue)
}

// scanName scans an identifier or keyword, or a string literal with a prefix.
func (s *scanner) scanName(val *tokenValue, start mark) token {
	for c := s.peek(); c >= utf8.RuneSelf || isIdentChar(c); c = s.peek() {
		s.next()
	}
	name := string(s.src[start.off:s.off])
	if c := s.peek(); (c == '"' || c == '\'') && isStringPrefix(name) {
		return s.scanString(val, start, name)
	}
	if tok, ok := keywords[name]; ok {
		return tok
	}
	s.verifyIdentifier(name, start)
	val.raw = name
	return NAME
}

// verifyIdentifier reports the first character of name, which started at
// start, that cannot appear in an identifier.
func (s *scanner) verifyIdentifier(name string, start mark) {
	col := start.col
	for i, r := range name {
		if r < utf8.RuneSelf {
			col++
			continue
		}
		if i == 0 && !isXIDStart(r) || !isXIDContinue(r) {
			pos := Pos{start.line, col}
			if !unicode.IsPrint(r) {
				s.errorf(pos, "invalid non-printable character U+%04X", r)
			}
			s.errorf(pos, "invalid character '%c' (U+%04X)", r, r)
		}
		col++
	}
}

// scanOperator scans punctuation. An unknown character yields ILLEGAL.
func (s *scanner) scanOperator(val *tokenValue) token {
	c := s.next()
	switch c {
	case '(':
		return LPAREN
	case ')':
		return RPAREN
	case '[':
		return LBRACK
	case ']':
		return RBRACK
	case '{':
		return LBRACE
	case '}':
		return RBRACE
	case ',':
		return COMMA
	case ';':
		return SEMI
	case '~':
		return TILDE
	case '.':
		if s.peek() == '.' && s.peekByte(1) == '.' {
			s.next()
			s.next()
			return ELLIPSIS
		}
		return DOT
	case ':':
		return s.ifEq(COLON, COLONEQ)
	case '=':
		return s.ifEq(EQ, EQL)
	case '!':
		return s.ifEq(EXCLAIM, NEQ)
	case '+':
		return s.ifEq(PLUS, PLUS_EQ)
	case '-':
		if s.peek() == '>' {
			s.next()
			return ARROW
		}
		return s.ifEq(MINUS, MINUS_EQ)
	case '*':
		if s.peek() == '*' {
			s.next()
			return s.ifEq(STARSTAR, STARSTAR_EQ)
		}
		return s.ifEq(STAR, STAR_EQ)
	case '/':
		if s.peek() == '/' {
			s.next()
			return s.ifEq(SLASHSLASH, SLASHSLASH_EQ)
		}
		return s.ifEq(SLASH, SLASH_EQ)
	case '%':
		return s.ifEq(PERCENT, PERCENT_EQ)
	case '@':
		return s.ifEq(AT, AT_EQ)
	case '&':
		return s.ifEq(AMP, AMP_EQ)
	case '|':
		return s.ifEq(PIPE, PIPE_EQ)
	case '^':
		return s.ifEq(CIRCUMFLEX, CIRCUMFLEX_EQ)
	case '<':
		if s.peek() == '<' {
			s.next()
			return s.ifEq(LTLT, LTLT_EQ)
		}
		return s.ifEq(LT, LE)
	case '>':
		if s.peek() == '>' {
			s.next()
			return s.ifEq(GTGT, GTGT_EQ)
		}
		return s.ifEq(GT, GE)
	}
	val.raw = string(c)
	return ILLEGAL
}

// ifEq consumes a following '=' and returns withEq, or returns tok.
func (s *scanner) ifEq(tok, withEq token) token {
	if s.peek() == '=' {
		s.next()
		return withEq
	}
	return tok
}

// scanNumber scans an int or float literal. It follows CPython's
// tokenizer closely so that malformed literals get the same message
// and column.
func (s *scanner) scanNumber(val *tokenValue, start mark) token {
	isFloat := false
	if s.next() == '0' {
		switch s.peek() {
		case 'x', 'X':
			s.next()
			s.radixDigits(isHex, "hexadecimal")
			return s.intValue(val, start, 16)
		case 'o', 'O':
			s.next()
			s.radixDigits(func(c rune) bool { return '0' <= c && c <= '7' }, "octal")
			return s.intValue(val, start, 8)
		case 'b', 'B':
			s.next()
			s.radixDigits(func(c rune) bool { return c == '0' || c == '1' }, "binary")
			return s.intValue(val, start, 2)
		}
		if s.leadingZeros() {
			switch c := s.peek(); {
			case c == '.' || c == 'e' || c == 'E' || c == 'j' || c == 'J':
			default:
				s.errorf(Pos{start.line, start.col}, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers")
			}
		}
	} else if s.src[s.off-1] == '.' {
		isFloat = true
		s.decimalTail()
	} else {
		s.decimalTail()
	}
	if !isFloat && s.peek() == '.' {
		s.next()
		isFloat = true
		if isDigit(s.peek()) {
			s.decimalTail()
		}
	}
	if c := s.peek(); c == 'e' || c == 'E' {
		if s.exponent() {
			isFloat = true
		}
	}
	if c := s.peek(); c == 'j' || c == 'J' {
		s.next()
		s.verifyEnd("imaginary")
		text := strings.ReplaceAll(string(s.src[start.off:s.off-1]), "_", "")
		val.float, _ = strconv.ParseFloat(text, 64)
		val.imag = true
		return FLOAT
	}
	s.verifyEnd("decimal")
	if isFloat {
		text := strings.ReplaceAll(string(s.src[start.off:s.off]), "_", "")
		val.float, _ = strconv.ParseFloat(text, 64) // out-of-range values become ±Inf or 0, as in Python
		return FLOAT
	}
	return s.intValue(val, start, 10)
}

// leadingZeros consumes the rest of a decimal literal that began with '0'
// and reports whether a nonzero digit followed the zeros.
func (s *scanner) leadingZeros() bool {
	for {
		if s.peek() == '_' {
			s.next()
			if !isDigit(s.peek()) {
				s.errorf(s.lastPos(), "invalid decimal literal")
			}
		}
		if s.peek() != '0' {
			break
		}
		s.next()
	}
	if isDigit(s.peek()) {
		s.decimalTail()
		return true
	}
	return false
}

// decimalTail consumes digits with single underscores between them.
func (s *scanner) decimalTail() {
	for {
		for isDigit(s.peek()) {
			s.next()
		}
		if s.peek() != '_' {
			return
		}
		s.next()
		if !isDigit(s.peek()) {
			s.errorf(s.lastPos(), "invalid decimal literal")
		}
	}
}

// exponent consumes an exponent part starting at 'e' or 'E' and reports
// whether there was one; "1else" is the int 1 followed by a keyword.
func (s *scanner) exponent() bool {
	m := s.mark()
	s.next()
	if c := s.peek(); c == '+' || c == '-' {
		s.next()
		if !isDigit(s.peek()) {
			s.errorf(s.lastPos(), "invalid decimal literal")
		}
	} else if !isDigit(c) {
		s.reset(m)
		s.verifyEnd("decimal")
		return false
	}
	s.decimalTail()
	return true
}

// radixDigits consumes the digits of a hexadecimal, octal or binary
// literal after its prefix.
func (s *scanner) radixDigits(ok func(rune) bool, kind string) {
	for {
		if s.peek() == '_' {
			s.next()
		}
		if c := s.peek(); !ok(c) {
			if isDigit(c) && kind != "hexadecimal" {
				s.next()
				s.errorf(s.lastPos(), "invalid digit '%c' in %s literal", c, kind)
			}
			s.errorf(s.lastPos(), "invalid %s literal", kind)
		}
		for ok(s.peek()) {
			s.next()
		}
		if s.peek() != '_' {
			break
		}
	}
	if c := s.peek(); isDigit(c) {
		s.next()
		s.errorf(s.lastPos(), "invalid digit '%c' in %s literal", c, kind)
	}
	s.verifyEnd(kind)
}

// verifyEnd rejects a number immediately followed by an identifier
// character, except for the keywords CPython still tolerates there
// (as in "1if x else y").
func (s *scanner) verifyEnd(kind string) {
	c := s.peek()
	if c >= utf8.RuneSelf || !isIdentChar(c) {
		return
	}
	rest := s.src[s.off:min(s.off+4, len(s.src))]
	for _, kw := range [...]string{"and", "else", "for", "if", "in", "is", "not", "or"} {
		if strings.HasPrefix(string(rest), kw) {
			return
		}
	}
	s.errorf(s.lastPos(), "invalid %s literal", kind)
}

// maxIntDigits is CPython's limit on the digits of a decimal int literal
// (sys.int_info.default_max_str_digits): converting decimal takes more than
// linear time.
const maxIntDigits = 4300

// intValue sets val to the integer literal scanned since start. A decimal
// literal of more than maxIntDigits digits is left unconverted in val.raw, for
// the parser to report as CPython's does.
func (s *scanner) intValue(val *tokenValue, start mark, base int) token {
	text := strings.ReplaceAll(string(s.src[start.off:s.off]), "_", "")
	if base != 10 {
		text = text[2:]
	} else if len(text) > maxIntDigits {
		val.raw = text
		return INT
	}
	if n, err := strconv.ParseInt(text, base, 64); err == nil {
		val.int = n
		return INT
	}
	val.bigInt, _ = new(big.Int).SetString(text, base)
	return INT
}
