package provenance

import (
	"testing"
	"time"

	"github.com/newstrace/newstrace/internal/match"
)

// at dates p h hours after a fixed time, for the resolve tests.
func at(p *match.Prepared, h int) *match.Prepared {
	p.Article.PublishedAt = time.Date(2025, 3, 4, 10, 0, 0, 0, time.UTC).Add(time.Duration(h) * time.Hour)
	return p
}

// translated is p found to be translated by the query with score, both
// wholly aligned; lead says whether the query renders p's opening.
func translated(p *match.Prepared, score float64, lead bool) compared {
	return compared{p, match.Result{Verdict: match.Translation, Score: score, Coverage: 1, OriginCoverage: 1, Lead: lead}}
}

// related is p found by the query to share text without deriving from it.
func related(p *match.Prepared, score float64) compared {
	return compared{p, match.Result{Verdict: match.Related, Score: score, Coverage: 1, OriginCoverage: 1}}
}

// TestResolveLeadAndSiblings checks two rules of resolve for a short
// query: a candidate whose opening the query renders is preferred to one
// it matches elsewhere unless that one accounts for it clearly better, and
// the original that a better-scoring candidate itself translates stays in
// the running however low it scores — when it is the text that candidate
// renders best; and an earlier candidate near the best takes its place
// only when the best derives from it.
func TestResolveLeadAndSiblings(t *testing.T) {
	query := at(preparedWith("q", "fr", 1), 10)
	original := at(preparedWith("orig", "en", 8), 0)
	sibling := at(preparedWith("sib", "de", 1), 5)
	wire := at(preparedWith("wire", "en", 8), 1) // a copy of the original in its language
	elsewhere := at(preparedWith("other", "ru", 8), -24)
	earlierEN := at(preparedWith("earlier", "en", 8), -24) // another English text on the subject
	lineEN := at(preparedWith("line", "en", 1), 2)         // a text of one sentence, as long as the query
	twoLines := at(preparedWith("two", "en", 2), -24)      // an earlier two-line text whose first line the query renders
	cand := translated
	// scored lists derivations with how well the source accounts for
	// the derived text; derivesFrom lists them at 1.
	scored := func(d map[[2]*match.Prepared]float64) derivation {
		return func(x, y *match.Prepared) float64 { return d[[2]*match.Prepared{x, y}] }
	}
	derivesFrom := func(pairs ...[2]*match.Prepared) derivation {
		d := map[[2]*match.Prepared]float64{}
		for _, p := range pairs {
			d[p] = 1
		}
		return scored(d)
	}
	none := derivesFrom()
	tests := []struct {
		name    string
		found   []compared
		derives derivation
		want    string
	}{
		{"lead preferred to an earlier match elsewhere", []compared{cand(original, 0.6, true), cand(elsewhere, 0.7, false)}, none, "orig"},
		// A text no longer than the query, rendered whole, is no less than
		// a lead; and an earlier text of its language that it does not
		// derive from stays behind it.
		{"a whole text as long as the query beside an earlier lead", []compared{cand(twoLines, 0.6, true), cand(lineEN, 0.8, false)}, none, "line"},
		{"a longer text matched elsewhere beside an earlier lead", []compared{cand(twoLines, 0.6, true), cand(original, 0.8, false)}, none, "two"},
		{"match elsewhere far better than the lead", []compared{cand(original, 0.3, true), cand(elsewhere, 0.9, false)}, none, "other"},
		{"no lead: earliest near the best", []compared{cand(original, 0.6, false), cand(elsewhere, 0.7, false)}, none, "other"},
		{"an earlier text the best does not derive from stays behind it", []compared{cand(original, 0.7, false), cand(elsewhere, 0.6, false)}, none, "orig"},
		{"an earlier text the best derives from takes its place", []compared{cand(original, 0.7, false), cand(elsewhere, 0.6, false)}, derivesFrom([2]*match.Prepared{original, elsewhere}), "other"},
		{"sibling translates the original", []compared{cand(sibling, 1, false), cand(original, 0.4, true)}, derivesFrom([2]*match.Prepared{sibling, original}), "orig"},
		// A sibling's original that the query matches only loosely, as
		// two renderings pivoted alike outscore their original.
		{"a sibling's loosely matched original", []compared{cand(sibling, 1, false), related(original, 0.7)}, derivesFrom([2]*match.Prepared{sibling, original}), "orig"},
		{"a sibling's original matched too loosely", []compared{cand(sibling, 1, false), related(original, 0.5)}, derivesFrom([2]*match.Prepared{sibling, original}), "sib"},
		{"a loosely matched text the sibling does not translate", []compared{cand(sibling, 1, false), related(original, 0.7)}, none, "sib"},
		{"sibling unrelated to the weak original", []compared{cand(sibling, 1, false), cand(original, 0.4, true)}, none, "sib"},
		// The best candidate renders its own original far better than an
		// earlier text of the same language on the same subject: the
		// earlier one, though the query matches it nearly as well, is
		// not its source.
		{"only the best of a candidate's sources in a language hands it on", []compared{cand(sibling, 1, false), cand(original, 0.4, false), cand(earlierEN, 0.7, false)},
			scored(map[[2]*match.Prepared]float64{{sibling, original}: 0.9, {sibling, earlierEN}: 0.5}), "orig"},
		// Sources in different languages are not weighed against each
		// other (a sibling renders another sibling more closely than
		// their original): both stay, and the earliest wins.
		{"sources in two languages both hand it on", []compared{cand(sibling, 1, false), cand(original, 0.4, false), cand(elsewhere, 0.3, false)},
			scored(map[[2]*match.Prepared]float64{{sibling, original}: 0.5, {sibling, elsewhere}: 0.9}), "other"},
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

// TestResolveLaterRenderings checks that a short query's later renderings
// in one language set the bar for an earlier text of that language: one
// that renders the query far less well than they do is not its origin,
// while one that renders it about as well is; and that a later text of
// a third language (a sibling translation) sets no bar.
func TestResolveLaterRenderings(t *testing.T) {
	query := at(preparedWith("msg", "uk", 1), 0)
	ownEN := at(preparedWith("own-en", "en", 1), 2)       // the message's translation
	earlierEN := at(preparedWith("chat-en", "en", 1), -5) // an earlier chat sharing two words
	siblingDE := at(preparedWith("sib-de", "de", 1), 3)   // a later text in a third language
	cand := func(p *match.Prepared, score float64) compared { return translated(p, score, false) }
	none := func(x, y *match.Prepared) float64 { return 0 }
	tests := []struct {
		name  string
		found []compared
		want  string // "" for no origin
	}{
		{"earlier text alone", []compared{cand(earlierEN, 0.4)}, "chat-en"},
		{"far below the query's own translation", []compared{cand(earlierEN, 0.4), cand(ownEN, 0.9)}, ""},
		{"about as good as the later one", []compared{cand(earlierEN, 0.7), cand(ownEN, 0.9)}, "chat-en"},
		{"a later sibling in a third language sets no bar", []compared{cand(earlierEN, 0.4), cand(siblingDE, 0.9)}, "chat-en"},
	}
	for _, tt := range tests {
		got, _ := resolve(query, tt.found, none)
		id := ""
		if got != nil {
			id = got.p.Article.ID
		}
		if id != tt.want {
			t.Errorf("%s: origin %q, want %q", tt.name, id, tt.want)
		}
	}
	// A query of FullEvidenceSentences sentences or more is judged on its
	// own evidence.
	long := at(preparedWith("article", "uk", match.FullEvidenceSentences), 0)
	if got, _ := resolve(long, []compared{cand(earlierEN, 0.4), cand(ownEN, 0.9)}, none); got == nil || got.p.Article.ID != "chat-en" {
		t.Errorf("long query: origin %v, want chat-en", got)
	}
}
