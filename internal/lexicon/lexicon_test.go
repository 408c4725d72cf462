package lexicon

import (
	"context"
	"reflect"
	"strings"
	"sync"
	"testing"
)

func mustTSV(t testing.TB, in, from, to string) *Lexicon {
	t.Helper()
	l, err := ImportTSV(context.Background(), strings.NewReader(in), from, to)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestToEnglishNormalisation(t *testing.T) {
	fr := mustTSV(t, "école\tschool\nchat\tcat\nmanger\teat\nlaisser\tleave\n", "fr", "en")
	de := mustTSV(t, "straße\tstreet\nhaus\thouse\nregierung\tgovernment\n", "de", "en")
	ru := mustTSV(t, "дом\thouse\nёж\thedgehog\nкрасный\tred\n", "ru", "en")
	l := Merge(fr, de, ru)
	tests := []struct {
		lang, word string
		want       []string
	}{
		{"fr", "ÉCOLE", []string{"school"}},
		{"fr", "ecole", []string{"school"}},       // accent dropped by the writer
		{"fr", "e\u0301cole", []string{"school"}}, // decomposed input
		{"fr-CA", "chats", []string{"cat"}},       // plural, regional tag
		{"fra", "mangeons", []string{"eat"}},      // verb ending → infinitive
		{"fr", "laissaient", []string{"leave"}},   // imperfect
		{"de", "Strasse", []string{"street"}},     // ß spelled ss
		{"de", "Hauses", []string{"house"}},       // genitive
		{"de", "Regierungen", []string{"government"}},
		{"ru", "дома", []string{"house"}},
		{"ru", "ДОМОМ", []string{"house"}},
		{"ru", "еж", []string{"hedgehog"}}, // ё written as е
		{"ru", "красного", []string{"red"}},
		{"fr", "les", nil}, // too short to strip
		{"fr", "chien", nil},
		{"it", "cane", nil}, // no Italian table
		{"zz-ZZ-1", "chat", nil},
		{"fr", "   ", nil},
		{"en", "  The ", []string{"the"}}, // English pivots to itself
	}
	for _, tt := range tests {
		if got := l.ToEnglish(tt.lang, tt.word); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ToEnglish(%s, %q) = %q, want %q", tt.lang, tt.word, got, tt.want)
		}
	}
	var nilLex *Lexicon
	if got := nilLex.ToEnglish("fr", "chat"); got != nil {
		t.Errorf("nil lexicon: ToEnglish = %q, want nil", got)
	}
}

func TestToEnglishReturnsCopy(t *testing.T) {
	l := mustTSV(t, "chat\tcat\n", "fr", "en")
	l.ToEnglish("fr", "chat")[0] = "dog"
	if got := l.ToEnglish("fr", "chat"); got[0] != "cat" {
		t.Errorf("ToEnglish after caller mutation = %q, want [cat]", got)
	}
}

func TestFold(t *testing.T) {
	tests := map[string]string{
		"école":    "ecole",
		"straße":   "strasse",
		"příliš":   "prilis",
		"łódź":     "lodz",
		"œuvre":    "oeuvre",
		"ёлка":     "елка",
		"йод":      "йод", // й is a letter of its own
		"कुत्ता":   "कुत्ता",
		"ascii ok": "ascii ok",
		// Hindi spelling variants: the nukta (precomposed or not) goes,
		// the chandrabindu becomes the anusvara; other signs stay.
		"बाज़ार":   "बाजार",
		"\u095bरा": "जरा",
		"जाँच":     "जांच",
		"हिंदी":    "हिंदी",
	}
	for in, want := range tests {
		if got := fold(in); got != want {
			t.Errorf("fold(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestLookupHindiVariants checks that a Hindi word written with the
// anusvara or without the nukta finds the dictionary's spelling with the
// chandrabindu or the nukta, and the other way round.
func TestLookupHindiVariants(t *testing.T) {
	l := mustTSV(t, "जाँच\tinvestigation\nबाज़ार\tmarket\nसंसद\tparliament\n", "hi", "en")
	for word, want := range map[string]string{
		"जांच": "investigation", "जाँच": "investigation",
		"बाजार": "market", "बाज़ार": "market",
		"संसद": "parliament", "सँसद": "parliament",
	} {
		if got := l.ToEnglish("hi", word); len(got) == 0 || got[0] != want {
			t.Errorf("ToEnglish(hi, %q) = %q, want %q", word, got, want)
		}
	}
}

func TestMerge(t *testing.T) {
	direct := mustTSV(t, "haus\testablishment\thouse\nbaum\ttree\n", "de", "en")
	inverse := mustTSV(t, "house\thaus\nhome\thaus\nhedge\thecke\n", "en", "de")
	l := Merge(direct, nil, inverse)
	tests := []struct {
		word string
		want []string
	}{
		// house is confirmed by the English→German side and moves first;
		// home, from the inverted side only, follows the direct ones.
		{"haus", []string{"house", "establishment", "home"}},
		{"baum", []string{"tree"}},
		{"hecke", []string{"hedge"}},
	}
	for _, tt := range tests {
		if got := l.ToEnglish("de", tt.word); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ToEnglish(de, %q) = %q, want %q", tt.word, got, tt.want)
		}
	}
	if got, want := l.Stats(), map[string]int{"de": 3}; !reflect.DeepEqual(got, want) {
		t.Errorf("Stats = %v, want %v", got, want)
	}
	// Merging a merged lexicon with nothing new changes nothing.
	if got := Merge(l); !reflect.DeepEqual(got, l) {
		t.Errorf("Merge(l) differs from l")
	}
	if got := Merge(); len(got.Languages()) != 0 {
		t.Errorf("Merge() languages = %q, want none", got.Languages())
	}
}

func TestMergeCaps(t *testing.T) {
	var b strings.Builder
	b.WriteString("mot")
	for i := range 30 {
		b.WriteString("\tw" + string(rune('a'+i%26)) + strings.Repeat("x", i/26))
	}
	l := mustTSV(t, b.String()+"\n", "fr", "en")
	if got := len(l.ToEnglish("fr", "mot")); got != maxDirect {
		t.Errorf("direct translations kept = %d, want %d", got, maxDirect)
	}
	inv := mustTSV(t, "alpha\tmot\nbeta\tmot\ngamma\tmot\nwa\tmot\nzeta\tmot\n", "en", "fr")
	got := Merge(l, inv).ToEnglish("fr", "mot")
	if len(got) != maxTargets || got[maxDirect-1] != l.ToEnglish("fr", "mot")[maxDirect-1] {
		t.Errorf("merged translations = %q, want %d with the direct ones first", got, maxTargets)
	}
}

func TestConcurrentLookups(t *testing.T) {
	l := mustTSV(t, "chat\tcat\nmaison\thouse\n", "fr", "en")
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 200 {
				if got := l.ToEnglish("fr", "chats"); len(got) != 1 || got[0] != "cat" {
					t.Errorf("ToEnglish = %q", got)
					return
				}
			}
		})
	}
	wg.Wait()
}
