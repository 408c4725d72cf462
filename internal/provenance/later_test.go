package provenance

import (
	"testing"
	"time"

	"github.com/newstrace/newstrace/internal/match"
)

// TestResolveLaterRenderings checks that a short query's later renderings
// in one language set the bar for an earlier text of that language: one
// that renders the query far less well than they do is not its origin,
// while one that renders it about as well is; and that a later text of
// a third language (a sibling translation) sets no bar.
func TestResolveLaterRenderings(t *testing.T) {
	base := time.Date(2025, 3, 4, 10, 0, 0, 0, time.UTC)
	at := func(p *match.Prepared, h int) *match.Prepared {
		p.Article.PublishedAt = base.Add(time.Duration(h) * time.Hour)
		return p
	}
	query := at(preparedWith("msg", "uk", 1), 0)
	ownEN := at(preparedWith("own-en", "en", 1), 2)       // the message's translation
	earlierEN := at(preparedWith("chat-en", "en", 1), -5) // an earlier chat sharing two words
	siblingDE := at(preparedWith("sib-de", "de", 1), 3)   // a later text in a third language
	cand := func(p *match.Prepared, score float64) compared {
		return compared{p, match.Result{Verdict: match.Translation, Score: score, Coverage: 1, OriginCoverage: 1}}
	}
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
