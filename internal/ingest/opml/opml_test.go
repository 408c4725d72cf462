package opml

import (
	"bytes"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
)

func TestParseFreshRSS(t *testing.T) {
	fh, err := os.Open("testdata/freshrss.opml")
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	doc, err := Parse(fh)
	if err != nil {
		t.Fatal(err)
	}
	got := doc.Feeds()
	want := []Feed{
		{Title: "The Ostvik Courier", URL: "https://courier.example/rss.xml", SiteURL: "https://courier.example/", Folder: "World"},
		{Title: "Lunde Valley Times", URL: "https://lunde.example/atom.xml", SiteURL: "https://lunde.example/", Folder: "World"},
		{Title: "News 24 Digest", URL: "https://digest.example/feed/", SiteURL: "https://digest.example/", Folder: "Aggregators/Regional"},
		{Title: "Loose & unfiled", URL: "https://loose.example/index.xml", Folder: "/Misc"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Feeds() =\n%+v\nwant\n%+v", got, want)
	}
	if doc.Title != "FreshRSS" {
		t.Errorf("title %q", doc.Title)
	}
}

func TestParseFeedly(t *testing.T) {
	b, _ := os.ReadFile("testdata/feedly.opml")
	doc, err := Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if f := doc.Feeds(); len(f) != 1 || f[0].Folder != "Press" || f[0].URL != "https://courier.example/rss.xml" {
		t.Errorf("Feeds() = %+v", f)
	}
}

func TestParseErrors(t *testing.T) {
	if _, err := Parse(strings.NewReader(`<html><body/></html>`)); !errors.Is(err, ErrNotOPML) {
		t.Errorf("html: err = %v, want ErrNotOPML", err)
	}
	if _, err := Parse(strings.NewReader(``)); err == nil {
		t.Error("empty input parsed")
	}
	deep := strings.Repeat(`<outline text="x">`, 100) + strings.Repeat(`</outline>`, 100)
	if _, err := Parse(strings.NewReader(`<opml><body>` + deep + `</body></opml>`)); err == nil || !strings.Contains(err.Error(), "deeper") {
		t.Errorf("deep nesting: err = %v", err)
	}
}

func TestMarshalRoundTrip(t *testing.T) {
	b, _ := os.ReadFile("testdata/freshrss.opml")
	doc, err := Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := Marshal(&out, doc); err != nil {
		t.Fatal(err)
	}
	again, err := Parse(&out)
	if err != nil {
		t.Fatalf("reparse: %v\n%s", err, out.String())
	}
	if !reflect.DeepEqual(doc.Feeds(), again.Feeds()) {
		t.Errorf("feeds changed in the round trip:\n%+v\n%+v", doc.Feeds(), again.Feeds())
	}
}
