package lexicon

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
)

func TestAddWordNet(t *testing.T) {
	base := fixtureLexicon(t)
	l, warnings, err := AddWordNet(context.Background(), base, filepath.Join("testdata", "wordnet"))
	if err != nil {
		t.Fatal(err)
	}
	// The fixture has no adv.exc: one warning naming it, the rest read.
	if len(warnings) != 1 || !strings.Contains(warnings[0], "adv.exc") {
		t.Errorf("warnings %q, want one naming the missing adv.exc", warnings)
	}
	for form, want := range map[string]string{
		"bought":          "buy",
		"went":            "go",
		"children":        "child",
		"mice":            "mouse",
		"best":            "good", // the first base form of several
		"found":           "find", // verb.exc before noun.exc
		"buy":             "buy",  // a base form is its own
		"same":            "same", // a line mapping a word to itself adds nothing
		"houses":          "houses",
		"children_of_god": "children_of_god", // phrases are left out
	} {
		if got := l.BaseForm(form); got != want {
			t.Errorf("BaseForm(%q) = %q, want %q", form, got, want)
		}
	}
	if n := l.BaseForms(); n != 9 {
		t.Errorf("BaseForms() = %d, want 9", n)
	}
	if base.BaseForm("bought") != "bought" || base.BaseForms() != 0 {
		t.Error("AddWordNet changed its base lexicon")
	}
	// The translations are base's.
	if got, want := l.ToEnglish("fr", "maison"), base.ToEnglish("fr", "maison"); strings.Join(got, ",") != strings.Join(want, ",") || len(got) == 0 {
		t.Errorf("ToEnglish(fr, maison) = %q, base gives %q", got, want)
	}

	// The forms survive a write and a read, and a merge.
	var buf bytes.Buffer
	if err := l.Write(&buf); err != nil {
		t.Fatal(err)
	}
	r, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if r.BaseForm("bought") != "buy" || r.BaseForms() != 9 {
		t.Errorf("after Write/Read: BaseForm(bought) = %q, %d forms", r.BaseForm("bought"), r.BaseForms())
	}
	if m := Merge(base, r); m.BaseForm("mice") != "mouse" || m.BaseForms() != 9 {
		t.Errorf("after Merge: BaseForm(mice) = %q, %d forms", m.BaseForm("mice"), m.BaseForms())
	}
}

func TestAddWordNetMissingDir(t *testing.T) {
	base := fixtureLexicon(t)
	l, warnings, err := AddWordNet(context.Background(), base, filepath.Join(t.TempDir(), "none"))
	if err != nil || len(warnings) != 0 || l != base {
		t.Errorf("missing directory: %v, warnings %q, lexicon changed %v", err, warnings, l != base)
	}
	var nilLex *Lexicon
	if nilLex.BaseForm("went") != "went" {
		t.Error("a nil lexicon changed a word")
	}
}

func TestReadExceptions(t *testing.T) {
	got, err := ReadExceptions(strings.NewReader("geese goose\n\nWent go\nput put\nlay_down lie_down\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0] != [2]string{"geese", "goose"} || got[1] != [2]string{"went", "go"} {
		t.Errorf("ReadExceptions = %q", got)
	}
	if _, err := ReadExceptions(strings.NewReader("geese goose\nmice\n")); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("a line without a base form: err = %v, want one naming line 2", err)
	}
	if _, err := ReadExceptions(strings.NewReader(strings.Repeat("x", maxExceptionLine+1))); err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("an overlong line: err = %v, want one naming line 1", err)
	}
}
