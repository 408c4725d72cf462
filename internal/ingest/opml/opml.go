// Package opml reads and writes OPML subscription lists, the format feed
// readers (Miniflux, FreshRSS, Feedly, Inoreader, NetNewsWire) export:
//
//	<opml version="2.0">
//	  <head><title>Subscriptions</title></head>
//	  <body>
//	    <outline text="World" title="World">
//	      <outline type="rss" text="Example News" xmlUrl="https://example.org/rss" htmlUrl="https://example.org/"/>
//	    </outline>
//	  </body>
//	</opml>
//
// Outlines nest to any depth; a folder is an outline without xmlUrl.
// Feeds flattens the tree into the subscriptions with their folder path.
package opml

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// maxDepth bounds outline nesting: real exports nest two levels, and an
// unbounded recursion on hostile input would exhaust the stack.
const maxDepth = 64

// ErrNotOPML is returned, wrapped, when the document's root is not <opml>.
var ErrNotOPML = errors.New("opml: not an OPML document")

// Document is an OPML file.
type Document struct {
	XMLName  xml.Name  `xml:"opml"`
	Version  string    `xml:"version,attr,omitempty"`
	Title    string    `xml:"head>title,omitempty"`
	Outlines []Outline `xml:"body>outline"`
}

// Outline is one node of the outline tree: a folder (no XMLURL) or a
// subscription.
type Outline struct {
	Text     string    `xml:"text,attr,omitempty"`
	Title    string    `xml:"title,attr,omitempty"`
	Type     string    `xml:"type,attr,omitempty"`
	XMLURL   string    `xml:"xmlUrl,attr,omitempty"`
	HTMLURL  string    `xml:"htmlUrl,attr,omitempty"`
	Category string    `xml:"category,attr,omitempty"` // FreshRSS writes folders here too
	Outlines []Outline `xml:"outline"`
}

// Name is the outline's display name: its title, else its text.
func (o Outline) Name() string {
	if s := strings.TrimSpace(o.Title); s != "" {
		return s
	}
	return strings.TrimSpace(o.Text)
}

// Feed is one subscription found in a document.
type Feed struct {
	Title   string `json:"title,omitempty"`
	URL     string `json:"url"`                // the feed (xmlUrl)
	SiteURL string `json:"site_url,omitempty"` // the site (htmlUrl)
	// Folder is the path of enclosing folder names joined by "/", or the
	// outline's category attribute when it sits at the top level.
	Folder string `json:"folder,omitempty"`
}

// Parse reads an OPML document from r. Unknown elements and attributes
// are ignored; a document nested deeper than 64 outlines is refused.
func Parse(r io.Reader) (*Document, error) {
	dec := xml.NewDecoder(r)
	dec.Strict = false // exports in the wild carry bare & and HTML entities
	dec.AutoClose = xml.HTMLAutoClose
	dec.Entity = xml.HTMLEntity
	dec.CharsetReader = charsetReader
	var doc Document
	if err := dec.Decode(&doc); err != nil {
		var unexpected xml.UnmarshalError
		if errors.As(err, &unexpected) && strings.Contains(string(unexpected), "expected element type <opml>") {
			return nil, fmt.Errorf("%w: %v", ErrNotOPML, err)
		}
		return nil, fmt.Errorf("opml: %w", err)
	}
	if depth(doc.Outlines, 0) > maxDepth {
		return nil, fmt.Errorf("opml: outlines nested deeper than %d", maxDepth)
	}
	return &doc, nil
}

// Marshal writes doc as an indented OPML 2.0 document.
func Marshal(w io.Writer, doc *Document) error {
	d := *doc
	if d.Version == "" {
		d.Version = "2.0"
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return fmt.Errorf("opml: %w", err)
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(&d); err != nil {
		return fmt.Errorf("opml: %w", err)
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("opml: %w", err)
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// Feeds returns the subscriptions of doc in document order, each feed URL
// once (the first occurrence wins).
func (doc *Document) Feeds() []Feed {
	var out []Feed
	seen := make(map[string]bool)
	var walk func(outlines []Outline, folder []string)
	walk = func(outlines []Outline, folder []string) {
		for _, o := range outlines {
			if u := strings.TrimSpace(o.XMLURL); u != "" {
				if !seen[u] {
					seen[u] = true
					f := Feed{Title: o.Name(), URL: u, SiteURL: strings.TrimSpace(o.HTMLURL), Folder: strings.Join(folder, "/")}
					if f.Folder == "" {
						f.Folder = strings.TrimSpace(o.Category)
					}
					out = append(out, f)
				}
			}
			if len(o.Outlines) > 0 && len(folder) < maxDepth {
				walk(o.Outlines, append(folder[:len(folder):len(folder)], o.Name()))
			}
		}
	}
	walk(doc.Outlines, nil)
	return out
}

func depth(outlines []Outline, d int) int {
	max := d
	for _, o := range outlines {
		if len(o.Outlines) > 0 {
			if n := depth(o.Outlines, d+1); n > max {
				max = n
			}
		}
		if max > maxDepth {
			break
		}
	}
	return max
}
