package extract

import (
	"net/url"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/newstrace/newstrace/internal/article"
)

// sourceAnchor matches anchor text that itself says "this is the source".
var sourceAnchor = regexp.MustCompile(`^(?i)(?:lien (?:vers la )?source|la source|sources?|source link|` +
	`read (?:it )?on the (?:web)?site|read (?:the )?(?:full |original )?(?:article|story)(?: here)?|original (?:article|story|source)|` +
	`article (?:original|d'origine|d’origine)|voir l(?:'|’)article (?:original|d'origine|d’origine)|` +
	`quelle|originalartikel|zum original(?:artikel)?|` +
	`источник|ссылка на источник|оригинал(?: статьи)?|первоисточник|джерело|` +
	`fuente|fuente original|fonte|fonte originale|źródło|zdroj|link alla fonte)\s*[:：]?$`)

// sourceLead matches the text just before an anchor that introduces it
// as the source ("Source : <a>…</a>").
var sourceLead = regexp.MustCompile(`(?i)(?:^|[\s(\[|])(?:lien source|sources?|quelle|quellen|источник|джерело|fuente|fonte|` +
	`źródło|zdroj|via|original article|article original|read on the website)\s*[:：]\s*$`)

// sourceLinks returns the links of doc that an anchor text or the words
// just before the anchor mark as the article's source.
func sourceLinks(doc *html.Node, base *url.URL) []article.Link {
	var out []article.Link
	var walk func(n *html.Node, block *html.Node)
	walk = func(n *html.Node, block *html.Node) {
		if n.Type == html.ElementNode {
			switch {
			case skipped[n.DataAtom]:
				return
			case n.DataAtom == atom.A:
				if l, ok := sourceLink(n, block, base); ok {
					out = appendLink(out, l)
				}
				return
			case !inline[n.Data]:
				block = n
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, block)
		}
	}
	walk(doc, doc)
	return out
}

// sourceLink reports whether anchor a, inside block element block, is a
// source link, and returns it.
func sourceLink(a, block *html.Node, base *url.URL) (article.Link, bool) {
	href := strings.TrimSpace(attr(a, "href"))
	if href == "" || strings.HasPrefix(href, "#") || strings.HasPrefix(strings.ToLower(href), "javascript:") ||
		strings.HasPrefix(strings.ToLower(href), "mailto:") {
		return article.Link{}, false
	}
	text := cleanSpace(textOf(a))
	if len(text) > 80 {
		return article.Link{}, false
	}
	if !sourceAnchor.MatchString(text) {
		lead, ok := textBefore(block, a, 120)
		if !ok || !sourceLead.MatchString(lead) {
			return article.Link{}, false
		}
	}
	return article.Link{URL: resolve(base, href), Text: text, Rel: "source"}, true
}

// textBefore returns the text of block that precedes target, and false if
// more than limit bytes of text precede it (a source label starts a
// short line, it does not sit deep inside a paragraph).
func textBefore(block, target *html.Node, limit int) (string, bool) {
	var b strings.Builder
	found := false
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		if n == target {
			found = true
			return false
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			if b.Len() > limit {
				return false
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if !walk(c) {
				return false
			}
		}
		return true
	}
	walk(block)
	return cleanSpace(b.String()) + " ", found
}
