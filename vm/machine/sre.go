// This file defines _gilscope_sre, the matching engine under lib/re.py: a
// backtracking matcher over the characters of a str, as CPython's _sre is, so that
// Python's syntax and semantics carry over whole (leftmost-first alternation, `$`
// before a final newline, lookaround, backreferences, possessive repeats, the empty
// matches of findall and sub). The parser follows Lib/re/_parser.py and gives its
// error messages and positions. The work of a match (each step of the matcher) is
// charged at the interpreter's per-character price (Costs.StrChar), with the GIL
// held, as _sre's C loop holds it: that price is not calibrated for matching.

package machine

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/gilscope/gilscope/vm/py"
)

// The flags of Lib/re/_constants.py that the parser reads (re.py refuses DEBUG).
const (
	reIgnoreCase = 2
	reLocale     = 4
	reMultiline  = 8
	reDotAll     = 16
	reUnicode    = 32
	reVerbose    = 64
	reASCII      = 256
)

// reError is a compile error: re.error's message and position.
type reError struct {
	msg string
	pos int
}

// reNode kinds.
const (
	nLit      = iota // a character (ch)
	nAny             // . (dotall: any character)
	nClass           // a character set (set)
	nBol             // ^
	nEol             // $
	nBos             // \A
	nEos             // \Z
	nWordB           // \b
	nNotWordB        // \B
	nGroup           // a capturing group (group, sub[0])
	nConcat          // sub...
	nAlt             // sub[0] | sub[1] | ...
	nRepeat          // sub[0]{min,max}
	nBackref         // (?P=name), \1 (group)
	nLook            // lookahead/lookbehind (behind, neg, sub[0], width)
	nAtomic          // (?>...) (sub[0])
	nCond            // (?(group)yes|no)
	nEmpty           // matches the empty string
	nOneOf           // one character matching one of sub (an alternation of characters)
)

type reNode struct {
	kind       int
	ch         rune
	set        *reSet
	sub        []*reNode
	group      int
	min, max   int // max -1: unbounded
	greedy     bool
	possessive bool
	behind     bool
	neg        bool
	width      int
	fold       bool // ignore case (literals, sets, backreferences)
	dotall     bool
	multiline  bool
	ascii      bool // \b, \w … by ASCII
}

// reSet is a character class: ranges, and the categories \d \w \s (and negations).
type reSet struct {
	neg    bool
	ranges []rune // pairs lo, hi
	cats   []byte // 'd','D','w','W','s','S'
	ascii  bool
	fold   bool
}

func isDigitRune(r rune, ascii bool) bool {
	if ascii || r < 128 {
		return r >= '0' && r <= '9'
	}
	return unicode.Is(unicode.Nd, r)
}

// isWordRune is \w: str.isalnum() or '_' (ASCII letters, digits and '_' under re.A).
func isWordRune(r rune, ascii bool) bool {
	if r < 128 {
		return r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	if ascii {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}

// isSpaceRune is \s: str.isspace() (ASCII whitespace under re.A).
func isSpaceRune(r rune, ascii bool) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\v':
		return true
	}
	if ascii || r < 128 {
		return r >= 0x1c && r <= 0x1f
	}
	return unicode.IsSpace(r) || unicode.In(r, unicode.Zl, unicode.Zp, unicode.Zs)
}

func (s *reSet) matches(r rune) bool {
	in := s.contains(r)
	if !in && s.fold && s.ascii {
		if f := asciiSwapCase(r); f != r {
			in = s.contains(f)
		}
	} else if !in && s.fold {
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			if s.contains(f) {
				in = true
				break
			}
		}
	}
	return in != s.neg
}

func (s *reSet) contains(r rune) bool {
	for i := 0; i < len(s.ranges); i += 2 {
		if r >= s.ranges[i] && r <= s.ranges[i+1] {
			return true
		}
	}
	for _, c := range s.cats {
		var ok bool
		switch c | 0x20 {
		case 'd':
			ok = isDigitRune(r, s.ascii)
		case 'w':
			ok = isWordRune(r, s.ascii)
		case 's':
			ok = isSpaceRune(r, s.ascii)
		}
		if c < 'a' {
			ok = !ok
		}
		if ok {
			return true
		}
	}
	return false
}

// reProgram is a compiled pattern.
type reProgram struct {
	py.Header
	root      *reNode
	flags     int // Pattern.flags
	groups    int
	names     map[string]int
	nameOrder []string
}

var reProgramClass = py.NewClass("_gilscope_sre.Program", nil)

func (*reProgram) Type() *py.Class { return reProgramClass }

// ---- parsing (Lib/re/_parser.py) ----

type reParser struct {
	p         []rune
	bytes     bool // a bytes pattern: its characters are bytes, matched by ASCII rules
	global    int  // the flags of (?flags) at the start
	i         int
	flags     int
	groups    int
	names     map[string]int
	nameOrder []string
	open      map[int]bool // groups not closed yet (a backreference to one is an error)
	widths    map[int][2]int
}

const reMaxRepeat = 4294967295 // MAXREPEAT: {n,} with no upper bound

func (ps *reParser) errAt(pos int, format string, args ...any) *reError {
	return &reError{msg: fmt.Sprintf(format, args...), pos: pos}
}

func (ps *reParser) more() bool { return ps.i < len(ps.p) }
func (ps *reParser) peek() rune {
	if ps.i < len(ps.p) {
		return ps.p[ps.i]
	}
	return -1
}

// skipVerbose skips whitespace and comments under re.X.
func (ps *reParser) skipVerbose() {
	if ps.flags&reVerbose == 0 {
		return
	}
	for ps.i < len(ps.p) {
		c := ps.p[ps.i]
		if c == '#' {
			for ps.i < len(ps.p) && ps.p[ps.i] != '\n' {
				ps.i++
			}
			continue
		}
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' {
			ps.i++
			continue
		}
		return
	}
}

// reMaxPattern bounds a pattern's length: each character becomes a node of the
// parsed pattern (some hundred bytes), which a run must not grow without end.
const reMaxPattern = 200_000

// reCompile parses a pattern: a str's characters, or a bytes pattern's bytes (each a
// rune below 256, matched by ASCII rules as _sre matches bytes).
func reCompile(pattern []rune, flags int, isBytes bool) (*reProgram, *reError) {
	if n := len(pattern); n > reMaxPattern {
		return nil, &reError{msg: fmt.Sprintf("gilscope limits a regular expression to %d characters (this one has %d)", reMaxPattern, n), pos: -1}
	}
	ps := &reParser{p: pattern, bytes: isBytes, flags: flags, names: map[string]int{}, open: map[int]bool{}, widths: map[int][2]int{}}
	if isBytes {
		if flags&reUnicode != 0 {
			return nil, &reError{msg: "cannot use UNICODE flag with a bytes pattern", pos: -1}
		}
		ps.flags |= reASCII // LOCALE is the C locale's: ASCII
	} else if flags&reLocale != 0 {
		return nil, &reError{msg: "cannot use LOCALE flag with a str pattern", pos: -1}
	}
	if flags&reASCII != 0 && flags&reUnicode != 0 {
		return nil, &reError{msg: "ASCII and UNICODE flags are incompatible", pos: -1}
	}
	// Global inline flags at the start, (?aiLmsux), apply to the whole pattern.
	root, err := ps.parseAlt(0, true)
	if err != nil {
		return nil, err
	}
	if ps.more() {
		if ps.peek() == ')' {
			return nil, ps.errAt(ps.i, "unbalanced parenthesis")
		}
		return nil, ps.errAt(ps.i, "internal error")
	}
	// Pattern.flags: those given and those set at the start of the pattern.
	all := flags | ps.global
	if ps.global&reASCII != 0 {
		all &^= reUnicode
	}
	return &reProgram{root: root, groups: ps.groups, names: ps.names, nameOrder: ps.nameOrder, flags: all}, nil
}

func (ps *reParser) node(kind int) *reNode {
	return &reNode{kind: kind, fold: ps.flags&reIgnoreCase != 0, dotall: ps.flags&reDotAll != 0,
		multiline: ps.flags&reMultiline != 0, ascii: ps.flags&reASCII != 0}
}

// parseAlt parses alternatives up to a ')' or the end.
func (ps *reParser) parseAlt(depth int, top bool) (*reNode, *reError) {
	if depth > 200 {
		return nil, ps.errAt(ps.i, "too many nested groups (gilscope's limit is 200)")
	}
	var alts []*reNode
	for {
		seq, err := ps.parseSeq(depth, top && len(alts) == 0)
		if err != nil {
			return nil, err
		}
		alts = append(alts, seq)
		if ps.more() && ps.peek() == '|' {
			ps.i++
			continue
		}
		break
	}
	if len(alts) == 1 {
		return alts[0], nil
	}
	n := ps.node(nAlt)
	n.sub = alts
	// An alternation of single characters, (?:a|b|\s), matches one character: the
	// matcher takes it in one step, as _sre's IN.
	single := true
	for _, a := range alts {
		if a.kind != nLit && a.kind != nAny && a.kind != nClass {
			single = false
		}
	}
	if single {
		n.kind = nOneOf
	}
	return n, nil
}

func (ps *reParser) parseSeq(depth int, atStart bool) (*reNode, *reError) {
	var items []*reNode
	for {
		ps.skipVerbose()
		if !ps.more() {
			break
		}
		c := ps.peek()
		if c == '|' || c == ')' {
			break
		}
		start := ps.i
		var item *reNode
		switch c {
		case '(':
			var err *reError
			var global bool
			item, global, err = ps.parseGroup(depth, atStart && len(items) == 0)
			if err != nil {
				return nil, err
			}
			if global {
				continue
			}
		case '[':
			set, err := ps.parseSet()
			if err != nil {
				return nil, err
			}
			item = ps.node(nClass)
			item.set = set
		case '.':
			ps.i++
			item = ps.node(nAny)
		case '^':
			ps.i++
			item = ps.node(nBol)
		case '$':
			ps.i++
			item = ps.node(nEol)
		case '\\':
			var err *reError
			item, err = ps.parseEscape(false)
			if err != nil {
				return nil, err
			}
		case '*', '+', '?', '{':
			if c == '{' {
				if _, _, ok := ps.scanBraces(); !ok {
					ps.i++
					item = ps.lit('{')
					break
				}
			}
			return nil, ps.errAt(start, "nothing to repeat")
		default:
			ps.i++
			item = ps.lit(c)
		}
		// A repeat.
		ps.skipVerbose()
		if ps.more() {
			c := ps.peek()
			min, max := -1, -1
			qpos := ps.i
			switch c {
			case '*':
				min, max = 0, -1
				ps.i++
			case '+':
				min, max = 1, -1
				ps.i++
			case '?':
				min, max = 0, 1
				ps.i++
			case '{':
				if lo, hi, ok := ps.scanBraces(); ok {
					min, max = lo, hi
					if max >= 0 && max < min {
						return nil, ps.errAt(qpos+1, "min repeat greater than max repeat")
					}
				}
			}
			if min >= 0 {
				switch item.kind {
				case nBol, nEol, nBos, nEos, nWordB, nNotWordB, nLook:
					return nil, ps.errAt(start, "nothing to repeat")
				}
				r := ps.node(nRepeat)
				r.sub = []*reNode{item}
				r.min, r.max, r.greedy = min, max, true
				if ps.more() && ps.peek() == '?' {
					ps.i++
					r.greedy = false
				} else if ps.more() && ps.peek() == '+' {
					ps.i++
					r.possessive = true
				}
				item = r
				ps.skipVerbose()
				if ps.more() {
					at := ps.i
					switch ps.peek() {
					case '*', '+', '?':
						return nil, ps.errAt(at, "multiple repeat")
					case '{':
						if _, _, ok := ps.scanBraces(); ok {
							return nil, ps.errAt(at, "multiple repeat")
						}
					}
				}
			}
		}
		items = append(items, item)
	}
	if len(items) == 1 {
		return items[0], nil
	}
	if len(items) == 0 {
		return ps.node(nEmpty), nil
	}
	n := ps.node(nConcat)
	n.sub = items
	return n, nil
}

func (ps *reParser) lit(c rune) *reNode {
	n := ps.node(nLit)
	n.ch = c
	return n
}

// scanBraces reads {m}, {m,}, {,n}, {m,n} at ps.i, advancing past it; ok false
// (nothing read) when it is a literal '{'.
func (ps *reParser) scanBraces() (lo, hi int, ok bool) {
	j := ps.i + 1
	digits := func() (int, bool, bool) {
		k := j
		for j < len(ps.p) && ps.p[j] >= '0' && ps.p[j] <= '9' {
			j++
		}
		if j == k {
			return 0, false, true
		}
		n, err := strconv.Atoi(string(ps.p[k:j]))
		if err != nil || n > reMaxRepeat {
			return 0, true, false
		}
		return n, true, true
	}
	lo, hasLo, ok1 := digits()
	hi = lo
	hasHi := hasLo
	ok2 := true
	if j < len(ps.p) && ps.p[j] == ',' {
		j++
		var h int
		h, hasHi, ok2 = digits()
		if hasHi {
			hi = h
		} else {
			hi = -1
		}
	} else if !hasLo {
		return 0, 0, false
	}
	if j >= len(ps.p) || ps.p[j] != '}' || !ok1 || !ok2 {
		return 0, 0, false
	}
	ps.i = j + 1
	return lo, hi, true
}

// parseGroup parses a parenthesised construct at ps.i; global reports inline flags
// for the whole pattern, which produce no node.
func (ps *reParser) parseGroup(depth int, atStart bool) (*reNode, bool, *reError) {
	open := ps.i
	ps.i++
	capture := true
	name := ""
	if ps.more() && ps.peek() == '?' {
		ps.i++
		if !ps.more() {
			return nil, false, ps.errAt(ps.i, "unexpected end of pattern")
		}
		c := ps.peek()
		switch {
		case c == ':':
			ps.i++
			capture = false
		case c == 'P':
			if c == 'P' {
				ps.i++
				if !ps.more() {
					return nil, false, ps.errAt(ps.i, "unexpected end of pattern")
				}
				switch ps.peek() {
				case '=':
					// (?P=name): a backreference.
					ps.i++
					nstart := ps.i
					nm, err := ps.groupName(')')
					if err != nil {
						return nil, false, err
					}
					g, ok := ps.names[nm]
					if !ok {
						return nil, false, ps.errAt(nstart, "unknown group name '%s'", nm)
					}
					if ps.open[g] {
						return nil, false, ps.errAt(nstart, "cannot refer to an open group")
					}
					n := ps.node(nBackref)
					n.group = g
					return n, false, nil
				case '<':
				default:
					return nil, false, ps.errAt(open+1, "unknown extension ?P%c", ps.peek())
				}
			}
			ps.i++ // '<'
			nstart := ps.i
			nm, err := ps.groupName('>')
			if err != nil {
				return nil, false, err
			}
			if old, ok := ps.names[nm]; ok {
				return nil, false, ps.errAt(nstart, "redefinition of group name '%s' as group %d; was group %d", nm, ps.groups+1, old)
			}
			name = nm
		case c == '=' || c == '!' || c == '<':
			behind := c == '<'
			if behind {
				ps.i++
				if !ps.more() {
					return nil, false, ps.errAt(ps.i, "unexpected end of pattern")
				}
				if ps.peek() != '=' && ps.peek() != '!' {
					return nil, false, ps.errAt(open+1, "unknown extension ?<%s", string(ps.peek()))
				}
			}
			neg := ps.peek() == '!'
			ps.i++
			sub, err := ps.closeGroup(open, depth)
			if err != nil {
				return nil, false, err
			}
			n := ps.node(nLook)
			n.sub = []*reNode{sub}
			n.behind, n.neg = behind, neg
			if behind {
				lo, hi := ps.width(sub)
				if lo != hi {
					return nil, false, &reError{msg: "look-behind requires fixed-width pattern", pos: -1}
				}
				n.width = lo
			}
			return n, false, nil
		case c == '>':
			ps.i++
			sub, err := ps.closeGroup(open, depth)
			if err != nil {
				return nil, false, err
			}
			n := ps.node(nAtomic)
			n.sub = []*reNode{sub}
			return n, false, nil
		case c == '#':
			for ps.more() && ps.peek() != ')' {
				ps.i++
			}
			if !ps.more() {
				return nil, false, ps.errAt(open, "missing ), unterminated comment")
			}
			ps.i++
			return ps.node(nEmpty), false, nil
		case c == '(':
			// (?(group)yes|no)
			ps.i++
			nstart := ps.i
			j := ps.i
			for j < len(ps.p) && ps.p[j] != ')' {
				j++
			}
			if j >= len(ps.p) {
				return nil, false, ps.errAt(nstart, "missing ), unterminated name")
			}
			ref := string(ps.p[ps.i:j])
			ps.i = j + 1
			g, err := strconv.Atoi(ref)
			if err != nil {
				var ok bool
				if g, ok = ps.names[ref]; !ok {
					if !isIdentifier(ref) {
						return nil, false, ps.errAt(nstart, "bad character in group name '%s'", ref)
					}
					return nil, false, ps.errAt(nstart, "unknown group name '%s'", ref)
				}
			} else if g == 0 || g >= 100 {
				return nil, false, ps.errAt(nstart, "bad group number")
			}
			yes, err2 := ps.parseSeqAlt(depth)
			if err2 != nil {
				return nil, false, err2
			}
			n := ps.node(nCond)
			n.group = g
			n.sub = yes
			if !ps.more() || ps.peek() != ')' {
				return nil, false, ps.errAt(open, "missing ), unterminated subpattern")
			}
			ps.i++
			if g > ps.groups {
				return nil, false, ps.errAt(nstart, "invalid group reference %d", g)
			}
			return n, false, nil
		case strings.ContainsRune("aiLmsux-", c):
			return ps.parseFlags(open, depth, atStart)
		default:
			return nil, false, ps.errAt(open+1, "unknown extension ?%c", c)
		}
	}
	g := 0
	if capture {
		ps.groups++
		g = ps.groups
		if name != "" {
			ps.names[name] = g
			ps.nameOrder = append(ps.nameOrder, name)
		}
		ps.open[g] = true
	}
	sub, err := ps.closeGroup(open, depth)
	if err != nil {
		return nil, false, err
	}
	if !capture {
		return sub, false, nil
	}
	delete(ps.open, g)
	n := ps.node(nGroup)
	n.group = g
	n.sub = []*reNode{sub}
	lo, hi := ps.width(sub)
	ps.widths[g] = [2]int{lo, hi}
	return n, false, nil
}

// closeGroup parses the pattern inside a group opened at open, up to and past its
// ')'.
func (ps *reParser) closeGroup(open, depth int) (*reNode, *reError) {
	sub, err := ps.parseAlt(depth+1, false)
	if err != nil {
		return nil, err
	}
	if !ps.more() || ps.peek() != ')' {
		return nil, ps.errAt(open, "missing ), unterminated subpattern")
	}
	ps.i++
	return sub, nil
}

// parseSeqAlt parses the yes|no branches of a conditional: at most two.
func (ps *reParser) parseSeqAlt(depth int) ([]*reNode, *reError) {
	yes, err := ps.parseSeq(depth+1, false)
	if err != nil {
		return nil, err
	}
	out := []*reNode{yes}
	if ps.more() && ps.peek() == '|' {
		ps.i++
		no, err := ps.parseSeq(depth+1, false)
		if err != nil {
			return nil, err
		}
		out = append(out, no)
		if ps.more() && ps.peek() == '|' {
			return nil, ps.errAt(ps.i, "conditional backref with more than two branches")
		}
	}
	return out, nil
}

func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if !(r == '_' || unicode.IsLetter(r) || i > 0 && (unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Nd, r))) {
			return false
		}
	}
	return true
}

func (ps *reParser) groupName(term rune) (string, *reError) {
	start := ps.i
	for ps.more() && ps.peek() != term {
		ps.i++
	}
	if !ps.more() {
		return "", ps.errAt(start, "missing %c, unterminated name", term)
	}
	nm := string(ps.p[start:ps.i])
	ps.i++
	if nm == "" {
		return "", ps.errAt(start, "missing group name")
	}
	if !isIdentifier(nm) {
		return "", ps.errAt(start, "bad character in group name '%s'", nm)
	}
	return nm, nil
}

// parseFlags parses (?flags) and (?flags-flags:...).
func (ps *reParser) parseFlags(open, depth int, atStart bool) (*reNode, bool, *reError) {
	bit := map[rune]int{'a': reASCII, 'i': reIgnoreCase, 'L': reLocale, 'm': reMultiline, 's': reDotAll, 'u': reUnicode, 'x': reVerbose}
	add, del := 0, 0
	for ps.more() && ps.peek() != ':' && ps.peek() != ')' && ps.peek() != '-' {
		b, ok := bit[ps.peek()]
		if !ok {
			return nil, false, ps.errAt(ps.i, "unknown flag")
		}
		add |= b
		ps.i++
	}
	if ps.more() && ps.peek() == '-' {
		ps.i++
		for ps.more() && ps.peek() != ':' {
			b, ok := bit[ps.peek()]
			if !ok || b == reASCII || b == reLocale || b == reUnicode {
				if ps.peek() == ')' {
					return nil, false, ps.errAt(ps.i, "missing :")
				}
				if ok {
					return nil, false, ps.errAt(ps.i, "bad inline flags: cannot turn off flags 'a', 'u' and 'L'")
				}
				return nil, false, ps.errAt(ps.i, "unknown flag")
			}
			del |= b
			ps.i++
		}
	}
	if add&reLocale != 0 && !ps.bytes {
		return nil, false, ps.errAt(ps.i, "bad inline flags: cannot use 'L' flag with a str pattern")
	}
	if add&reUnicode != 0 && ps.bytes {
		return nil, false, ps.errAt(ps.i, "bad inline flags: cannot use 'u' flag with a bytes pattern")
	}
	if !ps.more() {
		return nil, false, ps.errAt(ps.i, "missing -, : or )")
	}
	if ps.peek() == ')' {
		ps.i++
		if del != 0 {
			return nil, false, ps.errAt(ps.i-1, "missing :")
		}
		if !atStart {
			return nil, false, ps.errAt(open, "global flags not at the start of the expression")
		}
		ps.flags |= add
		ps.global |= add
		return nil, true, nil
	}
	ps.i++ // ':'
	saved := ps.flags
	ps.flags = (ps.flags | add) &^ del
	if add&reASCII != 0 {
		ps.flags &^= reUnicode
	}
	sub, err := ps.closeGroup(open, depth)
	ps.flags = saved
	if err != nil {
		return nil, false, err
	}
	return sub, false, nil
}

// parseEscape parses a backslash escape outside a set (inSet false).
func (ps *reParser) parseEscape(inSet bool) (*reNode, *reError) {
	start := ps.i
	ps.i++
	if !ps.more() {
		return nil, ps.errAt(start, "bad escape (end of pattern)")
	}
	c := ps.peek()
	ps.i++
	switch c {
	case 'A':
		return ps.node(nBos), nil
	case 'Z':
		return ps.node(nEos), nil
	case 'b':
		return ps.node(nWordB), nil
	case 'B':
		return ps.node(nNotWordB), nil
	case 'd', 'D', 'w', 'W', 's', 'S':
		n := ps.node(nClass)
		n.set = &reSet{cats: []byte{byte(c)}, ascii: ps.flags&reASCII != 0}
		return n, nil
	}
	if c >= '1' && c <= '9' {
		// A backreference, or an octal escape of three digits.
		j := ps.i
		for j < len(ps.p) && j < ps.i+1 && ps.p[j] >= '0' && ps.p[j] <= '9' {
			j++
		}
		digits := string(ps.p[ps.i-1 : j])
		if j < len(ps.p) && len(digits) == 2 && isOctal(ps.p[ps.i-1]) && isOctal(ps.p[ps.i]) && isOctal(ps.p[j]) {
			v, _ := strconv.ParseInt(string(ps.p[ps.i-1:j+1]), 8, 32)
			if v > 0o377 {
				return nil, ps.errAt(start, "octal escape value \\%s outside of range 0-0o377", string(ps.p[ps.i-1:j+1]))
			}
			ps.i = j + 1
			return ps.lit(rune(v)), nil
		}
		ps.i = j
		g, _ := strconv.Atoi(digits)
		if g > ps.groups {
			return nil, ps.errAt(start+1, "invalid group reference %d", g)
		}
		if ps.open[g] {
			return nil, ps.errAt(start+1, "cannot refer to an open group")
		}
		n := ps.node(nBackref)
		n.group = g
		return n, nil
	}
	r, err := ps.charEscape(c, start)
	if err != nil {
		return nil, err
	}
	return ps.lit(r), nil
}

func isOctal(r rune) bool { return r >= '0' && r <= '7' }

// charEscape is the character of an escape that stands for one (\n, \x41, \u00e9,
// \N{...} refused, \0, a punctuation character); start is the backslash's position.
func (ps *reParser) charEscape(c rune, start int) (rune, *reError) {
	switch c {
	case 'a':
		return '\a', nil
	case 'f':
		return '\f', nil
	case 'n':
		return '\n', nil
	case 'r':
		return '\r', nil
	case 't':
		return '\t', nil
	case 'v':
		return '\v', nil
	case '\\':
		return '\\', nil
	case 'x', 'u', 'U':
		if c != 'x' && ps.bytes {
			return 0, ps.errAt(start, "bad escape \\%c", c)
		}
		n := map[rune]int{'x': 2, 'u': 4, 'U': 8}[c]
		if ps.i+n > len(ps.p) {
			return 0, ps.errAt(start, "incomplete escape \\%c%s", c, string(ps.p[ps.i:]))
		}
		hex := string(ps.p[ps.i : ps.i+n])
		v, err := strconv.ParseUint(hex, 16, 32)
		if err != nil {
			j := ps.i
			for j < ps.i+n && strings.ContainsRune("0123456789abcdefABCDEF", ps.p[j]) {
				j++
			}
			return 0, ps.errAt(start, "incomplete escape \\%c%s", c, string(ps.p[ps.i:j]))
		}
		ps.i += n
		if v > unicode.MaxRune {
			return 0, ps.errAt(start, "bad escape \\%c%s", c, hex)
		}
		return rune(v), nil
	case '0':
		j := ps.i
		for j < len(ps.p) && j < ps.i+2 && isOctal(ps.p[j]) {
			j++
		}
		v, _ := strconv.ParseInt("0"+string(ps.p[ps.i:j]), 8, 32)
		ps.i = j
		return rune(v), nil
	case 'N':
		if ps.bytes {
			return 0, ps.errAt(start, "bad escape \\N")
		}
		return 0, ps.errAt(start, "gilscope does not support \\N{...} escapes in patterns yet")
	}
	if c < 128 && (unicode.IsLetter(c) || unicode.IsDigit(c)) {
		return 0, ps.errAt(start, "bad escape \\%c", c)
	}
	return c, nil
}

// parseSet parses [...].
func (ps *reParser) parseSet() (*reSet, *reError) {
	open := ps.i
	ps.i++
	set := &reSet{ascii: ps.flags&reASCII != 0, fold: ps.flags&reIgnoreCase != 0}
	if ps.more() && ps.peek() == '^' {
		set.neg = true
		ps.i++
	}
	first := true
	for {
		if !ps.more() {
			return nil, ps.errAt(open, "unterminated character set")
		}
		c := ps.peek()
		if c == ']' && !first {
			ps.i++
			return set, nil
		}
		first = false
		cpos := ps.i
		lo, isCat, err := ps.setItem(set)
		if err != nil {
			return nil, err
		}
		if isCat {
			continue
		}
		if ps.i+1 < len(ps.p) && ps.peek() == '-' && ps.p[ps.i+1] != ']' {
			ps.i++
			hi, hiCat, err := ps.setItem(set)
			if err != nil {
				return nil, err
			}
			if hiCat {
				return nil, ps.errAt(cpos, "bad character range %s", string(ps.p[cpos:ps.i]))
			}
			if hi < lo {
				return nil, ps.errAt(cpos, "bad character range %s", string(ps.p[cpos:ps.i]))
			}
			set.ranges = append(set.ranges, lo, hi)
			continue
		}
		set.ranges = append(set.ranges, lo, lo)
	}
}

// setItem reads one character of a set (or a category, added to set: isCat).
func (ps *reParser) setItem(set *reSet) (rune, bool, *reError) {
	c := ps.peek()
	if c != '\\' {
		ps.i++
		return c, false, nil
	}
	start := ps.i
	ps.i++
	if !ps.more() {
		return 0, false, ps.errAt(start, "bad escape (end of pattern)")
	}
	e := ps.peek()
	ps.i++
	switch e {
	case 'd', 'D', 'w', 'W', 's', 'S':
		set.cats = append(set.cats, byte(e))
		return 0, true, nil
	case 'b':
		return '\b', false, nil
	}
	if e >= '1' && e <= '7' {
		// An octal escape in a set.
		j := ps.i
		for j < len(ps.p) && j < ps.i+2 && isOctal(ps.p[j]) {
			j++
		}
		if isOctal(e) {
			v, _ := strconv.ParseInt(string(ps.p[ps.i-1:j]), 8, 32)
			if v > 0o377 {
				return 0, false, ps.errAt(start, "octal escape value \\%s outside of range 0-0o377", string(ps.p[ps.i-1:j]))
			}
			ps.i = j
			return rune(v), false, nil
		}
	}
	r, err := ps.charEscape(e, start)
	return r, false, err
}

// width is the (min, max) number of characters n matches; max -1 is unbounded.
func (ps *reParser) width(n *reNode) (int, int) {
	switch n.kind {
	case nLit, nAny, nClass, nOneOf:
		return 1, 1
	case nGroup, nAtomic:
		return ps.width(n.sub[0])
	case nConcat:
		lo, hi := 0, 0
		for _, s := range n.sub {
			a, b := ps.width(s)
			lo += a
			if hi >= 0 {
				if b < 0 {
					hi = -1
				} else {
					hi += b
				}
			}
		}
		return lo, hi
	case nAlt, nCond:
		lo, hi := -1, 0
		for _, s := range n.sub {
			a, b := ps.width(s)
			if lo < 0 || a < lo {
				lo = a
			}
			if hi >= 0 && (b < 0 || b > hi) {
				hi = b
			}
		}
		if n.kind == nCond && len(n.sub) == 1 {
			lo = 0
		}
		if lo < 0 {
			lo = 0
		}
		return lo, hi
	case nRepeat:
		a, b := ps.width(n.sub[0])
		lo := a * n.min
		if n.max < 0 || b < 0 {
			if b == 0 {
				return lo, 0
			}
			return lo, -1
		}
		return lo, b * n.max
	case nBackref:
		w := ps.widths[n.group]
		return w[0], w[1]
	}
	return 0, 0
}

// ---- matching ----

// reState is one match attempt's state.
type reState struct {
	s         []rune
	end       int // endpos
	caps      []int
	lastIndex int
	steps     int
	depth     int
	limit     int // steps before the next look at the interrupt
	t         *py.Thread
	err       error
}

// step counts one unit of work; it stops the match when the run is over.
func (st *reState) step() bool {
	st.steps++
	if st.steps >= st.limit {
		st.limit += 4096
		if err := st.t.Work(4096); err != nil {
			st.err = err
			return false
		}
	}
	return true
}

// asciiSwapCase is r with its case swapped if it is an ASCII letter.
func asciiSwapCase(r rune) rune {
	if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
		return r ^ 0x20
	}
	return r
}

// foldEq reports whether a and b are equal ignoring case: by ASCII letters only
// under re.A and for bytes, as _sre's sre_lower_ascii.
func foldEq(a, b rune, ascii bool) bool {
	if a == b {
		return true
	}
	if ascii {
		return asciiSwapCase(a) == b
	}
	for f := unicode.SimpleFold(a); f != a; f = unicode.SimpleFold(f) {
		if f == b {
			return true
		}
	}
	return false
}

// one reports whether the single-character node n matches s[i].
func (st *reState) one(n *reNode, i int) bool {
	if i >= st.end {
		return false
	}
	r := st.s[i]
	switch n.kind {
	case nLit:
		if n.fold {
			return foldEq(r, n.ch, n.ascii)
		}
		return r == n.ch
	case nAny:
		return n.dotall || r != '\n'
	case nClass:
		return n.set.matches(r)
	case nOneOf:
		for _, a := range n.sub {
			if st.one(a, i) {
				return true
			}
		}
	}
	return false
}

func (st *reState) isWordAt(i int, ascii bool) bool {
	return i >= 0 && i < st.end && isWordRune(st.s[i], ascii)
}

// reMaxDepth bounds the nesting of the matcher's calls (each node matched while
// the rest of the pattern waits for it), which grows with the text a repeated group
// covers: beyond it the match stops with gilscope's error rather than exhaust the
// host's stack. _sre keeps its backtracking stack on the heap and has no such limit.
const reMaxDepth = 100_000

// m matches n at i and calls k with the end; it reports whether k succeeded.
func (st *reState) m(n *reNode, i int, k func(int) bool) bool {
	if st.err != nil || !st.step() {
		return false
	}
	st.depth++
	if st.depth > reMaxDepth {
		st.err = st.t.NewExc(py.RecursionErrorClass, "gilscope: the regular expression nests its backtracking more than %d levels deep (a repeated group over a long text)", reMaxDepth)
		return false
	}
	ok := st.match(n, i, k)
	st.depth--
	return ok
}

func (st *reState) match(n *reNode, i int, k func(int) bool) bool {
	switch n.kind {
	case nEmpty:
		return k(i)
	case nLit, nAny, nClass, nOneOf:
		if st.one(n, i) {
			return k(i + 1)
		}
		return false
	case nBol:
		if i == 0 || n.multiline && st.s[i-1] == '\n' {
			return k(i)
		}
		return false
	case nEol:
		if i == st.end || n.multiline && st.s[i] == '\n' || !n.multiline && i == st.end-1 && st.s[i] == '\n' {
			return k(i)
		}
		return false
	case nBos:
		if i == 0 {
			return k(i)
		}
		return false
	case nEos:
		if i == st.end {
			return k(i)
		}
		return false
	case nWordB, nNotWordB:
		if st.end == 0 {
			return false // _sre: neither \b nor \B matches in an empty string
		}
		b := st.isWordAt(i-1, n.ascii) != st.isWordAt(i, n.ascii)
		if b == (n.kind == nWordB) {
			return k(i)
		}
		return false
	case nGroup:
		g := n.group
		return st.m(n.sub[0], i, func(j int) bool {
			os, oe, ol := st.caps[2*g], st.caps[2*g+1], st.lastIndex
			st.caps[2*g], st.caps[2*g+1], st.lastIndex = i, j, g
			if k(j) {
				return true
			}
			st.caps[2*g], st.caps[2*g+1], st.lastIndex = os, oe, ol
			return false
		})
	case nConcat:
		return st.seq(n.sub, 0, i, k)
	case nAlt:
		for _, a := range n.sub {
			if st.m(a, i, k) {
				return true
			}
			if st.err != nil {
				return false
			}
		}
		return false
	case nRepeat:
		return st.repeat(n, i, k)
	case nBackref:
		g := n.group
		s, e := st.caps[2*g], st.caps[2*g+1]
		if s < 0 {
			return false
		}
		l := e - s
		if i+l > st.end {
			return false
		}
		for j := 0; j < l; j++ {
			a, b := st.s[s+j], st.s[i+j]
			if a != b && !(n.fold && foldEq(a, b, n.ascii)) {
				return false
			}
		}
		st.steps += l
		return k(i + l)
	case nLook:
		start := i
		if n.behind {
			start = i - n.width
			if start < 0 {
				return n.neg && k(i)
			}
		}
		saved := append([]int(nil), st.caps...)
		savedLast := st.lastIndex
		ok := st.m(n.sub[0], start, func(j int) bool { return !n.behind || j == i })
		if st.err != nil {
			return false
		}
		if ok == n.neg {
			copy(st.caps, saved)
			st.lastIndex = savedLast
			return false
		}
		if n.neg {
			return k(i)
		}
		if k(i) {
			return true
		}
		copy(st.caps, saved)
		st.lastIndex = savedLast
		return false
	case nAtomic:
		saved := append([]int(nil), st.caps...)
		savedLast := st.lastIndex
		end := -1
		st.m(n.sub[0], i, func(j int) bool { end = j; return true })
		if end < 0 || st.err != nil {
			return false
		}
		if k(end) {
			return true
		}
		copy(st.caps, saved)
		st.lastIndex = savedLast
		return false
	case nCond:
		if st.caps[2*n.group] >= 0 {
			return st.m(n.sub[0], i, k)
		}
		if len(n.sub) > 1 {
			return st.m(n.sub[1], i, k)
		}
		return k(i)
	}
	return false
}

func (st *reState) seq(items []*reNode, x, i int, k func(int) bool) bool {
	if x == len(items) {
		return k(i)
	}
	return st.m(items[x], i, func(j int) bool { return st.seq(items, x+1, j, k) })
}

func (st *reState) repeat(n *reNode, i int, k func(int) bool) bool {
	sub := n.sub[0]
	max := n.max
	if max < 0 {
		max = int(^uint(0) >> 1)
	}
	if n.possessive {
		atomic := &reNode{kind: nAtomic, sub: []*reNode{{kind: nRepeat, sub: n.sub, min: n.min, max: n.max, greedy: true}}}
		return st.m(atomic, i, k)
	}
	if sub.kind == nLit || sub.kind == nAny || sub.kind == nClass || sub.kind == nOneOf {
		// A single character repeated: count the run, then try its lengths.
		c := 0
		for c < max && st.one(sub, i+c) {
			c++
		}
		st.steps += c
		if c < n.min {
			return false
		}
		if n.greedy {
			for j := c; j >= n.min; j-- {
				if !st.step() {
					return false
				}
				if k(i + j) {
					return true
				}
			}
			return false
		}
		for j := n.min; j <= c; j++ {
			if !st.step() {
				return false
			}
			if k(i + j) {
				return true
			}
		}
		return false
	}
	var rec func(count, at int) bool
	rec = func(count, at int) bool {
		if st.err != nil {
			return false
		}
		if count < n.min {
			return st.m(sub, at, func(j int) bool {
				if j == at && count+1 >= n.min {
					// An empty iteration: the rest cannot change anything.
					return k(j)
				}
				return rec(count+1, j)
			})
		}
		if !n.greedy {
			if k(at) {
				return true
			}
		}
		if count < max {
			if st.m(sub, at, func(j int) bool {
				if j == at {
					// An empty iteration is taken once, and ends the repeat (_sre's
					// MAX_UNTIL does not iterate where the last iteration started).
					return k(j)
				}
				return rec(count+1, j)
			}) {
				return true
			}
		}
		if n.greedy {
			return k(at)
		}
		return false
	}
	return rec(0, i)
}

// run tries a match starting at each position from pos (search) or at pos only;
// it returns the spans and the last group index, or nil.
func (st *reState) run(p *reProgram, pos int, search, full, mustAdvance bool) []int {
	for start := pos; start <= st.end; start++ {
		for x := range st.caps {
			st.caps[x] = -1
		}
		st.lastIndex = -1
		matched := st.m(p.root, start, func(j int) bool {
			if full && j != st.end {
				return false
			}
			if mustAdvance && j == pos && start == pos {
				return false
			}
			st.caps[0], st.caps[1] = start, j
			return true
		})
		if st.err != nil {
			return nil
		}
		if matched {
			return st.caps
		}
		if !search {
			break
		}
	}
	return nil
}

// each calls fn with the spans of each successive match of a search from pos, with
// _sre's rule for empty matches (after an empty match, a match may not be empty at
// the same place), until fn returns false or there are no more.
func (st *reState) each(p *reProgram, pos int, fn func(caps []int) bool) {
	adv := false
	for pos <= st.end {
		caps := st.run(p, pos, true, false, adv)
		if caps == nil || !fn(caps) {
			return
		}
		adv = caps[0] == caps[1]
		pos = caps[1]
	}
}

// room reports whether a result of n bytes fits in the run's memory; when it does
// not, the call stops with MemoryError.
func (st *reState) room(n int64) bool {
	if err := st.t.Reserve(n); err != nil {
		st.err = err
		return false
	}
	return true
}

// reText makes the str (or bytes) of s[b:e] and counts its cost: a piece and its
// characters.
type reText struct {
	t       *py.Thread
	s       []rune
	bytes   func(string) py.Value // makes a bytes object, for a bytes subject; nil for str
	cost    int64
	reserve int64 // bytes of the result not made yet
}

func (x *reText) str(b, e int) py.Value {
	x.cost += x.t.Costs.StrPiece + int64(e-b)*x.t.Costs.StrChar
	return x.text(x.s[b:e])
}

// text is a str of the characters rs, or for a bytes subject the bytes rs stand for.
func (x *reText) text(rs []rune) py.Value {
	if x.bytes != nil {
		return x.bytes(runesToBytes(rs))
	}
	return x.t.NewStr(string(rs))
}

// runesToBytes is the bytes that runes below 256 stand for.
func runesToBytes(rs []rune) string {
	b := make([]byte, len(rs))
	for i, r := range rs {
		b[i] = byte(r)
	}
	return string(b)
}

// bytesToRunes is a rune for each byte of s: how the matcher sees bytes.
func bytesToRunes(s string) []rune {
	rs := make([]rune, len(s))
	for i := 0; i < len(s); i++ {
		rs[i] = rune(s[i])
	}
	return rs
}

// group is group g of a match, or def when it did not take part.
func (x *reText) group(caps []int, g int, def py.Value) py.Value {
	if caps[2*g] < 0 {
		x.t.Incref(def)
		return def
	}
	return x.str(caps[2*g], caps[2*g+1])
}

// ---- the module ----

// reCache keeps the characters of the last string matched, so that finditer and
// sub over one string convert it once.
type reCache struct {
	s     string
	bytes bool
	runes []rune
}

// subject returns the characters of a str, or the bytes of a bytes object, to match.
func (c *reCache) subject(v py.Value) (runes []rune, isBytes, ok bool) {
	var s string
	switch v := v.(type) {
	case *py.Str:
		s = v.S
	case *py.Bytes:
		s, isBytes = v.B, true
	default:
		return nil, false, false
	}
	if c.runes == nil || c.s != s || c.bytes != isBytes {
		c.s, c.bytes = s, isBytes
		if isBytes {
			c.runes = bytesToRunes(s)
		} else {
			c.runes = []rune(s)
		}
	}
	return c.runes, isBytes, true
}

func (m *Machine) sreModule(t *py.Thread) *py.Module {
	fn := func(name string, f py.BuiltinFunc) py.Value { return t.Builtin(name, f) }
	cache := &reCache{}
	attrs := map[string]py.Value{
		// compile(pattern, flags) returns (program, groups, groupindex, flags) or raises
		// ValueError((message, position)) for re.error.
		"compile": fn("compile", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			if err := t.CheckArgs("compile", args, kw, 2, 2); err != nil {
				return nil, err
			}
			var pattern []rune
			ok, isBytes := true, false
			switch pat := args[0].(type) {
			case *py.Str:
				pattern = []rune(pat.S)
			case *py.Bytes:
				pattern, isBytes = bytesToRunes(pat.B), true
			default:
				ok = false
			}
			flags, ok2 := py.AsInt(args[1])
			if !ok || !ok2 {
				return nil, t.NewExc(py.TypeErrorClass, "compile(pattern, flags)")
			}
			if err := t.Work(len(pattern)); err != nil {
				return nil, err
			}
			prog, rerr := reCompile(pattern, int(flags), isBytes)
			if rerr != nil {
				return t.NewTuple([]py.Value{t.NewStr(rerr.msg), t.NewInt(int64(rerr.pos))}), nil
			}
			t.Register(prog)
			gi := t.NewDict()
			for _, name := range prog.nameOrder {
				k, v := t.NewStr(name), t.NewInt(int64(prog.names[name]))
				err := t.SetItem(gi, k, v)
				t.Decref(k)
				t.Decref(v)
				if err != nil {
					return nil, err
				}
			}
			return t.NewTuple([]py.Value{prog, t.NewInt(int64(prog.groups)), gi, t.NewInt(int64(prog.flags))}), nil
		}),
		// match(program, string, pos, endpos, mode, must_advance): mode 0 match, 1
		// fullmatch, 2 search. It returns None or the spans (start, end of the match
		// and of each group, -1 for a group that did not take part) and lastindex.
		"match": fn("match", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			if err := t.CheckArgs("match", args, kw, 6, 6); err != nil {
				return nil, err
			}
			prog, ok := args[0].(*reProgram)
			runes, _, ok2 := cache.subject(args[1])
			pos, ok3 := py.AsInt(args[2])
			endpos, ok4 := py.AsInt(args[3])
			mode, ok5 := py.AsInt(args[4])
			if !ok || !ok2 || !ok3 || !ok4 || !ok5 {
				return nil, t.NewExc(py.TypeErrorClass, "match(program, string, pos, endpos, mode, must_advance)")
			}
			adv, err := t.Truthy(args[5])
			if err != nil {
				return nil, err
			}
			n := int64(len(runes))
			endpos = min(max(endpos, 0), n)
			pos = max(pos, 0)
			if pos > endpos {
				return py.None, nil
			}
			st := &reState{s: runes, end: int(endpos), caps: make([]int, 2*(prog.groups+1)), t: t, limit: 4096}
			spans := st.run(prog, int(pos), mode == 2, mode == 1, adv)
			m.chargeNow(threadOf(t), int64(st.steps)*t.Costs.StrChar)
			if st.err != nil {
				return nil, st.err
			}
			if spans == nil {
				return py.None, nil
			}
			items := make([]py.Value, 0, len(spans)+1)
			for _, v := range spans {
				items = append(items, t.NewInt(int64(v)))
			}
			last := st.lastIndex
			items = append(items, t.NewInt(int64(last)))
			return t.NewTuple(items), nil
		}),
	}
	// prepare reads (program, string, pos, endpos) and returns the match state and
	// the maker of its results' pieces.
	prepare := func(t *py.Thread, args []py.Value, name string) (*reProgram, *reState, *reText, int, error) {
		prog, ok := args[0].(*reProgram)
		runes, isBytes, ok2 := cache.subject(args[1])
		pos, ok3 := py.AsInt(args[2])
		endpos, ok4 := py.AsInt(args[3])
		if !ok || !ok2 || !ok3 || !ok4 {
			return nil, nil, nil, 0, t.NewExc(py.TypeErrorClass, "%s(program, string, pos, endpos, ...)", name)
		}
		n := int64(len(runes))
		endpos = min(max(endpos, 0), n)
		pos = max(pos, 0)
		st := &reState{s: runes, end: int(endpos), caps: make([]int, 2*(prog.groups+1)), t: t, limit: 4096}
		x := &reText{t: t, s: runes}
		if isBytes {
			x.bytes = func(s string) py.Value { return m.newBytes(t, s) }
		}
		return prog, st, x, int(pos), nil
	}
	// finish charges a call's work and returns its result, or its error.
	finish := func(t *py.Thread, st *reState, x *reText, res py.Value) (py.Value, error) {
		m.chargeNow(threadOf(t), int64(st.steps)*t.Costs.StrChar+x.cost)
		if st.err != nil {
			t.Decref(res)
			return nil, st.err
		}
		if err := t.Reserve(x.reserve); err != nil {
			t.Decref(res)
			return nil, err
		}
		return res, nil
	}
	// findall(program, string, pos, endpos) is Pattern.findall: the matches, the
	// first group's, or tuples of the groups ('' for one that did not take part).
	attrs["findall"] = fn("findall", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
		if err := t.CheckArgs("findall", args, kw, 4, 4); err != nil {
			return nil, err
		}
		prog, st, x, pos, err := prepare(t, args, "findall")
		if err != nil {
			return nil, err
		}
		empty := x.text(nil)
		defer t.Decref(empty)
		var items []py.Value
		if pos <= st.end {
			st.each(prog, pos, func(caps []int) bool {
				switch prog.groups {
				case 0:
					items = append(items, x.str(caps[0], caps[1]))
				case 1:
					items = append(items, x.group(caps, 1, empty))
				default:
					g := make([]py.Value, prog.groups)
					for i := range g {
						g[i] = x.group(caps, i+1, empty)
					}
					items = append(items, t.NewTuple(g))
				}
				return st.room(0) // the strings made are charged already
			})
		}
		return finish(t, st, x, t.NewList(items))
	})
	// split(program, string, maxsplit) is Pattern.split.
	attrs["split"] = fn("split", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
		if err := t.CheckArgs("split", args, kw, 5, 5); err != nil {
			return nil, err
		}
		prog, st, x, _, err := prepare(t, args, "split")
		if err != nil {
			return nil, err
		}
		maxsplit, _ := py.AsInt(args[4])
		var items []py.Value
		last, n := 0, int64(0)
		st.each(prog, 0, func(caps []int) bool {
			if maxsplit < 0 || maxsplit > 0 && n >= maxsplit {
				return false // a negative maxsplit splits nothing, as _sre's
			}
			items = append(items, x.str(last, caps[0]))
			for g := 1; g <= prog.groups; g++ {
				items = append(items, x.group(caps, g, py.None))
			}
			last = caps[1]
			n++
			return st.room(0) // the strings made are charged already
		})
		items = append(items, x.str(last, st.end))
		return finish(t, st, x, t.NewList(items))
	})
	// sub(program, string, pos, endpos, template, count) is Pattern.subn with a
	// template (a list of strings and group numbers): (new string, number of
	// matches).
	attrs["sub"] = fn("sub", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
		if err := t.CheckArgs("sub", args, kw, 6, 6); err != nil {
			return nil, err
		}
		prog, st, x, _, err := prepare(t, args, "sub")
		if err != nil {
			return nil, err
		}
		tl, ok := args[4].(*py.List)
		count, ok2 := py.AsInt(args[5])
		if !ok || !ok2 {
			return nil, t.NewExc(py.TypeErrorClass, "sub(program, string, pos, endpos, template, count)")
		}
		var out []rune
		last, n := 0, int64(0)
		pieces := int64(0)
		st.each(prog, 0, func(caps []int) bool {
			if count < 0 || count > 0 && n >= count {
				return false // a negative count replaces nothing, as _sre's
			}
			out = append(out, st.s[last:caps[0]]...)
			pieces++
			for _, p := range tl.Items {
				switch p := p.(type) {
				case *py.Str:
					out = append(out, []rune(p.S)...)
				case *py.Bytes:
					out = append(out, bytesToRunes(p.B)...)
				default:
					if g, ok := py.AsInt(p); ok && g >= 0 && int(g) <= prog.groups && caps[2*g] >= 0 {
						out = append(out, st.s[caps[2*g]:caps[2*g+1]]...)
					}
				}
				pieces++
			}
			last = caps[1]
			n++
			return st.room(int64(len(out)))
		})
		out = append(out, st.s[last:st.end]...)
		x.cost += pieces*t.Costs.StrPiece + int64(len(out))*t.Costs.StrChar
		x.reserve = int64(len(out))
		return finish(t, st, x, t.NewTuple([]py.Value{x.text(out), t.NewInt(n)}))
	})
	return newModule(t, "_gilscope_sre", attrs)
}
