package storetest

import (
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/sharedtest"
)

// readNewstest reads the documents of a WMT newstest SGML file as
// articles: the first segment is the title, each segment a paragraph.
func readNewstest(path, lang string) ([]*article.Article, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	d := xml.NewDecoder(bufio.NewReader(f))
	d.Strict = false
	var (
		out  []*article.Article
		cur  *article.Article
		segs []string
		seg  *strings.Builder
	)
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			switch tok.Name.Local {
			case "doc":
				cur, segs = article.New(), nil
				cur.Lang = lang
				for _, at := range tok.Attr {
					if at.Name.Local == "docid" {
						cur.ID = "nt14-" + at.Value + "-" + lang
					}
				}
			case "seg":
				seg = new(strings.Builder)
			}
		case xml.CharData:
			if seg != nil {
				seg.Write(tok)
			}
		case xml.EndElement:
			switch tok.Name.Local {
			case "seg":
				segs = append(segs, strings.TrimSpace(seg.String()))
				seg = nil
			case "doc":
				if cur != nil && len(segs) > 1 {
					cur.Title = segs[0]
					cur.Text = article.JoinParagraphs(segs[1:])
					out = append(out, cur)
				}
				cur = nil
			}
		}
	}
}

// fold strips diacritics the way a reader without a French keyboard
// types: "hélicoptère" → "helicoptere".
func fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		return s
	}
	return strings.ToLower(out)
}

// accentedWord returns the longest word of text with a letter that fold
// changes, or "".
func accentedWord(text string) string {
	best := ""
	for w := range strings.FieldsFuncSeq(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len([]rune(w)) > len([]rune(best)) && fold(w) != strings.ToLower(w) {
			best = w
		}
	}
	return best
}

// testCorpus stores the French side of newstest2014 fr-en and finds
// documents by a diacritic-stripped word of their own text.
func testCorpus(t *testing.T, open Opener) {
	path := sharedtest.Path(t, "eval", "newstest2014", "newstest2014-fren-src.fr.sgm")
	docs, err := readNewstest(path, "fr")
	if err != nil {
		t.Skipf("storetest: %v", err)
	}
	if len(docs) < 100 {
		t.Fatalf("%s: %d documents, want at least 100", path, len(docs))
	}
	s := open(t)
	for _, a := range docs {
		mustPut(t, s, a)
	}
	wantCount(t, s, len(docs))
	checked := 0
	for _, a := range docs[:40] {
		if got := mustGet(t, s, a.ID); got.Text != a.Text || got.Title != a.Title {
			t.Errorf("Get(%s) changed title or text", a.ID)
		}
		w := accentedWord(a.Text)
		if w == "" {
			continue
		}
		checked++
		if ids := searchIDs(t, s, fold(w)); !slices.Contains(ids, a.ID) {
			t.Errorf("Search(%q) (from %q) = %d hits without %s", fold(w), w, len(ids), a.ID)
		}
	}
	if checked < 30 {
		t.Errorf("only %d of 40 documents had an accented word", checked)
	}
}
