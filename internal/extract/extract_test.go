package extract

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/sharedtest"
)

func extractFile(t *testing.T, path string, opts Options) *article.Article {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a, err := Extract(bytes.NewReader(b), opts)
	if err != nil {
		t.Fatalf("Extract(%s): %v", path, err)
	}
	return a
}

// TestExtractCharsets reads pages written in legacy encodings that are
// declared only in a <meta> tag.
func TestExtractCharsets(t *testing.T) {
	tests := []struct {
		file, title, lang string
		fragments         []string
	}{
		{"cp1252.html", "Le marché de Noël ouvre ses portes à Valbrune", "fr",
			[]string{"jusqu’au 24 décembre", "« C’est l’œuvre de toute une année »", "3,50 €", "Hôtel-de-Ville"}},
		{"koi8r.html", "В Северогорске открыли новый мост через реку", "ru",
			[]string{"пешеходный мост через реку Тихую", "Пётр Ёлкин", "подъёмниками"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			a := extractFile(t, filepath.Join("testdata", tt.file), Options{})
			if a.Title != tt.title {
				t.Errorf("Title = %q, want %q", a.Title, tt.title)
			}
			if a.Lang != tt.lang {
				t.Errorf("Lang = %q, want %q", a.Lang, tt.lang)
			}
			for _, f := range tt.fragments {
				if !strings.Contains(a.Text, f) {
					t.Errorf("Text lacks %q:\n%s", f, a.Text)
				}
			}
			if strings.ContainsRune(a.Text, '\uFFFD') {
				t.Errorf("Text has replacement characters:\n%s", a.Text)
			}
		})
	}
}

// TestExtractContentTypeWins checks that the HTTP header's charset is
// used over a page without a declaration.
func TestExtractContentTypeWins(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "koi8r.html"))
	if err != nil {
		t.Fatal(err)
	}
	b = bytes.Replace(b, []byte(`<meta charset="koi8-r">`), nil, 1)
	a, err := Extract(bytes.NewReader(b), Options{ContentType: "text/html; charset=KOI8-R"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "Пётр Ёлкин") {
		t.Errorf("Text not decoded as KOI8-R:\n%.200s", a.Text)
	}
}

func TestExtractRepublished(t *testing.T) {
	a := extractFile(t, filepath.Join("testdata", "republished.html"), Options{URL: "https://www.coastal-digest.example/2024/03/harbour-bridge-repairs?utm=x"})
	if a.Site != "coastal-digest.example" || a.SiteName != "Coastal Digest" {
		t.Errorf("Site, SiteName = %q, %q", a.Site, a.SiteName)
	}
	if want := time.Date(2024, 3, 27, 17, 40, 0, 0, time.UTC); !a.PublishedAt.Equal(want) {
		t.Errorf("PublishedAt = %v, want %v", a.PublishedAt, want)
	}
	if a.Byline != "Mara Quill" || a.Lang != "en" {
		t.Errorf("Byline, Lang = %q, %q", a.Byline, a.Lang)
	}
	if strings.Contains(a.Text, "All rights reserved") || strings.HasPrefix(a.Text, "Harbour bridge") {
		t.Errorf("Text keeps boilerplate or the title:\n%s", a.Text)
	}
	// The <title> names another outlet than the site: that is attribution.
	if a.AttributedSource != "Northwind Daily News" {
		t.Errorf("AttributedSource = %q", a.AttributedSource)
	}
	if _, ok := findMarker(a, article.MarkerResidue, "READ MORE"); !ok {
		t.Errorf("no READ MORE residue in %+v", a.Markers)
	}
	rels := map[string]string{}
	for _, l := range a.Links {
		rels[l.Rel] = l.URL
	}
	want := map[string]string{
		"canonical": "https://www.coastal-digest.example/2024/03/harbour-bridge-repairs",
		"og:url":    "https://www.coastal-digest.example/2024/03/harbour-bridge-repairs",
		"source":    "https://northwind-news.example/uk/eastmere-bridge",
	}
	for rel, u := range want {
		if rels[rel] != u {
			t.Errorf("link %s = %q, want %q (links %+v)", rel, rels[rel], u, a.Links)
		}
	}
}

// TestExtractArticleBody reads a page whose text only its JSON-LD holds.
func TestExtractArticleBody(t *testing.T) {
	a := extractFile(t, filepath.Join("testdata", "scripted-body.html"), Options{})
	if p := a.Paragraphs(); len(p) != 4 || !strings.HasPrefix(p[0], "Ab dem kommenden Montag") {
		t.Errorf("paragraphs = %q", p)
	}
	if a.Byline != "Jonas Birkholz" || a.PublishedAt.Format(time.DateOnly) != "2023-11-05" {
		t.Errorf("Byline, PublishedAt = %q, %v", a.Byline, a.PublishedAt)
	}
	if a.PublishedFrom != article.PublishedFromMetadata {
		t.Errorf("PublishedFrom = %q, want %q (the JSON-LD datePublished)", a.PublishedFrom, article.PublishedFromMetadata)
	}
	// The page's own name in its <title> is not an attribution.
	if a.AttributedSource != "" {
		t.Errorf("AttributedSource = %q, want none", a.AttributedSource)
	}
}

// TestExtractPublishedFrom checks that a date read from the page is marked
// as the page's own, and that a page without one claims no source.
func TestExtractPublishedFrom(t *testing.T) {
	const body = `<p>The fictional ferry of Lornhaven will run a second boat every weekend from May, the operator said, after queues at the quay grew past an hour last summer.</p>
<p>Tickets bought online will be valid on either boat, and the fare stays at six crowns for a single crossing.</p></article></body></html>`
	const ld = `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"Second ferry for Lornhaven","datePublished":"2024-04-02T06:15:00Z"}</script>`
	for _, tc := range []struct {
		name, head string
		want       string
	}{
		{"json-ld", ld, article.PublishedFromMetadata},
		{"undated", "", ""},
	} {
		page := "<html><head><title>Second ferry for Lornhaven</title>" + tc.head + "</head><body><article><h1>Second ferry for Lornhaven</h1>" + body
		a, err := Extract(strings.NewReader(page), Options{URL: "https://lornhaven-news.example/ferry"})
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if a.PublishedFrom != tc.want {
			t.Errorf("%s: PublishedFrom = %q (published %v), want %q", tc.name, a.PublishedFrom, a.PublishedAt, tc.want)
		}
		if tc.want != "" && !a.PublishedAt.Equal(time.Date(2024, 4, 2, 6, 15, 0, 0, time.UTC)) {
			t.Errorf("%s: PublishedAt = %v, want the JSON-LD time", tc.name, a.PublishedAt)
		}
	}
}

func TestExtractNoText(t *testing.T) {
	for _, in := range []string{"", "<html><head><title>x</title></head><body></body></html>"} {
		if _, err := Extract(strings.NewReader(in), Options{}); !errors.Is(err, ErrNoText) {
			t.Errorf("Extract(%q) error = %v, want ErrNoText", in, err)
		}
	}
}

// TestExtractAEB checks a sample of the article-extraction-benchmark: the
// start, middle and end of each gold body must come out.
func TestExtractAEB(t *testing.T) {
	dir := sharedtest.Path(t, "eval", "extraction", "aeb")
	b, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	var gt map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	if err := json.Unmarshal(b, &gt); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{
		"04a6711caa7c687592777718866e781e976e0fe684faebe8b3cedcef8cd0ea34", // nytimes opinion
		"06e5123e4ef7cfb4533250dc45d1e03d0838fc66223f45c583c4d12f48b4da85", // venturebeat
		"0d46122928b6f468cc4bbc694051d0dbae5702bc75a16dab82a99b58daf150a0", // sportsnet
	} {
		g, ok := gt[id]
		if !ok {
			t.Errorf("%s not in ground truth", id)
			continue
		}
		html := readGz(t, filepath.Join(dir, "html", id+".html.gz"))
		a, err := Extract(bytes.NewReader(html), Options{URL: g.URL})
		if err != nil {
			t.Errorf("%s: %v", g.URL, err)
			continue
		}
		text := squash(a.Text)
		for _, frag := range goldFragments(g.ArticleBody) {
			if !strings.Contains(text, frag) {
				t.Errorf("%s: text lacks %q", g.URL, frag)
			}
		}
		if a.Title == "" || a.Site == "" {
			t.Errorf("%s: Title %q, Site %q", g.URL, a.Title, a.Site)
		}
	}
}

// goldFragments returns three 40-byte pieces of a gold body: from its
// first, middle and last paragraph.
func goldFragments(body string) []string {
	ps := article.SplitParagraphs(strings.ReplaceAll(body, "\n", "\n\n"))
	var out []string
	for _, p := range []string{ps[0], ps[len(ps)/2], ps[len(ps)-1]} {
		p = squash(p)
		if len(p) > 40 {
			p = strings.ToValidUTF8(p[:40], "")
		}
		out = append(out, p)
	}
	return out
}

func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestExtractLeMonde checks Mozilla Readability's French case.
func TestExtractLeMonde(t *testing.T) {
	dir := sharedtest.Path(t, "eval", "extraction", "readability", "test-pages", "lemonde-1")
	a := extractFile(t, filepath.Join(dir, "source.html"), Options{})
	var md struct {
		Title  string `json:"title"`
		Byline string `json:"byline"`
	}
	b, err := os.ReadFile(filepath.Join(dir, "expected-metadata.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &md); err != nil {
		t.Fatal(err)
	}
	if a.Title != md.Title {
		t.Errorf("Title = %q, want %q", a.Title, md.Title)
	}
	if a.Lang != "fr" {
		t.Errorf("Lang = %q, want fr", a.Lang)
	}
	for _, frag := range []string{"adopté à une large majorité (438 contre 86 et 42 abstentions)", "Conseil constitutionnel"} {
		if !strings.Contains(a.Text, frag) {
			t.Errorf("Text lacks %q", frag)
		}
	}
}
