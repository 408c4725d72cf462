// Package network turns "article A was made from article B" into a graph
// of sites: who copies whom, how much, how fast, and in which language.
//
// Nodes are sites with their article counts, languages, source-registry
// label and template signature (the short lines a site repeats across its
// articles: footers, "EN SAVOIR PLUS:", "Lien source"). An edge runs from a
// copier site to its origin site, weighted by the articles copied, with the
// median lag and the share translated. Communities come from Louvain
// modularity (gonum's graph/community) with a fixed seed, so one input
// gives one grouping. The graph is written as GEXF 1.3 (Gephi), GraphML
// (networkx, igraph), CSV or JSON.
//
// The package does no I/O of its own beyond the writers: callers feed it
// articles and links from the store or from traces.
package network

import (
	"cmp"
	"slices"
	"sort"
	"time"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/registry"
)

// Link is one article made from another: a stored match or a trace
// verdict. It carries both ends' site, language and date so that an origin
// outside the listed articles (older than --since) still places the edge.
type Link struct {
	CopyID        string
	CopySite      string
	CopyLang      string
	CopyPublished time.Time

	OriginID        string
	OriginSite      string
	OriginLang      string
	OriginPublished time.Time

	// Verdict is the match verdict: "copy", "edited_copy",
	// "translation"…
	Verdict string
}

// Translation is the verdict that counts towards an edge's translated
// share, besides a change of language.
const Translation = "translation"

// Node is a site.
type Node struct {
	ID       string   `json:"id"`       // the site's host name
	Articles int      `json:"articles"` // distinct articles seen
	Langs    []string `json:"langs"`    // most frequent first
	// Outlet and Label come from the source registry when it knows the
	// site.
	Outlet string `json:"outlet,omitempty"`
	Label  string `json:"label,omitempty"`
	// Template is the site's template signature: normalised short lines
	// found in at least TemplateShare of its articles (sites with at
	// least TemplateMin articles only).
	Template  []string `json:"template"`
	Community int      `json:"community"`
	// CopiesOut counts this site's articles made from another site's;
	// CopiedIn counts the copies other sites made of its articles.
	CopiesOut int `json:"copies_out"`
	CopiedIn  int `json:"copied_in"`
}

// Edge is "Source copied Target".
type Edge struct {
	Source string `json:"source"` // copier site
	Target string `json:"target"` // origin site
	// Articles is the number of copier articles made from the origin
	// site's articles: the edge weight.
	Articles int `json:"articles"`
	// MedianLag is the median of copy minus origin publication time over
	// the LagSamples links where both are dated.
	MedianLag  time.Duration `json:"median_lag_ns"`
	LagSamples int           `json:"lag_samples"`
	// Translated is the share of Articles that are translations.
	Translated float64 `json:"translated"`
	// Verdicts counts the links by verdict.
	Verdicts map[string]int `json:"verdicts"`
}

// Graph is a site network.
type Graph struct {
	Nodes []Node `json:"nodes"` // ordered by ID
	Edges []Edge `json:"edges"` // ordered by Source, then Target
	// Communities is the number of communities; Modularity is their Q.
	Communities int     `json:"communities"`
	Modularity  float64 `json:"modularity"`
}

// Options tune a Builder. The zero value is sane.
type Options struct {
	// TemplateShare is the share of a site's articles a line must recur
	// in to join its template signature (default 0.3); TemplateMin is the
	// fewest articles a site needs to have a signature (default 3).
	TemplateShare float64
	TemplateMin   int
	// Resolution is the Louvain resolution γ (default 1).
	Resolution float64
	// Seed seeds Louvain's random order (default 1).
	Seed uint64
	// Registry labels sites it knows; nil labels none.
	Registry *registry.Registry
}

// Builder accumulates articles and links. It keeps per-article summaries,
// not texts, so a whole store can stream through it.
type Builder struct {
	opts  Options
	sites map[string]*siteAcc
	links map[[2]string]Link // by copy and origin ID: one edge per pair
}

type siteAcc struct {
	ids       map[string]bool
	langs     map[string]int
	templated int            // articles whose lines were counted
	lines     map[string]int // template key → articles containing it
}

// NewBuilder returns an empty Builder.
func NewBuilder(opts Options) *Builder {
	if opts.TemplateShare <= 0 {
		opts.TemplateShare = 0.3
	}
	if opts.TemplateMin <= 0 {
		opts.TemplateMin = 3
	}
	if opts.Resolution <= 0 {
		opts.Resolution = 1
	}
	if opts.Seed == 0 {
		opts.Seed = 1
	}
	return &Builder{opts: opts, sites: make(map[string]*siteAcc), links: make(map[[2]string]Link)}
}

func (b *Builder) site(host string) *siteAcc {
	s, ok := b.sites[host]
	if !ok {
		s = &siteAcc{ids: make(map[string]bool), langs: make(map[string]int), lines: make(map[string]int)}
		b.sites[host] = s
	}
	return s
}

// see records that article id of site exists, once.
func (s *siteAcc) see(id, lang string) bool {
	if s.ids[id] {
		return false
	}
	s.ids[id] = true
	if lang != "" {
		s.langs[lang]++
	}
	return true
}

// AddArticle counts a on its site and learns its template lines. Articles
// without a site are ignored; adding one twice counts it once.
func (b *Builder) AddArticle(a *article.Article) {
	if a.Site == "" {
		return
	}
	s := b.site(a.Site)
	if !s.see(a.ID, a.Lang) {
		return
	}
	s.templated++
	for _, k := range templateKeys(a.Paragraphs()) {
		s.lines[k]++
	}
}

// AddLink adds one copy relation. Links within one site, or with a site
// missing, carry no edge and are ignored; a second link for the same pair
// of articles replaces the first.
func (b *Builder) AddLink(l Link) {
	if l.CopySite == "" || l.OriginSite == "" || l.CopySite == l.OriginSite {
		return
	}
	b.site(l.CopySite).see(l.CopyID, l.CopyLang)
	b.site(l.OriginSite).see(l.OriginID, l.OriginLang)
	b.links[[2]string{l.CopyID, l.OriginID}] = l
}

// Graph computes the network from everything added so far.
func (b *Builder) Graph() *Graph {
	g := &Graph{Nodes: []Node{}, Edges: []Edge{}}
	index := make(map[string]int)
	hosts := make([]string, 0, len(b.sites))
	for h := range b.sites {
		hosts = append(hosts, h)
	}
	slices.Sort(hosts)
	for i, h := range hosts {
		s := b.sites[h]
		n := Node{ID: h, Articles: len(s.ids), Langs: rankLangs(s.langs), Template: b.signature(s)}
		if b.opts.Registry != nil {
			if o, ok := b.opts.Registry.Lookup(h); ok {
				n.Outlet, n.Label = o.ID, registry.Label(o)
			}
		}
		g.Nodes = append(g.Nodes, n)
		index[h] = i
	}

	type acc struct {
		e    Edge
		lags []time.Duration
		tr   int
	}
	edges := make(map[[2]string]*acc)
	for _, l := range b.links {
		k := [2]string{l.CopySite, l.OriginSite}
		a, ok := edges[k]
		if !ok {
			a = &acc{e: Edge{Source: l.CopySite, Target: l.OriginSite, Verdicts: make(map[string]int)}}
			edges[k] = a
		}
		a.e.Articles++
		a.e.Verdicts[l.Verdict]++
		if !l.CopyPublished.IsZero() && !l.OriginPublished.IsZero() {
			a.lags = append(a.lags, l.CopyPublished.Sub(l.OriginPublished))
		}
		if l.Verdict == Translation || (l.CopyLang != "" && l.OriginLang != "" && l.CopyLang != l.OriginLang) {
			a.tr++
		}
		g.Nodes[index[l.CopySite]].CopiesOut++
		g.Nodes[index[l.OriginSite]].CopiedIn++
	}
	for _, a := range edges {
		a.e.LagSamples = len(a.lags)
		a.e.MedianLag = median(a.lags)
		a.e.Translated = float64(a.tr) / float64(a.e.Articles)
		g.Edges = append(g.Edges, a.e)
	}
	slices.SortFunc(g.Edges, func(x, y Edge) int {
		return cmp.Or(cmp.Compare(x.Source, y.Source), cmp.Compare(x.Target, y.Target))
	})
	g.Communities, g.Modularity = communities(g, b.opts.Resolution, b.opts.Seed)
	return g
}

// rankLangs orders languages by article count, then by tag.
func rankLangs(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for l := range m {
		out = append(out, l)
	}
	sort.Slice(out, func(i, j int) bool {
		if m[out[i]] != m[out[j]] {
			return m[out[i]] > m[out[j]]
		}
		return out[i] < out[j]
	})
	return out
}

// median returns the median duration, the mean of the middle two for an
// even count, or 0 for none.
func median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	ds = slices.Clone(ds)
	slices.Sort(ds)
	m := len(ds) / 2
	if len(ds)%2 == 1 {
		return ds[m]
	}
	return ds[m-1] + (ds[m]-ds[m-1])/2
}
