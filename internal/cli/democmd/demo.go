// Package democmd implements `newstrace demo`: a fresh store built from the
// embedded demo corpus, every article traced, and a provenance report that
// checks itself against the corpus's gold labels.
package democmd

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/cli/factory"
	"github.com/newstrace/newstrace/internal/cli/lexiconcmd"
	"github.com/newstrace/newstrace/internal/cli/tracecmd"
	"github.com/newstrace/newstrace/internal/demo"
	"github.com/newstrace/newstrace/internal/ingest"
	"github.com/newstrace/newstrace/internal/lang"
	"github.com/newstrace/newstrace/internal/provenance"
	"github.com/newstrace/newstrace/internal/registry"
	"github.com/newstrace/newstrace/internal/store"
	"github.com/newstrace/newstrace/internal/store/sqlite"
)

// Options are the demo command's inputs.
type Options struct {
	F    *factory.Factory
	JSON bool
	// Keep, when set, is where the demo store is written instead of a
	// temporary file, so it can be explored with trace afterwards.
	Keep string
}

// NewCmd returns the demo command.
func NewCmd(f *factory.Factory, runF func(context.Context, *Options) error) *cobra.Command {
	opts := &Options{F: f}
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Trace the embedded demo corpus and print a provenance report",
		Long: `Demo builds a fresh store from a corpus embedded in the binary — fictional
articles written for it, with verbatim, edited and translated copies on
aggregator sites and the leftovers launderers leave — traces every article,
and prints the report, checked against the corpus's own labels.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return Run(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print every report as JSON Lines")
	cmd.Flags().StringVar(&opts.Keep, "keep", "", "write the demo store to this file and keep it")
	return cmd
}

// Run builds the demo store, traces it and prints the report.
func Run(ctx context.Context, opts *Options) error {
	dir, err := os.MkdirTemp("", "newstrace-demo-")
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	defer os.RemoveAll(dir)
	corpus := filepath.Join(dir, "demo-corpus.jsonl")
	if err := writeCorpus(corpus); err != nil {
		return err
	}
	dbPath := filepath.Join(dir, "demo.db")
	if opts.Keep != "" {
		dbPath = opts.Keep
	}
	st, err := sqlite.Open(ctx, dbPath)
	if err != nil {
		return err
	}
	defer st.Close()

	f := opts.F
	lex, err := lexiconcmd.Load(ctx, f, f.IO.ErrOut)
	if err != nil {
		return err
	}
	stats, err := ingest.Run(ctx, []string{corpus}, ingest.Options{
		Store:    st,
		Sketcher: provenance.NewSketcherWithLexicon(lex),
		Lang:     lang.New(),
		OnError:  func(err error) { f.Logger.Warn("Skipping demo record", slog.Any("error", err)) },
	})
	if err != nil {
		return err
	}
	reg, err := registry.LoadData(f.DataDir)
	if err != nil {
		return err
	}
	tr, err := provenance.NewTracer(ctx, st, provenance.Options{Lexicon: lex, Registry: reg, Artifacts: true})
	if err != nil {
		return err
	}
	var arts []*article.Article
	if err := st.List(ctx, store.Query{}, func(a *article.Article) error {
		arts = append(arts, a)
		return nil
	}); err != nil {
		return err
	}
	reports := make([]*provenance.Report, 0, len(arts))
	for _, a := range arts {
		r, err := tr.Trace(ctx, a)
		if err != nil {
			return err
		}
		if err := provenance.Save(ctx, st, r); err != nil {
			return err
		}
		reports = append(reports, r)
	}
	if opts.JSON {
		enc := json.NewEncoder(f.IO.Out)
		for _, r := range reports {
			if err := enc.Encode(r); err != nil {
				return err
			}
		}
		return nil
	}
	printReport(f.IO.Out, stats, arts, reports)
	return nil
}

func writeCorpus(path string) error {
	out, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	if _, err := io.Copy(out, demo.Corpus()); err != nil {
		out.Close()
		return fmt.Errorf("demo: write corpus: %w", err)
	}
	return out.Close()
}

// printReport writes the overview table, the detail of every article with
// an origin, and the check against gold.
func printReport(w io.Writer, stats ingest.Stats, arts []*article.Article, reports []*provenance.Report) {
	fmt.Fprintf(w, "newstrace demo: %d articles ingested from the embedded corpus (%d sites, %d languages)\n\n",
		stats.Docs, count(arts, func(a *article.Article) string { return a.Site }),
		count(arts, func(a *article.Article) string { return a.Lang }))

	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ARTICLE\tLANG\tSITE\tVERDICT\tORIGIN\tLAG\tCHECK")
	right, copies, falseOrigins, plain := 0, 0, 0, 0
	for i, r := range reports {
		origin, lag := "—", ""
		if r.Origin != nil {
			origin, lag = r.Origin.ID, r.Origin.Lag
		}
		check := ""
		if g := arts[i].Gold; g != nil {
			switch {
			case g.Origin != "":
				copies++
				if r.Origin != nil && r.Origin.ID == g.Origin {
					right++
					check = "✓ " + g.Relation
				} else {
					check = "✗ want " + g.Origin
				}
			default:
				plain++
				if r.Origin != nil {
					falseOrigins++
					check = "✗ want no origin"
				} else {
					check = "✓ " + g.Relation
				}
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.ID, r.Lang, r.Site, r.Verdict, origin, lag, check)
	}
	tw.Flush()

	fmt.Fprintf(w, "\nThe evidence, article by article:\n\n")
	for _, r := range reports {
		if r.Origin == nil && len(r.Markers) == 0 {
			continue
		}
		tracecmd.Render(w, r, 2)
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "Check against the corpus labels: %d of %d copies and translations traced to their true origin; "+
		"%d of %d originals and independent articles wrongly given an origin.\n", right, copies, falseOrigins, plain)
}

func count(arts []*article.Article, key func(*article.Article) string) int {
	var ks []string
	for _, a := range arts {
		ks = append(ks, strings.ToLower(key(a)))
	}
	slices.Sort(ks)
	return len(slices.Compact(ks))
}
