package syntax

// This file defines the checks on assignment, augmented assignment and
// del targets, and on starred expressions, with CPython's messages.

// exprName describes the kind of e as CPython's error messages do,
// e.g. "function call" or "literal".
func exprName(e Expr) string {
	switch e := e.(type) {
	case *Attribute:
		return "attribute"
	case *Subscript:
		return "subscript"
	case *Starred:
		return "starred"
	case *Name:
		return "name"
	case *List:
		return "list"
	case *Tuple:
		return "tuple"
	case *Lambda:
		return "lambda"
	case *Call:
		return "function call"
	case *BoolOp, *BinOp, *UnaryOp:
		return "expression"
	case *GeneratorExp:
		return "generator expression"
	case *ListComp:
		return "list comprehension"
	case *SetComp:
		return "set comprehension"
	case *DictComp:
		return "dict comprehension"
	case *Dict:
		return "dict literal"
	case *Set:
		return "set display"
	case *JoinedStr, *FormattedValue:
		return "f-string expression"
	case *NameConst:
		if e.Value == "..." {
			return "ellipsis"
		}
		return e.Value
	case *Compare:
		return "comparison"
	case *IfExp:
		return "conditional expression"
	case *Slice:
		return "slice"
	case *Yield, *YieldFrom:
		return "yield expression"
	}
	return "literal"
}

// bitwiseOrLevel reports whether e is an expression of CPython's
// bitwise_or rule or tighter, i.e. not a comparison, not, and, or,
// conditional expression, lambda or starred expression.
func bitwiseOrLevel(e Expr) bool {
	switch e := e.(type) {
	case *Compare, *BoolOp, *IfExp, *Lambda, *Starred:
		return false
	case *UnaryOp:
		return e.Op != "not"
	}
	return true
}

// invalidTarget returns the first part of the target e that cannot be
// assigned to, or nil.
func invalidTarget(e Expr) Expr {
	switch e := e.(type) {
	case *Name, *Attribute, *Subscript:
		return nil
	case *Tuple:
		return firstInvalid(e.Elts)
	case *List:
		return firstInvalid(e.Elts)
	case *Starred:
		return invalidTarget(e.Value)
	}
	return e
}

func firstInvalid(elts []Expr) Expr {
	for _, elt := range elts {
		if bad := invalidTarget(elt); bad != nil {
			return bad
		}
	}
	return nil
}

// checkTarget checks the target of a for loop, comprehension or with item.
func (p *parser) checkTarget(t Expr) {
	if bad := invalidTarget(t); bad != nil {
		p.errorSpan(bad, "cannot assign to %s", exprName(bad))
	}
	p.checkStarredTargets(t, true)
}

// invalidAssignment reports bad, an invalid part of a target in the
// assignment chain `exprs[0] = exprs[1] = ...`, with the message CPython
// chooses. Its invalid_named_expression rule, which looks at the end of
// the first target and at what follows the first '=', takes precedence
// over its invalid_assignment rule: so `a, f() = 1` gets the hint that
// '==' may have been meant.
func (p *parser) invalidAssignment(exprs []Expr, bad Expr) {
	for _, e := range exprs[:len(exprs)-1] {
		switch e.(type) {
		case *Yield, *YieldFrom:
			p.errorSpan(e, "assignment to yield expression not possible")
		}
	}
	last, next := lastElt(exprs[0]), exprs[1]
	followedByEq := len(exprs) > 2 && !isBareTuple(next)
	if !followedByEq && bitwiseOrLevel(firstElt(next)) {
		switch last.(type) {
		case *Name:
			p.errorSpan(last, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
		case *List, *Tuple, *GeneratorExp:
		default:
			if c, ok := last.(*NameConst); ok && c.Value != "..." {
				break
			}
			if bitwiseOrLevel(last) {
				p.errorSpan(last, "cannot assign to %s here. Maybe you meant '==' instead of '='?", exprName(last))
			}
		}
	}
	p.errorSpan(bad, "cannot assign to %s", exprName(bad))
}

// isBareTuple reports whether e is a tuple written without parentheses.
func isBareTuple(e Expr) bool {
	t, ok := e.(*Tuple)
	return ok && len(t.Elts) > 0 && t.Lparen == start(t.Elts[0])
}

// firstElt returns the first element of a bare tuple, or e.
func firstElt(e Expr) Expr {
	if isBareTuple(e) {
		return e.(*Tuple).Elts[0]
	}
	return e
}

// lastElt returns the last element of a bare tuple, or e.
func lastElt(e Expr) Expr {
	if isBareTuple(e) {
		elts := e.(*Tuple).Elts
		return elts[len(elts)-1]
	}
	return e
}

// checkStarredTargets checks the starred expressions of a valid target:
// a target list may contain at most one, and a target cannot be starred
// on its own. (CPython's compiler reports these, so they are deferred.)
func (p *parser) checkStarredTargets(t Expr, top bool) {
	var elts []Expr
	switch t := t.(type) {
	case *Starred:
		if top {
			p.deferf(t.Star, "starred assignment target must be in a list or tuple")
		}
		p.checkStarredTargets(t.Value, true)
		return
	case *Tuple:
		elts = t.Elts
	case *List:
		elts = t.Elts
	default:
		return
	}
	stars := 0
	for _, elt := range elts {
		if _, ok := elt.(*Starred); ok {
			stars++
		}
		p.checkStarredTargets(elt, false)
	}
	if stars > 1 {
		p.deferf(start(t), "multiple starred expressions in assignment")
	}
}

// checkAugTarget checks the target of an augmented assignment.
func (p *parser) checkAugTarget(t Expr) {
	switch t.(type) {
	case *Name, *Attribute, *Subscript:
		return
	}
	p.errorSpan(t, "'%s' is an illegal expression for augmented assignment", exprName(t))
}

// checkDelTarget checks a target of a del statement.
func (p *parser) checkDelTarget(t Expr) {
	switch t := t.(type) {
	case *Name, *Attribute, *Subscript:
	case *Tuple:
		for _, elt := range t.Elts {
			p.checkDelTarget(elt)
		}
	case *List:
		for _, elt := range t.Elts {
			p.checkDelTarget(elt)
		}
	default:
		p.errorSpan(t, "cannot delete %s", exprName(t))
	}
}

// checkNotStarred rejects a starred expression used as a value on its
// own, as in `x = *a` (CPython's compiler reports it, so it is deferred).
func (p *parser) checkNotStarred(e Expr) {
	if star, ok := e.(*Starred); ok {
		p.deferf(star.Star, "can't use starred expression here")
	}
}
