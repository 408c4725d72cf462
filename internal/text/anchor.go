package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// AnchorKind says what an anchor is.
type AnchorKind uint8

// Anchor kinds.
const (
	// AnchorNumber is a number in canonical form ("3.5", "1000", "2024").
	AnchorNumber AnchorKind = iota + 1
	// AnchorName is a proper name or an acronym, keyed by its Skeleton.
	AnchorName
)

// Anchor is a language-independent landmark of a text: something a
// translation keeps whatever the language, so that two texts in different
// languages can be compared without understanding either.
type Anchor struct {
	// Key is what two texts compare: the canonical number, or the name's
	// Skeleton.
	Key  string
	Kind AnchorKind
	// Start and End are byte offsets of the token in the analysed string.
	Start, End int
}

// Anchors returns the numbers and proper names of s in order. A name is a
// capitalised word that does not start a sentence, or an acronym (two or
// more capitals) anywhere; scripts without case (Devanagari, Arabic, CJK)
// have no recognisable names and yield numbers only. Numbers are
// canonicalised as by Tokens ("3,5" = "3.5", "1 000" = "1,000" = "1000").
// Names are keyed by the Skeleton of their transliteration, so that
// "Poutine", "Putin" and "Путин" give one key.
func (a *Analyzer) Anchors(s string) []Anchor {
	var out []Anchor
	sentStart := make(map[int]bool)
	for _, sp := range Sentences(s) {
		sentStart[sp.Start] = true
	}
	first := true // whether the next word starts a sentence
	lastEnd := 0
	a.scan(s, func(t Token, raw string) {
		if sentStart[t.Start] || strings.ContainsAny(s[lastEnd:t.Start], "\n.!?:«»\"“”") {
			first = true
		}
		lastEnd = t.End
		switch t.Kind {
		case Number:
			out = append(out, Anchor{Key: t.Term, Kind: AnchorNumber, Start: t.Start, End: t.End})
		case Word:
			acr := isAcronym(raw)
			if acr || (!first && isCapitalised(raw)) {
				if k := Skeleton(t.Term); k != "" {
					out = append(out, Anchor{Key: k, Kind: AnchorName, Start: t.Start, End: t.End})
				}
			}
		}
		first = false
	})
	return out
}

// isCapitalised reports whether w starts with an upper-case letter
// followed by a lower-case one ("Moscou", not "EU" or "iPhone").
func isCapitalised(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	r2, _ := utf8.DecodeRuneInString(w[n:])
	return unicode.IsLower(r2)
}

// isAcronym reports whether w has two to six letters, all upper case
// ("EU", "NATO", "ОБСЕ").
func isAcronym(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsLetter(r) {
			continue
		}
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2 && n <= 6
}

// Latin transliterates a folded term (see Token.Term) to Latin letters:
// Cyrillic and Greek by the usual news romanisation (ж → zh, χ → ch),
// Devanagari and Arabic consonant by consonant with the vowel signs
// written as vowels. Latin letters, digits and other scripts pass through.
// The result is what a reader of another language would likely write, so
// that names and cognates of different scripts meet: "москва" → "moskva".
func Latin(term string) string {
	ascii := true
	for i := 0; i < len(term); i++ {
		if term[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return term
	}
	var b strings.Builder
	b.Grow(len(term))
	for _, r := range term {
		if m, ok := translit[r]; ok {
			b.WriteString(m)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// translit maps one lower-case letter of a non-Latin script to Latin. It
// is a compile-time table, never written to.
var translit = func() map[rune]string {
	m := map[rune]string{}
	add := func(pairs string) {
		f := strings.Fields(pairs)
		for i := 0; i+1 < len(f); i += 2 {
			r, _ := utf8.DecodeRuneInString(f[i])
			if f[i+1] == "-" {
				m[r] = ""
			} else {
				m[r] = f[i+1]
			}
		}
	}
	// Cyrillic (Russian, Ukrainian, Belarusian, Serbian, Bulgarian). Fold
	// has already removed the breve of й and the diaeresis of ё and ї.
	add("а a б b в v г g д d е e ж zh з z и i к k л l м m н n о o п p р r с s т t у u ф f х kh ц ts ч ch ш sh щ shch ъ - ы y ь - э e ю yu я ya і i є ye ґ g ј j љ lj њ nj ћ c ђ dj џ dz ѕ dz")
	// Greek.
	add("α a β v γ g δ d ε e ζ z η i θ th ι i κ k λ l μ m ν n ξ x ο o π p ρ r σ s τ t υ y φ f χ ch ψ ps ω o")
	// Devanagari: consonants without their inherent vowel, independent
	// vowels and vowel signs as vowels; virama, nukta and candrabindu
	// dropped.
	add("क k ख kh ग g घ gh ङ n च ch छ chh ज j झ jh ञ n ट t ठ th ड d ढ dh ण n त t थ th द d ध dh न n प p फ f ब b भ bh म m य y र r ल l व v श sh ष sh स s ह h")
	add("अ a आ a इ i ई i उ u ऊ u ऋ ri ए e ऐ ai ओ o औ au ा a ि i ी i ु u ू u ृ ri े e ै ai ो o ौ au ं n ँ - ् - ़ - ः h")
	// Arabic consonants; alif, waw and ya as the vowels they mostly
	// write in names.
	add("ا a أ a إ i آ a ب b ت t ث th ج j ح h خ kh د d ذ dh ر r ز z س s ش sh ص s ض d ط t ظ z ع - غ gh ف f ق q ك k ل l م m ن n ه h ة a و u ي i ى a ء -")
	return m
}()

// maxSkeleton is the number of consonant classes a Skeleton keeps. Three
// tell names apart well enough alongside other evidence, and stop before
// the endings that languages add to foreign names ("Moscou" and "Moscow"
// part at their fourth consonant sound).
const maxSkeleton = 3

// Skeleton returns the fuzzy key of a folded term: its transliteration's
// consonants, grouped into classes of sounds that spellings of one name
// trade across languages (b/p/f/v/w, c/k/q/g, s/z/x, d/t), with h, j, y
// and vowels dropped, repeats collapsed, and cut to the first three. It
// returns "" for terms with fewer than two consonant classes, which are
// too short to key a name: "Putin", "Poutine" and "Путин" give "ptn";
// "Moscow", "Moscou" and "Москва" give "msk".
func Skeleton(term string) string { return SkeletonN(term, maxSkeleton) }

// SkeletonN is Skeleton cut to the first n consonant classes (at most 16)
// instead of three. Longer skeletons key cognates: "президент" and
// "president" share "prstnt", which few other words have.
func SkeletonN(term string, n int) string {
	lat := Latin(term)
	var b [16]byte
	max := min(n, len(b))
	n = 0
	var prev byte
	for i := 0; i < len(lat) && n < max; i++ {
		c := soundClass(lat[i])
		if c == 0 {
			if !isVowelByte(lat[i]) {
				continue // h, j, y, w… keep the previous class open
			}
			prev = 0
			continue
		}
		if c == prev {
			continue
		}
		b[n] = c
		n++
		prev = c
	}
	if n < 2 {
		return ""
	}
	return string(b[:n])
}

// soundClass returns the class letter of an ASCII consonant, or 0.
func soundClass(c byte) byte {
	switch c {
	case 'b', 'p', 'f', 'v', 'w':
		return 'p'
	case 'c', 'k', 'q', 'g':
		return 'k'
	case 's', 'z', 'x':
		return 's'
	case 'd', 't':
		return 't'
	case 'l', 'm', 'n', 'r':
		return c
	}
	return 0
}

func isVowelByte(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// Fold returns the folded form of one word, as Token.Term holds it before
// stemming: lower case, NFKC, diacritics removed from Latin, Greek and
// Cyrillic letters.
func Fold(w string) string { return fold(w) }

// IsStopWord reports whether a folded term is one of lang's most frequent
// function words. The lists are short and cover en fr de es it ru.
func IsStopWord(lang, term string) bool { return isStopWord(primaryTag(lang), term) }

// Scan calls fn for each word and number of s in order, with the token (its
// Term folded but not stemmed) and its raw text as written, which keeps the
// case that tells a name from a common word.
func (a *Analyzer) Scan(s string, fn func(t Token, raw string)) { a.scan(s, fn) }

// Stem returns the folded stem of a lower-case word in the analyzer's
// language, or the folded word where the language has no stemmer.
func (a *Analyzer) Stem(word string) string {
	if a.Stemmer == nil {
		return fold(word)
	}
	return fold(a.Stemmer(lower(word)))
}
