package sitemap

import (
	"strings"
	"time"
)

// wireURL is a <url> element as written.
type wireURL struct {
	Loc     string    `xml:"loc"`
	LastMod string    `xml:"lastmod"`
	News    *wireNews `xml:"news"`
}

type wireNews struct {
	Name            string `xml:"publication>name"`
	Language        string `xml:"publication>language"`
	PublicationDate string `xml:"publication_date"`
	Title           string `xml:"title"`
	Keywords        string `xml:"keywords"`
}

type wireRef struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod"`
}

func (w wireURL) adapt() (URL, bool) {
	u := URL{Loc: strings.TrimSpace(w.Loc), LastMod: parseTime(w.LastMod)}
	if u.Loc == "" {
		return u, false
	}
	if w.News != nil {
		u.News = &News{
			PublicationName: strings.TrimSpace(w.News.Name),
			Language:        strings.TrimSpace(w.News.Language),
			PublicationDate: parseTime(w.News.PublicationDate),
			Title:           strings.TrimSpace(w.News.Title),
			Keywords:        strings.TrimSpace(w.News.Keywords),
		}
	}
	return u, true
}

// timeLayouts are the W3C Datetime profiles sitemaps use, most precise
// first, plus the space-separated form some CMSs write.
var timeLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02",
	"2006-01",
	"2006",
}

// parseTime parses a W3C datetime into UTC, or returns the zero time.
func parseTime(s string) time.Time {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}
	}
	for _, layout := range timeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC()
		}
	}
	return time.Time{}
}
