package lexicon

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
)

// systemDictDir is where Debian's dict-freedict-* packages install.
const systemDictDir = "/usr/share/dictd"

func realDictDir(t testing.TB) string {
	t.Helper()
	if _, err := os.Stat(filepath.Join(systemDictDir, "freedict-fra-eng.index")); err != nil {
		t.Skipf("FreeDict dictionaries not installed in %s (apt-get install dict-freedict-fra-eng …)", systemDictDir)
	}
	return systemDictDir
}

// realOnce imports the installed dictionaries once per test binary: the
// import takes seconds, and tests and benchmarks share it.
var realOnce = sync.OnceValues(func() (*Lexicon, error) {
	l, _, err := ImportDir(context.Background(), systemDictDir)
	return l, err
})

func realLexicon(t testing.TB) *Lexicon {
	t.Helper()
	realDictDir(t)
	if testing.Short() {
		t.Skip("importing every installed dictionary is slow; skipped with -short")
	}
	l, err := realOnce()
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestRealDictionaries(t *testing.T) {
	l := realLexicon(t)
	tests := []struct {
		lang, word, want string
		top              int // want must be among the first top translations
	}{
		{"fr", "chat", "cat", 1},
		{"fr", "maison", "house", 1},
		{"fr", "gouvernement", "government", 1},
		{"de", "Haus", "house", 1},
		{"de", "Häuser", "houses", 2},
		{"de", "Regierung", "government", 2},
		{"de", "verteidigen", "defend", 1},          // listed only as "etw. verteidigen", "sich verteidigen"
		{"de", "herunterzuladen", "downloading", 2}, // zu-infinitive of herunterladen
		{"es", "perro", "dog", 1},
		{"es", "perros", "dog", 1},
		{"it", "cane", "dog", 1},
		{"ru", "дом", "house", 1}, // only through the inverted eng-rus
		{"ru", "правительство", "government", 1},
		{"pl", "pies", "dog", 1},
		{"pl", "dom", "house", 3},
		{"cs", "pes", "dog", 1},
		{"cs", "dům", "house", 1},
		{"cs", "dum", "house", 1},
		{"hi", "कुत्ता", "dog", 1},
		{"hi", "घर", "house", 5},
	}
	stats := l.Stats()
	for _, tt := range tests {
		if stats[tt.lang] == 0 {
			t.Logf("no %s dictionary installed; skipping %q", tt.lang, tt.word)
			continue
		}
		got := l.ToEnglish(tt.lang, tt.word)
		if i := slices.Index(got, tt.want); i < 0 || i >= tt.top {
			t.Errorf("ToEnglish(%s, %q) = %q, want %q among the first %d", tt.lang, tt.word, got, tt.want, tt.top)
		}
	}
	t.Logf("headwords per language: %v", stats)

	var buf bytes.Buffer
	if err := l.Write(&buf); err != nil {
		t.Fatal(err)
	}
	t.Logf("merged lexicon file: %d bytes", buf.Len())
	back, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		if a, b := back.ToEnglish(tt.lang, tt.word), l.ToEnglish(tt.lang, tt.word); !slices.Equal(a, b) {
			t.Errorf("after Write/Read: ToEnglish(%s, %q) = %q, want %q", tt.lang, tt.word, a, b)
		}
	}
}

// The Apertium pairs Debian installs: Ukrainian–Russian lemmas read from
// the compiled dictionary, then composed into Ukrainian → English through
// the FreeDict Russian table; Serbo-Croatian → English read directly; and
// Ukrainian word forms through their lemmas (the analyser).
func TestRealApertium(t *testing.T) {
	ukru := filepath.Join(DefaultApertiumDir, "apertium-rus-ukr", "ukr-rus.autobil.bin")
	hbs := filepath.Join(DefaultApertiumDir, "apertium-hbs-eng", "hbs-eng.autobil.bin")
	for _, p := range []string{ukru, hbs} {
		if _, err := os.Stat(p); err != nil {
			t.Skipf("%s not installed (apt-get install apertium-rus-ukr apertium-hbs-eng)", p)
		}
	}
	for _, c := range []struct {
		path        string
		min         int
		left, right string
	}{
		{ukru, 10000, "уряд", "правительство"},
		{ukru, 10000, "тиждень", "неделя"},
		{hbs, 10000, "vlada", "government"},
	} {
		pairs, err := readBidix(c.path)
		if err != nil {
			t.Fatal(err)
		}
		if len(pairs) < c.min || !slices.Contains(pairs, bidixPair{c.left, c.right}) {
			t.Errorf("%s: %d pairs, %s → %s among them: %v; want at least %d with it",
				c.path, len(pairs), c.left, c.right, slices.Contains(pairs, bidixPair{c.left, c.right}), c.min)
		}
	}
	l, _, err := AddApertium(context.Background(), realLexicon(t), DefaultApertiumDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ lang, word, want string }{
		{"uk", "уряду", "government"},
		{"uk", "тиждень", "week"},
		{"hr", "vlada", "government"},
		{"uk", "скажіть", "tell"}, // imperative: through the analyser's lemma сказати
		{"uk", "роботу", "work"},  // робота's accusative, which the stemmer reads as робот's dative
	} {
		if got := l.ToEnglish(c.lang, c.word); !slices.Contains(got, c.want) {
			t.Errorf("ToEnglish(%s, %s) = %v, want %s among them", c.lang, c.word, got, c.want)
		}
	}
}
