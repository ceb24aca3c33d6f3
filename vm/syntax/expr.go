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
		return p.parseYield()
	}
	return p.parseCommaList(p.parseStarOrTest)
}

// parseCommaList parses elements separated by commas (a trailing comma allowed):
// one element without a comma is returned as is, otherwise a *Tuple.
func (p *parser) parseCommaList(elem func() Expr) Expr {
	first := elem()
	if p.tok != COMMA {
		return first
	}
	elts := []Expr{first}
	for p.tok == COMMA {
		p.next()
		if !startsExpr(p.tok) {
			break
		}
		elts = append(elts, elem())
	}
	return &Tuple{Lparen: start(first), End: p.prevEnd, Elts: elts}
}

// parseStarred parses `*expr` (expr a bitwise_or), or else what parse parses.
func (p *parser) parseStarred(parse func() Expr) Expr {
	if p.tok == STAR {
		pos := p.val.pos
		p.next()
		x := p.parseBitOr()
		return &Starred{Star: pos, End: end(x), Value: x}
	}
	return parse()
}

// parseStarOrTest parses an expression or `*expr`.
func (p *parser) parseStarOrTest() Expr { return p.parseStarred(p.parseTest) }

// parseYield parses a yield expression: `yield`, `yield x, y` or `yield from x`.
// The resolver checks that it is inside a function.
func (p *parser) parseYield() Expr {
	pos, kwEnd := p.val.pos, p.val.end
	p.next()
	if p.tok == FROM {
		p.next()
		x := p.parseTest()
		return &YieldFrom{KwPos: pos, End: end(x), Value: x}
	}
	if !startsExpr(p.tok) || p.tok == YIELD {
		return &Yield{KwPos: pos, End: kwEnd}
	}
	x := p.parseCommaList(p.parseStarOrTest)
	p.checkNotStarred(x)
	return &Yield{KwPos: pos, End: end(x), Value: x}
}

// parseTest parses an expression: a lambda, a conditional expression, or
// a disjunction. Inside brackets, an expression followed by '=' or by the
// start of another expression gets CPython's diagnosis.
func (p *parser) parseTest() Expr {
	x := p.parseTest0()
	if p.val.nested {
		if p.tok == EQ {
			p.misplacedEq(x, p.val.pos)
		}
		if startsOperand(p.tok) {
			p.missingComma(x)
		}
	}
	return x
}

// parseValue is parseTest without the diagnosis of '=', for contexts
// where CPython does not expect a named expression, such as dict values.
func (p *parser) parseValue() Expr {
	x := p.parseTest0()
	if p.val.nested && startsOperand(p.tok) {
		p.missingComma(x)
	}
	return x
}

// parseNamed parses with parse an expression that may be an assignment
// expression `name := value`: a condition, an element of a display, a call's
// positional argument, a subscript. Elsewhere `:=` needs parentheses.
func (p *parser) parseNamed(parse func() Expr) Expr {
	p.named = true
	x := parse()
	p.named = false
	return x
}

// parseTest0 is parseTest without the diagnoses.
func (p *parser) parseTest0() Expr {
	named := p.named
	p.named = false
	p.enter()
	defer p.leave()
	if p.tok == LAMBDA {
		return p.parseLambda()
	}
	x := p.parseOr()
	if p.tok == IF {
		p.next()
		test := p.parseOr()
		if p.tok != ELSE && p.tok != COLON {
			p.errorSpan(x, "expected 'else' after 'if' expression")
		}
		p.expect(ELSE)
		orelse := p.parseValue()
		x = &IfExp{Start: start(x), End: end(orelse), Test: test, Body: x, OrElse: orelse}
	}
	if p.tok == COLONEQ {
		return p.parseNamedExpr(x, named)
	}
	return x
}

// parseNamedExpr parses the rest of `target := value`.
func (p *parser) parseNamedExpr(x Expr, allowed bool) Expr {
	if !allowed {
		p.fail(SyntaxError, p.val.pos, p.val.end, "invalid syntax")
	}
	name, ok := x.(*Name)
	if !ok {
		p.errorSpan(x, "cannot use assignment expressions with %s", exprName(x))
	}
	p.next()
	value := p.parseTest()
	return &NamedExpr{Start: start(x), End: end(value), Target: name, Value: value}
}

// parseCondition parses the test of an if, elif or while statement,
// diagnosing `if x = 1:` as CPython does.
func (p *parser) parseCondition() Expr {
	x := p.parseNamed(p.parseTest)
	if p.tok == EQ {
		p.misplacedEq(x, p.val.pos)
	}
	return x
}

func (p *parser) parseLambda() Expr {
	pos := p.val.pos
	p.next()
	args := p.parseParams(COLON)
	p.expect(COLON)
	body := p.parseTest()
	return &Lambda{LambdaPos: pos, End: end(body), Args: args, Body: body}
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
	return boolOp("or", values)
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
	return boolOp("and", values)
}

func boolOp(op string, values []Expr) *BoolOp {
	return &BoolOp{Start: start(values[0]), End: end(values[len(values)-1]), Op: op, Values: values}
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
	return &UnaryOp{OpPos: pos, End: end(x), Op: "not", Operand: x}
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
		cmp.Start, cmp.End = start(cmp.Left), end(cmp.Comparators[len(cmp.Comparators)-1])
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
		x = binOp(x, op, pos, y)
	}
}

func binOp(x Expr, op string, pos Pos, y Expr) *BinOp {
	return &BinOp{Start: start(x), End: end(y), Left: x, Op: op, OpPos: pos, Right: y}
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
		return &UnaryOp{OpPos: pos, End: end(x), Op: op, Operand: x}
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
	return binOp(x, "**", pos, y)
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
			x = &Attribute{Start: start(x), Value: x, AttrPos: pos, End: p.prevEnd, Attr: name}
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
		if p.val.raw != "" {
			p.errorf(pos, "Exceeds the limit (%d digits) for integer string conversion: value has %d digits; "+
				"use sys.set_int_max_str_digits() to increase the limit - "+
				"Consider hexadecimal for huge integer literals to avoid decimal conversion limits.", maxIntDigits, len(p.val.raw))
		}
		x := &Int{ValuePos: pos, End: end, Small: p.val.int, Big: p.val.bigInt}
		p.next()
		return x
	case FLOAT:
		x := &Float{ValuePos: pos, End: end, Value: p.val.float, Imag: p.val.imag}
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
		p.next()
		return &NameConst{ValuePos: pos, End: p.prevEnd, Value: "..."}
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

// parseParen parses a parenthesized expression, tuple or generator expression.
func (p *parser) parseParen() Expr {
	lparen := p.val.pos
	p.next()
	switch p.tok {
	case RPAREN:
		p.next()
		return &Tuple{Lparen: lparen, End: p.prevEnd}
	case YIELD:
		y := p.parseYield()
		p.expectClose(RPAREN, y)
		p.next()
		return y
	}
	first := p.parseNamed(p.parseStarOrTest)
	if p.atComprehension() {
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
		last = p.parseNamed(p.parseStarOrTest)
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
	first := p.parseNamed(p.parseStarOrTest)
	if p.atComprehension() {
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
	first := p.parseNamed(p.parseStarOrTest)
	if p.tok == COLON {
		return p.parseDict(lbrace, first, p.parseDictValue())
	}
	if p.atComprehension() {
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
		if p.atComprehension() {
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
	return p.parseValue()
}

// atComprehension reports whether a comprehension clause begins here.
func (p *parser) atComprehension() bool {
	return p.tok == FOR || p.tok == ASYNC && p.peek(1) == FOR
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
func (p *parser) parseTargets() Expr { return p.parseCommaList(p.parseTarget) }

// parseTarget parses one assignment target, possibly starred.
func (p *parser) parseTarget() Expr { return p.parseStarred(p.parseBitOr) }

// parseCall parses the argument list of a call of fn.
func (p *parser) parseCall(fn Expr) Expr {
	call := &Call{Start: start(fn), Func: fn, Lparen: p.val.pos}
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
			value := p.parseValue()
			last = &Starred{Star: pos, End: end(value), Value: value}
			call.Args = append(call.Args, last)
		case p.tok == STARSTAR:
			pos := p.val.pos
			p.next()
			last = p.parseValue()
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
			last = p.parseValue()
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
	if misplaced != "" {
		p.errorf(p.val.pos, "%s", misplaced) // CPython reports it where the arguments end
	}
	p.expectClose(RPAREN, last)
	p.next()
	call.End = p.prevEnd
	return call
}

// parseArg parses a positional argument of call, which may be a bare
// generator expression if it is the only argument.
func (p *parser) parseArg(call *Call) Expr {
	p.named = true
	x := p.parseTest0()
	if startsOperand(p.tok) {
		p.missingComma(x)
	}
	switch p.tok {
	case FOR, ASYNC:
		gens := p.parseComprehensions()
		if len(call.Args) > 0 || len(call.Keywords) > 0 || p.tok == COMMA {
			p.errorSpan(x, "Generator expression must be parenthesized")
		}
		x = &GeneratorExp{Lparen: call.Lparen, Elt: x, Generators: gens}
		if p.tok == RPAREN {
			x.(*GeneratorExp).End = p.val.end
		}
	case EQ:
		if c, ok := x.(*NameConst); ok && c.Value != "..." {
			p.errorSpan(x, "cannot assign to %s", c.Value)
		}
		p.errorSpan(x, `expression cannot contain assignment, perhaps you meant "=="?`)
	}
	call.Args = append(call.Args, x)
	return x
}

// parseSubscript parses `[slices]` after value.
func (p *parser) parseSubscript(value Expr) Expr {
	x := &Subscript{Start: start(value), Value: value, Lbrack: p.val.pos}
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
	if star, ok := first.(*Starred); ok {
		first = &Tuple{Lparen: star.Star, End: end(star), Elts: []Expr{star}} // a[*b] is a[(*b,)]
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
		lower = p.parseNamed(p.parseTest)
		if p.tok != COLON {
			return lower
		}
	}
	s := &Slice{Start: p.val.pos, Colon: p.val.pos, Lower: lower}
	if lower != nil {
		s.Start = start(lower)
	}
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
	var pieces []Pos // start and end of each literal
	hasBytes, hasStr, hasF := false, false, false
	for p.tok == STRING {
		lit := p.val.lit
		lits = append(lits, lit)
		pieces = append(pieces, p.val.pos, p.val.end)
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
		var b strings.Builder
		for _, lit := range lits {
			b.WriteString(lit.value)
		}
		if hasBytes {
			return &Bytes{ValuePos: pos, End: end, Value: b.String()}
		}
		return &Str{ValuePos: pos, End: end, Value: b.String()}
	}
	var j joiner
	for i, lit := range lits {
		if lit.kind == fstringLit {
			p.joinParts(&j, lit.parts)
		} else {
			j.addText(lit.value, pieces[2*i], pieces[2*i+1])
		}
	}
	return &JoinedStr{ValuePos: pos, End: end, Values: j.result()}
}

// joinParts adds f-string parts to j, parsing the field expressions.
func (p *parser) joinParts(j *joiner, parts []fpart) {
	for _, part := range parts {
		if part.field == nil {
			j.addText(part.text, part.pos, part.end)
			continue
		}
		f := part.field
		j.addText(f.debug, part.pos, part.end)
		fv := &FormattedValue{ValuePos: part.pos, End: part.end, Value: p.parseField(f), Conversion: f.conv}
		if f.hasSpec {
			var spec joiner
			p.joinParts(&spec, f.spec)
			fv.Spec = &JoinedStr{ValuePos: part.pos, End: part.end, Values: spec.result()}
		}
		j.add(fv)
	}
}

// A joiner accumulates the values of a JoinedStr, merging adjacent text
// into one *Str.
type joiner struct {
	values           []Expr
	text             strings.Builder
	textPos, textEnd Pos
}

func (j *joiner) addText(text string, pos, end Pos) {
	if text == "" {
		return
	}
	if j.text.Len() == 0 {
		j.textPos = pos
	}
	j.text.WriteString(text)
	j.textEnd = end
}

func (j *joiner) add(x Expr) {
	j.flush()
	j.values = append(j.values, x)
}

func (j *joiner) flush() {
	if j.text.Len() > 0 {
		j.values = append(j.values, &Str{ValuePos: j.textPos, End: j.textEnd, Value: j.text.String()})
		j.text.Reset()
	}
}

func (j *joiner) result() []Expr {
	j.flush()
	return j.values
}

// parseField parses the expression of an f-string replacement field with
// a parser of its own, which reads the tokens kept by the scanner and
// inherits this parser's nesting depth.
func (p *parser) parseField(f *ffield) Expr {
	sub := newParser(p.filename, nil, 0, f.endPos)
	sub.ahead = f.toks[:len(f.toks):len(f.toks)] // peek must not append to f.toks
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
