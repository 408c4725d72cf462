package lang

import "unicode"

// script is a writing system that routes a text to its candidate
// languages. Only the scripts of supported languages are named; every
// other letter counts as scriptOther.
type script int

const (
	scriptOther script = iota
	scriptLatin
	scriptCyrillic
	scriptGreek
	scriptArabic
	scriptHebrew
	scriptDevanagari
	scriptHan
	scriptKana
	scriptHangul
	numScripts
)

// cjkWeight is how many alphabetic letters one Han, kana or Hangul
// character counts for when scripts compete for a text: a CJK character
// carries a syllable or a word, about four letters of an alphabet, so
// "我用iPhone和MacBook写稿" is Chinese, not English.
const cjkWeight = 4

// scriptOf classifies a letter. Callers pass only runes for which
// unicode.IsLetter is true.
func scriptOf(r rune) script {
	switch {
	case r < 0x250: // Basic Latin through Latin Extended-B
		return scriptLatin
	case r >= 0x1E00 && r <= 0x1EFF: // Latin Extended Additional (Vietnamese)
		return scriptLatin
	case r >= 0x400 && r <= 0x52F:
		return scriptCyrillic
	case r >= 0x370 && r <= 0x3FF, r >= 0x1F00 && r <= 0x1FFF:
		return scriptGreek
	case r >= 0x600 && r <= 0x6FF, r >= 0x750 && r <= 0x77F, r >= 0xFB50 && r <= 0xFDFF, r >= 0xFE70 && r <= 0xFEFF:
		return scriptArabic
	case r >= 0x590 && r <= 0x5FF, r >= 0xFB1D && r <= 0xFB4F:
		return scriptHebrew
	case r >= 0x900 && r <= 0x97F:
		return scriptDevanagari
	case r >= 0x3040 && r <= 0x30FF, r >= 0x31F0 && r <= 0x31FF, r >= 0xFF66 && r <= 0xFF9F:
		// Hiragana, Katakana (with the prolonged sound mark), half-width kana.
		return scriptKana
	case r >= 0xAC00 && r <= 0xD7AF, r >= 0x1100 && r <= 0x11FF, r >= 0x3130 && r <= 0x318F:
		return scriptHangul
	case unicode.Is(unicode.Han, r):
		return scriptHan
	case unicode.Is(unicode.Latin, r):
		return scriptLatin
	case unicode.Is(unicode.Cyrillic, r):
		return scriptCyrillic
	case unicode.Is(unicode.Arabic, r):
		return scriptArabic
	}
	return scriptOther
}

// scriptCounts holds the number of letters of each script in a text.
type scriptCounts [numScripts]int

// dominant returns the script a text is written in: the one with most
// letters, CJK characters weighted by cjkWeight and Han, kana and Hangul
// competing together, since Japanese mixes Han and kana and Korean may
// carry Han. It returns scriptOther, 0 when the text has no letters.
func (c *scriptCounts) dominant() (script, float64) {
	cjk := c[scriptHan] + c[scriptKana] + c[scriptHangul]
	total := cjk * cjkWeight
	best, bestN := scriptOther, 0
	for s := scriptOther; s < numScripts; s++ {
		switch s {
		case scriptHan, scriptKana, scriptHangul:
			continue
		}
		total += c[s]
		if c[s] > bestN {
			best, bestN = s, c[s]
		}
	}
	if total == 0 {
		return scriptOther, 0
	}
	if cjk*cjkWeight > bestN {
		best, bestN = c.cjkScript(), cjk*cjkWeight
	}
	return best, float64(bestN) / float64(total)
}

// cjkScript tells Korean, Japanese and Chinese apart within a CJK text:
// Korean is mostly Hangul; Japanese always has some kana (even a headline
// full of kanji has its の and が), while Chinese has none.
func (c *scriptCounts) cjkScript() script {
	cjk := c[scriptHan] + c[scriptKana] + c[scriptHangul]
	switch {
	case c[scriptHangul]*3 >= cjk:
		return scriptHangul
	case c[scriptKana]*20 >= cjk:
		return scriptKana
	}
	return scriptHan
}
