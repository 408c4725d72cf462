package lexicon

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The fixtures under testdata/apertium are compiled from the .dix files
// beside them with lttoolbox 3.7.1's lt-comp (Debian 12), as Debian's
// apertium-* packages are.

func readFixture(t *testing.T, name string) *ltFile {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "apertium", name))
	if err != nil {
		t.Fatal(err)
	}
	f, err := readLTToolbox(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return f
}

func TestLemmaPairs(t *testing.T) {
	f := readFixture(t, "ukr-rus.autobil.bin")
	if len(f.sections) != 1 || f.sections[0].name != "main@standard" {
		t.Fatalf("sections = %+v, want one main@standard", f.sections)
	}
	if !slices.Contains(f.tags, "vblex") || !slices.Contains(f.tags, "adv") {
		t.Errorf("tags = %v, want vblex and adv among them", f.tags)
	}
	got := map[string]string{}
	for _, p := range f.lemmaPairs() {
		got[p.left] = p.right
	}
	want := map[string]string{
		"врода":      "красота",       // right side longer: runs on over the left's tags
		"уряд":       "правительство", // much longer
		"скільки":    "сколько",
		"відмовляти": "отказывать", // homonym number dropped
		"вирок":      "приговор",   // on either side
		"тиждень":    "неделя",     // tags differ on the two sides
		"київ":       "киев",
		"дякувати":   "благодарить",
		"робота":     "работа",
	}
	for l, r := range want {
		if got[l] != r {
			t.Errorf("%s → %q, want %q", l, got[l], r)
		}
	}
	if r, ok := got["опівдні"]; ok {
		t.Errorf("multiword right side taken: опівдні → %q", r)
	}
	if len(got) != len(want) {
		t.Errorf("got %d pairs %v, want %d", len(got), got, len(want))
	}
}

// pairStrings returns the pairs as sorted "left:right" strings.
func pairStrings(pairs []bidixPair) []string {
	var out []string
	for _, p := range pairs {
		out = append(out, p.left+":"+p.right)
	}
	slices.Sort(out)
	return out
}

func TestAnalyses(t *testing.T) {
	got := pairStrings(readFixture(t, "ukr-rus.automorf.bin").analyses())
	// Forms equal to their lemma (дякувати, тиждень, я) are left out; a
	// form of two lemmas gives both.
	want := []string{"дякую:дякувати", "дякуєш:дякувати", "мені:я", "роботу:робот", "роботу:робота", "тижня:тиждень"}
	if !slices.Equal(got, want) {
		t.Errorf("analyses = %v, want %v", got, want)
	}
}

func TestLemmaPairsWeighted(t *testing.T) {
	got := pairStrings(readFixture(t, "hbs-eng.autobil.bin").lemmaPairs())
	want := []string{"reći:say", "tjedan:week", "vlada:government", "vlada:rule"}
	if !slices.Equal(got, want) {
		t.Errorf("pairs = %v, want %v", got, want)
	}
}

func TestReadLTToolboxErrors(t *testing.T) {
	good, err := os.ReadFile(filepath.Join("testdata", "apertium", "ukr-rus.autobil.bin"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "unexpected EOF"},
		{"truncated", good[:len(good)-2], "unexpected EOF"},
		{"memory-mapped", append([]byte("LTTB\x01\x00\x00\x00\x00\x00\x00\x00"), good[12:]...), "memory-mapped"},
		{"huge count", []byte("LTTB\x00\x00\x00\x00\x00\x00\x00\x00\xff\xff\xff\xff"), "implausible"},
	} {
		_, err := readLTToolbox(bytes.NewReader(tc.data))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want one saying %q", tc.name, err, tc.want)
		}
	}
}

// AddApertium composes Ukrainian through the Russian table and adds a
// Croatian→English dictionary directly; a bad dictionary is skipped with
// a warning naming it.
func TestAddApertium(t *testing.T) {
	dir := t.TempDir()
	install := func(pkg, name string) {
		t.Helper()
		b, err := os.ReadFile(filepath.Join("testdata", "apertium", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(dir, pkg), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, pkg, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	install("apertium-rus-ukr", "ukr-rus.autobil.bin")
	install("apertium-rus-ukr", "ukr-rus.automorf.bin")
	install("apertium-hbs-eng", "hbs-eng.autobil.bin")
	if err := os.MkdirAll(filepath.Join(dir, "apertium-bad"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "apertium-bad", "bel-rus.autobil.bin"), []byte("LTTB\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	ru, err := ImportTSV(context.Background(), strings.NewReader("красота\tbeauty\nправительство\tgovernment\nнеделя\tweek\nвыборы\telection\nблагодарить\tthank\nробот\trobot\nработа\twork\n"), "ru", "en")
	if err != nil {
		t.Fatal(err)
	}
	l, warnings, err := AddApertium(context.Background(), ru, dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ lang, word, want string }{
		{"uk", "уряд", "government"},
		{"uk", "уряду", "government"}, // inflected: found through the stemmer
		{"uk", "тиждень", "week"},
		{"hr", "vlada", "government"},
		{"hr", "tjedan", "week"},
		{"ru", "красота", "beauty"},  // the base is kept
		{"uk", "вибори", "election"}, // not in the Ukrainian table: respelled into the Russian one
		{"uk", "дякую", "thank"},     // a form only the analyser knows, through its lemma дякувати
	} {
		if got := l.ToEnglish(c.lang, c.word); len(got) == 0 || got[0] != c.want {
			t.Errorf("ToEnglish(%s, %s) = %v, want %s first", c.lang, c.word, got, c.want)
		}
	}
	// роботу is a form of two lemmas: робот *robot*, which the stemmer
	// finds too, and робота *work*, which only the analyser knows.
	if got := l.ToEnglish("uk", "роботу"); !slices.Contains(got, "robot") || !slices.Contains(got, "work") {
		t.Errorf("ToEnglish(uk, роботу) = %v, want robot and work", got)
	}
	if got := l.ToEnglish("uk", "скільки"); got != nil {
		t.Errorf("ToEnglish(uk, скільки) = %v: the Russian table has no сколько", got)
	}
	if !slices.ContainsFunc(warnings, func(w string) bool { return strings.Contains(w, "bel-rus.autobil.bin: skipped") }) {
		t.Errorf("warnings %q do not name the unreadable dictionary", warnings)
	}
	if l2, _, err := AddApertium(context.Background(), ru, filepath.Join(dir, "missing")); err != nil || l2 != ru {
		t.Errorf("missing directory: %v, %v; want the base back", l2, err)
	}
}
