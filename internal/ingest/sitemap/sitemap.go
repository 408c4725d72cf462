// Package sitemap reads XML sitemaps (sitemaps.org 0.9): URL sets, with
// the Google News extension news sites use to announce fresh articles,
// and sitemap indexes that point at other sitemaps. Input may be gzipped
// (sitemap.xml.gz); it is recognised by its magic bytes, not its name.
//
//	<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
//	        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
//	  <url>
//	    <loc>https://example.org/2024/05/harbour-strike</loc>
//	    <news:news>
//	      <news:publication><news:name>Example</news:name><news:language>en</news:language></news:publication>
//	      <news:publication_date>2024-05-02T08:00:00Z</news:publication_date>
//	      <news:title>Harbour workers vote to strike</news:title>
//	    </news:news>
//	  </url>
//	</urlset>
//
// Elements are matched by local name, so a sitemap that forgets or
// misspells a namespace still reads.
package sitemap

import (
	"bufio"
	"compress/gzip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// Limits from the sitemaps.org protocol: a sitemap lists at most 50,000
// URLs and is at most 50 MiB uncompressed.
const (
	MaxEntries = 50000
	MaxSize    = 50 << 20
)

// Kinds of sitemap.
const (
	KindURLSet = "urlset"
	KindIndex  = "sitemapindex"
)

// Errors callers may branch on (wrapped).
var (
	ErrNotSitemap = errors.New("sitemap: not a sitemap")
	ErrTooLarge   = errors.New("sitemap: larger than 50 MiB uncompressed")
)

// Sitemap is a parsed URL set or index.
type Sitemap struct {
	Kind     string `json:"kind"` // KindURLSet or KindIndex
	URLs     []URL  `json:"urls,omitempty"`
	Sitemaps []Ref  `json:"sitemaps,omitempty"`
	// Truncated reports entries dropped past MaxEntries.
	Truncated bool `json:"truncated,omitempty"`
}

// URL is one page of a URL set.
type URL struct {
	Loc     string    `json:"loc"`
	LastMod time.Time `json:"lastmod,omitzero"`
	News    *News     `json:"news,omitempty"`
}

// Published is the best publication time known for the page: the news
// publication date, else the last modification.
func (u URL) Published() time.Time {
	if u.News != nil && !u.News.PublicationDate.IsZero() {
		return u.News.PublicationDate
	}
	return u.LastMod
}

// News is the Google News extension of a URL.
type News struct {
	PublicationName string    `json:"publication_name,omitempty"`
	Language        string    `json:"language,omitempty"`
	PublicationDate time.Time `json:"publication_date,omitzero"`
	Title           string    `json:"title,omitempty"`
	Keywords        string    `json:"keywords,omitempty"`
}

// Ref is one child sitemap of an index.
type Ref struct {
	Loc     string    `json:"loc"`
	LastMod time.Time `json:"lastmod,omitzero"`
}

// Parse reads a sitemap or sitemap index from r, gzipped or not. Entries
// without a <loc> are skipped; dates that do not parse are left zero.
func Parse(r io.Reader) (*Sitemap, error) {
	br := bufio.NewReader(r)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("sitemap: gzip: %w", err)
		}
		defer zr.Close()
		zr.Multistream(true)
		r = zr
	} else {
		r = br
	}
	lr := &limitReader{r: r, n: MaxSize}
	dec := xml.NewDecoder(lr)
	dec.CharsetReader = charsetReader
	sm, err := decode(dec)
	if lr.over {
		return nil, ErrTooLarge
	}
	return sm, err
}

func decode(dec *xml.Decoder) (*Sitemap, error) {
	var sm *Sitemap
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			if sm == nil {
				return nil, fmt.Errorf("%w: no root element", ErrNotSitemap)
			}
			return nil, fmt.Errorf("sitemap: unclosed <%s>: %w", sm.Kind, io.ErrUnexpectedEOF)
		}
		if err != nil {
			return nil, fmt.Errorf("sitemap: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if sm == nil {
				switch t.Name.Local {
				case KindURLSet, KindIndex:
					sm = &Sitemap{Kind: t.Name.Local}
				default:
					return nil, fmt.Errorf("%w: root element <%s>", ErrNotSitemap, t.Name.Local)
				}
				continue
			}
			if err := sm.decodeChild(dec, t); err != nil {
				return nil, err
			}
		case xml.EndElement:
			// The root's end: the sitemap is complete.
			return sm, nil
		}
	}
}

// decodeChild reads one child of the root element.
func (sm *Sitemap) decodeChild(dec *xml.Decoder, start xml.StartElement) error {
	full := len(sm.URLs)+len(sm.Sitemaps) >= MaxEntries
	switch {
	case sm.Kind == KindURLSet && start.Name.Local == "url" && !full:
		var w wireURL
		if err := dec.DecodeElement(&w, &start); err != nil {
			return fmt.Errorf("sitemap: url %d: %w", len(sm.URLs)+1, err)
		}
		if u, ok := w.adapt(); ok {
			sm.URLs = append(sm.URLs, u)
		}
	case sm.Kind == KindIndex && start.Name.Local == "sitemap" && !full:
		var w wireRef
		if err := dec.DecodeElement(&w, &start); err != nil {
			return fmt.Errorf("sitemap: sitemap %d: %w", len(sm.Sitemaps)+1, err)
		}
		if loc := strings.TrimSpace(w.Loc); loc != "" {
			sm.Sitemaps = append(sm.Sitemaps, Ref{Loc: loc, LastMod: parseTime(w.LastMod)})
		}
	default:
		if full && (start.Name.Local == "url" || start.Name.Local == "sitemap") {
			sm.Truncated = true
		}
		if err := dec.Skip(); err != nil {
			return fmt.Errorf("sitemap: <%s>: %w", start.Name.Local, err)
		}
	}
	return nil
}

// limitReader is io.LimitReader that remembers whether the limit was hit,
// so a cut document is reported as too large rather than as bad XML.
type limitReader struct {
	r    io.Reader
	n    int64
	over bool
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.n <= 0 {
		// Probe one byte: exactly MaxSize bytes is allowed.
		var one [1]byte
		if n, _ := l.r.Read(one[:]); n > 0 {
			l.over = true
		}
		return 0, io.EOF
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	n, err := l.r.Read(p)
	l.n -= int64(n)
	return n, err
}
