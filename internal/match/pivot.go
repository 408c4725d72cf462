package match

import (
	"hash/maphash"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/newstrace/newstrace/internal/lexicon"
	"github.com/newstrace/newstrace/internal/text"
)

// Signals selects what the cross-lingual comparison looks at; each is a
// bit, so that an evaluation can measure what one signal adds. The zero
// value means AllSignals.
type Signals uint8

// Signals of the cross-lingual comparison.
const (
	// SignalAnchors: numbers and proper names (text.Anchors), the
	// landmarks any translation keeps.
	SignalAnchors Signals = 1 << iota
	// SignalLexicon: words mapped to English stems through the bilingual
	// lexicon.
	SignalLexicon
	// SignalCognates: the skeleton of every content word, so that
	// cognates ("président", "президент", "president") and words the
	// lexicon lacks still meet.
	SignalCognates
	// SignalStructure: a monotonic sentence alignment with a length prior
	// (Gale–Church style) instead of each sentence's best match anywhere.
	SignalStructure

	AllSignals = SignalAnchors | SignalLexicon | SignalCognates | SignalStructure
)

// Pivot prefixes keep the kinds of pivot terms apart.
const (
	pivotNumber  = "n:" // canonical number
	pivotWord    = "w:" // English stem
	pivotSkel    = "s:" // skeleton of a name
	pivotCognate = "c:" // longer skeleton of a cognate
	pivotLoan    = "l:" // whole skeleton of a word too short for a cognate
)

// Cognate skeletons keep up to cognateClasses consonant classes and need
// minCognateClasses: "kmpn" (company, компания) is specific, "pr" is not.
const (
	cognateClasses    = 6
	minCognateClasses = 4
)

// maxTranslations is how many English words of a lexicon entry become
// pivot terms: the first senses, which the lexicon ranks best.
const maxTranslations = 3

// maxPivotCache bounds a Pivoter's memo of word lookups; a news vocabulary
// fills a fraction of it.
const maxPivotCache = 1 << 20

// Pivoter maps the words of any language to pivot terms that a translation
// shares with its original: English stems through the lexicon, skeletons of
// names and cognates, canonical numbers. It memoises lookups, since news
// repeats its vocabulary, and is safe for concurrent use. A nil lexicon is
// allowed: the lexicon signal is then simply absent.
type Pivoter struct {
	lex *lexicon.Lexicon
	en  *text.Analyzer

	segZH bool // whether the lexicon has a Chinese table to segment by

	mu     sync.RWMutex
	cache  map[string][]string // lang "\x00" word → English stems; see cjk.go for others
	misses map[uint64]struct{} // hashes of CJK segment candidates the lexicon lacks
	seed   maphash.Seed
}

// NewPivoter returns a Pivoter over lex, which may be nil.
func NewPivoter(lex *lexicon.Lexicon) *Pivoter {
	return &Pivoter{lex: lex, en: text.ForLang("en"), cache: make(map[string][]string),
		misses: make(map[uint64]struct{}), seed: maphash.MakeSeed(),
		segZH: slices.Contains(lex.Languages(), "zh")}
}

// Lexicon returns the lexicon the Pivoter looks words up in, or nil.
func (pv *Pivoter) Lexicon() *lexicon.Lexicon { return pv.lex }

// function reports whether an English word is a function word, itself or
// by its stem (being is be): the head of a phrase such as *human being*
// is then its first word.
func (pv *Pivoter) function(w string) bool {
	f := text.Fold(w)
	return text.IsStopWord("en", f) || text.IsStopWord("en", pv.stem(f))
}

// Terms returns the English pivot terms the matcher gives word, a word of
// language lang, in any case: what a translation must share with it for
// the two to meet (an English word's own stem; nil for a word the
// lexicon lacks and for an English function word). Names, numbers and
// cognates meet by other keys, which Terms does not list.
func (pv *Pivoter) Terms(lang, word string) []string {
	return slices.Clone(pv.english(lang, strings.ToLower(word)))
}

// english returns the English stems of a lower-case word of lang: the word's
// own stem for English, its first translations' stems otherwise, nil for
// words the lexicon lacks and for English function words.
func (pv *Pivoter) english(lang, word string) []string {
	if lang == "en" {
		// Memoised as the lexicon's lookups are: the base form, the
		// spelling and the stemmer together cost more than the lookup.
		return pv.memoized(lang, 0, word, func() []string {
			if text.IsStopWord("en", text.Fold(word)) {
				return nil
			}
			return []string{pv.stem(word)}
		})
	}
	if pv.lex == nil {
		return nil
	}
	return pv.memoized(lang, 0, word, func() []string {
		if out := pv.translate(lang, word); len(out) > 0 {
			return out
		}
		return pv.decompound(lang, word)
	})
}

// stem returns the pivot stem of a lower-case English word: its base
// form where it inflects irregularly (lexicon.Lexicon.BaseForm: German
// gekauft is glossed *bought*, French acheté *buy*, and a suffix stemmer
// joins neither to the other), spelled the American way as the lexicons
// mostly gloss (see text.AmericanSpelling). Session 13: WMT22 fr-de +0.5
// points, uk-en +0.6, ja-en +0.6, de-fr −3 origins.
func (pv *Pivoter) stem(word string) string {
	return pv.en.Stem(text.AmericanSpelling(pv.lex.BaseForm(word)))
}

// memoized returns the terms cached under lang, sep and word, computing
// and keeping them on a miss while the cache has room. The key is built
// in a stack buffer for the lookup, which converts it without allocating;
// only a miss, once per word, makes a string.
func (pv *Pivoter) memoized(lang string, sep byte, word string, compute func() []string) []string {
	var buf [64]byte
	kb := append(append(append(buf[:0], lang...), sep), word...)
	pv.mu.RLock()
	out, ok := pv.cache[string(kb)]
	pv.mu.RUnlock()
	if ok {
		return out
	}
	out = compute()
	pv.mu.Lock()
	if len(pv.cache) < maxPivotCache {
		pv.cache[string(kb)] = out
	}
	pv.mu.Unlock()
	return out
}

// translate returns the English stems of the first translations of word,
// uncached. A two-word rendering gives its last word, the head of an
// English compound, or its first where the last is a function word
// (*human being*): German Liefertermin is *delivery date*, *date of
// delivery* and *delivery period* in the lexicon, and meets French date
// de livraison on *date* (session 12: WMT22 de-fr 0.9731 → 0.9826, fr-de
// +6 origins, uk-en +36, ja-en +25, newstest2014 K=1 +4, K=3 +4; en-hr
// −2, two de-fr false origins). Longer phrases are skipped: their words
// would pivot on function words, and taking every word of every phrase
// cost two fifths of the WMT22 ja-en origin accuracy on Japanese glosses.
func (pv *Pivoter) translate(lang, word string) []string {
	var out []string
	for _, tr := range pv.lex.ToEnglish(lang, word) {
		if len(out) == maxTranslations {
			break
		}
		if strings.ContainsRune(tr, ' ') {
			f := strings.Fields(tr)
			if len(f) != 2 {
				continue
			}
			tr = f[1]
			if pv.function(tr) {
				tr = f[0]
			}
		}
		// An English word's own pivot term: none for a function word.
		for _, st := range pv.english("en", tr) {
			if !slices.Contains(out, st) {
				out = append(out, st)
			}
		}
	}
	return out
}

// terms calls emit with each pivot term of s, a text of language lang, and
// the byte offset of the token it comes from, with the signals sig.
func (pv *Pivoter) terms(lang, s string, sig Signals, emit func(off int, term string, kind unitKind)) {
	an := text.ForLang(lang)
	names := map[int]bool{}
	for _, a := range an.Anchors(s) {
		if a.Kind == text.AnchorName {
			names[a.Start] = true
		}
	}
	// Japanese and Chinese runs are held back until they end, then cut
	// into dictionary words (see cjk.go).
	seg := pv.segments(lang)
	var run []cjkToken
	flush := func() {
		if len(run) > 0 {
			pv.segmentRun(lang, s, run, sig, emit)
			run = run[:0]
		}
	}
	an.Scan(s, func(t text.Token, raw string) {
		if seg {
			if t.Kind == text.Word {
				if sc := cjkScripts(raw); sc != 0 {
					if len(run) > 0 && run[len(run)-1].end != t.Start {
						flush()
					}
					run = append(run, cjkToken{t.Start, t.End, sc})
					return
				}
			}
			flush()
		}
		if t.Kind == text.Number {
			if sig&SignalAnchors != 0 {
				emit(t.Start, pivotNumber+t.Term, unitAnchor)
			}
			return
		}
		if text.IsStopWord(lang, t.Term) {
			return
		}
		known := false
		low := strings.ToLower(raw)
		if sig&SignalLexicon != 0 {
			for _, e := range pv.english(lang, low) {
				emit(t.Start, pivotWord+e, unitWord)
				known = true
			}
		}
		// A word of a Latin-script language the lexicon lacks may be
		// spelled as in English ("confirmation", "satellite", "budget"):
		// offered as its English stem, it meets the lexicon's rendering
		// of the word in a third language, which its skeleton cannot.
		if !known && lang != "en" && sig&SignalCognates != 0 && isLatinWord(raw) {
			emit(t.Start, pivotWord+pv.stem(low), cognateKind(false, false))
		}
		// A name keys on its skeleton, and so does, as a weak cognate, a
		// word the lexicon cannot translate. A capitalised word the
		// lexicon translates is a common noun (German capitalises them
		// all), except in English, which the lexicon does not cover.
		name := names[t.Start] && sig&SignalAnchors != 0 && (lang == "en" || !known)
		if name {
			if k := text.Skeleton(t.Term); k != "" {
				emit(t.Start, pivotSkel+k, unitAnchor)
			}
		}
		// A cognate keys on a longer skeleton, specific enough that
		// chance rarely makes two words meet ("plateforme", "Plattform",
		// "platform"). Every word offers one beside its translations,
		// which costs nothing when it finds no counterpart; a word the
		// lexicon lacks is known by it alone, as a weak unit.
		if sig&SignalCognates == 0 {
			return
		}
		k := text.SkeletonN(t.Term, cognateClasses)
		switch {
		case len(k) >= minCognateClasses:
			emit(t.Start, pivotCognate+k, cognateKind(name, known))
		case !name && !known && caseless(raw):
			// A name of a script without case (Hindi, Arabic) cannot
			// be told from other words: key it on the name skeleton.
			if sk := text.Skeleton(t.Term); sk != "" {
				emit(t.Start, pivotSkel+sk, unitWeak)
			}
			// It may also be an English word respelled by its sound
			// (मीडिया, media): key it on its whole skeleton, too short
			// for a cognate, which every English word offers.
			if k != "" {
				emit(t.Start, pivotLoan+k, unitWeak)
			}
		case lang == "en" && !name && k != "":
			// English names are keyed as names already.
			emit(t.Start, pivotLoan+k, unitWord)
		}
	})
	flush()
}

// unitKind says what a pivot term tells of the word it comes from; a word's
// unit takes the strongest kind among its terms.
type unitKind uint8

const (
	// unitWeak: a word the lexicon lacks, known by its skeleton alone.
	unitWeak unitKind = iota
	// unitWord: a word with English translations.
	unitWord
	// unitAnchor: a number or a name, which independent reports of one
	// event share as much as translations do.
	unitAnchor
)

func cognateKind(name, known bool) unitKind {
	switch {
	case name:
		return unitAnchor
	case known:
		return unitWord
	}
	return unitWeak
}

// isLatinWord reports whether w is written in Latin letters only.
func isLatinWord(w string) bool {
	for _, r := range w {
		if !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return w != ""
}

// caseless reports whether a word is written in a script without letter
// case, where capitals cannot mark names.
func caseless(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) {
			return !unicode.IsUpper(r) && !unicode.IsLower(r)
		}
	}
	return false
}

// primaryLang returns the lower-cased primary subtag of a language tag.
func primaryLang(tag string) string {
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	return strings.ToLower(strings.TrimSpace(tag))
}
