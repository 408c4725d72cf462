package match

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newstrace/newstrace/internal/lexicon"
)

// TestLoanwords checks that an English word borrowed into a script without
// case (Hindi's मीडिया, Japanese katakana) meets the English word by the
// whole skeleton of its sound, though both are too short for a cognate
// key, and that English names, keyed as names already, offer no such key.
func TestLoanwords(t *testing.T) {
	pv := NewPivoter(nil)
	terms := func(lang, s string) map[string]bool {
		m := map[string]bool{}
		pv.terms(lang, s, AllSignals, func(_ int, term string, _ unitKind) {
			if strings.HasPrefix(term, pivotLoan) {
				m[term] = true
			}
		})
		return m
	}
	en := terms("en", "The media said a million people bought the phone, the jellyfish ice cream and a tennis racket.")
	for _, c := range []struct{ lang, word string }{
		{"hi", "मीडिया"},
		{"hi", "मिलियन"},
		{"hi", "फोन"},
		{"hi", "जेलिफ़िश"},
		{"hi", "क्रीम"},
		{"ja", "テニス"},
	} {
		got := terms(c.lang, c.word)
		if len(got) == 0 {
			t.Errorf("%s has no loanword key", c.word)
		}
		met := false
		for k := range got {
			met = met || en[k]
		}
		if !met {
			t.Errorf("%s (%v) meets no English word (%v)", c.word, got, en)
		}
	}
	if got := terms("en", "They thanked Modi."); len(got) > 0 {
		t.Errorf("the name Modi has a loanword key: %v", got)
	}
	// A word long enough for a cognate key has none.
	if got := terms("en", "The president"); len(got) > 0 {
		t.Errorf("president has a loanword key: %v", got)
	}
}

// TestTranslatePhrases checks which English phrases of a lexicon entry
// give pivot terms: a two-word rendering gives its head, the last word
// (Liefertermin, *delivery date*, meets French date on *date*), or its
// first word where the last is a function word (*human being*), a longer
// one nothing, and a stop word never.
func TestTranslatePhrases(t *testing.T) {
	lex, err := lexicon.ImportTSV(context.Background(), strings.NewReader(
		"Liefertermin\tdelivery date\nKommode\tchest of drawers\nnochmal\tonce again\nabholen\tto collect\nMensch\thuman being\n"), "de", "en")
	if err != nil {
		t.Fatal(err)
	}
	pv := NewPivoter(lex)
	for _, c := range []struct {
		word string
		want []string
	}{
		{"Liefertermin", []string{pv.stem("date")}},
		{"Kommode", nil},
		{"nochmal", []string{pv.stem("again")}},
		{"abholen", []string{pv.stem("collect")}},
		{"Mensch", []string{pv.stem("human")}},
	} {
		if got := pv.translate("de", c.word); !slices.Equal(got, c.want) {
			t.Errorf("translate(%s) = %v, want %v", c.word, got, c.want)
		}
	}
}

// TestIrregularForms checks that a gloss or an English word that inflects
// irregularly pivots on its base form, where the lexicon holds WordNet's
// exception lists: German gekauft (*bought*), French acheté (*buy*) and
// English *bought* meet; without the lists they do not.
func TestIrregularForms(t *testing.T) {
	ctx := context.Background()
	de, err := lexicon.ImportTSV(ctx, strings.NewReader("gekauft\tbought\nKinder\tchildren\n"), "de", "en")
	if err != nil {
		t.Fatal(err)
	}
	fr, err := lexicon.ImportTSV(ctx, strings.NewReader("acheté\tbuy\nenfants\tchild\n"), "fr", "en")
	if err != nil {
		t.Fatal(err)
	}
	plain := lexicon.Merge(de, fr)
	withForms, _, err := lexicon.AddWordNet(ctx, plain, filepath.Join("..", "lexicon", "testdata", "wordnet"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		lex  *lexicon.Lexicon
		meet bool
	}{{plain, false}, {withForms, true}} {
		pv := NewPivoter(c.lex)
		for _, w := range [][3]string{{"gekauft", "acheté", "bought"}, {"Kinder", "enfants", "children"}} {
			d, f, e := pv.Terms("de", w[0]), pv.Terms("fr", w[1]), pv.Terms("en", w[2])
			if meet := len(d) == 1 && slices.Equal(d, f) && slices.Equal(d, e); meet != c.meet {
				t.Errorf("base forms %d: de %s %v, fr %s %v, en %s %v: meet %v, want %v", c.lex.BaseForms(), w[0], d, w[1], f, w[2], e, meet, c.meet)
			}
		}
	}
}
