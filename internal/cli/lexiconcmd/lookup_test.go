package lexiconcmd_test

import (
	"strings"
	"testing"

	"github.com/newstrace/newstrace/internal/cli/clitest"
)

// lookup shows a word's renderings and the terms it is matched on, says
// when the lexicon lacks a word, and asks for the language.
func TestLookup(t *testing.T) {
	dir := t.TempDir()
	tsv := writeTSV(t, dir)
	if _, _, err := clitest.Run(t, dir, "lexicon", "import", "--libreoffice", "", "--iso-codes", "", "--glibc-locales", "", "--dir", "", "--apertium", "", "--tsv", tsv, "--from", "fr", "--to", "en"); err != nil {
		t.Fatal(err)
	}
	out, _, err := clitest.Run(t, dir, "lexicon", "lookup", "--lang", "fr", "Maire", "barrages", "inconnu")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Maire [fr]: mayor\n  pivot terms: mayor\n",
		"barrages [fr]: dam\n  pivot terms: dam\n", // through the suffix rules
		"inconnu [fr]: not in the lexicon\n",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output %q lacks %q", out.String(), want)
		}
	}
	if _, _, err := clitest.Run(t, dir, "lexicon", "lookup", "maire"); err == nil || !strings.Contains(err.Error(), "--lang") {
		t.Errorf("lookup without --lang: err = %v, want one asking for it", err)
	}
}
