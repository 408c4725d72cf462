package postgres

import (
	"slices"
	"strings"
	"testing"
)

func TestFoldText(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Réunion à l’Élysée", "reunion a l elysee"},
		{"ÉLYSÉE", "elysee"},
		{"Příliš žluťoučký kůň", "prilis zlutoucky kun"},
		{"lemonde.fr, 3.5 % — «ok»", "lemonde fr 3 5 ok"},
		{"Cafe\u0301 İstanbul", "cafe istanbul"}, // decomposed input; dotted capital I
		{"हिन्दी समाचार", "हिनदी समाचार"},        // marks stay inside words; Mn dropped alike in queries
		{"nul\x00byte bad\xffutf8", "nul byte bad utf8"},
		{"  … — ", ""},
	} {
		if got := foldText(tt.in); got != tt.want {
			t.Errorf("foldText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestQueryPhrases(t *testing.T) {
	got := queryPhrases(`l'État  "quoted NEAR(a x* ( ) -minus`)
	want := []string{"l etat", "quoted", "near a", "x", "minus"}
	if !slices.Equal(got, want) {
		t.Errorf("queryPhrases = %q, want %q", got, want)
	}
}

func TestSnippet(t *testing.T) {
	long := strings.Repeat("mot ", 40) + "Séance levée " + strings.Repeat("fin ", 40)
	for _, tt := range []struct {
		name, title, text string
		want              []string
		snippet           string
	}{
		{"short text", "T", "La séance fut brève.", []string{"seance"}, "La séance fut brève."},
		{"cut both sides", "T", long, []string{"seance"}, "…mot mot mot mot mot mot Séance levée fin fin fin fin fin fin fin fin fin fin fin fin fin fin fin fin…"},
		{"title only", "Sommet", "Rien ici.", []string{"sommet"}, "Sommet"},
		{"no fold match", "T", strings.Repeat("a ", 30), []string{"strasse"}, strings.TrimSpace(strings.Repeat("a ", 24)) + "…"},
	} {
		want := map[string]bool{}
		for _, w := range tt.want {
			want[w] = true
		}
		if got := snippet(tt.title, tt.text, want); got != tt.snippet {
			t.Errorf("%s: snippet = %q, want %q", tt.name, got, tt.snippet)
		}
	}
}
