package syntax

// This file defines the match statement (PEP 634): its nodes, as CPython's ast
// module has them, and its parser, after the grammar of CPython 3.12.

// Match is `match subject:` and its cases.
type Match struct {
	MatchPos Pos
	End      Pos
	Subject  Expr
	Cases    []*MatchCase
}

// MatchCase is `case pattern if guard: body`; Guard is nil without an `if`.
type MatchCase struct {
	CasePos Pos
	End     Pos
	Pattern Pattern
	Guard   Expr
	Body    []Stmt
}

// Pattern is a pattern of a case clause.
type Pattern interface {
	Node
	pattern()
}

// MatchValue is a literal or a dotted name, compared with ==.
type MatchValue struct {
	Start, End Pos
	Value      Expr
}

// MatchSingleton is None, True or False, compared with is.
type MatchSingleton struct {
	ValuePos Pos
	End      Pos
	Value    string
}

// MatchSequence is `[p, *rest]` or `(p, q)`, or a top-level `p, q`.
type MatchSequence struct {
	Start, End Pos
	Patterns   []Pattern
}

// MatchMapping is `{key: p, **rest}`; Rest is "" without `**`.
type MatchMapping struct {
	Start, End Pos
	Keys       []Expr
	Patterns   []Pattern
	Rest       string
}

// MatchClass is `Cls(p, attr=q)`.
type MatchClass struct {
	Start, End  Pos
	Cls         Expr
	Patterns    []Pattern
	KwdAttrs    []string
	KwdPatterns []Pattern
}

// MatchStar is `*name` in a sequence pattern; Name is "" for `*_`.
type MatchStar struct {
	StarPos, End Pos
	Name         string
}

// MatchAs is `p as name`, a capture `name` (Pattern nil) or the wildcard `_`
// (both nil and "").
type MatchAs struct {
	Start, End Pos
	Pattern    Pattern
	Name       string
}

// MatchOr is `p | q | …`.
type MatchOr struct {
	Start, End Pos
	Patterns   []Pattern
}

func (*Match) stmt() {}

func (*MatchValue) pattern()     {}
func (*MatchSingleton) pattern() {}
func (*MatchSequence) pattern()  {}
func (*MatchMapping) pattern()   {}
func (*MatchClass) pattern()     {}
func (*MatchStar) pattern()      {}
func (*MatchAs) pattern()        {}
func (*MatchOr) pattern()        {}

func (s *Match) Span() (Pos, Pos)          { return s.MatchPos, s.End }
func (c *MatchCase) Span() (Pos, Pos)      { return c.CasePos, c.End }
func (p *MatchValue) Span() (Pos, Pos)     { return p.Start, p.End }
func (p *MatchSingleton) Span() (Pos, Pos) { return p.ValuePos, p.End }
func (p *MatchSequence) Span() (Pos, Pos)  { return p.Start, p.End }
func (p *MatchMapping) Span() (Pos, Pos)   { return p.Start, p.End }
func (p *MatchClass) Span() (Pos, Pos)     { return p.Start, p.End }
func (p *MatchStar) Span() (Pos, Pos)      { return p.StarPos, p.End }
func (p *MatchAs) Span() (Pos, Pos)        { return p.Start, p.End }
func (p *MatchOr) Span() (Pos, Pos)        { return p.Start, p.End }

// IsWildcard reports whether p is the wildcard `_`.
func IsWildcard(p Pattern) bool {
	a, ok := p.(*MatchAs)
	return ok && a.Pattern == nil && a.Name == ""
}

// parseMatch parses a match statement; the current token is the soft keyword.
func (p *parser) parseMatch() *Match {
	stmt := &Match{MatchPos: p.val.pos}
	p.next()
	// star_named_expression ',' star_named_expressions? | named_expression
	stmt.Subject = p.parseCommaList(func() Expr {
		return p.parseStarred(func() Expr { return p.parseNamed(p.parseTest) })
	})
	p.expectColon(false)
	if p.tok != NEWLINE {
		p.syntaxError()
	}
	nl := p.val.pos
	p.next()
	if p.tok != INDENT {
		pos := p.val.pos
		if p.tok == EOF || p.tok == DEDENT && p.sc.peek() == eof {
			pos = nl
		}
		p.fail(IndentationError, pos, Pos{}, "expected an indented block after 'match' statement on line "+itoa(stmt.MatchPos.Line))
	}
	p.next()
	for p.tok != DEDENT && p.tok != EOF {
		if p.tok != NAME || p.val.raw != "case" {
			p.syntaxError()
		}
		stmt.Cases = append(stmt.Cases, p.parseCase())
	}
	if p.tok == DEDENT {
		p.next()
	}
	stmt.End = stmt.Cases[len(stmt.Cases)-1].End
	return stmt
}

func itoa(n int32) string {
	if n == 0 {
		return "0"
	}
	var b [12]byte
	i := len(b)
	for ; n > 0; n /= 10 {
		i--
		b[i] = byte('0' + n%10)
	}
	return string(b[i:])
}

// parseCase parses `case patterns [if guard]: block`.
func (p *parser) parseCase() *MatchCase {
	c := &MatchCase{CasePos: p.val.pos}
	p.next()
	c.Pattern = p.parsePatterns()
	if p.tok == IF {
		p.next()
		c.Guard = p.parseNamed(p.parseTest)
	}
	p.expectColon(false)
	c.Body = p.parseBlock("'case' statement", c.CasePos)
	c.End = bodyEnd(c.Body)
	return c
}

// parsePatterns parses a case's patterns: one pattern, or an open sequence.
func (p *parser) parsePatterns() Pattern {
	startPos := p.val.pos
	first := p.parseMaybeStarPattern()
	if p.tok != COMMA {
		if _, ok := first.(*MatchStar); ok {
			p.syntaxError()
		}
		return first
	}
	pats := []Pattern{first}
	for p.tok == COMMA {
		p.next()
		if p.tok == IF || p.tok == COLON {
			break
		}
		pats = append(pats, p.parseMaybeStarPattern())
	}
	return &MatchSequence{Start: startPos, End: p.prevEnd, Patterns: pats}
}

func (p *parser) parseMaybeStarPattern() Pattern {
	if p.tok == STAR {
		pos := p.val.pos
		p.next()
		name := p.parseCaptureTarget()
		return &MatchStar{StarPos: pos, End: p.prevEnd, Name: name}
	}
	return p.parsePattern()
}

// parseCaptureTarget parses the name after `*`, `**` or `as`: "" for `_`.
func (p *parser) parseCaptureTarget() string {
	if p.tok != NAME {
		p.syntaxError()
	}
	name := p.val.raw
	if p.peek(1) == DOT || p.peek(1) == LPAREN || p.peek(1) == EQ {
		p.syntaxError()
	}
	p.next()
	if name == "_" {
		return ""
	}
	return name
}

// parsePattern parses `or_pattern [as name]`.
func (p *parser) parsePattern() Pattern {
	p.enter()
	defer p.leave()
	startPos := p.val.pos
	pat := p.parseOrPattern()
	if p.tok != AS {
		return pat
	}
	p.next()
	if p.tok == NAME && p.val.raw == "_" {
		p.errorf(p.val.pos, "cannot use '_' as a target")
	}
	if p.tok != NAME {
		if startsOperand(p.tok) {
			x := p.parseBitOr()
			p.errorSpan(x, "invalid pattern target")
		}
		p.syntaxError()
	}
	name := p.parseCaptureTarget()
	return &MatchAs{Start: startPos, End: p.prevEnd, Pattern: pat, Name: name}
}

func (p *parser) parseOrPattern() Pattern {
	startPos := p.val.pos
	first := p.parseClosedPattern()
	if p.tok != PIPE {
		return first
	}
	or := &MatchOr{Start: startPos, Patterns: []Pattern{first}}
	for p.tok == PIPE {
		p.next()
		or.Patterns = append(or.Patterns, p.parseClosedPattern())
	}
	or.End = p.prevEnd
	return or
}

func (p *parser) parseClosedPattern() Pattern {
	pos, endPos := p.val.pos, p.val.end
	switch p.tok {
	case NONE, TRUE, FALSE:
		v := p.tok.String()
		p.next()
		return &MatchSingleton{ValuePos: pos, End: endPos, Value: v}
	case INT, FLOAT, MINUS, STRING:
		return valuePattern(p.parseLiteralValue())
	case LPAREN:
		return p.parseParenPattern()
	case LBRACK:
		p.next()
		pats := p.parseSequencePatterns(RBRACK)
		p.expect(RBRACK)
		return &MatchSequence{Start: pos, End: p.prevEnd, Patterns: pats}
	case LBRACE:
		return p.parseMappingPattern()
	case NAME:
		name := p.val.raw
		if p.peek(1) != DOT && p.peek(1) != LPAREN {
			if p.peek(1) == EQ {
				p.syntaxError()
			}
			p.next()
			if name == "_" {
				return &MatchAs{Start: pos, End: endPos}
			}
			return &MatchAs{Start: pos, End: endPos, Name: name}
		}
		x := p.parseDottedPattern()
		if p.tok == LPAREN {
			return p.parseClassPattern(x)
		}
		if _, ok := x.(*Name); ok {
			p.syntaxError()
		}
		return valuePattern(x)
	}
	p.syntaxError()
	panic("unreachable")
}

// parseLiteralValue parses a number (signed, or a complex literal) or strings.
func (p *parser) parseLiteralValue() Expr {
	if p.tok != STRING {
		return p.parseSignedNumber()
	}
	x := p.parseStrings()
	if _, ok := x.(*JoinedStr); ok {
		p.errorSpan(x, "patterns may only match literals and attribute lookups")
	}
	return x
}

// parseDottedPattern parses `name.attr…`; the current token is the name.
func (p *parser) parseDottedPattern() Expr {
	pos := p.val.pos
	var x Expr = &Name{NamePos: pos, End: p.val.end, Id: p.val.raw}
	p.next()
	for p.tok == DOT {
		p.next()
		attr, attrPos := p.expectName()
		x = &Attribute{Start: pos, Value: x, AttrPos: attrPos, End: p.prevEnd, Attr: attr}
	}
	return x
}

func valuePattern(x Expr) *MatchValue {
	s, e := x.Span()
	return &MatchValue{Start: s, End: e, Value: x}
}

// parseSignedNumber parses a literal number pattern: `1`, `-1.5`.
func (p *parser) parseSignedNumber() Expr {
	pos := p.val.pos
	neg := p.tok == MINUS
	if neg {
		p.next()
	}
	if p.tok != INT && p.tok != FLOAT {
		p.syntaxError()
	}
	x := p.parseAtom()
	if neg {
		x = &UnaryOp{OpPos: pos, End: end(x), Op: "-", Operand: x}
	}
	if p.tok == PLUS || p.tok == MINUS {
		// A complex literal: real ± imaginary.
		op, opPos := p.tok.String(), p.val.pos
		p.next()
		if p.tok != FLOAT || !p.val.imag {
			p.errorf(p.val.pos, "imaginary number required in complex literal")
		}
		y := p.parseAtom()
		return &BinOp{Start: start(x), End: end(y), Left: x, Op: op, OpPos: opPos, Right: y}
	}
	return x
}

// parseParenPattern parses `(pattern)` or a parenthesized sequence pattern.
func (p *parser) parseParenPattern() Pattern {
	pos := p.val.pos
	p.next()
	if p.tok == RPAREN {
		p.next()
		return &MatchSequence{Start: pos, End: p.prevEnd}
	}
	first := p.parseMaybeStarPattern()
	if p.tok == RPAREN {
		if _, ok := first.(*MatchStar); !ok {
			p.next()
			return first
		}
	}
	pats := []Pattern{first}
	if p.tok == COMMA {
		p.next()
		pats = append(pats, p.parseSequencePatterns(RPAREN)...)
	}
	p.expect(RPAREN)
	return &MatchSequence{Start: pos, End: p.prevEnd, Patterns: pats}
}

// parseSequencePatterns parses comma-separated patterns up to closer.
func (p *parser) parseSequencePatterns(closer token) []Pattern {
	var pats []Pattern
	for p.tok != closer {
		pats = append(pats, p.parseMaybeStarPattern())
		if p.tok != COMMA {
			break
		}
		p.next()
	}
	return pats
}

// parseMappingPattern parses `{key: pattern, …, **rest}`.
func (p *parser) parseMappingPattern() Pattern {
	m := &MatchMapping{Start: p.val.pos}
	p.next()
	for p.tok != RBRACE {
		if p.tok == STARSTAR {
			p.next()
			if p.tok == NAME && p.val.raw == "_" {
				p.syntaxError()
			}
			m.Rest = p.parseCaptureTarget()
			if p.tok == COMMA {
				p.next()
			}
			break
		}
		m.Keys = append(m.Keys, p.parseMappingKey())
		p.expect(COLON)
		m.Patterns = append(m.Patterns, p.parsePattern())
		if p.tok != COMMA {
			break
		}
		p.next()
	}
	p.expect(RBRACE)
	m.End = p.prevEnd
	return m
}

// parseMappingKey parses a literal or a dotted name.
func (p *parser) parseMappingKey() Expr {
	pos, endPos := p.val.pos, p.val.end
	switch p.tok {
	case INT, FLOAT, MINUS, STRING:
		return p.parseLiteralValue()
	case NONE, TRUE, FALSE:
		v := p.tok.String()
		p.next()
		return &NameConst{ValuePos: pos, End: endPos, Value: v}
	case NAME:
		if p.peek(1) != DOT {
			p.next()
			p.syntaxError()
		}
		return p.parseDottedPattern()
	}
	p.syntaxError()
	panic("unreachable")
}

// parseClassPattern parses `Cls(p, attr=q)`; the current token is '('.
func (p *parser) parseClassPattern(cls Expr) Pattern {
	c := &MatchClass{Start: start(cls), Cls: cls}
	p.next()
	for p.tok != RPAREN {
		if p.tok == NAME && p.peek(1) == EQ {
			c.KwdAttrs = append(c.KwdAttrs, p.val.raw)
			p.next()
			p.next()
			c.KwdPatterns = append(c.KwdPatterns, p.parsePattern())
		} else {
			pat := p.parsePattern()
			if len(c.KwdAttrs) > 0 {
				p.errorSpan(pat, "positional patterns follow keyword patterns")
			}
			c.Patterns = append(c.Patterns, pat)
		}
		if p.tok != COMMA {
			break
		}
		p.next()
	}
	p.expect(RPAREN)
	c.End = p.prevEnd
	return c
}
