package lexicon

import (
	"cmp"
	"strings"
	"unicode/utf8"
)

// suffixRule is a language's light inflection model: endings an article word
// may carry that the dictionary headword lacks, and the endings a headword
// may have instead (the citation form: infinitive, nominative singular).
// It is deliberately crude: it only runs after an exact and a folded lookup
// missed, and a wrong guess costs one spurious pivot term, not a verdict.
//
// An ending belongs to a part of speech, and so does a citation ending: the
// "-ement" of "paiement" is a noun's, and giving its stem "pai" a verb's
// "-re" made "paire" (pair). Where a rule lists an ending in to, only the
// citation endings listed there are tried for it; a verb ending leads to
// an infinitive, a plural to the singular.
type suffixRule struct {
	strip []string            // longest first
	add   []string            // "" first: the bare stem is tried before any citation ending; unused where every ending has a to entry
	to    map[string][]string // per ending, the citation endings that replace add
	// minStem is the shortest stem in runes, minStemRunes when zero.
	minStem int
}

// minStemRunes keeps short words whole: stripping "es" off "les" would turn
// function words into unrelated headwords.
const minStemRunes = 3

// suffixRules are compile-time tables, never written to.
var suffixRules = map[string]suffixRule{
	"fr": {
		strip: []string{"issaient", "issions", "eaient", "issait", "issant", "issent", "issons", "raient", "aient", "èrent", "issez", "rions", "ment", "eons", "eait", "eant", "rait", "riez", "rons", "ront", "ions", "iez", "ait", "ant", "aux", "ent", "ées", "ons", "rai", "rez", "ez", "és", "ée", "es", "ra", "é", "e", "s", "x"},
		to: map[string][]string{
			// verb endings → infinitive
			"issaient": {"ir"}, "issions": {"ir"}, "issait": {"ir"}, "issant": {"ir"}, "issent": {"ir"}, "issons": {"ir"}, "issez": {"ir"},
			"eaient": {"er"}, "eons": {"er"}, "eait": {"er"}, "eant": {"er"}, "èrent": {"er"},
			"aient": {"er", "re", "ir"}, "ions": {"er", "re", "ir"}, "iez": {"er", "re", "ir"}, "ait": {"er", "re", "ir"},
			"ant": {"er", "re", "ir"}, "ent": {"er", "re", "ir"}, "ons": {"er", "re", "ir"}, "ez": {"er", "re", "ir"},
			// future and conditional: the infinitive is in the stem
			"raient": {"r", "re"}, "rions": {"r", "re"}, "rait": {"r", "re"}, "riez": {"r", "re"}, "rons": {"r", "re"},
			"ront": {"r", "re"}, "rez": {"r", "re"}, "rai": {"r", "re"}, "ra": {"r", "re"},
			// past participles → infinitive, the adjective in -é, or where
			// the small fra-eng lacks the verb, the noun of the same stem
			// (annoncée → annonce)
			"ées": {"er", "é", "e"}, "és": {"er", "é", "e"}, "ée": {"er", "é", "e"}, "é": {"er", "e"},
			// adverbs → adjective (rapidement → rapide); plurals → singular
			"ment": {""}, "aux": {"al", "ail"}, "x": {""}, "s": {""},
			"es": {"e", "", "er"}, "e": {"", "er"},
		},
	},
	"de": {
		strip: []string{"ungen", "eten", "sten", "ete", "ten", "est", "end", "em", "en", "er", "es", "st", "te", "e", "n", "s", "t"},
		to: map[string][]string{
			"ungen": {"ung"}, "eten": {"en"}, "sten": {""}, "ten": {"en", ""}, "ete": {"en"}, "est": {"en"}, "end": {"en"},
			"em": {""}, "en": {"", "e"}, "er": {""}, "es": {""}, "st": {"en", "n"}, "te": {"en", "n"},
			"e": {"", "en"}, "n": {""}, "s": {""}, "t": {"en", "n"},
		},
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
	// A Ukrainian past-tense verb (писав, просила, повернулася) leads to
	// its -ти infinitive, the form dictionaries cite, which the respelling
	// into Russian turns into -ть. (The same rule for Russian itself cost
	// WMT22 ru-en 8 origins: Russian dictionaries are rich enough in other
	// forms that a past tense stripped to a stem meets a wrong headword.)
	"uk": {
		strip: []string{"лася", "лися", "лося", "вся", "ами", "ями", "ого", "ому", "ла", "ло", "ли", "ом", "ем", "ой", "ам", "ям", "ах", "ях", "ів", "их", "им", "в", "а", "у", "е", "и", "і", "я", "ю"},
		add:   []string{"", "а", "я", "о", "ь", "ий", "ти"},
		to: map[string][]string{
			"лася": {"тися"}, "лися": {"тися"}, "лося": {"тися"}, "вся": {"тися"},
			"ла": {"ти"}, "ло": {"ти"}, "ли": {"ти"}, "в": {"ти"},
		},
	},
	// Hindi verbs are cited in the infinitive (कहना, बताना), which news
	// text rarely uses: perfective कहा/बताया, habitual कहता, conjunctive
	// कहकर, future कहेगा all lead back to stem + "ना". Nouns drop their
	// plural and oblique endings (लोगों → लोग, सरकारों → सरकार). A Hindi
	// stem of two letters is a word (कह, रह): Devanagari's vowel signs are
	// runes of their own, so the rule counts from two.
	"hi": {
		strip: []string{"ियों", "ाओं", "ाएं", "ाएँ", "ेंगे", "ियां", "ियाँ", "ेगा", "ेगी", "ूंगा", "ाया", "ायी", "ाये", "कर", "ता", "ती", "ते", "ने", "या", "यी", "ये", "ों", "ें", "ीं", "ी", "े", "ा"},
		add:   []string{"", "ा", "ी"},
		to: map[string][]string{
			"ेंगे": {"ना"}, "ेगा": {"ना"}, "ेगी": {"ना"}, "ूंगा": {"ना"},
			"ाया": {"ाना"}, "ायी": {"ाना"}, "ाये": {"ाना"},
			"कर": {"ना"}, "ता": {"ना"}, "ती": {"ना"}, "ते": {"ना"}, "ने": {"ना"},
			"या": {"ना"}, "यी": {"ना"}, "ये": {"ना"},
			"ी": {"", "ा", "ना"}, "े": {"", "ा", "ना"}, "ा": {"", "ना"},
		},
		minStem: 2,
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
	minStem := cmp.Or(rule.minStem, minStemRunes)
	for _, suf := range rule.strip {
		stem, ok := strings.CutSuffix(word, suf)
		if !ok || utf8.RuneCountInString(stem) < minStem {
			continue
		}
		adds := rule.add
		if to, ok := rule.to[suf]; ok {
			adds = to
		}
		for _, add := range adds {
			c := stem + add
			if !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	return out
}
