package lang

import (
	"slices"
	"strings"
	"testing"
)

func TestDetectNoLetters(t *testing.T) {
	d := New()
	for _, text := range []string{"", " \n\t", "2024", "12 345,67 — 89%", "!!! ??? ...", "a", "😀🎉", "https://example.com/a/b"} {
		if got := d.Detect(text); got.Lang != "" || got.Confidence != 0 {
			t.Errorf("Detect(%q) = %+v, want no language", text, got)
		}
	}
}

// TestDetectSentences runs the sentences written for this package, one
// or more per default language, including those the shared data lacks.
func TestDetectSentences(t *testing.T) {
	d := New()
	seen := map[string]bool{}
	for _, s := range loadSentences(t) {
		seen[s.lang] = true
		got := d.Detect(s.text)
		if got.Lang != s.lang {
			t.Errorf("Detect(%q) = %q (%.2f), want %q", s.text, got.Lang, got.Confidence, s.lang)
		}
		if got.Confidence < 0 || got.Confidence > 1 {
			t.Errorf("Detect(%q): confidence %v outside [0, 1]", s.text, got.Confidence)
		}
	}
	for _, code := range DefaultLanguages() {
		if !seen[code] {
			t.Errorf("testdata/sentences.tsv has no sentence in %s", code)
		}
	}
}

func TestDetectScripts(t *testing.T) {
	d := New()
	tests := []struct{ text, want string }{
		{"我用iPhone和MacBook Pro写稿。", "zh"}, // Latin brand names in Chinese
		{"東京都知事選挙の結果", "ja"},              // kanji headline with one kana
		{"서울시는 新年 계획을 발표했다", "ko"},        // Hanja in Korean
		{"Він сказав, що «Газпром» платитиме більше.", "uk"},
		{"Цены на нефть выросли, сообщил Reuters.", "ru"},
		{"Read more about the new measures at https://example.com/fr/actualites/le-gouvernement-annonce", "en"},
	}
	for _, tt := range tests {
		if got := d.Detect(tt.text); got.Lang != tt.want {
			t.Errorf("Detect(%q) = %q, want %q", tt.text, got.Lang, tt.want)
		}
	}
}

func TestNewDetector(t *testing.T) {
	d, err := NewDetector(Options{Languages: []string{"ru", "uk", "en", "ru"}})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := d.Languages(), []string{"en", "ru", "uk"}; !slices.Equal(got, want) {
		t.Errorf("Languages() = %v, want %v", got, want)
	}
	// Bulgarian is not configured: the nearest configured language wins.
	if got := d.Detect("Правителството обяви нови мерки."); got.Lang != "ru" && got.Lang != "uk" {
		t.Errorf("restricted Detect = %q, want ru or uk", got.Lang)
	}
	// No configured language writes Greek.
	if got := d.Detect("Η κυβέρνηση ανακοίνωσε νέα μέτρα."); got.Lang != "" {
		t.Errorf("Greek with no Greek language = %q, want \"\"", got.Lang)
	}
	if _, err := NewDetector(Options{Languages: []string{"xx"}}); err == nil || !strings.HasPrefix(err.Error(), "lang: ") {
		t.Errorf("NewDetector(xx) error = %v, want a lang: error", err)
	}
	if got := New().Languages(); len(got) < 25 {
		t.Errorf("New().Languages() has %d languages, want ≥ 25", len(got))
	}
	for _, code := range SupportedLanguages() {
		if _, err := NewDetector(Options{Languages: []string{code}}); err != nil {
			t.Errorf("supported language %s: %v", code, err)
		}
	}
}

// TestDetectOddInput checks that Detect neither panics nor returns
// confidence outside [0, 1] on malformed or extreme input.
func TestDetectOddInput(t *testing.T) {
	d := New()
	long := strings.Repeat("Le gouvernement a annoncé de nouvelles mesures. ", 20000)
	inputs := []string{
		"\xff\xfe\xfd", "caf\xc3", "Прав\xd0", "\x00\x00abc\x00", long,
		strings.Repeat("я", 5000) + "\xd0", // cut inside a character at MaxBytes
		strings.Repeat("ــــ", 100), "ـ",
		strings.Repeat("a", 100000), strings.Repeat(" ", 10000),
		"İıŞşĞğ", "\u200b\u200d\ufeff",
	}
	for _, in := range inputs {
		got := d.Detect(in)
		if got.Confidence < 0 || got.Confidence > 1 || (got.Lang == "" && got.Confidence != 0) {
			t.Errorf("Detect(%.20q…) = %+v", in, got)
		}
	}
	if got := d.Detect(long); got.Lang != "fr" {
		t.Errorf("Detect(long French) = %q, want fr", got.Lang)
	}
}

func BenchmarkDetect(b *testing.B) {
	d := New()
	short := "Le gouvernement a annoncé hier de nouvelles mesures contre la hausse des prix."
	page := strings.Repeat("Правительство объявило о новых мерах по снижению цен на энергию. ", 150)
	for _, bc := range []struct{ name, text string }{{"sentence", short}, {"page10KB", page}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.text)))
			for b.Loop() {
				d.Detect(bc.text)
			}
		})
	}
}
