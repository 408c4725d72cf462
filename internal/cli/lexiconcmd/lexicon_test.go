package lexiconcmd_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newstrace/newstrace/internal/cli/clitest"
	"github.com/newstrace/newstrace/internal/lexicon"
)

// writeTSV writes a fictional French word list for the tests.
func writeTSV(t *testing.T, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "fr-en.tsv")
	if err := os.WriteFile(path, []byte("# test list\nbarrage\tdam\nmaire\tmayor\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestImportTSV(t *testing.T) {
	dir := t.TempDir()
	tsv := writeTSV(t, dir)
	out, _, err := clitest.Run(t, dir, "lexicon", "import", "--libreoffice", "", "--iso-codes", "", "--glibc-locales", "", "--dir", "", "--apertium", "", "--tsv", tsv, "--from", "fr", "--to", "en")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "fr 2") {
		t.Errorf("output %q does not count 2 French headwords", out.String())
	}
	f, err := os.Open(filepath.Join(dir, "lexicon.bin"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	lex, err := lexicon.Read(f)
	if err != nil {
		t.Fatal(err)
	}
	if got := lex.ToEnglish("fr", "barrage"); len(got) == 0 || got[0] != "dam" {
		t.Errorf("ToEnglish(fr, barrage) = %v, want [dam]", got)
	}
}

// --wordnet adds WordNet's English irregular forms with their base forms.
func TestImportWordNet(t *testing.T) {
	dir := t.TempDir()
	tsv := writeTSV(t, dir)
	wn := filepath.Join("..", "..", "lexicon", "testdata", "wordnet")
	for _, c := range []struct {
		wordnet, want, bought string
	}{{"", "0 English irregular forms", "bought"}, {wn, "9 English irregular forms", "buy"}} {
		out, _, err := clitest.Run(t, dir, "lexicon", "import", "--libreoffice", "", "--iso-codes", "", "--glibc-locales", "", "--dir", "", "--apertium", "", "--wordnet", c.wordnet, "--tsv", tsv, "--from", "fr", "--to", "en")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), c.want) {
			t.Errorf("--wordnet %q: output %q does not say %q", c.wordnet, out.String(), c.want)
		}
		f, err := os.Open(filepath.Join(dir, "lexicon.bin"))
		if err != nil {
			t.Fatal(err)
		}
		lex, err := lexicon.Read(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if got := lex.BaseForm("bought"); got != c.bought {
			t.Errorf("--wordnet %q: BaseForm(bought) = %q, want %q", c.wordnet, got, c.bought)
		}
	}
}

// --apertium adds the bilingual dictionaries of an Apertium data
// directory: here Ukrainian lemmas composed through a Russian word list.
func TestImportApertium(t *testing.T) {
	dir := t.TempDir()
	pair := filepath.Join(dir, "apertium", "apertium-rus-ukr")
	if err := os.MkdirAll(pair, 0o755); err != nil {
		t.Fatal(err)
	}
	bin, err := os.ReadFile(filepath.Join("..", "..", "lexicon", "testdata", "apertium", "ukr-rus.autobil.bin"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(pair, "ukr-rus.autobil.bin"), bin, 0o644); err != nil {
		t.Fatal(err)
	}
	tsv := filepath.Join(dir, "ru-en.tsv")
	if err := os.WriteFile(tsv, []byte("правительство\tgovernment\nнеделя\tweek\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, err := clitest.Run(t, dir, "lexicon", "import", "--libreoffice", "", "--iso-codes", "", "--glibc-locales", "", "--dir", "", "--apertium", filepath.Join(dir, "apertium"), "--tsv", tsv, "--from", "ru", "--to", "en")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "ru 2, uk 2 headwords") {
		t.Errorf("output %q does not count 2 Russian and 2 Ukrainian headwords", out.String())
	}
}

func TestImportNeedsLanguages(t *testing.T) {
	dir := t.TempDir()
	if _, _, err := clitest.Run(t, dir, "lexicon", "import", "--tsv", writeTSV(t, dir)); err == nil {
		t.Error("--tsv without --from/--to: no error")
	}
}

// The import adds the names of countries, days and months from the
// iso-codes catalogues and glibc locale sources it is pointed at, for the
// languages it has words of.
func TestImportNames(t *testing.T) {
	dir := t.TempDir()
	tsv := filepath.Join(dir, "hi-en.tsv")
	if err := os.WriteFile(tsv, []byte("नमस्ते\thello\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	names := filepath.Join("..", "..", "lexicon", "testdata", "names")
	out, _, err := clitest.Run(t, dir, "lexicon", "import", "--dir", "", "--apertium", "", "--hunspell", "", "--libreoffice", "",
		"--iso-codes", filepath.Join(names, "locale"), "--glibc-locales", filepath.Join(names, "i18n"),
		"--tsv", tsv, "--from", "hi", "--to", "en")
	if err != nil {
		t.Fatal(err)
	}
	lex := readLexicon(t, filepath.Join(dir, "lexicon.bin"))
	for word, want := range map[string]string{"नमस्ते": "hello", "भारत": "india", "गुरुवार": "thursday"} {
		if got := lex.ToEnglish("hi", word); len(got) == 0 || got[0] != want {
			t.Errorf("ToEnglish(hi, %s) = %q, want %s first (output %q)", word, got, want, out.String())
		}
	}
}

// The import adds the one-word messages of the LibreOffice catalogues
// --libreoffice names, for a language no dictionary gave.
func TestImportCatalogues(t *testing.T) {
	dir := t.TempDir()
	out, _, err := clitest.Run(t, dir, "lexicon", "import", "--dir", "", "--apertium", "", "--hunspell", "",
		"--iso-codes", "", "--glibc-locales", "", "--libreoffice", filepath.Join("..", "..", "lexicon", "testdata", "catalogues"),
		"--tsv", writeTSV(t, dir), "--from", "fr", "--to", "en")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "uk 3 headwords") {
		t.Errorf("output %q does not count 3 Ukrainian headwords", out)
	}
	lex := readLexicon(t, filepath.Join(dir, "lexicon.bin"))
	if got := lex.ToEnglish("uk", "видалити"); len(got) == 0 || got[0] != "delete" {
		t.Errorf("uk видалити → %q, want delete first", got)
	}
}
