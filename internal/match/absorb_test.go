package match

import (
	"slices"
	"testing"
	"time"

	"github.com/newstrace/newstrace/internal/article"
)

// A sentence the translator split in two — or a chat line written
// without a full stop that its translation splits — renders as two query
// sentences against one. When the alignment left the short half out (a
// merge must beat the aligned half alone by mergeCost), the half joins
// its neighbour's bead if it is itself similar enough to the long
// sentence or most of it is found there, adds to the bead's similarity
// and evens the lengths; a neighbour that shares only a name with it
// does not.
func TestAbsorbHalves(t *testing.T) {
	const floor = 0.2
	// Query sentence 0 (30 letters) is unaligned, sentence 1 (100, ten
	// units) is aligned with the candidate's one sentence (140).
	qx := &xprep{sents: []xsent{{weight: 3, units: 3, width: 30}, {weight: 10, units: 10, width: 100}}}
	cx := &xprep{sents: []xsent{{weight: 14, units: 14, width: 140}}, unitW: slices.Repeat([]float64{1}, 20)}
	// matches returns the unit matches of query sentence 0 with the
	// candidate sentence: its first n units.
	matches := func(n int) []unitMatch {
		var ms []unitMatch
		for u := range n {
			ms = append(ms, unitMatch{pair: 0, qu: int32(u), cu: int32(10 + u), qw: 1, cw: 1})
		}
		return ms
	}
	tests := []struct {
		name    string
		shared  int     // units of sentence 0 found in the candidate sentence
		width   int     // sentence 0's width
		cweight float64 // the candidate sentence's weight
		absorbs bool
	}{
		{"a similar half that evens the lengths", 3, 30, 14, true},
		{"a half sharing one word, below the floor", 1, 30, 14, false},
		{"a half that makes the lengths worse", 3, 200, 14, false},
		// Below the floor for the long sentence's weight, but every word
		// of the half is in it.
		{"a half held whole by a heavy sentence", 3, 30, 40, true},
	}
	for _, tt := range tests {
		qx.sents[0].width = tt.width
		cx.sents[0].weight = tt.cweight
		sims := []pairSim{{q: 1, c: 0, num: 14, den: 10 + tt.cweight}}
		scr := &xscratch{ms: matches(tt.shared)}
		al := newAlignment(2, scr)
		al.set(1, 0, 0, beadOne, sims[0].sim())
		absorbHalves(qx, cx, sims, scr, al, floor)
		got := al.first[0] == 0 && al.kind[0] == beadFirstOfTwo && al.kind[1] == beadSecondOfTwo
		if got != tt.absorbs {
			t.Errorf("%s: absorbed %v (kinds %v, first %v), want %v", tt.name, got, al.kind, al.first, tt.absorbs)
		}
		if got && al.sim[0] <= sims[0].sim() {
			t.Errorf("%s: merged similarity %.3f, want above the aligned half's %.3f", tt.name, al.sim[0], sims[0].sim())
		}
	}
}

// A long text holds a one-line candidate whole only by showing two beads
// of evidence: two of its sentences merged into one bead against the
// candidate's single sentence are one piece of evidence, not two.
func TestOneLineCandidateNeedsTwoBeads(t *testing.T) {
	opts := Options{Pivot: NewPivoter(fixtureLexicon(t))}
	art := func(id, lang, text string) *Prepared {
		a := article.New()
		a.ID, a.Lang, a.Text = id, lang, text
		a.PublishedAt = time.Date(2025, 3, 4, 10, 0, 0, 0, time.UTC)
		return Prepare(a, opts)
	}
	line := art("en", "en", "At last the old dam protects the valley again: engineers in Valbrenne reopened it on Tuesday after two years of repairs that cost 14.5 million euros, and the mayor said the houses are safe.")
	paras := xlingArticle(t, "fr-dam").Paragraphs()
	long := art("fr", "fr", article.JoinParagraphs(append([]string{
		"Enfin, l'ancien barrage protège la vallée. Les ingénieurs de Valbrenne l'ont rouvert mardi après deux ans de réparations qui ont coûté 14,5 millions d'euros, et la maire a déclaré que les maisons sont sûres.",
	}, paras[2:]...)))
	res := CompareTranslation(long, line, opts)
	if res.Verdict == Translation {
		t.Errorf("long text vs one line: %s (origin coverage %.2f), want no translation from one bead", res.Verdict, res.OriginCoverage)
	}
}
