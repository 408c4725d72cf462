package storetest

import (
	"strings"
	"testing"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/store"
)

func searchIDs(t *testing.T, s store.Store, query string) []string {
	t.Helper()
	hits, err := s.Search(t.Context(), query, 0)
	if err != nil {
		t.Fatalf("Search(%q): %v", query, err)
	}
	var ids []string
	for _, h := range hits {
		ids = append(ids, h.ID)
	}
	return ids
}

func putSearchFixtures(t *testing.T, s store.Store) {
	t.Helper()
	for _, a := range []*article.Article{
		{ID: "elysee", Title: "Réunion à l’Élysée", Text: "Le président a reçu les ministres.\n\nLa séance fut brève."},
		{ID: "zurich", Title: "Économie", Text: "Die Straße nach Zürich war gesperrt; der Bürgermeister äußerte sich."},
		{ID: "praha", Title: "Zprávy", Text: "Vláda v Praze schválila rozpočet. Příliš žluťoučký kůň."},
		{ID: "plain", Title: "Nothing special", Text: "An ordinary English text about the president and ministers."},
	} {
		mustPut(t, s, a)
	}
}

func testSearch(t *testing.T, open Opener) {
	s := open(t)
	putSearchFixtures(t, s)
	for _, tt := range []struct {
		query string
		want  []string // any order
	}{
		{"elysee", []string{"elysee"}},   // title, diacritics folded
		{"ÉLYSÉE", []string{"elysee"}},   // and case
		{"economie", []string{"zurich"}}, // title only
		{"zurich", []string{"zurich"}},   // text
		{"Zürich", []string{"zurich"}},   // the query keeps its diacritics
		{"burgermeister", []string{"zurich"}},
		{"zlutoucky kun", []string{"praha"}}, // Czech háčky and kroužek
		{"president", []string{"elysee", "plain"}},
		{"president ministres", []string{"elysee"}}, // all words must occur
		{"seance breve", []string{"elysee"}},
		{"inexistant", nil},
		{"", nil},
		{"  … — ", nil}, // no words at all
	} {
		got := searchIDs(t, s, tt.query)
		if !sameSet(got, tt.want) {
			t.Errorf("Search(%q) = %v, want %v", tt.query, got, tt.want)
		}
	}

	hits, err := s.Search(t.Context(), "president", 1)
	if err != nil || len(hits) != 1 {
		t.Fatalf("Search limit 1 = %v, %v", hits, err)
	}
	hits, err = s.Search(t.Context(), "séance", 0)
	if err != nil || len(hits) != 1 {
		t.Fatalf("Search(séance) = %v, %v", hits, err)
	}
	h := hits[0]
	if h.Title != "Réunion à l’Élysée" {
		t.Errorf("hit title = %q", h.Title)
	}
	if !strings.Contains(h.Snippet, "séance") || strings.ContainsAny(h.Snippet, "<>") {
		t.Errorf("snippet = %q, want plain text around the match", h.Snippet)
	}
}

func testSearchSyntaxIsLiteral(t *testing.T, open Opener) {
	s := open(t)
	putSearchFixtures(t, s)
	mustPut(t, s, &article.Article{ID: "ops", Title: "AND OR NOT", Text: "title: NEAR(a b) x* \"quoted\" l'État -minus"})
	for _, tt := range []struct {
		query string
		want  []string
	}{
		{`NOT`, []string{"ops"}},         // "AND" would also find "and" in plain
		{`president OR inexistant`, nil}, // OR is a word here, not an operator
		{`NEAR(a`, []string{"ops"}},
		{`"quoted`, []string{"ops"}},
		{`x*`, []string{"ops"}},
		{`title:`, []string{"ops"}},
		{`-minus`, []string{"ops"}},
		{`l'état`, []string{"ops"}},
		{`etat`, []string{"ops"}},
		{`( ) " * : ^ +`, nil},
		{"nul\x00byte", nil},
		{"bad\xffutf8", nil},
	} {
		got := searchIDs(t, s, tt.query)
		if !sameSet(got, tt.want) {
			t.Errorf("Search(%q) = %v, want %v", tt.query, got, tt.want)
		}
	}
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	m := map[string]int{}
	for _, x := range a {
		m[x]++
	}
	for _, x := range b {
		if m[x]--; m[x] < 0 {
			return false
		}
	}
	return true
}
