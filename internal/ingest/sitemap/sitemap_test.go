package sitemap

import (
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestParseNews(t *testing.T) {
	b, err := os.ReadFile("testdata/news.xml")
	if err != nil {
		t.Fatal(err)
	}
	sm, err := Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	want := &Sitemap{Kind: KindURLSet, URLs: []URL{
		{Loc: "https://courier.example/news/harbour-strike.html", News: &News{
			PublicationName: "The Ostvik Courier", Language: "en",
			PublicationDate: time.Date(2024, 5, 2, 6, 0, 0, 0, time.UTC),
			Title:           "Harbour workers in Ostvik vote to strike", Keywords: "port, strike"}},
		{Loc: "https://courier.example/news/ferry-fares.html", LastMod: time.Date(2024, 5, 2, 0, 0, 0, 0, time.UTC)},
	}}
	if !reflect.DeepEqual(sm, want) {
		t.Errorf("got %+v\nwant %+v", sm, want)
	}
	if p := sm.URLs[0].Published(); !p.Equal(want.URLs[0].News.PublicationDate) {
		t.Errorf("Published() = %v", p)
	}

	// The same, gzipped, reads the same.
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(b)
	zw.Close()
	smz, err := Parse(&gz)
	if err != nil || !reflect.DeepEqual(smz, want) {
		t.Errorf("gzipped: %+v, %v", smz, err)
	}
}

func TestParseIndex(t *testing.T) {
	b, _ := os.ReadFile("testdata/index.xml")
	sm, err := Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if sm.Kind != KindIndex || len(sm.Sitemaps) != 2 || sm.Sitemaps[0].LastMod.IsZero() || len(sm.URLs) != 0 {
		t.Errorf("got %+v", sm)
	}
}

func TestParseErrors(t *testing.T) {
	cases := map[string]struct {
		in   string
		want error
	}{
		"html":      {`<html><body>hi</body></html>`, ErrNotSitemap},
		"empty":     {``, ErrNotSitemap},
		"truncated": {`<urlset><url><loc>https://a.example/</loc></url><url><loc>`, nil},
		"bad gzip":  {"\x1f\x8b\x08junk", nil},
	}
	for name, c := range cases {
		_, err := Parse(strings.NewReader(c.in))
		if err == nil {
			t.Errorf("%s: parsed", name)
		} else if c.want != nil && !errors.Is(err, c.want) {
			t.Errorf("%s: err = %v, want %v", name, err, c.want)
		}
	}
}

func TestParseLimits(t *testing.T) {
	var b strings.Builder
	b.WriteString("<urlset>")
	for range MaxEntries + 3 {
		b.WriteString("<url><loc>https://a.example/x</loc></url>")
	}
	b.WriteString("</urlset>")
	sm, err := Parse(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if len(sm.URLs) != MaxEntries || !sm.Truncated {
		t.Errorf("%d URLs, truncated %v; want %d, true", len(sm.URLs), sm.Truncated, MaxEntries)
	}
	big := "<urlset><!--" + strings.Repeat("x", MaxSize) + "--></urlset>"
	if _, err := Parse(strings.NewReader(big)); !errors.Is(err, ErrTooLarge) {
		t.Errorf("oversized: err = %v, want ErrTooLarge", err)
	}
}
