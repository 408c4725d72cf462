package extract

import (
	"reflect"
	"testing"

	"github.com/newstrace/newstrace/internal/article"
)

func TestTitleSuffix(t *testing.T) {
	tests := []struct {
		title, site, want string
	}{
		{"L’OTAN n’est pas prête à se déployer en Ukraine – État membre — RT World News", "", "RT World News"},
		// The dash is part of the headline: "member state" is no outlet.
		{"NATO not ready to deploy in Ukraine – member state", "", ""},
		// Only the segment after the em dash is a candidate.
		{"NATO not ready to deploy in Ukraine – Daily News — member state", "", ""},
		{"Harbour bridge to close for repairs | Coastal Digest", "Coastal Digest", "Coastal Digest"},
		{"Harbour bridge to close for repairs - The Eastmere Times", "", "The Eastmere Times"},
		{"Новый мост открыт в Северогорске — РИА Новости", "", "РИА Новости"},
		{"Neue Buslinie zum Flughafen | felsbach-rundschau.de", "", "felsbach-rundschau.de"},
		{"Bridge talks – Council Meeting", "", ""}, // capitalised, but no outlet word
		{"Short — BBC News", "", ""}, // headline part too short
		{"Why the bridge closed — and what comes next", "", ""},
	}
	for _, tt := range tests {
		if got := titleSuffix(tt.title, tt.site); got != tt.want {
			t.Errorf("titleSuffix(%q, %q) = %q, want %q", tt.title, tt.site, got, tt.want)
		}
	}
}

func TestMatchResidue(t *testing.T) {
	tests := []struct {
		line, want string
		ok         bool
	}{
		{"EN SAVOIR PLUS:", "EN SAVOIR PLUS:", true},
		{"Lien source", "Lien source", true},
		{"Source : AFP", "Source :", true},
		{"READ MORE: Eastmere ferry to run extra crossings", "READ MORE:", true},
		{"Read on the website", "Read on the website", true},
		{"Читайте также: Мост открыт", "Читайте также:", true},
		{"Источник", "Источник", true},
		{"Weiterlesen", "Weiterlesen", true},
		{"Mehr dazu: Neue Buslinie", "Mehr dazu:", true},
		{"LEER MÁS: El puente", "LEER MÁS:", true},
		{"Leggi anche Il ponte di Eastmere", "Leggi anche", true},
		{"Czytaj także: Most", "Czytaj także:", true},
		{"Čtěte také: Most", "Čtěte také:", true},
		{"Читайте також: Міст", "Читайте також:", true},
		{"Leia mais", "Leia mais", true},
		// Ordinary sentences that begin with a label word.
		{"Sources close to the council said the bridge would reopen.", "", false},
		{"Source code for the project is public.", "", false},
		{"More than a hundred people attended the opening.", "", false},
		{"Quelle surprise pour les habitants de Valbrune !", "", false},
		{"Sourcebook", "", false},
		{"The council said: read more about it later.", "", false},
	}
	for _, tt := range tests {
		got, ok := matchResidue(tt.line)
		if ok != tt.ok || got != tt.want {
			t.Errorf("matchResidue(%q) = %q, %v; want %q, %v", tt.line, got, ok, tt.want, tt.ok)
		}
	}
}

func TestAnnotateIdempotent(t *testing.T) {
	a := article.New()
	a.Title = "Harbour bridge to close – council — Northwind Daily News"
	a.Text = "The bridge will close.\n\nREAD MORE:\nFerry news\n\nSource: https://northwind-news.example/bridge.\n\nLien source"
	Annotate(a)
	first := *a
	first.Markers = append([]article.Marker(nil), a.Markers...)
	first.Links = append([]article.Link(nil), a.Links...)
	Annotate(a)
	if !reflect.DeepEqual(a.Markers, first.Markers) || !reflect.DeepEqual(a.Links, first.Links) {
		t.Errorf("second Annotate changed the article:\n%+v\n%+v", first.Markers, a.Markers)
	}
	want := []article.Marker{
		{Kind: article.MarkerResidue, Text: "READ MORE:", Paragraph: 1},
		{Kind: article.MarkerResidue, Text: "Source:", Paragraph: 2},
		{Kind: article.MarkerSourceLink, Text: "https://northwind-news.example/bridge", Paragraph: 2},
		{Kind: article.MarkerResidue, Text: "Lien source", Paragraph: 3},
		{Kind: article.MarkerTitleSuffix, Text: "Northwind Daily News", Paragraph: -1},
	}
	if !reflect.DeepEqual(a.Markers, want) {
		t.Errorf("markers:\n got %+v\nwant %+v", a.Markers, want)
	}
	if len(a.Links) != 1 || a.Links[0].Rel != "source" || a.Links[0].URL != "https://northwind-news.example/bridge" {
		t.Errorf("links = %+v", a.Links)
	}
	if a.AttributedSource != "Northwind Daily News" {
		t.Errorf("AttributedSource = %q", a.AttributedSource)
	}
}
