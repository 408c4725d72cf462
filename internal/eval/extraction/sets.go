package extraction

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/net/html"
)

// page is one evaluation page: where its HTML is and what should come out.
type page struct {
	id   string
	path string // HTML file, gzip-compressed when it ends in .gz
	url  string
	gold gold
}

// gold is the expected output of one page; empty fields are not scored.
type gold struct {
	text          string   // expected article text (aeb, readability)
	with, without []string // trafilatura set
	date          string   // YYYY-MM-DD
	title         string
}

// load reads the page's HTML bytes.
func (p page) load() ([]byte, error) {
	f, err := os.Open(p.path)
	if err != nil {
		return nil, fmt.Errorf("extraction: %w", err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(p.path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("extraction: %s: %w", p.path, err)
		}
		defer zr.Close()
		r = zr
	}
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("extraction: %s: %w", p.path, err)
	}
	return b, nil
}

// loadAEB reads ground-truth.json of the article-extraction-benchmark.
func loadAEB(dir string) ([]page, error) {
	var gt map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	if err := readJSON(filepath.Join(dir, "ground-truth.json"), &gt); err != nil {
		return nil, err
	}
	pages := make([]page, 0, len(gt))
	for id, g := range gt {
		pages = append(pages, page{
			id:   id,
			path: filepath.Join(dir, "html", id+".html.gz"),
			url:  g.URL,
			gold: gold{text: g.ArticleBody},
		})
	}
	sortPages(pages)
	return pages, nil
}

// loadTrafilatura reads evaldata.json of trafilatura's evaluation set.
func loadTrafilatura(dir string) ([]page, error) {
	var ed map[string]struct {
		File    string   `json:"file"`
		With    []string `json:"with"`
		Without []string `json:"without"`
		Date    *string  `json:"date"`
		Title   *string  `json:"title"`
	}
	if err := readJSON(filepath.Join(dir, "evaldata.json"), &ed); err != nil {
		return nil, err
	}
	pages := make([]page, 0, len(ed))
	for u, e := range ed {
		g := gold{with: e.With, without: e.Without}
		if e.Date != nil && len(*e.Date) >= 10 {
			g.date = (*e.Date)[:10]
		}
		if e.Title != nil {
			g.title = *e.Title
		}
		pages = append(pages, page{id: u, path: filepath.Join(dir, "html", e.File+".gz"), url: u, gold: g})
	}
	sortPages(pages)
	return pages, nil
}

// loadReadability reads Mozilla Readability's test-pages cases.
func loadReadability(dir string) ([]page, error) {
	root := filepath.Join(dir, "test-pages")
	entries, err := os.ReadDir(root)
	if err != nil {
		return nil, fmt.Errorf("extraction: %w", err)
	}
	var pages []page
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		cd := filepath.Join(root, e.Name())
		var md struct {
			Title         *string `json:"title"`
			PublishedTime *string `json:"publishedTime"`
		}
		if err := readJSON(filepath.Join(cd, "expected-metadata.json"), &md); err != nil {
			return nil, err
		}
		exp, err := os.ReadFile(filepath.Join(cd, "expected.html"))
		if err != nil {
			return nil, fmt.Errorf("extraction: %w", err)
		}
		text, err := htmlText(string(exp))
		if err != nil {
			return nil, fmt.Errorf("extraction: %s: %w", filepath.Join(cd, "expected.html"), err)
		}
		g := gold{text: text}
		if md.Title != nil {
			g.title = *md.Title
		}
		if md.PublishedTime != nil && len(*md.PublishedTime) >= 10 {
			g.date = (*md.PublishedTime)[:10]
		}
		pages = append(pages, page{id: e.Name(), path: filepath.Join(cd, "source.html"), gold: g})
	}
	sortPages(pages)
	return pages, nil
}

// htmlText returns the text content of an HTML fragment.
func htmlText(src string) (string, error) {
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return "", err
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style"):
			return
		case n.Type == html.ElementNode:
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return b.String(), nil
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("extraction: %w", err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("extraction: %s: %w", path, err)
	}
	return nil
}

func sortPages(ps []page) {
	sort.Slice(ps, func(i, j int) bool { return ps[i].id < ps[j].id })
}
