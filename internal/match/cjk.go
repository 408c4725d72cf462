package match

import (
	"hash/maphash"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newstrace/newstrace/internal/text"
)

// Japanese and Chinese leave words unspaced, and word segmentation (UAX
// #29) gives one token per ideograph and per run of hiragana, so a lookup
// of each token asks the lexicon for "政" and "府", never "政府"
// (government). The Pivoter therefore gathers each run of touching Han and
// kana tokens and cuts it into the longest headwords the lexicon has,
// left to right: "政府は大統領" gives 政府 (government), は (a particle,
// dropped) and 大統領 (president). Katakana words, mostly foreign names
// and loanwords, also key on the skeleton of their romanisation, so that
// "ロシア" meets "Russia" as names do across alphabets.
//
// The memo keys of the Pivoter's cache hold, after the language, "\x00"
// for a word's stems (english), memoCJK for a CJK headword's stems and
// memoKana for a katakana word's skeleton terms.

// maxCJKRunes bounds the headwords segmentation tries: Japanese and
// Chinese dictionary words rarely exceed eight characters, and every
// extra rune is one more lookup per position.
const maxCJKRunes = 8

// maxCJKMisses bounds the memo of segment candidates the lexicon lacks;
// it is cleared when full, as most candidates are one-off spans.
const maxCJKMisses = 1 << 20

// Memo key separators (see above).
const (
	memoCJK  = 1
	memoKana = 2
)

// Script bits of a CJK token.
const (
	scriptHan uint8 = 1 << iota
	scriptHiragana
	scriptKatakana
)

// cjkToken is one token of a CJK run: its byte span in the text and the
// scripts of its letters.
type cjkToken struct {
	start, end int
	scripts    uint8
}

// segments reports whether texts of lang have their CJK runs segmented:
// Japanese always (katakana names need no lexicon), Chinese when the
// lexicon has a table to segment by.
func (pv *Pivoter) segments(lang string) bool {
	return lang == "ja" || lang == "zh" && pv.segZH
}

// cjkScripts returns the script bits of a token whose letters are all Han,
// hiragana or katakana, and 0 for any other token.
func cjkScripts(raw string) uint8 {
	var sc uint8
	for _, r := range raw {
		switch {
		case r < 0x3000:
			return 0 // below the CJK blocks: Latin, Cyrillic, digits…
		case r >= 'ぁ' && r <= 'ゟ':
			sc |= scriptHiragana
		case r >= '゠' && r <= 'ヿ', r >= 'ｦ' && r <= 'ﾟ':
			sc |= scriptKatakana
		case unicode.Is(unicode.Han, r):
			sc |= scriptHan
		case unicode.IsLetter(r):
			return 0
		}
	}
	return sc
}

// segmentRun cuts run, touching CJK tokens of s, into the lexicon's
// longest headwords and emits each word's pivot terms at the offset of its
// first token. A span that is only hiragana is never looked up: alone or
// in pairs, kana are particles and endings ("は", "した"), which a
// dictionary lists as homophones of content words. A katakana token the
// lexicon lacks still keys on its romanised skeleton; other tokens it
// lacks give nothing.
func (pv *Pivoter) segmentRun(lang, s string, run []cjkToken, sig Signals, emit func(off int, term string, kind unitKind)) {
	content := scriptHan | scriptKatakana
	if lang == "zh" {
		content = scriptHan
	}
	for i := 0; i < len(run); {
		// The furthest end within maxCJKRunes; one token always fits.
		last, runes := i, utf8.RuneCountInString(s[run[i].start:run[i].end])
		for last+1 < len(run) {
			n := utf8.RuneCountInString(s[run[last+1].start:run[last+1].end])
			if runes+n > maxCJKRunes {
				break
			}
			runes += n
			last++
		}
		var tr []string
		end := i
		for j := last; j >= i && tr == nil; j-- {
			var sc uint8
			for _, t := range run[i : j+1] {
				sc |= t.scripts
			}
			if sc&content == 0 {
				continue
			}
			if tr = pv.cjkEnglish(lang, s[run[i].start:run[j].end]); tr != nil {
				end = j
				break
			}
			// A Han stem and the kana of an inflection (see deinflect.go).
			if lang == "ja" && j > i && run[j].scripts == scriptHiragana && sc&^scriptHiragana == scriptHan && run[j-1].scripts == scriptHan {
				for _, d := range deinflections(s[run[i].start:run[j-1].end], s[run[j].start:run[j].end]) {
					if tr = pv.cjkEnglish(lang, d); tr != nil {
						end = j
						break
					}
				}
			}
		}
		off := run[i].start
		known := false
		if tr != nil && sig&SignalLexicon != 0 {
			for _, e := range tr {
				emit(off, pivotWord+e, unitWord)
			}
			known = true
		}
		// A word wholly in katakana is a loanword or a foreign name.
		if lang == "ja" && allKatakana(run[i:end+1]) {
			for _, k := range pv.kanaTerms(lang, s[run[i].start:run[end].end]) {
				switch {
				case strings.HasPrefix(k, pivotSkel):
					// Glosses of names are unreliable ("トランプ": playing
					// cards), so the skeleton stays beside them, weak.
					if sig&SignalAnchors != 0 {
						emit(off, k, unitWeak)
					}
				case sig&SignalCognates != 0:
					emit(off, k, cognateKind(false, known))
				}
			}
		}
		i = end + 1
	}
}

func allKatakana(toks []cjkToken) bool {
	for _, t := range toks {
		if t.scripts != scriptKatakana {
			return false
		}
	}
	return true
}

// cjkEnglish returns the English stems of a CJK headword, or nil when the
// lexicon lacks it. Hits are memoised with the other words; misses, the
// bulk of the spans segmentation tries, only as hashes, so that they cost
// neither a string nor a slot in the word memo.
func (pv *Pivoter) cjkEnglish(lang, word string) []string {
	if pv.lex == nil {
		return nil
	}
	var buf [64]byte
	kb := append(append(append(buf[:0], lang...), memoCJK), word...)
	h := maphash.Bytes(pv.seed, kb)
	pv.mu.RLock()
	out, ok := pv.cache[string(kb)]
	_, miss := pv.misses[h]
	pv.mu.RUnlock()
	if ok {
		return out
	}
	if miss {
		return nil
	}
	out = pv.translate(lang, word)
	pv.mu.Lock()
	switch {
	case out == nil:
		if len(pv.misses) >= maxCJKMisses {
			clear(pv.misses)
		}
		pv.misses[h] = struct{}{}
	case len(pv.cache) < maxPivotCache:
		pv.cache[string(kb)] = out
	}
	pv.mu.Unlock()
	return out
}

// kanaTerms returns the skeleton pivot terms of a katakana word, memoised:
// the name skeleton and the cognate skeleton of its romanisation, each
// also with r read as l, since Japanese writes both English liquids with
// one row of kana ("クリントン", Clinton).
func (pv *Pivoter) kanaTerms(lang, word string) []string {
	return pv.memoized(lang, memoKana, word, func() []string {
		lat := text.Romaji(text.Fold(word))
		forms := []string{lat}
		if strings.ContainsRune(lat, 'r') {
			forms = append(forms, strings.ReplaceAll(lat, "r", "l"))
		}
		var out []string
		for _, f := range forms {
			if k := text.Skeleton(f); k != "" {
				out = appendNew(out, pivotSkel+k)
			}
			if k := text.SkeletonN(f, cognateClasses); len(k) >= minCognateClasses {
				out = appendNew(out, pivotCognate+k)
			} else if k != "" {
				out = appendNew(out, pivotLoan+k)
			}
		}
		return out
	})
}

func appendNew(xs []string, x string) []string {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}
