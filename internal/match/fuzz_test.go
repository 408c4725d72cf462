package match

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/lexicon"
)

// FuzzPivotTerms checks, for any text in languages that take each path of
// the Pivoter (Japanese segmentation, compound splitting, Latin words
// spelled as in English, Cyrillic), that terms come in text order from
// offsets inside the text, and that preparing and comparing such texts
// never panics.
func FuzzPivotTerms(f *testing.F) {
	lex := fixtureLexicon(f)
	r, err := os.Open(filepath.Join("testdata", "cjk", "ja-en.tsv"))
	if err != nil {
		f.Fatal(err)
	}
	ja, err := lexicon.ImportTSV(context.Background(), r, "ja", "en")
	r.Close()
	if err != nil {
		f.Fatal(err)
	}
	pv := NewPivoter(lexicon.Merge(lex, ja))
	for _, s := range []string{"ロシアの大統領は東京で経済制裁を発表した。", "Die Fehlermeldung kam am Dienstag.",
		"La confirmation du paiement.", "Путин сказал 3,5 процента.", "\xff\xfe 東", "ア", "Zahlungsbestätigungen"} {
		f.Add(s)
	}
	langs := []string{"ja", "de", "fr", "ru", "en"}
	f.Fuzz(func(t *testing.T, s string) {
		for _, lang := range langs {
			last := -1
			pv.terms(lang, s, AllSignals, func(off int, term string, kind unitKind) {
				if off < last || off < 0 || off >= len(s) || term == "" {
					t.Fatalf("%s: term %q at %d (previous %d, len %d) in %q", lang, term, off, last, len(s), s)
				}
				last = off
			})
		}
		opts := Options{Pivot: pv}
		q := Prepare(xlingFuzzArticle("q", "ja", s), opts)
		c := Prepare(xlingFuzzArticle("c", "de", s), opts)
		res := CompareTranslation(q, c, opts)
		if res.Rendered < 0 || res.Rendered > 1 || res.Coverage < 0 || res.Coverage > 1.0000001 {
			t.Fatalf("shares out of range: %+v", res)
		}
	})
}

func xlingFuzzArticle(id, lang, text string) *article.Article {
	a := article.New()
	a.ID, a.Lang, a.Text = id, lang, text
	return a
}
