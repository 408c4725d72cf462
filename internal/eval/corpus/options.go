package corpus

import (
	"github.com/newstrace/newstrace/internal/article"
)

// Options selects the evaluation condition an importer produces. The zero
// value is the full condition: every original and every translation, whole.
type Options struct {
	// PartialK, when above zero, cuts every non-original to its first
	// PartialK sentences: the partial-copy condition, where a republisher
	// keeps only the lead.
	PartialK int
	// DropOrigins removes every article that is some other article's gold
	// origin: the no-counterpart condition, where the right answer for
	// every remaining article is "no origin in the corpus". Gold labels are
	// kept as they are, so they still name the missing origins.
	DropOrigins bool
}

// apply turns the full condition into the one opts asks for.
func (o Options) apply(arts []*article.Article) []*article.Article {
	if o.PartialK > 0 {
		for _, a := range arts {
			if a.Gold != nil && a.Gold.Relation != article.RelationOriginal {
				a.Text = firstSentences(a.Text, o.PartialK)
			}
		}
	}
	if !o.DropOrigins {
		return arts
	}
	origins := map[string]bool{}
	for _, a := range arts {
		if a.Gold != nil && a.Gold.Origin != "" {
			origins[a.Gold.Origin] = true
		}
	}
	kept := arts[:0]
	for _, a := range arts {
		if !origins[a.ID] {
			kept = append(kept, a)
		}
	}
	return kept
}
