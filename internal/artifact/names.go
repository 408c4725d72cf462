package artifact

import (
	"strings"
	"unicode"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/match"
	"github.com/newstrace/newstrace/internal/text"
)

// spellingRules rewrite a transliterated name into a canonical spelling,
// so that the spellings languages trade for one name meet: German "sch"
// and English "sh", "kh" and "ch", "ou" and "u" (Poutine), "w" and "v",
// "y", "j" and "i" (Selenskyj, Zelensky), "c", "k" and "q", "z" and "s".
// Order matters: longer digraphs first.
var spellingRules = strings.NewReplacer(
	"tsch", "ch", "sch", "sh", "tch", "ch", "kh", "h", "ch", "h", "ck", "k", "ph", "f",
	"w", "v", "y", "i", "j", "i", "ou", "u", "q", "k", "x", "ks", "c", "k", "z", "s",
)

// canonName returns the canonical spelling of a name (see spellingRules):
// folded, transliterated to Latin, rewritten, doubled letters collapsed
// and a final silent "e" dropped ("Poutine" and "Putin" both give
// "putin").
func canonName(raw string) string {
	s := spellingRules.Replace(text.Latin(text.Fold(raw)))
	var b strings.Builder
	var prev rune
	for _, r := range s {
		if r < 'a' || r > 'z' {
			continue // transliteration left something other than a-z: keep letters only
		}
		if r != prev {
			b.WriteRune(r)
		}
		prev = r
	}
	out := b.String()
	if len(out) > 4 && strings.HasSuffix(out, "e") {
		out = out[:len(out)-1]
	}
	return out
}

// passageNames returns the names of a passage, canonical spelling → the
// spelling as written: capitalised words that do not open a sentence.
func passageNames(s string) map[string]string {
	out := map[string]string{}
	for _, sp := range text.Sentences(s) {
		sent := s[sp.Start:sp.End]
		for i, w := range words(sent) {
			if i == 0 || !upperInitial(w.raw) || isAcronym(w.raw) {
				continue
			}
			if c := canonName(w.raw); c != "" {
				if _, ok := out[c]; !ok {
					out[c] = w.raw
				}
			}
		}
	}
	return out
}

// isAcronym reports whether w is written in capitals only ("NATO", "OTAN"):
// acronyms are rearranged by translation, not misspelt.
func isAcronym(w string) bool {
	return strings.ToUpper(w) == w
}

// articleNames returns the canonical spellings of every capitalised word of
// a's text, sentence openers included.
func articleNames(a *article.Article) map[string]bool {
	out := map[string]bool{}
	for _, w := range words(a.Title + "\n" + a.Text) {
		if upperInitial(w.raw) {
			out[canonName(w.raw)] = true
		}
	}
	return out
}

// nameDrift compares the names of each aligned passage. A copy name is
// drift when the aligned origin passage has no name of the same canonical
// spelling but one that is a near miss of it (see nearMiss), written in
// the same script; when the copy's spelling appears nowhere in the origin
// (so it is not another person of the story) and the origin's appears
// nowhere in the copy passage; and, when the two are in different
// languages, when the copy writes the origin's spelling elsewhere.
func nameDrift(copy, origin *article.Article, passages []match.Passage) []Finding {
	inOrigin := articleNames(origin)
	// Across languages, exonyms and adapted cognates ("Francfort" for
	// "Frankfurt", "Américains" for "Americans") differ from the origin by
	// a letter or two as a rule, and consistently. There a near miss counts
	// only when the copy also writes the origin's spelling somewhere: it
	// knew the name and slipped.
	var witness map[string]bool
	if l := primaryLang(copy.Lang); l == "" || l != primaryLang(origin.Lang) {
		witness = articleNames(copy)
	}
	seen := map[[2]string]bool{}
	var out []Finding
	for _, p := range passages {
		qn, on := passageNames(p.QueryText), passageNames(p.OriginText)
		for qc, qraw := range qn {
			if _, ok := on[qc]; ok || inOrigin[qc] {
				continue
			}
			for oc, oraw := range on {
				if _, ok := qn[oc]; ok || !sameScript(qraw, oraw) || !nearMiss(qc, oc) {
					continue
				}
				if witness != nil && !witness[oc] {
					continue
				}
				key := [2]string{qc, oc}
				if seen[key] {
					continue
				}
				seen[key] = true
				out = append(out, Finding{
					Kind:      KindNameDrift,
					Rule:      "near_miss",
					Detail:    "name " + quoteName(qraw) + " where the origin has " + quoteName(oraw),
					Query:     spanAround(p.QueryText, qraw),
					Origin:    spanAround(p.OriginText, oraw),
					Paragraph: p.Query,
					// Across languages drift fired as often in human as in
					// machine translation (names_eval_test.go).
					Weak: witness != nil,
				})
			}
		}
	}
	return out
}

// sameScript reports whether two names start with letters of one script.
// Names transliterated from another script ("Байден" → "Biden") vary too
// much between systems of romanisation for a letter's difference to mean
// anything, so only names copied in their own script are compared.
func sameScript(a, b string) bool {
	ra, rb := firstRune(a), firstRune(b)
	for _, tab := range []*unicode.RangeTable{unicode.Latin, unicode.Cyrillic, unicode.Greek} {
		if unicode.Is(tab, ra) {
			return unicode.Is(tab, rb)
		}
	}
	return false
}

func quoteName(s string) string { return "\u201c" + s + "\u201d" }

// spanAround returns a snippet of s around the first occurrence of w.
func spanAround(s, w string) string {
	i := strings.Index(s, w)
	if i < 0 {
		return snippet(s, 0, 0)
	}
	return snippet(s, i, i+len(w))
}

// nearMiss reports whether two canonical names differ by a slip of a
// letter or two rather than by translation. Both must be at least five
// letters long, start with the same letter and end with the same two (so
// that inflected forms, "Putina" for "Putin", and adapted endings,
// "Russie" for "Russia", do not count), and neither may be the other plus
// a suffix. The edit distance, with transposition, must be one, or two
// for names of eight letters or more.
func nearMiss(a, b string) bool {
	if a == b || len(a) < 5 || len(b) < 5 || a[0] != b[0] {
		return false
	}
	if strings.HasPrefix(a, b) || strings.HasPrefix(b, a) {
		return false
	}
	if a[len(a)-2:] != b[len(b)-2:] {
		return false
	}
	limit := 1
	if min(len(a), len(b)) >= 8 {
		limit = 2
	}
	return editDistance(a, b, limit) <= limit
}

// editDistance returns the optimal-string-alignment distance between two
// ASCII strings, or limit+1 once it is known to exceed limit.
func editDistance(a, b string, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			best = min(best, cur[j])
		}
		if best > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
