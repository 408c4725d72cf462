// Package artifact finds the traces that machine translation and text
// spinning leave in a republished article, as evidence a person can check.
//
// A copy that went through a translation engine often carries marks no
// human editor leaves: quote punctuation split around a reporting clause
// ("le faire », » a déclaré"), a quoted word stranded after the full stop
// that should follow it ("étaient fausses. « absurdité. »"), words of the
// source language left in the text, numbers still written in the source
// locale ("3.5 Prozent"), and proper names that drifted by a letter or two
// from the origin's ("Scholz" → "Schulz").
//
// Text looks at one article; Pair compares a copy with its origin over the
// passages that matching aligned. Both are pure functions: no I/O, no
// logging, no package state. Every rule was measured on human and machine
// translations of the same documents (see eval_test.go); rules that did not
// fire clearly more often in machine output are not emitted, and those that
// fire more often but also in careful human text are marked Weak.
package artifact

import (
	"sort"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/match"
)

// Finding kinds.
const (
	// KindNameDrift is a proper name of the copy that differs by a letter
	// or two from the name the aligned origin passage has, beyond what
	// diacritics, transliteration or inflection explain.
	KindNameDrift = "name_drift"
	// KindBrokenQuotes is quote punctuation broken the way translation
	// engines break it.
	KindBrokenQuotes = "broken_quotes"
	// KindUntranslated is a run of words of another language, or letters of
	// another script, left inside the text.
	KindUntranslated = "untranslated"
	// KindNumberFormat is a number written in another language's locale.
	KindNumberFormat = "number_format"
)

// Finding is one artifact, with the spans that show it.
type Finding struct {
	Kind string `json:"kind"`
	// Rule names the precise rule that fired ("split_quote",
	// "stranded_quote", …), for counting and for tests.
	Rule string `json:"rule"`
	// Detail says in words what is wrong.
	Detail string `json:"detail"`
	// Query is the span of the copy (the article Text looked at) that shows
	// the artifact, with a little context.
	Query string `json:"query"`
	// Origin is the corresponding span of the origin, when there is one.
	Origin string `json:"origin,omitempty"`
	// Paragraph is the index of the copy's paragraph, as in
	// article.Paragraphs.
	Paragraph int `json:"paragraph"`
	// Weak marks a rule that fires clearly more often in machine
	// translations than in human ones but also fires in human text: a hint
	// to read, not evidence on its own.
	Weak bool `json:"weak,omitempty"`
}

// Text returns the single-article artifacts of a: broken quotes, words left
// in another language, numbers in another locale. It relies on a.Lang
// (BCP 47 primary tag); rules that depend on the language are skipped when
// it is empty or unknown. Findings are in paragraph order.
func Text(a *article.Article) []Finding {
	return textFindings(a, false)
}

// textFindings runs the single-article rules; all includes the rules that
// are disabled because they did not separate machine from human
// translation, so that the evaluation can keep measuring them.
func textFindings(a *article.Article, all bool) []Finding {
	if a == nil {
		return nil
	}
	lang := primaryLang(a.Lang)
	var out []Finding
	for i, p := range a.Paragraphs() {
		out = append(out, quoteFindings(p, i, lang, all)...)
		out = append(out, untranslatedFindings(p, i, lang, all)...)
		out = append(out, numberFindings(p, i, lang, all)...)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Paragraph < out[j].Paragraph })
	return out
}

// Pair returns the name drift between copy and origin over the aligned
// passages (match.Passage, as Compare or CompareTranslation return them).
// A name is reported once per pair of spellings, at its first passage.
func Pair(copy, origin *article.Article, passages []match.Passage) []Finding {
	if copy == nil || origin == nil {
		return nil
	}
	return nameDrift(copy, origin, passages)
}
