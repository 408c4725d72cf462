package sqlite

import (
	"strings"
	"testing"

	"github.com/newstrace/newstrace/internal/article"
)

// FuzzSearch checks that no user query makes FTS5 fail: ftsQuery must
// turn any input into a well-formed query of quoted phrases.
func FuzzSearch(f *testing.F) {
	for _, q := range []string{
		"élysée", `NEAR(a b)`, `"quoted`, `x*`, `title:`, `-minus`, `l'État`, `( ) " * : ^ +`,
		"nul\x00byte", "bad\xffutf8", `a AND b OR NOT c`, `"" """`, "\u0301e", "{title text}: x",
	} {
		f.Add(q)
	}
	s, err := Open(f.Context(), Memory)
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { s.Close() })
	a := &article.Article{ID: "a", Title: "Réunion à l’Élysée", Text: "NEAR(a b) x* \"quoted\" l'État -minus title: AND OR NOT"}
	if _, _, err := s.Put(f.Context(), a, nil); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		m := ftsQuery(q)
		if strings.Count(m, `"`)%2 != 0 {
			t.Fatalf("ftsQuery(%q) = %q: unbalanced quotes", q, m)
		}
		if _, err := s.Search(t.Context(), q, 5); err != nil {
			t.Fatalf("Search(%q) via %q: %v", q, m, err)
		}
	})
}
