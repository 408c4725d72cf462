package lexicon

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestDecodeDictdNumber(t *testing.T) {
	tests := []struct {
		in   string
		want uint64
	}{
		{"A", 0},
		{"B", 1},
		{"Z", 25},
		{"a", 26},
		{"0", 52},
		{"+", 62},
		{"/", 63},
		{"BA", 64},
		{"8m", 60*64 + 38}, // the offset of " à" in FreeDict's fra-eng index
		{"s", 44},
		{"CpQ", 2*64*64 + 41*64 + 16},
		{"////////", 1<<48 - 1},
	}
	for _, tt := range tests {
		got, err := decodeDictdNumber(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("decodeDictdNumber(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
		}
		if enc := encodeDictdNumber(tt.want); enc != strings.TrimLeft(tt.in, "A") && tt.want != 0 {
			t.Errorf("encodeDictdNumber(%d) = %q, want %q", tt.want, enc, tt.in)
		}
	}
	for _, bad := range []string{"", "A=", "é", "AAAAAAAAAAA", "B C"} {
		if _, err := decodeDictdNumber(bad); err == nil {
			t.Errorf("decodeDictdNumber(%q) succeeded, want error", bad)
		}
	}
}

func TestParseEntry(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"single", "chat /ʃa/ <n, masc>\ncat\n", []string{"cat"}},
		{"senses", "abaisser /abɛse/ <v>\n1. cry down, run down\n2. abase\n", []string{"cry down", "run down", "abase"}},
		{"examples, notes, synonyms, see", "gehen /ɡˈeːən/ <v, intr>\ngo <v>\n      \"Lass uns gehen!\"  - Let's go!\n         Note: on foot\n   Synonyms: {laufen}\n\n see: {gehend}, {gegangen}\n",
			[]string{"go"}},
		{"roman numerals, labels, phrasal lines", "dog /dɒg/\nI.  <N> 1.  [gatunek]  pies\n 2.  [samiec]  pies\nII.  <V> 1.  chodzić ślad w ślad (sb - za kimś)\nIII.  <V Phras>dog out   wytropić\n",
			[]string{"pies", "pies", "chodzić ślad w ślad"}},
		{"dash continuation", "house\n 2.  be housed (be V: :housed)\n - mieszkać\n", []string{"be housed", "mieszkać"}},
		{"inline pronunciations", "Regierung /reːɡˈiːrʊŋ/ <fem>\n [pol.] government <n>Gov.,  /ɡˈoːf/ Govt.,  /ɡˈɔft/ , administration <n> [Am.]\n",
			[]string{"government", "gov", "govt", "administration"}},
		{"slash inside a word stays out", "x\nreach to a place/as far as a place, and/or\n", nil},
		{"hindi tilde", "dog /dˈɒɡ/ <VT>\n1. पीछे~लगना\n", []string{"पीछे लगना"}},
		{"too long and digits dropped", "x\nfour words is fine, five words is too many, 4x4\n", []string{"four words is fine"}},
		{"header only", "lonely\n", nil},
	}
	for _, tt := range tests {
		if got := parseEntry(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: parseEntry = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestImportDictdDirect(t *testing.T) {
	idx, dict := fixture("freedict-fra-eng")
	l, err := ImportDictd(context.Background(), idx, dict, "fr", "en")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		word string
		want []string
	}{
		{"chat", []string{"cat"}},
		{"minou", []string{"cat"}}, // second index line for the same entry
		{"chien", []string{"dog"}}, // not "toutou", not the example
		{"maison", []string{"house", "home"}},
		{"manger", []string{"eat", "consume", "use up"}}, // "to" dropped
		{"école", []string{"school", "academy"}},
		{"pomme de terre", []string{"potato"}},
		{"gouvernement", []string{"rule", "control", "government", "gov", "cabinet"}},
		{"00databaseinfo", nil},
	}
	for _, tt := range tests {
		if got := l.ToEnglish("fr", tt.word); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ToEnglish(fr, %q) = %q, want %q", tt.word, got, tt.want)
		}
	}
	if got, want := l.Stats(), map[string]int{"fr": 8}; !reflect.DeepEqual(got, want) {
		t.Errorf("Stats = %v, want %v", got, want)
	}
}

func TestImportDictdInverted(t *testing.T) {
	idx, dict := fixture("freedict-eng-rus")
	l, err := ImportDictd(context.Background(), idx, dict, "eng", "rus")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		word string
		want []string
	}{
		{"дом", []string{"home", "house"}}, // first translation of both: dictionary order breaks the tie
		{"домой", []string{"home"}},
		{"Собака", []string{"dog"}},
		{"пёс", []string{"dog"}},
		{"пес", []string{"dog"}}, // ё written as е
		{"ёлка", []string{"fir tree"}},
		{"кот", []string{"cat"}},
		{"выследить", nil}, // translates "dog out", not "dog"
	}
	for _, tt := range tests {
		if got := l.ToEnglish("ru", tt.word); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ToEnglish(ru, %q) = %q, want %q", tt.word, got, tt.want)
		}
	}
	if got := l.Languages(); !reflect.DeepEqual(got, []string{"ru"}) {
		t.Errorf("Languages = %q, want [ru]", got)
	}
}

func TestImportDictdErrors(t *testing.T) {
	ctx := context.Background()
	idx, dict := fixture("freedict-fra-eng")
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name, index, dict, from, to, want string
	}{
		{"no english side", idx, dict, "fr", "de", "no English side"},
		{"same language", idx, dict, "en", "eng", "same language"},
		{"bad code", idx, dict, "french", "en", "bad language pair"},
		{"missing index", filepath.Join(dir, "nope.index"), dict, "fr", "en", "nope.index"},
		{"short line", write("short.index", "chat\tA\n"), dict, "fr", "en", "short.index:1"},
		{"bad offset", write("badoff.index", "chat\tA!\tB\n"), dict, "fr", "en", "badoff.index:1: offset"},
		{"huge length", write("huge.index", "chat\tA\t////\n"), dict, "fr", "en", "exceeds"},
		{"past the end", write("past.index", "chat\tBAAA\tZ\n"), dict, "fr", "en", "past the end"},
		{"overlap", write("overlap.index", "chat\tA\tZ\nchien\tB\tZ\n"), dict, "fr", "en", "overlaps"},
	}
	for _, tt := range tests {
		_, err := ImportDictd(ctx, tt.index, tt.dict, tt.from, tt.to)
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "lexicon: ") {
			t.Errorf("%s: err = %v, want one containing %q", tt.name, err, tt.want)
		}
	}
	if _, err := ImportDictd(ctx, filepath.Join(dir, "nope.index"), dict, "fr", "en"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing index: err = %v, want fs.ErrNotExist", err)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := ImportDictd(cancelled, idx, dict, "fr", "en"); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: err = %v, want context.Canceled", err)
	}
}

func TestImportDictdUncompressed(t *testing.T) {
	dir := t.TempDir()
	text := "chat\ncat\n"
	os.WriteFile(filepath.Join(dir, "x.index"), []byte("chat\tA\tJ\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "x.dict"), []byte(text), 0o644)
	l, err := ImportDictd(context.Background(), filepath.Join(dir, "x.index"), filepath.Join(dir, "x.dict"), "fr", "en")
	if err != nil {
		t.Fatal(err)
	}
	if got := l.ToEnglish("fr", "chat"); !reflect.DeepEqual(got, []string{"cat"}) {
		t.Errorf("ToEnglish(fr, chat) = %q, want [cat]", got)
	}
}

func TestImportDir(t *testing.T) {
	l, warnings, err := ImportDir(context.Background(), "testdata")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := l.Languages(), []string{"fr", "ru"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Languages = %q, want %q", got, want)
	}
	// fra-eng and eng-fra agree on chat → cat; eng-fra alone adds matou.
	if got, want := l.ToEnglish("fr", "chat"), []string{"cat"}; !reflect.DeepEqual(got, want) {
		t.Errorf("ToEnglish(fr, chat) = %q, want %q", got, want)
	}
	if got, want := l.ToEnglish("fr", "matou"), []string{"tomcat", "cat"}; !reflect.DeepEqual(got, want) {
		t.Errorf("ToEnglish(fr, matou) = %q, want %q", got, want)
	}
	// The inverted eng-fra confirms "government", which moves ahead of the
	// senses fra-eng lists first.
	if got, want := l.ToEnglish("fr", "gouvernement"), []string{"government", "rule", "control", "gov", "cabinet"}; !reflect.DeepEqual(got, want) {
		t.Errorf("ToEnglish(fr, gouvernement) = %q, want %q", got, want)
	}
	joined := strings.Join(warnings, "\n")
	for _, want := range []string{"de: no dictionary (install dict-freedict-deu-eng", "ru: no rus-eng dictionary; only the inverted freedict-eng-rus"} {
		if !strings.Contains(joined, want) {
			t.Errorf("warnings %q lack %q", warnings, want)
		}
	}
	if strings.Contains(joined, "fr:") {
		t.Errorf("warnings %q mention fr, which has both directions", warnings)
	}
}

func TestImportDirProblems(t *testing.T) {
	dir := t.TempDir()
	if _, _, err := ImportDir(context.Background(), dir); !errors.Is(err, ErrNoDictionaries) {
		t.Errorf("empty dir: err = %v, want ErrNoDictionaries", err)
	}
	if _, _, err := ImportDir(context.Background(), filepath.Join(dir, "absent")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("absent dir: err = %v, want fs.ErrNotExist", err)
	}
	writeDictd(t, dir, "freedict-fra-eng", fixtureDicts["freedict-fra-eng"])
	os.WriteFile(filepath.Join(dir, "freedict-eng-ita.index"), []byte("cat\tA\tB\n"), 0o644) // no .dict.dz
	writeDictd(t, dir, "freedict-eng-qqq", fixtureDicts["freedict-eng-fra"])                 // unknown code
	os.WriteFile(filepath.Join(dir, "freedict-eng-spa.index"), []byte("cat\tBAAA\tB\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "freedict-eng-spa.dict.dz"), nil, 0o644) // empty data
	l, warnings, err := ImportDir(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := l.ToEnglish("fr", "chat"); !reflect.DeepEqual(got, []string{"cat"}) {
		t.Errorf("ToEnglish(fr, chat) = %q, want [cat]", got)
	}
	joined := strings.Join(warnings, "\n")
	for _, want := range []string{"freedict-eng-ita: skipped", "freedict-eng-qqq: skipped: unknown language code", "freedict-eng-spa: skipped: lexicon:"} {
		if !strings.Contains(joined, want) {
			t.Errorf("warnings %q lack %q", warnings, want)
		}
	}
}
