// Package jsonl reads and writes the corpus JSON Lines format, the
// project's interchange and evaluation format: one article per line.
//
//	{"id": "nt14-1009-fr", "url": "https://…", "site": "lemonde.fr", "lang": "fr",
//	 "published": "2014-01-02T10:00:00Z", "title": "…", "text": "paragraph\n\nparagraph",
//	 "html": "<!doctype html>…",
//	 "gold": {"origin": "nt14-1009-en", "group": "nt14-1009", "relation": "translation"}}
//
// Only id and one of text/html are required. Input is untrusted: a malformed
// line is reported as a *ParseError and reading goes on with the next line,
// so one bad record never stops a batch.
package jsonl

import (
	"time"

	"github.com/newstrace/newstrace/internal/article"
)

// Record is one line of the corpus format with its published date parsed.
type Record struct {
	ID        string
	URL       string
	Site      string
	Lang      string
	Published time.Time // zero when absent
	Title     string
	Text      string // paragraphs separated by a blank line
	HTML      string // a raw page, to be extracted by the caller
	Gold      *article.Gold
}

// wireRecord is the line as it appears on disk. Published stays a string
// so that the reader can accept both RFC 3339 and date-only values and name
// the field when neither parses. The field order is the order Writer emits.
type wireRecord struct {
	ID        string        `json:"id"`
	URL       string        `json:"url,omitempty"`
	Site      string        `json:"site,omitempty"`
	Lang      string        `json:"lang,omitempty"`
	Published string        `json:"published,omitempty"`
	Title     string        `json:"title,omitempty"`
	Text      string        `json:"text,omitempty"`
	HTML      string        `json:"html,omitempty"`
	Gold      *article.Gold `json:"gold,omitempty"`
}

// dateOnly is the short form accepted for published, read as midnight UTC.
const dateOnly = "2006-01-02"

// parsePublished accepts RFC 3339 (with or without fractional seconds) and
// a bare date.
func parsePublished(s string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t, nil
	}
	return time.Parse(dateOnly, s)
}

// formatPublished writes a time so that parsePublished gives it back
// exactly (RFC 3339 with as many fractional digits as needed).
func formatPublished(t time.Time) string {
	return t.Format(time.RFC3339Nano)
}

// goldOrNil drops a label that carries nothing, so that "gold": {} and an
// absent gold read the same.
func goldOrNil(g *article.Gold) *article.Gold {
	if g == nil || *g == (article.Gold{}) {
		return nil
	}
	c := *g
	return &c
}
