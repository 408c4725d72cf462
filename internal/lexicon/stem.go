package lexicon

import (
	"strings"
	"unicode/utf8"
)

// suffixRule is a language's light inflection model: endings an article word
// may carry that the dictionary headword lacks, and the endings a headword
// may have instead (the citation form: infinitive, nominative singular).
// It is deliberately crude: it only runs after an exact and a folded lookup
// missed, and a wrong guess costs one spurious pivot term, not a verdict.
type suffixRule struct {
	strip []string // longest first
	add   []string // "" first: the bare stem is tried before any citation ending
}

// minStemRunes keeps short words whole: stripping "es" off "les" would turn
// function words into unrelated headwords.
const minStemRunes = 3

// suffixRules are compile-time tables, never written to.
var suffixRules = map[string]suffixRule{
	"fr": {
		strip: []string{"eaient", "aient", "èrent", "ement", "eons", "eait", "eant", "ions", "iez", "ait", "ant", "ent", "ées", "ons", "ez", "és", "ée", "es", "er", "é", "e", "s", "x"},
		add:   []string{"", "e", "er", "ir", "re"},
	},
	"de": {
		strip: []string{"ungen", "sten", "ten", "est", "end", "em", "en", "er", "es", "st", "te", "e", "n", "s", "t"},
		add:   []string{"", "en", "e", "n"},
	},
	"nl": {
		strip: []string{"den", "ten", "en", "de", "te", "s", "e", "t"},
		add:   []string{"", "en", "e"},
	},
	"es": {
		strip: []string{"ando", "iendo", "ados", "adas", "idos", "idas", "aron", "ieron", "aba", "ado", "ada", "ido", "ida", "ía", "es", "os", "as", "an", "en", "ó", "s", "a", "o", "e"},
		add:   []string{"", "o", "a", "e", "ar", "er", "ir"},
	},
	"pt": {
		strip: []string{"ando", "endo", "indo", "ados", "adas", "idos", "idas", "ado", "ada", "ido", "ida", "ões", "ães", "es", "os", "as", "am", "s", "a", "o", "e"},
		add:   []string{"", "o", "a", "e", "ão", "ar", "er", "ir"},
	},
	"it": {
		strip: []string{"ando", "endo", "ato", "ata", "ati", "ate", "ito", "ita", "iti", "ite", "ano", "ono", "i", "e", "a", "o"},
		add:   []string{"", "o", "a", "e", "are", "ere", "ire"},
	},
	"cs": {
		strip: []string{"ách", "ích", "ami", "ého", "ému", "ými", "ých", "ové", "ovi", "ou", "em", "ům", "ím", "ý", "á", "é", "í", "a", "u", "e", "y", "i", "o"},
		add:   []string{"", "a", "o", "e", "ý", "í", "t"},
	},
	"pl": {
		strip: []string{"ami", "ach", "owi", "ego", "emu", "ych", "ymi", "ów", "om", "ie", "em", "ym", "ej", "ą", "ę", "a", "u", "e", "y", "i", "o"},
		add:   []string{"", "a", "o", "y", "i", "ć"},
	},
	"ru": {
		strip: []string{"ами", "ями", "ого", "его", "ому", "ему", "ом", "ем", "ой", "ей", "ам", "ям", "ах", "ях", "ов", "ев", "ым", "им", "ых", "их", "ую", "юю", "ая", "яя", "ое", "ее", "а", "у", "е", "ы", "и", "я", "ю"},
		add:   []string{"", "а", "я", "о", "ь", "й", "ый", "ий", "ть"},
	},
	"uk": {
		strip: []string{"ами", "ями", "ого", "ому", "ом", "ем", "ой", "ам", "ям", "ах", "ях", "ів", "их", "им", "а", "у", "е", "и", "і", "я", "ю"},
		add:   []string{"", "а", "я", "о", "ь", "ий", "ти"},
	},
	"hi": {
		strip: []string{"ियों", "ाओं", "ों", "ें", "ीं", "ी", "े", "ा"},
		add:   []string{"", "ा", "ी"},
	},
}

// stemCandidates lists, best guess first, the headword forms word might be an
// inflection of. It returns nil for languages without a rule.
func stemCandidates(lang, word string) []string {
	rule, ok := suffixRules[lang]
	if !ok || strings.ContainsRune(word, ' ') {
		return nil
	}
	var out []string
	seen := map[string]bool{word: true}
	for _, suf := range rule.strip {
		stem, ok := strings.CutSuffix(word, suf)
		if !ok || utf8.RuneCountInString(stem) < minStemRunes {
			continue
		}
		for _, add := range rule.add {
			c := stem + add
			if !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	return out
}
