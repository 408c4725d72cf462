package match

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/lexicon"
)

// xlingArticle reads testdata/xling/<id>.txt: a fictional article written
// for these tests, in the language its id starts with.
func xlingArticle(t testing.TB, id string) *article.Article {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "xling", id+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	a := article.New()
	a.ID, a.Lang, a.Text = id, id[:2], strings.TrimSpace(string(data))
	a.PublishedAt = time.Date(2025, 3, 4, 10, 0, 0, 0, time.UTC)
	return a
}

// fixtureLexicon merges the fictional word lists of testdata/xling.
func fixtureLexicon(t testing.TB) *lexicon.Lexicon {
	t.Helper()
	var parts []*lexicon.Lexicon
	for _, f := range []struct{ file, from, to string }{
		{"fr-en.tsv", "fr", "en"}, {"de-en.tsv", "de", "en"}, {"en-ru.tsv", "en", "ru"},
	} {
		r, err := os.Open(filepath.Join("testdata", "xling", f.file))
		if err != nil {
			t.Fatal(err)
		}
		l, err := lexicon.ImportTSV(context.Background(), r, f.from, f.to)
		r.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.file, err)
		}
		parts = append(parts, l)
	}
	return lexicon.Merge(parts...)
}

func TestCompareTranslation(t *testing.T) {
	lex := fixtureLexicon(t)
	tests := []struct {
		query, origin string
		lex           *lexicon.Lexicon
		want          Verdict
	}{
		{"fr-dam", "en-dam", lex, Translation},
		{"de-dam", "en-dam", lex, Translation},
		{"ru-dam", "en-dam", lex, Translation},
		{"en-dam", "ru-dam", lex, Translation},
		// Two translations of one text are translations of each other.
		{"fr-dam", "de-dam", lex, Translation},
		// Without a lexicon, numbers, names, cognates and words spelled
		// as in English still tie a close language to its origin...
		{"fr-dam", "en-dam", nil, Translation},
		// ...and not the same event retold.
		{"fr-dam-other", "en-dam", nil, Related},
		// Another outlet's report of the same event shares names and
		// numbers, not a sentence-by-sentence rendering.
		{"fr-dam-other", "en-dam", lex, Related},
		{"en-dam", "fr-dam-other", lex, Related},
		{"de-bakery", "en-dam", lex, None},
	}
	for _, tt := range tests {
		opts := Options{Pivot: NewPivoter(tt.lex)}
		q := Prepare(xlingArticle(t, tt.query), opts)
		c := Prepare(xlingArticle(t, tt.origin), opts)
		got := ComparePair(q, c, opts)
		if got.Verdict != tt.want {
			t.Errorf("%s vs %s (lexicon %v): verdict %s (coverage %.2f, origin %.2f), want %s",
				tt.query, tt.origin, tt.lex != nil, got.Verdict, got.Coverage, got.OriginCoverage, tt.want)
		}
		if got.Verdict == Translation && len(got.Evidence) < 3 {
			t.Errorf("%s vs %s: %d passages of evidence, want one per aligned paragraph", tt.query, tt.origin, len(got.Evidence))
		}
	}
}

// The evidence pairs paragraphs in order, as a person would check them.
func TestTranslationEvidence(t *testing.T) {
	opts := Options{Pivot: NewPivoter(fixtureLexicon(t))}
	q := Prepare(xlingArticle(t, "de-dam"), opts)
	c := Prepare(xlingArticle(t, "en-dam"), opts)
	res := CompareTranslation(q, c, opts)
	for i, p := range res.Evidence {
		if p.Query != p.Origin {
			t.Errorf("passage %d pairs query paragraph %d with origin paragraph %d", i, p.Query, p.Origin)
		}
		if p.QueryText == "" || p.OriginText == "" {
			t.Errorf("passage %d has no text", i)
		}
	}
	if res.Coverage < 0.8 || res.OriginCoverage < 0.8 {
		t.Errorf("coverage %.2f / %.2f, want both above 0.8 for a full translation", res.Coverage, res.OriginCoverage)
	}
}

// A translation of the lead alone is still a translation of the article.
func TestPartialTranslation(t *testing.T) {
	opts := Options{Pivot: NewPivoter(fixtureLexicon(t))}
	full := xlingArticle(t, "fr-dam")
	lead := *full
	lead.Text = article.SplitParagraphs(full.Text)[0]
	res := CompareTranslation(Prepare(&lead, opts), Prepare(xlingArticle(t, "en-dam"), opts), opts)
	if res.Verdict != Translation {
		t.Errorf("first paragraph of fr-dam vs en-dam: %s (coverage %.2f), want translation", res.Verdict, res.Coverage)
	}
}

func TestXIndex(t *testing.T) {
	opts := Options{Pivot: NewPivoter(fixtureLexicon(t))}
	ix := NewXIndex()
	ids := []string{"en-dam", "de-bakery", "fr-dam-other"}
	for _, id := range ids {
		ix.Add(id, XlingKeys(Prepare(xlingArticle(t, id), opts)))
	}
	for _, q := range []string{"fr-dam", "de-dam", "ru-dam"} {
		got := ix.Candidates(XlingKeys(Prepare(xlingArticle(t, q), opts)), XQuery{})
		if len(got) == 0 || got[0].ID != "en-dam" {
			t.Errorf("candidates of %s = %v, want en-dam first", q, got)
		}
		for _, c := range got {
			if c.ID[:2] == q[:2] {
				t.Errorf("candidates of %s include %s, of its own language", q, c.ID)
			}
		}
	}
	// The window leaves out articles published long before.
	late := xlingArticle(t, "fr-dam")
	late.PublishedAt = late.PublishedAt.AddDate(0, 3, 0)
	if got := ix.Candidates(XlingKeys(Prepare(late, opts)), XQuery{}); len(got) != 0 {
		t.Errorf("candidates three months later = %v, want none", got)
	}
	if got := ix.Candidates(XlingKeys(Prepare(late, opts)), XQuery{Window: -1}); len(got) == 0 {
		t.Error("no candidates with the window off")
	}
}

// BenchmarkCompareTranslation measures the cross-lingual comparison of two
// prepared articles: the cost of each further candidate.
func BenchmarkCompareTranslation(b *testing.B) {
	opts := Options{Pivot: NewPivoter(fixtureLexicon(b))}
	q := Prepare(xlingArticle(b, "de-dam"), opts)
	c := Prepare(xlingArticle(b, "en-dam"), opts)
	CompareTranslation(q, c, opts) // the pivot analysis is made once
	b.ReportAllocs()
	for b.Loop() {
		CompareTranslation(q, c, opts)
	}
}

// BenchmarkPivotAnalysis measures the once-per-article cross-lingual
// analysis: anchors, lexicon lookups (memoised by the Pivoter), skeletons.
func BenchmarkPivotAnalysis(b *testing.B) {
	pv := NewPivoter(fixtureLexicon(b))
	a := xlingArticle(b, "de-dam")
	b.ReportAllocs()
	for b.Loop() {
		Prepare(a, Options{Pivot: pv}).xling()
	}
}

// TestSimilarityPaths checks that the two ways of summing sentence-pair
// similarities, dense tables for ordinary articles and sorted matches for
// very long ones, give the same pairs and values.
func TestSimilarityPaths(t *testing.T) {
	opts := Options{Pivot: NewPivoter(fixtureLexicon(t))}
	ids := []string{"de-dam", "en-dam", "fr-dam", "fr-dam-other", "ru-dam", "de-bakery"}
	var preps []*Prepared
	for _, id := range ids {
		preps = append(preps, Prepare(xlingArticle(t, id), opts))
	}
	s := new(xscratch)
	compared := 0
	for _, q := range preps {
		for _, c := range preps {
			if q == c {
				continue
			}
			qx, cx := q.xling(), c.xling()
			sentenceSimilarity(qx, cx, 0, s) // fills s.ms
			ms := slices.Clone(s.ms)
			dense := slices.Clone(denseSimilarity(ms, qx, cx, 0, nil, s))
			sorted := sortedSimilarity(ms, qx, cx, 0, nil, s)
			if !slices.Equal(dense, sorted) {
				t.Errorf("%s vs %s: dense %v, sorted %v", q.Article.ID, c.Article.ID, dense, sorted)
			}
			compared += len(dense)
		}
	}
	if compared == 0 {
		t.Fatal("no similar sentence pairs in the fixtures")
	}
}

// A verdict reached because the query holds the whole of a shorter text is
// not one of the query deriving from it: Derived tells the two apart, in
// both languages' comparisons.
func TestDerived(t *testing.T) {
	lex := fixtureLexicon(t)
	opts := Options{Pivot: NewPivoter(lex)}
	head := func(a *article.Article, n int) *article.Article {
		b := *a
		b.ID, b.Text = a.ID+"-head", article.JoinParagraphs(a.Paragraphs()[:n])
		return &b
	}
	enDam, frDam := xlingArticle(t, "en-dam"), xlingArticle(t, "fr-dam")
	bridge := loadArticle(t, "en-bridge")
	tests := []struct {
		q, c        *article.Article
		want        Verdict
		wantDerived bool
	}{
		{frDam, enDam, Translation, true},
		{head(frDam, 2), enDam, Translation, true},
		{frDam, head(enDam, 2), Translation, false},
		{head(bridge, 2), bridge, EditedCopy, true},
		{bridge, head(bridge, 2), EditedCopy, false},
	}
	for _, tt := range tests {
		got := ComparePair(Prepare(tt.q, opts), Prepare(tt.c, opts), opts)
		if got.Verdict != tt.want || got.Derived != tt.wantDerived {
			t.Errorf("%s vs %s: %s, derived %v (coverage %.2f, origin %.2f); want %s, derived %v",
				tt.q.ID, tt.c.ID, got.Verdict, got.Derived, got.Coverage, got.OriginCoverage, tt.want, tt.wantDerived)
		}
	}
}

// A short text's evidence (Result.Strength) sets its translation apart
// from another report of the same event far more than its score does: the
// margin the tracer's standout rule asks for.
func TestStrength(t *testing.T) {
	opts := Options{Pivot: NewPivoter(fixtureLexicon(t))}
	full := xlingArticle(t, "en-dam")
	lead := *full
	lead.Text = article.SplitParagraphs(full.Text)[0]
	q := Prepare(&lead, opts)
	tr := CompareTranslation(q, Prepare(xlingArticle(t, "fr-dam"), opts), opts)
	other := CompareTranslation(q, Prepare(xlingArticle(t, "fr-dam-other"), opts), opts)
	t.Logf("translation score %.2f strength %.2f; same event retold score %.2f strength %.2f", tr.Score, tr.Strength, other.Score, other.Strength)
	if tr.Strength <= 0 {
		t.Fatalf("translation: strength %.2f, want above 0", tr.Strength)
	}
	if tr.Strength < 2*other.Strength {
		t.Errorf("strength %.2f against the translation, %.2f against the same event retold: want twice as much", tr.Strength, other.Strength)
	}
}

// With every word equally rare, the rarity-weighted evidence is the
// evidence itself: rareStrength re-sums the alignment's beads as the
// similarity does, unit for unit. Without the structure signal each query
// sentence takes its best match, and two may take one candidate sentence:
// its units count once for each.
func TestRareStrengthUnitRarity(t *testing.T) {
	pivot := NewPivoter(fixtureLexicon(t))
	arts := map[string]*article.Article{}
	for _, id := range []string{"en-dam", "fr-dam", "fr-dam-other", "de-dam", "ru-dam", "de-bakery"} {
		arts[id] = xlingArticle(t, id)
	}
	// A query that says its first sentence twice: both take the
	// candidate's first, units and all.
	twice := xlingArticle(t, "fr-dam")
	first := article.SplitParagraphs(twice.Text)[0]
	twice.ID, twice.Text = "fr-twice", first+"\n\n"+first
	arts[twice.ID] = twice
	for _, signals := range []Signals{AllSignals, AllSignals &^ SignalStructure} {
		plain := Options{Pivot: pivot, Signals: signals}
		flat := plain
		flat.Rarity = func(uint64) float64 { return 1 }
		for qi, q := range arts {
			for ci, c := range arts {
				if qi[:2] == ci[:2] {
					continue
				}
				want := CompareTranslation(Prepare(q, plain), Prepare(c, plain), plain)
				got := CompareTranslation(Prepare(q, flat), Prepare(c, flat), flat)
				if want.RareStrength != want.Strength {
					t.Errorf("signals %b, %s → %s without rarity: RareStrength %v, Strength %v", signals, qi, ci, want.RareStrength, want.Strength)
				}
				if math.Abs(got.RareStrength-want.Strength) > 1e-9 || got.Strength != want.Strength {
					t.Errorf("signals %b, %s → %s with rarity 1: RareStrength %v, Strength %v; want both %v", signals, qi, ci, got.RareStrength, got.Strength, want.Strength)
				}
			}
		}
	}
}

// A retelling of the same event shares the subject's words with the
// query; where those are common in the store, it loses more of its
// evidence than the translation, which shares the rest of the query's
// words too.
func TestRareStrengthCommonWords(t *testing.T) {
	opts := Options{Pivot: NewPivoter(fixtureLexicon(t))}
	full := xlingArticle(t, "en-dam")
	lead := *full
	lead.Text = article.SplitParagraphs(full.Text)[0]
	// The words the query shares with the retelling are the store's
	// common ones.
	common := map[uint64]bool{}
	for _, k := range XlingKeys(Prepare(xlingArticle(t, "fr-dam-other"), opts)) {
		common[k] = true
	}
	weighed := opts
	weighed.Rarity = func(k uint64) float64 {
		if common[k] {
			return 0.2
		}
		return 1
	}
	q := Prepare(&lead, weighed)
	tr := CompareTranslation(q, Prepare(xlingArticle(t, "fr-dam"), weighed), weighed)
	other := CompareTranslation(q, Prepare(xlingArticle(t, "fr-dam-other"), weighed), weighed)
	t.Logf("translation strength %.2f rare %.2f; retelling strength %.2f rare %.2f", tr.Strength, tr.RareStrength, other.Strength, other.RareStrength)
	if other.RareStrength >= other.Strength {
		t.Errorf("retelling: rare strength %.2f, want below its strength %.2f", other.RareStrength, other.Strength)
	}
	if tr.RareStrength <= 0 || tr.RareStrength/tr.Strength <= other.RareStrength/other.Strength {
		t.Errorf("translation kept %.2f of its evidence (%.2f), the retelling %.2f: want the translation to keep more",
			tr.RareStrength/tr.Strength, tr.RareStrength, other.RareStrength/other.Strength)
	}
}

// Words counts what the analyzer cut, so a text without spaces between
// its words counts them all: the word floors of a tracer hold alike in
// every script.
func TestPreparedWords(t *testing.T) {
	en := article.New()
	en.Lang, en.Text = "en", "The council of Verdane met on Tuesday to vote on the harbour plan, approved by 12 votes."
	if got, want := Prepare(en, Options{}).Words(), len(strings.Fields(en.Text)); got != want {
		t.Errorf("English: %d words, want %d", got, want)
	}
	zh := article.New()
	zh.Lang, zh.Text = "zh", "维尔达内市议会星期二开会，投票通过了港口计划。"
	if got := Prepare(zh, Options{}).Words(); got < 5 {
		t.Errorf("Chinese: %d words, want the segmented words (5 or more), not one run of characters", got)
	}
}
