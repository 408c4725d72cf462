package artifact

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// primaryLang returns the lower-case primary subtag of a BCP 47 tag.
func primaryLang(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	return tag
}

// context is the number of runes of context a snippet shows either side.
const snippetContext = 30

// snippet returns s[start:end] with up to snippetContext runes either side, cut
// at rune boundaries, with "…" where it was cut.
func snippet(s string, start, end int) string {
	start, end = max(0, start), min(len(s), end)
	if start > end {
		start = end
	}
	lo := start
	for n := 0; n < snippetContext && lo > 0; n++ {
		_, w := utf8.DecodeLastRuneInString(s[:lo])
		lo -= w
	}
	hi := end
	for n := 0; n < snippetContext && hi < len(s); n++ {
		_, w := utf8.DecodeRuneInString(s[hi:])
		hi += w
	}
	out := strings.TrimSpace(s[lo:hi])
	if lo > 0 {
		out = "…" + out
	}
	if hi < len(s) {
		out += "…"
	}
	return out
}

// word is one run of letters (with combining marks) of a string.
type word struct {
	start, end int
	raw        string
}

// words splits s into runs of letters and marks; digits, punctuation,
// apostrophes and spaces separate words, so "l’OTAN" gives "l" and "OTAN".
func words(s string) []word {
	var out []word
	start := -1
	for i, r := range s {
		letter := unicode.IsLetter(r) || (start >= 0 && unicode.Is(unicode.M, r))
		switch {
		case letter && start < 0:
			start = i
		case !letter && start >= 0:
			out = append(out, word{start, i, s[start:i]})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, word{start, len(s), s[start:]})
	}
	return out
}

// upperInitial reports whether w starts with an upper-case letter.
func upperInitial(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}
