package jsonl

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/newstrace/newstrace/internal/article"
)

func TestWriterFormat(t *testing.T) {
	a := article.New()
	a.ID = "harbour-en"
	a.URL = "https://example.org/news/harbour?a=1&b=2"
	a.Lang = "en"
	a.PublishedAt = time.Date(2024, 3, 27, 8, 15, 0, 0, time.UTC)
	a.Title = "Ferries <and> boats"
	a.Text = "One.\n\nTwo."
	a.Byline = "not in the corpus format"
	a.Gold = &article.Gold{Group: "harbour", Relation: article.RelationOriginal}
	var buf bytes.Buffer
	if err := NewWriter(&buf).Write(a); err != nil {
		t.Fatal(err)
	}
	want := `{"id":"harbour-en","url":"https://example.org/news/harbour?a=1&b=2","lang":"en","published":"2024-03-27T08:15:00Z","title":"Ferries <and> boats","text":"One.\n\nTwo.","gold":{"group":"harbour","relation":"original"}}` + "\n"
	if got := buf.String(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestWriterRefusesInvalid(t *testing.T) {
	w := NewWriter(&bytes.Buffer{})
	for _, a := range []*article.Article{
		{Text: "no id"},
		{ID: "no-text"},
		{ID: "far-future", Text: "x", PublishedAt: time.Date(12000, 1, 1, 0, 0, 0, 0, time.UTC)},
	} {
		if err := w.Write(a); err == nil || !strings.HasPrefix(err.Error(), "jsonl: write") {
			t.Errorf("Write(%+v) = %v, want a jsonl: write error", a, err)
		}
	}
}

func TestRoundTripCorpus(t *testing.T) {
	in := `{"id":"a","site":"example.org","published":"2024-03-27T11:40:00.5+02:00","text":"x","html":"<p>x</p>","gold":{"origin":"b","group":"g","relation":"copy"}}` + "\n"
	rec, err := NewReader(strings.NewReader(in)).Next()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := NewWriter(&buf).WriteRecord(rec); err != nil {
		t.Fatal(err)
	}
	if buf.String() != in {
		t.Errorf("WriteRecord changed the line:\n got %s\nwant %s", buf.String(), in)
	}
	a := rec.Article()
	if a.Provenance.Kind != article.KindJSONL || a.Text != "x" || a.Site != "example.org" || a.Gold.Origin != "b" || a.Markers == nil {
		t.Errorf("Article() = %+v", a)
	}
	a.Gold.Origin = "changed"
	if rec.Gold.Origin != "b" {
		t.Error("Article() shares its Gold with the record")
	}
}

// TestArticlePublishedFrom checks that a record's published time is marked
// as given by the input, and that a record without one claims no source.
func TestArticlePublishedFrom(t *testing.T) {
	in := `{"id":"a","published":"2024-03-27","text":"x"}` + "\n" + `{"id":"b","text":"y"}` + "\n"
	r := NewReader(strings.NewReader(in))
	for _, want := range []string{article.PublishedFromInput, ""} {
		rec, err := r.Next()
		if err != nil {
			t.Fatal(err)
		}
		if a := rec.Article(); a.PublishedFrom != want || a.PublishedAt.IsZero() != (want == "") {
			t.Errorf("record %s: published %v from %q, want from %q", rec.ID, a.PublishedAt, a.PublishedFrom, want)
		}
	}
}
