package match

import (
	"testing"
	"time"

	"github.com/newstrace/newstrace/internal/article"
)

// A sentence the translator split in two — or a chat line written
// without a full stop that its translation splits — renders as two query
// sentences against one. The short half is too light against the whole
// long sentence to align alone; it joins its neighbour's bead when it
// shares a term with the long sentence and the two together match its
// length, so that the query counts as rendered whole.
func TestAbsorbSplitSentence(t *testing.T) {
	opts := Options{Pivot: NewPivoter(fixtureLexicon(t))}
	art := func(id, lang, text string) *Prepared {
		a := article.New()
		a.ID, a.Lang, a.Text = id, lang, text
		a.PublishedAt = time.Date(2025, 3, 4, 10, 0, 0, 0, time.UTC)
		return Prepare(a, opts)
	}
	origin := art("en", "en", "At last, after all this time, the dam is open again: engineers in Valbrenne reopened it on Tuesday after two years of repairs that cost 14.5 million euros, and the mayor said the valley is safe.")
	split := art("fr", "fr", "Enfin, le barrage est ouvert. Les ingénieurs de Valbrenne l'ont rouvert mardi après deux ans de réparations qui ont coûté 14,5 millions d'euros, et la maire a déclaré que la vallée est sûre.")
	res := CompareTranslation(split, origin, opts)
	if res.Rendered != 1 || res.Verdict != Translation {
		t.Errorf("split sentence: %s, rendered %.2f, coverage %.2f; want a translation rendered whole", res.Verdict, res.Rendered, res.Coverage)
	}
	// A neighbour that shares nothing with the long sentence is another
	// sentence, not its half.
	extra := art("fr", "fr", "Les pêcheurs font la fête samedi. Les ingénieurs de Valbrenne l'ont rouvert mardi après deux ans de réparations qui ont coûté 14,5 millions d'euros, et la maire a déclaré que la vallée est sûre.")
	if res := CompareTranslation(extra, origin, opts); res.Rendered != 0.5 {
		t.Errorf("unrelated neighbour: rendered %.2f, want 0.5", res.Rendered)
	}
}

// A long text holds a one-line candidate whole only by showing two beads
// of evidence: two of its sentences absorbed into one bead against the
// candidate's single sentence are one piece of evidence, not two.
func TestOneLineCandidateNeedsTwoBeads(t *testing.T) {
	opts := Options{Pivot: NewPivoter(fixtureLexicon(t))}
	art := func(id, lang, text string) *Prepared {
		a := article.New()
		a.ID, a.Lang, a.Text = id, lang, text
		a.PublishedAt = time.Date(2025, 3, 4, 10, 0, 0, 0, time.UTC)
		return Prepare(a, opts)
	}
	line := art("en", "en", "At last, after all this time, the dam is open again: engineers in Valbrenne reopened it on Tuesday after two years of repairs that cost 14.5 million euros, and the mayor said the valley is safe.")
	paras := xlingArticle(t, "fr-dam").Paragraphs()
	long := art("fr", "fr", article.JoinParagraphs(append([]string{
		"Enfin, le barrage est ouvert. Les ingénieurs de Valbrenne l'ont rouvert mardi après deux ans de réparations qui ont coûté 14,5 millions d'euros, et la maire a déclaré que la vallée est sûre.",
	}, paras[2:]...)))
	res := CompareTranslation(long, line, opts)
	if res.Verdict == Translation {
		t.Errorf("long text vs one line: %s (origin coverage %.2f), want no translation from one bead", res.Verdict, res.OriginCoverage)
	}
}
