package syntax

// This file defines lookupRuneName, the table behind `\N{name}` escapes: Unicode
// character names (golang.org/x/text's tables) read case-insensitively, as
// CPython's unicodedata.lookup reads them, with the names Unicode computes for CJK
// ideographs and Hangul syllables.

import (
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/unicode/runenames"
)

var (
	runeNamesOnce sync.Once
	runeNames     map[string]rune
)

// lookupRuneName returns the character called name.
func lookupRuneName(name string) (rune, bool) {
	name = strings.ToUpper(name)
	if hex, ok := strings.CutPrefix(name, "CJK UNIFIED IDEOGRAPH-"); ok {
		v, err := strconv.ParseUint(hex, 16, 32)
		if err == nil && (len(hex) == 4 || len(hex) == 5) && runenames.Name(rune(v)) == "<CJK Ideograph>" {
			return rune(v), true
		}
		return 0, false
	}
	if s, ok := strings.CutPrefix(name, "HANGUL SYLLABLE "); ok {
		return hangulSyllable(s)
	}
	runeNamesOnce.Do(func() {
		runeNames = make(map[string]rune, 40000)
		for r := rune(0); r <= 0x10FFFF; r++ {
			if n := runenames.Name(r); n != "" && n[0] != '<' {
				runeNames[n] = r
			}
		}
	})
	r, ok := runeNames[name]
	return r, ok
}

// The jamo of Hangul syllable names, in Unicode's order (chapter 3.12).
var (
	hangulL = strings.Split("G GG N D DD R M B BB S SS  J JJ C K T P H", " ")
	hangulV = strings.Split("A AE YA YAE EO E YEO YE O WA WAE OE YO U WEO WE WI YU EU YI I", " ")
	hangulT = strings.Split(" G GG GS N NJ NH D L LG LM LB LS LT LP LH M B BS S SS NG J C K T P H", " ")
)

// hangulSyllable decodes the part of a Hangul syllable's name after "HANGUL
// SYLLABLE ", trying each leading consonant, vowel and trailing consonant.
func hangulSyllable(s string) (rune, bool) {
	for l, lj := range hangulL {
		rest, ok := strings.CutPrefix(s, lj)
		if !ok {
			continue
		}
		for v, vj := range hangulV {
			rest2, ok := strings.CutPrefix(rest, vj)
			if !ok {
				continue
			}
			for t, tj := range hangulT {
				if rest2 == tj {
					return rune(0xAC00 + (l*21+v)*28 + t), true
				}
			}
		}
	}
	return 0, false
}
