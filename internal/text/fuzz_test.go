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

// FuzzAnchors checks that anchors lie within the input in order, that
// name keys are skeletons of two or three sound classes, and that Latin
// and Skeleton never panic on any term.
func FuzzAnchors(f *testing.F) {
	for _, s := range []string{"Vladimir Putin met NATO in Moscow on 3 May 2024.", "Путин, 1 000 солдат.", "मास्को में पुतिन।", "Ὀδυσσεύς", "\xff A B", "x. Y Z"} {
		f.Add(s)
	}
	langs := []*Analyzer{ForLang("fr"), ForLang("en"), ForLang("ru"), ForLang("hi")}
	f.Fuzz(func(t *testing.T, s string) {
		for _, a := range langs {
			end := 0
			for _, an := range a.Anchors(s) {
				if an.Start < end || an.End <= an.Start || an.End > len(s) {
					t.Fatalf("%s: anchor %+v out of order or bounds in %q", a.Lang, an, s)
				}
				end = an.End
				if an.Kind == AnchorName && (len(an.Key) < 2 || len(an.Key) > maxSkeleton) {
					t.Fatalf("%s: name key %q of %q is no skeleton", a.Lang, an.Key, s[an.Start:an.End])
				}
			}
		}
		for _, w := range strings.Fields(s) {
			_ = Latin(Fold(w))
			if k := SkeletonN(Fold(w), 6); len(k) > 6 {
				t.Fatalf("SkeletonN(%q, 6) = %q", w, k)
			}
		}
	})
}

// FuzzRomaji checks that romanising any text yields valid UTF-8 with no
// kana left, and leaves a text without kana as it was.
func FuzzRomaji(f *testing.F) {
	for _, s := range []string{"ロシア", "トランプ大統領", "きょうは", "ッ", "ー", "ヴァ", "abc", "\xff\xfeア", "ン", "チェ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := Romaji(s)
		if !utf8.ValidString(s) {
			return
		}
		if !utf8.ValidString(r) {
			t.Fatalf("Romaji(%q) = %q: invalid UTF-8", s, r)
		}
		hasKana := false
		for _, c := range s {
			hasKana = hasKana || isKana(c)
		}
		if !hasKana && r != s {
			t.Fatalf("Romaji(%q) = %q: changed a text without kana", s, r)
		}
		for _, c := range r {
			if isKana(c) && c != 'ー' && c != 'ッ' && c != 'っ' {
				t.Fatalf("Romaji(%q) = %q: kana %q left", s, r, c)
			}
		}
	})
}
