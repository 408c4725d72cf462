package metrics

import (
	"github.com/newstrace/newstrace/internal/article"
)

// counts accumulates one report's numerators and denominators.
type counts struct {
	docs, queries, correct  int
	negatives, falseOrigins int
	links, trueLinks        int
	goldLinks, foundLinks   int
}

func (c *counts) report() *Report {
	r := &Report{
		Docs:            c.docs,
		CopyQueries:     c.queries,
		OriginAccuracy:  ratio(c.correct, c.queries),
		FalseOriginRate: ratio(c.falseOrigins, c.negatives),
		PairPrecision:   ratio(c.trueLinks, c.links),
		PairRecall:      ratio(c.foundLinks, c.goldLinks),
	}
	if p, q := r.PairPrecision, r.PairRecall; p+q > 0 {
		r.PairF1 = 2 * p * q / (p + q)
	}
	return r
}

// ratio is n/d, or 0 when there is nothing to divide: a run without
// queries has no accuracy to speak of, and NaN breaks JSON.
func ratio(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}

// Score grades preds against the gold labels of the corpus gold. An
// article without a prediction predicted no origin; predictions for ids
// not in gold are ignored, and for an id predicted twice the first counts.
// An article without Gold counts as independent. A link from an article to
// itself is never correct.
func Score(gold []*article.Article, preds []Prediction) *Report {
	byID := make(map[string]*article.Article, len(gold))
	for _, a := range gold {
		byID[a.ID] = a
	}
	predicted := make(map[string]string, len(preds))
	for _, p := range preds {
		if _, seen := predicted[p.ID]; !seen && byID[p.ID] != nil {
			predicted[p.ID] = p.Origin
		}
	}
	// linked holds every predicted link, both ways, for recall.
	linked := map[[2]string]bool{}
	for q, o := range predicted {
		if o != "" && o != q {
			linked[[2]string{q, o}] = true
			linked[[2]string{o, q}] = true
		}
	}

	var total counts
	pairs := map[string]*counts{}
	bucket := func(key string) *counts {
		if pairs[key] == nil {
			pairs[key] = &counts{}
		}
		return pairs[key]
	}
	for _, a := range gold {
		g := a.Gold
		if g == nil {
			g = &article.Gold{Relation: article.RelationIndependent}
		}
		pred := predicted[a.ID]
		origin := byID[g.Origin]
		isQuery := g.Origin != "" && origin != nil && g.Origin != a.ID

		var pc *counts // this article's language-pair bucket, if any
		switch {
		case isQuery:
			pc = bucket(langOf(a) + "-" + langOf(origin))
		case pred != "":
			pc = bucket(langOf(a) + "-" + langOf(byID[pred]))
		}
		for _, c := range []*counts{&total, pc} {
			if c == nil {
				continue
			}
			c.docs++
			if isQuery {
				c.queries++
				c.goldLinks++
				if pred == g.Origin {
					c.correct++
				}
				if linked[[2]string{a.ID, g.Origin}] {
					c.foundLinks++
				}
			} else {
				c.negatives++
				if pred != "" {
					c.falseOrigins++
				}
			}
			if pred != "" {
				c.links++
				if p := byID[pred]; p != nil && pred != a.ID && sameGroup(g, p.Gold) {
					c.trueLinks++
				}
			}
		}
	}

	r := total.report()
	r.ByPair = make(map[string]*Report, len(pairs))
	for k, c := range pairs {
		r.ByPair[k] = c.report()
	}
	return r
}

func sameGroup(a, b *article.Gold) bool {
	return a != nil && b != nil && a.Group != "" && a.Group == b.Group
}

// langOf is an article's language, "und" when unknown or absent.
func langOf(a *article.Article) string {
	if a == nil || a.Lang == "" {
		return "und"
	}
	return a.Lang
}
