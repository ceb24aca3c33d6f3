// This file defines the "Did you mean" suggestions CPython 3.12 adds to NameError and
// AttributeError tracebacks (Python/suggestions.c): a Levenshtein distance with cheaper
// case changes, over the names in scope or the object's attributes.

package py

import "sort"

const (
	moveCost            = 2
	caseCost            = 1
	maxSuggestionString = 40
	maxCandidates       = 750
)

func substitutionCost(a, b byte) int {
	if a&31 != b&31 {
		return moveCost
	}
	if a == b {
		return 0
	}
	lower := func(c byte) byte {
		if c >= 'A' && c <= 'Z' {
			return c + 32
		}
		return c
	}
	if lower(a) == lower(b) {
		return caseCost
	}
	return moveCost
}

func levenshtein(a, b string, maxCost int) int {
	if a == b {
		return 0
	}
	for len(a) > 0 && len(b) > 0 && a[0] == b[0] {
		a, b = a[1:], b[1:]
	}
	for len(a) > 0 && len(b) > 0 && a[len(a)-1] == b[len(b)-1] {
		a, b = a[:len(a)-1], b[:len(b)-1]
	}
	if len(a) == 0 || len(b) == 0 {
		return (len(a) + len(b)) * moveCost
	}
	if len(a) > maxSuggestionString || len(b) > maxSuggestionString {
		return maxCost + 1
	}
	if len(b) < len(a) {
		a, b = b, a
	}
	if (len(b)-len(a))*moveCost > maxCost {
		return maxCost + 1
	}
	buf := make([]int, len(a))
	for i := range buf {
		buf[i] = (i + 1) * moveCost
	}
	result := 0
	for bi := 0; bi < len(b); bi++ {
		code := b[bi]
		distance := bi * moveCost
		result = distance
		minimum := 1 << 30
		for ai := 0; ai < len(a); ai++ {
			substitute := distance + substitutionCost(code, a[ai])
			distance = buf[ai]
			insertDelete := min(result, distance) + moveCost
			result = min(insertDelete, substitute)
			buf[ai] = result
			if result < minimum {
				minimum = result
			}
		}
		if minimum > maxCost {
			return maxCost + 1
		}
	}
	return result
}

// suggest returns the candidate closest to name, or "".
func suggest(candidates []string, name string) string {
	if len(candidates) > maxCandidates {
		return ""
	}
	best, bestDist := "", 1<<30
	for _, item := range candidates {
		if item == name {
			continue
		}
		maxDist := (len(name) + len(item) + 3) * moveCost / 6
		if best != "" && maxDist > bestDist-1 {
			maxDist = bestDist - 1
		}
		d := levenshtein(name, item, maxDist)
		if d > maxDist {
			continue
		}
		if best == "" || d < bestDist {
			best, bestDist = item, d
		}
	}
	return best
}

func dictNames(d *Dict) []string {
	var out []string
	if d == nil {
		return nil
	}
	d.items(func(k, _ Value) bool {
		if s, ok := k.(*Str); ok {
			out = append(out, s.S)
		}
		return true
	})
	return out
}

// nameSuggestion looks for name among the current frame's locals, then its globals,
// then the builtins, as CPython does.
func (t *Thread) nameSuggestion(name string) string {
	f := t.frame
	if f == nil {
		return ""
	}
	var locals []string
	if f.names != nil && f.names != f.globals {
		locals = dictNames(f.names)
	} else if f.names == nil {
		for i, n := range f.code.Varnames {
			if f.locals[i] != nil {
				locals = append(locals, n)
			}
		}
	}
	for _, names := range [][]string{locals, dictNames(f.globals), dictNames(f.builtinsDict(t.in))} {
		if s := suggest(names, name); s != "" {
			return s
		}
	}
	return ""
}

// attrSuggestion looks for name among dir(v).
func (t *Thread) attrSuggestion(v Value, name string) string {
	seen := map[string]bool{}
	add := func(names []string) {
		for _, n := range names {
			seen[n] = true
		}
	}
	switch o := v.(type) {
	case *Instance:
		add(dictNames(o.Dict))
	case *Module:
		add(dictNames(o.Dict))
	}
	cls := v.Type()
	if c, ok := v.(*Class); ok {
		cls = c
	}
	for _, k := range cls.MRO() {
		add(dictNames(k.Dict))
		for n := range k.Methods {
			seen[n] = true
		}
	}
	names := make([]string, 0, len(seen))
	for n := range seen {
		names = append(names, n)
	}
	sort.Strings(names)
	return suggest(names, name)
}
