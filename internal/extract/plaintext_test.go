package extract

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/sharedtest"
)

// TestFromTextNews24 reads the motivating case: a French aggregator's
// machine translation of an RT article, with RT's name still in the title
// and the republisher's leftovers in the body.
func TestFromTextNews24(t *testing.T) {
	path := sharedtest.Path(t, "fixtures", "news24-fr-otan.txt")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	a, err := FromText(f, Options{URL: "https://news24.example/otan"})
	if err != nil {
		t.Fatal(err)
	}
	if a.SiteName != "Dernières Nouvelles | News 24" {
		t.Errorf("SiteName = %q, want %q", a.SiteName, "Dernières Nouvelles | News 24")
	}
	if !strings.HasPrefix(a.Title, "L’OTAN n’est pas prête") {
		t.Errorf("Title = %q, want it to start with %q", a.Title, "L’OTAN n’est pas prête")
	}
	if !strings.HasSuffix(a.Title, "— RT World News") {
		t.Errorf("Title = %q: the suffix must stay in the title", a.Title)
	}
	if a.AttributedSource != "RT World News" {
		t.Errorf("AttributedSource = %q, want %q", a.AttributedSource, "RT World News")
	}
	if strings.Contains(a.Text, "Dernières Nouvelles") || strings.Contains(a.Text, "L’OTAN n’est pas prête") {
		t.Errorf("Text still holds the header lines: %.120q", a.Text)
	}
	if !strings.HasPrefix(a.Text, "Le bloc devrait plutôt") {
		t.Errorf("Text starts %.60q, want the standfirst", a.Text)
	}
	paras := a.Paragraphs()
	for _, want := range []string{"EN SAVOIR PLUS", "Lien source"} {
		m, ok := findMarker(a, article.MarkerResidue, want)
		if !ok {
			t.Errorf("no residue marker with %q in %+v", want, a.Markers)
			continue
		}
		if m.Paragraph < 0 || m.Paragraph >= len(paras) || !strings.Contains(paras[m.Paragraph], want) {
			t.Errorf("marker %+v does not point at a paragraph holding %q", m, want)
		}
	}
	if _, ok := findMarker(a, article.MarkerTitleSuffix, "RT World News"); !ok {
		t.Errorf("no title-suffix marker in %+v", a.Markers)
	}
	if n := countKind(a, article.MarkerResidue); n != 2 {
		t.Errorf("got %d residue markers, want 2: %+v", n, a.Markers)
	}
	if a.Site != "news24.example" || a.Provenance.Kind != article.KindText {
		t.Errorf("Site = %q, Provenance.Kind = %q", a.Site, a.Provenance.Kind)
	}
}

func TestFromTextHeader(t *testing.T) {
	tests := []struct {
		name, in           string
		site, title, first string
	}{
		{"title and body", "A bridge closes in Eastmere\n\nThe old bridge will close.", "", "A bridge closes in Eastmere", "The old bridge will close."},
		{"banner, title, body", "eastmere-news.example\nA bridge closes\n\nThe old bridge will close.", "eastmere-news.example", "A bridge closes", "The old bridge will close."},
		{"sentence first", "The old bridge will close.\n\nIt was built in 1870.", "", "", "The old bridge will close."},
		{"one line only", "A bridge closes in Eastmere", "", "", "A bridge closes in Eastmere"},
		{"lead-in colon", "What we know:\n\nThe bridge will close.", "", "", "What we know:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := FromText(strings.NewReader(tt.in), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if a.SiteName != tt.site || a.Title != tt.title {
				t.Errorf("SiteName, Title = %q, %q; want %q, %q", a.SiteName, a.Title, tt.site, tt.title)
			}
			if p := a.Paragraphs(); len(p) == 0 || p[0] != tt.first {
				t.Errorf("paragraphs = %q, want first %q", p, tt.first)
			}
		})
	}
}

func TestFromTextEmpty(t *testing.T) {
	for _, in := range []string{"", "\n\n  \n", "\uFEFF"} {
		if _, err := FromText(strings.NewReader(in), Options{}); !errors.Is(err, ErrNoText) {
			t.Errorf("FromText(%q) error = %v, want ErrNoText", in, err)
		}
	}
}

func findMarker(a *article.Article, kind, sub string) (article.Marker, bool) {
	for _, m := range a.Markers {
		if m.Kind == kind && strings.Contains(m.Text, sub) {
			return m, true
		}
	}
	return article.Marker{}, false
}

func countKind(a *article.Article, kind string) int {
	n := 0
	for _, m := range a.Markers {
		if m.Kind == kind {
			n++
		}
	}
	return n
}
