package watch

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/match"
	"github.com/newstrace/newstrace/internal/provenance"
	"github.com/newstrace/newstrace/internal/registry"
)

var (
	t0       = time.Date(2024, 5, 2, 8, 0, 0, 0, time.UTC)
	detected = time.Date(2024, 5, 2, 12, 0, 0, 0, time.UTC)
)

func vovSource() Source {
	return Source{Name: "vov-news.example", Domains: []string{"vov-news.example"}}
}

func newWatcher(srcs ...Source) *Watcher {
	return New(srcs, Options{Now: func() time.Time { return detected }})
}

// report builds a trace report of an article on site, copied from the
// origin at originURL when it is not "".
func report(id, rawURL, originURL string) *provenance.Report {
	rep := &provenance.Report{
		ID: id, URL: rawURL, Site: registry.Host(rawURL), Lang: "en", Title: "Lerna barrier delayed",
		Published: t0.Add(3 * time.Hour), Verdict: match.None, Markers: []article.Marker{},
		Evidence: []match.Passage{}, Signals: []provenance.Signal{}, Related: []provenance.Link{},
	}
	if originURL != "" {
		rep.Origin = &provenance.Ref{ID: "o-" + id, URL: originURL, Site: registry.Host(originURL), Lang: "en",
			Title: "Lerna flood barrier", Published: t0, Lag: "3h0m"}
		rep.Verdict, rep.Score, rep.Coverage = match.EditedCopy, 0.91, 0.94
		rep.Evidence = []match.Passage{{Query: 1, Origin: 1, QueryText: "The barrier spans the river.", OriginText: "The barrier spans the river.", Score: 1}}
		rep.Signals = []provenance.Signal{{Kind: provenance.SignalResidue, Detail: `republisher leftover "READ MORE:" in paragraph 5`}}
	}
	return rep
}

func TestMatchOrigin(t *testing.T) {
	w := newWatcher(vovSource())
	evs := w.Match(report("a1", "http://daily-aggregator.example/world/x.html", "http://news.vov-news.example/en/x.html"), nil)
	if len(evs) != 1 {
		t.Fatalf("%d events, want 1", len(evs))
	}
	e := evs[0]
	if e.Basis != BasisOrigin || e.Source != "vov-news.example" || !e.Time.Equal(detected) {
		t.Errorf("basis %q source %q time %v", e.Basis, e.Source, e.Time)
	}
	if e.Origin == nil || e.Origin.Site != "news.vov-news.example" || e.Verdict != "edited_copy" || e.Lag != "3h0m" || e.Score != 0.91 {
		t.Errorf("origin %+v verdict %q lag %q score %v", e.Origin, e.Verdict, e.Lag, e.Score)
	}
	if len(e.Evidence) != 1 || e.Evidence[0].ArticleParagraph != 1 || e.Evidence[0].OriginText != "The barrier spans the river." {
		t.Errorf("evidence %+v", e.Evidence)
	}
	if len(e.Signals) != 1 || e.Article.Site != "daily-aggregator.example" || e.Label != "" {
		t.Errorf("signals %+v, article %+v, label %q", e.Signals, e.Article, e.Label)
	}
}

func TestMatchNothing(t *testing.T) {
	w := newWatcher(vovSource())
	for name, rep := range map[string]*provenance.Report{
		// The outlet copying itself, on a subdomain too.
		"own site":      report("a1", "http://vov-news.example/digest/x.html", "http://vov-news.example/en/x.html"),
		"own subdomain": report("a2", "https://fr.vov-news.example/x.html", "http://vov-news.example/en/x.html"),
		"other origin":  report("a3", "http://daily-aggregator.example/x.html", "http://elsewhere.example/x.html"),
		"no origin":     report("a4", "http://daily-aggregator.example/x.html", ""),
		"lookalike":     report("a5", "http://daily-aggregator.example/x.html", "http://notvov-news.example/x.html"),
	} {
		if evs := w.Match(rep, nil); len(evs) != 0 {
			t.Errorf("%s: %d events, want none: %+v", name, len(evs), evs)
		}
	}
}

// Without the outlet's article in the store, the article's own
// attribution ties it to the source.
func TestMatchClaims(t *testing.T) {
	reg, err := registry.Load()
	if err != nil {
		t.Fatal(err)
	}
	rt, err := ParseSource("RT", reg)
	if err != nil {
		t.Fatal(err)
	}
	w := newWatcher(rt, vovSource())

	suffix := report("s1", "https://relay.example/a.html", "")
	suffix.AttributedSource = "RT World News"
	link := report("s2", "https://relay.example/b.html", "")
	linked := &article.Article{ID: "s2", URL: link.URL, Links: []article.Link{
		{URL: "https://vov-news.example/en/x.html", Text: "Lien source", Rel: "source"},
		{URL: "https://rt.com/news/1/", Text: "see also"}, // not a source link
	}}
	canon := report("s3", "https://relay.example/c.html", "")
	canon.Site = "vov-news.example" // Site follows the canonical URL
	canonical := &article.Article{ID: "s3", URL: canon.URL, CanonicalURL: "https://vov-news.example/en/x.html"}
	marker := report("s4", "https://relay.example/d.html", "https://relay2.example/d.html")
	marker.Markers = []article.Marker{{Kind: article.MarkerTitleSuffix, Text: "Russia Today", Paragraph: -1}}

	for _, tc := range []struct {
		rep           *provenance.Report
		a             *article.Article
		source, basis string
	}{
		{suffix, nil, "RT", BasisTitleSuffix},
		{link, linked, "vov-news.example", BasisSourceLink},
		{canon, canonical, "vov-news.example", BasisCanonical},
		{marker, nil, "RT", BasisTitleSuffix},
	} {
		evs := w.Match(tc.rep, tc.a)
		if len(evs) != 1 || evs[0].Source != tc.source || evs[0].Basis != tc.basis {
			t.Errorf("%s: events %+v, want one for %s on %s", tc.rep.ID, evs, tc.source, tc.basis)
			continue
		}
		e := evs[0]
		if e.Origin != nil || e.Verdict != "none" || e.Evidence == nil {
			t.Errorf("%s: a claim has no origin or passages: %+v", tc.rep.ID, e)
		}
		if tc.source == "RT" && !strings.HasPrefix(e.Label, "RT (Russia) — ") {
			t.Errorf("%s: label %q", tc.rep.ID, e.Label)
		}
		if tc.rep == canon && e.Article.Site != "relay.example" {
			t.Errorf("canonical: article site %q, want the fetched host", e.Article.Site)
		}
	}
	// The same links without the article at hand say nothing.
	if evs := w.Match(link, nil); len(evs) != 0 {
		t.Errorf("source link without the article: %+v", evs)
	}
}

// fakeTracer answers TraceID from a map.
type fakeTracer map[string]*provenance.Report

func (f fakeTracer) TraceID(_ context.Context, id string) (*provenance.Report, error) {
	if r, ok := f[id]; ok {
		return r, nil
	}
	return nil, fmt.Errorf("no report for %s", id)
}

// A copy traced before its origin was stored is reported once the origin
// arrives, and each reappearance only once, upgraded from a claim to an
// origin at most once.
func TestObserve(t *testing.T) {
	ctx := context.Background()
	w := newWatcher(vovSource())

	// The copy arrives first; its title names the outlet.
	early := report("c1", "http://daily-aggregator.example/x.html", "")
	early.AttributedSource = "vov-news.example"
	evs, err := w.Observe(ctx, nil, early, nil)
	if err != nil || len(evs) != 1 || evs[0].Basis != BasisTitleSuffix {
		t.Fatalf("early copy: %+v, %v", evs, err)
	}
	if evs, _ := w.Observe(ctx, nil, early, nil); len(evs) != 0 {
		t.Errorf("repeat: %+v", evs)
	}

	// Then the origin arrives; its trace finds the copy and a copy on its
	// own site, and an unrelated article.
	orig := report("o1", "http://vov-news.example/en/x.html", "")
	orig.Related = []provenance.Link{
		{Ref: provenance.Ref{ID: "c1", URL: "http://daily-aggregator.example/x.html"}, Verdict: match.EditedCopy, Role: "later_copy"},
		{Ref: provenance.Ref{ID: "d1", URL: "http://vov-news.example/digest.html"}, Verdict: match.Copy, Role: "later_copy"},
		{Ref: provenance.Ref{ID: "r1", URL: "http://other.example/y.html"}, Verdict: match.Related, Role: "related"},
	}
	retraced := report("c1", "http://daily-aggregator.example/x.html", "http://vov-news.example/en/x.html")
	tr := fakeTracer{"c1": retraced}
	evs, err = w.Observe(ctx, tr, orig, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 1 || evs[0].Article.ID != "c1" || evs[0].Basis != BasisOrigin || evs[0].Origin == nil {
		t.Fatalf("origin arrival: %+v", evs)
	}
	// Nothing more, whichever way the copy is seen again.
	if evs, _ := w.Observe(ctx, tr, retraced, nil); len(evs) != 0 {
		t.Errorf("after the upgrade: %+v", evs)
	}
	if evs, _ := w.Observe(ctx, tr, early, nil); len(evs) != 0 {
		t.Errorf("claim after the origin: %+v", evs)
	}
	// A failing re-trace is an error naming both articles.
	w2 := newWatcher(vovSource())
	if _, err := w2.Observe(ctx, fakeTracer{}, orig, nil); err == nil || !strings.Contains(err.Error(), "c1 of o1") {
		t.Errorf("failing trace: err = %v", err)
	}
}
