// Package metrics scores trace predictions against a corpus's gold labels.
//
// The question newstrace answers for each article is "what is its origin in
// this corpus, if any?". Score measures the two ways to get it wrong:
// missing or misnaming the origin of a copy (origin accuracy, pair recall),
// and naming an origin for an article that has none here (false origin
// rate, pair precision).
package metrics

// Prediction is what a tracer answered for one article.
type Prediction struct {
	ID string `json:"id"`
	// Origin is the id of the predicted origin, "" for none.
	Origin string `json:"origin"`
	// Verdict is the tracer's relation (copy, translation, …); Score
	// carries it but does not grade it.
	Verdict string `json:"verdict"`
}

// Report holds the scores of one run, overall and per language pair.
type Report struct {
	// Docs is the number of gold articles scored.
	Docs int `json:"docs"`
	// CopyQueries is the number of articles whose gold origin is present
	// in the corpus: those that should get an origin.
	CopyQueries int `json:"copy_queries"`
	// OriginAccuracy is the share of CopyQueries whose predicted origin
	// is exactly the gold origin.
	OriginAccuracy float64 `json:"origin_accuracy"`
	// FalseOriginRate is the share of the articles that should get no
	// origin (originals, independents, copies whose origin is absent)
	// that were given one.
	FalseOriginRate float64 `json:"false_origin_rate"`
	// PairPrecision is the share of predicted links (query → predicted
	// origin) whose two articles share a gold group: linking a
	// translation to a sibling translation is a true relation, if not the
	// origin.
	PairPrecision float64 `json:"pair_precision"`
	// PairRecall is the share of gold links (copy → origin, origin
	// present) that a predicted link joins, in either direction.
	PairRecall float64 `json:"pair_recall"`
	// PairF1 is the harmonic mean of PairPrecision and PairRecall.
	PairF1 float64 `json:"pair_f1"`
	// DocsPerSecond is left to the caller, which knows the time taken.
	DocsPerSecond float64 `json:"docs_per_second"`
	// ByPair holds the same scores per "<query lang>-<origin lang>" (the
	// gold origin's language for copies, the predicted origin's for false
	// origins); nil inside a per-pair report.
	ByPair map[string]*Report `json:"by_pair,omitempty"`
}
