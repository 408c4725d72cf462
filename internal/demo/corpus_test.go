package demo

import (
	"bufio"
	"bytes"
	"encoding/json"
	"html"
	"io"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
)

// record is the corpus JSON Lines format, decoded strictly so that a typo
// in a field name fails the test instead of silently dropping data.
type record struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Site      string `json:"site"`
	Lang      string `json:"lang"`
	Published string `json:"published"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	HTML      string `json:"html"`
	Gold      *struct {
		Origin   string `json:"origin"`
		Group    string `json:"group"`
		Relation string `json:"relation"`
	} `json:"gold"`

	published time.Time
}

// What the corpus is meant to hold; the report of the demo command and the
// lead's expectations rest on these numbers.
var (
	wantRelations = map[string]int{"original": 12, "copy": 9, "translation": 6, "independent": 3}
	wantLangs     = map[string]int{"en": 16, "fr": 6, "de": 5, "es": 2, "ru": 1}
	// Copies that keep every paragraph of the origin after its byline.
	wantVerbatim = 4
	wantHTML     = 2
)

// The chain: origin → verbatim copy on aggregator A → translation of A's
// copy on aggregator B, labelled with the original as its origin.
const (
	chainOrigin      = "vov-grain-sanctions"
	chainCopy        = "dh24-grain-sanctions"
	chainTranslation = "dn24-grain-sanctions-fr"
)

func loadCorpus(t *testing.T) ([]*record, map[string]*record) {
	t.Helper()
	var recs []*record
	byID := map[string]*record{}
	sc := bufio.NewScanner(Corpus())
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for line := 1; sc.Scan(); line++ {
		dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		dec.DisallowUnknownFields()
		r := new(record)
		if err := dec.Decode(r); err != nil {
			t.Fatalf("corpus.jsonl:%d: %v", line, err)
		}
		if r.ID == "" {
			t.Fatalf("corpus.jsonl:%d: empty id", line)
		}
		if _, dup := byID[r.ID]; dup {
			t.Errorf("corpus.jsonl:%d: duplicate id %q", line, r.ID)
		}
		p, err := time.Parse(time.RFC3339, r.Published)
		if err != nil {
			t.Errorf("%s: published: %v", r.ID, err)
		}
		r.published = p
		if r.Gold == nil {
			t.Fatalf("%s: no gold label", r.ID)
		}
		byID[r.ID] = r
		recs = append(recs, r)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("corpus.jsonl: %v", err)
	}
	return recs, byID
}

// paragraphs returns the body paragraphs of a record: Text split on blank
// lines, or the <p> elements of the page's entry-content block.
func paragraphs(r *record) []string {
	if r.HTML == "" {
		var ps []string
		for p := range strings.SplitSeq(r.Text, "\n\n") {
			if p = strings.TrimSpace(p); p != "" {
				ps = append(ps, p)
			}
		}
		return ps
	}
	body := r.HTML
	if i := strings.Index(body, `<div class="entry-content">`); i >= 0 {
		body = body[i:]
		if j := strings.Index(body, "</div>"); j >= 0 {
			body = body[:j]
		}
	}
	var ps []string
	for _, m := range paraRE.FindAllStringSubmatch(body, -1) {
		ps = append(ps, strings.TrimSpace(html.UnescapeString(tagRE.ReplaceAllString(m[1], ""))))
	}
	return ps
}

var (
	paraRE = regexp.MustCompile(`(?s)<p>(.*?)</p>`)
	tagRE  = regexp.MustCompile(`<[^>]+>`)
	ldRE   = regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)
)

func TestCorpusRecords(t *testing.T) {
	recs, _ := loadCorpus(t)
	if len(corpusJSONL) > 150<<10 {
		t.Errorf("corpus is %d bytes, want at most 150 KiB", len(corpusJSONL))
	}
	langs := map[string]int{}
	for _, r := range recs {
		langs[r.Lang]++
		if (r.Text == "") == (r.HTML == "") {
			t.Errorf("%s: want exactly one of text and html", r.ID)
		}
		if !strings.HasSuffix(r.Site, ".example") {
			t.Errorf("%s: site %q is not under .example", r.ID, r.Site)
		}
		u, err := url.Parse(r.URL)
		if err != nil || u.Scheme != "https" || u.Host != r.Site {
			t.Errorf("%s: url %q does not belong to site %q", r.ID, r.URL, r.Site)
		}
		if r.Title == "" {
			t.Errorf("%s: empty title", r.ID)
		}
		if n := len(paragraphs(r)); n < 4 {
			t.Errorf("%s: %d paragraphs, want at least 4", r.ID, n)
		}
	}
	for l, n := range wantLangs {
		if langs[l] != n {
			t.Errorf("lang %s: got %d records, want %d", l, langs[l], n)
		}
	}
	if len(langs) != len(wantLangs) {
		t.Errorf("languages: got %v, want %v", langs, wantLangs)
	}
}

func TestCorpusGold(t *testing.T) {
	recs, byID := loadCorpus(t)
	relations := map[string]int{}
	groups := map[string][]*record{}
	for _, r := range recs {
		g := r.Gold
		relations[g.Relation]++
		if g.Group == "" {
			t.Errorf("%s: empty group", r.ID)
		}
		groups[g.Group] = append(groups[g.Group], r)
		switch g.Relation {
		case "original", "independent":
			if g.Origin != "" {
				t.Errorf("%s: %s has origin %q", r.ID, g.Relation, g.Origin)
			}
			if g.Relation == "original" {
				if n := len(paragraphs(r)); n < 5 || n > 9 {
					t.Errorf("%s: original has %d paragraphs, want 5 to 9", r.ID, n)
				}
			}
		case "copy", "translation":
			o, ok := byID[g.Origin]
			if !ok {
				t.Errorf("%s: origin %q is not in the corpus", r.ID, g.Origin)
				continue
			}
			if o.Gold.Relation != "original" {
				t.Errorf("%s: origin %s is %q, want an original", r.ID, o.ID, o.Gold.Relation)
			}
			if g.Group != o.Gold.Group {
				t.Errorf("%s: group %q, origin's group %q", r.ID, g.Group, o.Gold.Group)
			}
			if lag := r.published.Sub(o.published); lag <= 0 || lag > 36*time.Hour {
				t.Errorf("%s: published %v after its origin, want within (0, 36h]", r.ID, lag)
			}
			if r.Site == o.Site {
				t.Errorf("%s: republished on its origin's own site %s", r.ID, r.Site)
			}
			sameLang := r.Lang == o.Lang
			if sameLang != (g.Relation == "copy") {
				t.Errorf("%s: %s from %s to %s", r.ID, g.Relation, o.Lang, r.Lang)
			}
		default:
			t.Errorf("%s: relation %q is not one of original, copy, translation, independent", r.ID, g.Relation)
		}
	}
	for rel, n := range wantRelations {
		if relations[rel] != n {
			t.Errorf("relation %s: got %d, want %d", rel, relations[rel], n)
		}
	}
	for name, members := range groups {
		var originals, independents int
		for _, r := range members {
			switch r.Gold.Relation {
			case "original":
				originals++
			case "independent":
				independents++
			}
		}
		switch {
		case independents > 0:
			if len(members) != 1 || members[0].ID != name {
				t.Errorf("group %s: an independent report must be a group of its own, named by its id", name)
			}
		case originals != 1:
			t.Errorf("group %s: %d originals, want exactly 1", name, originals)
		}
	}
}

// TestCorpusCopies checks that the copies are what the labels claim: the
// verbatim ones keep every paragraph of their origin after the byline, and
// the translations keep the original outlet's name in the title.
func TestCorpusCopies(t *testing.T) {
	recs, byID := loadCorpus(t)
	var verbatim, suffixed, pages int
	for _, r := range recs {
		if r.HTML != "" {
			pages++
		}
		switch r.Gold.Relation {
		case "copy":
			have := map[string]bool{}
			for _, p := range paragraphs(r) {
				have[p] = true
			}
			kept := true
			for _, p := range paragraphs(byID[r.Gold.Origin])[1:] {
				kept = kept && have[p]
			}
			if kept {
				verbatim++
			}
		case "translation":
			if strings.HasSuffix(r.Title, "— Voice of Valdoria") {
				suffixed++
			}
		}
	}
	if verbatim != wantVerbatim {
		t.Errorf("verbatim copies: got %d, want %d", verbatim, wantVerbatim)
	}
	if suffixed < 2 {
		t.Errorf("translations titled with the source's name: got %d, want at least 2", suffixed)
	}
	if pages != wantHTML {
		t.Errorf("html records: got %d, want %d", pages, wantHTML)
	}
}

// TestCorpusChain checks the laundering chain: the translation was made
// from aggregator A's copy (it carries A's "READ MORE" leftover, translated)
// but its gold origin is the original.
func TestCorpusChain(t *testing.T) {
	_, byID := loadCorpus(t)
	o, c, tr := byID[chainOrigin], byID[chainCopy], byID[chainTranslation]
	if o == nil || c == nil || tr == nil {
		t.Fatalf("chain records missing: %v %v %v", o != nil, c != nil, tr != nil)
	}
	if c.Gold.Origin != o.ID || tr.Gold.Origin != o.ID {
		t.Errorf("chain origins: copy %q, translation %q, want %q", c.Gold.Origin, tr.Gold.Origin, o.ID)
	}
	if c.Gold.Relation != "copy" || tr.Gold.Relation != "translation" {
		t.Errorf("chain relations: %q, %q", c.Gold.Relation, tr.Gold.Relation)
	}
	if !(o.published.Before(c.published) && c.published.Before(tr.published)) {
		t.Errorf("chain out of order: %v, %v, %v", o.published, c.published, tr.published)
	}
	if c.Site == tr.Site {
		t.Errorf("chain copy and translation on the same site %s", c.Site)
	}
	if strings.Contains(o.Text, "READ MORE") || !strings.Contains(c.Text, "READ MORE:") ||
		!strings.Contains(tr.Text, "EN SAVOIR PLUS:") {
		t.Error("the translation should carry the copy's leftover, which the origin lacks")
	}
}

// TestCorpusPages checks that the HTML records carry the metadata that
// extraction reads, and that it agrees with the record.
func TestCorpusPages(t *testing.T) {
	recs, _ := loadCorpus(t)
	for _, r := range recs {
		if r.HTML == "" {
			continue
		}
		for _, want := range []string{"<title>", `property="og:site_name"`, `property="article:published_time"`, "<nav>", "<footer>"} {
			if !strings.Contains(r.HTML, want) {
				t.Errorf("%s: page lacks %s", r.ID, want)
			}
		}
		m := ldRE.FindStringSubmatch(r.HTML)
		if m == nil {
			t.Errorf("%s: no JSON-LD block", r.ID)
			continue
		}
		var ld struct {
			Type          string `json:"@type"`
			Headline      string `json:"headline"`
			DatePublished string `json:"datePublished"`
		}
		if err := json.Unmarshal([]byte(m[1]), &ld); err != nil {
			t.Errorf("%s: JSON-LD: %v", r.ID, err)
			continue
		}
		if ld.Type != "NewsArticle" || ld.Headline == "" {
			t.Errorf("%s: JSON-LD type %q headline %q", r.ID, ld.Type, ld.Headline)
		}
		if p, err := time.Parse(time.RFC3339, ld.DatePublished); err != nil || !p.Equal(r.published) {
			t.Errorf("%s: JSON-LD datePublished %q, record %s", r.ID, ld.DatePublished, r.Published)
		}
	}
}

func TestCorpusReadersAreIndependent(t *testing.T) {
	a, b := Corpus(), Corpus()
	if _, err := io.ReadFull(a, make([]byte, 100)); err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(b)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, corpusJSONL) {
		t.Error("a second reader does not start at the beginning")
	}
}
