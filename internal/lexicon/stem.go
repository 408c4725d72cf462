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
	// The reflexive -ся is written -сь in speech and chat (подивитись,
	// сподіваюсь, дізналась): it leads to -ся.
	"uk": {
		strip: []string{"лася", "лися", "лося", "лась", "лись", "лось", "вся", "ами", "ями", "ого", "ому", "ла", "ло", "ли", "ом", "ем", "ой", "ам", "ям", "ах", "ях", "ів", "их", "им", "сь", "в", "а", "у", "е", "и", "і", "я", "ю"},
		add:   []string{"", "а", "я", "о", "ь", "ий", "ти"},
		to: map[string][]string{
			"лася": {"тися"}, "лися": {"тися"}, "лося": {"тися"}, "вся": {"тися"},
			"лась": {"тися"}, "лись": {"тися"}, "лось": {"тися"}, "сь": {"ся"},
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
	seen := map[string]bool{word: true}
	var out []string
	add := func(c string) {
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	if lang == "de" {
		if inf := zuInfinitive(word); inf != "" {
			add(inf)
		}
	}
	rule.candidates(word, add)
	if lang == "ru" || lang == "uk" {
		if rest := imperfective(word); rest != "" {
			add(rest)
			rule.candidates(rest, add)
		}
	}
	return out
}

// candidates calls add with each citation form the rule makes of word.
func (rule suffixRule) candidates(word string, add func(string)) {
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
		for _, a := range adds {
			add(stem + a)
		}
	}
}

// separablePrefixes are the German verb prefixes that a zu-infinitive
// puts "zu" after (herunterzuladen, anzurufen, zurückzuschicken).
var separablePrefixes = []string{
	"zusammen", "zwischen", "zurück", "zurecht", "wieder", "weiter", "vorüber", "vorbei", "voraus", "voran", "vorher", "vor",
	"teil", "statt", "nieder", "nach", "mit", "los", "kennen", "hinunter", "hinüber", "hinzu", "hinein", "hinaus", "hinauf", "hinab", "hin",
	"herunter", "herüber", "herum", "hervor", "herein", "herbei", "heraus", "herauf", "heran", "herab", "her", "heim",
	"frei", "fort", "fest", "fern", "entgegen", "empor", "ein", "durch", "dar", "bei", "aus", "auf", "an", "ab", "weg", "um", "zu",
}

// zuInfinitive returns the infinitive a German zu-infinitive of a
// separable verb is made from — herunterzuladen → herunterladen,
// anzurufen → anrufen — or "" when word is none. Dictionaries list the
// infinitive only, and "um … zurückzuschicken", "versucht,
// herunterzuladen" are everyday chat: the suffix rules cannot reach
// them, since the "zu" sits inside the word.
func zuInfinitive(word string) string {
	if !strings.HasSuffix(word, "n") {
		return ""
	}
	for _, p := range separablePrefixes {
		rest, ok := strings.CutPrefix(word, p+"zu")
		if ok && utf8.RuneCountInString(rest) >= 4 {
			return p + rest
		}
	}
	return ""
}

// verbEndings are the endings of Russian and Ukrainian infinitives and
// past tenses, the verb forms imperfective looks through.
var verbEndings = []string{"ться", "тися", "ть", "ти", "чь", "лась", "лася", "лся", "вся", "лись", "лися", "лось", "лося", "ла", "ло", "ли", "л", "в"}

// imperfective returns a Russian or Ukrainian infinitive or past tense
// made perfective by the prefix по- (попросить, попробувати, поїхати)
// without it, or "": dictionaries list the imperfective (просить *ask*,
// пробувати *try*) far more often than each prefixed partner, and the two
// differ in aspect, not in sense. Other prefixes are left alone: за-,
// при-, у- change the sense (знать *know*, узнать *learn*), and с-, з-
// (спробувати) were measured at +5 uk-en origins of 9,747 for a sense
// drift (сказать, казать) nothing measured could justify.
func imperfective(word string) string {
	rest, ok := strings.CutPrefix(word, "по")
	if !ok || utf8.RuneCountInString(rest) < 4 {
		return ""
	}
	for _, e := range verbEndings {
		if strings.HasSuffix(rest, e) {
			return rest
		}
	}
	return ""
}
