// Package ingestcmd implements `newstrace ingest PATH...`.
package ingestcmd

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
	"github.com/newstrace/newstrace/internal/ingest"
	"github.com/newstrace/newstrace/internal/ingest/source"
	"github.com/newstrace/newstrace/internal/lang"
	"github.com/newstrace/newstrace/internal/provenance"
)

// Options are the ingest command's inputs.
type Options struct {
	F       *factory.Factory
	Paths   []string
	Workers int
	JSON    bool
}

// NewCmd returns the ingest command. Tests may pass runF to capture the
// options instead of running.
func NewCmd(f *factory.Factory, runF func(context.Context, *Options) error) *cobra.Command {
	opts := &Options{F: f}
	cmd := &cobra.Command{
		Use:   "ingest PATH...",
		Short: "Ingest HTML pages, text files, corpus JSON Lines and WARC files",
		Long: `Ingest walks files and folders, extracts each article, identifies its
language and residue markers, sketches it and stores it. Ingesting the same
article twice stores it once. A bad file or record is reported on stderr and
the batch goes on.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return Run(cmd.Context(), opts)
		},
	}
	cmd.Flags().IntVar(&opts.Workers, "workers", 0, "extraction goroutines (default: number of CPUs)")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the summary as JSON")
	return cmd
}

// Run ingests opts.Paths into the store.
func Run(ctx context.Context, opts *Options) error {
	f := opts.F
	st, err := f.OpenStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	_, total, err := source.Estimate(opts.Paths)
	if err != nil {
		return err
	}
	lex, err := lexiconcmd.LoadFor(ctx, f, st)
	if err != nil {
		return err
	}
	bar := progress.New(f.IO.ErrOut, f.IO.ErrTTY, "ingest", total)
	stats, err := ingest.Run(ctx, opts.Paths, ingest.Options{
		Store:    st,
		Sketcher: provenance.NewSketcherWithLexicon(lex),
		Lang:     lang.New(),
		Workers:  opts.Workers,
		OnError: func(err error) {
			f.Logger.Warn("Skipping input", slog.Any("error", err))
		},
		OnStored: func(_ *article.Article, _ string, _ bool, n int64) { bar.Add(1, n) },
	})
	bar.Done()
	if err != nil {
		return err
	}
	if opts.JSON {
		enc := json.NewEncoder(f.IO.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(stats)
	}
	fmt.Fprintf(f.IO.Out, "ingested %d articles: %d new, %d already stored, %d errors\n",
		stats.Docs, stats.Created, stats.Duplicates, stats.Errors)
	return nil
}
