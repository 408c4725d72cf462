package match

import (
	"strings"
	"testing"

	"github.com/newstrace/newstrace/internal/article"
)

// TestLeadCopy checks the lead rule of CompareTranslation: a one-sentence
// query too short for MinTranslationTerms is a translation of a longer
// text whose first sentence it renders closely, and of nothing else.
func TestLeadCopy(t *testing.T) {
	opts := Options{Pivot: NewPivoter(fixtureLexicon(t))}
	body := xlingArticle(t, "en-dam").Text
	text := func(id, lang, s string) *Prepared {
		a := article.New()
		a.ID, a.Lang, a.Text = id, lang, s
		return Prepare(a, opts)
	}
	const headline = "Engineers reopened the old dam."
	query := text("fr-lead", "fr", "Les ingénieurs ont rouvert l'ancien barrage.")
	paras := strings.Split(body, "\n\n")
	tests := []struct {
		name      string
		origin    *Prepared
		want      Verdict
		wantLead  bool
		rationale string
	}{
		{"lead of a longer text", text("en-full", "en", headline+"\n\n"+body), Translation, true,
			"the query's sentence is the candidate's first, and the candidate goes on"},
		{"a text no longer than the query", text("en-alone", "en", headline), Related, false,
			"aligning one sentence with a one-sentence text is forced: no evidence of position"},
		{"the same sentence further down", text("en-inside", "en", paras[0]+"\n\n"+headline+"\n\n"+strings.Join(paras[1:], "\n\n")), Related, false,
			"a short sentence matched in the middle of a text shows nothing about whose it is"},
	}
	for _, tt := range tests {
		res := CompareTranslation(query, tt.origin, opts)
		if res.Verdict != tt.want || res.Lead != tt.wantLead {
			t.Errorf("%s: verdict %s, lead %v; want %s, %v (%s)", tt.name, res.Verdict, res.Lead, tt.want, tt.wantLead, tt.rationale)
		}
	}
	// A two-word lead stays below minLeadTerms even in first place.
	tiny := text("fr-tiny", "fr", "Ancien barrage.")
	if res := CompareTranslation(tiny, text("en-full", "en", "Old dam.\n\n"+body), opts); res.Verdict == Translation {
		t.Errorf("two-word lead: verdict %s, want no translation", res.Verdict)
	}
}

// TestRunCoverage checks Result.RunCoverage: a query rendering
// consecutive sentences of a longer text covers that run of it whole,
// while one whose sentences align far apart covers little of the stretch
// between them, and a single aligned sentence makes no run.
func TestRunCoverage(t *testing.T) {
	opts := Options{Pivot: NewPivoter(fixtureLexicon(t))}
	fr := strings.Split(xlingArticle(t, "fr-dam").Text, "\n\n")
	origin := Prepare(xlingArticle(t, "en-dam"), opts)
	query := func(paras ...string) *Prepared {
		a := article.New()
		a.ID, a.Lang, a.Text = "fr-part", "fr", strings.Join(paras, "\n\n")
		return Prepare(a, opts)
	}
	run := CompareTranslation(query(fr[1], fr[2]), origin, opts)
	if run.RunCoverage < 0.9 || run.OriginCoverage > 0.6 || run.Lead {
		t.Errorf("two consecutive sentences: run %.2f, origin coverage %.2f, lead %v; want a run near 1, under 0.6 of the whole, no lead",
			run.RunCoverage, run.OriginCoverage, run.Lead)
	}
	apart := CompareTranslation(query(fr[0], fr[4]), origin, opts)
	if apart.RunCoverage > 0.6 || apart.RunCoverage < apart.OriginCoverage-1e-9 {
		t.Errorf("the first and last sentences: run %.2f (origin coverage %.2f); want the stretch between them mostly unrendered",
			apart.RunCoverage, apart.OriginCoverage)
	}
	if one := CompareTranslation(query(fr[2]), origin, opts); one.RunCoverage != 0 {
		t.Errorf("one sentence: run %.2f, want 0", one.RunCoverage)
	}
}

// TestMidTextEvidence checks that a one-sentence query found past the
// start of a longer text is asked the evidence of every sentence pair it
// could have met by chance: a close rendering still is a translation,
// while the same query against a text on another subject that shares a
// few of its words is not.
func TestMidTextEvidence(t *testing.T) {
	opts := Options{Pivot: NewPivoter(fixtureLexicon(t))}
	fr := strings.Split(xlingArticle(t, "fr-dam").Text, "\n\n")
	a := article.New()
	a.ID, a.Lang, a.Text = "fr-line", "fr", fr[2]
	q := Prepare(a, opts)
	res := CompareTranslation(q, Prepare(xlingArticle(t, "en-dam"), opts), opts)
	if res.Verdict != Translation || res.Lead {
		t.Errorf("the third sentence of its original: verdict %s, lead %v; want a translation found mid-text", res.Verdict, res.Lead)
	}
	if res := CompareTranslation(q, Prepare(xlingArticle(t, "de-bakery"), opts), opts); res.Verdict == Translation {
		t.Errorf("a text on another subject: verdict %s, want none or related", res.Verdict)
	}
}
