package lexicon

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// realCEDICT is where .ci/install-cedict puts CC-CEDICT, beside the
// FreeDict dictionaries.
var realCEDICT = filepath.Join(systemDictDir, CEDICTFile)

func mustImportCEDICT(t testing.TB, path string) *Lexicon {
	t.Helper()
	l, err := importCEDICTFile(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestImportCEDICT(t *testing.T) {
	l := mustImportCEDICT(t, filepath.Join("testdata", "cedict", "sample.u8"))
	tests := []struct {
		word string
		want []string
	}{
		{"政府", []string{"government"}},
		{"总统", []string{"president"}}, // simplified
		{"總統", []string{"president"}}, // traditional
		{"经济", []string{"economy", "economic"}},
		{"俄罗斯", []string{"russia"}},
		{"普京", []string{"putin"}},
		{"选举", []string{"elect", "vote", "election"}},
		{"港", []string{"harbor", "port"}},
		{"联合国", []string{"united nations", "un"}},
		{"水", []string{"water"}},
		{"打", []string{"hit on the head"}},
		// Only cross-references, a surname and a placeholder: no entry.
		{"个", nil},
		{"個", nil},
		{"张", nil},
		{"的", nil},
	}
	for _, tt := range tests {
		if got := l.ToEnglish("zh", tt.word); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ToEnglish(zh, %q) = %q, want %q", tt.word, got, tt.want)
		}
	}
	// zh-TW and zho are the same table.
	if got := l.ToEnglish("zh-TW", "政府"); !slices.Equal(got, []string{"government"}) {
		t.Errorf("ToEnglish(zh-TW, 政府) = %q, want [government]", got)
	}
	if got, want := l.Languages(), []string{"zh"}; !slices.Equal(got, want) {
		t.Errorf("Languages() = %q, want %q", got, want)
	}
}

func TestCEDICTTranslations(t *testing.T) {
	tests := []struct {
		glosses string
		want    []string
	}{
		{"government/CL:個|个[ge4]", []string{"government"}},
		{"president (of a country)/CL:個|个[ge4],位[wei4],名[ming2]", []string{"president"}},
		{"old variant of 帽[mao4]", nil},
		{"(old) variant of 帽[mao4]", nil},
		{"erhua variant of 打嗝[da3 ge2]", nil},
		{"see also 的士[di1 shi4]", nil},
		{"abbr. for 北京大學|北京大学[Bei3 jing1 Da4 xue2]", nil},
		{"surname Li/plum", []string{"plum"}},
		{"(old)/(coll.)", nil},
		{"also written 利他林[Li4 ta1 lin2]", nil},
		{"Taiwan pr. [shu4]", nil},
		{"classifier for books/book", []string{"book"}},
		{"fig. to hesitate", []string{"hesitate"}},
		{"to go Dutch/to split the bill", []string{"go dutch", "split the bill"}},
		{"(bird species of China) hill blue flycatcher (Cyornis banyumas)", []string{"hill blue flycatcher"}},
		{"Vladimir Putin (1952-), president of Russia", []string{"vladimir putin", "president of russia", "vladimir", "putin"}},
		{"YAMAMOTO Isoroku (1884-1943), Japanese admiral", []string{"yamamoto isoroku", "japanese admiral", "yamamoto", "isoroku"}},
		{"Crimean War (1853-1856)/Six of Them (three)", []string{"crimean war", "crimean", "war", "six of them"}},
		{"9am-9pm, six days a week", []string{"six days a week"}},
		{"really; truly, indeed", []string{"really", "truly", "indeed"}},
		{"like 个[ge4]", nil},
		{"", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, tr := range cedictTranslations(nil, tt.glosses) {
			got = append(got, tr.english)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("cedictTranslations(%q) = %q, want %q", tt.glosses, got, tt.want)
		}
	}
}

func TestImportCEDICTErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"政府 政府 [zheng4 fu3] /government/\n總統\n", "cedict line 2: not an entry"},
		{"政府 政府 zheng4 fu3 /government/\n", "cedict line 1: headword \"政府\": no [pinyin]"},
		{"# c\n政府 政府 [zheng4 fu3 /government/\n", "cedict line 2: headword \"政府\": unclosed [pinyin]"},
		{"政府 政府 [zheng4 fu3]\n", "cedict line 1: headword \"政府\": no /gloss/"},
		{"政府 政府 [zheng4 fu3] /government\n", "cedict line 1: headword \"政府\": no /gloss/"},
		{" 政府 [zheng4 fu3] /government/\n", "cedict line 1: not an entry"},
		{strings.Repeat("字", 1<<20) + " x [x] /x/\n", "cedict line 1:"},
	}
	for _, tt := range tests {
		_, err := ImportCEDICT(context.Background(), strings.NewReader(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ImportCEDICT(%.30q) err = %v, want one containing %q", tt.in, err, tt.want)
		}
	}
}

func TestImportCEDICTCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	in := strings.Repeat("水 水 [shui3] /water/\n", 5000)
	if _, err := ImportCEDICT(ctx, strings.NewReader(in)); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled import: err = %v, want context.Canceled", err)
	}
}

// A directory holding CC-CEDICT under MDBG's file name and no FreeDict
// dictionary imports; beside FreeDict dictionaries, it merges with them.
func TestImportDirCEDICT(t *testing.T) {
	sample, err := os.ReadFile(filepath.Join("testdata", "cedict", "sample.u8"))
	if err != nil {
		t.Fatal(err)
	}
	only := t.TempDir()
	if err := os.WriteFile(filepath.Join(only, CEDICTFile), sample, 0o644); err != nil {
		t.Fatal(err)
	}
	l, _, err := ImportDir(context.Background(), only)
	if err != nil {
		t.Fatalf("ImportDir of a CC-CEDICT-only directory: %v", err)
	}
	if got := l.ToEnglish("zh", "总统"); !slices.Equal(got, []string{"president"}) {
		t.Errorf("CC-CEDICT only: ToEnglish(zh, 总统) = %q, want [president]", got)
	}

	both := t.TempDir()
	for dir, entries := range fixtureDicts {
		writeDictd(t, both, dir, entries)
	}
	if err := os.WriteFile(filepath.Join(both, CEDICTFile), sample, 0o644); err != nil {
		t.Fatal(err)
	}
	l, _, err = ImportDir(context.Background(), both)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := l.Languages(), []string{"fr", "ru", "zh"}; !slices.Equal(got, want) {
		t.Errorf("Languages() = %q, want %q", got, want)
	}
	if got := l.ToEnglish("fr", "chat"); len(got) == 0 || got[0] != "cat" {
		t.Errorf("ToEnglish(fr, chat) = %q, want cat first", got)
	}

	// A broken CC-CEDICT is skipped with a warning, like a corrupt dictionary.
	if err := os.WriteFile(filepath.Join(both, CEDICTFile), []byte("not an entry\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	l, warnings, err := ImportDir(context.Background(), both)
	if err != nil {
		t.Fatal(err)
	}
	if l.Stats()["zh"] != 0 || !slices.ContainsFunc(warnings, func(w string) bool { return strings.HasPrefix(w, CEDICTFile+": skipped") }) {
		t.Errorf("broken %s: zh %d headwords, warnings %q; want none and a warning", CEDICTFile, l.Stats()["zh"], warnings)
	}
	if err := os.WriteFile(filepath.Join(only, CEDICTFile), []byte("not an entry\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := ImportDir(context.Background(), only); !errors.Is(err, ErrNoDictionaries) {
		t.Errorf("only a broken %s: err = %v, want ErrNoDictionaries", CEDICTFile, err)
	}
}

func realCEDICTPath(t testing.TB) string {
	t.Helper()
	if _, err := os.Stat(realCEDICT); err != nil {
		t.Skipf("CC-CEDICT not at %s (run .ci/install-cedict)", realCEDICT)
	}
	return realCEDICT
}

func TestRealCEDICT(t *testing.T) {
	l := mustImportCEDICT(t, realCEDICTPath(t))
	tests := []struct {
		word, want string
		top        int // want must be among the first top translations
	}{
		{"政府", "government", 1},
		{"总统", "president", 1},
		{"總統", "president", 1},
		{"俄罗斯", "russia", 1},
		{"經濟", "economy", 1}, // traditional
		{"经济", "economy", 1},
		{"中国", "china", 1},
		{"美国", "united states", 1},
		{"选举", "election", 3},
		{"战争", "war", 1},
		{"北京", "beijing", 1},
		// A name's words follow the name and its description.
		{"普京", "putin", 4},
		{"特朗普", "trump", 4},
		{"默克尔", "merkel", 4},
		{"习近平", "xi", 4},
		// Common readings before proper ones: "and" before the surname
		// reading's "Japanese", "within" before "China".
		{"和", "and", 1},
		{"中", "within", 1},
	}
	for _, tt := range tests {
		got := l.ToEnglish("zh", tt.word)
		if i := slices.Index(got, tt.want); i < 0 || i >= tt.top {
			t.Errorf("ToEnglish(zh, %q) = %q, want %q among the first %d", tt.word, got, tt.want, tt.top)
		}
	}
	n := l.Stats()["zh"]
	if n <= 100_000 {
		t.Errorf("%d zh headwords, want over 100,000", n)
	}
	var buf bytes.Buffer
	if err := l.Write(&buf); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d zh headwords, %d English words; lexicon file %d bytes", n, len(l.vocab), buf.Len())
}

// BenchmarkImportCEDICT measures the import of the whole of CC-CEDICT
// from memory.
func BenchmarkImportCEDICT(b *testing.B) {
	data, err := os.ReadFile(realCEDICTPath(b))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	var l *Lexicon
	for b.Loop() {
		if l, err = ImportCEDICT(context.Background(), bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(l.Stats()["zh"]), "headwords")
}
