package text

import (
	"os"
	"reflect"
	"testing"
)

func TestTokensHardCases(t *testing.T) {
	tests := []struct {
		name, lang, in string
		want           []string
	}{
		// French elision: the article is split off and État loses its accent.
		{"french elision", "fr", "L'État d’Israël qu'il jusqu'à", []string{"l", "etat", "d", "israel", "qu", "il", "jusqu", "a"}},
		// Elision is only split for elided words: aujourd'hui is one word.
		{"not an elision", "fr", "aujourd'hui", []string{"aujourd'hui"}},
		// English has no elision: O'Brien and don't stay whole, ’ unified.
		{"english apostrophes", "en", "O’Brien don't", []string{"o'brien", "don't"}},
		// Turkish dotted capital I folds to plain i, as does dotless ı.
		{"turkish i", "tr", "İstanbul ISTANBUL ılık", []string{"istanbul", "istanbul", "ilik"}},
		// German sharp s becomes ss, umlauts lose their dots.
		{"german", "de", "Straße Größe Müller ẞ", []string{"strasse", "grosse", "muller", "ss"}},
		// Cyrillic is lower-cased; ё and й lose their marks like Latin letters.
		{"cyrillic", "ru", "Ёлка Москва ЙОД", []string{"елка", "москва", "иод"}},
		// Greek final sigma folds to σ; tonos is dropped.
		{"greek", "el", "Αθήνας", []string{"αθηνασ"}},
		// CJK ideographs are one token each; kana marks are kept.
		{"cjk per char", "ja", "東京都がガ", []string{"東", "京", "都", "が", "ガ"}},
		// Hangul survives NFKD folding intact.
		{"hangul", "ko", "서울시", []string{"서울시"}},
		// NFKC: ligatures and full-width letters.
		{"compatibility", "en", "ﬁnal ＡＢＣ", []string{"final", "abc"}},
		// Numbers take one canonical form, whatever the convention.
		{"numbers fr", "fr", "3,5 1 000 1\u00a0000\u202f000 1.500 2 000,25", []string{"3.5", "1000", "1000000", "1500", "2000.25"}},
		{"numbers en", "en", "3.5 1,000 1,500 1.500 10,000,000", []string{"3.5", "1000", "1500", "1.500", "10000000"}},
		// A year followed by a count is two numbers, not 2024150.
		{"year then count", "fr", "en 2024 150 personnes", []string{"en", "2024", "150", "personnes"}},
		// Dates keep their separators.
		{"date", "de", "am 27.03.2024", []string{"am", "27.03.2024"}},
		// Punctuation, symbols and emoji are not tokens; G7 is a word.
		{"symbols", "en", "G7 — 50 % 👍 #tag", []string{"g7", "50", "tag"}},
		// Other scripts' digits become ASCII.
		{"arabic-indic digits", "ar", "٢٠٢٤", []string{"2024"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := ForLang(tt.lang).Tokens(tt.in)
			var got []string
			for _, tk := range toks {
				got = append(got, tk.Term)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTokenOffsets(t *testing.T) {
	s := "L'État a dépensé 1 000 € (3,5 %)."
	want := []Token{
		{"l", 0, 1, Word}, {"etat", 2, 7, Word}, {"a", 8, 9, Word},
		{"depense", 10, 19, Word}, {"1000", 20, 25, Number}, {"3.5", 31, 34, Number},
	}
	got := ForLang("fr").Tokens(s)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Tokens(%q) =\n%v, want\n%v", s, got, want)
	}
	for _, tk := range got {
		t.Logf("%s ← %q", tk.Term, s[tk.Start:tk.End])
	}
}

func TestTermsStem(t *testing.T) {
	tests := []struct {
		lang, a, b string // a and b must give the same terms
	}{
		{"en", "the bridges closed", "The bridge closing"},
		{"fr", "les manifestations importantes", "La manifestation importante"},
		{"de", "die Häuser der Städte", "Das Haus der Stadt"},
		{"ru", "в московских школах", "В московской школе"},
	}
	for _, tt := range tests {
		a, b := ForLang(tt.lang).Terms(tt.a), ForLang(tt.lang).Terms(tt.b)
		// Compare the content words (the last two terms).
		if !reflect.DeepEqual(a[len(a)-2:], b[len(b)-2:]) {
			t.Errorf("%s: Terms(%q) = %q and Terms(%q) = %q, want the same stems", tt.lang, tt.a, a, tt.b, b)
		}
	}
}

func TestTermsStopWords(t *testing.T) {
	a := ForLang("fr")
	a.DropStopWords = true
	got := a.Terms("Le maire et les élus de la ville")
	want := []string{"mair", "elus", "vill"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Terms with stop words dropped = %q, want %q", got, want)
	}
}

func TestForLangTags(t *testing.T) {
	for _, tag := range []string{"fr", "FR", "fr-CA", "fr_BE"} {
		if a := ForLang(tag); a.Lang != "fr" || a.Stemmer == nil || len(a.Elisions) == 0 {
			t.Errorf("ForLang(%q) = %+v, want a French analyzer", tag, a)
		}
	}
	if a := ForLang("zh"); a.Stemmer != nil {
		t.Errorf("ForLang(zh) has a stemmer, want none")
	}
}

func BenchmarkTerms(b *testing.B) {
	data, err := os.ReadFile("testdata/fr-conseil.txt")
	if err != nil {
		b.Fatal(err)
	}
	s := string(data)
	a := ForLang("fr")
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		a.Terms(s)
	}
}

func BenchmarkTokens(b *testing.B) {
	data, err := os.ReadFile("testdata/fr-conseil.txt")
	if err != nil {
		b.Fatal(err)
	}
	s := string(data)
	a := ForLang("fr")
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		a.Tokens(s)
	}
}
