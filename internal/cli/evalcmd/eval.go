// Package evalcmd implements `newstrace eval`: scoring the tracing
// pipeline on a corpus with gold labels (`eval --corpus FILE`), importing
// public evaluation sets as corpora (`eval import`), and scoring HTML
// extraction on public extraction sets (`eval extraction`).
package evalcmd

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"

	"github.com/spf13/cobra"

	"github.com/newstrace/newstrace/internal/cli/factory"
	"github.com/newstrace/newstrace/internal/cli/lexiconcmd"
	"github.com/newstrace/newstrace/internal/cli/progress"
	"github.com/newstrace/newstrace/internal/eval/traceeval"
)

// Options are the inputs of `newstrace eval --corpus FILE`.
type Options struct {
	F       *factory.Factory
	Corpus  string
	JSON    bool
	Workers int
	Keep    string
}

// NewCmd returns the eval command with its subcommands. Tests may pass
// runF to capture the options of the parent instead of running it.
func NewCmd(f *factory.Factory, runF func(context.Context, *Options) error) *cobra.Command {
	opts := &Options{F: f}
	cmd := &cobra.Command{
		Use:   "eval --corpus FILE",
		Short: "Score tracing and extraction on evaluation sets",
		Long: `Eval ingests a corpus JSON Lines file with gold labels into a fresh
temporary store (never the data directory's), traces every article against
the others and scores the origins found: origin accuracy and false origin
rate, link precision, recall and F1, overall and per language pair
("<article lang>-<origin lang>"), with ingest and trace speeds.

On a terminal it prints an aligned table; otherwise tab-separated rows under
a header of the metric names; --json prints the full report.

Build corpora from public sets with 'eval import', and score extraction with
'eval extraction'.`,
		Example: `  newstrace eval import newstest2014 ../shared/eval/newstest2014 -o nt14.jsonl
  newstrace eval --corpus nt14.jsonl`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Corpus == "" {
				return errors.New("eval: --corpus FILE is required (or a subcommand: import, extraction)")
			}
			if runF != nil {
				return runF(cmd.Context(), opts)
			}
			return Run(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.Corpus, "corpus", "", "corpus JSON Lines file with gold labels")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the report as JSON")
	cmd.Flags().IntVar(&opts.Workers, "workers", 0, "ingest and trace goroutines (default: number of CPUs)")
	cmd.Flags().StringVar(&opts.Keep, "keep", "", "build the store at this new file and keep it, to inspect with --db")
	cmd.AddCommand(NewCmdImport(f, nil), NewCmdExtraction(f, nil))
	return cmd
}

// Run scores tracing on opts.Corpus.
func Run(ctx context.Context, opts *Options) error {
	f := opts.F
	lex, err := lexiconcmd.Load(ctx, f, f.IO.ErrOut)
	if err != nil {
		return err
	}
	var bar *progress.Bar
	res, err := traceeval.Run(ctx, opts.Corpus, traceeval.Options{
		Lexicon: lex,
		Workers: opts.Workers,
		Keep:    opts.Keep,
		Progress: func(done, total int) {
			if bar == nil {
				bar = progress.New(f.IO.ErrOut, f.IO.ErrTTY, "trace", int64(total))
			}
			bar.Add(1, 1)
		},
		OnError: func(err error) {
			f.Logger.Warn("Skipping record", slog.Any("error", err))
		},
	})
	bar.Done()
	if err != nil {
		return err
	}
	if n := res.Ingest.Duplicates; n > 0 {
		f.Logger.Warn("Duplicate records were stored once and scored once", slog.Int("duplicates", n))
	}
	if opts.JSON {
		enc := json.NewEncoder(f.IO.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	}
	return renderTrace(f.IO.Out, f.IO.OutTTY, res)
}
