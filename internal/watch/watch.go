// Package watch raises an event when an article of a watched source
// reappears on another site: copied, edited or translated by an aggregator
// or a relay. It reads the trace report of each newly ingested article,
// decides whether it is such a reappearance, and hands the event, with the
// verdict and the evidence, to sinks: a webhook (webhook.go) or a JSON
// Lines file (file.go).
//
// A report is a reappearance of source S when the article is not on S's
// own domains and either its resolved origin is an article of S, or — when
// S's article is not stored — the article itself names S: a title suffix
// ("… — RT World News"), a source link or a canonical URL on S's domains.
//
// Crawling fetches pages in no set order, so a copy may be traced before
// its origin is stored. Observe therefore also looks the other way: when
// an article of a watched source arrives, the later copies its trace finds
// are traced again, now against it.
package watch

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/match"
	"github.com/newstrace/newstrace/internal/provenance"
	"github.com/newstrace/newstrace/internal/registry"
)

// BasisCanonical: the origin is not stored, but the article's canonical
// URL is on the source's domains.
const BasisCanonical = "canonical"

// Options configure a Watcher. The zero value is sane.
type Options struct {
	// Now gives event times; nil uses time.Now.
	Now func() time.Time
}

// Watcher matches trace reports against watched sources. It remembers the
// reappearances it reported, so Observe reports each once per process. A
// Watcher is safe for concurrent use.
type Watcher struct {
	sources []Source
	now     func() time.Time

	mu sync.Mutex
	// sent maps an event key to the basis it was reported on, so that a
	// reappearance first seen by attribution is reported again once its
	// origin is found, and never more.
	sent map[string]string
}

// New returns a Watcher of sources.
func New(sources []Source, opts Options) *Watcher {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &Watcher{sources: slices.Clone(sources), now: opts.Now, sent: map[string]string{}}
}

// Sources returns the watched sources.
func (w *Watcher) Sources() []Source { return slices.Clone(w.sources) }

// Match returns one event per watched source that rep is a reappearance
// of; none for most reports. a is the traced article when at hand: its
// source links and canonical URL are then read too (a report does not
// carry them). Match keeps no state.
func (w *Watcher) Match(rep *provenance.Report, a *article.Article) []Event {
	var out []Event
	for _, s := range w.sources {
		if w.ownSite(s, rep) {
			continue
		}
		if rep.Origin != nil && s.Owns(firstNonEmpty(rep.Origin.Site, rep.Origin.URL)) {
			out = append(out, w.event(s, BasisOrigin, rep))
			continue
		}
		if basis := claim(s, rep, a); basis != "" {
			out = append(out, w.event(s, basis, rep))
		}
	}
	return out
}

// Tracer traces a stored article; *provenance.Tracer is one.
type Tracer interface {
	TraceID(ctx context.Context, id string) (*provenance.Report, error)
}

// Observe is Match for an article just ingested and traced, less the
// reappearances already reported, plus those the article reveals: when it
// is an article of a watched source, the copies of it on other sites that
// were stored before it are traced again with tr and matched. tr may be
// nil to skip that, as a scan of a whole store does, since it visits the
// copies anyway.
func (w *Watcher) Observe(ctx context.Context, tr Tracer, rep *provenance.Report, a *article.Article) ([]Event, error) {
	out := w.fresh(w.Match(rep, a))
	if tr == nil {
		return out, nil
	}
	for _, id := range w.laterCopies(rep) {
		crep, err := tr.TraceID(ctx, id)
		if err != nil {
			return out, fmt.Errorf("watch: trace copy %s of %s: %w", id, rep.ID, err)
		}
		out = append(out, w.fresh(w.Match(crep, nil))...)
	}
	return out, nil
}

// fresh keeps the events not reported yet and records them.
func (w *Watcher) fresh(evs []Event) []Event {
	w.mu.Lock()
	defer w.mu.Unlock()
	var out []Event
	for _, e := range evs {
		prev, seen := w.sent[e.Key()]
		if seen && (prev == BasisOrigin || e.Basis != BasisOrigin) {
			continue
		}
		w.sent[e.Key()] = e.Basis
		out = append(out, e)
	}
	return out
}

// laterCopies returns the IDs of the articles on other sites that rep's
// trace found deriving from it, when rep's article is on a watched source.
func (w *Watcher) laterCopies(rep *provenance.Report) []string {
	var out []string
	for _, s := range w.sources {
		if !w.ownSite(s, rep) {
			continue
		}
		for _, l := range rep.Related {
			if !derives(l.Verdict) || l.Role == provenance.RoleRelated || s.Owns(hostOf(l.URL, l.Site)) {
				continue
			}
			if !slices.Contains(out, l.ID) {
				out = append(out, l.ID)
			}
		}
	}
	return out
}

// ownSite reports whether the report's article is on s itself. The
// fetched URL decides over Site, which follows a canonical URL: a
// republisher that keeps the origin's canonical URL is still another site.
func (w *Watcher) ownSite(s Source, rep *provenance.Report) bool {
	return s.Owns(hostOf(rep.URL, rep.Site))
}

// claim returns the basis on which the article itself names s as its
// source, or "".
func claim(s Source, rep *provenance.Report, a *article.Article) string {
	if s.Named(rep.AttributedSource) {
		return BasisTitleSuffix
	}
	for _, m := range rep.Markers {
		if m.Kind == article.MarkerTitleSuffix && s.Named(m.Text) {
			return BasisTitleSuffix
		}
	}
	if a == nil {
		return ""
	}
	for _, l := range a.Links {
		if l.Rel == "source" && s.Owns(l.URL) {
			return BasisSourceLink
		}
	}
	if a.CanonicalURL != "" && a.URL != "" && s.Owns(a.CanonicalURL) {
		return BasisCanonical
	}
	return ""
}

func (w *Watcher) event(s Source, basis string, rep *provenance.Report) Event {
	e := Event{
		Time:   w.now().UTC(),
		Source: s.Name,
		Basis:  basis,
		Article: provenance.Ref{ID: rep.ID, URL: rep.URL, Site: siteOf(rep), Lang: rep.Lang, Title: rep.Title,
			Published: rep.Published},
		Verdict:  string(match.None),
		Evidence: []Passage{},
		Signals:  append([]provenance.Signal{}, rep.Signals...),
		Label:    registry.Label(s.Outlet),
	}
	if basis != BasisOrigin || rep.Origin == nil {
		return e
	}
	o := *rep.Origin
	e.Origin = &o
	e.Verdict, e.Score, e.Coverage, e.Lag = string(rep.Verdict), rep.Score, rep.Coverage, o.Lag
	for _, p := range rep.Evidence {
		e.Evidence = append(e.Evidence, Passage{ArticleParagraph: p.Query, OriginParagraph: p.Origin,
			ArticleText: p.QueryText, OriginText: p.OriginText, Score: p.Score})
	}
	return e
}

// siteOf is the host the article was fetched from, which Site is not when
// it follows a canonical URL elsewhere.
func siteOf(rep *provenance.Report) string { return hostOf(rep.URL, rep.Site) }

// hostOf is the host of rawURL, or site when rawURL has none (a file
// path, or nothing).
func hostOf(rawURL, site string) string {
	if h := registry.Host(rawURL); h != "" && strings.Contains(rawURL, "://") {
		return h
	}
	return site
}

func derives(v match.Verdict) bool {
	return v == match.Copy || v == match.EditedCopy || v == match.Translation
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
