package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// fold returns the matching form of a word: NFKC-compatible, lower case,
// diacritics removed from Latin, Greek, Cyrillic, Arabic and Hebrew letters,
// and a few letters that do not decompose mapped to their usual ASCII
// spelling (ß → ss, ø → o, æ → ae). Marks of other scripts (Devanagari
// vowel signs, Japanese voicing marks) carry meaning and are kept.
//
// Dotted and dotless i both fold to "i", so Turkish "İstanbul", "ISTANBUL"
// and "istanbul" meet.
func fold(w string) string {
	if isASCII(w) {
		return lowerASCII(w)
	}
	if out, ok := foldLatin(w); ok {
		return out
	}
	return foldSlow(w)
}

// foldLatin folds a word written in Latin-1 and Latin Extended-A, the
// letters of western and central European news, through a table built
// once by foldSlow, skipping normalisation. It reports false for any
// other rune, which needs the general path.
func foldLatin(w string) (string, bool) {
	var b strings.Builder
	b.Grow(len(w))
	for _, r := range w {
		if int(r) >= len(latinFold) || r == utf8.RuneError {
			return "", false
		}
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
			continue
		}
		b.WriteString(latinFold[r])
	}
	return b.String(), true
}

// latinFold holds foldSlow of each rune below U+0180. Combining marks start
// at U+0300, so no rune in the table changes how its neighbours fold.
var latinFold = func() []string {
	t := make([]string, 0x180)
	for r := range t {
		t[r] = foldSlow(string(rune(r)))
	}
	return t
}()

// foldSlow is fold for any script: NFKD, drop the marks of scripts whose
// marks are diacritics, lower-case, spell out, and recompose.
func foldSlow(w string) string {
	d := norm.NFKD.String(w)
	var b strings.Builder
	b.Grow(len(d))
	strip := false // whether the last base letter's marks are dropped
	for _, r := range d {
		if unicode.Is(unicode.Mn, r) {
			if !strip {
				b.WriteRune(r)
			}
			continue
		}
		strip = r < utf8.RuneSelf || unicode.In(r, unicode.Latin, unicode.Greek, unicode.Cyrillic, unicode.Arabic, unicode.Hebrew)
		r = unicode.ToLower(r)
		if r >= utf8.RuneSelf {
			if m, ok := foldMap[r]; ok {
				b.WriteString(m)
				continue
			}
		}
		b.WriteRune(r)
	}
	out := b.String()
	if !norm.NFC.IsNormalString(out) {
		// Hangul syllables and kept marks were decomposed by NFKD.
		out = norm.NFC.String(out)
	}
	return out
}

// foldMap spells letters that have no canonical decomposition the way a
// writer without them would, and unifies apostrophes.
var foldMap = map[rune]string{
	'ß': "ss", 'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d", 'ħ': "h",
	'æ': "ae", 'œ': "oe", 'þ': "th", 'ı': "i", 'ς': "σ",
	'’': "'", 'ʼ': "'", '‘': "'", '′': "'",
}

// lower returns w in NFKC and lower case, with apostrophes unified but
// diacritics kept: the form stemmers expect.
func lower(w string) string {
	if isASCII(w) {
		return lowerASCII(w)
	}
	w = strings.ToLower(norm.NFKC.String(w))
	if strings.ContainsAny(w, "’ʼ‘") {
		w = apostrophes.Replace(w)
	}
	return w
}

// apostrophes unifies the apostrophes writers and word processors use.
var apostrophes = strings.NewReplacer("’", "'", "ʼ", "'", "‘", "'")

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// lowerASCII lower-cases an ASCII string, returning s itself when it has no
// upper-case letter so the common case does not allocate.
func lowerASCII(s string) string {
	i := 0
	for ; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			break
		}
	}
	if i == len(s) {
		return s
	}
	b := []byte(s)
	for ; i < len(b); i++ {
		if 'A' <= b[i] && b[i] <= 'Z' {
			b[i] += 'a' - 'A'
		}
	}
	return string(b)
}
