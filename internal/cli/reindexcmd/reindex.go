// Package reindexcmd implements `newstrace reindex`.
package reindexcmd

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"

	"github.com/spf13/cobra"

	"github.com/newstrace/newstrace/internal/article"
	"github.com/newstrace/newstrace/internal/cli/factory"
	"github.com/newstrace/newstrace/internal/cli/lexiconcmd"
	"github.com/newstrace/newstrace/internal/cli/progress"
	"github.com/newstrace/newstrace/internal/provenance"
	"github.com/newstrace/newstrace/internal/store"
)

// Options are the reindex command's inputs.
type Options struct {
	F    *factory.Factory
	JSON bool
}

// Stats is what a reindex did.
type Stats struct {
	Docs   int `json:"docs"`
	Errors int `json:"errors"`
}

// NewCmd returns the reindex command. Tests may pass runF to capture the
// options instead of running.
func NewCmd(f *factory.Factory, runF func(context.Context, *Options) error) *cobra.Command {
	opts := &Options{F: f}
	cmd := &cobra.Command{
		Use:   "reindex",
		Short: "Sketch every stored article again, with the current lexicon",
		Long: `Reindex computes every stored article's sketches again — the keys that
find its copies and translations — from its stored text, with the lexicon
and the sketching of this build, and replaces the stored ones. Run it after
importing a new lexicon or upgrading newstrace: articles ingested before
keep the keys they were stored with until then, and a translation is found
by the keys both texts share. An article that cannot be re-sketched is
reported on stderr and keeps its sketches; the rest go on.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return Run(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the summary as JSON")
	return cmd
}

// Run re-sketches every stored article.
func Run(ctx context.Context, opts *Options) error {
	f := opts.F
	st, err := f.OpenStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	lex, err := lexiconcmd.Load(ctx, f, f.IO.ErrOut)
	if err != nil {
		return err
	}
	total, err := st.Count(ctx)
	if err != nil {
		return err
	}
	sk := provenance.NewSketcherWithLexicon(lex)
	bar := progress.New(f.IO.ErrOut, f.IO.ErrTTY, "reindex", int64(total))
	var stats Stats
	err = st.List(ctx, store.Query{}, func(a *article.Article) error {
		if err := st.PutSketches(ctx, a.ID, sk.Sketches(a)); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			f.Logger.Warn("Keeping the old sketches", slog.String("id", a.ID), slog.Any("error", err))
			stats.Errors++
			return nil
		}
		stats.Docs++
		bar.Add(1, 1)
		return nil
	})
	bar.Done()
	if err != nil {
		return fmt.Errorf("reindex: %w", err)
	}
	// Every article now has this lexicon's sketches: the store says so,
	// and commands stop warning (provenance.Sketcher.CheckStore). One
	// that kept its old sketches leaves the old stamp, and the warning.
	if stamp := sk.Stamp(); stats.Errors == 0 && stamp != "" {
		if err := st.SetSetting(ctx, provenance.SketchesSetting, stamp); err != nil {
			return fmt.Errorf("reindex: %w", err)
		}
	}
	if opts.JSON {
		enc := json.NewEncoder(f.IO.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(stats)
	}
	fmt.Fprintf(f.IO.Out, "re-sketched %d articles, %d errors\n", stats.Docs, stats.Errors)
	return nil
}
