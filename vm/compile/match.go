// This file compiles the match statement (PEP 634) as CPython 3.12's compiler does
// (compiler_match and the compiler_pattern_* functions of Python/compile.c): the
// subject is copied for each case but the last, each pattern leaves the values it
// captures on the stack under whatever it still needs, and binds them only once the
// whole pattern has matched; a failure jumps to a chain of POP_TOPs that drops
// exactly what the pattern had pushed so far.

package compile

import (
	"fmt"
	"math/big"
	"slices"
	"strconv"

	"github.com/gilscope/gilscope/vm/syntax"
)

// patternContext is CPython's pattern_context.
type patternContext struct {
	stores           []string // names captured so far, in stack order
	allowIrrefutable bool     // an irrefutable pattern is allowed here
	failPop          []*label // failPop[n] pops n items, then falls to failPop[n-1]
	onTop            int      // items on top of the captured values to keep
}

func (c *compiler) matchStmt(s *syntax.Match) {
	c.expr(s.Subject)
	end := c.newLabel()
	cases := len(s.Cases)
	hasDefault := 0
	if syntax.IsWildcard(s.Cases[cases-1].Pattern) && cases > 1 {
		hasDefault = 1
	}
	for i, m := range s.Cases[:cases-hasDefault] {
		old := c.setPos(m.Pattern)
		last := i == cases-hasDefault-1
		if !last {
			c.emit(COPY, 1)
		}
		pc := &patternContext{allowIrrefutable: m.Guard != nil || i == cases-1}
		c.pattern(m.Pattern, pc)
		for _, name := range pc.stores {
			c.nameOp(name, ctxStore)
		}
		if m.Guard != nil {
			c.ensureFailPop(pc, 0)
			c.condJump(m.Guard, false, pc.failPop[0])
		}
		if !last {
			c.emit(POP_TOP, 0)
		}
		c.f.pos = old
		c.stmts(m.Body)
		if !c.f.dead {
			c.jump(JUMP_FORWARD, end)
		}
		c.setPos(m.Pattern)
		c.emitFailPop(pc)
		c.f.pos = old
	}
	if hasDefault == 1 {
		m := s.Cases[cases-1]
		old := c.setPos(m.Pattern)
		if cases == 1 {
			c.emit(POP_TOP, 0)
		} else {
			c.emit(NOP, 0)
		}
		if m.Guard != nil {
			c.condJump(m.Guard, false, end)
		}
		c.f.pos = old
		c.stmts(m.Body)
	}
	c.bind(end)
}

// patternError reports an error located at pattern p.
func (c *compiler) patternError(p syntax.Node, format string, args ...any) {
	c.setPos(p)
	c.failAt(c.f.pos, fmt.Sprintf(format, args...))
}

func (c *compiler) ensureFailPop(pc *patternContext, n int) {
	for len(pc.failPop) <= n {
		pc.failPop = append(pc.failPop, c.newLabel())
	}
}

// jumpToFailPop jumps (op) to the label that pops what the pattern has pushed.
func (c *compiler) jumpToFailPop(pc *patternContext, op Opcode) {
	pops := pc.onTop + len(pc.stores)
	c.ensureFailPop(pc, pops)
	c.jump(op, pc.failPop[pops])
}

// emitFailPop places the failure labels, each popping one item more than the next.
func (c *compiler) emitFailPop(pc *patternContext) {
	if len(pc.failPop) == 0 {
		return
	}
	for n := len(pc.failPop) - 1; n > 0; n-- {
		c.bind(pc.failPop[n])
		c.emit(POP_TOP, 0)
	}
	c.bind(pc.failPop[0])
	pc.failPop = nil
}

// rotate moves TOS down to the count-th position.
func (c *compiler) rotate(count int) {
	for ; count > 1; count-- {
		c.emit(SWAP, uint32(count))
	}
}

// storeName captures TOS as name ("" for a wildcard, which drops it).
func (c *compiler) storeName(p syntax.Node, name string, pc *patternContext) {
	if name == "" {
		c.emit(POP_TOP, 0)
		return
	}
	if slices.Contains(pc.stores, name) {
		c.patternError(p, "multiple assignments to name '%s' in pattern", name)
	}
	c.rotate(pc.onTop + len(pc.stores) + 1)
	pc.stores = append(pc.stores, name)
}

func (c *compiler) subpattern(p syntax.Pattern, pc *patternContext) {
	allow := pc.allowIrrefutable
	pc.allowIrrefutable = true
	c.pattern(p, pc)
	pc.allowIrrefutable = allow
}

func (c *compiler) pattern(p syntax.Pattern, pc *patternContext) {
	old := c.setPos(p)
	defer func() { c.f.pos = old }()
	if c.nesting++; c.nesting > maxNesting {
		c.patternError(p, "too many nested expressions")
	}
	defer func() { c.nesting-- }()
	switch p := p.(type) {
	case *syntax.MatchValue:
		c.expr(p.Value)
		c.compareOp("==")
		c.jumpToFailPop(pc, POP_JUMP_IF_FALSE)
	case *syntax.MatchSingleton:
		switch p.Value {
		case "None":
			c.loadConst(nil)
		case "True":
			c.loadConst(true)
		default:
			c.loadConst(false)
		}
		c.emit(IS_OP, 0)
		c.jumpToFailPop(pc, POP_JUMP_IF_FALSE)
	case *syntax.MatchAs:
		if p.Pattern == nil {
			if !pc.allowIrrefutable {
				if p.Name != "" {
					c.patternError(p, "name capture '%s' makes remaining patterns unreachable", p.Name)
				}
				c.patternError(p, "wildcard makes remaining patterns unreachable")
			}
			c.storeName(p, p.Name, pc)
			return
		}
		pc.onTop++
		c.emit(COPY, 1)
		c.pattern(p.Pattern, pc)
		pc.onTop--
		c.storeName(p, p.Name, pc)
	case *syntax.MatchStar:
		c.storeName(p, p.Name, pc)
	case *syntax.MatchSequence:
		c.sequencePattern(p, pc)
	case *syntax.MatchMapping:
		c.mappingPattern(p, pc)
	case *syntax.MatchClass:
		c.classPattern(p, pc)
	case *syntax.MatchOr:
		c.orPattern(p, pc)
	}
}

func isWildcardStar(p syntax.Pattern) bool {
	s, ok := p.(*syntax.MatchStar)
	return ok && s.Name == ""
}

func (c *compiler) sequencePattern(p *syntax.MatchSequence, pc *patternContext) {
	pats := p.Patterns
	size := len(pats)
	star := -1
	onlyWildcard, starWildcard := true, false
	for i, sub := range pats {
		if _, ok := sub.(*syntax.MatchStar); ok {
			if star >= 0 {
				c.patternError(p, "multiple starred names in sequence pattern")
			}
			starWildcard = isWildcardStar(sub)
			onlyWildcard = onlyWildcard && starWildcard
			star = i
			continue
		}
		onlyWildcard = onlyWildcard && syntax.IsWildcard(sub)
	}
	pc.onTop++
	c.emit(MATCH_SEQUENCE, 0)
	c.jumpToFailPop(pc, POP_JUMP_IF_FALSE)
	if star < 0 {
		c.emit(GET_LEN, 0)
		c.loadConst(int64(size))
		c.compareOp("==")
		c.jumpToFailPop(pc, POP_JUMP_IF_FALSE)
	} else if size > 1 {
		c.emit(GET_LEN, 0)
		c.loadConst(int64(size - 1))
		c.compareOp(">=")
		c.jumpToFailPop(pc, POP_JUMP_IF_FALSE)
	}
	pc.onTop--
	switch {
	case onlyWildcard:
		c.emit(POP_TOP, 0)
	case starWildcard:
		pc.onTop++
		for i, sub := range pats {
			if syntax.IsWildcard(sub) || i == star {
				continue
			}
			c.emit(COPY, 1)
			if i < star {
				c.loadConst(int64(i))
			} else {
				// The subject may not take negative indexes.
				c.emit(GET_LEN, 0)
				c.loadConst(int64(size - i))
				c.emit(BINARY_OP, uint32(binaryOpIndex("-")))
			}
			c.emit(BINARY_SUBSCR, 0)
			c.subpattern(sub, pc)
		}
		pc.onTop--
		c.emit(POP_TOP, 0)
	default:
		if star < 0 {
			c.emit(UNPACK_SEQUENCE, uint32(size))
		} else {
			c.emit(UNPACK_EX, uint32(star|(size-star-1)<<8))
		}
		pc.onTop += size
		for _, sub := range pats {
			pc.onTop--
			c.subpattern(sub, pc)
		}
	}
}

// constKey returns a mapping pattern key's value as a set would compare it, and
// whether it is a constant.
func constKey(e syntax.Expr) (string, bool) {
	switch e := e.(type) {
	case *syntax.Int:
		if e.Big != nil {
			return "n" + e.Big.String(), true
		}
		return "n" + strconv.FormatInt(e.Small, 10), true
	case *syntax.Float:
		if e.Imag {
			return "j" + strconv.FormatFloat(e.Value, 'g', -1, 64), true
		}
		if e.Value == float64(int64(e.Value)) {
			return "n" + strconv.FormatInt(int64(e.Value), 10), true
		}
		return "n" + strconv.FormatFloat(e.Value, 'g', -1, 64), true
	case *syntax.Str:
		return "s" + e.Value, true
	case *syntax.Bytes:
		return "b" + e.Value, true
	case *syntax.NameConst:
		switch e.Value {
		case "True":
			return "n1", true
		case "False":
			return "n0", true
		}
		return e.Value, true
	case *syntax.BinOp:
		l, lok := constKey(e.Left)
		r, rok := constKey(e.Right)
		return "c" + l + e.Op + r, lok && rok
	case *syntax.UnaryOp:
		k, ok := constKey(e.Operand)
		if !ok || k == "n0" {
			return k, ok
		}
		return "n-" + k[1:], true
	}
	return "", false
}

func (c *compiler) mappingPattern(p *syntax.MatchMapping, pc *patternContext) {
	size := len(p.Keys)
	pc.onTop++
	c.emit(MATCH_MAPPING, 0)
	c.jumpToFailPop(pc, POP_JUMP_IF_FALSE)
	if size == 0 && p.Rest == "" {
		pc.onTop--
		c.emit(POP_TOP, 0)
		return
	}
	if size > 0 {
		c.emit(GET_LEN, 0)
		c.loadConst(int64(size))
		c.compareOp(">=")
		c.jumpToFailPop(pc, POP_JUMP_IF_FALSE)
	}
	seen := map[string]bool{}
	for _, key := range p.Keys {
		if k, ok := constKey(key); ok {
			if seen[k] {
				c.patternError(p, "mapping pattern checks duplicate key (%s)", c.constRepr(key))
			}
			seen[k] = true
		} else if _, ok := key.(*syntax.Attribute); !ok {
			c.patternError(p, "mapping pattern keys may only match literals and attribute lookups")
		}
		c.expr(key)
	}
	c.emit(BUILD_TUPLE, uint32(size))
	c.emit(MATCH_KEYS, 0)
	pc.onTop += 2
	c.emit(COPY, 1)
	c.loadConst(nil)
	c.emit(IS_OP, 1)
	c.jumpToFailPop(pc, POP_JUMP_IF_FALSE)
	c.emit(UNPACK_SEQUENCE, uint32(size))
	pc.onTop += size - 1
	for _, sub := range p.Patterns {
		pc.onTop--
		c.subpattern(sub, pc)
	}
	pc.onTop -= 2
	if p.Rest != "" {
		// rest = dict(subject); del rest[key] for each key
		c.emit(BUILD_MAP, 0)
		c.emit(SWAP, 3)
		c.emit(DICT_UPDATE, 2)
		c.emit(UNPACK_SEQUENCE, uint32(size))
		for n := size; n > 0; n-- {
			c.emit(COPY, uint32(1+n))
			c.emit(SWAP, 2)
			c.emit(DELETE_SUBSCR, 0)
		}
		c.storeName(p, p.Rest, pc)
	} else {
		c.emit(POP_TOP, 0) // the keys
		c.emit(POP_TOP, 0) // the subject
	}
}

// constRepr is the repr of a constant key, for the duplicate-key error.
func (c *compiler) constRepr(e syntax.Expr) string {
	switch e := e.(type) {
	case *syntax.Str:
		return pyStrRepr(e.Value)
	case *syntax.Bytes:
		return "b" + pyStrRepr(e.Value)
	case *syntax.Int:
		if e.Big != nil {
			return e.Big.String()
		}
		return strconv.FormatInt(e.Small, 10)
	case *syntax.Float:
		return formatFloatRepr(e.Value)
	case *syntax.UnaryOp:
		if i, ok := e.Operand.(*syntax.Int); ok && i.Big != nil {
			return new(big.Int).Neg(i.Big).String()
		}
		return "-" + c.constRepr(e.Operand)
	}
	if n, ok := e.(*syntax.NameConst); ok {
		return n.Value
	}
	return "?"
}

// pyStrRepr is repr(s) for the common case, as Python quotes it.
func pyStrRepr(s string) string {
	q := byte('\'')
	for i := 0; i < len(s); i++ {
		if s[i] == '\'' {
			q = '"'
		}
	}
	b := []byte{q}
	for i := 0; i < len(s); i++ {
		switch ch := s[i]; {
		case ch == q || ch == '\\':
			b = append(b, '\\', ch)
		case ch == '\n':
			b = append(b, '\\', 'n')
		case ch == '\t':
			b = append(b, '\\', 't')
		case ch == '\r':
			b = append(b, '\\', 'r')
		default:
			b = append(b, ch)
		}
	}
	return string(append(b, q))
}

// formatFloatRepr is repr(f) for ordinary floats.
func formatFloatRepr(f float64) string {
	s := strconv.FormatFloat(f, 'g', -1, 64)
	for _, ch := range s {
		if ch == '.' || ch == 'e' || ch == 'n' || ch == 'i' {
			return s
		}
	}
	return s + ".0"
}

func (c *compiler) classPattern(p *syntax.MatchClass, pc *patternContext) {
	nargs, nattrs := len(p.Patterns), len(p.KwdAttrs)
	for i, name := range p.KwdAttrs {
		if slices.Contains(p.KwdAttrs[i+1:], name) {
			j := i + 1 + slices.Index(p.KwdAttrs[i+1:], name)
			c.patternError(p.KwdPatterns[j], "attribute name repeated in class pattern: %s", name)
		}
	}
	c.expr(p.Cls)
	c.loadConst(KwNames(append([]string{}, p.KwdAttrs...)))
	c.emit(MATCH_CLASS, uint32(nargs))
	c.emit(COPY, 1)
	c.loadConst(nil)
	c.emit(IS_OP, 1)
	pc.onTop++
	c.jumpToFailPop(pc, POP_JUMP_IF_FALSE)
	c.emit(UNPACK_SEQUENCE, uint32(nargs+nattrs))
	pc.onTop += nargs + nattrs - 1
	for i := range nargs + nattrs {
		pc.onTop--
		var sub syntax.Pattern
		if i < nargs {
			sub = p.Patterns[i]
		} else {
			sub = p.KwdPatterns[i-nargs]
		}
		if syntax.IsWildcard(sub) {
			c.emit(POP_TOP, 0)
			continue
		}
		c.subpattern(sub, pc)
	}
}

func (c *compiler) orPattern(p *syntax.MatchOr, pc *patternContext) {
	end := c.newLabel()
	outer := *pc
	var control []string
	for i, alt := range p.Patterns {
		pc.stores = nil
		pc.allowIrrefutable = i == len(p.Patterns)-1 && outer.allowIrrefutable
		pc.failPop = nil
		pc.onTop = 0
		old := c.setPos(alt)
		c.emit(COPY, 1)
		c.pattern(alt, pc)
		n := len(pc.stores)
		switch {
		case i == 0:
			control = pc.stores
		case n != len(control):
			c.patternError(p, "alternative patterns bind different names")
		case n > 0:
			for icontrol := n - 1; icontrol >= 0; icontrol-- {
				istores := slices.Index(pc.stores, control[icontrol])
				if istores < 0 {
					c.patternError(p, "alternative patterns bind different names")
				}
				if icontrol != istores {
					// Reorder the names on the stack as control has them.
					rotations := istores + 1
					rotated := slices.Clone(pc.stores[:rotations])
					rest := slices.Clone(pc.stores[rotations:])
					at := icontrol - istores
					pc.stores = append(append(append([]string{}, rest[:at]...), rotated...), rest[at:]...)
					for ; rotations > 0; rotations-- {
						c.rotate(icontrol + 1)
					}
				}
			}
		}
		c.jump(JUMP_FORWARD, end)
		c.emitFailPop(pc)
		c.f.pos = old
	}
	*pc = outer
	// No alternative matched: drop the copy of the subject and fail.
	c.emit(POP_TOP, 0)
	c.jumpToFailPop(pc, JUMP_FORWARD)
	c.bind(end)
	nrots := len(control) + 1 + pc.onTop + len(pc.stores)
	for _, name := range control {
		c.rotate(nrots)
		if slices.Contains(pc.stores, name) {
			c.patternError(p, "multiple assignments to name '%s' in pattern", name)
		}
		pc.stores = append(pc.stores, name)
	}
	c.emit(POP_TOP, 0) // the copy of the subject
}
