package lexicon

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// testBridgeRule bridges the fixtures' two Russian headwords through their
// dozen German ones; the default rule would leave tables this small alone.
var testBridgeRule = bridgeRule{maxHeadwords: 5, minPivot: 10}

func bridgeFixture(t *testing.T, rule bridgeRule) (*Lexicon, []string) {
	t.Helper()
	l, warnings, err := importDir(context.Background(), filepath.Join("testdata", "bridge"), rule)
	if err != nil {
		t.Fatal(err)
	}
	return l, warnings
}

func TestBridgeThroughGerman(t *testing.T) {
	l, warnings := bridgeFixture(t, testBridgeRule)
	tests := []struct {
		word string
		want []string
	}{
		// The inverted eng-rus ranks first; the composition adds what it
		// lacks behind it.
		{"дом", []string{"house", "home"}},
		{"правительство", []string{"government", "administration"}},
		// Only composed: stress marks dropped, the German definitions
		// after the Russian words ignored.
		{"война", []string{"war", "warfare"}},
		{"суд", []string{"court", "dish", "meal"}},
		{"блюдо", []string{"court", "dish", "meal"}}, // a pivot's first senses travel together
		// Two pivots agree on castle, which goes first.
		{"замок", []string{"castle", "lock", "fortress"}},
		{"выборы", []string{"election", "choice", "vote", "ballot"}},
		{"войны", []string{"war", "warfare"}}, // inflected
		// Three pivots with nine English words and no agreement.
		{"ключ", nil},
		// The fourth Russian word of an entry is past the first senses.
		{"черта", nil},
		{"тяга", []string{"train", "move"}},
		// No German definition becomes a Russian headword.
		{"staates", nil},
	}
	for _, tt := range tests {
		if got := l.ToEnglish("ru", tt.word); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ToEnglish(ru, %q) = %q, want %q", tt.word, got, tt.want)
		}
	}
	for _, lang := range []string{"de", "en"} {
		if got := l.ToEnglish(lang, "krieg"); lang == "de" && !reflect.DeepEqual(got, []string{"war", "warfare"}) {
			t.Errorf("German table changed by bridging: ToEnglish(de, krieg) = %q", got)
		}
	}
	joined := strings.Join(warnings, "\n")
	if !strings.Contains(joined, "bridged 15 headwords of ru") || !strings.Contains(joined, "dropped 1 ") {
		t.Errorf("warnings %q do not report 15 bridged words and 1 dropped", warnings)
	}

	// The composed tier survives the file format.
	var buf bytes.Buffer
	if err := l.Write(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, l) {
		t.Errorf("bridged lexicon changed through Write/Read")
	}
}

func TestBridgeRuleLeavesLargeTables(t *testing.T) {
	l, warnings := bridgeFixture(t, defaultBridgeRule)
	if got := l.ToEnglish("ru", "война"); got != nil {
		t.Errorf("default rule bridged through a 12-word German table: война → %q", got)
	}
	if got, want := l.Stats()["ru"], 2; got != want {
		t.Errorf("ru headwords = %d, want %d (eng-rus only)", got, want)
	}
	if !strings.Contains(strings.Join(warnings, "\n"), "freedict-deu-rus: not bridged") {
		t.Errorf("warnings %q do not say deu-rus was not bridged", warnings)
	}
	// The fixture directory holds no CC-CEDICT: the import says Chinese
	// goes without.
	if !strings.Contains(strings.Join(warnings, "\n"), "zh: no dictionary") {
		t.Errorf("warnings %q do not say Chinese has no dictionary", warnings)
	}
}

func TestMergeBridgedRanksLast(t *testing.T) {
	base := Merge(
		mustTSV(t, "haus\tbuilding\n", "de", "en"),
		mustTSV(t, "house\thaus\nhome\thaus\n", "en", "de"),
	)
	br := mustTSV(t, "haus\tdwelling\thome\nhof\tyard\n", "de", "en")
	l := mergeBridged(base, br)
	if got, want := l.ToEnglish("de", "haus"), []string{"building", "house", "home", "dwelling"}; !reflect.DeepEqual(got, want) {
		t.Errorf("ToEnglish(de, haus) = %q, want %q", got, want)
	}
	if got, want := l.ToEnglish("de", "hof"), []string{"yard"}; !reflect.DeepEqual(got, want) {
		t.Errorf("ToEnglish(de, hof) = %q, want %q", got, want)
	}
	// A plain Merge would rank the composed direct sense first.
	if got := Merge(base, br).ToEnglish("de", "haus"); got[0] == "building" && got[1] == "house" && got[2] == "home" && got[3] == "dwelling" {
		t.Errorf("Merge ranks like mergeBridged: %q", got)
	}
}

func TestScriptEntry(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Krieg /kʁiːk/ <n, masc>\nвойна́\nbewaffneter Konflikt\n", []string{"война"}},
		{"manie <suffix>\nмания 2.\nWortbildungselement\n 3.\nмания\n", []string{"мания"}},
		// jpn-rus glues the translation to a usage note.
		{"お茶 /o/\n(noun)\n         Note: polite (teineigo) languageчай (зелёный)\n", []string{"чай"}},
		{"x\n(1) дочь, (2) девушка\n", []string{"дочь", "девушка"}},
		{"x\nABC-Waffen оружие\n", []string{"оружие"}},
		{"x\nоружие ABC массового\n", nil}, // Latin inside the Russian span
	}
	for _, tt := range tests {
		if got := scriptEntry(tt.in, "ru"); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("scriptEntry(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got, want := scriptEntry("chat /ʃa/\ncat\n", "fr"), []string{"cat"}; !reflect.DeepEqual(got, want) {
		t.Errorf("scriptEntry for a Latin-script language = %q, want parseEntry's %q", got, want)
	}
	for in, want := range map[string]string{
		"Polizei /ˌpoliˈt͡saɪ̯/ <n, fem>\nполиция\n":             "polizei",
		" [ichi1]  [news1]  警察 /k/,  [ichi1] けいさつ /k/\n(noun)\n": "警察",
		"\nнет\n": "",
	} {
		if got := entryHead(in); got != want {
			t.Errorf("entryHead(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestRealBridge checks the Russian words deu-rus, jpn-rus and the other
// bridge dictionaries add to the inverted eng-rus: everyday news words with
// the right sense among the first two (the matcher pivots on the first
// three; with five pivot languages a near-synonym may rank first, as
// "tribunal" does for суд through Greek, Dutch and Polish).
func TestRealBridge(t *testing.T) {
	if _, err := os.Stat(filepath.Join(systemDictDir, "freedict-deu-rus.index")); err != nil {
		t.Skip("freedict-deu-rus not installed")
	}
	l := realLexicon(t)
	if n := l.Stats()["ru"]; n < 10000 {
		t.Errorf("ru headwords = %d, want over 10,000 with deu-rus bridged", n)
	}
	for word, want := range map[string]string{
		"война": "war", "выборы": "election", "полиция": "police", "президент": "president",
		"министр": "minister", "закон": "law", "суд": "court", "решение": "decision",
		"соглашение": "agreement", "деньги": "money", "правительство": "government",
	} {
		if got := l.ToEnglish("ru", word); !slices.Contains(got[:min(len(got), 2)], want) {
			t.Errorf("ToEnglish(ru, %q) = %q, want %q among the first two", word, got, want)
		}
	}
}
