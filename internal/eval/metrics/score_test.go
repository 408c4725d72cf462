package metrics

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/newstrace/newstrace/internal/article"
)

func art(id, lang, origin, group, rel string) *article.Article {
	a := article.New()
	a.ID, a.Lang = id, lang
	a.Gold = &article.Gold{Origin: origin, Group: group, Relation: rel}
	return a
}

// corpus: one English original O with a French (F) and a German (D)
// translation, an independent article I, and a copy C whose origin X is
// not in the corpus.
func corpus() []*article.Article {
	return []*article.Article{
		art("O", "en", "", "g", article.RelationOriginal),
		art("F", "fr", "O", "g", article.RelationTranslation),
		art("D", "de", "O", "g", article.RelationTranslation),
		art("I", "en", "", "i", article.RelationIndependent),
		art("C", "fr", "X", "x", article.RelationCopy),
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestScorePerfect(t *testing.T) {
	r := Score(corpus(), []Prediction{{ID: "F", Origin: "O"}, {ID: "D", Origin: "O"}})
	if r.Docs != 5 || r.CopyQueries != 2 {
		t.Fatalf("docs %d queries %d, want 5 and 2", r.Docs, r.CopyQueries)
	}
	for name, got := range map[string]float64{"accuracy": r.OriginAccuracy, "precision": r.PairPrecision, "recall": r.PairRecall, "f1": r.PairF1} {
		if got != 1 {
			t.Errorf("%s = %v, want 1", name, got)
		}
	}
	if r.FalseOriginRate != 0 {
		t.Errorf("false origin rate %v, want 0", r.FalseOriginRate)
	}
	if len(r.ByPair) != 2 || r.ByPair["fr-en"].CopyQueries != 1 || r.ByPair["de-en"].OriginAccuracy != 1 {
		t.Errorf("by pair %+v", r.ByPair)
	}
}

func TestScoreMistakes(t *testing.T) {
	preds := []Prediction{
		{ID: "F", Origin: "D"}, // a sibling: wrong origin, true relation
		{ID: "D", Origin: ""},  // missed
		{ID: "O", Origin: "F"}, // the original given its own translation: false origin, finds the F–O pair
		{ID: "C", Origin: "I"}, // origin absent, linked to an unrelated article
		{ID: "F", Origin: "O"}, // a second prediction for F is ignored
		{ID: "nope", Origin: "O"},
	}
	r := Score(corpus(), preds)
	if r.OriginAccuracy != 0 {
		t.Errorf("accuracy %v, want 0", r.OriginAccuracy)
	}
	// Negatives O, I, C; O and C were given an origin.
	if !near(r.FalseOriginRate, 2.0/3) {
		t.Errorf("false origin rate %v, want 2/3", r.FalseOriginRate)
	}
	// Links F→D (same group), O→F (same group), C→I (not): 2/3.
	if !near(r.PairPrecision, 2.0/3) {
		t.Errorf("precision %v, want 2/3", r.PairPrecision)
	}
	// Gold links F→O (found, as O→F) and D→O (not): 1/2.
	if !near(r.PairRecall, 0.5) {
		t.Errorf("recall %v, want 1/2", r.PairRecall)
	}
	if want := 2 * (2.0 / 3) * 0.5 / (2.0/3 + 0.5); !near(r.PairF1, want) {
		t.Errorf("f1 %v, want %v", r.PairF1, want)
	}
	// O is an English original given a French origin: bucket en-fr; C a
	// French copy linked to English I: fr-en, beside F's query.
	if b := r.ByPair["en-fr"]; b == nil || b.Docs != 1 || b.FalseOriginRate != 1 || b.CopyQueries != 0 {
		t.Errorf("en-fr %+v", b)
	}
	if b := r.ByPair["fr-en"]; b == nil || b.Docs != 2 || b.CopyQueries != 1 || b.FalseOriginRate != 1 || !near(b.PairPrecision, 0.5) || b.PairRecall != 1 {
		t.Errorf("fr-en %+v", b)
	}
	if b := r.ByPair["de-en"]; b == nil || b.Docs != 1 || b.PairRecall != 0 || b.PairPrecision != 0 {
		t.Errorf("de-en %+v", b)
	}
}

func TestScoreEmpty(t *testing.T) {
	for name, gold := range map[string][]*article.Article{
		"no articles":   nil,
		"no queries":    {art("O", "en", "", "g", article.RelationOriginal)},
		"origin absent": {art("C", "fr", "X", "x", article.RelationCopy)},
	} {
		r := Score(gold, nil)
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if strings.Contains(string(b), "NaN") || r.OriginAccuracy != 0 || r.PairF1 != 0 || r.FalseOriginRate != 0 {
			t.Errorf("%s: %s", name, b)
		}
	}
}

func TestScoreNoGoldAndSelfLinks(t *testing.T) {
	plain := article.New()
	plain.ID = "P" // no Gold: independent, language unknown
	gold := append(corpus(), plain)
	r := Score(gold, []Prediction{{ID: "P", Origin: "O"}, {ID: "F", Origin: "F"}})
	if !near(r.FalseOriginRate, 1.0/4) {
		t.Errorf("false origin rate %v, want 1/4", r.FalseOriginRate)
	}
	if r.PairPrecision != 0 || r.PairRecall != 0 {
		t.Errorf("precision %v recall %v, want 0 and 0", r.PairPrecision, r.PairRecall)
	}
	if r.ByPair["und-en"] == nil {
		t.Errorf("no und-en bucket in %v", r.ByPair)
	}
}

func TestReportJSON(t *testing.T) {
	r := Score(corpus(), []Prediction{{ID: "F", Origin: "O"}})
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"docs":5`, `"copy_queries":2`, `"origin_accuracy":0.5`, `"false_origin_rate":0`, `"pair_precision":1`, `"pair_recall":0.5`, `"pair_f1":`, `"docs_per_second":0`, `"by_pair":{"de-en":{`} {
		if !strings.Contains(string(b), key) {
			t.Errorf("JSON lacks %s: %s", key, b)
		}
	}
	if strings.Count(string(b), "by_pair") != 1 {
		t.Errorf("per-pair reports carry by_pair: %s", b)
	}
}

func BenchmarkScore(b *testing.B) {
	var gold []*article.Article
	var preds []Prediction
	for i := range 10000 {
		g := "nt14-" + strconv.Itoa(i)
		gold = append(gold, art(g+"-en", "en", "", g, article.RelationOriginal), art(g+"-fr", "fr", g+"-en", g, article.RelationTranslation))
		preds = append(preds, Prediction{ID: g + "-fr", Origin: g + "-en"})
	}
	for b.Loop() {
		Score(gold, preds)
	}
}
