package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// inline lists the elements that do not break a paragraph. Trafilatura's
// own output tags (hi, ref, lb) are included: its content tree may keep
// them.
var inline = map[string]bool{
	"a": true, "abbr": true, "b": true, "bdi": true, "bdo": true, "cite": true,
	"code": true, "data": true, "del": true, "dfn": true, "em": true, "font": true,
	"i": true, "ins": true, "kbd": true, "label": true, "mark": true, "q": true,
	"s": true, "samp": true, "small": true, "span": true, "strike": true,
	"strong": true, "sub": true, "sup": true, "time": true, "tt": true, "u": true,
	"var": true, "hi": true, "ref": true, "img": true, "wbr": true, "nobr": true,
}

// skipped lists elements whose text is never article text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Head: true, atom.Svg: true, atom.Math: true, atom.Iframe: true,
}

// blockParagraphs returns the text of n as paragraphs: each block element
// (p, h1, li, blockquote, div, table cell…) ends one, line breaks inside a
// block stay single newlines, and runs of white space collapse.
func blockParagraphs(n *html.Node) []string {
	if n == nil {
		return nil
	}
	w := paraWriter{}
	w.walk(n)
	w.flush()
	return w.out
}

type paraWriter struct {
	out []string
	cur strings.Builder
}

func (w *paraWriter) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		// Line breaks in the source are layout, not text.
		w.cur.WriteString(strings.ReplaceAll(n.Data, "\n", " "))
		return
	case html.ElementNode:
		if skipped[n.DataAtom] {
			return
		}
		if n.Data == "br" || n.Data == "lb" {
			w.cur.WriteByte('\n')
			return
		}
		switch {
		case n.Data == "td" || n.Data == "th" || n.Data == "cell":
			// A table row reads as one paragraph.
			w.cur.WriteByte(' ')
		case !inline[n.Data]:
			w.flush()
			defer w.flush()
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
}

// flush ends the current paragraph.
func (w *paraWriter) flush() {
	if w.cur.Len() == 0 {
		return
	}
	var lines []string
	for l := range strings.SplitSeq(w.cur.String(), "\n") {
		if l = cleanSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	w.cur.Reset()
	if len(lines) > 0 {
		w.out = append(w.out, strings.Join(lines, "\n"))
	}
}
