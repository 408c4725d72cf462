// Package match decides whether one article copies another, and shows why.
//
// Finding candidates is the Index's job: LSH band keys (package
// fingerprint) lead from a query to the few indexed articles likely to share
// text with it. Deciding is Compare's: it aligns the query's sentences with
// the candidate's by their shared word 3-grams, groups the aligned sentences
// into passages by paragraph pair, measures how much of each text the
// passages cover, and names the relation — copy, edited copy, related or
// none — with the passages as evidence a person can check.
//
// Alignment works on sentences, not paragraphs, so paragraphs that a
// republisher split or merged still align, and residue, related links and
// boilerplate simply stay unaligned.
//
// This is the same-language path. Translations take the second path,
// CompareTranslation: sentences mapped to pivot terms (numbers, names,
// English stems through a bilingual lexicon, cognate skeletons) and aligned
// monotonically. ComparePair chooses by the two articles' languages, and
// XIndex finds candidates across languages by their anchors.
package match

import "github.com/newstrace/newstrace/internal/fingerprint"

// Verdict names the relation of a query article to a candidate origin.
type Verdict string

// Verdicts.
const (
	// Copy: near-verbatim, most of each text found in the other.
	Copy Verdict = "copy"
	// EditedCopy: a substantial share of the query found in the origin,
	// with cuts, additions or light rewriting.
	EditedCopy Verdict = "edited_copy"
	// Translation: the query renders the origin in another language.
	Translation Verdict = "translation"
	// Related: some shared text (a quote, a sentence) but not a copy.
	Related Verdict = "related"
	// None: no shared text worth reporting.
	None Verdict = "none"
)

// Passage is a pair of aligned paragraphs: the sentences of query paragraph
// Query found in origin paragraph Origin.
type Passage struct {
	Query, Origin int // paragraph indexes, as in article.Paragraphs
	// QueryText and OriginText are the aligned spans: from the first to the
	// last aligned sentence of each paragraph.
	QueryText, OriginText string
	// Score is the share of the query paragraph's terms in sentences
	// aligned with this origin paragraph.
	Score float64
}

// Result is the outcome of comparing a query with a candidate origin.
type Result struct {
	Verdict Verdict
	// Score ranks candidates: mostly how much of the query is found in the
	// candidate, and a quarter how much of the candidate is found in the
	// query, so a fuller origin ranks first among equal coverage.
	Score float64
	// Coverage is the share of the query's terms in sentences aligned with
	// the candidate.
	Coverage float64
	// OriginCoverage is the share of the candidate's terms in sentences
	// aligned with the query.
	OriginCoverage float64
	// Rendered is, for a cross-lingual pair, the share of the query's
	// sentences the candidate accounts for (see TranslationSentences).
	Rendered float64
	// Lead reports, for a cross-lingual pair, that the query renders the
	// candidate's opening sentences in place, its sentence i as the
	// candidate's sentence i: the candidate's lead, as a republisher that
	// keeps only the start of a text makes it, or the whole candidate when
	// it is no longer. A one-sentence candidate is never a lead: aligning
	// with it is forced and says nothing of position.
	Lead bool
	// RunCoverage is, for a cross-lingual pair whose query aligns in two
	// beads or more, the share of the candidate's terms in aligned
	// sentences over the run of candidate sentences from the first
	// aligned to the last: what OriginCoverage is for the part of the
	// candidate a partial copy took. A copy of a text's first paragraphs,
	// or of a passage, renders a run of its origin nearly whole; two
	// texts on one subject align sentences scattered over the longer one.
	// Zero for fewer beads.
	RunCoverage float64
	// Derived reports that a Copy, EditedCopy or Translation verdict holds
	// on the query's side: most of the query is the candidate's text or
	// its rendering. A verdict reached on the candidate's coverage alone —
	// the query holds the whole of a shorter text, as a long page holds a
	// wire story or a help-desk chat another's canned answer — leaves it
	// false: that candidate is the source of a part of the query, and what
	// the rest of the query derives from is not its to say.
	Derived bool
	// Strength is, for a cross-lingual pair, the evidence of its aligned
	// sentences: each pair's similarity above chance, weighed by how well
	// the two lengths agree, summed (see TranslationStrength). Score
	// tells how much of the query a candidate accounts for; Strength how
	// closely, which is what sets a one-sentence query's translation
	// apart from a text that shares one of its words.
	Strength float64
	// RareStrength is Strength with each word weighed by how rare it is
	// in the store searched (see Options.Rarity), or Strength itself where
	// no rarity is known. Two candidates on one subject share its common
	// words with a short query alike; the rarer words it shares with its
	// original tell them apart.
	RareStrength float64
	// Evidence lists the aligned passages in query order.
	Evidence []Passage
}

// Options tunes preparation and verdicts. The zero value, and any zero
// field, means the default.
type Options struct {
	// Params shape the signatures and band keys; an Index must use the same.
	Params fingerprint.Params
	// AlignShingle is the number of terms per alignment shingle (default
	// 3). Three terms keep sentence overlap measurable after a word is
	// changed (a 20-term sentence keeps 15 of its 18 3-grams), while
	// unrelated sentences rarely share more than one.
	AlignShingle int
	// SentenceContainment is the share of a sentence's shingles that must be
	// found in one sentence of the other text for the two to align
	// (default 0.5): light rewording keeps a sentence above it, a sentence
	// that merely shares a name and a date stays below.
	SentenceContainment float64
	// CopyCoverage is the coverage, both ways, from which a pair is a copy
	// (default 0.9): dropping a byline or adding a residue line keeps both
	// coverages above it; cutting a paragraph of a ten-paragraph article
	// does not.
	CopyCoverage float64
	// EditedCoverage is the query coverage from which a pair is an edited
	// copy (default 0.5): most of the query is the candidate's text.
	// EditedOriginCoverage (default 0.6) catches the reverse, a query that
	// holds most of the candidate inside a much longer page.
	EditedCoverage, EditedOriginCoverage float64
	// MinCopyTerms is the number of aligned query terms below which no pair
	// is a copy or edited copy (default 25, about two sentences): a
	// two-line text cannot show that it was copied.
	MinCopyTerms int
	// MinRelatedTerms is the number of aligned query terms from which a pair
	// is related (default 8, a short quoted sentence).
	MinRelatedTerms int

	// Pivot maps words to pivot terms for CompareTranslation; nil means
	// no lexicon (anchors and cognates only). Prepare keeps it with the
	// article, so articles compared across languages must be prepared
	// with the Pivot the caller wants.
	Pivot *Pivoter
	// Signals selects the cross-lingual signals (default AllSignals).
	Signals Signals
	// SentenceSimilarity is the Dice coefficient of pivot terms from which
	// two sentences of different languages may align (default 0.2):
	// parallel sentences share a third to a half of their pivot terms
	// through a FreeDict lexicon, while sentences of two texts about one
	// event rarely share more than a name, a number and a common word.
	SentenceSimilarity float64
	// LengthPenalty weighs the log ratio of two aligned sentences'
	// lengths (default 0.05): a translation keeps sentence lengths close.
	LengthPenalty float64
	// TranslationCoverage is the share of the query's pivot terms in
	// aligned sentences from which a pair is a translation (default 0.35);
	// TranslationOriginCoverage (default 0.6) is the same share of the
	// candidate's, for a query that renders a shorter text whole.
	TranslationCoverage, TranslationOriginCoverage float64
	// TranslationSentences is the share of the query's sentences a
	// translation renders (default 0.6): aligned, or in a gap between
	// aligned sentences that matches one of the candidate's in position
	// and length. An independent report of the same event aligns its
	// quotes and figures as well as a translation does, but not most of
	// its sentences in order.
	TranslationSentences float64
	// MinTranslationTerms is the number of words and numbers in aligned
	// query sentences below which no pair is a translation (default 8, one
	// short sentence): a headline of five words cannot show whose it is.
	MinTranslationTerms int
	// TranslationStrength is how far above chance the aligned sentence
	// pairs' similarities must sum for a translation (default 0.7): a
	// handful of pairs that barely pass SentenceSimilarity, which two
	// short texts on one subject reach, is not enough, a long run of them
	// or one close rendering is.
	TranslationStrength float64
	// Rarity, when set, says how much a pivot word tells about a text,
	// from 1 for a rare word down for a common one; a key is a pivot term
	// as XlingKeys gives it. XIndex.Rarity reads it from the store's own
	// document frequencies. It weighs Result.RareStrength only: verdicts
	// keep whole-word weights, whose floors are measured with them.
	Rarity func(key uint64) float64
}

func (o Options) withDefaults() Options {
	o.Params = o.Params.WithDefaults()
	if o.AlignShingle <= 0 {
		o.AlignShingle = 3
	}
	if o.SentenceContainment <= 0 {
		o.SentenceContainment = 0.5
	}
	if o.CopyCoverage <= 0 {
		o.CopyCoverage = 0.9
	}
	if o.EditedCoverage <= 0 {
		o.EditedCoverage = 0.5
	}
	if o.EditedOriginCoverage <= 0 {
		o.EditedOriginCoverage = 0.6
	}
	if o.MinCopyTerms <= 0 {
		o.MinCopyTerms = 25
	}
	if o.MinRelatedTerms <= 0 {
		o.MinRelatedTerms = 8
	}
	if o.Signals == 0 {
		o.Signals = AllSignals
	}
	if o.SentenceSimilarity <= 0 {
		o.SentenceSimilarity = 0.2
	}
	if o.LengthPenalty <= 0 {
		o.LengthPenalty = 0.05
	}
	if o.TranslationCoverage <= 0 {
		o.TranslationCoverage = 0.35
	}
	if o.TranslationOriginCoverage <= 0 {
		o.TranslationOriginCoverage = 0.6
	}
	if o.TranslationSentences <= 0 {
		o.TranslationSentences = 0.6
	}
	if o.MinTranslationTerms <= 0 {
		o.MinTranslationTerms = 8
	}
	if o.TranslationStrength <= 0 {
		o.TranslationStrength = 0.7
	}
	return o
}
