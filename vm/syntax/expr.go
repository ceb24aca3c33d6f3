package syntax

// This file defines the expression grammar. The functions follow Python's
// precedence from loosest to tightest:
//
//	lambda < if-else < or < and < not < comparisons < | < ^ < & < << >>
//	< + - < * / // % @ < unary + - ~ < ** < await, calls, subscripts, attributes
//
// Names of the parse functions echo CPython's grammar rules where it helps:
// parseStarExprs is star_expressions, parseTest is expression, parseOr is
// disjunction, parseBitOr is bitwise_or.

import "strings"

// startsExpr reports whether tok can begin an expression.
func startsExpr(tok token) bool {
	switch tok {
	case LPAREN, LBRACK, MINUS, PLUS, STAR, YIELD:
		return true
	}
	return startsOperand(tok)
}

// startsOperand reports whether tok can begin an expression but cannot
// continue one, so that it signals a missing operator or comma when it
// follows a complete expression.
func startsOperand(tok token) bool {
	switch tok {
	case NAME, INT, FLOAT, STRING, LBRACE, TILDE, LAMBDA, NONE, TRUE, FALSE, NOT, ELLIPSIS, AWAIT:
		return true
	}
	return false
}

// parseStarExprs parses a comma-separated list of expressions and starred
// expressions; a single expression without a comma is returned as is,
// otherwise a *Tuple.
func (p *parser) parseStarExprs() Expr {
	if p.tok == YIELD {
		p.parseYield()
	}
	first := p.parseStarOrTest()
	if p.tok != COMMA {
		return first
	}
	elts := []Expr{first}
	for p.tok == COMMA {
		p.next()
		if !startsExpr(p.tok) {
			break
		}
		elts = append(elts, p.parseStarOrTest())
	}
	return &Tuple{Lparen: start(first), End: p.prevEnd, Elts: elts}
}

// parseStarOrTest parses an expression or `*expr`.
func (p *parser) parseStarOrTest() Expr {
	if p.tok == STAR {
		pos := p.val.pos
		p.next()
		return &Starred{Star: pos, Value: p.parseBitOr()}
	}
	return p.parseTest()
}

// parseYield rejects a yield expression.
func (p *parser) parseYield() {
	if p.peek(1) == FROM {
		p.unsupported(p.val.pos, "`yield from`")
	}
	p.unsupported(p.val.pos, "`yield`")
}

// parseTest parses an expression: a lambda, a conditional expression, or
// a disjunction. Inside brackets, an expression followed by '=' or by the
// start of another expression gets CPython's diagnosis.
func (p *parser) parseTest() Expr {
	x := p.parseTest0()
	if p.val.nested {
		if p.tok == EQ {
			p.misplacedEq(x)
		}
		if startsOperand(p.tok) {
			p.missingComma(x)
		}
	}
	return x
}

// misplacedEq diagnoses `x = y` where an expression is expected, as
// CPython's invalid_named_expression rule does. The current token is '='.
func (p *parser) misplacedEq(x Expr) {
	eq := p.val.pos
	p.next()
	if p.try(func() { p.parseBitOr() }, false) && p.tok != EQ && p.tok != COLONEQ {
		switch x.(type) {
		case *Name:
			p.errorSpan(x, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
		case *List, *Tuple, *GeneratorExp, *NameConst:
		default:
			if bitwiseOrLevel(x) {
				p.errorSpan(x, "cannot assign to %s here. Maybe you meant '==' instead of '='?", exprName(x))
			}
		}
	}
	p.errorf(eq, "invalid syntax")
}

// try calls parse and reports whether it succeeded. A syntax error found
// by the parser is discarded (the parser state is then meaningless, so the
// caller must report an error), unless specific is set and the error is
// more specific than "invalid syntax". An error found by the scanner
// always propagates.
func (p *parser) try(parse func(), specific bool) (ok bool) {
	defer func() {
		if r := recover(); r != nil {
			if b, isBailout := r.(bailout); !isBailout || b.scanner || specific && !b.generic {
				panic(r)
			}
		}
	}()
	parse()
	return true
}

func (p *parser) parseTest0() Expr {
	p.enter()
	defer p.leave()
	if p.tok == LAMBDA {
		return p.parseLambda()
	}
	x := p.parseOr()
	if p.tok == IF {
		p.next()
		test := p.parseOr()
		if p.tok != ELSE {
			p.errorSpan(x, "expected 'else' after 'if' expression")
		}
		p.next()
		x = &IfExp{Test: test, Body: x, OrElse: p.parseTest0()}
	}
	if p.tok == COLONEQ {
		p.unsupported(p.val.pos, "the walrus operator `:=`")
	}
	return x
}

// parseCondition parses the test of an if, elif or while statement,
// diagnosing `if x = 1:` as CPython does.
func (p *parser) parseCondition() Expr {
	x := p.parseTest()
	if p.tok == EQ {
		p.misplacedEq(x)
	}
	return x
}

func (p *parser) parseLambda() Expr {
	pos := p.val.pos
	p.next()
	args := p.parseParams(COLON)
	p.expect(COLON)
	return &Lambda{LambdaPos: pos, Args: args, Body: p.parseTest()}
}

// parseOr parses a disjunction `a or b or c`.
func (p *parser) parseOr() Expr {
	x := p.parseAnd()
	if p.tok != OR {
		return x
	}
	values := []Expr{x}
	for p.tok == OR {
		p.next()
		values = append(values, p.parseAnd())
	}
	return &BoolOp{Op: "or", Values: values}
}

// parseAnd parses a conjunction `a and b and c`.
func (p *parser) parseAnd() Expr {
	x := p.parseNot()
	if p.tok != AND {
		return x
	}
	values := []Expr{x}
	for p.tok == AND {
		p.next()
		values = append(values, p.parseNot())
	}
	return &BoolOp{Op: "and", Values: values}
}

// parseNot parses `not x` or a comparison.
func (p *parser) parseNot() Expr {
	if p.tok != NOT {
		return p.parseComparison()
	}
	pos := p.val.pos
	p.next()
	p.enter()
	x := p.parseNot()
	p.leave()
	return &UnaryOp{OpPos: pos, Op: "not", Operand: x}
}

// parseComparison parses a possibly chained comparison.
func (p *parser) parseComparison() Expr {
	x := p.parseBitOr()
	var cmp *Compare
	for {
		op, pos := "", p.val.pos
		switch p.tok {
		case LT, GT, LE, GE, EQL, NEQ, IN:
			op = p.tok.String()
			p.next()
		case IS:
			p.next()
			op = "is"
			if p.tok == NOT {
				p.next()
				op = "is not"
			}
		case NOT:
			if p.peek(1) != IN {
				return orCompare(x, cmp)
			}
			p.next()
			p.next()
			op = "not in"
		default:
			return orCompare(x, cmp)
		}
		if cmp == nil {
			cmp = &Compare{Left: x}
		}
		cmp.Ops = append(cmp.Ops, op)
		cmp.OpPos = append(cmp.OpPos, pos)
		cmp.Comparators = append(cmp.Comparators, p.parseBitOr())
	}
}

func orCompare(x Expr, cmp *Compare) Expr {
	if cmp != nil {
		return cmp
	}
	return x
}

// binaryPrec returns the precedence of a binary operator token, or 0.
func binaryPrec(tok token) int {
	switch tok {
	case PIPE:
		return 1
	case CIRCUMFLEX:
		return 2
	case AMP:
		return 3
	case LTLT, GTGT:
		return 4
	case PLUS, MINUS:
		return 5
	case STAR, SLASH, SLASHSLASH, PERCENT, AT:
		return 6
	}
	return 0
}

// parseBitOr parses a bitwise_or: a binary expression without comparisons.
func (p *parser) parseBitOr() Expr { return p.parseBinary(1) }

// parseBinary parses left-associative binary operators of precedence at
// least minPrec, by precedence climbing.
func (p *parser) parseBinary(minPrec int) Expr {
	x := p.parseFactor()
	for {
		prec := binaryPrec(p.tok)
		if prec < minPrec || prec == 0 {
			return x
		}
		op, pos := p.tok.String(), p.val.pos
		p.next()
		y := p.parseBinary(prec + 1)
		x = &BinOp{Left: x, Op: op, OpPos: pos, Right: y}
	}
}

// parseFactor parses unary + - ~ and powers.
func (p *parser) parseFactor() Expr {
	switch p.tok {
	case PLUS, MINUS, TILDE:
		op, pos := p.tok.String(), p.val.pos
		p.next()
		p.enter()
		x := p.parseFactor()
		p.leave()
		return &UnaryOp{OpPos: pos, Op: op, Operand: x}
	}
	return p.parsePower()
}

// parsePower parses `primary ** factor`; ** is right-associative and binds
// tighter than a unary operator on its left: -2**2 is -(2**2).
func (p *parser) parsePower() Expr {
	x := p.parsePrimary()
	if p.tok != STARSTAR {
		return x
	}
	pos := p.val.pos
	p.next()
	p.enter()
	y := p.parseFactor()
	p.leave()
	return &BinOp{Left: x, Op: "**", OpPos: pos, Right: y}
}

// parsePrimary parses an atom followed by attributes, calls and subscripts.
func (p *parser) parsePrimary() Expr {
	if p.tok == AWAIT {
		p.unsupported(p.val.pos, "`await`")
	}
	x := p.parseAtom()
	for {
		switch p.tok {
		case DOT:
			p.next()
			name, pos := p.expectName()
			x = &Attribute{Value: x, AttrPos: pos, End: p.prevEnd, Attr: name}
		case LPAREN:
			x = p.parseCall(x)
		case LBRACK:
			x = p.parseSubscript(x)
		default:
			return x
		}
	}
}

// parseAtom parses a name, literal or display.
func (p *parser) parseAtom() Expr {
	pos, end := p.val.pos, p.val.end
	switch p.tok {
	case NAME:
		name := p.val.raw
		p.next()
		return &Name{NamePos: pos, End: end, Id: name}
	case NONE, TRUE, FALSE:
		value := p.tok.String()
		p.next()
		return &NameConst{ValuePos: pos, End: end, Value: value}
	case INT:
		x := &Int{ValuePos: pos, End: end, Small: p.val.int, Big: p.val.bigInt}
		p.next()
		return x
	case FLOAT:
		x := &Float{ValuePos: pos, End: end, Value: p.val.float}
		p.next()
		return x
	case STRING:
		return p.parseStrings()
	case LPAREN:
		return p.parseParen()
	case LBRACK:
		return p.parseList()
	case LBRACE:
		return p.parseBrace()
	case ELLIPSIS:
		p.unsupported(pos, "`...` (Ellipsis)")
	case YIELD:
		p.parseYield()
	}
	p.syntaxError()
	panic("unreachable")
}

// expectClose checks that the current token is the closer of a display
// or argument list whose last element was last, diagnosing a missing
// comma as CPython does. It does not consume the closer.
func (p *parser) expectClose(closer token, last Expr) {
	if p.tok == closer {
		return
	}
	if last != nil && startsOperand(p.tok) {
		p.missingComma(last)
	}
	p.syntaxError()
}

// missingComma reports CPython's "Perhaps you forgot a comma?" for the
// expression x, which is followed by the start of another expression
// inside brackets. As in CPython, it does not apply if x is a name
// followed by a string, if x begins with a soft keyword, or if x is a
// conditional expression.
func (p *parser) missingComma(x Expr) {
	if _, ok := x.(*IfExp); ok {
		return
	}
	if name, ok := x.(*Name); ok {
		switch {
		case name.Id == "print" || name.Id == "exec":
			p.errorf(name.NamePos, "Missing parentheses in call to '%s'. Did you mean %s(...)?", name.Id, name.Id)
		case p.tok == STRING:
			return
		}
	}
	if name, ok := leftmost(x).(*Name); ok && isSoftKeyword(name.Id) {
		return
	}
	// Like CPython, parse the following expression before deciding: the
	// diagnosis needs it to be valid, and how far the parser read matters
	// when an unclosed bracket is found later (see finalError).
	pos, end := p.val.pos, p.val.end
	if !p.try(func() { p.parseTest0() }, false) {
		p.errorf(pos, "invalid syntax")
	}
	p.fail(SyntaxError, start(x), end, "invalid syntax. Perhaps you forgot a comma?")
}

// leftmost returns the leftmost operand of x.
func leftmost(x Expr) Expr {
	for {
		switch e := x.(type) {
		case *BinOp:
			x = e.Left
		case *BoolOp:
			x = e.Values[0]
		case *Compare:
			x = e.Left
		case *IfExp:
			x = e.Body
		case *Call:
			x = e.Func
		case *Attribute:
			x = e.Value
		case *Subscript:
			x = e.Value
		default:
			return x
		}
	}
}

// isSoftKeyword reports whether CPython 3.12 treats name as a soft keyword
// when deciding whether to suggest a missing comma. Its check accepts any
// prefix of a soft keyword, so "t" and "ma" count too.
func isSoftKeyword(name string) bool {
	for _, kw := range [...]string{"match", "case", "type", "_"} {
		if name != "" && strings.HasPrefix(kw, name) {
			return true
		}
	}
	return false
}

// parseParen parses a parenthesized expression, tuple or generator expression.
func (p *parser) parseParen() Expr {
	lparen := p.val.pos
	p.next()
	switch p.tok {
	case RPAREN:
		p.next()
		return &Tuple{Lparen: lparen, End: p.prevEnd}
	case YIELD:
		p.parseYield()
	}
	first := p.parseStarOrTest()
	if p.tok == FOR {
		p.checkComprehensionElt(first)
		gens := p.parseComprehensions()
		p.expectClose(RPAREN, nil)
		p.next()
		return &GeneratorExp{Lparen: lparen, End: p.prevEnd, Elt: first, Generators: gens}
	}
	if p.tok == RPAREN {
		if star, ok := first.(*Starred); ok {
			p.errorf(star.Star, "cannot use starred expression here")
		}
		p.next()
		return first
	}
	elts, last := p.parseElts([]Expr{first}, RPAREN)
	p.expectClose(RPAREN, last)
	p.next()
	return &Tuple{Lparen: lparen, End: p.prevEnd, Elts: elts}
}

// parseElts parses the rest of a comma-separated display after its first
// elements, up to closer (which is not consumed). It returns the elements
// and the last element parsed.
func (p *parser) parseElts(elts []Expr, closer token) ([]Expr, Expr) {
	last := elts[len(elts)-1]
	for p.tok == COMMA {
		p.next()
		if p.tok == closer {
			break
		}
		last = p.parseStarOrTest()
		elts = append(elts, last)
	}
	return elts, last
}

// parseList parses a list display or comprehension.
func (p *parser) parseList() Expr {
	lbrack := p.val.pos
	p.next()
	if p.tok == RBRACK {
		p.next()
		return &List{Lbrack: lbrack, End: p.prevEnd}
	}
	first := p.parseStarOrTest()
	if p.tok == FOR {
		p.checkComprehensionElt(first)
		gens := p.parseComprehensions()
		p.expectClose(RBRACK, nil)
		p.next()
		return &ListComp{Lbrack: lbrack, End: p.prevEnd, Elt: first, Generators: gens}
	}
	elts, last := p.parseElts([]Expr{first}, RBRACK)
	p.expectClose(RBRACK, last)
	p.next()
	return &List{Lbrack: lbrack, End: p.prevEnd, Elts: elts}
}

// checkComprehensionElt rejects `*x` as the element of a comprehension.
func (p *parser) checkComprehensionElt(elt Expr) {
	if star, ok := elt.(*Starred); ok {
		p.errorSpan(star, "iterable unpacking cannot be used in comprehension")
	}
}

// parseBrace parses a dict or set display or comprehension.
func (p *parser) parseBrace() Expr {
	lbrace := p.val.pos
	p.next()
	switch p.tok {
	case RBRACE:
		p.next()
		return &Dict{Lbrace: lbrace, End: p.prevEnd}
	case STARSTAR:
		return p.parseDict(lbrace, nil, nil)
	}
	first := p.parseStarOrTest()
	if p.tok == COLON {
		return p.parseDict(lbrace, first, p.parseDictValue())
	}
	if p.tok == FOR {
		p.checkComprehensionElt(first)
		gens := p.parseComprehensions()
		p.expectClose(RBRACE, nil)
		p.next()
		return &SetComp{Lbrace: lbrace, End: p.prevEnd, Elt: first, Generators: gens}
	}
	elts, last := p.parseElts([]Expr{first}, RBRACE)
	p.expectClose(RBRACE, last)
	p.next()
	return &Set{Lbrace: lbrace, End: p.prevEnd, Elts: elts}
}

// parseDict parses the rest of a dict display or comprehension after its
// first key and value, if they have been parsed (key is nil otherwise).
func (p *parser) parseDict(lbrace Pos, key, value Expr) Expr {
	if key != nil && p.tok == FOR {
		gens := p.parseComprehensions()
		p.expectClose(RBRACE, nil)
		p.next()
		return &DictComp{Lbrace: lbrace, End: p.prevEnd, Key: key, Value: value, Generators: gens}
	}
	d := &Dict{Lbrace: lbrace}
	for {
		if value == nil {
			if p.tok == RBRACE {
				break
			}
			key, value = p.parseDictItem()
		}
		d.Keys, d.Values = append(d.Keys, key), append(d.Values, value)
		if p.tok != COMMA {
			p.expectClose(RBRACE, value)
			break
		}
		p.next()
		key, value = nil, nil
	}
	p.next()
	d.End = p.prevEnd
	return d
}

// parseDictItem parses `key: value` or `**value` (returning a nil key)
// after the first item of a dict display.
func (p *parser) parseDictItem() (key, value Expr) {
	if p.tok == STARSTAR {
		pos := p.val.pos
		p.next()
		value = p.parseBitOr()
		if p.tok == FOR {
			p.errorf(pos, "dict unpacking cannot be used in dict comprehension")
		}
		return nil, value
	}
	key = p.parseTest0()
	if p.tok != COLON {
		end := end(key) // CPython points at the last character of the key
		p.errorf(Pos{end.Line, max(end.Col-1, 1)}, "':' expected after dictionary key")
	}
	return key, p.parseDictValue()
}

// parseDictValue parses the ':' and value of a dict item.
func (p *parser) parseDictValue() Expr {
	colon := p.val.pos
	p.next()
	if p.tok == COMMA || p.tok == RBRACE {
		p.errorf(colon, "expression expected after dictionary key and ':'")
	}
	return p.parseTest()
}

// parseComprehensions parses one or more `for ... in ... if ...` clauses.
func (p *parser) parseComprehensions() []*Comprehension {
	var gens []*Comprehension
	for p.tok == FOR || p.tok == ASYNC {
		if p.tok == ASYNC {
			p.unsupported(p.val.pos, "`async`")
		}
		c := &Comprehension{ForPos: p.val.pos}
		p.next()
		c.Target = p.parseTargets()
		p.checkTarget(c.Target)
		p.expect(IN)
		c.Iter = p.parseOr()
		for p.tok == IF {
			p.next()
			c.Ifs = append(c.Ifs, p.parseOr())
		}
		gens = append(gens, c)
	}
	return gens
}

// parseTargets parses the target list of a for loop or comprehension:
// comma-separated targets, returned as a *Tuple if there is a comma.
// Targets are parsed as bitwise_or expressions so that `in` ends them;
// checkTarget then validates them.
func (p *parser) parseTargets() Expr {
	first := p.parseTarget()
	if p.tok != COMMA {
		return first
	}
	elts := []Expr{first}
	for p.tok == COMMA {
		p.next()
		if !startsExpr(p.tok) {
			break
		}
		elts = append(elts, p.parseTarget())
	}
	return &Tuple{Lparen: start(first), End: p.prevEnd, Elts: elts}
}

// parseTarget parses one assignment target, possibly starred.
func (p *parser) parseTarget() Expr {
	if p.tok == STAR {
		pos := p.val.pos
		p.next()
		return &Starred{Star: pos, Value: p.parseBitOr()}
	}
	return p.parseBitOr()
}

// parseCall parses the argument list of a call of fn.
func (p *parser) parseCall(fn Expr) Expr {
	call := &Call{Func: fn, Lparen: p.val.pos}
	p.next()
	var last Expr             // last argument parsed, for the missing-comma diagnosis
	var kwSeen, kwUnpack bool // seen `k=v`, seen `**kw`
	var names map[string]bool // keyword argument names
	misplaced := ""           // error about a positional argument, reported at the ')'
	for p.tok != RPAREN {
		switch {
		case p.tok == STAR:
			pos := p.val.pos
			p.next()
			if kwUnpack {
				p.errorf(pos, "iterable argument unpacking follows keyword argument unpacking")
			}
			last = &Starred{Star: pos, Value: p.parseTest()}
			call.Args = append(call.Args, last)
		case p.tok == STARSTAR:
			pos := p.val.pos
			p.next()
			last = p.parseTest()
			call.Keywords = append(call.Keywords, &Keyword{ArgPos: pos, Value: last})
			kwUnpack = true
		case p.tok == NAME && p.peek(1) == EQ:
			name, pos := p.val.raw, p.val.pos
			p.next()
			p.next()
			if p.tok == COMMA || p.tok == RPAREN {
				p.errorf(pos, "expected argument value expression")
			}
			if names[name] {
				p.deferf(pos, "keyword argument repeated: %s", name)
			}
			if names == nil {
				names = make(map[string]bool)
			}
			names[name] = true
			last = p.parseTest()
			call.Keywords = append(call.Keywords, &Keyword{ArgPos: pos, Arg: name, Value: last})
			kwSeen = true
		default:
			last = p.parseArg(call)
			switch {
			case misplaced != "":
			case kwUnpack:
				misplaced = "positional argument follows keyword argument unpacking"
			case kwSeen:
				misplaced = "positional argument follows keyword argument"
			}
		}
		if p.tok != COMMA {
			break
		}
		p.next()
	}
	p.expectClose(RPAREN, last)
	if misplaced != "" {
		p.errorf(p.val.pos, "%s", misplaced)
	}
	p.next()
	call.End = p.prevEnd
	return call
}

// parseArg parses a positional argument of call, which may be a bare
// generator expression if it is the only argument.
func (p *parser) parseArg(call *Call) Expr {
	x := p.parseTest0()
	if startsOperand(p.tok) {
		p.missingComma(x)
	}
	switch p.tok {
	case FOR:
		gens := p.parseComprehensions()
		if len(call.Args) > 0 || len(call.Keywords) > 0 || p.tok == COMMA {
			p.errorSpan(x, "Generator expression must be parenthesized")
		}
		x = &GeneratorExp{Lparen: call.Lparen, Elt: x, Generators: gens}
		if p.tok == RPAREN {
			x.(*GeneratorExp).End = p.val.end
		}
	case EQ:
		if c, ok := x.(*NameConst); ok {
			p.errorSpan(x, "cannot assign to %s", c.Value)
		}
		p.errorSpan(x, `expression cannot contain assignment, perhaps you meant "=="?`)
	}
	call.Args = append(call.Args, x)
	return x
}

// parseSubscript parses `[slices]` after value.
func (p *parser) parseSubscript(value Expr) Expr {
	x := &Subscript{Value: value, Lbrack: p.val.pos}
	p.next()
	first := p.parseSlice()
	last := first
	if p.tok == COMMA {
		elts := []Expr{first}
		for p.tok == COMMA {
			p.next()
			if p.tok == RBRACK {
				break
			}
			last = p.parseSlice()
			elts = append(elts, last)
		}
		first = &Tuple{Lparen: start(first), End: p.prevEnd, Elts: elts}
	}
	p.expectClose(RBRACK, last)
	p.next()
	x.Slice, x.End = first, p.prevEnd
	return x
}

// parseSlice parses an index or `lower:upper:step`.
func (p *parser) parseSlice() Expr {
	if p.tok == STAR {
		return p.parseStarOrTest()
	}
	var lower Expr
	if p.tok != COLON {
		lower = p.parseTest()
		if p.tok != COLON {
			return lower
		}
	}
	s := &Slice{Colon: p.val.pos, Lower: lower}
	p.next()
	if p.tok != COLON && p.tok != COMMA && p.tok != RBRACK {
		s.Upper = p.parseTest()
	}
	if p.tok == COLON {
		p.next()
		if p.tok != COMMA && p.tok != RBRACK {
			s.Step = p.parseTest()
		}
	}
	s.End = p.prevEnd
	return s
}

// parseStrings parses adjacent string literals, concatenating them into
// a *Str, *Bytes or *JoinedStr.
func (p *parser) parseStrings() Expr {
	pos := p.val.pos
	var lits []*literal
	hasBytes, hasStr, hasF := false, false, false
	for p.tok == STRING {
		lit := p.val.lit
		lits = append(lits, lit)
		hasBytes = hasBytes || lit.kind == bytesLit
		hasStr = hasStr || lit.kind != bytesLit
		hasF = hasF || lit.kind == fstringLit
		p.next()
	}
	end := p.prevEnd
	if hasBytes && hasStr {
		p.errorf(p.val.pos, "cannot mix bytes and nonbytes literals")
	}
	if !hasF {
		var value string
		for _, lit := range lits {
			value += lit.value
		}
		if hasBytes {
			return &Bytes{ValuePos: pos, End: end, Value: value}
		}
		return &Str{ValuePos: pos, End: end, Value: value}
	}
	js := &JoinedStr{ValuePos: pos, End: end}
	for _, lit := range lits {
		if lit.kind == fstringLit {
			p.joinParts(js, lit.parts)
		} else {
			p.appendText(js, lit.value, pos, end)
		}
	}
	return js
}

// joinParts appends f-string parts to js, parsing the field expressions.
func (p *parser) joinParts(js *JoinedStr, parts []fpart) {
	for _, part := range parts {
		if part.field == nil {
			p.appendText(js, part.text, part.pos, part.end)
			continue
		}
		f := part.field
		if f.debug != "" {
			p.appendText(js, f.debug, part.pos, part.end)
		}
		fv := &FormattedValue{ValuePos: part.pos, End: part.end, Value: p.parseField(f), Conversion: f.conv}
		if f.hasSpec {
			fv.Spec = &JoinedStr{ValuePos: part.pos, End: part.end}
			p.joinParts(fv.Spec, f.spec)
		}
		js.Values = append(js.Values, fv)
	}
}

// appendText appends literal text to js, merging it with preceding text.
func (p *parser) appendText(js *JoinedStr, text string, pos, end Pos) {
	if text == "" {
		return
	}
	if n := len(js.Values); n > 0 {
		if s, ok := js.Values[n-1].(*Str); ok {
			s.Value += text
			s.End = end
			return
		}
	}
	js.Values = append(js.Values, &Str{ValuePos: pos, End: end, Value: text})
}

// parseField parses the expression of an f-string replacement field with
// a parser of its own, which inherits this one's nesting depth.
func (p *parser) parseField(f *ffield) Expr {
	sub := newParser(p.filename, p.src[:f.exprEnd], f.exprStart, f.exprPos)
	sub.sc.field = true
	sub.field = true
	sub.depth = p.depth + 1
	sub.inFunc, sub.atModule, sub.loops = p.inFunc, p.atModule, p.loops
	sub.next()
	x := sub.parseStarExprs()
	if sub.tok != EOF {
		sub.expectClose(EOF, x)
	}
	if star, ok := x.(*Starred); ok {
		p.errorf(star.Star, "can't use starred expression here")
	}
	if sub.deferred != nil && p.deferred == nil {
		p.deferred = sub.deferred
	}
	return x
}
