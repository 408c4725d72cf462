package match

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newstrace/newstrace/internal/lexicon"
)

// pivotWords returns the pivot terms of s in language lang, grouped by the
// text of the unit they come from (its first token to the next unit).
func pivotWords(pv *Pivoter, lang, s string) map[int][]string {
	out := map[int][]string{}
	pv.terms(lang, s, AllSignals, func(off int, term string, _ unitKind) {
		out[off] = append(out[off], term)
	})
	return out
}

func tsvLexicon(t testing.TB) *lexicon.Lexicon {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "cjk", "ja-en.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	lex, err := lexicon.ImportTSV(context.Background(), f, "ja", "en")
	if err != nil {
		t.Fatal(err)
	}
	return lex
}

func readSentence(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "cjk", "sentence-ja.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(b))
}

// TestSegmentJapanese checks the greedy longest-match segmentation against a
// word list: compounds win over their characters (大統領, not 大), longer
// headwords over shorter ones (経済制裁 over 経済), particles are dropped
// though the list has homophones of them (は "tooth"), and katakana names
// key on their romanised skeleton.
func TestSegmentJapanese(t *testing.T) {
	s := readSentence(t)
	got := pivotWords(NewPivoter(tsvLexicon(t)), "ja", s)
	at := func(word string) []string {
		i := strings.Index(s, word)
		if i < 0 {
			t.Fatalf("%q not in the sentence", word)
		}
		return got[i]
	}
	for _, c := range []struct {
		word string
		want []string
	}{
		{"東京", []string{"w:tokyo"}},
		{"政府", []string{"w:govern", "w:administr"}},
		{"経済制裁", []string{"w:sanction"}},
		{"発表", []string{"w:announc"}},
		{"大統領", []string{"w:presid"}},
		{"港", []string{"w:harbor", "w:port"}},
		{"ロシア", []string{"s:rs", "l:rs", "s:ls", "l:ls"}},
		{"クリントン", []string{"s:krn", "c:krntn", "s:kln", "c:klntn"}},
	} {
		if g := at(c.word); !slices.Equal(g, c.want) {
			t.Errorf("%s pivots to %q, want %q", c.word, g, c.want)
		}
	}
	for _, particle := range []string{"の", "は", "した"} {
		if ts := at(particle); len(ts) > 0 {
			t.Errorf("particle %s pivots to %q", particle, ts)
		}
	}
	for _, inner := range []string{"統領", "済"} {
		i := strings.Index(s, inner)
		if ts := got[i]; len(ts) > 0 {
			t.Errorf("%s inside a longer headword pivots on its own: %q", inner, ts)
		}
	}
}

// TestSegmentJapaneseWithoutLexicon checks that katakana names still pivot
// when no lexicon is loaded, and that nothing else does.
func TestSegmentJapaneseWithoutLexicon(t *testing.T) {
	s := readSentence(t)
	got := pivotWords(NewPivoter(nil), "ja", s)
	if i := strings.Index(s, "ロシア"); !slices.Contains(got[i], "s:rs") {
		t.Errorf("ロシア pivots to %q, want s:rs", got[i])
	}
	if i := strings.Index(s, "政府"); len(got[i]) > 0 {
		t.Errorf("政府 pivots to %q without a lexicon", got[i])
	}
}

// TestSegmentJapaneseMeetsEnglish checks the purpose: a Japanese sentence
// and an English rendering of it share pivot terms word for word.
func TestSegmentJapaneseMeetsEnglish(t *testing.T) {
	pv := NewPivoter(tsvLexicon(t))
	terms := func(lang, s string) map[string]bool {
		m := map[string]bool{}
		pv.terms(lang, s, AllSignals, func(_ int, term string, _ unitKind) { m[term] = true })
		return m
	}
	ja := terms("ja", readSentence(t))
	en := terms("en", "The government in Tokyo announced sanctions against Russia. The president spoke at Clinton harbor.")
	for _, want := range []string{"w:govern", "w:tokyo", "w:announc", "w:sanction", "w:presid", "w:harbor", "s:rs", "s:kln"} {
		if !ja[want] || !en[want] {
			t.Errorf("%s: in Japanese %v, in English %v", want, ja[want], en[want])
		}
	}
}

// TestSegmentJapaneseFreeDict segments with the installed FreeDict
// jpn-eng dictionary, where every headword competes with its prefixes.
func TestSegmentJapaneseFreeDict(t *testing.T) {
	const dir = "/usr/share/dictd"
	index, dict := filepath.Join(dir, "freedict-jpn-eng.index"), filepath.Join(dir, "freedict-jpn-eng.dict.dz")
	if _, err := os.Stat(index); err != nil {
		t.Skip("freedict-jpn-eng is not installed")
	}
	lex, err := lexicon.ImportDictd(context.Background(), index, dict, "ja", "en")
	if err != nil {
		t.Fatal(err)
	}
	s := readSentence(t)
	got := pivotWords(NewPivoter(lex), "ja", s)
	for word, stem := range map[string]string{"政府": "w:govern", "大統領": "w:presid", "東京": "w:tokyo", "発表": "w:announc"} {
		if i := strings.Index(s, word); !slices.Contains(got[i], stem) {
			t.Errorf("%s pivots to %q, want %s among them", word, got[i], stem)
		}
	}
	if i := strings.Index(s, "ロシア"); !slices.Contains(got[i], "s:rs") {
		t.Errorf("ロシア pivots to %q, want s:rs", got[i])
	}
}

func TestCJKScripts(t *testing.T) {
	for _, c := range []struct {
		in   string
		want uint8
	}{
		{"政", scriptHan},
		{"は", scriptHiragana},
		{"プーチン", scriptKatakana},
		{"ｱｲ", scriptKatakana},
		{"ai", 0},
		{"Ａ", 0},
		{"2022", 0},
	} {
		if got := cjkScripts(c.in); got != c.want {
			t.Errorf("cjkScripts(%q) = %b, want %b", c.in, got, c.want)
		}
	}
}

// BenchmarkPivotJapanese measures pivoting a Japanese paragraph with a warm
// memo, the common case of a trace.
func BenchmarkPivotJapanese(b *testing.B) {
	pv := NewPivoter(tsvLexicon(b))
	s := strings.Repeat(readSentence(b), 8)
	n := 0
	emit := func(int, string, unitKind) { n++ }
	pv.terms("ja", s, AllSignals, emit)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		pv.terms("ja", s, AllSignals, emit)
	}
}

// TestSegmentJapaneseInflected checks that an inflected verb or adjective
// pivots as its dictionary form, not as its bare kanji stem (残, a
// remnant), while a noun followed by a particle stays the noun.
func TestSegmentJapaneseInflected(t *testing.T) {
	pv := NewPivoter(tsvLexicon(t))
	for _, c := range []struct {
		text string
		want []string
	}{
		{"残っている", []string{"w:remain"}},
		{"書いた", []string{"w:write"}},
		{"見て", []string{"w:see", "w:look"}},
		{"食べた", []string{"w:eat"}},
		{"高くて", []string{"w:high", "w:expens"}},
		{"読んだ", []string{"w:read"}},
		{"政府は", []string{"w:govern", "w:administr"}},
	} {
		if got := pivotWords(pv, "ja", c.text)[0]; !slices.Equal(got, c.want) {
			t.Errorf("%s pivots to %q, want %q", c.text, got, c.want)
		}
	}
}

func TestDeinflections(t *testing.T) {
	for _, c := range []struct{ stem, kana, want string }{
		{"残", "っている", "残る"},
		{"言", "った", "言う"},
		{"書", "かない", "書く"},
		{"話", "します", "話す"},
		{"読", "んだ", "読む"},
		{"泳", "いだ", "泳ぐ"},
		{"食", "べた", "食べる"},
		{"見", "た", "見る"},
		{"高", "かった", "高い"},
	} {
		if got := deinflections(c.stem, c.kana); !slices.Contains(got, c.want) {
			t.Errorf("deinflections(%s, %s) = %q, want it to include %s", c.stem, c.kana, got, c.want)
		}
	}
}
