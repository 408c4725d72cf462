package text

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzNormalize checks that Normalize is idempotent and yields valid UTF-8,
// and that every analyzer's tokens lie within the input in order.
func FuzzNormalize(f *testing.F) {
	data, err := os.ReadFile("testdata/fr-conseil.txt")
	if err != nil {
		f.Fatal(err)
	}
	for _, p := range strings.Split(string(data), "\n\n") {
		f.Add(p)
	}
	for _, s := range []string{"L'État", "1 000,5", "İ ß ς", "東京。", "e\u200b\u0301", "\xff\xfe", "« x . » a", "1\u202f000\u00a0000"} {
		f.Add(s)
	}
	langs := []*Analyzer{ForLang("fr"), ForLang("en"), ForLang("de"), ForLang("ru"), ForLang("")}
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		if !utf8.ValidString(n) {
			t.Fatalf("Normalize(%q) = %q: invalid UTF-8", s, n)
		}
		if nn := Normalize(n); nn != n {
			t.Fatalf("Normalize not idempotent: Normalize(%q) = %q, then %q", s, n, nn)
		}
		for _, a := range langs {
			end := 0
			for _, tk := range a.Tokens(s) {
				if tk.Start < end || tk.End <= tk.Start || tk.End > len(s) {
					t.Fatalf("%s: token %+v out of order or bounds (len %d, previous end %d) in %q", a.Lang, tk, len(s), end, s)
				}
				end = tk.End
			}
			if got, want := len(a.Terms(s)), len(a.Tokens(s)); got != want {
				t.Fatalf("%s: %d terms for %d tokens in %q", a.Lang, got, want, s)
			}
		}
		end := 0
		for _, sp := range Sentences(s) {
			if sp.Start < end || sp.End <= sp.Start || sp.End > len(s) {
				t.Fatalf("sentence %+v out of order or bounds in %q", sp, s)
			}
			end = sp.End
		}
	})
}
