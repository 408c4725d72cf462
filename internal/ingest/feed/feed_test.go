package feed

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestParseFormats(t *testing.T) {
	published := time.Date(2024, 5, 2, 8, 0, 0, 0, time.UTC)
	cases := map[string]struct{ in, format string }{
		"rss": {`<?xml version="1.0"?><rss version="2.0"><channel><title>The Ostvik Courier</title><link>https://courier.example/</link>
<item><title>Harbour strike</title><link>https://courier.example/news/harbour-strike.html</link><guid isPermaLink="false">c-1</guid><pubDate>Thu, 02 May 2024 08:00:00 +0000</pubDate></item>
<item><title>Permalink only</title><guid>https://courier.example/news/ferry.html</guid><pubDate>Thu, 02 May 2024 08:00:00 +0000</pubDate></item>
<item><title>No link at all</title></item>
</channel></rss>`, "rss"},
		"atom": {`<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>The Ostvik Courier</title><id>urn:c</id><updated>2024-05-05T10:00:00Z</updated>
<entry><title>Harbour strike</title><id>c-1</id><link href="/news/harbour-strike.html"/><updated>2024-05-02T08:00:00Z</updated></entry>
<entry><title>Permalink only</title><id>c-2</id><link rel="alternate" href="news/ferry.html"/><published>2024-05-02T08:00:00Z</published></entry>
</feed>`, "atom"},
		"json": {`{"version":"https://jsonfeed.org/version/1.1","title":"The Ostvik Courier","items":[
{"id":"c-1","url":"https://courier.example/news/harbour-strike.html","title":"Harbour strike","date_published":"2024-05-02T08:00:00Z"},
{"id":"c-2","url":"/news/ferry.html","title":"Permalink only","date_published":"2024-05-02T08:00:00Z"}]}`, "json"},
	}
	for name, c := range cases {
		f, err := Parse(strings.NewReader(c.in), "https://courier.example/feed")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if f.Format != c.format || f.Title != "The Ostvik Courier" {
			t.Errorf("%s: format %q title %q", name, f.Format, f.Title)
		}
		if len(f.Entries) != 2 {
			t.Fatalf("%s: %d entries, want 2: %+v", name, len(f.Entries), f.Entries)
		}
		e := f.Entries[0]
		if e.URL != "https://courier.example/news/harbour-strike.html" || e.GUID != "c-1" || e.Key() != "c-1" || !e.Published.Equal(published) {
			t.Errorf("%s: entry %+v", name, e)
		}
		if u := f.Entries[1].URL; u != "https://courier.example/news/ferry.html" {
			t.Errorf("%s: second entry URL %q", name, u)
		}
	}
}

func TestParseNotAFeed(t *testing.T) {
	_, err := Parse(strings.NewReader("<html><body>hello</body></html>"), "https://a.example/")
	if !errors.Is(err, ErrFormatNotDetected) || !strings.Contains(err.Error(), "https://a.example/") {
		t.Errorf("err = %v", err)
	}
}
