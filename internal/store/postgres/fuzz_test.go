package postgres

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzSearchText checks the Go side of search on arbitrary input: the
// folded words and phrases hold only word characters, folding is
// idempotent, and a snippet is valid UTF-8 cut from the text.
func FuzzSearchText(f *testing.F) {
	for _, s := range []string{
		"Réunion à l’Élysée", `title: NEAR(a b) x* "quoted" l'État -minus`, "nul\x00byte", "bad\xffutf8",
		"Příliš žluťoučký kůň", "İstanbul ǅ ﬃ", "हिन्दी", "",
	} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, query, text string) {
		folded := foldText(text)
		if !utf8.ValidString(folded) {
			t.Fatalf("foldText(%q) = %q is not valid UTF-8", text, folded)
		}
		if again := foldText(folded); again != folded {
			t.Fatalf("foldText not idempotent: %q → %q → %q", text, folded, again)
		}
		want := map[string]bool{}
		for _, p := range queryPhrases(query) {
			if p == "" || strings.ContainsAny(p, "\x00'\"&|!()<>:*") {
				t.Fatalf("queryPhrases(%q) holds %q", query, p)
			}
			for w := range strings.FieldsSeq(p) {
				want[w] = true
			}
		}
		sn := snippet("", text, want)
		core := strings.TrimSuffix(strings.TrimPrefix(sn, "…"), "…")
		if !strings.Contains(text, core) {
			t.Fatalf("snippet %q is not cut from %q", sn, text)
		}
	})
}
