package provenance

import (
	"testing"
	"time"

	"github.com/newstrace/newstrace/internal/match"
)

// TestResolveLeadAndSiblings checks two rules of resolve for a short
// query: a candidate whose opening the query renders is preferred to one
// it matches elsewhere unless that one accounts for it clearly better, and
// the original that a better-scoring candidate itself translates stays in
// the running however low it scores; and an earlier candidate near the
// best takes its place only when the best derives from it.
func TestResolveLeadAndSiblings(t *testing.T) {
	base := time.Date(2025, 3, 4, 10, 0, 0, 0, time.UTC)
	at := func(p *match.Prepared, h int) *match.Prepared {
		p.Article.PublishedAt = base.Add(time.Duration(h) * time.Hour)
		return p
	}
	query := at(preparedWith("q", "fr", 1), 10)
	original := at(preparedWith("orig", "en", 8), 0)
	sibling := at(preparedWith("sib", "de", 1), 5)
	wire := at(preparedWith("wire", "en", 8), 1) // a copy of the original in its language
	elsewhere := at(preparedWith("other", "ru", 8), -24)
	cand := func(p *match.Prepared, score float64, lead bool) compared {
		return compared{p, match.Result{Verdict: match.Translation, Score: score, Coverage: 1, OriginCoverage: 1, Lead: lead}}
	}
	derivesFrom := func(pairs ...[2]*match.Prepared) func(x, y *match.Prepared) bool {
		return func(x, y *match.Prepared) bool {
			for _, p := range pairs {
				if p[0] == x && p[1] == y {
					return true
				}
			}
			return false
		}
	}
	none := derivesFrom()
	tests := []struct {
		name    string
		found   []compared
		derives func(x, y *match.Prepared) bool
		want    string
	}{
		{"lead preferred to an earlier match elsewhere", []compared{cand(original, 0.6, true), cand(elsewhere, 0.7, false)}, none, "orig"},
		{"match elsewhere far better than the lead", []compared{cand(original, 0.3, true), cand(elsewhere, 0.9, false)}, none, "other"},
		{"no lead: earliest near the best", []compared{cand(original, 0.6, false), cand(elsewhere, 0.7, false)}, none, "other"},
		{"an earlier text the best does not derive from stays behind it", []compared{cand(original, 0.7, false), cand(elsewhere, 0.6, false)}, none, "orig"},
		{"an earlier text the best derives from takes its place", []compared{cand(original, 0.7, false), cand(elsewhere, 0.6, false)}, derivesFrom([2]*match.Prepared{original, elsewhere}), "other"},
		{"sibling translates the original", []compared{cand(sibling, 1, false), cand(original, 0.4, true)}, derivesFrom([2]*match.Prepared{sibling, original}), "orig"},
		{"sibling unrelated to the weak original", []compared{cand(sibling, 1, false), cand(original, 0.4, true)}, none, "sib"},
		{"a same-language copy does not hand its standing on", []compared{cand(wire, 1, false), cand(original, 0.4, false)}, derivesFrom([2]*match.Prepared{wire, original}), "wire"},
	}
	for _, tt := range tests {
		got, _ := resolve(query, tt.found, tt.derives)
		if got == nil || got.p.Article.ID != tt.want {
			id := "<none>"
			if got != nil {
				id = got.p.Article.ID
			}
			t.Errorf("%s: origin %s, want %s", tt.name, id, tt.want)
		}
	}
}
