package store

import "time"

// Query filters List. Its zero value matches every article; each With
// method returns a copy with one more filter, so queries compose:
//
//	store.Query{}.WithLang("fr").WithSince(t)
type Query struct {
	Lang string // BCP 47 primary tag; "" matches any
	Site string // host name; "" matches any
	// Since and Until bound PublishedAt to [Since, Until). A zero bound
	// is open; any non-zero bound excludes undated articles.
	Since, Until time.Time
	Limit        int // <= 0 means no limit
}

// WithLang returns q restricted to articles in language lang.
func (q Query) WithLang(lang string) Query { q.Lang = lang; return q }

// WithSite returns q restricted to articles of site.
func (q Query) WithSite(site string) Query { q.Site = site; return q }

// WithSince returns q restricted to articles published at or after t.
func (q Query) WithSince(t time.Time) Query { q.Since = t; return q }

// WithUntil returns q restricted to articles published before t.
func (q Query) WithUntil(t time.Time) Query { q.Until = t; return q }

// WithLimit returns q stopping after n articles.
func (q Query) WithLimit(n int) Query { q.Limit = n; return q }
