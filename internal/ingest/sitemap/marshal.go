package sitemap

import (
	"encoding/xml"
	"fmt"
	"io"
	"time"
)

// Namespaces written by Marshal.
const (
	NamespaceSitemap = "http://www.sitemaps.org/schemas/sitemap/0.9"
	NamespaceNews    = "http://www.google.com/schemas/sitemap-news/0.9"
)

type outURLSet struct {
	XMLName xml.Name `xml:"urlset"`
	XMLNS   string   `xml:"xmlns,attr"`
	News    string   `xml:"xmlns:news,attr,omitempty"`
	URLs    []outURL `xml:"url"`
}

type outURL struct {
	Loc     string   `xml:"loc"`
	LastMod string   `xml:"lastmod,omitempty"`
	News    *outNews `xml:"news:news,omitempty"`
}

type outNews struct {
	Name     string `xml:"news:publication>news:name,omitempty"`
	Language string `xml:"news:publication>news:language,omitempty"`
	Date     string `xml:"news:publication_date,omitempty"`
	Title    string `xml:"news:title,omitempty"`
	Keywords string `xml:"news:keywords,omitempty"`
}

type outIndex struct {
	XMLName  xml.Name  `xml:"sitemapindex"`
	XMLNS    string    `xml:"xmlns,attr"`
	Sitemaps []wireRef `xml:"sitemap"`
}

// Marshal writes sm as a sitemap document (with the news namespace when
// any URL has news), times in RFC 3339. Parse reads back what it writes.
func Marshal(w io.Writer, sm *Sitemap) error {
	var v any
	switch sm.Kind {
	case KindIndex:
		out := outIndex{XMLNS: NamespaceSitemap}
		for _, r := range sm.Sitemaps {
			out.Sitemaps = append(out.Sitemaps, wireRef{Loc: r.Loc, LastMod: formatTime(r.LastMod)})
		}
		v = out
	case KindURLSet:
		out := outURLSet{XMLNS: NamespaceSitemap}
		for _, u := range sm.URLs {
			o := outURL{Loc: u.Loc, LastMod: formatTime(u.LastMod)}
			if n := u.News; n != nil {
				out.News = NamespaceNews
				o.News = &outNews{Name: n.PublicationName, Language: n.Language, Date: formatTime(n.PublicationDate), Title: n.Title, Keywords: n.Keywords}
			}
			out.URLs = append(out.URLs, o)
		}
		v = out
	default:
		return fmt.Errorf("sitemap: marshal: unknown kind %q", sm.Kind)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return fmt.Errorf("sitemap: marshal: %w", err)
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("sitemap: marshal: %w", err)
	}
	return enc.Close()
}

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}
