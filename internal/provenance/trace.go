// Package provenance answers, for one article, where it comes from: it
// retrieves candidates from the LSH index, has match align and judge each,
// and resolves the origin among the articles that share its text, with the
// signals that decided it (publication times, residue markers, a source
// named in the title, explicit source links).
package provenance

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/match"
	"github.com/newstrace/newstrace/internal/store"
)

// Options configure a Tracer. The zero value is sane.
type Options struct {
	Match match.Options
	// Candidates is how many index candidates are aligned per query
	// (default 20).
	Candidates int
}

// Tracer traces articles against a store. It keeps the store's LSH bands
// in an in-memory index and the analysis of compared articles in a cache,
// so tracing many articles reads each stored article once. A Tracer is
// safe for concurrent use.
type Tracer struct {
	st    store.Store
	opts  Options
	index *match.Index

	mu       sync.RWMutex
	prepared map[string]*match.Prepared
}

// NewTracer returns a Tracer over st, with its index warmed from the
// store's sketches.
func NewTracer(ctx context.Context, st store.Store, opts Options) (*Tracer, error) {
	if opts.Candidates <= 0 {
		opts.Candidates = 20
	}
	t := &Tracer{
		st:       st,
		opts:     opts,
		index:    match.NewIndex(opts.Match.Params),
		prepared: make(map[string]*match.Prepared),
	}
	err := st.Sketches(ctx, SketchMinHash, func(id string, keys []uint64) error {
		t.index.Add(id, keys)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("provenance: warm index: %w", err)
	}
	return t, nil
}

// Add indexes an article stored after the Tracer was built.
func (t *Tracer) Add(id string, sketches []store.Sketch) {
	for _, s := range sketches {
		if s.Kind == SketchMinHash {
			t.index.Add(id, s.Keys)
		}
	}
}

// TraceID traces a stored article.
func (t *Tracer) TraceID(ctx context.Context, id string) (*Report, error) {
	p, err := t.get(ctx, id)
	if err != nil {
		return nil, err
	}
	return t.trace(ctx, p)
}

// Trace traces a, which need not be stored.
func (t *Tracer) Trace(ctx context.Context, a *article.Article) (*Report, error) {
	return t.trace(ctx, match.Prepare(a, t.opts.Match))
}

// compared is one candidate with its verdict.
type compared struct {
	p   *match.Prepared
	res match.Result
}

func (t *Tracer) trace(ctx context.Context, q *match.Prepared) (*Report, error) {
	a := q.Article
	rep := newReport(a)
	var found []compared
	for _, c := range t.index.Candidates(q.Bands(), t.opts.Candidates+1) {
		if c.ID == a.ID {
			continue
		}
		cp, err := t.get(ctx, c.ID)
		if err != nil {
			return nil, err
		}
		if a.ContentHash != "" && cp.Article.ContentHash == a.ContentHash && cp.Article.ID == a.ID {
			continue
		}
		res := match.ComparePrepared(q, cp, t.opts.Match)
		if res.Verdict != match.None {
			found = append(found, compared{cp, res})
		}
	}
	origin, signals := resolve(a, found)
	rep.Signals = append(rep.Signals, signals...)
	for _, f := range found {
		if origin != nil && f.p == origin.p {
			continue
		}
		rep.Related = append(rep.Related, link(a, f))
	}
	if origin != nil {
		rep.Verdict = origin.res.Verdict
		rep.Score = origin.res.Score
		rep.Coverage = origin.res.Coverage
		rep.Origin = refOf(origin.p.Article)
		rep.Origin.Lag = lag(origin.p.Article.PublishedAt, a.PublishedAt)
		rep.Evidence = origin.res.Evidence
	}
	return rep, nil
}

// derives reports whether a verdict claims the query was made from the
// candidate, as opposed to merely sharing some words with it.
func derives(v match.Verdict) bool {
	return v == match.Copy || v == match.EditedCopy || v == match.Translation
}

// resolve picks the origin among the candidates that the query derives
// from. A candidate published after the query cannot be its origin: it is
// a later copy. Among the rest the earliest wins, so that a copy of a copy
// and two siblings copied from one original both resolve to the original;
// undated candidates rank after dated ones, by score.
func resolve(a *article.Article, found []compared) (*compared, []Signal) {
	var eligible []compared
	for _, f := range found {
		if !derives(f.res.Verdict) {
			continue
		}
		if later(f.p.Article.PublishedAt, a.PublishedAt) {
			continue
		}
		eligible = append(eligible, f)
	}
	if len(eligible) == 0 {
		return nil, querySignals(a, nil)
	}
	slices.SortStableFunc(eligible, func(x, y compared) int {
		xt, yt := x.p.Article.PublishedAt, y.p.Article.PublishedAt
		switch {
		case !xt.IsZero() && !yt.IsZero() && !xt.Equal(yt):
			return xt.Compare(yt)
		case xt.IsZero() != yt.IsZero():
			if xt.IsZero() {
				return 1
			}
			return -1
		}
		return cmp.Compare(y.res.Score, x.res.Score)
	})
	o := eligible[0]
	return &o, querySignals(a, o.p.Article)
}

// querySignals lists what, beyond the text, points at the origin.
func querySignals(a, origin *article.Article) []Signal {
	var out []Signal
	if origin != nil && !origin.PublishedAt.IsZero() && !a.PublishedAt.IsZero() {
		out = append(out, Signal{Kind: SignalEarlier, Detail: fmt.Sprintf("origin published %s, %s before this article",
			origin.PublishedAt.UTC().Format(time.RFC3339), lag(origin.PublishedAt, a.PublishedAt))})
	}
	for _, m := range a.Markers {
		switch m.Kind {
		case article.MarkerResidue:
			out = append(out, Signal{Kind: SignalResidue, Detail: fmt.Sprintf("republisher leftover %q in paragraph %d", m.Text, m.Paragraph+1)})
		case article.MarkerTitleSuffix:
			out = append(out, Signal{Kind: SignalTitleSuffix, Detail: fmt.Sprintf("title ends with the source name %q", m.Text)})
		}
	}
	for _, l := range a.Links {
		if l.Rel == "source" {
			out = append(out, Signal{Kind: SignalSourceLink, Detail: fmt.Sprintf("source link %q → %s", l.Text, l.URL)})
		}
	}
	if origin != nil && a.CanonicalURL != "" && (a.CanonicalURL == origin.URL || a.CanonicalURL == origin.CanonicalURL) {
		out = append(out, Signal{Kind: SignalCanonical, Detail: "canonical URL points at the origin: " + a.CanonicalURL})
	}
	return out
}

func link(a *article.Article, f compared) Link {
	l := Link{Ref: *refOf(f.p.Article), Verdict: f.res.Verdict, Score: f.res.Score, Coverage: f.res.Coverage}
	switch {
	case !derives(f.res.Verdict):
		l.Role = "related"
	case later(f.p.Article.PublishedAt, a.PublishedAt):
		l.Role = "later_copy"
	default:
		l.Role = "sibling"
	}
	return l
}

// later reports whether t is known to be after ref.
func later(t, ref time.Time) bool {
	return !t.IsZero() && !ref.IsZero() && t.After(ref)
}

func lag(origin, copy time.Time) string {
	if origin.IsZero() || copy.IsZero() {
		return ""
	}
	d := copy.Sub(origin).Round(time.Minute)
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	return s
}

func newReport(a *article.Article) *Report {
	return &Report{
		ID: a.ID, URL: a.URL, Site: a.Site, SiteName: a.SiteName, Lang: a.Lang, Title: a.Title, Published: a.PublishedAt,
		Markers: slices.Clip(append([]article.Marker{}, a.Markers...)), AttributedSource: a.AttributedSource,
		Verdict: match.None, Evidence: []match.Passage{}, Signals: []Signal{}, Related: []Link{},
	}
}

// get returns the prepared stored article id, from the cache or the store.
func (t *Tracer) get(ctx context.Context, id string) (*match.Prepared, error) {
	t.mu.RLock()
	p, ok := t.prepared[id]
	t.mu.RUnlock()
	if ok {
		return p, nil
	}
	a, err := t.st.Get(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("provenance: %w", err)
	}
	p = match.Prepare(a, t.opts.Match)
	t.mu.Lock()
	t.prepared[id] = p
	t.mu.Unlock()
	return p, nil
}
