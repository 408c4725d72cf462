// Package networkcmd implements `newstrace network`: the site network of
// the store — who copies whom — as GEXF, GraphML, CSV or JSON.
package networkcmd

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/cli/factory"
	"github.com/newstrace/newstrace/internal/cli/lexiconcmd"
	"github.com/newstrace/newstrace/internal/lexicon"
	"github.com/newstrace/newstrace/internal/match"
	"github.com/newstrace/newstrace/internal/network"
	"github.com/newstrace/newstrace/internal/provenance"
	"github.com/newstrace/newstrace/internal/registry"
	"github.com/newstrace/newstrace/internal/store"
)

// Options are the network command's inputs.
type Options struct {
	F      *factory.Factory
	Since  string
	Format string
	Output string
	// Registry lists user registry files merged over the embedded one,
	// after DATA/registry.json when that exists.
	Registry []string
}

// NewCmd returns the network command.
func NewCmd(f *factory.Factory, runF func(context.Context, *Options) error) *cobra.Command {
	opts := &Options{F: f}
	cmd := &cobra.Command{
		Use:   "network [--since DATE] --format gexf|graphml|csv|json [-o FILE]",
		Short: "Export the site network: which sites copy which, how much and how fast",
		Long: `Network builds the graph of sites in the store: an edge runs from a site
to a site it copied from, weighted by the articles copied, with the median lag
and the share translated. Sites carry their article count, languages, source
registry label and template signature (lines they repeat across articles, such
as "EN SAVOIR PLUS:"), and a community found by Louvain modularity.

Copy relations come from the matches stored for each article; an article
without stored matches is traced against the store. --since keeps the articles
published on or after DATE (YYYY-MM-DD or RFC 3339); their origins are kept
whatever their date.

GEXF 1.3 opens in Gephi; GraphML in networkx, igraph and Gephi. CSV writes the
edge list; with -o FILE.csv it also writes the node table to FILE.nodes.csv.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !network.ValidFormat(opts.Format) {
				return fmt.Errorf("network: --format must be one of %s, not %q", strings.Join(network.Formats, ", "), opts.Format)
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return Run(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Since, "since", "", "only articles published on or after `DATE`")
	cmd.Flags().StringVar(&opts.Format, "format", network.FormatGEXF, "output format: "+strings.Join(network.Formats, ", "))
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write to `FILE` instead of standard output")
	cmd.Flags().StringArrayVar(&opts.Registry, "registry", nil, "source registry `FILE` merged over the embedded one (repeatable)")
	return cmd
}

// parseSince accepts a date or an RFC 3339 time.
func parseSince(s string) (time.Time, error) {
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("network: --since %q is not a date (YYYY-MM-DD) or RFC 3339 time", s)
}

// Run builds the network and writes it.
func Run(ctx context.Context, opts *Options) error {
	f := opts.F
	q := store.Query{}
	if opts.Since != "" {
		t, err := parseSince(opts.Since)
		if err != nil {
			return err
		}
		q = q.WithSince(t)
	}
	reg, err := registry.LoadData(f.DataDir, opts.Registry...)
	if err != nil {
		return err
	}
	st, err := f.OpenStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()

	b := network.NewBuilder(network.Options{Registry: reg})
	var ids []string
	err = st.List(ctx, q, func(a *article.Article) error {
		b.AddArticle(a)
		ids = append(ids, a.ID)
		return nil
	})
	if err != nil {
		return fmt.Errorf("network: %w", err)
	}
	src := &linkSource{st: st, lexicon: func(ctx context.Context) (*lexicon.Lexicon, error) {
		return lexiconcmd.LoadFor(ctx, f, st)
	}}
	for _, id := range ids {
		links, err := src.links(ctx, id)
		if err != nil {
			return err
		}
		for _, l := range links {
			b.AddLink(l)
		}
	}
	g := b.Graph()

	if err := write(opts, g); err != nil {
		return err
	}
	fmt.Fprintf(f.IO.ErrOut, "network: %d sites, %d edges, %d communities (modularity %.3f); %d articles, %d traced\n",
		len(g.Nodes), len(g.Edges), g.Communities, g.Modularity, len(ids), src.traced)
	return nil
}

// linkSource finds the copy relations of stored articles: from the matches
// stored for them, or, for an article with none stored, by tracing it.
type linkSource struct {
	st store.Store
	// lexicon loads the lexicon when an article must be traced, so that
	// a network built from stored matches does not pay for it.
	lexicon func(context.Context) (*lexicon.Lexicon, error)
	tracer  *provenance.Tracer
	cache   map[string]*article.Article
	traced  int
}

// derives reports whether a verdict says the query was made from the
// origin, rather than merely sharing words with it.
func derives(v string) bool {
	switch match.Verdict(v) {
	case match.Copy, match.EditedCopy, match.Translation:
		return true
	}
	return false
}

// links returns the edge of article id to the article it was made from:
// the last hop of its traced path, so that a translation of a copy links
// the translating site to the copying one, not past it to the origin — the
// network shows who copies whom. It reads the stored trace when there is
// one and traces (and stores) otherwise.
func (s *linkSource) links(ctx context.Context, id string) ([]network.Link, error) {
	ms, err := s.st.Matches(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("network: matches of %s: %w", id, err)
	}
	if len(ms) == 0 {
		if ms, err = s.trace(ctx, id); err != nil {
			return nil, err
		}
	}
	var out []network.Link
	for _, m := range ms {
		if !derives(m.Verdict) {
			continue
		}
		srcID, verdict := sourceOf(m)
		q, err := s.get(ctx, id)
		if err != nil {
			return nil, err
		}
		o, err := s.get(ctx, srcID)
		if errors.Is(err, store.ErrNotFound) {
			continue // the source was deleted; no edge to draw
		} else if err != nil {
			return nil, err
		}
		out = append(out, network.Link{
			CopyID: q.ID, CopySite: q.Site, CopyLang: q.Lang, CopyPublished: q.PublishedAt,
			OriginID: o.ID, OriginSite: o.Site, OriginLang: o.Lang, OriginPublished: o.PublishedAt,
			Verdict: verdict,
		})
	}
	return out, nil
}

// trace traces article id, stores the trace, and returns its matches as
// stored: an article never traced before.
func (s *linkSource) trace(ctx context.Context, id string) ([]store.Match, error) {
	if s.tracer == nil {
		lex, err := s.lexicon(ctx)
		if err != nil {
			return nil, err
		}
		t, err := provenance.NewTracer(ctx, s.st, provenance.Options{Lexicon: lex})
		if err != nil {
			return nil, err
		}
		s.tracer = t
	}
	rep, err := s.tracer.TraceID(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("network: trace %s: %w", id, err)
	}
	if err := provenance.Save(ctx, s.st, rep); err != nil {
		return nil, fmt.Errorf("network: %w", err)
	}
	s.traced++
	ms, err := rep.Matches()
	if err != nil {
		return nil, fmt.Errorf("network: %w", err)
	}
	return ms, nil
}

// sourceOf reads the article a stored match's query was made from, and
// how, from the path in its evidence; a match stored without one (or with
// a path of the origin alone) names the origin.
func sourceOf(m store.Match) (id, verdict string) {
	var ev struct {
		Path []provenance.Hop `json:"path"`
	}
	if len(m.Evidence) > 0 && json.Unmarshal(m.Evidence, &ev) == nil {
		if n := len(ev.Path); n >= 2 && ev.Path[n-2].ID != "" && ev.Path[n-1].Relation != "" {
			return ev.Path[n-2].ID, string(ev.Path[n-1].Relation)
		}
	}
	return m.OriginID, m.Verdict
}

// get reads a stored article once.
func (s *linkSource) get(ctx context.Context, id string) (*article.Article, error) {
	if a, ok := s.cache[id]; ok {
		return a, nil
	}
	a, err := s.st.Get(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("network: %w", err)
	}
	if s.cache == nil {
		s.cache = make(map[string]*article.Article)
	}
	s.cache[id] = a
	return a, nil
}

// write writes g to -o FILE or standard output; CSV to a file also writes
// the node table beside it.
func write(opts *Options, g *network.Graph) error {
	if opts.Output == "" {
		return network.Write(opts.F.IO.Out, g, opts.Format)
	}
	if err := writeFile(opts.Output, func(w io.Writer) error { return network.Write(w, g, opts.Format) }); err != nil {
		return err
	}
	if opts.Format == network.FormatCSV {
		return writeFile(NodesPath(opts.Output), func(w io.Writer) error { return network.WriteNodesCSV(w, g) })
	}
	return nil
}

// NodesPath is where the node table of a CSV export to path goes:
// "net.csv" → "net.nodes.csv".
func NodesPath(path string) string {
	ext := filepath.Ext(path)
	if strings.EqualFold(ext, ".csv") {
		return strings.TrimSuffix(path, ext) + ".nodes" + ext
	}
	return path + ".nodes.csv"
}

func writeFile(path string, fn func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("network: %w", err)
	}
	if err := fn(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("network: %w", err)
	}
	return nil
}
