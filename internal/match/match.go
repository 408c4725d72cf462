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
// This is the same-language path. Translations need anchors (numbers, names)
// and lexicon pivots; they will come as a second comparison path beside
// ComparePrepared, choosing by the two articles' languages.
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
	return o
}
