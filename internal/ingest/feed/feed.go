// Package feed reads RSS, Atom and JSON Feed documents into the list of
// entries a crawler follows: each entry's link, title, publication time
// and GUID. Format detection and the format quirks are gofeed's; this
// package only normalises what the crawler needs (absolute links, a
// publication time falling back to the update time, a stable key).
package feed

import (
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
)

// ErrFormatNotDetected is returned, wrapped, when the input is none of
// RSS, Atom or JSON Feed.
var ErrFormatNotDetected = errors.New("feed: format not detected")

// Feed is a parsed feed.
type Feed struct {
	Title    string  `json:"title,omitempty"`
	Link     string  `json:"link,omitempty"` // the site's home page
	Language string  `json:"language,omitempty"`
	Format   string  `json:"format"` // "rss", "atom" or "json"
	Entries  []Entry `json:"entries"`
}

// Entry is one item of a feed. URL is absolute; entries without a usable
// link are dropped, since there is nothing to fetch.
type Entry struct {
	URL       string    `json:"url"`
	Title     string    `json:"title,omitempty"`
	Published time.Time `json:"published,omitzero"`
	GUID      string    `json:"guid,omitempty"`
	Summary   string    `json:"summary,omitempty"`
}

// Key identifies the entry across fetches of the feed: its GUID when it
// has one, else its URL.
func (e Entry) Key() string {
	if e.GUID != "" {
		return e.GUID
	}
	return e.URL
}

// Parse reads a feed from r. baseURL, the feed's own URL, resolves
// relative entry links; it may be empty when links are known absolute.
func Parse(r io.Reader, baseURL string) (*Feed, error) {
	gf, err := gofeed.NewParser().Parse(r)
	if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
		return nil, fmt.Errorf("%w: %s", ErrFormatNotDetected, nonEmpty(baseURL, "input"))
	}
	if err != nil {
		return nil, fmt.Errorf("feed: %s: %w", nonEmpty(baseURL, "input"), err)
	}
	return adapt(gf, baseURL), nil
}

// adapt converts gofeed's universal feed into the crawler's view.
func adapt(gf *gofeed.Feed, baseURL string) *Feed {
	base, _ := url.Parse(baseURL)
	f := &Feed{
		Title:    strings.TrimSpace(gf.Title),
		Link:     resolve(base, gf.Link),
		Language: gf.Language,
		Format:   gf.FeedType,
		Entries:  []Entry{},
	}
	seen := make(map[string]bool)
	for _, it := range gf.Items {
		if it == nil {
			continue
		}
		link := entryLink(it)
		u := resolve(base, link)
		if u == "" || seen[u] {
			continue
		}
		seen[u] = true
		e := Entry{
			URL:     u,
			Title:   strings.TrimSpace(it.Title),
			GUID:    strings.TrimSpace(it.GUID),
			Summary: strings.TrimSpace(it.Description),
		}
		switch {
		case it.PublishedParsed != nil:
			e.Published = it.PublishedParsed.UTC()
		case it.UpdatedParsed != nil:
			e.Published = it.UpdatedParsed.UTC()
		}
		f.Entries = append(f.Entries, e)
	}
	return f
}

// entryLink picks the entry's article link: Link, else the first of
// Links, else a GUID that is a URL (RSS isPermaLink).
func entryLink(it *gofeed.Item) string {
	if s := strings.TrimSpace(it.Link); s != "" {
		return s
	}
	for _, l := range it.Links {
		if s := strings.TrimSpace(l); s != "" {
			return s
		}
	}
	if g := strings.TrimSpace(it.GUID); strings.HasPrefix(g, "http://") || strings.HasPrefix(g, "https://") {
		return g
	}
	return ""
}

// resolve makes ref absolute against base and keeps only http(s) URLs.
func resolve(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return ""
	}
	u.Fragment = ""
	return u.String()
}

func nonEmpty(s, alt string) string {
	if s != "" {
		return s
	}
	return alt
}
