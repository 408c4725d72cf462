package lexiconcmd_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newstrace/newstrace/internal/cli/clitest"
	"github.com/newstrace/newstrace/internal/lexicon"
)

// cedictSample is a CC-CEDICT-format list written for these tests.
const cedictSample = `# CC-CEDICT format sample written for newstrace's tests
政府 政府 [zheng4 fu3] /government/CL:個|个[ge4]/
總統 总统 [zong3 tong3] /president (of a country)/
堤壩 堤坝 [di1 ba4] /dam/dike/
`

func writeCEDICT(t *testing.T, dir, name string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(cedictSample), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func readLexicon(t *testing.T, path string) *lexicon.Lexicon {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	lex, err := lexicon.Read(f)
	if err != nil {
		t.Fatal(err)
	}
	return lex
}

func TestImportCEDICTFlag(t *testing.T) {
	dir := t.TempDir()
	cedict := writeCEDICT(t, dir, "zh-en.u8")
	out, _, err := clitest.Run(t, dir, "lexicon", "import", "--libreoffice", "", "--iso-codes", "", "--glibc-locales", "", "--dir", "", "--apertium", "", "--cedict", cedict, "--tsv", writeTSV(t, dir), "--from", "fr", "--to", "en")
	if err != nil {
		t.Fatal(err)
	}
	// 政府 once, 總統/总统 and 堤壩/堤坝 twice.
	if !strings.Contains(out.String(), "fr 2, zh 5") {
		t.Errorf("output %q does not count 2 French and 5 Chinese headwords", out.String())
	}
	lex := readLexicon(t, filepath.Join(dir, "lexicon.bin"))
	for word, want := range map[string]string{"政府": "government", "总统": "president", "總統": "president", "堤坝": "dam"} {
		if got := lex.ToEnglish("zh", word); len(got) == 0 || got[0] != want {
			t.Errorf("ToEnglish(zh, %s) = %q, want %s first", word, got, want)
		}
	}
	if got := lex.ToEnglish("fr", "maire"); !slices.Equal(got, []string{"mayor"}) {
		t.Errorf("ToEnglish(fr, maire) = %q, want [mayor]", got)
	}
}

// A dictionary directory that holds only CC-CEDICT, under the name MDBG
// distributes it under, is enough.
func TestImportCEDICTDir(t *testing.T) {
	data, dicts := t.TempDir(), t.TempDir()
	writeCEDICT(t, dicts, lexicon.CEDICTFile)
	out, _, err := clitest.Run(t, data, "lexicon", "import", "--libreoffice", "", "--iso-codes", "", "--glibc-locales", "", "--dir", dicts, "--apertium", "")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := out.String(), "zh 5 headwords"; !strings.Contains(got, want) {
		t.Errorf("output %q, want it to contain %q", got, want)
	}
	lex := readLexicon(t, filepath.Join(data, "lexicon.bin"))
	if got := lex.ToEnglish("zh-TW", "政府"); !slices.Equal(got, []string{"government"}) {
		t.Errorf("ToEnglish(zh-TW, 政府) = %q, want [government]", got)
	}
}

func TestImportCEDICTMissing(t *testing.T) {
	dir := t.TempDir()
	_, _, err := clitest.Run(t, dir, "lexicon", "import", "--libreoffice", "", "--iso-codes", "", "--glibc-locales", "", "--dir", "", "--cedict", filepath.Join(dir, "absent.u8"))
	if err == nil || !strings.Contains(err.Error(), "lexicon import: ") {
		t.Errorf("missing --cedict file: err = %v, want a lexicon import error", err)
	}
}
