package artifact

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newstrace/newstrace/internal/text"
)

// functionWords lists, per language, frequent function words (folded) that
// a text in another language has no reason to contain: a run of them is a
// phrase left untranslated. Words that are also common words of the text's
// language are taken out per language by collisions.
var functionWords = map[string]map[string]bool{
	"en": wordSet("the and of with that this which would from have has been were was they their there what will said about after should could into than them these those when where who while our your is are it its for to by be not or at he she his her we you do does did can more other"),
	"fr": wordSet("le la les des du de et est une un avec dans pour qui que sur par pas plus ont sont leur ces cette aux au il elle ils nous vous ne se sa son ses mais ou"),
	"de": wordSet("der die das und ist nicht mit sich des den dem ein eine einer eines auch auf fur von zu wird wurde haben hat sind war wie aus bei nach oder aber noch nur"),
	"es": wordSet("el la los las del que y en un una con por para es se su sus pero como mas fue ha han este esta"),
	"it": wordSet("il la gli le dei delle della del che e di un una con per non sono ha hanno questo questa nel nella alla come piu"),
}

// collisions are function words of another language that are ordinary
// words of the text's language, or its own function words: they never
// count as foreign.
var collisions = map[string]map[string]bool{
	"en": wordSet("a an as on in is it die hat war also so man was will come son fine more para"),
	"fr": wordSet("a an as on but est son sur plus pour ou de des la le les et une un il in ce se sa ses ne nous vous qui que par en du fut fine come con"),
	"de": wordSet("a an in was will so die war hat also man the dem den der des bin mit und fur oder aber nach ist"),
	"es": wordSet("a de la en el los las del que y un una con por para es se su sus no he son come fine"),
	"it": wordSet("a in e di la le il un una con per non come fine son ha che"),
	"cs": wordSet("a i o u v s z do na je to se by ne ten ta"),
	"hr": wordSet("a i o u s je to se da na za ne su te ta"),
	"pl": wordSet("a i o w z na to do nie"),
	"pt": wordSet("a o e de do da em um uma com para por se no"),
	"nl": wordSet("de het een en van in is op dat die te met"),
}

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// latinLangs are the languages written in Latin script, where Cyrillic,
// Han, Kana, Hangul, Arabic, Hebrew or Devanagari letters are foreign.
var latinLangs = wordSet("en fr de es it pt ca nl cs sk pl hr sl ro hu sv da nb no fi et lv lt tr")

// cyrillicLangs are the languages written in Cyrillic script.
var cyrillicLangs = wordSet("ru uk be bg sr mk kk")

// foreignScript reports whether r is a letter of a script that a text in
// lang should not contain, and names the script.
func foreignScript(lang string, r rune) string {
	if !unicode.IsLetter(r) || r < 0x370 {
		return ""
	}
	latin, cyr := latinLangs[lang], cyrillicLangs[lang]
	switch {
	case unicode.Is(unicode.Cyrillic, r) && (latin || lang == "zh" || lang == "ja"):
		return "Cyrillic"
	case (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)) && (latin || cyr):
		return "CJK"
	case unicode.Is(unicode.Hangul, r) && (latin || cyr):
		return "Hangul"
	case unicode.Is(unicode.Arabic, r) && (latin || cyr):
		return "Arabic"
	case unicode.Is(unicode.Devanagari, r) && (latin || cyr):
		return "Devanagari"
	case unicode.Is(unicode.Hebrew, r) && (latin || cyr):
		return "Hebrew"
	}
	return ""
}

// untranslatedFindings returns the untranslated-text findings of p:
//
//   - foreign_words: three consecutive lower-case words of which at least
//     two are function words of one other language and none a function
//     word of the text's own, outside quotes and parentheses, where a
//     human writer puts the foreign phrases they mean to keep;
//   - foreign_script: a run of letters of a script the language does not
//     use (Cyrillic in an English text).
func untranslatedFindings(p string, para int, lang string, all bool) []Finding {
	var out []Finding
	add := func(rule, detail string, start, end int) {
		r := untranslatedRules[rule]
		if !r.enabled && !all {
			return
		}
		out = append(out, Finding{Kind: KindUntranslated, Rule: rule, Detail: detail,
			Query: snippet(p, start, end), Paragraph: para, Weak: r.weak})
	}

	ws := words(p)
	// Scripts first: merge adjacent foreign-script words into one run.
	for i := 0; i < len(ws); i++ {
		r, _ := utf8.DecodeRuneInString(ws[i].raw)
		script := foreignScript(lang, r)
		if script == "" {
			continue
		}
		j, longest := i, utf8.RuneCountInString(ws[i].raw)
		for j+1 < len(ws) && foreignScript(lang, firstRune(ws[j+1].raw)) == script &&
			!strings.ContainsAny(p[ws[j].end:ws[j+1].start], ".!?\n") {
			j++
			longest = max(longest, utf8.RuneCountInString(ws[j].raw))
		}
		// A lone letter is a symbol borrowed from the script ("90х190", with
		// a Cyrillic х for "by"), not a word left untranslated.
		if longest >= 2 && !inAddress(p, ws[i].start, ws[j].end) {
			add("foreign_script", script+" letters left in a "+lang+" text", ws[i].start, ws[j].end)
		}
		i = j
	}

	native := functionWords[lang]
	coll := collisions[lang]
	if !latinLangs[lang] && !cyrillicLangs[lang] {
		return out // no word lists to tell foreign function words from native ones
	}
	shielded := shieldedSpans(p)
	type tag struct {
		foreign string // language whose function word it is, or ""
		native  bool
		ok      bool // lower case, outside quotes
	}
	tags := make([]tag, len(ws))
	for i, w := range ws {
		f := text.Fold(w.raw)
		t := tag{native: native[f] || coll[f], ok: !upperInitial(w.raw) && !shielded(w.start)}
		if !t.native {
			for m, set := range functionWords {
				if m != lang && set[f] {
					t.foreign = m
					break
				}
			}
		}
		tags[i] = t
	}
	const window = 3
	for i := 0; i+window <= len(ws); i++ {
		if nameNear(p, ws, i, i+window-1) {
			continue
		}
		counts, long := map[string]int{}, map[string]bool{}
		bad := false
		for k, t := range tags[i : i+window] {
			if t.native || !t.ok {
				bad = true
				break
			}
			if t.foreign != "" {
				counts[t.foreign]++
				if len(ws[i+k].raw) >= 3 {
					long[t.foreign] = true
				}
			}
		}
		if bad || strings.ContainsAny(p[ws[i].start:ws[i+window-1].end], runBreakers) {
			continue
		}
		for m, n := range counts {
			if n < 2 || !long[m] {
				continue
			}
			// Extend over the rest of the foreign run.
			j := i + window - 1
			for j+1 < len(ws) && tags[j+1].ok && !tags[j+1].native &&
				!strings.ContainsAny(p[ws[j].end:ws[j+1].start], runBreakers) {
				j++
			}
			add("foreign_words", "words of "+m+" left in a "+lang+" text", ws[i].start, ws[j].end)
			i = j
			break
		}
	}
	return out
}

// runBreakers end a run of foreign words: a phrase left untranslated sits
// inside one clause.
const runBreakers = ".!?;:()«»\"“”„"

// nameNear reports whether words i..j of p sit inside a proper name: a
// capitalised word, not opening a sentence, among the two words before or
// right after them ("Pays de la vallée", "News of the World").
func nameNear(p string, ws []word, i, j int) bool {
	for k := max(0, i-2); k <= min(len(ws)-1, j+1); k++ {
		if k >= i && k <= j {
			continue
		}
		if upperInitial(ws[k].raw) && !sentenceOpener(p, ws[k].start) {
			return true
		}
	}
	return false
}

// sentenceOpener reports whether the word at off opens a sentence: nothing
// but spaces and quote marks since the last full stop or the start of p.
func sentenceOpener(p string, off int) bool {
	before := strings.TrimRight(p[:off], " \u00a0\u202f\"«“„'(")
	if before == "" {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(before)
	return strings.ContainsRune(".!?…»”“", last)
}

// inAddress reports whether the word at [start,end) is part of a URL, an
// e-mail address, a domain or a hashtag, which keep their script whatever
// the language around them.
func inAddress(p string, start, end int) bool {
	lo := strings.LastIndexAny(p[:start], " \n\t\u00a0") + 1
	hi := strings.IndexAny(p[end:], " \n\t\u00a0")
	if hi < 0 {
		hi = len(p)
	} else {
		hi += end
	}
	chunk := strings.TrimRight(p[lo:hi], ".,;:!?)»”\"")
	if strings.Contains(chunk, "://") || strings.HasPrefix(chunk, "www.") ||
		strings.ContainsAny(chunk, "@#/") {
		return true
	}
	// A domain: letters, a dot, letters, with no space.
	if k := strings.LastIndexByte(chunk, '.'); k > 0 && k < len(chunk)-1 {
		r1, _ := utf8.DecodeLastRuneInString(chunk[:k])
		r2, _ := utf8.DecodeRuneInString(chunk[k+1:])
		return unicode.IsLetter(r1) && unicode.IsLetter(r2)
	}
	return false
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// shieldedSpans returns a function that reports whether a byte offset of p
// lies inside quote marks or parentheses, where writers keep foreign
// phrases on purpose. Marks are paired loosely, since styles differ by
// language: any opening mark is closed by the next closing one, and „ by “.
func shieldedSpans(p string) func(int) bool {
	var spans [][2]int
	open, paren, straight := -1, -1, -1
	var opener rune
	for i, r := range p {
		switch {
		case open < 0 && (r == '«' || r == '“' || r == '„'):
			open, opener = i, r
		case open >= 0 && (r == '»' || r == '”' || (r == '“' && opener == '„')):
			spans = append(spans, [2]int{open, i})
			open = -1
		case r == '"' && straight < 0:
			straight = i
		case r == '"':
			spans = append(spans, [2]int{straight, i})
			straight = -1
		case r == '(':
			paren = i
		case r == ')' && paren >= 0:
			spans = append(spans, [2]int{paren, i})
			paren = -1
		}
	}
	return func(off int) bool {
		for _, s := range spans {
			if off > s[0] && off < s[1] {
				return true
			}
		}
		return false
	}
}

// untranslatedRules holds the decisions taken from the measured rates.
var untranslatedRules = map[string]ruleState{
	"foreign_words":  {enabled: true, weak: true},
	"foreign_script": {enabled: true},
}
