package match

import (
	"strings"
	"unicode/utf8"
)

// Compounding languages write a noun phrase as one word — "Fehlermeldung"
// (error message), "Titelkatalog", "Zahlungsbestätigung" — which no
// dictionary lists whole, so a translation's most specific words would
// pivot on nothing. A word the lexicon lacks is split once into a modifier
// and a head that it does know, the modifier possibly ending in a linking
// element ("Zahlung-s-bestätigung"), and pivots on both.

// compounding lists the languages whose unknown words are split.
var compounding = map[string]bool{"de": true, "nl": true, "sv": true, "da": true, "no": true, "nb": true}

// linkingElements are the joints a modifier may end with, longest first
// (German "-es-", "-s-", "-en-", "-n-", "-e-"; Dutch and Scandinavian
// share "-s-", "-en-" and "-e-").
var linkingElements = []string{"es", "en", "s", "n", "e"}

// Parts shorter than minCompoundPart runes are not looked up: short
// dictionary entries ("ab", "er") would split anything.
const minCompoundPart = 4

// decompound returns the English stems of the modifier and the head of
// word, a lower-case word of lang the lexicon lacks, or nil when no split
// into two known parts exists. Of several splits the one with the longest
// head wins: the head names the thing, the modifier narrows it.
func (pv *Pivoter) decompound(lang, word string) []string {
	if !compounding[lang] || utf8.RuneCountInString(word) < 2*minCompoundPart {
		return nil
	}
	total, n := utf8.RuneCountInString(word), -1
	for i := range word {
		n++ // runes in word[:i]
		if n < minCompoundPart {
			continue
		}
		if total-n < minCompoundPart {
			break
		}
		head := word[i:]
		headEN := pv.translate(lang, head)
		if len(headEN) == 0 {
			continue
		}
		if mod := pv.modifier(lang, word[:i]); len(mod) > 0 {
			out := []string{mod[0]}
			for _, h := range headEN {
				if len(out) == maxTranslations {
					break
				}
				if h != out[0] {
					out = append(out, h)
				}
			}
			return out
		}
	}
	return nil
}

// modifier returns the English stems of a compound's first part, as
// written or without a linking element.
func (pv *Pivoter) modifier(lang, part string) []string {
	if en := pv.translate(lang, part); len(en) > 0 {
		return en
	}
	for _, l := range linkingElements {
		if stem, ok := strings.CutSuffix(part, l); ok && stem != "" {
			if utf8.RuneCountInString(stem) >= minCompoundPart-1 {
				if en := pv.translate(lang, stem); len(en) > 0 {
					return en
				}
			}
		}
	}
	return nil
}
