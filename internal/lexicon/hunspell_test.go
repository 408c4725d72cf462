package lexicon

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// hunspellForms reads a dictionary from testdata/hunspell and returns
// each stem's forms, sorted.
func hunspellForms(t *testing.T, aff, dic string) map[string][]string {
	t.Helper()
	af, err := readAffix(strings.NewReader(aff))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	err = af.readDic(strings.NewReader(dic), func(stem string, flags []string) error {
		var forms []string
		af.expand(stem, flags, func(f string) { forms = append(forms, f) })
		slices.Sort(forms)
		out[stem] = forms
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func readTestdata(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "hunspell", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestHunspellExpand checks suffixes under their conditions (ě only after
// a consonant other than k), a prefix crossed with the suffixed forms, a
// twofold suffix's continuation class, and a forbidden stem left out.
func TestHunspellExpand(t *testing.T) {
	got := hunspellForms(t, readTestdata(t, "cs_CZ.aff"), readTestdata(t, "cs_CZ.dic"))
	want := map[string][]string{
		"město": {"měst", "městech", "město", "městy", "městě", "neměst", "neměstech", "neměsto", "neměstě"},
		"okno":  {"okn", "oknech", "okno", "okny", "okně"},
		"pes":   {"pes"},
	}
	for stem, w := range want {
		if !slices.Equal(got[stem], w) {
			t.Errorf("%s: forms %q, want %q", stem, got[stem], w)
		}
	}
	if _, ok := got["zlo"]; ok {
		t.Errorf("forbidden stem zlo read: %q", got["zlo"])
	}
}

// TestHunspellLongFlagsAndAliases checks two-character flags given through
// AF aliases, and a stem that needs an affix to be a word.
func TestHunspellLongFlagsAndAliases(t *testing.T) {
	got := hunspellForms(t, readTestdata(t, "hr_HR.aff"), readTestdata(t, "hr_HR.dic"))
	want := map[string][]string{
		"grad": {"grada", "gradom"},
		"kuć":  {"kuć", "kuća", "kućom"},
	}
	for stem, w := range want {
		if !slices.Equal(got[stem], w) {
			t.Errorf("%s: forms %q, want %q", stem, got[stem], w)
		}
	}
	if _, ok := got["loš"]; ok {
		t.Error("forbidden stem loš read")
	}
}

// TestHunspellNumericFlags checks numeric flags given through aliases,
// where an alias line of one flag reads as a flag, not as another alias.
func TestHunspellNumericFlags(t *testing.T) {
	aff := "FLAG num\nAF 2\nAF 17\nAF 17,18\nSFX 17 Y 1\nSFX 17 0 a .\nSFX 18 Y 1\nSFX 18 0 om .\n"
	got := hunspellForms(t, aff, "2\ngrad/1\nkuć/2\n")
	want := map[string][]string{"grad": {"grad", "grada"}, "kuć": {"kuć", "kuća", "kućom"}}
	for stem, w := range want {
		if !slices.Equal(got[stem], w) {
			t.Errorf("%s: forms %q, want %q", stem, got[stem], w)
		}
	}
}

// TestHunspellCharset checks that a dictionary in ISO 8859-2, as Debian's
// Polish one is, reads as UTF-8.
func TestHunspellCharset(t *testing.T) {
	enc := charmap.ISO8859_2.NewEncoder()
	aff, err := enc.String("SET ISO8859-2\nSFX A Y 1\nSFX A a ę a\n")
	if err != nil {
		t.Fatal(err)
	}
	dic, err := enc.String("1\nręka/A\n")
	if err != nil {
		t.Fatal(err)
	}
	got := hunspellForms(t, aff, dic)
	if w := []string{"ręka", "rękę"}; !slices.Equal(got["ręka"], w) {
		t.Errorf("forms %q, want %q", got, w)
	}
	if _, err := readAffix(strings.NewReader("SET EBCDIC\n")); err == nil {
		t.Error("unknown SET: no error")
	}
}

// TestAddHunspell checks that a form the lexicon lacks finds its stem's
// English, that a form the lexicon knows keeps its own, and that a
// language outside those measured is left alone.
func TestAddHunspell(t *testing.T) {
	lex, err := ImportTSV(context.Background(), strings.NewReader("město\ttown\nměstech\tquarters\nokno\twindow\n"), "cs", "en")
	if err != nil {
		t.Fatal(err)
	}
	got, warnings, err := AddHunspell(context.Background(), lex, filepath.Join("testdata", "hunspell"))
	if err != nil {
		t.Fatal(err)
	}
	for word, want := range map[string]string{"městě": "town", "neměst": "town", "okny": "window", "městech": "quarters"} {
		if en := got.ToEnglish("cs", word); len(en) == 0 || en[0] != want {
			t.Errorf("ToEnglish(cs, %s) = %q, want %s first", word, en, want)
		}
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "cs:") {
		t.Errorf("warnings %q, want one line for cs", warnings)
	}
	if got2, _, err := AddHunspell(context.Background(), lex, filepath.Join("testdata", "missing")); err != nil || got2 != lex {
		t.Errorf("missing directory: %v, %v; want the lexicon unchanged", got2 == lex, err)
	}
}

// TestRealHunspellCzech expands the installed Czech dictionary's město.
func TestRealHunspellCzech(t *testing.T) {
	aff := filepath.Join(DefaultHunspellDir, "cs_CZ.aff")
	fa, err := os.Open(aff)
	if err != nil {
		t.Skip("hunspell-cs not installed")
	}
	defer fa.Close()
	af, err := readAffix(fa)
	if err != nil {
		t.Fatal(err)
	}
	fd, err := os.Open(strings.TrimSuffix(aff, ".aff") + ".dic")
	if err != nil {
		t.Fatal(err)
	}
	defer fd.Close()
	var forms []string
	err = af.readDic(fd, func(stem string, flags []string) error {
		if stem == "město" {
			af.expand(stem, flags, func(f string) { forms = append(forms, f) })
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"městě", "městech", "měst", "městům"} {
		if !slices.Contains(forms, w) {
			t.Errorf("město: %s not among %q", w, forms)
		}
	}
}
