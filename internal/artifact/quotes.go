package artifact

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newstrace/newstrace/internal/text"
)

// quoteStyle is the set of quote marks a language uses whose direction is
// unambiguous in it: « opens in French but closes in German.
type quoteStyle struct {
	open, close string // runes, paired by position
}

// quoteStyles lists the styles per language. Languages that use a mark in
// both directions (German »…« next to „…“) list only the marks that cannot
// be read the other way.
var quoteStyles = map[string]quoteStyle{
	"fr": {open: "«“", close: "»”"},
	"es": {open: "«“", close: "»”"},
	"it": {open: "«“", close: "»”"},
	"pt": {open: "«“", close: "»”"},
	"ca": {open: "«“", close: "»”"},
	"ru": {open: "«„", close: "»“"},
	"uk": {open: "«„", close: "»“"},
	"en": {open: "“", close: "”"},
	"de": {open: "„", close: "“"},
	"cs": {open: "„", close: "“"},
	"sk": {open: "„", close: "“"},
	"hr": {open: "„", close: "“"},
	"pl": {open: "„", close: "”"},
	"ro": {open: "„", close: "”"},
	"hu": {open: "„", close: "”"},
	"nl": {open: "„“", close: "””"},
}

// isQuoteMark reports whether r is a double quote mark of any style.
func isQuoteMark(r rune) bool {
	return strings.ContainsRune(`"«»“”„`, r)
}

// quoteFindings returns the broken-quote findings of paragraph p.
// The rules, in order of strength:
//
//   - split_quote: a closing mark, a comma or full stop, and a second
//     closing mark ("le faire », » a déclaré"): the translation of
//     English `it," he said`, where the engine closed the quote twice.
//   - stranded_quote: a quote opened after a full stop whose first word is
//     lower case ("étaient fausses. « absurdité. »"): English `were
//     "nonsense."`, with the quoted word pushed past the sentence's end.
//   - orphan_close: a closing mark with no quote open before it in the
//     paragraph.
//   - mixed_quotes: an odd number of straight quotes in a sentence that
//     also uses the language's typographic marks.
//   - glued_quote: a quote mark with letters on both sides ("dit»nous").
//   - fr_spacing: French guillemets spaced in one place and not in another
//     within one paragraph.
//
// Which rules are emitted follows the measured rates (see eval_test.go).
func quoteFindings(p string, para int, lang string, all bool) []Finding {
	st, ok := quoteStyles[lang]
	if !ok {
		return nil
	}
	var out []Finding
	add := func(rule, detail string, start, end int) {
		r := quoteRules[rule]
		if !r.enabled && !all {
			return
		}
		out = append(out, Finding{Kind: KindBrokenQuotes, Rule: rule, Detail: detail,
			Query: snippet(p, start, end), Paragraph: para, Weak: r.weak})
	}
	opens, closes := []rune(st.open), []rune(st.close)
	pairOf := func(r rune, set []rune) int {
		for i, q := range set {
			if q == r {
				return i
			}
		}
		return -1
	}

	// One pass over the marks: depth per pair for orphan_close, the previous
	// closing mark for split_quote.
	depth := make([]int, len(opens))
	lastClose, lastCloseEnd := -1, -1
	split := map[int]bool{}
	for i, r := range p {
		if oi := pairOf(r, opens); oi >= 0 && !(opens[oi] == closes[oi]) {
			depth[oi]++
			lastClose = -1
			continue
		}
		ci := pairOf(r, closes)
		if ci < 0 {
			if !unicode.IsSpace(r) && !strings.ContainsRune(",.;", r) {
				lastClose = -1
			}
			continue
		}
		end := i + utf8.RuneLen(r)
		if lastClose >= 0 && strings.ContainsAny(p[lastCloseEnd:i], ",.;") {
			add("split_quote", "quote closed twice around a comma, as a translated `,\" he said` reads",
				lastClose, end)
			split[i] = true
		}
		if depth[ci] > 0 {
			depth[ci]--
		} else if !split[i] {
			add("orphan_close", "closing quote mark with no quote open before it in the paragraph", i, end)
		}
		lastClose, lastCloseEnd = i, end
	}

	// stranded_quote: sentence end, opening mark, lower-case word.
	for i, r := range p {
		if pairOf(r, opens) < 0 {
			continue
		}
		before := strings.TrimRight(p[:i], " \u00a0\u202f")
		after := strings.TrimLeft(p[i+utf8.RuneLen(r):], " \u00a0\u202f")
		if before == "" || after == "" {
			continue
		}
		last, _ := utf8.DecodeLastRuneInString(before)
		first, _ := utf8.DecodeRuneInString(after)
		if strings.ContainsRune(".!?", last) && unicode.IsLower(first) && !abbrevBefore(before) {
			add("stranded_quote", "quote opens lower case after the sentence ended: the quoted word was pushed past the full stop",
				i, i+utf8.RuneLen(r)+min(len(after), 12))
		}
	}

	// mixed_quotes, per sentence.
	for _, sp := range text.Sentences(p) {
		s := p[sp.Start:sp.End]
		straight := strings.Count(s, `"`)
		if straight%2 == 1 && strings.ContainsAny(s, st.open+st.close) {
			j := strings.IndexByte(s, '"')
			add("mixed_quotes", "straight and typographic quote marks mixed in one sentence, one straight mark unpaired",
				sp.Start+j, sp.Start+j+1)
		}
	}

	// glued_quote: letter, mark, letter.
	var prev rune
	prevEnd := 0
	for i, r := range p {
		if isQuoteMark(prev) && unicode.IsLetter(r) && prevEnd >= 2 {
			before, _ := utf8.DecodeLastRuneInString(p[:prevEnd-utf8.RuneLen(prev)])
			if unicode.IsLetter(before) {
				add("glued_quote", "quote mark glued to words on both sides", prevEnd-utf8.RuneLen(prev), i)
			}
		}
		prev, prevEnd = r, i+utf8.RuneLen(r)
	}

	// fr_spacing: French sets guillemets off with a (narrow) space; a
	// paragraph that does so in one place and not in another was assembled
	// from differently typeset pieces.
	if lang == "fr" {
		spaced, tight := -1, -1
		for i, r := range p {
			if r != '«' {
				continue
			}
			next, _ := utf8.DecodeRuneInString(p[i+len("«"):])
			switch {
			case next == ' ' || next == '\u00a0' || next == '\u202f':
				spaced = i
			case unicode.IsLetter(next):
				tight = i
			}
		}
		if spaced >= 0 && tight >= 0 {
			add("fr_spacing", "French guillemets spaced in one place and not in another", tight, tight+len("«")+8)
		}
	}
	return out
}

// abbrevBefore reports whether before ends with a short abbreviation or an
// initial ("M.", "J.", "etc."), after which a full stop does not end a
// sentence.
func abbrevBefore(before string) bool {
	before = strings.TrimRight(before, ".!?")
	i := strings.LastIndexFunc(before, func(r rune) bool { return !unicode.IsLetter(r) })
	w := before[i+1:]
	if i >= 0 {
		_, n := utf8.DecodeRuneInString(before[i:])
		w = before[i+n:]
	}
	return utf8.RuneCountInString(w) <= 2 && w != "" && upperInitial(w) || strings.EqualFold(w, "etc")
}

// ruleState says whether a rule is emitted and whether it is weak.
type ruleState struct{ enabled, weak bool }

// quoteRules holds the decisions taken from the measured rates in
// eval_test.go: see the package report for the table.
var quoteRules = map[string]ruleState{
	"split_quote":    {enabled: true, weak: true},
	"stranded_quote": {enabled: true, weak: true},
	"orphan_close":   {},
	"mixed_quotes":   {},
	"glued_quote":    {enabled: true},
	"fr_spacing":     {},
}
