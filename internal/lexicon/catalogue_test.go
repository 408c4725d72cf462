package lexicon

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestAddCatalogues(t *testing.T) {
	dir := filepath.Join("testdata", "catalogues")
	l, warnings, err := AddCatalogues(context.Background(), namesBase(), dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		lang, word string
		want       []string
	}{
		{"uk", "видалити", []string{"delete", "remove"}}, // Delete in two catalogues, Remove in one
		{"uk", "назва", []string{"name", "title"}},       // "Name:" without its colon; ties in English order
		{"uk", "сторінка", []string{"page"}},             // a plural's singular
		{"uk", "привіт", []string{"hello"}},              // the base's word kept
		{"ja", "ファイル", []string{"file"}},                 // the accelerator after the word dropped
		{"uk", "таблицю", nil},                           // from a message of two words
		{"uk", "ok", nil},                                // untranslated
		{"uk", "версія", nil},                            // "Версія 2" is not one word
	} {
		if got := l.ToEnglish(tt.lang, tt.word); !slices.Equal(got, tt.want) {
			t.Errorf("%s %s → %q, want %q", tt.lang, tt.word, got, tt.want)
		}
	}
	if slices.Contains(l.Languages(), "en") && l.ToEnglish("en", "colour") != nil {
		t.Error("English's catalogue (en_GB) was read as a language")
	}
	joined := strings.Join(warnings, "\n")
	for _, want := range []string{
		filepath.Join("hi", "LC_MESSAGES", "bad.mo") + ": skipped: not a gettext catalogue",
		"uk: 3 words of one-word messages, 0 aligned",
		"ja: 1 words of one-word messages, 0 aligned",
	} {
		if !strings.Contains(joined, want) {
			t.Errorf("warnings %q lack %q", warnings, want)
		}
	}

	// A missing directory adds nothing and is no error.
	same, warnings, err := AddCatalogues(context.Background(), namesBase(), filepath.Join("testdata", "none"))
	if err != nil || len(warnings) != 0 || same.ToEnglish("uk", "видалити") != nil {
		t.Errorf("missing directory: %v, %q", err, warnings)
	}
	if got := CatalogueFiles(dir); len(got) != 5 {
		t.Errorf("CatalogueFiles = %q, want the five .mo files", got)
	}
}

func TestCleanMessage(t *testing.T) {
	for in, want := range map[string]string{
		"~File":         "File",
		"_Open...":      "Open",
		"Name:":         "Name",
		"ファイル(~F)":      "ファイル",
		"編集 (~E)...":    "編集",
		"Save As…":      "Save As",
		"(a) and (b)":   "(a) and",
		"Function (x)":  "Function",
		"शब्द (~w)":     "शब्द",
		"  Delete  ":    "Delete",
		"Version 2 (β)": "Version 2 (β)",
	} {
		if got := cleanMessage(in); got != want {
			t.Errorf("cleanMessage(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestAddCataloguesInstalled reads LibreOffice's catalogues where this
// machine has them (Debian: libreoffice-l10n-uk).
func TestAddCataloguesInstalled(t *testing.T) {
	if _, err := os.Stat(filepath.Join(DefaultLibreOfficeDir, "uk", "LC_MESSAGES")); err != nil {
		t.Skip("libreoffice-l10n-uk not installed")
	}
	l, warnings, err := AddCatalogues(context.Background(), namesBase(), DefaultLibreOfficeDir)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(warnings)
	for _, w := range []string{"видалити", "зображення", "таблиця"} {
		if len(l.ToEnglish("uk", w)) == 0 {
			t.Errorf("uk %s: no English", w)
		}
	}
}
