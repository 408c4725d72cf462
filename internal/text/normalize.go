package text

import (
	"strings"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// Normalize returns the canonical form of s used for content hashes, so that
// two texts that differ only in presentation hash alike: invalid UTF-8
// replaced, invisible format characters (zero-width spaces, soft hyphens,
// BOM) removed, NFKC, Unicode case folding, typographic quotes and dashes
// unified to ASCII, and runs of white space collapsed to one space with none
// at either end. Diacritics are kept: dropping them is a matching choice,
// not a presentation one. Normalize is idempotent.
func Normalize(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	// Folding and NFKC can each expose work for the other (a removed
	// zero-width space joins a letter to a mark), so run to a fixed point;
	// real text settles in one pass, and the bound only guards the odd input.
	for range 4 {
		next := normalizeOnce(s)
		if next == s {
			break
		}
		s = next
	}
	return s
}

func normalizeOnce(s string) string {
	s = strings.Map(unifyRune, norm.NFKC.String(s))
	s = norm.NFKC.String(cases.Fold().String(s))
	s = strings.Map(unifyRune, s)
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

// unifyRune maps typographic variants to one ASCII character and drops
// invisible format characters (returning -1).
func unifyRune(r rune) rune {
	switch r {
	case '‘', '’', '‚', '‛', '′', 'ʼ', '`', '´':
		return '\''
	case '“', '”', '„', '‟', '″', '«', '»', '‹', '›':
		return '"'
	case '‐', '‑', '‒', '–', '—', '―', '−', '⁃':
		return '-'
	case '\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
		return -1
	}
	if unicode.IsSpace(r) {
		return ' '
	}
	return r
}
