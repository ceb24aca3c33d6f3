package machine

import (
	"math/rand"
	"testing"
)

// TestRegexNoPanic parses random patterns of regular-expression syntax and matches
// those that compile against short strings: the parser and the matcher must give an
// error or a result, never panic (a panic in a builtin is a crash of the run).
func TestRegexNoPanic(t *testing.T) {
	const alphabet = `ab()[]{}|*+?.^$\-,:=!<>P#01279dDwWsSbBAZ_ixumLN`
	rng := rand.New(rand.NewSource(1))
	n := 20000
	if testing.Short() {
		n = 4000
	}
	texts := []string{"", "a", "ab", "ba\nab", "aab_01 -", "ÀbÇ é"}
	for i := 0; i < n; i++ {
		p := make([]byte, 1+rng.Intn(12))
		for j := range p {
			p[j] = alphabet[rng.Intn(len(alphabet))]
		}
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Fatalf("pattern %q: panic: %v", p, r)
				}
			}()
			prog, err := reCompile([]rune(string(p)), rng.Intn(512)&^(reLocale|0x80|0x1), false)
			if err != nil {
				return
			}
			for _, s := range texts {
				runes := []rune(s)
				for _, mode := range []struct{ search, full, adv bool }{{true, false, false}, {false, true, false}, {true, false, true}} {
					st := &reState{s: runes, end: len(runes), caps: make([]int, 2*(prog.groups+1)), limit: 1 << 40}
					st.run(prog, 0, mode.search, mode.full, mode.adv)
				}
			}
		}()
	}
}
