package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/clipperhouse/uax29/v2/words"
)

// Analyzer turns a string into tokens and terms for one language. Build one
// with ForLang; the zero value analyses any language without elision
// splitting, stop words or stemming. An Analyzer is safe for concurrent use
// as long as its fields are not changed.
type Analyzer struct {
	// Lang is the BCP 47 primary language tag, lower case ("fr"), or "".
	Lang string
	// Elisions are the elided words ("l", "qu") that Tokens splits off the
	// word they are attached to with an apostrophe, as French, Italian and
	// Catalan write them: "L'État" gives "l" and "etat".
	Elisions []string
	// DecimalComma says the language writes "3,5" for three and a half and
	// may group thousands with ".". It only decides ambiguous numbers such
	// as "1.500"; "3,5" is read as a decimal in any language.
	DecimalComma bool
	// Stemmer reduces a lower-cased word to its stem; nil keeps words whole.
	Stemmer func(word string) string
	// DropStopWords makes Terms leave out the language's stop words.
	// Copy detection keeps them by default: function words make shingles
	// more specific to one text.
	DropStopWords bool
}

// ForLang returns the analyzer for a BCP 47 language tag ("fr", "de-CH").
// Languages without a stemmer get tokenizing and folding only.
func ForLang(lang string) *Analyzer {
	lang = primaryTag(lang)
	a := &Analyzer{Lang: lang, Stemmer: stemmerFor(lang)}
	switch lang {
	case "fr":
		a.Elisions = []string{"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu", "quelqu"}
	case "it":
		a.Elisions = []string{"l", "d", "c", "m", "s", "t", "v", "n", "un", "dell", "all", "dall", "nell", "sull", "coll", "quell", "quest", "nessun", "dov", "com"}
	case "ca":
		a.Elisions = []string{"l", "d", "m", "n", "s", "t"}
	}
	switch lang {
	case "fr", "de", "es", "it", "pt", "ru", "uk", "pl", "cs", "nl", "ro", "tr", "da", "sv", "no", "nb", "nn", "fi", "hu", "ca", "hr", "sk", "sl", "bg", "el", "id":
		a.DecimalComma = true
	}
	return a
}

// primaryTag returns the lower-cased primary subtag of a BCP 47 tag.
func primaryTag(lang string) string {
	if i := strings.IndexAny(lang, "-_"); i >= 0 {
		lang = lang[:i]
	}
	return strings.ToLower(strings.TrimSpace(lang))
}

// Tokens returns the words and numbers of s in order, folded (see Token).
// Punctuation, spaces and symbols are left out. Invalid UTF-8 yields no
// panic; its bytes are skipped or kept inside tokens as found.
func (a *Analyzer) Tokens(s string) []Token {
	out := make([]Token, 0, len(s)/6) // about one token per six bytes of news
	a.scan(s, func(t Token, _ string) { out = append(out, t) })
	return out
}

// Terms returns the terms of s for shingling: the tokens' folded stems, in
// order, without stop words when DropStopWords is set.
func (a *Analyzer) Terms(s string) []string {
	out := make([]string, 0, len(s)/6)
	a.termTokens(s, func(t Token) { out = append(out, t.Term) })
	return out
}

// TermTokens returns the tokens of s whose Term is the term Terms gives:
// Terms with offsets, for callers that split the text afterwards (into
// sentences, say) and want the whole text analysed in one pass.
func (a *Analyzer) TermTokens(s string) []Token {
	out := make([]Token, 0, len(s)/6)
	a.termTokens(s, func(t Token) { out = append(out, t) })
	return out
}

func (a *Analyzer) termTokens(s string, emit func(Token)) {
	// Stemming is the costliest step and news repeats its words, so stems
	// are memoised for the call.
	var stems map[string]string
	a.scan(s, func(t Token, raw string) {
		if t.Kind == Word {
			if a.DropStopWords && isStopWord(a.Lang, t.Term) {
				return
			}
			if a.Stemmer != nil {
				if stems == nil {
					stems = make(map[string]string)
				}
				// Stemmers are written for the language's own spelling, so
				// stem before removing diacritics, then fold the stem.
				low := lower(raw)
				stem, ok := stems[low]
				if !ok {
					stem = fold(a.Stemmer(low))
					stems[low] = stem
				}
				t.Term = stem
			}
		}
		emit(t)
	})
}

// scan tokenizes s and calls emit for each word or number with its raw
// text, after elision splitting and number joining.
func (a *Analyzer) scan(s string, emit func(t Token, raw string)) {
	it := words.FromString(s)
	var pending Token // a number that may continue with a "000" group
	var pendingRaw string
	flush := func() {
		if pending.Kind != 0 {
			pending.Term = canonicalNumber(pendingRaw, a.DecimalComma)
			emit(pending, pendingRaw)
			pending = Token{}
		}
	}
	for it.Next() {
		raw, start, end := it.Value(), it.Start(), it.End()
		kind := classify(raw)
		if pending.Kind != 0 {
			if kind == Number && groupContinues(s, pending.End, start, pendingRaw, raw) {
				pending.End = end
				pendingRaw = s[pending.Start:end]
				continue
			}
			if kind == 0 && isGroupSpace(raw) {
				continue // wait for the next group
			}
			flush()
		}
		switch kind {
		case Number:
			pending, pendingRaw = Token{Start: start, End: end, Kind: Number}, raw
		case Word:
			if p := a.elision(raw); p > 0 {
				emit(Token{Term: fold(raw[:p]), Start: start, End: start + p, Kind: Word}, raw[:p])
				_, n := utf8.DecodeRuneInString(raw[p:])
				start += p + n
				raw = raw[p+n:]
				if classify(raw) == 0 {
					continue
				}
			}
			emit(Token{Term: fold(raw), Start: start, End: end, Kind: Word}, raw)
		}
	}
	flush()
}

// elision returns the byte length of an elided word at the start of w that
// is followed by an apostrophe, or 0.
func (a *Analyzer) elision(w string) int {
	if len(a.Elisions) == 0 {
		return 0
	}
	i := strings.IndexByte(w, '\'')
	for _, apos := range []string{"’", "ʼ"} {
		if j := strings.Index(w, apos); j >= 0 && (i < 0 || j < i) {
			i = j
		}
	}
	if i <= 0 || i > 8 {
		return 0
	}
	p := lowerASCII(w[:i])
	for _, e := range a.Elisions {
		if p == e {
			return i
		}
	}
	return 0
}

// classify says whether a UAX #29 segment is a Word (has a letter), a
// Number (digits with separators) or neither (0).
func classify(seg string) Kind {
	digits := false
	for _, r := range seg {
		switch {
		case unicode.IsLetter(r):
			return Word
		case unicode.IsDigit(r):
			digits = true
		}
	}
	if digits {
		return Number
	}
	return 0
}
