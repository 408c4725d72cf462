package planted

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/ingest/jsonl"
	"github.com/newstrace/newstrace/internal/lang"
)

// load reads a corpus with the project's own JSON Lines reader, after a
// strict decode of every line so that a misspelt field fails the test
// instead of being dropped.
func load(t *testing.T, name string, r io.Reader) ([]*jsonl.Record, map[string]*jsonl.Record) {
	t.Helper()
	raw, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range bytes.Split(bytes.TrimSpace(raw), []byte("\n")) {
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.DisallowUnknownFields()
		var v struct {
			ID, URL, Site, Lang, Published, Title, Text string
			Gold                                        *article.Gold
		}
		if err := dec.Decode(&v); err != nil {
			t.Fatalf("%s line %d: %v", name, i+1, err)
		}
	}
	var recs []*jsonl.Record
	byID := map[string]*jsonl.Record{}
	rd := jsonl.NewReader(bytes.NewReader(raw))
	for {
		rec, err := rd.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if byID[rec.ID] != nil {
			t.Errorf("%s: id %q appears twice", name, rec.ID)
		}
		recs = append(recs, rec)
		byID[rec.ID] = rec
	}
	return recs, byID
}

// checkRecords holds what both corpora promise of every record: complete
// metadata on a reserved domain, a declared language the detector agrees
// with (ingest trusts the detector over the field), valid gold labels,
// and descendants published after an origin that is in the same corpus
// and the same group.
func checkRecords(t *testing.T, name string, recs []*jsonl.Record, byID map[string]*jsonl.Record) {
	t.Helper()
	det := lang.New()
	urls := map[string]string{}
	heads := map[string]string{} // group → its undescended article
	var prev time.Time
	for _, r := range recs {
		if r.URL == "" || r.Site == "" || r.Lang == "" || r.Title == "" || r.Published.IsZero() || r.Gold == nil {
			t.Errorf("%s %s: url, site, lang, title, published and gold are all required", name, r.ID)
			continue
		}
		u, err := url.Parse(r.URL)
		if err != nil || u.Host != r.Site || !strings.HasSuffix(r.Site, ".example") {
			t.Errorf("%s %s: url %q must be on the record's .example site %q", name, r.ID, r.URL, r.Site)
		}
		if other, dup := urls[r.URL]; dup {
			t.Errorf("%s %s: url shared with %s (the store would drop one)", name, r.ID, other)
		}
		urls[r.URL] = r.ID
		if r.Published.Before(prev) {
			t.Errorf("%s %s: out of publication order", name, r.ID)
		}
		prev = r.Published
		if got := det.Detect(r.Title + "\n\n" + r.Text).Lang; got != r.Lang {
			t.Errorf("%s %s: declared %s, detected %s", name, r.ID, r.Lang, got)
		}
		if n := len(article.SplitParagraphs(r.Text)); n < 3 {
			t.Errorf("%s %s: %d paragraphs, want at least 3", name, r.ID, n)
		}

		g := r.Gold
		if g.Group == "" {
			t.Errorf("%s %s: gold group missing", name, r.ID)
		}
		switch g.Relation {
		case article.RelationOriginal, article.RelationIndependent:
			if g.Origin != "" {
				t.Errorf("%s %s: %s with an origin", name, r.ID, g.Relation)
			}
			if other, dup := heads[g.Group]; dup {
				t.Errorf("%s %s: group %q is headed by %s too; each original or independent article heads its own", name, r.ID, g.Group, other)
			}
			heads[g.Group] = r.ID
		case article.RelationCopy, article.RelationTranslation:
			o := byID[g.Origin]
			if o == nil || o.ID == r.ID {
				t.Errorf("%s %s: origin %q is not another article of the corpus", name, r.ID, g.Origin)
				continue
			}
			if o.Gold == nil || o.Gold.Origin != "" || o.Gold.Group != g.Group {
				t.Errorf("%s %s: origin %s must be an undescended article of group %q", name, r.ID, o.ID, g.Group)
			}
			if !o.Published.Before(r.Published) {
				t.Errorf("%s %s: published %v, not after its origin's %v", name, r.ID, r.Published, o.Published)
			}
			if sameLang := o.Lang == r.Lang; sameLang != (g.Relation == article.RelationCopy) {
				t.Errorf("%s %s: %s from %s to %s", name, r.ID, g.Relation, o.Lang, r.Lang)
			}
		default:
			t.Errorf("%s %s: relation %q is not in the corpus format", name, r.ID, g.Relation)
		}
	}
}

func count(recs []*jsonl.Record, keep func(*jsonl.Record) bool) int {
	n := 0
	for _, r := range recs {
		if keep(r) {
			n++
		}
	}
	return n
}

func TestRelatedCorpus(t *testing.T) {
	recs, byID := load(t, "related.jsonl", Related())
	checkRecords(t, "related.jsonl", recs, byID)

	independent := count(recs, func(r *jsonl.Record) bool { return r.Gold.Relation == article.RelationIndependent })
	derived := count(recs, func(r *jsonl.Record) bool { return r.Gold.Origin != "" })
	translations := count(recs, func(r *jsonl.Record) bool { return r.Gold.Relation == article.RelationTranslation })
	if independent < 40 || independent%2 != 0 || derived != 8 || translations < 4 {
		t.Errorf("%d independent, %d derived (%d translations); want 20+ pairs and 8 derived, most translated",
			independent, derived, translations)
	}
	if independent+derived != len(recs) {
		t.Errorf("%d records, want only independent reports and their copies", len(recs))
	}
	// Every derived article's origin is one of the independent reports:
	// the set is built so that a real copy sits next to a look-alike.
	langs := map[string]int{}
	for _, r := range recs {
		langs[r.Lang]++
		if o := byID[r.Gold.Origin]; o != nil && o.Gold.Relation != article.RelationIndependent {
			t.Errorf("%s: origin %s is not an independent report", r.ID, o.ID)
		}
	}
	for _, l := range []string{"en", "fr", "de", "es", "ru"} {
		if langs[l] < 2 {
			t.Errorf("%d articles in %s, want at least 2", langs[l], l)
		}
	}
}

func TestChainsCorpus(t *testing.T) {
	recs, byID := load(t, "chains.jsonl", Chains())
	checkRecords(t, "chains.jsonl", recs, byID)
	paths, err := Paths()
	if err != nil {
		t.Fatal(err)
	}

	copies, translations := 0, 0
	for _, r := range recs {
		p, ok := paths[r.ID]
		if r.Gold.Origin == "" {
			if ok {
				t.Errorf("%s: path %v for an article with no origin", r.ID, p)
			}
			continue
		}
		if !ok {
			t.Errorf("%s: descendant without a path", r.ID)
			continue
		}
		if len(p) < 2 || p[0] != r.Gold.Origin || p[len(p)-1] != r.ID {
			t.Errorf("%s: path %v must run from the gold origin %s to the article", r.ID, p, r.Gold.Origin)
			continue
		}
		switch r.Gold.Relation {
		case article.RelationCopy:
			copies++
			if len(p) != 2 {
				t.Errorf("%s: a copy's path is origin → copy, got %v", r.ID, p)
			}
		case article.RelationTranslation:
			translations++
			if len(p) != 3 {
				t.Errorf("%s: a translation's path is origin → copy → translation, got %v", r.ID, p)
			}
		}
		// Each step is a later article of the same group, on another
		// site, within the delays aggregators show: a copy 1–6 h after
		// the origin, a translation 2–12 h after the copy it was made
		// from.
		for i := 1; i < len(p); i++ {
			from, to := byID[p[i-1]], byID[p[i]]
			if from == nil || to == nil {
				t.Errorf("%s: path %v names an article not in chains.jsonl", r.ID, p)
				break
			}
			if to.Gold.Group != r.Gold.Group || from.Gold.Group != r.Gold.Group {
				t.Errorf("%s: path step %s → %s leaves group %q", r.ID, from.ID, to.ID, r.Gold.Group)
			}
			if from.Site == to.Site {
				t.Errorf("%s: path step %s → %s stays on %s", r.ID, from.ID, to.ID, to.Site)
			}
			lo, hi := time.Hour, 6*time.Hour
			if from.Lang != to.Lang {
				lo, hi = 2*time.Hour, 12*time.Hour
			}
			if lag := to.Published.Sub(from.Published); lag < lo || lag > hi {
				t.Errorf("%s: step %s → %s lag %v, want %v–%v", r.ID, from.ID, to.ID, lag, lo, hi)
			}
		}
		if pp, ok := paths[p[len(p)-2]]; len(p) > 2 && (!ok || len(pp) != len(p)-1) {
			t.Errorf("%s: path %v goes through %s, whose own path is %v", r.ID, p, p[len(p)-2], pp)
		}
	}
	for id := range paths {
		if byID[id] == nil {
			t.Errorf("chains.paths.json: %s is not in chains.jsonl", id)
		}
	}
	if copies < 10 || translations < 10 || copies != translations {
		t.Errorf("%d copies and %d translations; want 10+ complete chains", copies, translations)
	}
	originals := count(recs, func(r *jsonl.Record) bool { return r.Gold.Origin == "" })
	if originals != copies+4 {
		t.Errorf("%d articles without origin, want one per chain and 4 distractors", originals)
	}
}

func TestPathsFresh(t *testing.T) {
	a, err := Paths()
	if err != nil {
		t.Fatal(err)
	}
	for k := range a {
		delete(a, k)
	}
	b, err := Paths()
	if err != nil {
		t.Fatal(err)
	}
	if len(b) == 0 {
		t.Fatal("Paths shares its map between calls")
	}
}
