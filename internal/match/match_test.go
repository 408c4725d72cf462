package match

import (
	"slices"
	"testing"

	"github.com/newstrace/newstrace/internal/article"
)

// corpus prepares the fixture articles and indexes them, with the real
// newstest2014 documents of ../shared as distractors when present.
type corpus struct {
	opts     Options
	index    *Index
	prepared map[string]*Prepared
}

func newCorpus(t testing.TB, opts Options, arts []*article.Article) *corpus {
	c := &corpus{opts: opts, index: NewIndex(opts.Params), prepared: map[string]*Prepared{}}
	for _, a := range arts {
		p := Prepare(a, opts)
		c.prepared[a.ID] = p
		c.index.Add(a.ID, p.Bands())
	}
	return c
}

func TestCopiesOfFixtures(t *testing.T) {
	opts := Options{}
	arts := origins(t)
	arts = append(arts, distractors(t)...)
	c := newCorpus(t, opts, arts)
	t.Logf("index holds %d articles", c.index.Len())
	for _, origin := range origins(t) {
		for i, cc := range copyCases {
			t.Run(origin.ID+"/"+cc.name(), func(t *testing.T) {
				d := makeCopy(origin, cc, uint64(i))
				q := Prepare(d.article(copyID(origin.ID, i)), opts)

				cands := c.index.Candidates(q.Bands(), 5)
				if len(cands) == 0 || cands[0].ID != origin.ID {
					t.Errorf("Candidates = %v, want %s first", cands, origin.ID)
				}

				res := ComparePrepared(q, c.prepared[origin.ID], opts)
				if !slices.Contains(cc.want, res.Verdict) {
					t.Errorf("verdict %s (coverage %.2f, origin coverage %.2f), want one of %v", res.Verdict, res.Coverage, res.OriginCoverage, cc.want)
				}
				checkEvidence(t, d, res)
			})
		}
	}
}

// checkEvidence asserts that every passage pairs a copied paragraph with a
// paragraph it was copied from, and that most copied paragraphs are cited.
func checkEvidence(t *testing.T, d *draft, res Result) {
	t.Helper()
	cited := map[int]bool{}
	for _, p := range res.Evidence {
		if p.Query < 0 || p.Query >= len(d.src) || !slices.Contains(d.src[p.Query], p.Origin) {
			t.Errorf("passage query %d → origin %d, but query paragraph %d came from origin %v\nquery: %q\norigin: %q", p.Query, p.Origin, p.Query, d.src[p.Query], p.QueryText, p.OriginText)
		}
		if p.Score <= 0 || p.Score > 1 || p.QueryText == "" || p.OriginText == "" {
			t.Errorf("passage %+v: empty text or score out of (0, 1]", p)
		}
		cited[p.Query] = true
	}
	copied, missed := 0, 0
	for i, src := range d.src {
		if len(src) > 0 {
			copied++
			if !cited[i] {
				missed++
			}
		}
	}
	if missed > copied/5 {
		t.Errorf("%d of %d copied paragraphs have no passage", missed, copied)
	}
}

func TestSameEventSharedQuote(t *testing.T) {
	for _, pair := range [][2]string{
		{"en-bridge", "en-bridge-other"},
		{"fr-tram", "fr-tram-other"},
		{"de-klinikum", "de-klinikum-other"},
	} {
		a, b := loadArticle(t, pair[0]), loadArticle(t, pair[1])
		for _, qc := range [][2]*article.Article{{a, b}, {b, a}} {
			res := Compare(qc[0], qc[1], Options{})
			if res.Verdict != Related {
				t.Errorf("%s vs %s: verdict %s (coverage %.2f, origin coverage %.2f), want related: they share one quote",
					qc[0].ID, qc[1].ID, res.Verdict, res.Coverage, res.OriginCoverage)
			}
			if len(res.Evidence) != 1 {
				t.Errorf("%s vs %s: %d passages, want the one shared quote: %+v", qc[0].ID, qc[1].ID, len(res.Evidence), res.Evidence)
			}
		}
	}
}

func TestUnrelated(t *testing.T) {
	groups := map[string]string{
		"en-bridge": "bridge", "en-bridge-other": "bridge", "fr-tram": "tram", "fr-tram-other": "tram",
		"de-klinikum": "klinikum", "de-klinikum-other": "klinikum",
	}
	arts := origins(t)
	for _, a := range arts {
		for _, b := range arts {
			if a == b || (groups[a.ID] != "" && groups[a.ID] == groups[b.ID]) {
				continue
			}
			if res := Compare(a, b, Options{}); res.Verdict != None || len(res.Evidence) != 0 {
				t.Errorf("%s vs %s: verdict %s with %d passages, want none", a.ID, b.ID, res.Verdict, len(res.Evidence))
			}
		}
	}
}

func TestCompareEvidenceText(t *testing.T) {
	origin := loadArticle(t, "en-bridge")
	d := newDraft(origin)
	d.remove(0) // byline
	d.remove(0) // lede
	res := Compare(d.article("copy"), origin, Options{})
	if len(res.Evidence) == 0 {
		t.Fatal("no evidence")
	}
	first := res.Evidence[0]
	// The copy starts at the origin's third paragraph: byline and lede are gone.
	if first.Query != 0 || first.Origin != 2 {
		t.Errorf("first passage pairs query %d with origin %d, want 0 with 2", first.Query, first.Origin)
	}
	if first.QueryText != first.OriginText || first.Score != 1 {
		t.Errorf("verbatim paragraph: passage %+v, want equal texts and score 1", first)
	}
}

func TestCompareEmpty(t *testing.T) {
	a, b := article.New(), loadArticle(t, "en-bridge")
	for _, res := range []Result{Compare(a, b, Options{}), Compare(b, a, Options{})} {
		if res.Verdict != None || res.Evidence == nil {
			t.Errorf("empty article: %+v, want none with empty evidence", res)
		}
	}
}
